//! Browser tests for saving: saved work that cannot be read is kept, a remount restores the
//! annotations, a full quota is reported and the work stays. Offsets are code points.
#![cfg(target_arch = "wasm32")]

#[path = "support/browser_app.rs"]
mod browser_app;

use article_annotator::ui::browser::local_storage::DOCUMENT_KEY;
use browser_app::*;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn unreadable_saved_work_is_reported_and_never_overwritten() {
    reset_storage().await;
    storage()
        .set_item(DOCUMENT_KEY, "{\"format\": truncated")
        .expect("save");
    let app = mount().await;
    let warning = app.texts(".saving-warning").concat();
    assert!(warning.contains("could not be read"), "{warning}");
    assert!(warning.contains("Export everything"), "{warning}");
    app.select_text("Bagheri");
    press("1", false, false).await;
    TimeoutFuture::new(500).await;
    assert_eq!(
        storage().get_item(DOCUMENT_KEY).expect("read").as_deref(),
        Some("{\"format\": truncated")
    );
    assert_eq!(saved_meta().await, None, "nothing was saved over it");
}

#[wasm_bindgen_test]
async fn a_remount_restores_the_saved_annotations() {
    reset_storage().await;
    let app = mount().await;
    app.select_text("Kharbmaidon training ground");
    press("2", false, false).await;
    let _ = saved_export().await;
    drop(app);
    let app = mount().await;
    assert_eq!(
        app.texts(".article mark.hl"),
        ["Kharbmaidon training ground"]
    );
    assert_eq!(app.texts(".entries .entry-label"), ["Place"]);
}

#[wasm_bindgen_test]
async fn a_full_storage_quota_is_reported_and_the_work_stays_in_the_page() {
    reset_storage().await;
    let app = mount().await;
    // Every IndexedDB write now fails the way a full quota does.
    let restore = js_sys::Function::new_no_args(
        "const original = IDBObjectStore.prototype.put;
         IDBObjectStore.prototype.put = function () {
           throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
         };
         return () => { IDBObjectStore.prototype.put = original; };",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .expect("patched")
    .unchecked_into::<js_sys::Function>();
    app.select_text("Sergei Shoigu");
    press("1", false, false).await;
    TimeoutFuture::new(600).await;
    yew::scheduler::flush().await;
    let warning = app.texts(".saving-warning").concat();
    restore
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("restored");
    assert!(
        warning.contains("Saving stopped") && warning.contains("QuotaExceededError"),
        "{warning}"
    );
    assert_eq!(app.all(".saving-warning .export-everything").len(), 1);
    assert_eq!(
        app.texts(".article mark.hl"),
        ["Sergei Shoigu"],
        "the work is still there"
    );
    // Once there is room again, the next change saves everything and the warning goes.
    app.select_text("Bagheri");
    press("1", false, false).await;
    let saved = saved_export().await;
    yew::scheduler::flush().await;
    assert!(app.all(".saving-warning").is_empty());
    let texts: Vec<&str> = saved["annotations"]
        .as_array()
        .expect("annotations")
        .iter()
        .filter_map(|a| a["text"].as_str())
        .collect();
    assert_eq!(texts, ["Bagheri", "Sergei Shoigu"], "both, in text order");
}

/// A record written into a JavaScript string a piece at a time reads back whole, characters
/// cut between two pieces included.
#[wasm_bindgen_test]
fn a_record_written_in_pieces_is_the_record() {
    use std::io::Write;

    use article_annotator::ui::browser::js_text::JsText;

    // 70,000 × "é😀" (6 bytes): a piece of 64 KB (65,536 = 6 × 10,922 + 4) ends inside a 😀.
    let text: String = "é😀".repeat(70_000);
    let mut written = JsText::new();
    for part in text.as_bytes().chunks(10_007) {
        written.write_all(part).expect("written");
    }
    let read = article_annotator::ui::browser::js_text::record_text(&written.finish().into())
        .expect("text");
    assert_eq!(read.len(), text.len());
    assert!(read == text);
}
