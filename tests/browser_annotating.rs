//! Browser tests for annotating: the real App in headless Chromium, driven like a user — a
//! DOM selection, a key press, a click — then the highlights, the list and the saved export are
//! read back. Export offsets are Unicode code points; the DOM's are UTF-16, so emoji text checks
//! both.
#![cfg(target_arch = "wasm32")]

#[path = "support/browser_app.rs"]
mod browser_app;

use browser_app::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn opens_on_the_embedded_article_with_its_licence_line() {
    reset_storage().await;
    let app = mount().await;
    let article = app.texts(".article").concat();
    assert!(article.starts_with("TEHRAN – Mohammad Bagheri"));
    assert!(
        article.contains("countries. \n The two top"),
        "line break and spaces kept as written"
    );
    assert!(article
        .trim_end()
        .ends_with("Creative Commons Attribution 4.0 International License."));
    assert_eq!(
        app.texts(".legend .label-name"),
        ["Person", "Place", "Event"]
    );
    assert_eq!(app.texts(".legend kbd"), ["1", "2", "3"]);
}

#[wasm_bindgen_test]
async fn selecting_a_name_and_pressing_one_highlights_and_saves_a_person() {
    reset_storage().await;
    let app = mount().await;
    app.select_text("Sergei Shoigu");
    press("1", false, false).await;

    let highlights = app.all(".article mark.hl");
    assert_eq!(highlights.len(), 1);
    assert_eq!(
        highlights[0].text_content().as_deref(),
        Some("Sergei Shoigu")
    );
    assert_eq!(
        highlights[0].get_attribute("data-label").as_deref(),
        Some("Person")
    );
    assert_eq!(app.texts(".entries .entry-text"), ["Sergei Shoigu"]);

    let saved = saved_export().await;
    let text = saved["document"]["text"].as_str().expect("text");
    let annotation = &saved["annotations"][0];
    assert_eq!(annotation["label"], "Person");
    assert_eq!(annotation["text"], "Sergei Shoigu");
    assert_eq!(
        python_slice(text, &annotation["start"], &annotation["end"]),
        "Sergei Shoigu"
    );
}

#[wasm_bindgen_test]
async fn click_relabel_delete_undo_and_redo() {
    reset_storage().await;
    let app = mount().await;
    app.select_text("Moscow");
    app.click(".legend [data-label=\"Person\"]");
    yew::scheduler::flush().await;
    press("Escape", false, false).await;
    assert!(
        app.all(".article mark.selected").is_empty(),
        "Escape deselects"
    );

    app.click(".article mark.hl");
    yew::scheduler::flush().await;
    assert_eq!(
        app.all(".article mark.selected").len(),
        1,
        "clicking a highlight selects it"
    );
    press("2", false, false).await;
    assert_eq!(app.texts(".entries .entry-label"), ["Place"]);

    press("Delete", false, false).await;
    assert!(app.all(".article mark.hl").is_empty());
    press("z", true, false).await;
    assert_eq!(app.texts(".article mark.hl"), ["Moscow"]);
    press("z", true, false).await;
    assert_eq!(
        app.texts(".entries .entry-label"),
        ["Person"],
        "undo the relabel"
    );
    press("Z", true, true).await;
    assert_eq!(app.texts(".entries .entry-label"), ["Place"]);
    press("y", true, false).await;
    assert!(
        app.all(".article mark.hl").is_empty(),
        "Ctrl+Y redoes the delete"
    );
    app.click(".actions button[title^=\"Undo\"]");
    yew::scheduler::flush().await;
    assert_eq!(
        app.texts(".article mark.hl"),
        ["Moscow"],
        "the toolbar Undo button works too"
    );
}

#[wasm_bindgen_test]
async fn emoji_before_a_name_shifts_utf16_but_not_exported_offsets() {
    reset_storage().await;
    save_with_spans(
        "long",
        "👨🏻\u{200d}🚒 😀 met “Valery Gerasimov” in Moscow",
        &[],
    );
    let app = mount().await;
    app.select_text("Valery Gerasimov");
    press("1", false, false).await;
    assert_eq!(app.texts(".article mark.hl"), ["Valery Gerasimov"]);

    let saved = saved_export().await;
    let annotation = &saved["annotations"][0];
    assert_eq!(
        annotation["start"], 12,
        "code points, not the 16 UTF-16 units before it"
    );
    let text = saved["document"]["text"].as_str().expect("text");
    assert_eq!(
        python_slice(text, &annotation["start"], &annotation["end"]),
        "Valery Gerasimov"
    );
}

#[wasm_bindgen_test]
async fn selections_outside_empty_or_whitespace_add_nothing() {
    reset_storage().await;
    let app = mount().await;
    // From article text into the toolbar: partly outside the article.
    let run = app.all(".article [data-start]").remove(0);
    let button_text = app
        .all(".legend .label-name")
        .remove(0)
        .first_child()
        .expect("text");
    select_range(&run.first_child().expect("text"), 0, &button_text, 3);
    press("1", false, false).await;
    // Whitespace only: the space and line break between the first two paragraphs.
    app.select_between(" \n", " The two top");
    let (node, offset) = app.locate(" The two top", false);
    let selection = web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .expect("sel");
    selection
        .extend_with_offset(&node, offset + 1)
        .expect("end after the leading space");
    press("1", false, false).await;
    // Nothing selected at all.
    web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .expect("sel")
        .remove_all_ranges()
        .expect("clear");
    press("3", false, false).await;
    assert!(app.all(".article mark.hl").is_empty());
    assert!(app.all(".entries li").is_empty());
    assert!(
        app.texts(".article")
            .concat()
            .starts_with("TEHRAN – Mohammad"),
        "article intact"
    );
}

#[wasm_bindgen_test]
async fn a_selection_across_a_line_break_tags_one_span_shown_in_both_paragraphs() {
    reset_storage().await;
    let app = mount().await;
    app.select_between("two countries. \n", "The two top");
    press("3", false, false).await;
    let pieces = app.all(".article mark.hl");
    assert_eq!(pieces.len(), 2, "one piece per paragraph");
    let ids: Vec<_> = pieces.iter().map(|p| p.get_attribute("data-ann")).collect();
    assert_eq!(ids[0], ids[1], "both pieces belong to one annotation");
    let saved = saved_export().await;
    assert_eq!(
        saved["annotations"][0]["text"],
        "two countries. \n The two top"
    );
    assert_eq!(saved["annotations"][0]["label"], "Event");
}

#[wasm_bindgen_test]
async fn the_list_is_in_text_order_and_a_click_selects_and_flashes_the_highlight() {
    reset_storage().await;
    let app = mount().await;
    app.select_text("Tajikistan near the border");
    press("2", false, false).await;
    app.select_text("Mohammad Bagheri");
    press("1", false, false).await;
    press("Escape", false, false).await;
    assert_eq!(
        app.texts(".entries .entry-text"),
        ["Mohammad Bagheri", "Tajikistan near the border"]
    );
    assert_eq!(app.texts(".entries .entry-position")[0], "9–25");

    app.click(".entries li:nth-child(2) button");
    yew::scheduler::flush().await;
    let highlight = app.all(".article mark.selected");
    assert_eq!(highlight.len(), 1);
    assert_eq!(
        highlight[0].text_content().as_deref(),
        Some("Tajikistan near the border")
    );
    assert!(
        highlight[0].class_list().contains("flash"),
        "the highlight flashes"
    );
    assert!(app.all(".entries .entry.selected").len() == 1);
}

#[wasm_bindgen_test]
async fn selections_snap_to_words_and_alt_or_the_toggle_keeps_exact_characters() {
    reset_storage().await;
    let app = mount().await;
    app.select_text("ergei Shoi");
    mouse_up(false);
    press("1", false, false).await;
    assert_eq!(app.texts(".article mark.hl"), ["Sergei Shoigu"]);

    app.select_text("“Iran is");
    mouse_up(false);
    press("2", false, false).await;
    assert!(
        app.texts(".article mark.hl")
            .contains(&"Iran is".to_owned()),
        "the opening quote is trimmed"
    );

    app.select_text("agheri’s vis");
    mouse_up(true);
    press("3", false, false).await;
    assert!(
        app.texts(".article mark.hl")
            .contains(&"agheri’s vis".to_owned()),
        "Alt keeps exact characters"
    );

    app.click(".snap-toggle");
    yew::scheduler::flush().await;
    assert_eq!(app.all(".snap-toggle[aria-pressed=\"false\"]").len(), 1);
    app.select_text("ilitary fiel");
    mouse_up(false);
    press("1", false, false).await;
    assert!(
        app.texts(".article mark.hl")
            .contains(&"ilitary fiel".to_owned()),
        "snapping switched off"
    );
}

#[wasm_bindgen_test]
async fn crossing_spans_are_refused_with_a_reason_until_any_overlap_is_allowed() {
    reset_storage().await;
    let app = mount().await;
    app.select_text("Sergei Shoigu");
    press("1", false, false).await;
    app.select_between("Shoigu", "in a meeting");
    press("3", false, false).await;
    assert!(
        app.texts(".notice.error").concat().contains("not cross"),
        "the refusal says why"
    );
    assert_eq!(app.texts(".article mark.hl"), ["Sergei Shoigu"]);

    app.click(".overlap-toggle");
    yew::scheduler::flush().await;
    assert_eq!(app.all(".overlap-toggle[aria-pressed=\"true\"]").len(), 1);
    app.select_between("Shoigu", "in a meeting");
    press("3", false, false).await;
    assert_eq!(
        app.texts(".entries .entry-text"),
        ["Sergei Shoigu", "Shoigu in a meeting"]
    );
    let saved = saved_export().await;
    assert_eq!(
        saved["overlap_policy"], "any",
        "the policy is saved with the document"
    );
}

#[wasm_bindgen_test]
async fn a_place_nested_in_an_event_shows_both_and_the_inner_one_is_clickable() {
    reset_storage().await;
    let app = mount().await;
    app.select_text("joint military drills at the Kharbmaidon training ground");
    press("3", false, false).await;
    app.select_text("Kharbmaidon training ground");
    press("2", false, false).await;
    press("Escape", false, false).await;
    let inner = app.all(".article mark.nested");
    assert_eq!(inner.len(), 1);
    assert_eq!(
        inner[0].text_content().as_deref(),
        Some("Kharbmaidon training ground")
    );
    assert_eq!(
        inner[0].get_attribute("data-label").as_deref(),
        Some("Place")
    );
    assert!(app
        .texts(".article mark[data-label=\"Event\"]")
        .concat()
        .contains("joint military drills"));

    inner[0].clone().unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
    assert_eq!(
        app.texts(".entries .entry.selected .entry-label"),
        ["Place"]
    );
    app.click(".article mark[data-label=\"Event\"]");
    yew::scheduler::flush().await;
    assert_eq!(
        app.texts(".entries .entry.selected .entry-label"),
        ["Event"]
    );
}

#[wasm_bindgen_test]
async fn right_to_left_text_exports_code_point_offsets() {
    reset_storage().await;
    let text = "سرلشکر محمد باقری، رئیس ستاد کل نیروهای مسلح، با سرگئی شویگو در مسکو دیدار کرد.";
    save_with_spans("long", text, &[]);
    let app = mount().await;
    app.select_text("باقری،");
    press("1", false, false).await;
    app.select_text("مسکو");
    press("2", false, false).await;
    assert_eq!(
        app.texts(".article mark.hl"),
        ["باقری", "مسکو"],
        "the Arabic comma is trimmed"
    );
    let saved = saved_export().await;
    for annotation in saved["annotations"].as_array().expect("array") {
        let text_field = annotation["text"].as_str().expect("text");
        assert_eq!(
            python_slice(text, &annotation["start"], &annotation["end"]),
            text_field
        );
    }
    assert_eq!(saved["annotations"][0]["start"], 12);
}
