//! The label editor: add, rename, recolour, rebind, reorder and delete labels, and export or
//! import a label set as JSON. Every change is one undo step; deleting asks first, naming how
//! many spans use the label.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Annotation, Label, LabelSet};
use crate::ui::browser::{dialogs, events};
use crate::ui::state::LabelEdit;

/// Props of [`LabelEditor`].
#[derive(Properties, PartialEq)]
pub struct LabelEditorProps {
    /// The labels to edit.
    pub labels: Rc<LabelSet>,
    /// The spans, to count each label's uses.
    pub annotations: Rc<[Annotation]>,
    /// Changes when an edit is refused, so the fields show the labels as they are again.
    pub generation: u64,
    /// A label edit was made.
    pub onedit: Callback<LabelEdit>,
    /// Export labels was pressed.
    pub onexport: Callback<()>,
    /// A label set file was picked.
    pub onimport: Callback<web_sys::File>,
}

/// `#rgb` as `#rrggbb`, which colour inputs need.
fn six_digit(color: &str) -> String {
    match color.strip_prefix('#') {
        Some(short) if short.len() == 3 => {
            let doubled: String = short.chars().flat_map(|c| [c, c]).collect();
            format!("#{doubled}")
        }
        Some(long) if long.len() >= 6 => format!("#{}", &long[..6]),
        _ => "#dddddd".to_owned(),
    }
}

fn input_value(event: &Event) -> String {
    event
        .target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}

fn row(label: &Label, uses: usize, props: &LabelEditorProps) -> Html {
    let id = label.id;
    let name = label.name.clone();
    let onrename = props
        .onedit
        .reform(move |event: Event| LabelEdit::Rename(id, input_value(&event)));
    let onrecolor = props
        .onedit
        .reform(move |event: Event| LabelEdit::Recolor(id, input_value(&event)));
    let onkey = props.onedit.reform(move |event: Event| {
        LabelEdit::SetKey(id, input_value(&event).trim().chars().next())
    });
    let onup = props
        .onedit
        .reform(move |_: MouseEvent| LabelEdit::Move(id, -1));
    let ondown = props
        .onedit
        .reform(move |_: MouseEvent| LabelEdit::Move(id, 1));
    let ondelete = {
        let onedit = props.onedit.clone();
        let name = name.clone();
        Callback::from(move |_: MouseEvent| {
            let question = format!(
                "Delete the label “{name}” and the {uses} spans that use it? Undo brings them back."
            );
            if uses == 0 || dialogs::confirm(&question) {
                onedit.emit(LabelEdit::Delete(id));
            }
        })
    };
    html! {
        <li class="label-row" key={format!("{}:{}", id.0, props.generation)}>
            <input class="label-name-input" value={name.clone()} aria-label={format!("Name of {name}")} onchange={onrename} />
            <input type="color" value={six_digit(&label.color)} aria-label={format!("Colour of {name}")} onchange={onrecolor} />
            <input class="label-key-input" value={label.key.map(String::from).unwrap_or_default()} maxlength="1" size="2"
                aria-label={format!("Key for {name}")} onchange={onkey} />
            <span class="label-uses">{ if uses == 1 { "1 span".to_owned() } else { format!("{uses} spans") } }</span>
            <button type="button" aria-label={format!("Move {name} up")} onclick={onup}>{ "↑" }</button>
            <button type="button" aria-label={format!("Move {name} down")} onclick={ondown}>{ "↓" }</button>
            <button type="button" class="danger" aria-label={format!("Delete {name}")} onclick={ondelete}>{ "Delete" }</button>
        </li>
    }
}

/// The label editor panel.
#[function_component(LabelEditor)]
pub fn label_editor(props: &LabelEditorProps) -> Html {
    let new_name = use_node_ref();
    let onadd = {
        let onedit = props.onedit.clone();
        let new_name = new_name.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(input) = new_name.cast::<web_sys::HtmlInputElement>() {
                onedit.emit(LabelEdit::Add(input.value()));
                input.set_value("");
            }
        })
    };
    let onimport = {
        let onimport = props.onimport.clone();
        Callback::from(move |event: Event| {
            if let Some(file) = events::take_picked_files(&event).into_iter().next() {
                onimport.emit(file);
            }
        })
    };
    let rows = props.labels.iter().map(|label| {
        let uses = props
            .annotations
            .iter()
            .filter(|a| a.label == label.id)
            .count();
        row(label, uses, props)
    });
    html! {
        <section class="label-editor" aria-label="Label editor">
            <h2>{ "Labels" }</h2>
            <ul class="label-rows">{ for rows }</ul>
            <form class="label-add" onsubmit={onadd}>
                <input ref={new_name} placeholder="New label name" aria-label="New label name" />
                <button type="submit">{ "Add label" }</button>
            </form>
            <div class="label-files">
                <button type="button" onclick={props.onexport.reform(|_: MouseEvent| ())}>{ "Export labels" }</button>
                <label class="file-button">
                    { "Import labels…" }
                    <input type="file" class="visually-hidden" accept=".json,application/json" onchange={onimport} />
                </label>
            </div>
        </section>
    }
}
