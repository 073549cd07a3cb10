//! Browser tests for the dataset formats in the App: the Export menu (with the list of spans a
//! format must leave out, shown before anything is downloaded), Copy JSON, and opening picked
//! or dropped files in every format, including HTML reduced to text. Offsets are code points.
#![cfg(target_arch = "wasm32")]

#[path = "support/browser_app.rs"]
mod browser_app;

use browser_app::*;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Saves a document where Place "Moscow" sits inside Event "Moscow Summit", on an otherwise
/// empty store (an earlier test's workspace would open instead).
async fn save_nested() {
    reset_storage().await;
    let text = "Shoigu opened the Moscow Summit in 😀 Tehran.\n";
    save_with_spans(
        "summit",
        text,
        &[
            (0, 6, "Person", "Shoigu"),
            (18, 31, "Event", "Moscow Summit"),
            (18, 24, "Place", "Moscow"),
            (37, 43, "Place", "Tehran"),
        ],
    );
}

#[wasm_bindgen_test]
async fn a_conll_export_lists_the_overlapping_spans_first_and_writes_the_rest() {
    save_nested().await;
    let app = mount().await;
    record_browser(false);
    app.click("[data-format=iob2]");
    settle().await;
    let asked = questions();
    assert_eq!(asked.len(), 1);
    assert!(
        asked[0].contains("These 1 spans overlap longer ones"),
        "{}",
        asked[0]
    );
    assert!(
        asked[0].contains("• Place “Moscow” (18–24)"),
        "{}",
        asked[0]
    );
    assert!(downloads().await.is_empty(), "declining downloads nothing");
    assert!(app.texts(".notice").concat().contains("cancelled"));

    record_browser(true);
    app.click("[data-format=iob2]");
    settle().await;
    let files = downloads().await;
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "summit.iob2.conll");
    let tags: Vec<&str> = files[0].1.lines().collect();
    assert!(
        tags.contains(&"Moscow\tB-Event") && tags.contains(&"Summit\tI-Event"),
        "{tags:?}"
    );
    assert!(tags.contains(&"Tehran\tB-Place"), "{tags:?}");
    let notice = app.texts(".notice").concat();
    assert!(
        notice.contains("Exported 3 annotations as CoNLL IOB2"),
        "{notice}"
    );
    assert!(notice.contains("1 overlapping spans left out"), "{notice}");
}

#[wasm_bindgen_test]
async fn every_export_format_downloads_files_named_after_the_document() {
    save_nested().await;
    let app = mount().await;
    record_browser(true);
    for format in [
        "native",
        "doccano",
        "label-studio",
        "prodigy",
        "spacy",
        "iob2",
        "bilou",
        "brat",
        "w3c",
    ] {
        app.click(&format!("[data-format={format}]"));
        settle().await;
    }
    let files = downloads().await;
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "summit.annotations.json",
            "summit.doccano.jsonl",
            "summit.label-studio.json",
            "summit.prodigy.jsonl",
            "summit.spacy.json",
            "summit.iob2.conll",
            "summit.bilou.conll",
            "summit.txt",
            "summit.ann",
            "summit.w3c.jsonld"
        ]
    );
    let doccano: serde_json::Value = serde_json::from_str(&files[1].1).expect("doccano line");
    assert_eq!(
        doccano["label"][3],
        serde_json::json!([37, 43, "Place"]),
        "code points after 😀"
    );
    assert!(files[8].1.contains("T4\tPlace 37 43\tTehran"));
}

#[wasm_bindgen_test]
async fn copy_json_puts_the_native_export_on_the_clipboard() {
    save_nested().await;
    let app = mount().await;
    record_browser(true);
    app.click(".actions button[title^='Copy the annotations']");
    settle().await;
    let copied = eval("window.__clipboard").as_string().expect("copied");
    let json: serde_json::Value = serde_json::from_str(&copied).expect("JSON");
    assert_eq!(json["format"], "article-annotator");
    assert_eq!(json["annotations"].as_array().map(Vec::len), Some(4));
    assert!(app
        .texts(".notice")
        .concat()
        .contains("Copied the JSON of 4 annotations"));
}

#[wasm_bindgen_test]
async fn a_doccano_file_with_a_new_label_opens_with_that_label_added() {
    reset_storage().await;
    let app = mount().await;
    let line = r#"{"id": "nato", "title": "NATO summit", "text": "NATO met in 😀 Brussels.", "label": [[0, 4, "Organization"], [14, 22, "Place"]]}"#;
    open_file(&app, "corpus.jsonl", &format!("{line}\n")).await;
    assert_eq!(app.texts(".title"), ["NATO summit"]);
    assert_eq!(app.texts(".article mark.hl"), ["NATO", "Brussels"]);
    let labels = app.texts(".legend .label-name");
    assert_eq!(labels, ["Person", "Place", "Event", "Organization"]);
    let notice = app.texts(".notice").concat();
    assert!(
        notice.contains("(doccano JSONL) with 2 annotations; new labels: Organization"),
        "{notice}"
    );
    // The new label has key 4 and works like the others.
    app.select_text("met");
    press("4", false, false).await;
    assert_eq!(app.texts(".article mark.hl.l3"), ["NATO", "met"]);
}

#[wasm_bindgen_test]
async fn an_html_article_opens_as_its_text_without_running_its_scripts() {
    reset_storage().await;
    let app = mount().await;
    let html = r#"<!doctype html><html><head><title>Summit report</title>
        <style>p { color: red }</style><script>window.__ran = true;</script></head>
        <body><nav>Home | World</nav><h1>Leaders   meet</h1>
        <p>Sergei Shoigu met <b>Bagheri</b> in Moscow.<br>Second line.</p>
        <script>window.__ran = true;</script><p onclick="window.__ran = true">Closing &amp; words.</p></body></html>"#;
    open_file(&app, "report.html", html).await;
    assert_eq!(app.texts(".title"), ["Summit report"]);
    let article = app.texts(".article").concat();
    assert_eq!(
        article,
        "Leaders meet\n\nSergei Shoigu met Bagheri in Moscow.\nSecond line.\n\nClosing & words.\n"
    );
    assert!(eval("window.__ran").is_undefined(), "no script ran");
    assert!(app
        .all(".article script, .article b, .article p")
        .is_empty());
    app.select_text("Bagheri");
    press("1", false, false).await;
    assert_eq!(app.texts(".article mark.hl"), ["Bagheri"]);
}

#[wasm_bindgen_test]
async fn a_brat_pair_picked_together_opens_with_its_spans() {
    reset_storage().await;
    let app = mount().await;
    let text = "Shoigu visited Red\nSquare.\n";
    let ann =
        "T1\tPerson 0 6\tShoigu\nT2\tPlace 15 18;19 25\tRed Square\n#1\tAnnotatorNotes T1\tnote\n";
    pick_files(
        &app,
        &[text_file("visit.ann", ann), text_file("visit.txt", text)],
    )
    .await;
    assert_eq!(app.texts(".article mark.hl"), ["Shoigu", "Red\n", "Square"]);
    assert_eq!(app.texts(".entries .entry-text"), ["Shoigu", "Red\nSquare"]);
    let notice = app.texts(".notice").concat();
    assert!(
        notice.contains("(brat standoff (.txt + .ann)) with 2 annotations"),
        "{notice}"
    );
    assert!(!notice.contains("not opened"), "{notice}");
}

#[wasm_bindgen_test]
async fn w3c_annotations_anchor_onto_the_open_document() {
    save_nested().await;
    let app = mount().await;
    record_browser(true);
    app.click("[data-format=w3c]");
    settle().await;
    let (_, w3c) = downloads().await.remove(0);
    app.click(".entries .entry");
    press("Delete", false, false).await;
    assert_eq!(app.all(".article mark.hl").len(), 3);
    open_file(&app, "summit.w3c.jsonld", &w3c).await;
    assert_eq!(app.texts(".entries .entry-text").len(), 4);
    assert!(app.texts(".article mark.hl").contains(&"Shoigu".to_owned()));
}

#[wasm_bindgen_test]
async fn a_file_dropped_on_the_page_opens() {
    reset_storage().await;
    let app = mount().await;
    let transfer = web_sys::DataTransfer::new().expect("transfer");
    transfer
        .items()
        .add_with_file(&text_file("dropped.txt", "Dropped article about Tehran.\n"))
        .expect("add");
    let init = web_sys::DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&transfer));
    let drop = web_sys::DragEvent::new_with_event_init_dict("drop", &init).expect("event");
    app.root.dispatch_event(&drop).expect("dispatch");
    assert!(
        drop.default_prevented(),
        "the browser must not navigate to the file"
    );
    TimeoutFuture::new(100).await;
    yew::scheduler::flush().await;
    assert_eq!(app.texts(".title"), ["Dropped article about Tehran."]);
    assert_eq!(
        app.texts(".article").concat(),
        "Dropped article about Tehran.\n"
    );
}

#[wasm_bindgen_test]
async fn a_label_studio_file_whose_text_does_not_match_is_refused_and_work_kept() {
    reset_storage().await;
    let app = mount().await;
    app.select_text("Sergei Shoigu");
    press("1", false, false).await;
    record_browser(true);
    let task = r#"[{"data": {"text": "Sergei Shoigu met Bagheri"}, "annotations": [{"result": [
        {"from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 6, "text": "Shoigu", "labels": ["Person"]}}]}]}]"#;
    open_file(&app, "tasks.json", task).await;
    let notice = app.texts(".notice.error").concat();
    assert!(
        notice.contains("tasks.json was not opened: record 1, span 1 (Person 0–6): its offsets select \"Sergei\", but its text is \"Shoigu\""),
        "{notice}"
    );
    assert!(
        questions().is_empty(),
        "refused before asking to replace anything"
    );
    assert_eq!(app.texts(".article mark.hl"), ["Sergei Shoigu"]);
    assert!(app.texts(".article").concat().starts_with("TEHRAN"));
}

#[wasm_bindgen_test]
async fn the_export_menu_opens_on_its_button_and_closes_on_a_click_outside() {
    reset_storage().await;
    let app = mount().await;
    let is_open = || app.all(".export-menu[open]").len() == 1;
    app.click(".export-menu summary");
    assert!(is_open());
    app.click(".export-menu .menu");
    assert!(is_open(), "a click inside keeps it open");
    app.click(".article");
    assert!(!is_open(), "a click outside closes it");
}
