//! Curating as the page holds it: making a document's curated version from its annotators'
//! versions, and the session that steps through its disagreements (`j` / `k`), settles each
//! with a key (`1`…`9` a version, `b` both, `0` neither), and takes the latest decision back
//! (`u`). A decision is an edit like any (undoable, saved); one that leaves no span is saved in
//! the version's provenance. The session starts whenever a curated version with disagreements
//! left is opened; Esc ends it. Offsets are code points.

use std::rc::Rc;

use super::{edits, AppState, EditAction, Notice};
use crate::agreement::curation::{self, Decision, Disagreement};
use crate::agreement::merge::Strategy;
use crate::agreement::spans_of;
use crate::agreement::summary::AgreementSummary;
use crate::model::workspace::grouped;
use crate::model::LabelId;
use crate::ui::wording;

/// The annotators' agreement as the Agreement panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementView {
    /// The figures.
    pub summary: AgreementSummary,
    /// The workspace position of each version it was worked out from, in order.
    pub positions: Vec<usize>,
}

/// A decision made in a session, for taking it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taken {
    /// The disagreement (its position).
    pub at: usize,
    /// It changed the spans (one undo step).
    pub edited: bool,
    /// The disagreement was left empty before it.
    pub was_left_empty: bool,
}

/// Stepping through the open curated version's disagreements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Every disagreement, in text order.
    pub disagreements: Rc<[Disagreement]>,
    /// The one on show.
    pub at: usize,
    /// The decisions made, oldest first.
    pub taken: Vec<Taken>,
}

impl Session {
    /// The disagreement on show.
    pub fn current(&self) -> Option<&Disagreement> {
        self.disagreements.get(self.at)
    }
}

/// A key or button of curation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurationAction {
    /// Curate the open document: open its curated version (made by `strategy` if there is none
    /// yet) and step through its disagreements.
    Curate(Strategy),
    /// Settle the disagreement on show.
    Decide(Decision),
    /// Show the next (or previous) disagreement.
    Step {
        /// Next rather than previous.
        forward: bool,
    },
    /// Take the latest decision back.
    TakeBack,
    /// End the session.
    Stop,
}

/// The first disagreement after `from` (wrapping round) that `next`'s open curated version
/// has not settled.
fn next_open(next: &AppState, disagreements: &[Disagreement], from: usize) -> Option<usize> {
    let provenance = next.document().provenance.clone()?;
    let annotated = next.workspace.open_document();
    let count = disagreements.len();
    (1..=count)
        .map(|step| (from + step) % count)
        .find(|&at| !curation::is_settled(&annotated, &provenance, &disagreements[at]))
}

/// Starts a session on `next`'s open document if it is a curated version with a disagreement
/// left (at the first such); with `any`, also when every one is settled (at the first).
pub fn resume(next: &mut AppState, any: bool) {
    let Some(provenance) = next.document().provenance.clone() else {
        return;
    };
    let disagreements: Rc<[Disagreement]> = curation::disagreements(&provenance).into();
    let count = disagreements.len();
    let first_open = next_open(next, &disagreements, count.saturating_sub(1));
    let at = first_open.or((any && count > 0).then_some(0));
    next.view.curation = at.map(|at| Session {
        disagreements,
        at,
        taken: Vec::new(),
    });
}

/// Applies one key or button of curation.
pub fn reduce(state: Rc<AppState>, action: CurationAction) -> Rc<AppState> {
    match action {
        CurationAction::Curate(strategy) => curate(state, strategy),
        CurationAction::Decide(decision) => decide(state, decision),
        CurationAction::Step { forward } => {
            let Some(session) = &state.view.curation else {
                return state;
            };
            let count = session.disagreements.len();
            let at = if forward {
                (session.at + 1) % count
            } else {
                (session.at + count - 1) % count
            };
            if at == session.at {
                return state;
            }
            let mut next = (*state).clone();
            if let Some(session) = &mut next.view.curation {
                session.at = at;
            }
            Rc::new(next)
        }
        CurationAction::TakeBack => take_back(state),
        CurationAction::Stop if state.view.curation.is_some() => {
            let mut next = (*state).clone();
            next.view.curation = None;
            Rc::new(next)
        }
        CurationAction::Stop => state,
    }
}

/// Opens the open document's curated version, making it first from every annotator's version.
fn curate(state: Rc<AppState>, strategy: Strategy) -> Rc<AppState> {
    let workspace = &state.workspace;
    if state.document().is_curated() {
        if state.view.curation.is_some() {
            return state;
        }
        let mut next = (*state).clone();
        resume(&mut next, true);
        if next.view.curation.is_none() {
            next.view.notice = Some(Notice::info(wording::NOTHING_TO_CURATE));
        }
        return Rc::new(next);
    }
    let versions = workspace.versions(workspace.current());
    if let Some(curated) = versions.curated {
        return super::documents::reduce(state, super::DocumentAction::Open(curated));
    }
    let spans = versions.annotated.iter().filter_map(|&index| {
        let version = workspace.annotated(index)?;
        Some((
            workspace.annotator_of(&version.document).to_owned(),
            spans_of(&version),
        ))
    });
    // An annotator's two versions count as one, their spans together.
    let by_annotator: Vec<(String, Vec<crate::agreement::Span>)> = grouped(spans)
        .into_iter()
        .map(|(who, versions)| (who, versions.concat()))
        .collect();
    if by_annotator.len() < 2 {
        return state.with_notice(Some(Notice::error(wording::ONE_VERSION)));
    }
    let name = strategy.name();
    let curated = curation::start(
        state.document(),
        &by_annotator,
        (strategy, &name),
        workspace.labels(),
        workspace.store().policy(),
    );
    let count = curated
        .document
        .provenance
        .as_ref()
        .map_or(0, |p| curation::disagreements(p).len());
    let message = wording::curating(&curated.document.title, curated.store.len(), &name, count);
    super::documents::reduce(
        state,
        super::DocumentAction::Add {
            documents: vec![(curated, false)],
            message,
        },
    )
}

/// Settles the disagreement on show and moves on to the next one left.
fn decide(state: Rc<AppState>, decision: Decision) -> Rc<AppState> {
    let (Some(session), Some(provenance)) = (&state.view.curation, &state.document().provenance)
    else {
        return state;
    };
    let Some(disagreement) = session.current() else {
        return state;
    };
    if matches!(decision, Decision::Take(at) if at >= disagreement.choices.len()) {
        return state;
    }
    let decided = curation::decide(
        &state.workspace.open_document(),
        provenance,
        disagreement,
        decision,
    );
    let labels = state.workspace.labels();
    let mut gone = None;
    let add: Vec<(std::ops::Range<usize>, LabelId)> = decided
        .add
        .iter()
        .filter_map(|(range, name)| match labels.by_name(name) {
            Some(label) => Some((range.clone(), label.id)),
            None => {
                gone = Some(name.clone());
                None
            }
        })
        .collect();
    let was_left_empty = provenance.is_left_empty(&disagreement.extent);
    let leaves = (was_left_empty != decided.left_empty)
        .then(|| provenance.leaving_empty(disagreement.extent.clone(), decided.left_empty));
    let (at, disagreements) = (session.at, Rc::clone(&session.disagreements));
    let mut next = (*state).clone();
    let tally = next
        .workspace
        .edit(|store, document| store.replace_all(document, &decided.remove, add));
    let edited = tally.added > 0 || !decided.remove.is_empty();
    if let Some(provenance) = leaves {
        next.workspace.set_provenance(provenance);
    }
    if edited {
        next.changed(tally.touched);
    } else {
        next.revision += 1;
        next.view.notice = None;
    }
    let following = next_open(&next, &disagreements, at);
    if let Some(session) = &mut next.view.curation {
        session.taken.push(Taken {
            at,
            edited,
            was_left_empty,
        });
        session.at = following.unwrap_or(at);
    }
    let notice = match (gone, tally.refused, following) {
        (Some(name), _, _) => Some(Notice::error(wording::label_gone(&name))),
        (None, refused @ 1.., _) => Some(Notice::error(wording::not_all_taken(refused))),
        (None, 0, None) => Some(Notice::info(wording::all_settled(disagreements.len()))),
        (None, 0, Some(_)) => None,
    };
    next.view.notice = notice;
    Rc::new(next)
}

/// Takes the latest decision back: its spans are undone and a disagreement it left empty is
/// open again; it is shown again.
fn take_back(state: Rc<AppState>) -> Rc<AppState> {
    let Some(taken) = state
        .view
        .curation
        .as_ref()
        .and_then(|s| s.taken.last().copied())
    else {
        return state;
    };
    let state = if taken.edited {
        edits::reduce(state, EditAction::Undo)
    } else {
        state
    };
    let mut next = (*state).clone();
    let Some(session) = &mut next.view.curation else {
        return state;
    };
    session.taken.pop();
    session.at = taken.at;
    let extent = session.disagreements[taken.at].extent.clone();
    if let Some(provenance) = next.document().provenance.clone() {
        if provenance.is_left_empty(&extent) != taken.was_left_empty {
            next.workspace
                .set_provenance(provenance.leaving_empty(extent, taken.was_left_empty));
            next.revision += 1;
        }
    }
    Rc::new(next)
}
