//! Browser tests for the assistance: tag all in one undo step, and suggestions shown,
//! accepted and rejected. Offsets are code points.
#![cfg(target_arch = "wasm32")]

#[path = "support/browser_app.rs"]
mod browser_app;

use browser_app::*;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn tag_all_tags_every_whole_word_occurrence_in_one_undo_step() {
    reset_storage().await;
    let app = mount().await;
    app.select_text("Bagheri");
    press("1", false, false).await;
    assert_eq!(app.texts(".article mark.hl").len(), 1);
    app.click(".actions button[title^='Tag every other']");
    yew::scheduler::flush().await;
    let persons = app.texts(".article mark.hl[data-label=Person]");
    // Six whole-word occurrences; "Bagheri’s" is one word of its own and stays untagged.
    assert_eq!(persons, vec!["Bagheri".to_owned(); 6]);
    let notice = app.texts(".notice").concat();
    assert!(
        notice.contains("Tagged 5 more “Bagheri” as Person (whole words, matching case)"),
        "{notice}"
    );
    app.select_text("Moscow");
    press("1", false, false).await;
    assert!(
        app.texts(".statistics tbody tr").is_empty(),
        "counted only when open"
    );
    app.click(".statistics summary");
    TimeoutFuture::new(20).await;
    yew::scheduler::flush().await;
    let rows: Vec<String> = app.texts(".statistics tbody tr");
    assert_eq!(
        rows,
        ["Person72", "Place00", "Event00"],
        "spans and distinct strings per label"
    );
    press("z", true, false).await;
    press("z", true, false).await;
    assert_eq!(
        app.texts(".article mark.hl").len(),
        1,
        "one undo takes them all back"
    );
    let saved = saved_export().await;
    assert_eq!(saved["annotations"].as_array().map(Vec::len), Some(1));
}

/// Selects the text of the `index`th suggested mark, as a keyboard word selection would.
fn select_suggestion(app: &Mounted, index: usize) -> String {
    let mark = app.all(".article mark.suggested")[index].clone();
    let text = mark.first_child().expect("text node");
    let length = text
        .text_content()
        .unwrap_or_default()
        .encode_utf16()
        .count() as u32;
    select_range(&text, 0, &text, length);
    mark.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn suggestions_show_where_a_labeled_string_recurs_and_are_accepted_or_rejected() {
    reset_storage().await;
    let app = mount().await;
    app.select_text("Moscow");
    press("2", false, false).await;
    app.click(".suggest-toggle");
    TimeoutFuture::new(300).await;
    yew::scheduler::flush().await;
    let suggested = app.texts(".article mark.suggested");
    assert_eq!(suggested, ["Moscow", "Moscow"], "the two other Moscows");
    let mark = &app.all(".article mark.suggested")[0];
    assert_eq!(
        mark.get_attribute("aria-label").as_deref(),
        Some("Suggested Place: Moscow")
    );

    // A click accepts the first; x rejects the other, and it does not come back.
    app.click(".article mark.suggested");
    yew::scheduler::flush().await;
    assert_eq!(
        app.texts(".article mark.hl[data-label=Place]"),
        ["Moscow", "Moscow"]
    );
    assert_eq!(app.texts(".article mark.suggested"), ["Moscow"]);
    select_suggestion(&app, 0);
    press("x", false, false).await;
    TimeoutFuture::new(300).await;
    yew::scheduler::flush().await;
    assert!(app.all(".article mark.suggested").is_empty());
    assert_eq!(app.texts(".article mark.hl").len(), 2, "x tagged nothing");
}

#[wasm_bindgen_test]
async fn enter_accepts_a_suggestion_and_accept_all_is_one_undo_step() {
    reset_storage().await;
    let app = mount().await;
    app.select_text("Afghanistan");
    press("2", false, false).await;
    app.select_text("Sergei Shoigu");
    press("1", false, false).await;
    app.click(".suggest-toggle");
    TimeoutFuture::new(300).await;
    yew::scheduler::flush().await;
    let count = app.all(".article mark.suggested").len();
    assert!(count >= 5, "Afghanistan recurs: {count}");
    // Enter on a suggested word accepts it.
    assert_eq!(select_suggestion(&app, 0), "Afghanistan");
    press("Enter", false, false).await;
    assert_eq!(app.all(".article mark.hl").len(), 3);
    TimeoutFuture::new(300).await;
    yew::scheduler::flush().await;
    assert_eq!(app.all(".article mark.suggested").len(), count - 1);
    app.click(".actions button[title^='Tag every suggestion']");
    yew::scheduler::flush().await;
    assert_eq!(app.all(".article mark.hl").len(), 2 + count);
    let notice = app.texts(".notice").concat();
    assert!(
        notice.contains(&format!("Accepted {} suggestions", count - 1)),
        "{notice}"
    );
    press("z", true, false).await;
    assert_eq!(
        app.all(".article mark.hl").len(),
        3,
        "one undo takes them all back"
    );
}
