//! Scrolling to a revealed annotation's highlight and flashing it, after the render that
//! selected it (so the flash class is not overwritten).

use yew::prelude::*;

use crate::ui::browser::viewport;
use crate::ui::state::Reveal;

/// Scrolls to and flashes `reveal`'s highlight in the article whenever a new request comes.
#[hook]
pub fn use_reveal(reveal: Option<Reveal>, article: NodeRef) {
    use_effect_with(reveal, move |reveal| {
        if let (Some(reveal), Some(article)) = (reveal, article.cast::<web_sys::Element>()) {
            viewport::scroll_to_and_flash(&article, reveal.id.0);
        }
    });
}
