//! Browser tests: the real App in headless Chromium, driven like a user — a DOM selection,
//! a key press, a click — then the highlights, the list and the saved export are read back.
//! Export offsets are Unicode code points; the DOM's are UTF-16, so emoji text checks both.
#![cfg(target_arch = "wasm32")]

#[path = "support/browser_app.rs"]
mod browser_app;

use article_annotator::ui::browser::local_storage::DOCUMENT_KEY;
use browser_app::*;
use gloo_timers::future::TimeoutFuture;
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
