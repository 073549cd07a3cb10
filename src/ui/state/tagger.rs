//! The tagger as the page knows it: the model (its file's bytes and what it learned from),
//! what it is doing, its latest evaluation, and its predictions for the open document, shown
//! as suggestions apart from the strings labeled elsewhere. Offsets are code points.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::{AppState, Notice};
use crate::model::order;
use crate::model::suggestions::Suggestion;
use crate::tagger::evaluate::Counts;
use crate::tagger::protocol::ModelSummary;
use crate::ui::wording;

/// A trained model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainedModel {
    /// The model file's bytes.
    pub bytes: Rc<[u8]>,
    /// What it learned from.
    pub summary: ModelSummary,
}

/// What the tagger is doing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TaggerStatus {
    /// Nothing.
    #[default]
    Idle,
    /// Learning from the workspace.
    Training,
    /// Pre-annotating.
    Predicting,
    /// Cross-validating.
    Evaluating,
}

/// Scores of a cross-validation (exact span match).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// Per label, its counts.
    pub per_label: Vec<(String, Counts)>,
    /// Documents evaluated.
    pub documents: usize,
    /// Folds (none for a held-out file).
    pub folds: usize,
    /// Micro F1 in per mille against training documents per fold.
    pub curve: Vec<(usize, u16)>,
    /// The held-out file the model was scored on, instead of folds.
    pub held_out: Option<String>,
}

/// The tagger's part of the state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaggerState {
    /// The model, once trained or read back.
    pub model: Option<Rc<TrainedModel>>,
    /// The workspace revision the model learned from; it is current while this is the state's.
    pub trained_at: u64,
    /// What it is doing.
    pub status: TaggerStatus,
    /// The latest evaluation.
    pub evaluation: Option<Rc<Evaluation>>,
    /// The model's labels the open document does not have (not predicted).
    pub missing: Vec<String>,
    /// Counts requests to pre-annotate the open document (from the keyboard).
    pub requested: u64,
    /// Predictions accepted or rejected and not yet learned from: the document's version key,
    /// and per answer start, end, label name and whether it was accepted.
    pub answers: Vec<(String, usize, usize, String, bool)>,
    /// Predictions for documents other than the open one, by version key, shown when each is
    /// opened (the open document's are in the view).
    pub pending: Rc<BTreeMap<String, Rc<[Suggestion]>>>,
    /// How far pre-annotating many documents has come: (done, total).
    pub progress: Option<(usize, usize)>,
}

/// Notes that the user accepted (or rejected) a prediction, for the model to learn from.
pub fn answered(next: &mut AppState, prediction: &Suggestion, accepted: bool) {
    if prediction.confidence.is_none() {
        return;
    }
    let label = next.workspace.labels().name_of(prediction.label).to_owned();
    let document = next.document().version_key();
    next.tagger
        .answers
        .push((document, prediction.start, prediction.end, label, accepted));
}

/// What the tagger did, for the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaggerAction {
    /// Pre-annotate the open document (carried out by the tagger's hook).
    RequestPrediction,
    /// The first `n` answers were sent to the model to learn from.
    AnswersTaken(usize),
    /// Predictions for several documents (pre-annotating the documents to do), with how far
    /// that has come.
    PredictedMany {
        /// Per document version key, its predictions.
        documents: Vec<(String, Rc<[Suggestion]>)>,
        /// Documents done of all; `None` at the end.
        progress: Option<(usize, usize)>,
    },
    /// It started something.
    Started(TaggerStatus),
    /// A model was trained at `revision`, or read back or imported (`None`: counts as current).
    Trained(Rc<TrainedModel>, Option<u64>),
    /// Predictions for the document with this id.
    Predicted {
        /// The document's version key (ignored unless it is still open).
        document: String,
        /// The predictions, in text order.
        predictions: Rc<[Suggestion]>,
        /// The model's labels it does not have.
        missing: Vec<String>,
    },
    /// An evaluation came.
    Evaluated(Rc<Evaluation>),
    /// What it started failed; the message says why.
    Failed(String),
}

/// The suggestions shown: predictions first, then strings labeled elsewhere that overlap no
/// prediction; of overlapping predictions the earlier (outer) one, so none overlap.
pub fn shown(predictions: &[Suggestion], dictionary: &[Suggestion]) -> Rc<[Suggestion]> {
    let (predictions, dictionary) = (in_text_order(predictions), in_text_order(dictionary));
    let mut outer: Vec<Suggestion> = Vec::with_capacity(predictions.len());
    for s in predictions.iter() {
        if outer.last().is_none_or(|last| last.end <= s.start) {
            outer.push(*s);
        }
    }
    // One pass over both lists in text order: the kept predictions do not overlap, so their
    // ends rise with their starts and the first one ending after a suggestion's start is the
    // only one that can overlap it.
    let mut all: Vec<Suggestion> = Vec::with_capacity(outer.len() + dictionary.len());
    let mut next = outer.iter().peekable();
    let mut passed_end = 0;
    for s in dictionary.iter() {
        while let Some(p) = next.next_if(|p| key(p) <= key(s)) {
            passed_end = p.end;
            all.push(*p);
        }
        let overlaps = s.start < passed_end || next.peek().is_some_and(|p| p.start < s.end);
        if !overlaps {
            all.push(*s);
        }
    }
    all.extend(next);
    all.into()
}

/// The order suggestions are shown in: by start, the longer first.
fn key(s: &Suggestion) -> (usize, Reverse<usize>) {
    (s.start, Reverse(s.end))
}

/// `list` in text order: itself when it is already (as lists made in order are), else a copy.
fn in_text_order(list: &[Suggestion]) -> std::borrow::Cow<'_, [Suggestion]> {
    if list.is_sorted_by_key(key) {
        return std::borrow::Cow::Borrowed(list);
    }
    let mut sorted = list.to_vec();
    order::sort_by_key(&mut sorted, key);
    std::borrow::Cow::Owned(sorted)
}

/// On moving from the document `from` to the one `next` opens: the predictions left in
/// `from` are kept for it, and those kept for the new one are shown.
pub fn carry_predictions(from: &AppState, next: &mut AppState) {
    let pending = Rc::make_mut(&mut next.tagger.pending);
    let left = &from.view.predictions;
    if left.is_empty() {
        pending.remove(&from.document().version_key());
    } else {
        pending.insert(from.document().version_key(), Rc::clone(left));
    }
    if let Some(kept) = pending.remove(&next.workspace.document().version_key()) {
        next.view.predictions = kept;
        show(next);
    }
}

/// Shows the predictions and dictionary suggestions of `next.view` together.
pub fn show(next: &mut AppState) {
    let view = &mut next.view;
    view.suggestions = if view.predictions.is_empty() && view.dictionary.is_sorted_by_key(key) {
        // Shared, not copied: thousands of suggestions are worked out after every edit.
        Rc::clone(&view.dictionary)
    } else {
        shown(&view.predictions, &view.dictionary)
    };
}

/// Applies what the tagger did.
pub fn reduce(state: Rc<AppState>, action: TaggerAction) -> Rc<AppState> {
    let mut next = (*state).clone();
    match action {
        TaggerAction::RequestPrediction => next.tagger.requested += 1,
        TaggerAction::PredictedMany {
            documents,
            progress,
        } => {
            let open = state.document().version_key();
            let pending = Rc::make_mut(&mut next.tagger.pending);
            for (id, predictions) in documents {
                if id == open {
                    next.view.predictions = predictions;
                } else {
                    pending.insert(id, predictions);
                }
            }
            show(&mut next);
            next.tagger.progress = progress;
            if progress.is_none() {
                next.tagger.status = TaggerStatus::Idle;
            }
        }
        TaggerAction::AnswersTaken(n) => {
            next.tagger
                .answers
                .drain(..n.min(state.tagger.answers.len()));
        }
        TaggerAction::Started(status) => {
            if state.tagger.status == status {
                return state;
            }
            next.tagger.status = status;
        }
        TaggerAction::Trained(model, revision) => {
            next.tagger.status = TaggerStatus::Idle;
            next.tagger.trained_at = revision.unwrap_or(state.revision);
            next.tagger.model = Some(model);
        }
        TaggerAction::Predicted {
            document,
            predictions,
            missing,
        } => {
            next.tagger.status = TaggerStatus::Idle;
            if state.document().version_key() != document {
                return Rc::new(next);
            }
            let count = predictions.len();
            next.view.predictions = predictions;
            next.tagger.missing = missing;
            show(&mut next);
            next.view.notice = Some(Notice::info(wording::predicted(
                count,
                &next.tagger.missing,
            )));
        }
        TaggerAction::Evaluated(evaluation) => {
            next.tagger.status = TaggerStatus::Idle;
            next.tagger.evaluation = Some(evaluation);
        }
        TaggerAction::Failed(message) => {
            next.tagger.status = TaggerStatus::Idle;
            next.view.notice = Some(Notice::error(message));
        }
    }
    Rc::new(next)
}
