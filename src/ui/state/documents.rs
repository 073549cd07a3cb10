//! Reducing moves between documents (add, open, step, mark done, remove) and what happens to
//! saving (the saved workspace restored, saving off, failed or working again).

use std::rc::Rc;

use super::{AppState, DocumentAction, Notice, SaveAction};
use crate::model::AnnotatedDocument;
use crate::ui::wording;

/// Applies one change to the workspace's documents.
pub fn reduce(state: Rc<AppState>, action: DocumentAction) -> Rc<AppState> {
    match action {
        DocumentAction::Add { documents, message } => add(state, documents, message),
        DocumentAction::Compare { documents, message } => compare(state, documents, message),
        DocumentAction::SetAnnotator(name) => {
            let mut next = (*state).clone();
            if !next.workspace.set_annotator(&name) {
                return state;
            }
            next.revision += 1;
            Rc::new(next)
        }
        DocumentAction::Open(index) => open(state, index),
        DocumentAction::Step { forward } => {
            match state.workspace.neighbour(forward, state.view.filter) {
                Some(index) => open(state, index),
                None => state.with_notice(Some(Notice::info(wording::NO_OTHER_DOCUMENT))),
            }
        }
        DocumentAction::ToggleDone => {
            let mut next = (*state).clone();
            next.workspace.set_done(!state.workspace.open_is_done());
            next.revision += 1;
            Rc::new(next)
        }
        DocumentAction::Remove(index) => remove(state, index),
    }
}

/// Opens the document at `index`.
fn open(state: Rc<AppState>, index: usize) -> Rc<AppState> {
    if index == state.workspace.current() {
        return state;
    }
    let mut workspace = state.workspace.clone();
    match workspace.open_at(index) {
        Ok(()) => state.with_workspace(workspace, None),
        Err(error) => {
            state.with_notice(Some(Notice::error(wording::capitalize(&error.to_string()))))
        }
    }
}

fn add(
    state: Rc<AppState>,
    documents: Vec<(AnnotatedDocument, bool)>,
    message: String,
) -> Rc<AppState> {
    let mut workspace = state.workspace.clone();
    let added = workspace
        .add(documents)
        .and_then(|first| workspace.open_at(first));
    match added {
        Ok(()) => state.with_workspace(workspace, Some(Notice::info(message))),
        Err(error) => state.with_notice(Some(Notice::error(wording::nothing_added(&error)))),
    }
}

/// Adds annotators' versions, leaving out those whose id names another text, and shows the
/// Agreement panel.
fn compare(
    state: Rc<AppState>,
    documents: Vec<(AnnotatedDocument, bool)>,
    message: String,
) -> Rc<AppState> {
    let (kept, mismatches) = state.workspace.without_mismatches(documents);
    if kept.is_empty() {
        let notice = Notice::error(wording::nothing_compared(&mismatches));
        return state.with_notice(Some(notice));
    }
    let added = add(state, kept, wording::compared(&message, &mismatches));
    if added.view.panels.agreement {
        return added;
    }
    let mut next = (*added).clone();
    next.view.panels.agreement = true;
    Rc::new(next)
}

fn remove(state: Rc<AppState>, index: usize) -> Rc<AppState> {
    let mut workspace = state.workspace.clone();
    let Ok(removed) = workspace.remove(index) else {
        return state;
    };
    let notice = Notice::info(wording::removed_document(
        &removed.document.title,
        removed.store.len(),
    ));
    state.with_workspace(workspace, Some(notice))
}

/// Applies what happened to saving.
pub fn save(state: Rc<AppState>, action: SaveAction) -> Rc<AppState> {
    match action {
        SaveAction::Restore(workspace) => {
            let mut restored = AppState::of_workspace(*workspace);
            restored.revision = state.revision + 1;
            Rc::new(restored)
        }
        SaveAction::Off(reason) => {
            let mut next = (*state).clone();
            next.saving.loading = false;
            next.saving.on = false;
            next.saving.failed = Some(reason);
            Rc::new(next)
        }
        SaveAction::Failed(reason) if state.saving.failed.as_ref() != Some(&reason) => {
            let mut next = (*state).clone();
            next.saving.failed = Some(reason);
            Rc::new(next)
        }
        SaveAction::Failed(_) => state,
        SaveAction::Saved if state.saving.failed.is_some() => {
            let mut next = (*state).clone();
            next.saving.failed = None;
            Rc::new(next)
        }
        SaveAction::Saved => state,
    }
}
