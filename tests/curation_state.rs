//! Curating in the page's store, natively: Compare… adds annotators' versions, Curate makes and
//! opens the curated version, and keys settle its disagreements one press each; a key that can
//! change nothing returns the same state. Offsets are Unicode code points.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use article_annotator::agreement::merge::Strategy;
use article_annotator::model::{AnnotatedDocument, Document, Workspace};
use article_annotator::ui::key_commands::{key_command, KeyCommand, KeyContext};
use article_annotator::ui::keys::Modifiers;
use article_annotator::ui::state::curation::CurationAction;
use article_annotator::ui::state::{Action, AppState, DocumentAction, EditAction};
use yew::Reducible;

/// Ten names: alice marks every one, bob every other one, carol none; so the even ones have
/// a majority and each odd one is a disagreement.
fn text() -> String {
    (0..10)
        .map(|i| format!("Person{i} came. "))
        .collect::<String>()
}

fn version(annotator: &str, marked: impl Fn(usize) -> bool) -> (AnnotatedDocument, bool) {
    let text = text();
    let document = Document::new("d", "Ten names", &text).by(Some(annotator.to_owned()));
    let mut annotated = AnnotatedDocument::new(document);
    let person = annotated.labels.by_name("Person").unwrap().id;
    let document = Rc::clone(&annotated.document);
    for i in (0..10).filter(|&i| marked(i)) {
        let start = text.find(&format!("Person{i} ")).unwrap();
        annotated
            .store
            .add(&document, start..start + 7, person)
            .unwrap();
    }
    (annotated, false)
}

fn compared() -> Rc<AppState> {
    let mine = AnnotatedDocument::new(Document::new("other", "Mine", "My own text."));
    let state = Rc::new(AppState::new(mine));
    state.reduce(
        DocumentAction::Compare {
            documents: vec![
                version("alice", |_| true),
                version("bob", |i| i % 2 == 0),
                version("carol", |_| false),
            ],
            message: "Opened 3 files".into(),
        }
        .into(),
    )
}

fn press(state: Rc<AppState>, key: &str) -> Rc<AppState> {
    let context = KeyContext {
        in_article: false,
        text_selection: None,
        exact: false,
        state: &state,
    };
    match key_command(key, Modifiers::default(), context) {
        Some(KeyCommand::Dispatch { action, .. }) => Rc::clone(&state).reduce(action),
        other => panic!("{key} did {other:?}"),
    }
}

fn unchanged(state: &Rc<AppState>, action: impl Into<Action>) -> bool {
    Rc::ptr_eq(state, &Rc::clone(state).reduce(action.into()))
}

fn spans(state: &AppState) -> usize {
    state.workspace.store().len()
}

#[test]
fn compare_adds_each_annotators_version_and_opens_the_agreement_panel() {
    let state = compared();
    assert_eq!(state.workspace.len(), 4);
    assert!(state.view.panels.agreement);
    let groups: Vec<String> = state
        .workspace
        .by_annotator()
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    // The user's own document takes part once they annotate it or mark it done.
    assert_eq!(groups, ["alice", "bob", "carol"]);
    let mine = Rc::clone(&state).reduce(DocumentAction::Open(0).into());
    let done = mine.reduce(DocumentAction::ToggleDone.into());
    let groups = done.workspace.by_annotator();
    assert_eq!(groups[0].0, "you");
    // A version whose id names a document with another text is left out and named.
    let other =
        AnnotatedDocument::new(Document::new("d", "D", "Not the same.").by(Some("dave".into())));
    let state = state.reduce(
        DocumentAction::Compare {
            documents: vec![(other, false)],
            message: String::new(),
        }
        .into(),
    );
    assert_eq!(state.workspace.len(), 4);
    let notice = state.view.notice.clone().unwrap();
    assert!(
        notice.is_error && notice.text.contains("dave’s “d”"),
        "{notice:?}"
    );
}

#[test]
fn each_disagreement_takes_one_key_press_and_u_takes_the_last_back() {
    let state = compared().reduce(DocumentAction::Open(1).into());
    let state = state.reduce(CurationAction::Curate(Strategy::Majority).into());
    assert!(state.document().is_curated());
    assert_eq!(
        state.workspace.current(),
        4,
        "the curated version joins the workspace"
    );
    // The even names have two of three: merged at once; the odd ones are disagreements.
    assert_eq!(spans(&state), 5);
    let session = state.view.curation.clone().expect("curating");
    assert_eq!(session.disagreements.len(), 5);
    assert!(unchanged(
        &state,
        CurationAction::Decide(article_annotator::agreement::curation::Decision::Take(5))
    ));
    // alice's version of name 1, neither for name 3, then alice again for 5 and 7, then b.
    let state = press(state, "1");
    assert_eq!(spans(&state), 6);
    assert_eq!(state.view.curation.as_ref().unwrap().at, 1);
    let state = press(state, "0");
    assert_eq!(spans(&state), 6);
    let state = press(state, "1");
    let state = press(state, "1");
    assert_eq!(spans(&state), 8);
    // u takes back the latest: name 7's span goes, and it is on show again.
    let state = press(state, "u");
    assert_eq!(spans(&state), 7);
    assert_eq!(state.view.curation.as_ref().unwrap().at, 3);
    let state = press(state, "1");
    let state = press(state, "b");
    assert_eq!(spans(&state), 9);
    let notice = state.view.notice.clone().unwrap();
    assert!(
        notice.text.contains("All 5 disagreements are settled"),
        "{notice:?}"
    );
    // Ctrl+Z undoes a decision like any edit.
    let undone = Rc::clone(&state).reduce(EditAction::Undo.into());
    assert_eq!(spans(&undone), 8);
    // Esc ends the session, and label keys are label keys again.
    let stopped = press(state, "Escape");
    assert!(stopped.view.curation.is_none());
    assert!(unchanged(&stopped, CurationAction::Stop));
}

#[test]
fn reopening_the_curated_version_resumes_at_the_first_disagreement_left() {
    let state = compared().reduce(DocumentAction::Open(1).into());
    let state = state.reduce(CurationAction::Curate(Strategy::Majority).into());
    let state = press(press(state, "0"), "1");
    // Leaving it and coming back: the session starts again where nothing is settled.
    let state = state.reduce(DocumentAction::Open(0).into());
    assert!(state.view.curation.is_none());
    let state = state.reduce(DocumentAction::Open(4).into());
    assert_eq!(state.view.curation.as_ref().unwrap().at, 2);
    // Curate on a version with a curated one opens it.
    let state = state.reduce(DocumentAction::Open(2).into());
    let state = state.reduce(CurationAction::Curate(Strategy::Everyone).into());
    assert_eq!(state.workspace.current(), 4);
    assert_eq!(state.workspace.len(), 5);
}

#[test]
fn a_left_empty_disagreement_survives_the_saved_record() {
    use article_annotator::formats::workspace_file;
    let state = compared().reduce(DocumentAction::Open(1).into());
    let state = state.reduce(CurationAction::Curate(Strategy::Majority).into());
    let state = press(state, "0");
    let file = workspace_file::export(&state.workspace, false).unwrap();
    let back: Workspace = workspace_file::import(&file).unwrap();
    let mut restored = AppState::of_workspace(back);
    restored.workspace.open_at(4).unwrap();
    let restored = Rc::new(restored)
        .reduce(DocumentAction::Open(0).into())
        .reduce(DocumentAction::Open(4).into());
    assert_eq!(restored.view.curation.as_ref().unwrap().at, 1);
}

#[test]
fn naming_oneself_is_saved_and_the_same_name_changes_nothing() {
    let state = compared();
    let named = Rc::clone(&state).reduce(DocumentAction::SetAnnotator(" eve ".into()).into());
    assert_eq!(named.workspace.annotator(), Some("eve"));
    assert!(
        named.revision > state.revision,
        "the name is saved with the workspace"
    );
    assert!(unchanged(
        &named,
        DocumentAction::SetAnnotator("eve".into())
    ));
}

#[test]
fn curating_a_version_everyone_agrees_on_says_there_is_nothing_to_curate() {
    let mine = AnnotatedDocument::new(Document::new("other", "Mine", "My own text."));
    let state = Rc::new(AppState::new(mine)).reduce(
        DocumentAction::Compare {
            documents: vec![version("alice", |i| i < 3), version("bob", |i| i < 3)],
            message: String::new(),
        }
        .into(),
    );
    let state = state.reduce(CurationAction::Curate(Strategy::Everyone).into());
    assert!(state.document().is_curated());
    assert!(state.view.curation.is_none(), "no disagreement: no session");
    assert_eq!(state.workspace.store().len(), 3);
    let again = state.reduce(CurationAction::Curate(Strategy::Everyone).into());
    let notice = again.view.notice.clone().unwrap();
    assert!(
        notice.text.starts_with("Nothing to curate here"),
        "{notice:?}"
    );
}
