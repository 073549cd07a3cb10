//! Reducing edits of what is saved: tagging, relabeling, removing, undo and redo, the overlap
//! policy, label edits, suggestions accepted and "tag all". Offsets are code points.

use std::ops::Range;
use std::rc::Rc;

use super::{AppState, EditAction, LabelEdit, Notice};
use crate::model::snapping::{snap, Snap};
use crate::model::suggestions::Suggestion;
use crate::model::{
    Annotation, AnnotationStore, Document, EditError, LabelId, OverlapPolicy, ParagraphSpans,
    Workspace, WorkspaceError,
};
use crate::ui::wording;

/// Applies one edit; an edit that changes nothing returns the same `Rc`.
pub fn reduce(state: Rc<AppState>, action: EditAction) -> Rc<AppState> {
    match action {
        EditAction::Tag {
            label,
            selection,
            exact,
        } => tag(state, label, selection, exact),
        EditAction::LabelKey {
            key,
            selection,
            exact,
        } => match state.workspace.labels().by_key(key) {
            Some(label) => {
                let label = label.id;
                tag(state, label, selection, exact)
            }
            None => state,
        },
        EditAction::RemoveSelected => match state.view.selected {
            Some(id) => edit(state, false, |store, _| store.remove(id)),
            None => state,
        },
        EditAction::Undo => history(state, Workspace::undo),
        EditAction::Redo => history(state, Workspace::redo),
        EditAction::ToggleAnyOverlap => {
            let mut next = (*state).clone();
            let policy = match next.workspace.store().policy() {
                OverlapPolicy::NestedDifferentLabels => OverlapPolicy::Any,
                OverlapPolicy::Any => OverlapPolicy::NestedDifferentLabels,
            };
            next.workspace.store_mut().set_policy(policy);
            // The policy is part of the saved document.
            next.revision += 1;
            Rc::new(next)
        }
        EditAction::Labels(edit) => labels(state, edit),
        EditAction::AcceptSuggestion(suggestion) => {
            let before = super::view::without_suggestion(state, suggestion);
            let after = edit(Rc::clone(&before), false, |store, document| {
                store.add(document, suggestion.range(), suggestion.label)
            });
            if Rc::ptr_eq(&before, &after) || suggestion.confidence.is_none() {
                return after;
            }
            let mut next = (*after).clone();
            super::tagger::answered(&mut next, &suggestion, true);
            Rc::new(next)
        }
        EditAction::AcceptAllSuggestions => accept_all_suggestions(state),
        EditAction::AcceptPredictionsAbove(per_mille) => accept_predictions_above(state, per_mille),
        EditAction::TagAllOccurrences => tag_all_occurrences(state),
    }
}

fn tag(
    state: Rc<AppState>,
    label: LabelId,
    selection: Option<Range<usize>>,
    exact: bool,
) -> Rc<AppState> {
    let mode = if exact || !state.settings.snap_to_words {
        Snap::Graphemes
    } else {
        Snap::Words
    };
    match (selection, state.view.selected) {
        (Some(range), _) => edit(state, true, |store, document| {
            // Out of range stays as it was, so the store reports it.
            let snapped = snap(document, range.clone(), mode).unwrap_or(range);
            store.add(document, snapped, label)
        }),
        (None, Some(id)) => edit(state, true, |store, _| store.relabel(id, label)),
        (None, None) => state,
    }
}

/// Runs one store edit; on success refreshes the paragraphs it touched.
fn edit(
    state: Rc<AppState>,
    select_result: bool,
    edit: impl FnOnce(&mut AnnotationStore, &Document) -> Result<Annotation, EditError>,
) -> Rc<AppState> {
    let mut next = (*state).clone();
    match next.workspace.edit(edit) {
        Ok(annotation) => {
            next.view.selected = select_result.then_some(annotation.id);
            next.changed(annotation.range());
            Rc::new(next)
        }
        Err(EditError::Empty | EditError::Unchanged) => state,
        Err(error) => {
            state.with_notice(Some(Notice::error(wording::capitalize(&error.to_string()))))
        }
    }
}

fn history(
    state: Rc<AppState>,
    step: impl FnOnce(&mut Workspace) -> Result<Option<Range<usize>>, WorkspaceError>,
) -> Rc<AppState> {
    let mut next = (*state).clone();
    let touched = match step(&mut next.workspace) {
        Ok(Some(touched)) => touched,
        Ok(None) => return state,
        Err(error) => return state.with_notice(Some(Notice::error(wording::not_undone(&error)))),
    };
    next.changed(touched);
    if next.selected_annotation().is_none() {
        next.view.selected = None;
    }
    Rc::new(next)
}

fn accept_all_suggestions(state: Rc<AppState>) -> Rc<AppState> {
    if state.view.suggestions.is_empty() {
        return state;
    }
    let mut next = (*state).clone();
    let spans = state.view.suggestions.iter().map(|s| (s.range(), s.label));
    let tally = next
        .workspace
        .edit(|store, document| store.add_all(document, spans));
    if tally.added > 0 {
        next.changed(tally.touched);
    }
    next.view.dictionary = Rc::from([]);
    next.view.predictions = Rc::from([]);
    super::tagger::show(&mut next);
    next.view.notice = Some(Notice::info(wording::accepted_suggestions(tally.added)));
    Rc::new(next)
}

fn accept_predictions_above(state: Rc<AppState>, per_mille: u16) -> Rc<AppState> {
    let sure: Vec<Suggestion> = state
        .view
        .suggestions
        .iter()
        .filter(|s| s.confidence.is_some_and(|c| c >= per_mille))
        .copied()
        .collect();
    if sure.is_empty() {
        return state;
    }
    let mut next = (*state).clone();
    for prediction in &sure {
        super::tagger::answered(&mut next, prediction, true);
    }
    let spans = sure.iter().map(|s| (s.range(), s.label));
    let tally = next
        .workspace
        .edit(|store, document| store.add_all(document, spans));
    next.view.predictions = state
        .view
        .predictions
        .iter()
        .filter(|p| !sure.contains(p))
        .copied()
        .collect();
    if tally.added > 0 {
        next.changed(tally.touched);
    }
    super::tagger::show(&mut next);
    next.view.notice = Some(Notice::info(wording::accepted_predictions(
        tally.added,
        per_mille / 10,
    )));
    Rc::new(next)
}

fn tag_all_occurrences(state: Rc<AppState>) -> Rc<AppState> {
    let Some(selected) = state.selected_annotation() else {
        return state;
    };
    let document = Rc::clone(state.document());
    let Some(needle) = document.slice(selected.range()) else {
        return state;
    };
    let mut next = (*state).clone();
    let settings = state.settings;
    let tally = next.workspace.tag_all(
        needle,
        selected.label,
        settings.match_case,
        settings.corpus_scope,
    );
    let name = state.workspace.labels().name_of(selected.label);
    let message = wording::tagged_all(&tally, needle, name, settings);
    if tally.added > 0 {
        next.changed(tally.touched_open);
    }
    next.view.notice = Some(Notice::info(message));
    Rc::new(next)
}

fn labels(state: Rc<AppState>, edit: LabelEdit) -> Rc<AppState> {
    let labels = state.workspace.labels();
    let edited = match edit {
        LabelEdit::Delete(id) => return delete_label(state, id),
        LabelEdit::Import(imported) => {
            let merged = labels.merged(&imported);
            let said = Notice::info(wording::label_import(labels, &imported, &merged));
            if merged == **labels {
                return state.with_notice(Some(said));
            }
            let mut next = (*state).clone();
            next.workspace.set_labels(merged);
            next.changed(0..0);
            next.view.notice = Some(said);
            return Rc::new(next);
        }
        LabelEdit::Add(name) => labels.added(&name).map(|(set, _)| set),
        LabelEdit::Rename(id, name) => labels.renamed(id, &name),
        LabelEdit::Recolor(id, color) => labels.recoloured(id, &color),
        LabelEdit::SetKey(id, key) => labels.with_key(id, key),
        LabelEdit::Move(id, by) => labels.moved(id, by),
    };
    match edited {
        Ok(set) if set == **labels => state,
        Ok(set) => {
            let mut next = (*state).clone();
            next.workspace.set_labels(set);
            next.changed(0..0);
            Rc::new(next)
        }
        // The refused value still shows in the editor's field; a new generation resets it.
        Err(error) => {
            let mut next = (*state).clone();
            next.view.notice = Some(Notice::error(wording::capitalize(&error.to_string())));
            next.view.label_refusals += 1;
            Rc::new(next)
        }
    }
}

fn delete_label(state: Rc<AppState>, id: LabelId) -> Rc<AppState> {
    let name = state.workspace.labels().name_of(id).to_owned();
    let mut next = (*state).clone();
    match next.workspace.delete_label(id) {
        Ok(removed) => {
            next.view.paragraph_spans =
                ParagraphSpans::build(next.workspace.document(), next.workspace.store());
            next.changed(0..0);
            if next.selected_annotation().is_none() {
                next.view.selected = None;
            }
            next.view.notice = Some(Notice::info(wording::deleted_label(&name, removed)));
            Rc::new(next)
        }
        Err(error) => {
            state.with_notice(Some(Notice::error(wording::capitalize(&error.to_string()))))
        }
    }
}
