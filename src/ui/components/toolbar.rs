//! The toolbar: one button per label (which doubles as the legend: colour, name, key), undo,
//! redo, delete, open, and the Export menu.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::label_styles::color_class;
use crate::formats::dataset_format::EXPORT_FORMATS;
use crate::formats::Format;
use crate::model::LabelSet;
use crate::ui::browser::{events, worker_client};
use crate::ui::flows::export::ExportChoice;
use crate::ui::hooks::use_actions::Actions;
use crate::ui::state::{EditAction, Setting, ViewAction};

/// What the Open control accepts: every format the app reads.
const OPENABLE: &str =
    ".json,.jsonl,.ndjson,.jsonld,.conll,.iob,.iob2,.bio,.bilou,.ann,.txt,.md,.markdown,.html,.htm";

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

/// Closes the menu a clicked item sits in.
fn close_menu(event: &MouseEvent) {
    let menu = event
        .target_dyn_into::<web_sys::Element>()
        .and_then(|item| item.closest("details").ok().flatten());
    if let Some(menu) = menu {
        let _ = menu.remove_attribute("open");
    }
}

/// The toolbar and label legend.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    use_effect_with((), |_| {
        // A click anywhere outside the open Export menu closes it, as menus do.
        let listener = events::listen_on_document("click", |event| {
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let inside = target.and_then(|t| t.closest(".export-menu").ok().flatten());
            let open = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector(".export-menu[open]").ok().flatten());
            if let (None, Some(menu)) = (inside, open) {
                let _ = menu.remove_attribute("open");
            }
        });
        move || drop(listener)
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
    // The Export menu's scope: the open document, or every (or every done) document.
    let export_corpus = use_state(|| false);
    let only_done = use_state(|| false);
    let toggle = |flag: &UseStateHandle<bool>| {
        let flag = flag.clone();
        Callback::from(move |_: Event| flag.set(!*flag))
    };
    let picked = |onopen: &Callback<Vec<web_sys::File>>| {
        let onopen = onopen.clone();
        Callback::from(move |event: Event| {
            let files = events::take_picked_files(&event);
            if !files.is_empty() {
                onopen.emit(files);
            }
        })
    };
    let onchange = picked(&props.actions.open_files);
    let oncompare = picked(&props.actions.compare_files);
    html! {
        <div class="toolbar" role="toolbar" aria-label="Annotation tools">
            <div class="legend" role="group" aria-label="Labels">
                { for label_buttons }
                <button type="button" class="labels-toggle" aria-pressed={props.label_editor_open.to_string()}
                    title="Add, rename, recolour, rebind, reorder or delete labels"
                    onclick={props.actions.on::<MouseEvent>(ViewAction::ToggleLabelEditor)}>{ "Labels…" }</button>
                <button type="button" class="model-toggle" aria-pressed={props.model_open.to_string()}
                    title="The tagger: learn from your annotations, pre-annotate, evaluate"
                    onclick={props.actions.on::<MouseEvent>(ViewAction::ToggleModelPanel)}>{ "Model…" }</button>
                <button type="button" class="agreement-toggle" aria-pressed={props.agreement_open.to_string()}
                    title="Several annotators: their agreement, and curating a document from their versions"
                    onclick={props.actions.on::<MouseEvent>(ViewAction::ToggleAgreementPanel)}>{ "Agreement…" }</button>
            </div>
            <div class="actions" role="group" aria-label="Edit">
                <button type="button" class="snap-toggle" aria-pressed={props.snap_to_words.to_string()}
                    title="Grow selections to whole words and trim punctuation (hold Alt while selecting to keep exact characters)"
                    onmousedown={keep_selection} onclick={props.actions.on::<MouseEvent>(Setting::ToggleSnapToWords)}>
                    { "Snap to words" }
                </button>
                <button type="button" class="overlap-toggle" aria-pressed={props.any_overlap.to_string()}
                    title="Allow spans to cross each other and to nest within the same label (by default a span may only nest inside or around a span of another label)"
                    onmousedown={keep_selection} onclick={props.actions.on::<MouseEvent>(EditAction::ToggleAnyOverlap)}>
                    { "Allow any overlap" }
                </button>
                { button("Undo", "Undo (Ctrl+Z)", props.can_undo, &props.actions.on(EditAction::Undo)) }
                { button("Redo", "Redo (Ctrl+Shift+Z or Ctrl+Y)", props.can_redo, &props.actions.on(EditAction::Redo)) }
                { button("Delete", "Delete the selected annotation (Delete)", props.has_selected, &props.actions.on(EditAction::RemoveSelected)) }
                { button("Tag all", "Tag every other whole-word occurrence of the selected annotation's text with its label (one undo takes them all back)", props.has_selected, &props.actions.on(EditAction::TagAllOccurrences)) }
                <button type="button" class="suggest-toggle" aria-pressed={props.show_suggestions.to_string()}
                    title="Show dashed suggestions wherever a labeled string occurs again (click or Enter accepts, x rejects)"
                    onmousedown={keep_selection} onclick={props.actions.on::<MouseEvent>(Setting::ToggleSuggestions)}>
                    { "Suggest" }
                </button>
                { button(&format!("Accept all ({})", props.suggestion_count), "Tag every suggestion (one undo takes them all back)", props.suggestion_count > 0, &props.actions.on(EditAction::AcceptAllSuggestions)) }
                <button type="button" class="scope-toggle" aria-pressed={props.corpus_scope.to_string()}
                    title="Whether Tag all reaches every document of the workspace or only the open one"
                    onmousedown={keep_selection} onclick={props.actions.on::<MouseEvent>(Setting::ToggleCorpusScope)}>
                    { format!("Across documents ({})", props.documents) }
                </button>
                <button type="button" class="case-toggle" aria-pressed={props.match_case.to_string()}
                    title="Whether Tag all matches upper and lower case"
                    onmousedown={keep_selection} onclick={props.actions.on::<MouseEvent>(Setting::ToggleMatchCase)}>
                    { "Match case" }
                </button>
                // Pointing at Open… starts the converters' worker, which opens every file, so a
                // picked file does not wait for the worker's code; the first load never does.
                <label class="file-button" onpointerenter={|_: PointerEvent| worker_client::warm_up()}
                    onfocusin={|_: FocusEvent| worker_client::warm_up()} title="Add articles (.txt, .md, .html) or annotated documents (native JSON, a workspace, doccano, Label Studio, Prodigy, spaCy, CoNLL, brat .ann with its .txt, W3C) to the workspace; pick or drop many at once.">
                    { "Open…" }
                    <input type="file" class="visually-hidden" multiple=true accept={OPENABLE} {onchange} />
                </label>
                <label class="file-button compare-button" onpointerenter={|_: PointerEvent| worker_client::warm_up()}
                    onfocusin={|_: FocusEvent| worker_client::warm_up()} title="Compare annotators: pick one file per annotator (any format the app opens) of the same documents; each file's annotator is the one it names, else its file name. Their versions join the workspace and the Agreement panel opens.">
                    { "Compare…" }
                    <input type="file" class="visually-hidden compare-input" multiple=true accept={OPENABLE} onchange={oncompare} />
                </label>
                { button("Export JSON", "Download the open document's annotations as JSON", true, &props.actions.export.reform(|_| ExportChoice { format: Format::Native, corpus: false, only_done: false })) }
                { button("Copy JSON", "Copy the annotations as JSON to the clipboard", true, &props.actions.copy_json) }
                <details class="export-menu">
                    <summary title="Download the annotations in a dataset format">{ "Export as…" }</summary>
                    <div class="menu" role="group" aria-label="Export formats">
                        <label class="export-scope">
                            <input type="checkbox" class="export-corpus" checked={*export_corpus}
                                onchange={toggle(&export_corpus)} />
                            { format!(" All {} documents", props.documents) }
                        </label>
                        <label class="export-scope">
                            <input type="checkbox" class="export-done" checked={*only_done}
                                disabled={!*export_corpus} onchange={toggle(&only_done)} />
                            { " Only documents marked done" }
                        </label>
                        { for EXPORT_FORMATS.iter().map(|&format| {
                            let (corpus, only_done) = (*export_corpus, *only_done);
                            let onclick = props.actions.export.reform(move |event: MouseEvent| {
                                close_menu(&event);
                                ExportChoice { format, corpus, only_done: corpus && only_done }
                            });
                            html! {
                                <button type="button" data-format={format.name()} onmousedown={keep_selection} {onclick}>
                                    { format.title() }
                                </button>
                            }
                        }) }
                    </div>
                </details>
            </div>
        </div>
    }
}
