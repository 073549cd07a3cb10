//! The review queue, as Prodigy's `ner.teach` has it: the tagger's predictions for the open
//! document one at a time, the least certain first; `y` accepts, `n` rejects, `Space` skips,
//! `u` takes the latest answer back. Accepting is an edit like any (undoable, saved);
//! rejecting hides the prediction for good. Offsets are code points.

use std::rc::Rc;

use super::{edits, view, AppState, EditAction, ViewAction};
use crate::model::order;
use crate::model::suggestions::Suggestion;

/// What was answered for one prediction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Tagged as predicted.
    Accepted,
    /// Hidden for good.
    Rejected,
    /// Passed over.
    Skipped,
}

/// The queue and the answers so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// The predictions, least certain first.
    pub queue: Rc<[Suggestion]>,
    /// The answers, in order: the next to ask is `queue[answers.len()]`.
    pub answers: Vec<Verdict>,
}

impl Review {
    /// The prediction asked about now, if any is left.
    pub fn current(&self) -> Option<Suggestion> {
        self.queue.get(self.answers.len()).copied()
    }
}

/// A key of the review queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    /// Start reviewing the open document's predictions.
    Start,
    /// Stop.
    Stop,
    /// `y`.
    Accept,
    /// `n`.
    Reject,
    /// `Space`.
    Skip,
    /// `u`.
    Undo,
}

fn uncertainty(s: &Suggestion) -> u16 {
    s.confidence.map_or(0, |c| c.abs_diff(500))
}

fn answered(state: Rc<AppState>, verdict: Verdict) -> Rc<AppState> {
    let mut next = (*state).clone();
    if let Some(review) = &mut next.view.review {
        review.answers.push(verdict);
    }
    Rc::new(next)
}

/// Applies one key of the review queue.
pub fn reduce(state: Rc<AppState>, action: ReviewAction) -> Rc<AppState> {
    let current = state.view.review.as_ref().and_then(Review::current);
    match action {
        ReviewAction::Start => {
            let mut queue: Vec<Suggestion> = state.view.predictions.to_vec();
            if queue.is_empty() {
                return state;
            }
            order::sort_by_key(&mut queue, |s| (uncertainty(s), s.start));
            let mut next = (*state).clone();
            next.view.review = Some(Review {
                queue: queue.into(),
                answers: Vec::new(),
            });
            Rc::new(next)
        }
        ReviewAction::Stop => {
            if state.view.review.is_none() {
                return state;
            }
            let mut next = (*state).clone();
            next.view.review = None;
            Rc::new(next)
        }
        ReviewAction::Accept => match current {
            Some(s) => answered(
                edits::reduce(state, EditAction::AcceptSuggestion(s)),
                Verdict::Accepted,
            ),
            None => state,
        },
        ReviewAction::Reject => match current {
            Some(s) => answered(
                view::reduce(state, ViewAction::RejectSuggestion(s)),
                Verdict::Rejected,
            ),
            None => state,
        },
        ReviewAction::Skip if current.is_some() => answered(state, Verdict::Skipped),
        ReviewAction::Skip => state,
        ReviewAction::Undo => undo(state),
    }
}

/// Takes the latest answer back: an accepted span is undone, a rejected prediction comes
/// back, and it is asked about again.
fn undo(state: Rc<AppState>) -> Rc<AppState> {
    let Some(review) = &state.view.review else {
        return state;
    };
    let Some(&last) = review.answers.last() else {
        return state;
    };
    let asked = review.queue[review.answers.len() - 1];
    let state = match last {
        Verdict::Accepted => edits::reduce(state, EditAction::Undo),
        Verdict::Rejected | Verdict::Skipped => state,
    };
    let mut next = (*state).clone();
    if last != Verdict::Skipped {
        Rc::make_mut(&mut next.view.rejected).retain(|s| *s != asked);
        let mut predictions = next.view.predictions.to_vec();
        if !predictions.contains(&asked) {
            predictions.push(asked);
            order::sort_by_key(&mut predictions, |s| (s.start, std::cmp::Reverse(s.end)));
            next.view.predictions = predictions.into();
        }
        super::tagger::show(&mut next);
    }
    if let Some(review) = &mut next.view.review {
        review.answers.pop();
    }
    Rc::new(next)
}
