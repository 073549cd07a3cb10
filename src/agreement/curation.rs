//! Curating one document from its annotators' versions. The curated version starts with the
//! spans enough annotators marked exactly alike (by a [`Strategy`]); every other span any of
//! them marked is a candidate, and candidates that overlap form one disagreement. For each, the
//! curator takes one annotator's version of that stretch of text, every candidate ("both"), or
//! none. The curated version's [`Provenance`] keeps every candidate with who marked it, so each
//! span can say where it came from. Offsets are Unicode code points, start inclusive, end
//! exclusive.

use std::ops::Range;
use std::rc::Rc;

use super::merge::{merge, Strategy};
use super::Span;
use crate::model::order;
use crate::model::{
    AnnotatedDocument, AnnotationId, AnnotationStore, Document, LabelSet, OverlapPolicy,
    Provenance, SourcedSpan,
};

/// One version of a disagreement's stretch of text: the candidates some annotators marked
/// there (none: they marked nothing), and who.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The annotators (indices into [`Provenance::annotators`]) whose version this is.
    pub annotators: Vec<usize>,
    /// Its spans (indices into [`Provenance::spans`]), in text order.
    pub spans: Vec<usize>,
}

/// Candidates that overlap one another, which too few annotators agree on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// From the first candidate's start to the furthest end.
    pub extent: Range<usize>,
    /// The candidates (indices into [`Provenance::spans`]), in text order.
    pub spans: Vec<usize>,
    /// The distinct versions, ordered by their first annotator.
    pub choices: Vec<Choice>,
}

/// What the curator decides for a disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The version at this position of [`Disagreement::choices`].
    Take(usize),
    /// Every candidate (as far as the overlap policy allows).
    Both,
    /// No span.
    Neither,
}

/// What a decision does to the curated version: spans to remove (an earlier decision's), spans
/// to add, and whether the disagreement is then settled with no span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    /// The annotations an earlier decision added.
    pub remove: Vec<AnnotationId>,
    /// The spans to add, as (range, label name).
    pub add: Vec<(Range<usize>, String)>,
    /// Nothing is added: the disagreement is settled with no span.
    pub left_empty: bool,
}

/// The curated version of `document` from `versions` (per annotator, their spans), whose
/// spans enough of them agree on are merged at once by `strategy`; the rest are left to
/// curate. Spans take `labels`' ids by name (a name it lacks is left to curate); the version
/// has no undo history, so the merge cannot be undone away.
pub fn start(
    document: &Document,
    versions: &[(String, Vec<Span>)],
    strategy: (Strategy, &str),
    labels: &Rc<LabelSet>,
    policy: OverlapPolicy,
) -> AnnotatedDocument {
    let present: Vec<Option<Vec<Span>>> = versions.iter().map(|(_, s)| Some(s.clone())).collect();
    let merged = merge(&present, strategy.0);
    let mut spans: Vec<SourcedSpan> = merged
        .agreed
        .iter()
        .chain(&merged.disputed)
        .map(|sourced| SourcedSpan {
            start: sourced.span.start,
            end: sourced.span.end,
            label: sourced.span.label.clone(),
            annotators: sourced.annotators.clone(),
        })
        .collect();
    order::sort(&mut spans);
    let provenance = Provenance {
        annotators: versions.iter().map(|(name, _)| name.clone()).collect(),
        strategy: strategy.1.to_owned(),
        needed: strategy.0.needed(versions.len()).max(1),
        spans,
        left_empty: Vec::new(),
    };
    let document = document.clone().by(None).curated(provenance);
    let agreed = merged.agreed.iter().filter_map(|sourced| {
        let label = labels.by_name(&sourced.span.label)?.id;
        Some((sourced.span.start..sourced.span.end, label))
    });
    let mut store = AnnotationStore::with_policy(policy);
    store.add_all(&document, agreed);
    AnnotatedDocument {
        store: AnnotationStore::from_checked(store.iter().copied().collect(), policy),
        document: Rc::new(document),
        labels: Rc::clone(labels),
    }
}

/// Every disagreement of a curated version, in text order.
pub fn disagreements(provenance: &Provenance) -> Vec<Disagreement> {
    let mut found: Vec<Disagreement> = Vec::new();
    for (index, span) in provenance.spans.iter().enumerate() {
        if provenance.is_agreed(span) {
            continue;
        }
        match found.last_mut() {
            Some(last) if span.start < last.extent.end => {
                last.extent.end = last.extent.end.max(span.end);
                last.spans.push(index);
            }
            _ => found.push(Disagreement {
                extent: span.range(),
                spans: vec![index],
                choices: Vec::new(),
            }),
        }
    }
    for disagreement in &mut found {
        disagreement.choices = choices(provenance, &disagreement.spans);
    }
    found
}

/// The distinct versions of `spans`, one per set of candidates some annotators marked.
fn choices(provenance: &Provenance, spans: &[usize]) -> Vec<Choice> {
    let mut choices: Vec<Choice> = Vec::new();
    for annotator in 0..provenance.annotators.len() {
        let theirs: Vec<usize> = spans
            .iter()
            .copied()
            .filter(|&i| provenance.spans[i].annotators.contains(&annotator))
            .collect();
        match choices.iter_mut().find(|c| c.spans == theirs) {
            Some(choice) => choice.annotators.push(annotator),
            None => choices.push(Choice {
                annotators: vec![annotator],
                spans: theirs,
            }),
        }
    }
    choices
}

/// The spans of `annotated` that stand in `disagreement`'s stretch of text and are not merged
/// agreements: what a decision there added.
fn decided_here(
    annotated: &AnnotatedDocument,
    provenance: &Provenance,
    disagreement: &Disagreement,
) -> Vec<AnnotationId> {
    annotated
        .store
        .overlapping(disagreement.extent.clone())
        .filter(|a| {
            let label = annotated.labels.name_of(a.label);
            provenance
                .find(a.start, a.end, label)
                .is_none_or(|at| !provenance.is_agreed(&provenance.spans[at]))
        })
        .map(|a| a.id)
        .collect()
}

/// Whether the curator has settled `disagreement` in `annotated` (a curated version with
/// `provenance`): a span of theirs stands there, or they left it empty.
pub fn is_settled(
    annotated: &AnnotatedDocument,
    provenance: &Provenance,
    disagreement: &Disagreement,
) -> bool {
    provenance.is_left_empty(&disagreement.extent)
        || !decided_here(annotated, provenance, disagreement).is_empty()
}

/// What `decision` does to `annotated`: an earlier decision's spans there go, and the chosen
/// candidates come.
pub fn decide(
    annotated: &AnnotatedDocument,
    provenance: &Provenance,
    disagreement: &Disagreement,
    decision: Decision,
) -> Decided {
    let chosen: &[usize] = match decision {
        Decision::Take(at) => disagreement
            .choices
            .get(at)
            .map_or(&[][..], |choice| &choice.spans),
        Decision::Both => &disagreement.spans,
        Decision::Neither => &[],
    };
    let add: Vec<(Range<usize>, String)> = chosen
        .iter()
        .map(|&i| {
            (
                provenance.spans[i].range(),
                provenance.spans[i].label.clone(),
            )
        })
        .collect();
    Decided {
        remove: decided_here(annotated, provenance, disagreement),
        left_empty: add.is_empty(),
        add,
    }
}

/// Which of `disagreement`'s choices stands in `annotated` now (the version a decision took),
/// if any.
pub fn taken(
    annotated: &AnnotatedDocument,
    provenance: &Provenance,
    disagreement: &Disagreement,
) -> Option<usize> {
    let mut here: Vec<usize> = annotated
        .store
        .overlapping(disagreement.extent.clone())
        .filter_map(|a| {
            let label = annotated.labels.name_of(a.label);
            let at = provenance.find(a.start, a.end, label)?;
            disagreement.spans.contains(&at).then_some(at)
        })
        .collect();
    order::sort(&mut here);
    if here.is_empty() {
        return None;
    }
    disagreement.choices.iter().position(|c| c.spans == here)
}
