//! Browser tests for keyboard-only annotation: the article takes focus, arrows select words,
//! Shift+arrows grow the selection, a label key tags, Tab and Shift+Tab move between
//! annotations, Delete removes, Esc clears, `?` lists the shortcuts, and nothing fires while
//! typing in a field. Offsets are code points.
#![cfg(target_arch = "wasm32")]

#[path = "support/browser_app.rs"]
mod browser_app;

use browser_app::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// Presses `key` with the keyboard focus on `target`, as a user would.
async fn press_in(target: &web_sys::Element, key: &str, shift: bool) -> bool {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
    yew::scheduler::flush().await;
    event.default_prevented()
}

fn article(app: &Mounted) -> web_sys::Element {
    let article = app.all(".article")[0].clone();
    article
        .unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .expect("focus");
    article
}

fn selected_text() -> String {
    web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .map(|s| String::from(s.to_string()))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn arrows_select_words_a_label_key_tags_and_tab_walks_the_annotations() {
    reset_storage().await;
    let app = mount().await;
    let article = article(&app);
    assert_eq!(article.get_attribute("tabindex").as_deref(), Some("0"));
    assert!(
        press_in(&article, "ArrowRight", false).await,
        "the arrow is ours, not a scroll"
    );
    assert_eq!(selected_text(), "TEHRAN");
    press_in(&article, "ArrowRight", false).await;
    assert_eq!(selected_text(), "Mohammad");
    press_in(&article, "ArrowRight", true).await;
    assert_eq!(selected_text(), "Mohammad Bagheri");
    press_in(&article, "1", false).await;
    assert_eq!(
        app.texts(".article mark.hl[data-label=Person]"),
        ["Mohammad Bagheri"]
    );

    // On from the tag: the next words, then back one, then tag a place.
    for _ in 0..7 {
        press_in(&article, "ArrowRight", false).await;
    }
    assert_eq!(selected_text(), "Armed");
    press_in(&article, "ArrowRight", true).await;
    press_in(&article, "ArrowLeft", true).await;
    assert_eq!(selected_text(), "Armed");
    for _ in 0..3 {
        press_in(&article, "ArrowRight", false).await;
    }
    assert_eq!(selected_text(), "Iran");
    press_in(&article, "ArrowLeft", false).await;
    press_in(&article, "ArrowRight", false).await;
    press_in(&article, "2", false).await;
    assert_eq!(app.texts(".article mark.hl"), ["Mohammad Bagheri", "Iran"]);

    // Tab and Shift+Tab move between annotations; past the last, Tab is the browser's again.
    assert!(press_in(&article, "Tab", true).await);
    assert_eq!(app.texts(".article mark.hl.selected"), ["Mohammad Bagheri"]);
    assert!(press_in(&article, "Tab", false).await);
    assert_eq!(app.texts(".article mark.hl.selected"), ["Iran"]);
    assert!(
        !press_in(&article, "Tab", false).await,
        "focus may leave the article"
    );
    press_in(&article, "Delete", false).await;
    assert_eq!(app.texts(".article mark.hl"), ["Mohammad Bagheri"]);
    press_in(&article, "Tab", false).await;
    press_in(&article, "Escape", false).await;
    assert!(app.all(".article mark.hl.selected").is_empty());
    let saved = saved_export().await;
    assert_eq!(saved["annotations"][0]["text"], "Mohammad Bagheri");
}

#[wasm_bindgen_test]
async fn arrows_outside_the_article_keep_their_usual_meaning() {
    reset_storage().await;
    let app = mount().await;
    let button = app.all(".actions button")[0].clone();
    assert!(!press_in(&button, "ArrowRight", false).await);
    assert_eq!(selected_text(), "");
}

#[wasm_bindgen_test]
async fn question_mark_lists_every_shortcut_and_esc_closes_the_list() {
    reset_storage().await;
    let app = mount().await;
    let article = article(&app);
    press_in(&article, "?", true).await;
    let dialog = app.all("[role=dialog]");
    assert_eq!(dialog.len(), 1);
    assert_eq!(
        dialog[0].get_attribute("aria-modal").as_deref(),
        Some("true")
    );
    let rows = app.texts(".help tbody th");
    assert!(rows.contains(&"Tab / Shift+Tab".to_owned()), "{rows:?}");
    assert!(
        rows.contains(&"Ctrl+Shift+Z or Ctrl+Y".to_owned()),
        "{rows:?}"
    );
    let focused = document().active_element().and_then(|e| e.text_content());
    assert_eq!(focused.as_deref(), Some("Close"), "the dialog takes focus");
    // Keys other than Esc and ? do nothing while it is open.
    press_in(&article, "ArrowRight", false).await;
    assert_eq!(selected_text(), "");
    press_in(&document().body().expect("body"), "Escape", false).await;
    assert!(app.all("[role=dialog]").is_empty());
    let focused = document().active_element();
    assert!(
        focused.is_some_and(|e| e.class_list().contains("article")),
        "focus comes back"
    );
}

#[wasm_bindgen_test]
async fn typing_in_a_field_fires_no_shortcut() {
    reset_storage().await;
    let app = mount().await;
    app.click(".labels-toggle");
    yew::scheduler::flush().await;
    let field = app.all(".label-add input")[0].clone();
    app.select_text("Moscow");
    for key in ["1", "?", "Delete", "ArrowRight"] {
        assert!(!press_in(&field, key, false).await, "{key}");
    }
    assert!(app.all(".article mark.hl").is_empty());
    assert!(app.all("[role=dialog]").is_empty());
}
