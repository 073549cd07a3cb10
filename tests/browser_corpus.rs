//! Browser tests for the corpus: several documents in one workspace, the document list and its
//! keys, done marks, persistence in IndexedDB across a remount, tag all across documents, a
//! saved workspace that cannot be read, and corpus exports. Offsets are code points.
#![cfg(target_arch = "wasm32")]

#[path = "support/browser_app.rs"]
mod browser_app;

use article_annotator::ui::browser::indexed_db::{self as workspace_store, Writes};
use article_annotator::ui::flows::autosave::{document_key, META_KEY, UNSAVED_KEY};
use browser_app::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn list_titles(app: &Mounted) -> Vec<String> {
    app.texts(".document-entry .document-title")
}

fn current_title(app: &Mounted) -> String {
    app.texts(".document-entry.current .document-title")
        .concat()
}

#[wasm_bindgen_test]
async fn picked_files_join_the_workspace_and_the_list_shows_each() {
    let app = with_two_reports().await;
    let titles = list_titles(&app);
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert_eq!(titles[1..], ["Alpha report", "Beta report"]);
    assert_eq!(
        current_title(&app),
        "Alpha report",
        "the first added one opens"
    );
    assert_eq!(app.texts(".title"), ["Alpha report"]);
    let notice = app.texts(".notice").concat();
    assert!(
        notice.contains("Added 2 documents from alpha.txt (Plain text), beta.md (Plain text)"),
        "{notice}"
    );
    assert_eq!(app.texts("nav.documents h2"), ["Documents (3) · 0 done"]);

    // Statistics: this document and the corpus side by side.
    app.select_text("Moscow");
    press("2", false, false).await;
    press("]", false, false).await;
    app.select_text("Tehran");
    press("2", false, false).await;
    app.click(".statistics summary");
    settle().await;
    // Place is the second row: one span here, two (distinct) in the corpus.
    assert_eq!(
        app.texts(".statistics tbody tr:nth-child(2) td"),
        ["1", "1", "2", "2"]
    );
}

#[wasm_bindgen_test]
async fn keys_and_the_list_move_between_documents_and_done_ones_can_be_skipped() {
    let app = with_two_reports().await;
    app.select_text("Shoigu");
    press("1", false, false).await;
    press("]", false, false).await;
    assert_eq!(current_title(&app), "Beta report");
    press("[", false, false).await;
    assert_eq!(current_title(&app), "Alpha report");
    assert_eq!(
        app.texts(".article mark.hl"),
        ["Shoigu"],
        "its span is still there"
    );
    app.click_and_render(".mark-done").await;
    assert_eq!(app.texts(".mark-done"), ["Done ✓"]);
    assert_eq!(
        app.texts(".document-entry.current .document-count"),
        ["1 span"]
    );
    press("n", false, false).await;
    assert_eq!(current_title(&app), "Beta report");
    // With "To do", done documents leave the list and are skipped by next / previous.
    app.click_and_render(".status-filter button[data-filter='To do']")
        .await;
    assert!(!list_titles(&app).contains(&"Alpha report".to_owned()));
    press("p", false, false).await;
    assert_ne!(
        current_title(&app),
        "Alpha report",
        "the done one is skipped"
    );
    app.click_and_render(".document-entry[data-index='2']")
        .await;
    assert_eq!(current_title(&app), "Beta report");
}

#[wasm_bindgen_test]
async fn a_remount_restores_every_document_the_open_one_and_the_done_marks() {
    let app = with_two_reports().await;
    app.select_text("Moscow");
    press("2", false, false).await;
    app.click_and_render(".mark-done").await;
    press("]", false, false).await;
    app.select_text("Tehran");
    press("2", false, false).await;
    let before = saved_export().await;
    assert_eq!(before["document"]["title"], "Beta report");
    drop(app);

    let app = mount().await;
    assert_eq!(list_titles(&app).len(), 3);
    assert_eq!(
        current_title(&app),
        "Beta report",
        "the open document is restored"
    );
    assert_eq!(app.texts(".article mark.hl"), ["Tehran"]);
    assert_eq!(app.texts("nav.documents h2"), ["Documents (3) · 1 done"]);
    press("[", false, false).await;
    assert_eq!(app.texts(".article mark.hl"), ["Moscow"]);
    assert_eq!(app.texts(".mark-done"), ["Done ✓"]);
    // The undo history came back with the document.
    press("z", true, false).await;
    assert!(
        app.texts(".article mark.hl").is_empty(),
        "Ctrl+Z after the reload"
    );
    press("y", true, false).await;
    assert_eq!(app.texts(".article mark.hl"), ["Moscow"]);
}

#[wasm_bindgen_test]
async fn a_pasted_text_becomes_a_document() {
    reset_storage().await;
    let app = mount().await;
    app.click_and_render(".paste-toggle").await;
    let set = |selector: &str, value: &str| {
        let element = app
            .root
            .query_selector(selector)
            .expect("selector")
            .expect("field");
        js_sys::Reflect::set(&element, &"value".into(), &value.into()).expect("value");
    };
    set(".paste-title", "Pasted news");
    set(".paste-text", "Araghchi arrived in Geneva 😀 today.");
    app.click_and_render(".paste-add").await;
    assert_eq!(app.texts(".title"), ["Pasted news"]);
    assert_eq!(current_title(&app), "Pasted news");
    app.select_text("Geneva");
    press("2", false, false).await;
    let saved = saved_export().await;
    assert_eq!(
        saved["annotations"][0]["start"], 20,
        "code points: 😀 counts once"
    );
    assert_eq!(saved["annotations"][0]["text"], "Geneva");
}

#[wasm_bindgen_test]
async fn tag_all_across_the_corpus_counts_documents_and_one_undo_takes_all_back() {
    let app = with_two_reports().await;
    app.click_and_render(".scope-toggle").await;
    app.select_text("Bagheri");
    press("1", false, false).await;
    app.click_and_render(".actions button[title^='Tag every other']")
        .await;
    // The embedded article mentions Bagheri six times as a whole word, Beta twice.
    let notice = app.texts(".notice").concat();
    assert!(
        notice.contains(
            "Tagged 8 more “Bagheri” as Person (whole words, matching case) in 2 documents"
        ),
        "{notice}"
    );
    let counts = app.texts(".document-entry .document-count");
    assert_eq!(counts, ["6 spans", "1 span", "2 spans"]);
    press("z", true, false).await;
    let counts = app.texts(".document-entry .document-count");
    assert_eq!(
        counts,
        ["0 spans", "1 span", "0 spans"],
        "one undo, every document"
    );
    press("z", true, false).await;
    assert_eq!(app.texts(".document-entry .document-count")[1], "0 spans");
}

#[wasm_bindgen_test]
async fn an_unreadable_saved_workspace_is_reported_and_kept() {
    reset_storage().await;
    let broken = r#"{"format":"article-annotator-workspace","version":1,"offset_unit":"codepoint","labels":[],"current":0,"done":[false,false]}"#;
    workspace_store::write(&Writes::put(vec![(META_KEY.to_owned(), broken.to_owned())]))
        .await
        .expect("seeded");
    let app = mount().await;
    let warning = app.texts(".saving-warning").concat();
    assert!(
        warning.contains("could not be read") && warning.contains("document 1 is missing"),
        "{warning}"
    );
    app.select_text("Bagheri");
    press("1", false, false).await;
    settle().await;
    gloo_timers::future::TimeoutFuture::new(500).await;
    let meta = workspace_store::read(&[META_KEY.to_owned()])
        .await
        .expect("read");
    assert_eq!(
        meta[0].as_deref(),
        Some(broken),
        "never overwritten by the fresh workspace"
    );
}

#[wasm_bindgen_test]
async fn the_corpus_exports_as_one_file_or_a_zip_and_optionally_only_done_documents() {
    let app = with_two_reports().await;
    record_browser(true);
    app.select_text("Moscow");
    press("2", false, false).await;
    app.click_and_render(".mark-done").await;
    let corpus_box: web_sys::HtmlInputElement = app
        .root
        .query_selector(".export-corpus")
        .expect("selector")
        .expect("checkbox")
        .unchecked_into();
    corpus_box.click();
    yew::scheduler::flush().await;
    app.click(".export-menu button[data-format=iob2]");
    settle().await;
    let files = downloads().await;
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "corpus.iob2.conll");
    assert_eq!(
        files[0].1.matches("-DOCSTART-").count(),
        3,
        "every document"
    );
    assert!(files[0].1.contains("Moscow\tB-Place"), "{}", files[0].1);

    record_browser(true);
    app.click_and_render(".export-done").await;
    app.click(".export-menu button[data-format=brat]");
    settle().await;
    let files = downloads().await;
    assert_eq!(files.len(), 1, "one archive");
    assert_eq!(files[0].0, "corpus.brat.zip");
    let archive = &files[0].1;
    assert!(archive.starts_with("PK"));
    assert!(archive.contains("alpha.ann") && archive.contains("T1\tPlace 36 42\tMoscow"));
    assert!(!archive.contains("beta.txt"), "only the done document");

    record_browser(true);
    app.click(".export-menu button[data-format=native]");
    settle().await;
    let files = downloads().await;
    assert_eq!(files[0].0, "corpus.workspace.json");
    assert!(files[0]
        .1
        .contains("\"format\":\"article-annotator-workspace\""));
    // Opened again, the workspace file (of the one done document) adds it, marked done.
    open_file(&app, "corpus.workspace.json", &files[0].1).await;
    assert_eq!(app.texts("nav.documents h2"), ["Documents (4) · 2 done"]);
    assert_eq!(app.texts(".title"), ["Alpha report"]);
}

#[wasm_bindgen_test]
async fn leaving_the_page_keeps_the_last_change_for_the_next_start() {
    reset_storage().await;
    let app = mount().await;
    gloo_timers::future::TimeoutFuture::new(500).await;
    let keys = [META_KEY.to_owned(), document_key(0)];
    let before = workspace_store::read(&keys).await.expect("read");
    assert!(
        before.iter().all(Option::is_some),
        "the fresh workspace is saved"
    );

    app.select_text("Sergei Shoigu");
    press("1", false, false).await;
    // The page is left at once, within the autosave delay.
    let pagehide = web_sys::Event::new("pagehide").expect("event");
    web_sys::window()
        .expect("window")
        .dispatch_event(&pagehide)
        .expect("dispatched");
    let kept = storage()
        .get_item(UNSAVED_KEY)
        .expect("read")
        .expect("the change is kept in localStorage");
    assert!(kept.contains("Sergei Shoigu"), "{kept}");
    drop(app);

    // Say IndexedDB lost the write as the page went: the store is as before the change.
    reset_storage().await;
    let records: Vec<(String, String)> = keys
        .iter()
        .cloned()
        .zip(before.into_iter().flatten())
        .collect();
    workspace_store::write(&Writes::put(records))
        .await
        .expect("as before");
    storage().set_item(UNSAVED_KEY, &kept).expect("kept");
    let app = mount().await;
    assert_eq!(app.texts(".article mark.hl"), ["Sergei Shoigu"]);
    assert_eq!(storage().get_item(UNSAVED_KEY).expect("read"), None);
    let saved = saved_document(0).await;
    assert_eq!(saved["annotations"][0]["text"], "Sergei Shoigu");
}

#[wasm_bindgen_test]
async fn a_second_tab_opens_the_saved_work_but_does_not_save_over_the_first() {
    reset_storage().await;
    let app = mount().await;
    app.select_text("Sergei Shoigu");
    press("1", false, false).await;
    let saved = saved_export().await;
    drop(app);
    // Another tab holds the workspace's lock.
    eval(
        "navigator.locks.request('article-annotator.workspace', () =>
           new Promise((resolve) => { window.__releaseTab = resolve; }))",
    );
    let app = mount().await;
    assert_eq!(
        app.texts(".article mark.hl"),
        ["Sergei Shoigu"],
        "the saved work"
    );
    let warning = app.texts(".saving-warning").concat();
    assert!(warning.contains("open in another tab"), "{warning}");
    app.select_text("Bagheri");
    press("1", false, false).await;
    assert_eq!(saved_export().await, saved, "this tab saved nothing");
    drop(app);
    eval("window.__releaseTab()");
    // Once the other tab is gone (the lock manager hears of it a moment later), a tab saves.
    gloo_timers::future::TimeoutFuture::new(50).await;
    let app = mount().await;
    assert!(app.all(".saving-warning").is_empty());
}
