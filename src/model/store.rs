//! The annotation store: every span of one document, kept valid. Its undo and redo are in
//! `history`, its errors in `edit_error`.
//!
//! Invariants (offsets in code points): `0 <= start < end <= document length`; no span starts
//! or ends with whitespace; the same range never carries the same label twice; overlaps follow
//! the [`OverlapPolicy`]; annotations are kept in text order; every change can be undone and
//! redone.

use std::ops::Range;
use std::rc::Rc;

use super::annotation::{Annotation, AnnotationId};
use super::document::Document;
pub use super::edit_error::{EditError, OverlapPolicy};
pub use super::history::Edit;
use super::label::{LabelId, LabelSet};

/// What tagging many ranges at once did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Spans added.
    pub added: usize,
    /// Ranges that already carried the label.
    pub already: usize,
    /// Ranges the overlap policy (or an empty range) refused.
    pub refused: usize,
    /// The code point range the added spans lie in (empty if none was added).
    pub touched: Range<usize>,
}

/// What an undo or redo changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The code point range whose spans changed (empty if none did).
    pub touched: Range<usize>,
    /// The label set to use from now on, if the step changed it.
    pub labels: Option<Rc<LabelSet>>,
}

/// All annotations of one document, in text order, with their history.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationStore {
    pub(super) annotations: Vec<Annotation>,
    pub(super) next_id: u32,
    /// Length of the longest span ever stored: bounds how far back an overlap search looks.
    pub(super) longest: usize,
    pub(super) undo: Vec<Edit>,
    pub(super) redo: Vec<Edit>,
    pub(super) policy: OverlapPolicy,
}

impl AnnotationStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty store with this overlap policy.
    pub fn with_policy(policy: OverlapPolicy) -> Self {
        Self {
            policy,
            ..Self::default()
        }
    }

    /// The overlap policy new edits must follow.
    pub fn policy(&self) -> OverlapPolicy {
        self.policy
    }

    /// Changes the overlap policy for new edits; spans already there stay.
    pub fn set_policy(&mut self, policy: OverlapPolicy) {
        self.policy = policy;
    }

    /// Labels `range` (trimmed of surrounding whitespace) and returns the new annotation.
    pub fn add(
        &mut self,
        document: &Document,
        range: Range<usize>,
        label: LabelId,
    ) -> Result<Annotation, EditError> {
        let annotation = self.checked_new(document, range, label)?;
        self.record(Edit::Add(annotation));
        Ok(annotation)
    }

    /// A new annotation of `range` (trimmed) with `label`, if the store can take it; it gets
    /// the next id but is not stored yet.
    fn checked_new(
        &mut self,
        document: &Document,
        range: Range<usize>,
        label: LabelId,
    ) -> Result<Annotation, EditError> {
        let range = self.checked_range(document, range)?;
        self.check_overlaps(&range, label, None)?;
        let annotation = Annotation {
            id: AnnotationId(self.next_id),
            start: range.start,
            end: range.end,
            label,
        };
        self.next_id += 1;
        Ok(annotation)
    }

    /// Gives annotation `id` another label and returns it as it is now.
    pub fn relabel(&mut self, id: AnnotationId, label: LabelId) -> Result<Annotation, EditError> {
        let current = self.get(id).ok_or(EditError::Unknown(id))?;
        if current.label == label {
            return Err(EditError::Unchanged);
        }
        self.check_overlaps(&current.range(), label, Some(id))?;
        self.record(Edit::Relabel {
            id,
            from: current.label,
            to: label,
        });
        Ok(Annotation { label, ..current })
    }

    /// Removes annotation `id` and returns what it was.
    pub fn remove(&mut self, id: AnnotationId) -> Result<Annotation, EditError> {
        let annotation = self.get(id).ok_or(EditError::Unknown(id))?;
        self.record(Edit::Remove(annotation));
        Ok(annotation)
    }

    /// Adds every (range, label) as one undo step, skipping ranges already carrying their label
    /// and ranges the overlap policy refuses; says how many went which way.
    pub fn add_all(
        &mut self,
        document: &Document,
        spans: impl IntoIterator<Item = (Range<usize>, LabelId)>,
    ) -> Tally {
        self.replace_all(document, &[], spans)
    }

    /// Removes the annotations `removed` (ids not found are passed over), then adds `spans` as
    /// [`AnnotationStore::add_all`] does, all as one undo step.
    pub fn replace_all(
        &mut self,
        document: &Document,
        removed: &[AnnotationId],
        spans: impl IntoIterator<Item = (Range<usize>, LabelId)>,
    ) -> Tally {
        let mut tally = Tally::default();
        let mut edits = Vec::new();
        let touch = |tally: &mut Tally, first: bool, range: Range<usize>| {
            tally.touched = if first {
                range
            } else {
                tally.touched.start.min(range.start)..tally.touched.end.max(range.end)
            };
        };
        for &id in removed {
            let Some(annotation) = self.get(id) else {
                continue;
            };
            self.apply(Edit::Remove(annotation));
            edits.push(Edit::Remove(annotation));
            touch(&mut tally, edits.len() == 1, annotation.range());
        }
        for (range, label) in spans {
            match self.checked_new(document, range, label) {
                Ok(annotation) => {
                    self.apply(Edit::Add(annotation));
                    edits.push(Edit::Add(annotation));
                    touch(&mut tally, edits.len() == 1, annotation.range());
                    tally.added += 1;
                }
                Err(EditError::Duplicate(_)) => tally.already += 1,
                Err(_) => tally.refused += 1,
            }
        }
        if !edits.is_empty() {
            self.undo.push(Edit::Batch(edits));
            self.redo.clear();
        }
        tally
    }

    /// Records a change of the label set as an undo step (the spans stay as they are).
    pub fn record_labels(&mut self, before: Rc<LabelSet>, after: Rc<LabelSet>) {
        self.record(Edit::Labels { before, after });
    }

    /// Removes every span of `label` and records the label set change with it, as one undo
    /// step; returns how many spans went.
    pub fn remove_label(
        &mut self,
        label: LabelId,
        before: Rc<LabelSet>,
        after: Rc<LabelSet>,
    ) -> usize {
        let mut edits: Vec<Edit> = self
            .annotations
            .iter()
            .filter(|a| a.label == label)
            .map(|a| Edit::Remove(*a))
            .collect();
        let removed = edits.len();
        edits.push(Edit::Labels { before, after });
        self.record(Edit::Batch(edits));
        removed
    }

    /// All annotations in text order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Annotation> + DoubleEndedIterator {
        self.annotations.iter()
    }

    /// Number of annotations.
    pub fn len(&self) -> usize {
        self.annotations.len()
    }

    /// Whether there are no annotations.
    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty()
    }

    /// The annotation with this id.
    pub fn get(&self, id: AnnotationId) -> Option<Annotation> {
        self.annotations.iter().find(|a| a.id == id).copied()
    }

    /// Annotations sharing at least one code point with `range`, in text order.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &Annotation> {
        let from = self
            .annotations
            .partition_point(|a| a.start + self.longest <= range.start);
        let to = self.annotations.partition_point(|a| a.start < range.end);
        self.annotations[from..to.max(from)]
            .iter()
            .filter(move |a| a.overlaps(&range))
    }

    pub(super) fn checked_range(
        &self,
        document: &Document,
        range: Range<usize>,
    ) -> Result<Range<usize>, EditError> {
        let out_of_range = || EditError::OutOfRange {
            range: range.clone(),
            len: document.char_len(),
        };
        let trimmed = document
            .trim_whitespace(range.clone())
            .ok_or_else(out_of_range)?;
        if trimmed.is_empty() {
            return Err(EditError::Empty);
        }
        Ok(trimmed)
    }

    /// Refuses a span of `range` with `label` that the policy forbids next to the stored ones
    /// (`ignore` is the annotation being relabeled).
    pub(super) fn check_overlaps(
        &self,
        range: &Range<usize>,
        label: LabelId,
        ignore: Option<AnnotationId>,
    ) -> Result<(), EditError> {
        let others = self
            .overlapping(range.clone())
            .filter(|a| Some(a.id) != ignore);
        for other in others {
            if other.range() == *range && other.label == label {
                return Err(EditError::Duplicate(other.id));
            }
            if self.policy == OverlapPolicy::Any {
                continue;
            }
            let nested = (other.start <= range.start && range.end <= other.end)
                || (range.start <= other.start && other.end <= range.end);
            if !nested {
                return Err(EditError::Crossing(other.id));
            }
            if other.label == label {
                return Err(EditError::NestedSameLabel(other.id));
            }
        }
        Ok(())
    }

    pub(super) fn insert(&mut self, annotation: Annotation) {
        let at = self
            .annotations
            .partition_point(|a| a.text_order() < annotation.text_order());
        self.annotations.insert(at, annotation);
        self.longest = self.longest.max(annotation.end - annotation.start);
    }
}
