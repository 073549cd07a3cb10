//! The toolbar, grouped by what it is for: the labels (one button per label, which doubles as
//! the legend: colour, name, key) and their editor; editing (undo, redo, delete); and three
//! menus (`toolbar_menus`): File (open, compare, export), Assist (Tag all, suggestions, the
//! tagger, agreement) and Settings (how selections and Tag all behave). One row at 1280 px,
//! two at 420 px; every action keeps its key, and every control its accessible name.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::label_styles::color_class;
use super::toolbar_menus::{assist_menu, file_menu, settings_menu};
use crate::model::LabelSet;
use crate::ui::browser::events;
use crate::ui::hooks::use_actions::Actions;
use crate::ui::state::{EditAction, ViewAction};

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The app's callbacks.
    pub actions: Rc<Actions>,
    /// The labels to offer.
    pub labels: Rc<LabelSet>,
    /// Whether Undo has something to undo.
    pub can_undo: bool,
    /// Whether Redo has something to redo.
    pub can_redo: bool,
    /// Whether an annotation is selected (enables Delete).
    pub has_selected: bool,
    /// How many documents the workspace holds.
    pub documents: usize,
    /// Whether Tag all reaches every document.
    pub corpus_scope: bool,
    /// Whether selections snap to whole words.
    pub snap_to_words: bool,
    /// Whether suggestions are shown.
    pub show_suggestions: bool,
    /// How many suggestions are on show.
    pub suggestion_count: usize,
    /// Whether tagging all occurrences matches case.
    pub match_case: bool,
    /// Whether the label editor is open.
    pub label_editor_open: bool,
    /// Whether the Model panel is open.
    pub model_open: bool,
    /// Whether the Agreement panel is open.
    pub agreement_open: bool,
    /// Whether any overlap between spans is allowed (else only nesting across labels).
    pub any_overlap: bool,
}

/// Keeps the article's text selection alive when a toolbar button is pressed.
pub fn keep_selection(event: MouseEvent) {
    event.prevent_default();
}

/// A plain action button.
pub fn button(label: &str, title: &str, enabled: bool, onclick: &Callback<()>) -> Html {
    let onclick = onclick.reform(|_: MouseEvent| ());
    html! {
        <button type="button" title={title.to_owned()} disabled={!enabled}
            onmousedown={keep_selection} {onclick}>{ label }</button>
    }
}

/// Closes every open toolbar menu but the one `keep` sits in (none for `None`).
fn close_menus(keep: Option<web_sys::Element>) {
    let document = web_sys::window().and_then(|w| w.document());
    let Some(open) = document.and_then(|d| d.query_selector_all(".toolbar details[open]").ok())
    else {
        return;
    };
    for index in 0..open.length() {
        let Some(menu) = open
            .item(index)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if keep.as_ref() != Some(&menu) {
            let _ = menu.remove_attribute("open");
        }
    }
}

/// The toolbar and label legend.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    use_effect_with((), |_| {
        // A click outside the open menus closes them, and opening one closes the others, as
        // menus do; Escape closes them too.
        let clicks = events::listen_on_document("click", |event| {
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            close_menus(target.and_then(|t| t.closest(".toolbar details").ok().flatten()));
        });
        let keys = events::listen_on_document("keydown", |event| {
            let escape = event
                .dyn_ref::<KeyboardEvent>()
                .is_some_and(|key| key.key() == "Escape");
            if escape {
                close_menus(None);
            }
        });
        move || drop((clicks, keys))
    });
    let label_buttons = props.labels.iter().map(|label| {
        let id = label.id;
        let onclick = props.actions.tag.reform(move |_: MouseEvent| id);
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
    let on = |action: EditAction| props.actions.on::<()>(action);
    // The File menu's export scope: the open document, or every (or every done) document.
    let export_corpus = use_state(|| false);
    let only_done = use_state(|| false);
    html! {
        <div class="toolbar" role="toolbar" aria-label="Annotation tools">
            <div class="legend" role="group" aria-label="Labels">
                { for label_buttons }
                <button type="button" class="labels-toggle" aria-pressed={props.label_editor_open.to_string()}
                    title="Add, rename, recolour, rebind, reorder or delete labels"
                    onclick={props.actions.on::<MouseEvent>(ViewAction::ToggleLabelEditor)}>{ "Labels…" }</button>
            </div>
            <div class="actions">
                <div class="edit" role="group" aria-label="Edit">
                    { button("Undo", "Undo (Ctrl+Z)", props.can_undo, &on(EditAction::Undo)) }
                    { button("Redo", "Redo (Ctrl+Shift+Z or Ctrl+Y)", props.can_redo, &on(EditAction::Redo)) }
                    { button("Delete", "Delete the selected annotation (Delete)", props.has_selected, &on(EditAction::RemoveSelected)) }
                </div>
                { file_menu(props, &export_corpus, &only_done) }
                { assist_menu(props) }
                { settings_menu(props) }
            </div>
        </div>
    }
}
