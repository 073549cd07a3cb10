//! The toolbar: one button per label (which doubles as the legend: colour, name, key), undo,
//! redo, delete and export.

use std::rc::Rc;

use yew::prelude::*;

use super::label_styles::color_class;
use crate::model::{LabelId, LabelSet};

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The labels to offer.
    pub labels: Rc<LabelSet>,
    /// Whether Undo has something to undo.
    pub can_undo: bool,
    /// Whether Redo has something to redo.
    pub can_redo: bool,
    /// Whether an annotation is selected (enables Delete).
    pub has_selected: bool,
    /// A label button was pressed.
    pub ontag: Callback<LabelId>,
    /// Undo was pressed.
    pub onundo: Callback<()>,
    /// Redo was pressed.
    pub onredo: Callback<()>,
    /// Delete was pressed.
    pub onremove: Callback<()>,
    /// Export JSON was pressed.
    pub onexport: Callback<()>,
    /// A file was picked with Open JSON.
    pub onopen: Callback<web_sys::File>,
    /// Whether selections snap to whole words.
    pub snap_to_words: bool,
    /// The snap toggle was pressed.
    pub ontogglesnap: Callback<()>,
    /// Whether any overlap between spans is allowed (else only nesting across labels).
    pub any_overlap: bool,
    /// The overlap toggle was pressed.
    pub ontoggleoverlap: Callback<()>,
}

/// Keeps the article's text selection alive when a toolbar button is pressed.
fn keep_selection(event: MouseEvent) {
    event.prevent_default();
}

fn button(label: &str, title: &str, enabled: bool, onclick: &Callback<()>) -> Html {
    let onclick = onclick.reform(|_: MouseEvent| ());
    html! {
        <button type="button" title={title.to_owned()} disabled={!enabled}
            onmousedown={keep_selection} {onclick}>{ label }</button>
    }
}

/// The toolbar and label legend.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let label_buttons = props.labels.iter().map(|label| {
        let id = label.id;
        let onclick = props.ontag.reform(move |_: MouseEvent| id);
        let key = label.key.map(String::from).unwrap_or_default();
        let title = format!("Tag the selection as {} (key {key})", label.name);
        html! {
            <button type="button" class="label-button" data-label={label.name.clone()} {title}
                onmousedown={keep_selection} {onclick}>
                <span class={classes!("swatch", color_class(label.id))}></span>
                <span class="label-name">{ label.name.clone() }</span>
                <kbd>{ key }</kbd>
            </button>
        }
    });
    let onchange = {
        let onopen = props.onopen.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                onopen.emit(file);
            }
            // Lets the same file be picked again.
            input.set_value("");
        })
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label="Annotation tools">
            <div class="legend" role="group" aria-label="Labels">{ for label_buttons }</div>
            <div class="actions" role="group" aria-label="Edit">
                <button type="button" class="snap-toggle" aria-pressed={props.snap_to_words.to_string()}
                    title="Grow selections to whole words and trim punctuation (hold Alt while selecting to keep exact characters)"
                    onmousedown={keep_selection} onclick={props.ontogglesnap.reform(|_: MouseEvent| ())}>
                    { "Snap to words" }
                </button>
                <button type="button" class="overlap-toggle" aria-pressed={props.any_overlap.to_string()}
                    title="Allow spans to cross each other and to nest within the same label (by default a span may only nest inside or around a span of another label)"
                    onmousedown={keep_selection} onclick={props.ontoggleoverlap.reform(|_: MouseEvent| ())}>
                    { "Allow any overlap" }
                </button>
                { button("Undo", "Undo (Ctrl+Z)", props.can_undo, &props.onundo) }
                { button("Redo", "Redo (Ctrl+Shift+Z or Ctrl+Y)", props.can_redo, &props.onredo) }
                { button("Delete", "Delete the selected annotation (Delete)", props.has_selected, &props.onremove) }
                <label class="file-button" title="Open an annotation JSON file (replaces the current document)">
                    { "Open JSON…" }
                    <input type="file" class="visually-hidden" accept=".json,application/json" {onchange} />
                </label>
                { button("Export JSON", "Download the annotations as JSON", true, &props.onexport) }
            </div>
        </div>
    }
}
