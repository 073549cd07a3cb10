//! Browser tests for opening articles: bad and good files, the size limit, and a long article
//! whose far chunks render plain until needed. Offsets are code points.
#![cfg(target_arch = "wasm32")]

#[path = "support/browser_app.rs"]
mod browser_app;

use browser_app::*;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn opening_a_bad_file_says_why_and_keeps_the_current_work() {
    reset_storage().await;
    let app = mount().await;
    app.select_text("Sergei Shoigu");
    press("1", false, false).await;
    open_file(
        &app,
        "broken.json",
        "{\"format\": \"article-annotator\", \"versi",
    )
    .await;
    let notice = app.texts(".notice.error").concat();
    assert!(notice.contains("broken.json was not opened"), "{notice}");
    let misaligned = r##"{"format":"article-annotator","version":1,"offset_unit":"codepoint",
        "document":{"id":"x","title":"X","text":"😀 Moscow"},
        "labels":[{"name":"Place","color":"#a8e6b4","key":"2"}],
        "annotations":[{"id":1,"start":3,"end":9,"label":"Place","text":"Moscow"}]}"##;
    open_file(&app, "utf16.json", misaligned).await;
    let notice = app.texts(".notice.error").concat();
    assert!(notice.contains("annotation 1"), "{notice}");
    assert_eq!(
        app.texts(".article mark.hl"),
        ["Sergei Shoigu"],
        "current work untouched"
    );
    assert!(app.texts(".title").concat().starts_with("Iran and Russia"));
}

#[wasm_bindgen_test]
async fn opening_a_valid_file_shows_its_text_and_highlights() {
    reset_storage().await;
    let app = mount().await;
    let file = r##"{"format":"article-annotator","version":1,"offset_unit":"codepoint",
        "document":{"id":"x","title":"Opened","text":"😀 Moscow\r\nand Tehran"},
        "labels":[{"name":"Place","color":"#a8e6b4","key":"2"}],
        "annotations":[{"id":1,"start":2,"end":8,"label":"Place","text":"Moscow"},
                       {"id":2,"start":14,"end":20,"label":"Place","text":"Tehran"}]}"##;
    open_file(&app, "opened.json", file).await;
    assert_eq!(app.texts(".title"), ["Opened"]);
    assert_eq!(app.texts(".article mark.hl"), ["Moscow", "Tehran"]);
    assert_eq!(
        app.texts(".legend .label-name"),
        ["Person", "Place", "Event"],
        "the workspace's labels, Place matched by name"
    );
    let saved = saved_export().await;
    assert_eq!(
        saved["document"]["id"], "x",
        "the opened document is autosaved"
    );
}

#[wasm_bindgen_test]
async fn a_file_over_the_size_limit_is_refused_before_reading() {
    reset_storage().await;
    let app = mount().await;
    app.select_text("Moscow");
    press("2", false, false).await;
    let bytes = js_sys::Uint8Array::new_with_length(51 * 1024 * 1024);
    let parts = js_sys::Array::of1(&bytes);
    let file = web_sys::File::new_with_u8_array_sequence(&parts, "huge.json").expect("file");
    pick_file(&app, &file).await;
    let notice = app.texts(".notice.error").concat();
    assert!(notice.contains("huge.json is 53.5 MB"), "{notice}");
    assert_eq!(
        app.texts(".article mark.hl"),
        ["Moscow"],
        "current work untouched"
    );
}

/// 80 paragraphs of about three lines each, with "Tehran" in the last one labeled Place.
fn save_long_article() -> String {
    let text: String = (0..80)
        .map(|i| {
            format!(
                "Paragraph {i:02} 😀 mentions Moscow and Tehran. {}\n",
                "Filler words follow here. ".repeat(8)
            )
        })
        .collect();
    let last = text.rfind("Tehran").expect("Tehran");
    let start = text[..last].chars().count();
    save_with_spans("long", &text, &[(start, start + 6, "Place", "Tehran")]);
    text
}

#[wasm_bindgen_test]
async fn far_chunks_render_plain_text_until_needed_and_keep_exact_offsets() {
    reset_storage().await;
    let text = save_long_article();
    let app = mount().await;
    TimeoutFuture::new(100).await;
    assert!(
        !app.all(".article .chunk.pending").is_empty(),
        "far chunks wait"
    );
    assert!(
        app.all(".article mark.hl").is_empty(),
        "the only highlight is far away"
    );
    assert_eq!(
        app.texts(".article").concat(),
        text,
        "every character is rendered"
    );

    // Selecting inside a waiting chunk still maps to code points.
    let (node, offset) = app.locate("Paragraph 70 😀 mentions Moscow", true);
    let selection = web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .expect("sel");
    selection
        .set_base_and_extent(&node, offset - 6, &node, offset)
        .expect("select Moscow");
    press("2", false, false).await;
    let saved = saved_export().await;
    let added = saved["annotations"]
        .as_array()
        .expect("array")
        .iter()
        .find(|a| a["text"] == "Moscow")
        .cloned()
        .expect("added");
    assert_eq!(
        python_slice(&text, &added["start"], &added["end"]),
        "Moscow"
    );
    assert!(
        app.texts(".article mark.hl").contains(&"Moscow".to_owned()),
        "its chunk now shows highlights"
    );
}

#[wasm_bindgen_test]
async fn a_far_annotation_shows_when_picked_in_the_list_or_scrolled_to() {
    reset_storage().await;
    save_long_article();
    let app = mount().await;
    app.click(".entries li button");
    yew::scheduler::flush().await;
    let picked = app.all(".article mark.selected");
    assert_eq!(picked.len(), 1, "picking renders its chunk");
    assert_eq!(picked[0].text_content().as_deref(), Some("Tehran"));
    assert!(picked[0].class_list().contains("flash"));
    drop(app);

    let app = mount().await;
    let last = app.all(".article .chunk").pop().expect("chunks");
    assert!(last.class_list().contains("pending"));
    last.scroll_into_view();
    TimeoutFuture::new(300).await;
    yew::scheduler::flush().await;
    assert_eq!(
        app.texts(".article mark.hl"),
        ["Tehran"],
        "scrolled into view, the highlight shows"
    );
}
