//! An element's height as the browser last laid it out, heard from a `ResizeObserver` after
//! each layout that changes it: reading `clientHeight` in an effect instead would make the
//! browser lay the page out there and then, in the middle of a render (see `use_line_height`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// What watches the element: the observer and the callback it calls.
pub type Watch = (ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Calls `heard` with the height in CSS pixels of the element behind `node` after each layout
/// that changes it, until the observer is disconnected.
pub fn watch(node: &NodeRef, heard: impl Fn(usize) + 'static) -> Option<Watch> {
    let element = node.cast::<web_sys::Element>()?;
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
