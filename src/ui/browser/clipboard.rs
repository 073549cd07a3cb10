//! Putting text on the clipboard.

use std::fmt;

use wasm_bindgen::JsCast;

/// Why text could not be copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClipboardError(pub String);

impl fmt::Display for ClipboardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not copy: {}", self.0)
    }
}

impl std::error::Error for ClipboardError {}

/// Puts `text` on the clipboard; fails where the browser offers no clipboard (an insecure
/// page) or refuses permission.
pub async fn copy_text(text: &str) -> Result<(), ClipboardError> {
    let fail = |reason: &str| ClipboardError(reason.to_owned());
    let navigator = web_sys::window()
        .ok_or_else(|| fail("no window"))?
        .navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or_default();
    if clipboard.is_undefined() {
        return Err(fail(
            "this page has no clipboard access (it needs https or localhost)",
        ));
    }
    let promise = clipboard
        .unchecked_into::<web_sys::Clipboard>()
        .write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(drop)
        .map_err(|error| {
            ClipboardError(
                error
                    .dyn_ref::<js_sys::Error>()
                    .map_or_else(|| format!("{error:?}"), |e| String::from(e.message())),
            )
        })
}
