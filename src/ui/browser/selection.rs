//! The text selection as code point offsets of the article, and back: every rendered run of
//! text carries `data-start`, its first code point offset; highlights carry `data-ann`, and
//! suggestions `data-suggestion="start:end:label"`. DOM offsets are UTF-16.

use std::ops::Range;

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

/// The suggestion a click landed on, read from its `data-suggestion="start:end:label"` (and
/// `:confidence` in per mille for a prediction).
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
    let confidence = parts.next().flatten().and_then(|c| u16::try_from(c).ok());
    Some(crate::model::suggestions::Suggestion {
        start: start as usize,
        end: end as usize,
        label: crate::model::LabelId(label),
        confidence,
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
