//! The box for adding a document by pasting its text, with an optional title.

use yew::prelude::*;

/// Props of [`PasteBox`].
#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    /// Add was pressed with (title, text).
    pub onadd: Callback<(String, String)>,
    /// Cancel was pressed.
    pub onclose: Callback<()>,
}

/// A title field, a text area, Add and Cancel.
#[function_component(PasteBox)]
pub fn paste_box(props: &PasteBoxProps) -> Html {
    let title_ref = use_node_ref();
    let text_ref = use_node_ref();
    let onsubmit = {
        let (title_ref, text_ref) = (title_ref.clone(), text_ref.clone());
        let onadd = props.onadd.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let title = title_ref
                .cast::<web_sys::HtmlInputElement>()
                .map(|input| input.value())
                .unwrap_or_default();
            let text = text_ref
                .cast::<web_sys::HtmlTextAreaElement>()
                .map(|area| area.value())
                .unwrap_or_default();
            onadd.emit((title, text));
        })
    };
    html! {
        <form class="paste-box" aria-label="Add a document" {onsubmit}>
            <label>{ "Title " }<input type="text" class="paste-title" ref={title_ref} placeholder="Pasted article" /></label>
            <label class="paste-text-label">{ "Text" }
                <textarea class="paste-text" ref={text_ref} rows="8"
                    placeholder="Paste the article's text here" />
            </label>
            <div class="paste-actions">
                <button type="submit" class="paste-add">{ "Add document" }</button>
                <button type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
