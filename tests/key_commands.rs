//! The keyboard map as a pure function: which key, with which modifiers, in which context,
//! does what (native, no browser). Offsets are code points.
#![cfg(not(target_arch = "wasm32"))]

use std::ops::Range;
use std::rc::Rc;

use article_annotator::model::suggestions::Suggestion;
use article_annotator::model::{AnnotatedDocument, Document, LabelId};
use article_annotator::ui::key_commands::{key_command, KeyCommand, KeyContext};
use article_annotator::ui::keys::Modifiers;
use article_annotator::ui::state::{Action, AppState, DocumentAction, EditAction, ViewAction};
use yew::Reducible;

const NONE: Modifiers = Modifiers {
    command: false,
    shift: false,
    alt: false,
};
const CTRL: Modifiers = Modifiers {
    command: true,
    shift: false,
    alt: false,
};

fn state() -> Rc<AppState> {
    let document = Document::new("d", "D", "Shoigu met Bagheri in Moscow.");
    Rc::new(AppState::new(AnnotatedDocument::new(document)))
}

fn press(
    state: &AppState,
    key: &str,
    modifiers: Modifiers,
    in_article: bool,
    selection: Option<Range<usize>>,
) -> Option<KeyCommand> {
    let context = KeyContext {
        in_article,
        text_selection: selection.as_ref(),
        exact: false,
        state,
    };
    key_command(key, modifiers, context)
}

fn dispatch(action: impl Into<Action>, clear_selection: bool) -> Option<KeyCommand> {
    Some(KeyCommand::Dispatch {
        action: action.into(),
        clear_selection,
    })
}

#[test]
fn a_label_key_tags_the_selection_and_an_unbound_key_does_nothing() {
    let state = state();
    assert_eq!(
        press(&state, "1", NONE, true, Some(0..6)),
        dispatch(
            EditAction::LabelKey {
                key: '1',
                selection: Some(0..6),
                exact: false
            },
            true
        )
    );
    assert_eq!(press(&state, "9", NONE, true, Some(0..6)), None);
    assert_eq!(
        press(&state, "1", Modifiers { alt: true, ..NONE }, true, None),
        None
    );
}

#[test]
fn history_document_and_help_keys() {
    let state = state();
    assert_eq!(
        press(&state, "z", CTRL, false, None),
        dispatch(EditAction::Undo, false)
    );
    let shift = Modifiers {
        shift: true,
        ..CTRL
    };
    assert_eq!(
        press(&state, "Z", shift, false, None),
        dispatch(EditAction::Redo, false)
    );
    assert_eq!(
        press(&state, "y", CTRL, false, None),
        dispatch(EditAction::Redo, false)
    );
    assert_eq!(
        press(&state, "]", NONE, false, None),
        dispatch(DocumentAction::Step { forward: true }, false)
    );
    assert_eq!(
        press(&state, "p", NONE, false, None),
        dispatch(DocumentAction::Step { forward: false }, false)
    );
    assert_eq!(
        press(&state, "Delete", NONE, false, None),
        dispatch(EditAction::RemoveSelected, false)
    );
    assert_eq!(
        press(&state, "?", NONE, false, None),
        dispatch(ViewAction::ToggleHelp, false)
    );
    assert_eq!(
        press(&state, "Escape", NONE, false, None),
        dispatch(ViewAction::Deselect, true)
    );
    // While the shortcut list is open, Escape closes it and other keys do nothing.
    let helping = Rc::clone(&state).reduce(ViewAction::ToggleHelp.into());
    assert_eq!(
        press(&helping, "Escape", NONE, true, None),
        dispatch(ViewAction::ToggleHelp, false)
    );
    assert_eq!(press(&helping, "1", NONE, true, Some(0..6)), None);
}

#[test]
fn n_and_p_are_labels_when_a_label_has_them() {
    let state = state();
    let with_n = state.reduce(
        EditAction::Labels(article_annotator::ui::state::LabelEdit::SetKey(
            LabelId(0),
            Some('n'),
        ))
        .into(),
    );
    assert_eq!(
        press(&with_n, "n", NONE, true, Some(0..6)),
        dispatch(
            EditAction::LabelKey {
                key: 'n',
                selection: Some(0..6),
                exact: false
            },
            true
        )
    );
}

#[test]
fn arrows_select_words_and_tab_walks_annotations_only_in_the_article() {
    let state = state();
    assert_eq!(
        press(&state, "ArrowRight", NONE, true, None),
        Some(KeyCommand::Select(0..6))
    );
    assert_eq!(
        press(&state, "ArrowRight", NONE, true, Some(0..6)),
        Some(KeyCommand::Select(7..10))
    );
    let grow = Modifiers {
        shift: true,
        ..NONE
    };
    assert_eq!(
        press(&state, "ArrowRight", grow, true, Some(0..6)),
        Some(KeyCommand::Select(0..10))
    );
    assert_eq!(
        press(&state, "ArrowRight", NONE, false, None),
        None,
        "outside the article"
    );
    assert_eq!(
        press(&state, "Tab", NONE, true, None),
        None,
        "no annotation: Tab leaves"
    );
    let tagged = Rc::clone(&state).reduce(
        EditAction::LabelKey {
            key: '1',
            selection: Some(0..6),
            exact: false,
        }
        .into(),
    );
    let id = tagged.workspace.store().iter().next().expect("tagged").id;
    let deselected = tagged.reduce(ViewAction::Deselect.into());
    assert_eq!(
        press(&deselected, "Tab", NONE, true, None),
        dispatch(ViewAction::Reveal(id), true)
    );
}

#[test]
fn enter_and_x_act_on_the_suggestion_under_the_selection() {
    let state = state().reduce(article_annotator::ui::state::Setting::ToggleSuggestions.into());
    let suggestion = Suggestion {
        start: 11,
        end: 18,
        label: LabelId(0),
        confidence: None,
    };
    let shown = state.reduce(ViewAction::SetSuggestions(Rc::from([suggestion])).into());
    assert_eq!(
        press(&shown, "Enter", NONE, true, Some(11..18)),
        dispatch(EditAction::AcceptSuggestion(suggestion), true)
    );
    assert_eq!(
        press(&shown, "x", NONE, true, Some(12..14)),
        dispatch(ViewAction::RejectSuggestion(suggestion), true)
    );
    assert_eq!(
        press(&shown, "Enter", NONE, true, Some(0..6)),
        None,
        "no suggestion there"
    );
}
