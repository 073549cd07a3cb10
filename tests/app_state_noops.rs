//! Every reduction that changes nothing returns the same `Rc` (so nothing re-renders), and
//! moving between documents keeps the open panels (native, no browser).
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use article_annotator::default_article;
use article_annotator::model::{AnnotatedDocument, AnnotationId, Document, LabelId, StatusFilter};
use article_annotator::ui::state::{
    Action, AppState, DocumentAction, EditAction, LabelEdit, Notice, SaveAction, ViewAction,
};
use yew::Reducible;

fn seed() -> Rc<AppState> {
    Rc::new(AppState::new(AnnotatedDocument::new(
        default_article::document(),
    )))
}

fn unchanged(state: &Rc<AppState>, action: impl Into<Action>) -> bool {
    let after = Rc::clone(state).reduce(action.into());
    Rc::ptr_eq(state, &after)
}

#[test]
fn edits_that_change_nothing_return_the_same_state() {
    let state = seed();
    let cases: Vec<(&str, Action)> = vec![
        (
            "unbound key",
            EditAction::LabelKey {
                key: '9',
                selection: Some(0..6),
                exact: false,
            }
            .into(),
        ),
        (
            "tag with nothing selected",
            EditAction::Tag {
                label: LabelId(0),
                selection: None,
                exact: false,
            }
            .into(),
        ),
        (
            "remove with nothing selected",
            EditAction::RemoveSelected.into(),
        ),
        ("undo with no history", EditAction::Undo.into()),
        ("redo with no history", EditAction::Redo.into()),
        (
            "accept all with none shown",
            EditAction::AcceptAllSuggestions.into(),
        ),
        (
            "tag all with nothing selected",
            EditAction::TagAllOccurrences.into(),
        ),
        (
            "rename to the same name",
            EditAction::Labels(LabelEdit::Rename(LabelId(0), "Person".into())).into(),
        ),
        (
            "a whitespace selection",
            EditAction::Tag {
                label: LabelId(0),
                selection: Some(6..7),
                exact: false,
            }
            .into(),
        ),
    ];
    for (case, action) in cases {
        assert!(unchanged(&state, action), "{case}");
    }
}

#[test]
fn view_and_save_actions_that_change_nothing_return_the_same_state() {
    let state = seed();
    let cases: Vec<(&str, Action)> = vec![
        (
            "select an unknown id",
            ViewAction::Select(AnnotationId(9)).into(),
        ),
        (
            "reveal an unknown id",
            ViewAction::Reveal(AnnotationId(9)).into(),
        ),
        (
            "deselect with nothing selected",
            ViewAction::Deselect.into(),
        ),
        (
            "the filter it has",
            ViewAction::SetFilter(StatusFilter::All).into(),
        ),
        ("no progress again", ViewAction::SetProgress(None).into()),
        (
            "suggestions while hidden",
            ViewAction::SetSuggestions(Rc::from([])).into(),
        ),
        (
            "nothing set aside again",
            ViewAction::SetAside(Rc::from([])).into(),
        ),
        ("dismiss with no message", ViewAction::DismissNotice.into()),
        ("saved with no failure", SaveAction::Saved.into()),
        ("open the open document", DocumentAction::Open(0).into()),
        ("remove the last document", DocumentAction::Remove(0).into()),
    ];
    for (case, action) in cases {
        assert!(unchanged(&state, action), "{case}");
    }
    let told = Rc::clone(&state).reduce(ViewAction::Notify(Notice::info("hi")).into());
    assert!(
        unchanged(&told, ViewAction::Notify(Notice::info("hi"))),
        "the same message"
    );
    let failed = Rc::clone(&state).reduce(SaveAction::Failed("full".into()).into());
    assert!(
        unchanged(&failed, SaveAction::Failed("full".into())),
        "the same failure"
    );
    assert!(
        !unchanged(&failed, SaveAction::Saved),
        "a save that works clears it"
    );
}

#[test]
fn moving_between_documents_keeps_the_open_panels() {
    let state = seed();
    let second = AnnotatedDocument::new(Document::new("b", "B", "Shoigu met Bagheri."));
    let state = state.reduce(
        DocumentAction::Add {
            documents: vec![(second, false)],
            message: "added".into(),
        }
        .into(),
    );
    let state = state.reduce(ViewAction::ToggleLabelEditor.into());
    let state = state.reduce(ViewAction::ToggleHelp.into());
    let state = state.reduce(ViewAction::TogglePasteBox.into());
    let moved = state.reduce(DocumentAction::Open(0).into());
    assert_eq!(moved.workspace.current(), 0);
    let panels = moved.view.panels;
    assert!(panels.label_editor && panels.help && panels.paste_box);
    let stepped = moved.reduce(DocumentAction::Step { forward: true }.into());
    assert_eq!(stepped.workspace.current(), 1);
    assert_eq!(stepped.view.panels, panels);
}
