//! The UI reducer as a user drives it: tag, relabel, remove, undo, redo (native, no browser).

use std::rc::Rc;

use article_annotator::default_article;
use article_annotator::model::{AnnotatedDocument, LabelId};
use article_annotator::ui::state::{Action, AppState, EditAction, Setting};
use yew::Reducible;

fn seed_state() -> Rc<AppState> {
    Rc::new(AppState::new(AnnotatedDocument::new(
        default_article::document(),
    )))
}

fn range_of(state: &AppState, needle: &str) -> std::ops::Range<usize> {
    let document = state.document();
    let byte = document.text().find(needle).expect("needle");
    let start = document.indexed().char_of_byte(byte).expect("boundary");
    start..start + needle.chars().count()
}

fn labeled(state: &AppState) -> Vec<(String, String)> {
    state
        .workspace
        .store()
        .iter()
        .map(|a| {
            let text = state
                .document()
                .slice(a.range())
                .unwrap_or_default()
                .to_owned();
            (text, state.workspace.labels().name_of(a.label).to_owned())
        })
        .collect()
}

#[test]
fn key_one_on_a_selection_tags_a_person_and_selects_it() {
    let state = seed_state();
    let selection = Some(range_of(&state, "Sergei Shoigu"));
    let state = state.reduce(Action::Edit(EditAction::LabelKey {
        key: '1',
        selection,
        exact: false,
    }));
    assert_eq!(
        labeled(&state),
        [("Sergei Shoigu".to_owned(), "Person".to_owned())]
    );
    assert!(state.view.selected.is_some());
    assert_eq!(state.revision, 1);
}

#[test]
fn a_label_key_without_selection_relabels_the_selected_annotation() {
    let state = seed_state();
    let selection = Some(range_of(&state, "Moscow"));
    let state = state.reduce(Action::Edit(EditAction::LabelKey {
        key: '1',
        selection,
        exact: false,
    }));
    let state = state.reduce(Action::Edit(EditAction::LabelKey {
        key: '2',
        selection: None,
        exact: false,
    }));
    assert_eq!(labeled(&state), [("Moscow".to_owned(), "Place".to_owned())]);
}

#[test]
fn keys_and_selections_that_mean_nothing_change_nothing() {
    let state = seed_state();
    let same = state.clone().reduce(Action::Edit(EditAction::LabelKey {
        key: '1',
        selection: None,
        exact: false,
    }));
    assert!(
        Rc::ptr_eq(&state, &same),
        "a label key with nothing selected does nothing"
    );
    let whitespace = Some(
        range_of(&state, "countries. \n The").start + 10
            ..range_of(&state, "countries. \n The").start + 13,
    );
    let same = state.clone().reduce(Action::Edit(EditAction::LabelKey {
        key: '1',
        selection: whitespace,
        exact: false,
    }));
    assert!(
        Rc::ptr_eq(&state, &same),
        "a whitespace-only selection adds nothing"
    );
    let same = state.clone().reduce(Action::Edit(EditAction::LabelKey {
        key: '9',
        selection: Some(0..6),
        exact: false,
    }));
    assert!(Rc::ptr_eq(&state, &same), "an unbound key does nothing");
    let past_end = state.clone().reduce(Action::Edit(EditAction::Tag {
        label: LabelId(0),
        selection: Some(4000..9000),
        exact: false,
    }));
    assert!(past_end.workspace.store().is_empty());
    assert!(past_end.view.notice.as_ref().is_some_and(|n| n.is_error));
}

#[test]
fn delete_undo_and_redo_restore_every_step() {
    let state = seed_state();
    let bagheri = Some(range_of(&state, "Mohammad Bagheri"));
    let state = state.reduce(Action::Edit(EditAction::LabelKey {
        key: '1',
        selection: bagheri,
        exact: false,
    }));
    let state = state.reduce(Action::Edit(EditAction::RemoveSelected));
    assert!(state.workspace.store().is_empty());
    assert_eq!(state.view.selected, None);
    let state = state.reduce(Action::Edit(EditAction::Undo));
    assert_eq!(
        labeled(&state),
        [("Mohammad Bagheri".to_owned(), "Person".to_owned())]
    );
    let state = state.reduce(Action::Edit(EditAction::Undo));
    assert!(state.workspace.store().is_empty());
    let state = state
        .reduce(Action::Edit(EditAction::Redo))
        .reduce(Action::Edit(EditAction::Redo));
    assert!(state.workspace.store().is_empty());
    assert_eq!(state.revision, 6);
}

#[test]
fn an_edit_rebuilds_only_the_paragraph_it_touches() {
    let state = seed_state();
    let before = state.view.paragraph_spans.clone();
    let selection = Some(range_of(&state, "Sergei Shoigu"));
    let after = state.reduce(Action::Edit(EditAction::LabelKey {
        key: '1',
        selection,
        exact: false,
    }));
    assert_eq!(
        after.view.paragraph_spans.get(0).len(),
        1,
        "Shoigu is in the first paragraph"
    );
    assert!(
        Rc::ptr_eq(&before.get(1), &after.view.paragraph_spans.get(1)),
        "second paragraph untouched"
    );
}

#[test]
fn selections_snap_to_whole_words_unless_exact_or_switched_off() {
    let state = seed_state();
    let inside = range_of(&state, "ergei Shoig");
    let snapped = state.clone().reduce(Action::Edit(EditAction::LabelKey {
        key: '1',
        selection: Some(inside.clone()),
        exact: false,
    }));
    assert_eq!(
        labeled(&snapped),
        [("Sergei Shoigu".to_owned(), "Person".to_owned())]
    );
    let exact = state.clone().reduce(Action::Edit(EditAction::LabelKey {
        key: '1',
        selection: Some(inside.clone()),
        exact: true,
    }));
    assert_eq!(labeled(&exact)[0].0, "ergei Shoig");
    let off = state.reduce(Action::Setting(Setting::ToggleSnapToWords));
    assert!(!off.settings.snap_to_words);
    let off = off.reduce(Action::Edit(EditAction::LabelKey {
        key: '1',
        selection: Some(inside),
        exact: false,
    }));
    assert_eq!(labeled(&off)[0].0, "ergei Shoig");
}
