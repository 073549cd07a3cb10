//! DOM glue: the text selection as code point offsets, file downloads, scrolling to a
//! highlight. Every rendered run of text carries `data-start`: its first code point offset.

use std::ops::Range;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use crate::model::offsets::char_of_utf16_in;

/// Attribute holding the code point offset where a rendered run of text starts.
pub const START_ATTR: &str = "data-start";
/// Attribute holding the annotation id of a highlight.
pub const ANNOTATION_ATTR: &str = "data-ann";

fn window_selection() -> Option<web_sys::Selection> {
    web_sys::window()?.get_selection().ok().flatten()
}

/// The selected code point range inside `article`, or `None` if nothing is selected or the
/// selection reaches outside the article.
pub fn selected_range(article: &Element) -> Option<Range<usize>> {
    let selection = window_selection()?;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let start = boundary_offset(
        article,
        &range.start_container().ok()?,
        range.start_offset().ok()?,
    )?;
    let end = boundary_offset(
        article,
        &range.end_container().ok()?,
        range.end_offset().ok()?,
    )?;
    (start < end).then_some(start..end)
}

/// The suggestion a click landed on, read from its `data-suggestion="start:end:label"`.
pub fn suggestion_at(target: &web_sys::Node) -> Option<crate::model::suggestions::Suggestion> {
    let element = match target.dyn_ref::<Element>() {
        Some(element) => element.clone(),
        None => target.parent_element()?,
    };
    let mark = element.closest("[data-suggestion]").ok()??;
    let key = mark.get_attribute("data-suggestion")?;
    let mut parts = key.split(':').map(|part| part.parse::<u32>().ok());
    let (Some(Some(start)), Some(Some(end)), Some(Some(label))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    Some(crate::model::suggestions::Suggestion {
        start: start as usize,
        end: end as usize,
        label: crate::model::LabelId(label),
    })
}

/// Selects the code point range `range` of the article, as a mouse drag would, and scrolls
/// it into view; for selecting words from the keyboard.
pub fn select_offsets(article: &Element, range: Range<usize>) {
    let (Some(start), Some(end)) = (
        dom_position(article, range.start, false),
        dom_position(article, range.end, true),
    ) else {
        return;
    };
    if let Some(selection) = window_selection() {
        let _ = selection.set_base_and_extent(&start.0, start.1, &end.0, end.1);
    }
    if let Some(element) = end.0.parent_element() {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The text node and UTF-16 offset of code point `offset`; at a run's edge, `end` picks the
/// run that ends there rather than the one that starts there.
fn dom_position(article: &Element, offset: usize, end: bool) -> Option<(web_sys::Node, u32)> {
    let runs = article.query_selector_all("[data-start]").ok()?;
    let start_of = |index: u32| -> Option<usize> {
        runs.item(index)?
            .dyn_into::<Element>()
            .ok()?
            .get_attribute("data-start")?
            .parse()
            .ok()
    };
    // The last run starting before (or, for a start, at) the offset.
    let (mut low, mut high) = (0, runs.length());
    while low < high {
        let middle = (low + high) / 2;
        let starts_before =
            start_of(middle).is_some_and(|s| if end { s < offset } else { s <= offset });
        if starts_before {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    let index = low.checked_sub(1)?;
    let run_start = start_of(index)?;
    let text_node = runs.item(index)?.first_child()?;
    let text = text_node.text_content().unwrap_or_default();
    let utf16: usize = text
        .chars()
        .take(offset - run_start)
        .map(char::len_utf16)
        .sum();
    Some((text_node, utf16 as u32))
}

/// Takes the selection inside `article` for tagging: returns its code point range and clears
/// the browser's selection (its text nodes are about to be re-rendered).
pub fn take_selected_range(article: &yew::NodeRef) -> Option<Range<usize>> {
    let range = selected_range(&article.cast::<Element>()?)?;
    clear_selection();
    Some(range)
}

/// Listens for `event_type` on the page's document until the returned listener is dropped.
pub fn listen_on_document(
    event_type: &'static str,
    callback: impl FnMut(&web_sys::Event) + 'static,
) -> Option<gloo_events::EventListener> {
    let document = web_sys::window()?.document()?;
    // Not passive: key and drop handlers must be able to prevent the browser's default.
    let options = gloo_events::EventListenerOptions::enable_prevent_default();
    Some(gloo_events::EventListener::new_with_options(
        &document, event_type, options, callback,
    ))
}

/// Clears the browser's text selection.
pub fn clear_selection() {
    if let Some(selection) = window_selection() {
        let _ = selection.remove_all_ranges();
    }
}

/// Whether the browser's text selection is a non-empty range (a drag rather than a click).
pub fn has_text_selection() -> bool {
    window_selection().is_some_and(|selection| !selection.is_collapsed())
}

/// Code point offset of a DOM boundary point (container, offset) inside `article`.
fn boundary_offset(article: &Element, container: &Node, offset: u32) -> Option<usize> {
    if !article.contains(Some(container)) {
        return None;
    }
    if container.node_type() == Node::TEXT_NODE {
        let run = container.parent_element()?;
        let start = number_attr(&run, START_ATTR)?;
        let text = container.text_content().unwrap_or_default();
        return Some(start + char_of_utf16_in(&text, offset as usize)?);
    }
    let children = container.child_nodes();
    match children.item(offset) {
        Some(child) => first_start(&child),
        None => last_end(container),
    }
}

/// Offset where the first rendered run in `node` starts.
fn first_start(node: &Node) -> Option<usize> {
    let element = match node.dyn_ref::<Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    if let Some(start) = number_attr(&element, START_ATTR) {
        return Some(start);
    }
    let run = element.query_selector(&format!("[{START_ATTR}]")).ok()??;
    number_attr(&run, START_ATTR)
}

/// Offset where the last rendered run in `node` ends.
fn last_end(node: &Node) -> Option<usize> {
    let element = node.dyn_ref::<Element>()?;
    let run = if element.has_attribute(START_ATTR) {
        element.clone()
    } else {
        let runs = element
            .query_selector_all(&format!("[{START_ATTR}]"))
            .ok()?;
        runs.item(runs.length().checked_sub(1)?)?
            .dyn_into::<Element>()
            .ok()?
    };
    let length = run.text_content().unwrap_or_default().chars().count();
    Some(number_attr(&run, START_ATTR)? + length)
}

fn number_attr(element: &Element, name: &str) -> Option<usize> {
    element.get_attribute(name)?.parse().ok()
}

/// The annotation id on the highlight at or around `node`, if any.
pub fn annotation_at(node: &Node, article: &Element) -> Option<u32> {
    let element = match node.dyn_ref::<Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    let highlight = element.closest(&format!("[{ANNOTATION_ATTR}]")).ok()??;
    if !article.contains(Some(&highlight)) {
        return None;
    }
    highlight.get_attribute(ANNOTATION_ATTR)?.parse().ok()
}

/// Scrolls the first highlight of annotation `id` into view and flashes all its pieces.
pub fn scroll_to_and_flash(article: &Element, id: u32) {
    let Ok(pieces) = article.query_selector_all(&format!("[{ANNOTATION_ATTR}=\"{id}\"]")) else {
        return;
    };
    for index in 0..pieces.length() {
        let Some(piece) = pieces
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        if index == 0 {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            options.set_behavior(web_sys::ScrollBehavior::Smooth);
            piece.scroll_into_view_with_scroll_into_view_options(&options);
        }
        // Restart the CSS animation: remove the class, force a style flush, add it again.
        let classes = piece.class_list();
        let _ = classes.remove_1("flash");
        let _ = piece.offset_width();
        let _ = classes.add_1("flash");
    }
}

/// Why a download could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadError(pub String);

impl std::fmt::Display for DownloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the download could not start: {}", self.0)
    }
}

/// Runs `work` between two User Timing marks and records it as the measure `name`, so the
/// browser's performance tools (and the benchmark) see how long it took.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|window| window.performance());
    let (start, end) = (format!("{name}-start"), format!("{name}-end"));
    if let Some(performance) = &performance {
        let _ = performance.mark(&start);
    }
    let result = work();
    if let Some(performance) = &performance {
        let _ = performance.mark(&end);
        let _ = performance.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
    result
}

/// Offers `contents` to the user as a file called `file_name`.
pub fn download(file_name: &str, mime_type: &str, contents: &str) -> Result<(), DownloadError> {
    download_part(file_name, mime_type, &contents.into())
}

/// Offers `bytes` (a ZIP archive, say) to the user as a file called `file_name`.
pub fn download_bytes(file_name: &str, mime_type: &str, bytes: &[u8]) -> Result<(), DownloadError> {
    download_part(file_name, mime_type, &js_sys::Uint8Array::from(bytes))
}

fn download_part(
    file_name: &str,
    mime_type: &str,
    part: &wasm_bindgen::JsValue,
) -> Result<(), DownloadError> {
    let fail = |error: wasm_bindgen::JsValue| DownloadError(format!("{error:?}"));
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| DownloadError("no document".into()))?;
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options)
        .map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The click has handed the blob to the browser; release the URL once it is read.
    let revoke = gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    revoke.forget();
    Ok(())
}

/// The files of a file list (from a picker or a drop), in order.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The files a file input's `change` event picked; the input is emptied so the same file can
/// be picked again.
pub fn take_picked_files(event: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files().map_or_else(Vec::new, |list| files_of(&list));
    input.set_value("");
    files
}

/// Puts `text` on the clipboard; fails where the browser offers no clipboard (an insecure
/// page) or refuses permission.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let navigator = web_sys::window().ok_or("no window")?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or_default();
    if clipboard.is_undefined() {
        return Err("this page has no clipboard access (it needs https or localhost)".into());
    }
    let promise = clipboard
        .unchecked_into::<web_sys::Clipboard>()
        .write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(drop)
        .map_err(|error| {
            error
                .dyn_ref::<js_sys::Error>()
                .map_or_else(|| format!("{error:?}"), |e| String::from(e.message()))
        })
}

/// Asks the user to confirm `message`; `false` if they decline or no dialog can be shown.
pub fn confirm(message: &str) -> bool {
    web_sys::window().is_some_and(|window| window.confirm_with_message(message).unwrap_or(false))
}

/// Whether a key event comes from a text field, where shortcuts must not fire.
pub fn is_typing_target(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element
            .closest("[contenteditable=\"true\"]")
            .ok()
            .flatten()
            .is_some()
}

/// Watches one element and calls back when it comes within a viewport's height of the visible
/// area. Stops watching when dropped.
pub struct NearViewport {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for NearViewport {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_near` whenever `element` is within one viewport of being visible.
pub fn watch_near_viewport(
    element: &Element,
    on_near: impl Fn() + 'static,
) -> Option<NearViewport> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near = entries.iter().any(|entry| {
            entry
                .dyn_into::<web_sys::IntersectionObserverEntry>()
                .is_ok_and(|entry| entry.is_intersecting())
        });
        if near {
            on_near();
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("100% 0px");
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    observer.observe(element);
    Some(NearViewport {
        observer,
        _callback: callback,
    })
}
