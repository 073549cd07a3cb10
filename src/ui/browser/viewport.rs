//! Where things are on screen: watching an element come near the viewport, hearing its height
//! after each layout, scrolling a highlight into view with a flash, and scrolling to a place
//! in the text.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};

use super::selection::ANNOTATION_ATTR;

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

/// Scrolls the article so that the text at code point `offset` is in the middle of the view:
/// the last piece of text (a run or a chunk not rendered in full yet) starting at or before it.
pub fn scroll_to_offset(article: &Element, offset: usize) {
    let Ok(pieces) = article.query_selector_all("[data-start]") else {
        return;
    };
    let start_of = |index: u32| -> Option<usize> {
        let element = pieces.item(index)?.dyn_into::<Element>().ok()?;
        element.get_attribute("data-start")?.parse().ok()
    };
    // The pieces come in text order: the last one at or before `offset`, by halving.
    let (mut low, mut high) = (0, pieces.length());
    while low < high {
        let middle = low + (high - low) / 2;
        if start_of(middle).is_some_and(|start| start <= offset) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    let Some(piece) = low
        .checked_sub(1)
        .and_then(|index| pieces.item(index))
        .and_then(|node| node.dyn_into::<Element>().ok())
    else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    piece.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Gives the article holding `chunk` the height of one estimated line of text, in hundredths
/// of a pixel, which sizes every chunk it skips while off screen (see `model::line_estimate`).
pub fn set_line_height(chunk: &yew::NodeRef, hundredths: usize) {
    let article = chunk
        .cast::<Element>()
        .and_then(|chunk| chunk.closest(".article").ok().flatten())
        .and_then(|article| article.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(article) = article {
        let _ = article.style().set_property(
            "--line-px",
            &format!("{}.{:02}px", hundredths / 100, hundredths % 100),
        );
    }
}

/// What watches an element's height: the observer and the callback it calls.
pub type HeightWatch = (ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Calls `heard` with the height in CSS pixels of the element behind `node` after each layout
/// that changes it, until the observer is disconnected: reading `clientHeight` in an effect
/// instead would make the browser lay the page out there and then, in the middle of a render.
pub fn watch_height(node: &yew::NodeRef, heard: impl Fn(usize) + 'static) -> Option<HeightWatch> {
    let element = node.cast::<Element>()?;
    let heard = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.iter().last() {
            let entry: ResizeObserverEntry = entry.unchecked_into();
            heard(entry.content_rect().height().max(0.0).round() as usize);
        }
    });
    let observer = ResizeObserver::new(heard.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some((observer, heard))
}
