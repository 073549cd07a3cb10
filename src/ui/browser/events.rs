//! Page-level events: listening on the document, telling key presses in text fields apart,
//! and the files a picker or a drop gives.

use wasm_bindgen::JsCast;
use web_sys::Element;

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
