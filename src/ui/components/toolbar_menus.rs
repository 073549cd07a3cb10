//! The toolbar's three menus, each a disclosure (`<details>`) whose items are ordinary buttons:
//! File (open files, compare annotators' files, export in any format), Assist (Tag all,
//! suggestions, the Model and Agreement panels) and Settings (how selections and Tag all behave). Settings
//! are switches (`aria-pressed`, drawn as a sliding knob) and keep their menu open; an action
//! closes its menu.

use yew::prelude::*;

use super::toolbar::{keep_selection, ToolbarProps};
use crate::formats::dataset_format::EXPORT_FORMATS;
use crate::formats::Format;
use crate::ui::browser::{events, worker_client};
use crate::ui::flows::export::ExportChoice;
use crate::ui::state::{EditAction, Setting, ViewAction};

/// What the Open control accepts: every format the app reads.
const OPENABLE: &str =
    ".json,.jsonl,.ndjson,.jsonld,.conll,.iob,.iob2,.bio,.bilou,.ann,.txt,.md,.markdown,.html,.htm";

/// Closes the menu a clicked item sits in.
fn close_menu(event: &MouseEvent) {
    let menu = event
        .target_dyn_into::<web_sys::Element>()
        .and_then(|item| item.closest("details").ok().flatten());
    if let Some(menu) = menu {
        let _ = menu.remove_attribute("open");
    }
}

/// A menu: its button (`summary`) and its items.
fn menu(class: &'static str, title: &str, label: &str, items: Html) -> Html {
    html! {
        <details class={classes!("menu-button", class)}>
            <summary title={title.to_owned()}>{ label.to_owned() }</summary>
            <div class="menu" role="group" aria-label={label.to_owned()}>{ items }</div>
        </details>
    }
}

/// A setting's switch: pressed while on; the menu stays open.
fn switch(
    class: &'static str,
    label: String,
    title: &str,
    on: bool,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button type="button" class={classes!("switch", class)} aria-pressed={on.to_string()}
            title={title.to_owned()} onmousedown={keep_selection} {onclick}>{ label }</button>
    }
}

/// An action in a menu: it runs, and the menu closes.
fn item(title: &str, label: &str, enabled: bool, onclick: &Callback<()>) -> Html {
    let onclick = onclick.reform(|event: MouseEvent| close_menu(&event));
    html! {
        <button type="button" title={title.to_owned()} disabled={!enabled}
            onmousedown={keep_selection} {onclick}>{ label.to_owned() }</button>
    }
}

/// File: open and compare files, export the open document or the corpus.
pub fn file_menu(
    props: &ToolbarProps,
    export_corpus: &UseStateHandle<bool>,
    only_done: &UseStateHandle<bool>,
) -> Html {
    let toggle = |flag: &UseStateHandle<bool>| {
        let flag = flag.clone();
        Callback::from(move |_: Event| flag.set(!*flag))
    };
    let picked = |onopen: &Callback<Vec<web_sys::File>>| {
        let onopen = onopen.clone();
        Callback::from(move |event: Event| {
            let files = events::take_picked_files(&event);
            if let Some(menu) = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|input| input.closest("details").ok().flatten())
            {
                let _ = menu.remove_attribute("open");
            }
            if !files.is_empty() {
                onopen.emit(files);
            }
        })
    };
    let actions = &props.actions;
    let formats = EXPORT_FORMATS.iter().map(|&format| {
        let (corpus, only_done) = (**export_corpus, **only_done);
        let onclick = actions.export.reform(move |event: MouseEvent| {
            close_menu(&event);
            ExportChoice { format, corpus, only_done: corpus && only_done }
        });
        html! {
            <button type="button" data-format={format.name()} onmousedown={keep_selection} {onclick}>
                { format.title() }
            </button>
        }
    });
    let native = ExportChoice {
        format: Format::Native,
        corpus: false,
        only_done: false,
    };
    let items = html! {
        <>
            <label class="file-button" title="Add articles (.txt, .md, .html) or annotated documents (native JSON, a workspace, doccano, Label Studio, Prodigy, spaCy, CoNLL, brat .ann with its .txt, W3C) to the workspace; pick or drop many at once.">
                { "Open…" }
                <input type="file" class="visually-hidden" multiple=true accept={OPENABLE} onchange={picked(&actions.open_files)} />
            </label>
            <label class="file-button compare-button" title="Compare annotators: pick one file per annotator (any format the app opens) of the same documents; each file's annotator is the one it names, else its file name. Their versions join the workspace and the Agreement panel opens.">
                { "Compare…" }
                <input type="file" class="visually-hidden compare-input" multiple=true accept={OPENABLE} onchange={picked(&actions.compare_files)} />
            </label>
            { item("Download the open document's annotations as JSON", "Export JSON", true, &actions.export.reform(move |()| native)) }
            { item("Copy the annotations as JSON to the clipboard", "Copy JSON", true, &actions.copy_json) }
            <p class="menu-heading">{ "Export as…" }</p>
            <label class="export-scope">
                <input type="checkbox" class="export-corpus" checked={**export_corpus}
                    onchange={toggle(export_corpus)} />
                { match props.documents {
                    1 => " The 1 document".to_owned(),
                    n => format!(" All {n} documents"),
                } }
            </label>
            <label class="export-scope">
                <input type="checkbox" class="export-done" checked={**only_done}
                    disabled={!**export_corpus} onchange={toggle(only_done)} />
                { " Only documents marked done" }
            </label>
            { for formats }
        </>
    };
    // Pointing at File starts the converters' worker, which opens every file, so a picked file
    // does not wait for the worker's code; the first load never does.
    html! {
        <div class="file-menu-host" onpointerenter={|_: PointerEvent| worker_client::warm_up()}
            onfocusin={|_: FocusEvent| worker_client::warm_up()}>
            { menu("export-menu", "Open, compare and export files", "File", items) }
        </div>
    }
}

/// Assist: suggestions, the tagger and agreement between annotators.
pub fn assist_menu(props: &ToolbarProps) -> Html {
    let actions = &props.actions;
    let items = html! {
        <>
            { item("Tag every other whole-word occurrence of the selected annotation's text with its label (one undo takes them all back)", "Tag all", props.has_selected, &actions.on(EditAction::TagAllOccurrences)) }
            { switch("suggest-toggle", "Suggest".into(), "Show dashed suggestions wherever a labeled string occurs again (click or Enter accepts, x rejects)", props.show_suggestions, actions.on(Setting::ToggleSuggestions)) }
            { item("Tag every suggestion (one undo takes them all back)", &format!("Accept all ({})", props.suggestion_count), props.suggestion_count > 0, &actions.on(EditAction::AcceptAllSuggestions)) }
            { switch("model-toggle", "Model…".into(), "The tagger: learn from your annotations, pre-annotate (Shift+M), evaluate", props.model_open, actions.on(ViewAction::ToggleModelPanel)) }
            { switch("agreement-toggle", "Agreement…".into(), "Several annotators: their agreement, and curating a document from their versions", props.agreement_open, actions.on(ViewAction::ToggleAgreementPanel)) }
        </>
    };
    menu(
        "assist-menu",
        "Suggestions, the tagger, agreement between annotators",
        "Assist",
        items,
    )
}

/// Settings: how selections and Tag all behave, and which spans may overlap.
pub fn settings_menu(props: &ToolbarProps) -> Html {
    let actions = &props.actions;
    let items = html! {
        <>
            { switch("snap-toggle", "Snap to words".into(), "Grow selections to whole words and trim punctuation (hold Alt while selecting to keep exact characters)", props.snap_to_words, actions.on(Setting::ToggleSnapToWords)) }
            { switch("overlap-toggle", "Allow any overlap".into(), "Allow spans to cross each other and to nest within the same label (by default a span may only nest inside or around a span of another label)", props.any_overlap, actions.on(EditAction::ToggleAnyOverlap)) }
            { switch("case-toggle", "Match case".into(), "Whether Tag all matches upper and lower case", props.match_case, actions.on(Setting::ToggleMatchCase)) }
            { switch("scope-toggle", format!("Across documents ({})", props.documents), "Whether Tag all reaches every document of the workspace or only the open one", props.corpus_scope, actions.on(Setting::ToggleCorpusScope)) }
        </>
    };
    menu(
        "settings-menu",
        "How selections and Tag all behave",
        "Settings",
        items,
    )
}
