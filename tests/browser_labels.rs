//! Browser tests for labels of one's own: the label editor adds, renames, recolours, rebinds,
//! reorders and deletes labels (deleting asks, and undo brings the label and its spans back),
//! and a label set exports and imports as JSON. Offsets are code points.
#![cfg(target_arch = "wasm32")]

#[path = "support/browser_app.rs"]
mod browser_app;

use browser_app::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Sets an input's value and fires `change`, as typing and leaving the field does.
fn change(app: &Mounted, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = app
        .root
        .query_selector(selector)
        .expect("selector")
        .expect("input exists")
        .unchecked_into();
    input.set_value(value);
    let event = web_sys::Event::new_with_event_init_dict("change", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

async fn open_editor() -> Mounted {
    reset_storage().await;
    let app = mount().await;
    app.click(".labels-toggle");
    yew::scheduler::flush().await;
    app
}

fn legend(app: &Mounted) -> Vec<String> {
    app.texts(".legend .label-button")
}

#[wasm_bindgen_test]
async fn a_new_label_gets_a_key_and_tags_like_the_others() {
    let app = open_editor().await;
    change(&app, ".label-add input", "Organization");
    let form: web_sys::HtmlFormElement = app
        .root
        .query_selector(".label-add")
        .expect("selector")
        .expect("form")
        .unchecked_into();
    form.request_submit().expect("submit");
    yew::scheduler::flush().await;
    assert_eq!(
        legend(&app),
        ["Person1", "Place2", "Event3", "Organization4"]
    );
    app.select_text("Armed Forces");
    press("4", false, false).await;
    assert_eq!(
        app.texts(".article mark.hl[data-label=Organization]"),
        ["Armed Forces"]
    );
    let saved = saved_export().await;
    assert_eq!(saved["labels"][3]["name"], "Organization");
    assert_eq!(saved["annotations"][0]["label"], "Organization");
}

#[wasm_bindgen_test]
async fn rename_recolour_rebind_and_reorder_show_everywhere_and_undo() {
    let app = open_editor().await;
    app.select_text("Moscow");
    press("2", false, false).await;
    change(
        &app,
        ".label-row:nth-child(2) .label-name-input",
        "Location",
    );
    yew::scheduler::flush().await;
    assert_eq!(
        app.texts(".article mark.hl[data-label=Location]"),
        ["Moscow"]
    );
    change(&app, ".label-row:nth-child(2) input[type=color]", "#123456");
    yew::scheduler::flush().await;
    let mark = app.all(".article mark.hl[data-label=Location]")[0].clone();
    let colour = web_sys::window()
        .and_then(|w| w.get_computed_style(&mark).ok().flatten())
        .and_then(|style| style.get_property_value("--hl").ok())
        .unwrap_or_default();
    assert_eq!(colour.trim(), "#123456");
    change(&app, ".label-row:nth-child(2) .label-key-input", "l");
    yew::scheduler::flush().await;
    assert_eq!(legend(&app)[1], "Locationl");
    app.click(".label-row:nth-child(2) button[aria-label='Move Location up']");
    yew::scheduler::flush().await;
    assert_eq!(legend(&app), ["Locationl", "Person1", "Event3"]);

    // A key another label has is refused with a reason; the field shows the old key again.
    change(&app, ".label-row:nth-child(1) .label-key-input", "1");
    yew::scheduler::flush().await;
    assert!(app
        .texts(".notice.error")
        .concat()
        .contains("Key '1' already applies \"Person\""));
    let key: web_sys::HtmlInputElement = app.all(".label-row:nth-child(1) .label-key-input")[0]
        .clone()
        .unchecked_into();
    assert_eq!(key.value(), "l");

    // Each edit is one undo step: four undos give back Place, its colour and key 2.
    for _ in 0..4 {
        press("z", true, false).await;
    }
    assert_eq!(legend(&app), ["Person1", "Place2", "Event3"]);
    assert_eq!(app.texts(".article mark.hl[data-label=Place]"), ["Moscow"]);
}

#[wasm_bindgen_test]
async fn deleting_a_label_asks_with_its_span_count_and_undo_brings_all_back() {
    let app = open_editor().await;
    app.select_text("Sergei Shoigu");
    press("1", false, false).await;
    app.select_text("Valery Gerasimov");
    press("1", false, false).await;
    eval("window.__asked = []; window.confirm = (m) => { window.__asked.push(m); return true; };");
    app.click(".label-row:nth-child(1) button[aria-label='Delete Person']");
    yew::scheduler::flush().await;
    let asked = eval("window.__asked.join('|')")
        .as_string()
        .unwrap_or_default();
    assert_eq!(
        asked,
        "Delete the label “Person” and the 2 spans that use it? Undo brings them back."
    );
    assert_eq!(legend(&app), ["Place2", "Event3"]);
    assert!(app.all(".article mark.hl").is_empty());
    press("z", true, false).await;
    assert_eq!(legend(&app), ["Person1", "Place2", "Event3"]);
    assert_eq!(
        app.texts(".article mark.hl"),
        ["Sergei Shoigu", "Valery Gerasimov"]
    );
}

#[wasm_bindgen_test]
async fn a_label_set_exports_and_imports_as_json() {
    let app = open_editor().await;
    eval(
        "window.__downloads = []; HTMLAnchorElement.prototype.click = function () { window.__downloads.push(this.download); };",
    );
    app.click(".label-files button");
    yew::scheduler::flush().await;
    let names = eval("window.__downloads.join('|')")
        .as_string()
        .unwrap_or_default();
    assert_eq!(names, "iran-russia-military-cooperation.labels.json");

    let set = r##"{"format": "article-annotator-labels", "version": 1, "labels": [
        {"name": "Place", "color": "#00ff00", "key": "9"},
        {"name": "Date", "color": "#abcdef", "key": "d"}]}"##;
    pick_labels(&app, &text_file("set.json", set)).await;
    assert_eq!(legend(&app), ["Person1", "Place9", "Event3", "Dated"]);
    let said = app.texts(".notice").concat();
    assert!(
        said.contains("\u{201c}Place\u{201d} now has key 9 (was 2)")
            && said.contains("added \u{201c}Date\u{201d} (key d)"),
        "{said}"
    );

    let bad = text_file("bad.json", "{\"format\": \"nope\", \"labels\": []}");
    pick_labels(&app, &bad).await;
    assert!(app
        .texts(".notice.error")
        .concat()
        .contains("bad.json was not read"));
    assert_eq!(legend(&app), ["Person1", "Place9", "Event3", "Dated"]);
}

/// Picks a label set file with Import labels….
async fn pick_labels(app: &Mounted, file: &web_sys::File) {
    pick_files_into(
        app,
        ".label-files input[type=file]",
        std::slice::from_ref(file),
    )
    .await;
}
