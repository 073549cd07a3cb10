//! The callbacks the page's components receive, made once for the app's whole life: they
//! read the newest state when called, so they never change, and a component re-renders only
//! when its own data does.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::use_latest::Latest;
use crate::formats::Format;
use crate::model::suggestions::Suggestion;
use crate::model::{AnnotationId, LabelId, StatusFilter};
use crate::ui::browser::{dialogs, selection, theme};
use crate::ui::flows::export::{self, ExportChoice};
use crate::ui::flows::{label_files, open_files};
use crate::ui::state::{
    Action, AppState, DocumentAction, EditAction, LabelEdit, Notice, ViewAction,
};
use crate::ui::wording;

/// Every callback the layout hands down.
#[derive(Clone, PartialEq)]
pub struct Actions {
    /// Dispatches a unit action built by the caller (`actions.on(...)`).
    pub dispatch: Callback<Action>,
    /// A label button: tags the selection or relabels the selected annotation.
    pub tag: Callback<LabelId>,
    /// An annotation was clicked in the article (or nothing: deselect).
    pub select: Callback<Option<AnnotationId>>,
    /// An annotation was picked in the list: select it and scroll to it.
    pub reveal: Callback<AnnotationId>,
    /// A suggestion was clicked.
    pub accept: Callback<Suggestion>,
    /// Open the document at this position.
    pub open_document: Callback<usize>,
    /// Next (`true`) or previous document.
    pub step_document: Callback<bool>,
    /// Show documents with this status.
    pub filter: Callback<StatusFilter>,
    /// Remove the document at this position (asked first).
    pub remove_document: Callback<usize>,
    /// Files picked or dropped.
    pub open_files: Callback<Vec<web_sys::File>>,
    /// Annotators' files picked to compare, one annotator's per file.
    pub compare_files: Callback<Vec<web_sys::File>>,
    /// A pasted (title, text).
    pub paste: Callback<(String, String)>,
    /// Export as chosen.
    pub export: Callback<ExportChoice>,
    /// Export everything as the workspace file.
    pub export_everything: Callback<()>,
    /// Copy the open document's JSON.
    pub copy_json: Callback<()>,
    /// A label edit.
    pub edit_labels: Callback<LabelEdit>,
    /// Download the labels.
    pub export_labels: Callback<()>,
    /// A picked label set file.
    pub import_labels: Callback<web_sys::File>,
    /// Set the user's name as an annotator.
    pub set_annotator: Callback<String>,
    /// Switch the theme; returns whether it is dark now.
    pub toggle_theme: Callback<(), bool>,
    /// Close the paste box.
    pub close_paste: Callback<()>,
    /// Close the list of shortcuts.
    pub close_help: Callback<()>,
    /// Hide the message.
    pub dismiss_notice: Callback<()>,
}

impl Actions {
    /// A callback that dispatches `action` whatever it is called with.
    pub fn on<T>(&self, action: impl Into<Action>) -> Callback<T> {
        let action = action.into();
        self.dispatch.reform(move |_| action.clone())
    }
}

/// The app's callbacks, made at the first render and kept.
#[hook]
pub fn use_actions(latest: Latest, article: NodeRef, alt_selection: Rc<Cell<bool>>) -> Rc<Actions> {
    (*use_memo((), move |_| {
        Rc::new(actions(latest, article, alt_selection))
    }))
    .clone()
}

/// A callback dispatching what `make` builds from its argument.
fn sending<T: 'static>(latest: &Latest, make: fn(T) -> Action) -> Callback<T> {
    let dispatcher = latest.borrow().dispatcher();
    Callback::from(move |value| dispatcher.dispatch(make(value)))
}

/// Opens picked or dropped files into the workspace; with `by_file` (Compare…), each file is
/// one annotator's, and the Agreement panel opens on them.
fn opening(latest: &Latest, by_file: bool) -> Callback<Vec<web_sys::File>> {
    with_newest(latest, move |state, files: Vec<web_sys::File>| {
        let current = state.workspace.open_document();
        let dispatcher = state.dispatcher();
        wasm_bindgen_futures::spawn_local(async move {
            let progress: open_files::Progress = {
                let dispatcher = dispatcher.clone();
                Rc::new(move |progress| {
                    dispatcher.dispatch(ViewAction::SetProgress(progress).into())
                })
            };
            progress(Some((0, 0)));
            let opened =
                open_files::open_files(&files, &current, Rc::clone(&progress), by_file).await;
            let action: Action = match opened {
                Ok(opened) if by_file => DocumentAction::Compare {
                    documents: opened.documents,
                    message: opened.message,
                }
                .into(),
                Ok(opened) => DocumentAction::Add {
                    documents: opened.documents,
                    message: opened.message,
                }
                .into(),
                Err(error) => ViewAction::Notify(Notice::error(error.to_string())).into(),
            };
            dispatcher.dispatch(action);
        });
    })
}

/// A callback running `run` with the newest state.
fn with_newest<T: 'static>(
    latest: &Latest,
    run: impl Fn(UseReducerHandle<AppState>, T) + 'static,
) -> Callback<T> {
    let latest = latest.clone();
    Callback::from(move |value| {
        let state = latest.borrow().clone();
        run(state, value)
    })
}

fn actions(latest: Latest, article: NodeRef, alt_selection: Rc<Cell<bool>>) -> Actions {
    let dispatcher = latest.borrow().dispatcher();

    Actions {
        dispatch: sending(&latest, |action| action),
        tag: {
            let dispatcher = dispatcher.clone();
            Callback::from(move |label| {
                let selection = selection::take_selected_range(&article);
                dispatcher.dispatch(
                    EditAction::Tag {
                        label,
                        selection,
                        exact: alt_selection.get(),
                    }
                    .into(),
                );
            })
        },
        select: sending(&latest, |id: Option<AnnotationId>| {
            id.map_or(ViewAction::Deselect, ViewAction::Select).into()
        }),
        reveal: sending(&latest, |id| ViewAction::Reveal(id).into()),
        accept: sending(&latest, |suggestion| {
            EditAction::AcceptSuggestion(suggestion).into()
        }),
        open_document: sending(&latest, |index| DocumentAction::Open(index).into()),
        step_document: sending(&latest, |forward| DocumentAction::Step { forward }.into()),
        filter: sending(&latest, |filter| ViewAction::SetFilter(filter).into()),
        remove_document: with_newest(&latest, |state, index: usize| {
            let Some(annotated) = state.workspace.annotated(index) else {
                return;
            };
            let question =
                wording::remove_document_question(&annotated.document.title, annotated.store.len());
            if dialogs::confirm(&question) {
                state.dispatch(DocumentAction::Remove(index).into());
            }
        }),
        open_files: opening(&latest, false),
        compare_files: opening(&latest, true),
        paste: with_newest(&latest, |state, (title, text): (String, String)| {
            state.dispatch(open_files::pasted_document(
                state.workspace.labels(),
                &title,
                &text,
            ));
        }),
        export: with_newest(&latest, |state, choice: ExportChoice| {
            wasm_bindgen_futures::spawn_local(async move {
                let notice = export::export_as(choice, &state.workspace).await;
                state.dispatch(ViewAction::Notify(notice).into());
            });
        }),
        export_everything: with_newest(&latest, |state, ()| {
            let choice = ExportChoice {
                format: Format::Native,
                corpus: true,
                only_done: false,
            };
            wasm_bindgen_futures::spawn_local(async move {
                let notice = export::export_as(choice, &state.workspace).await;
                state.dispatch(ViewAction::Notify(notice).into());
            });
        }),
        copy_json: with_newest(&latest, |state, ()| {
            wasm_bindgen_futures::spawn_local(async move {
                let workspace = &state.workspace;
                let Some(open) = workspace.exported(workspace.current()) else {
                    return;
                };
                let notice = export::copy_json(&open).await;
                state.dispatch(ViewAction::Notify(notice).into());
            });
        }),
        edit_labels: sending(&latest, |edit| EditAction::Labels(edit).into()),
        export_labels: with_newest(&latest, |state, ()| {
            let notice = label_files::export_labels(state.workspace.labels(), state.document());
            state.dispatch(ViewAction::Notify(notice).into());
        }),
        import_labels: with_newest(&latest, |state, file: web_sys::File| {
            wasm_bindgen_futures::spawn_local(async move {
                state.dispatch(label_files::import_labels(&file).await);
            });
        }),
        set_annotator: sending(&latest, |name| DocumentAction::SetAnnotator(name).into()),
        toggle_theme: Callback::from(|()| theme::toggle()),
        close_paste: sending(&latest, |()| ViewAction::TogglePasteBox.into()),
        close_help: sending(&latest, |()| ViewAction::ToggleHelp.into()),
        dismiss_notice: sending(&latest, |()| ViewAction::DismissNotice.into()),
    }
}
