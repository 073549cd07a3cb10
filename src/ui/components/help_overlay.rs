//! The `?` overlay: every keyboard shortcut, in a modal dialog that takes focus and gives it
//! back when closed.

use yew::prelude::*;

use crate::ui::keys::SHORTCUTS;

/// Props of [`HelpOverlay`].
#[derive(Properties, PartialEq)]
pub struct HelpOverlayProps {
    /// Close was pressed (Esc and `?` close it too, from the key handler).
    pub onclose: Callback<()>,
}

/// The list of shortcuts.
#[function_component(HelpOverlay)]
pub fn help_overlay(props: &HelpOverlayProps) -> Html {
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            let previous = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            if let Some(button) = close_ref.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
            move || {
                if let Some(previous) = previous
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = previous.focus();
                }
            }
        });
    }
    let rows = SHORTCUTS.iter().map(|(keys, what)| {
        html! { <tr><th scope="row"><kbd>{ *keys }</kbd></th><td>{ *what }</td></tr> }
    });
    html! {
        <div class="help-backdrop">
            <div class="help" role="dialog" aria-modal="true" aria-labelledby="help-title">
                <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
                <table>
                    <thead><tr><th scope="col">{ "Keys" }</th><th scope="col">{ "What they do" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                <button type="button" ref={close_ref} onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Close" }</button>
            </div>
        </div>
    }
}
