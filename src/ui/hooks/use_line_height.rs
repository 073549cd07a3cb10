//! The height of one estimated line of the article, measured on its first chunk (heard from a
//! `ResizeObserver`, so nothing lays the page out to ask), which sizes every chunk the page
//! skips while off screen (`model::line_estimate`, `static/style.css`).

use yew::prelude::*;

use crate::ui::browser::viewport;

/// While `calibrates`, sets the article's pixels per estimated line from the height of the
/// chunk behind `node`, whose text takes `lines` estimated lines.
#[hook]
pub fn use_line_height(node: &NodeRef, calibrates: bool, lines: usize) {
    let node = node.clone();
    use_effect_with((calibrates, lines), move |&(calibrates, lines)| {
        let measured = node.clone();
        let watching = calibrates
            .then(|| {
                viewport::watch_height(&node, move |height| {
                    // Hundredths of a pixel, in integers: the page formats no floats.
                    let hundredths = height * 100 / lines.max(1);
                    viewport::set_line_height(&measured, hundredths);
                })
            })
            .flatten();
        move || {
            if let Some((observer, _)) = watching {
                observer.disconnect();
            }
        }
    });
}
