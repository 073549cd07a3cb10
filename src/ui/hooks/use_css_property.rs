//! Setting an element's style through CSSOM instead of a `style` attribute, which the page's
//! Content-Security-Policy refuses: for the positions and heights of virtualized lists.

use yew::prelude::*;

/// Sets `property` (e.g. `top`) of the element behind `node` to `value` after each render
/// that changes the value.
#[hook]
pub fn use_css_property(node: &NodeRef, property: &'static str, value: String) {
    let node = node.clone();
    use_effect_with(value, move |value| {
        if let Some(element) = node.cast::<web_sys::HtmlElement>() {
            // Only lengths the app computes: setting them cannot fail.
            let _ = element.style().set_property(property, value);
        }
    });
}
