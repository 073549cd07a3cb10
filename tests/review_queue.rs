//! The review queue and the tagger's predictions in the store: least certain first; y, n,
//! Space and u by keys; accepting is an undoable edit; u brings a rejected prediction back;
//! predictions and dictionary suggestions never overlap on screen; a no-op returns the same
//! state. Offsets are code points.

use std::rc::Rc;

use article_annotator::model::suggestions::Suggestion;
use article_annotator::model::{AnnotatedDocument, Document, LabelId};
use article_annotator::ui::key_commands::{key_command, KeyCommand, KeyContext};
use article_annotator::ui::keys::Modifiers;
use article_annotator::ui::state::review::ReviewAction;
use article_annotator::ui::state::tagger::shown;
use article_annotator::ui::state::{Action, AppState, EditAction, TaggerAction};
use yew::Reducible;

const TEXT: &str = "Shoigu met Bagheri in Moscow.";

fn predicted(start: usize, end: usize, label: u32, per_mille: u16) -> Suggestion {
    Suggestion {
        start,
        end,
        label: LabelId(label),
        confidence: Some(per_mille),
    }
}

fn with_predictions() -> Rc<AppState> {
    let state = Rc::new(AppState::new(AnnotatedDocument::new(Document::new(
        "d", "D", TEXT,
    ))));
    let predictions: Rc<[Suggestion]> = Rc::from([
        predicted(0, 6, 0, 990),
        predicted(11, 18, 0, 550),
        predicted(22, 28, 1, 300),
    ]);
    state.reduce(Action::Tagger(TaggerAction::Predicted {
        document: "d".into(),
        predictions,
        missing: Vec::new(),
    }))
}

fn key(state: &AppState, key: &str) -> Option<KeyCommand> {
    let context = KeyContext {
        in_article: true,
        text_selection: None,
        exact: false,
        state,
    };
    key_command(key, Modifiers::default(), context)
}

fn run(state: Rc<AppState>, key_name: &str) -> Rc<AppState> {
    match key(&state, key_name) {
        Some(KeyCommand::Dispatch { action, .. }) => state.reduce(action),
        other => panic!("{key_name} did {other:?}"),
    }
}

fn asked(state: &AppState) -> Option<(usize, usize)> {
    let review = state.view.review.as_ref()?;
    review.current().map(|s| (s.start, s.end))
}

#[test]
fn the_queue_asks_the_least_certain_first_and_answers_by_key() {
    let state = with_predictions();
    assert_eq!(state.view.suggestions.len(), 3);
    // Outside the review, y and Space do nothing of the queue's.
    assert_eq!(key(&state, " "), None);
    let state = state.reduce(ReviewAction::Start.into());
    // 550 is nearest to 50%, then 300, then 990.
    assert_eq!(asked(&state), Some((11, 18)));
    let state = run(state, "y");
    assert_eq!(state.workspace.store().len(), 1);
    assert_eq!(asked(&state), Some((22, 28)));
    let state = run(state, "n");
    assert_eq!(
        state.view.suggestions.len(),
        1,
        "accepted and rejected ones are gone"
    );
    let state = run(state, " ");
    assert_eq!(asked(&state), None, "all answered");
    // u takes back the skip, then the rejection (the prediction comes back), then the accept.
    let state = run(state, "u");
    assert_eq!(asked(&state), Some((0, 6)));
    let state = run(state, "u");
    assert_eq!(asked(&state), Some((22, 28)));
    assert_eq!(state.view.suggestions.len(), 2);
    assert!(!state.view.rejected.iter().any(|s| s.start == 22));
    let state = run(state, "u");
    assert_eq!(asked(&state), Some((11, 18)));
    assert_eq!(state.workspace.store().len(), 0);
    assert_eq!(state.view.suggestions.len(), 3);
    let state = run(state, "Escape");
    assert!(state.view.review.is_none());
}

#[test]
fn accepting_above_a_threshold_is_one_undo_step_and_no_ops_keep_the_state() {
    let state = with_predictions();
    let same = state
        .clone()
        .reduce(EditAction::AcceptPredictionsAbove(995).into());
    assert!(Rc::ptr_eq(&state, &same), "nothing at 99.5% or more");
    let stopped = state.clone().reduce(ReviewAction::Stop.into());
    assert!(Rc::ptr_eq(&state, &stopped), "no review to stop");
    let state = state.reduce(EditAction::AcceptPredictionsAbove(500).into());
    assert_eq!(state.workspace.store().len(), 2);
    assert_eq!(state.view.suggestions.len(), 1);
    let state = state.reduce(EditAction::Undo.into());
    assert_eq!(state.workspace.store().len(), 0);
}

#[test]
fn predictions_hide_overlapping_dictionary_suggestions_and_nested_ones() {
    let dictionary = [
        Suggestion {
            start: 0,
            end: 6,
            label: LabelId(0),
            confidence: None,
        },
        Suggestion {
            start: 22,
            end: 28,
            label: LabelId(1),
            confidence: None,
        },
    ];
    let predictions = [predicted(11, 28, 2, 800), predicted(22, 28, 1, 700)];
    let on_screen = shown(&predictions, &dictionary);
    let ranges: Vec<(usize, usize, Option<u16>)> = on_screen
        .iter()
        .map(|s| (s.start, s.end, s.confidence))
        .collect();
    assert_eq!(ranges, [(0, 6, None), (11, 28, Some(800))]);
}

#[test]
fn predictions_for_a_document_no_longer_open_are_dropped() {
    let state = Rc::new(AppState::new(AnnotatedDocument::new(Document::new(
        "d", "D", TEXT,
    ))));
    let state = state.reduce(Action::Tagger(TaggerAction::Predicted {
        document: "other".into(),
        predictions: Rc::from([predicted(0, 6, 0, 900)]),
        missing: Vec::new(),
    }));
    assert!(state.view.suggestions.is_empty());
}

/// Native only: proptest's random source does not build for wasm32.
#[cfg(not(target_arch = "wasm32"))]
mod merging {
    use super::*;

    /// What [`shown`] is defined to give, worked out the plain way: the predictions by start
    /// (longer first) with any that overlaps an earlier kept one left out, then every dictionary
    /// suggestion that overlaps no kept prediction, all by start.
    fn shown_plainly(predictions: &[Suggestion], dictionary: &[Suggestion]) -> Vec<Suggestion> {
        let key = |s: &Suggestion| (s.start, std::cmp::Reverse(s.end));
        let mut all = predictions.to_vec();
        all.sort_by_key(key);
        let mut kept: Vec<Suggestion> = Vec::new();
        for s in all {
            if kept.last().is_none_or(|last| last.end <= s.start) {
                kept.push(s);
            }
        }
        let free = |s: &Suggestion| !kept.iter().any(|p| p.start < s.end && s.start < p.end);
        let extra: Vec<Suggestion> = dictionary.iter().filter(|s| free(s)).copied().collect();
        kept.extend(extra);
        kept.sort_by_key(key);
        kept
    }

    proptest::proptest! {
        #[test]
        fn shown_merges_as_the_plain_definition_does(
            raw_predictions in proptest::collection::vec((0usize..60, 1usize..8, 0u16..1000), 0..12),
            raw_dictionary in proptest::collection::vec((0usize..8, 1usize..6), 0..12),
        ) {
            let predictions: Vec<Suggestion> = raw_predictions
                .iter()
                .map(|&(start, len, per_mille)| predicted(start, start + len, 0, per_mille))
                .collect();
            // Dictionary suggestions come in text order and never overlap (as they are found).
            let mut at = 0;
            let dictionary: Vec<Suggestion> = raw_dictionary
                .iter()
                .map(|&(gap, len)| {
                    at += gap;
                    let s = Suggestion { start: at, end: at + len, label: LabelId(1), confidence: None };
                    at += len;
                    s
                })
                .collect();
            proptest::prop_assert_eq!(
                shown(&predictions, &dictionary).to_vec(),
                shown_plainly(&predictions, &dictionary)
            );
        }
    }
}
