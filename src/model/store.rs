//! The annotation store: every span of one document, kept valid, with undo and redo.
//!
//! Invariants (offsets in code points): `0 <= start < end <= document length`; no span starts
//! or ends with whitespace; the same range never carries the same label twice; overlaps follow
//! the [`OverlapPolicy`]; annotations are kept in text order; every change can be undone and
//! redone.

use std::fmt;
use std::ops::Range;
use std::rc::Rc;

use super::annotation::{Annotation, AnnotationId};
use super::document::Document;
pub use super::history::Edit;
use super::history::HistoryFit;
use super::label::{LabelId, LabelSet};

/// Why an edit was refused. The store is unchanged after any error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The range holds nothing but whitespace.
    Empty,
    /// The range reaches past the end of the document.
    OutOfRange {
        /// Requested range, in code points.
        range: Range<usize>,
        /// Document length, in code points.
        len: usize,
    },
    /// The same range already carries this label.
    Duplicate(AnnotationId),
    /// No annotation has this id.
    Unknown(AnnotationId),
    /// The annotation already has this label.
    Unchanged,
    /// Two saved annotations share one id.
    DuplicateId(AnnotationId),
    /// A saved span starts or ends with whitespace.
    Untrimmed,
    /// The span partly overlaps another one (neither contains the other).
    Crossing(AnnotationId),
    /// The span would nest inside or around another one with the same label.
    NestedSameLabel(AnnotationId),
    /// The step would bring back a span whose label is no longer in the label set.
    UnknownLabel(LabelId),
}

/// Which overlaps between spans are allowed; saved with the document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OverlapPolicy {
    /// A span may lie inside or around a span of a different label; crossing overlaps and
    /// same-label nesting are refused.
    #[default]
    NestedDifferentLabels,
    /// Any overlap is allowed (the same range with the same label still is not).
    Any,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "the selection holds only whitespace"),
            Self::OutOfRange { range, len } => write!(
                f,
                "the span {}..{} lies outside the text ({len} characters)",
                range.start, range.end
            ),
            Self::Duplicate(_) => write!(f, "this text already has that label"),
            Self::Unknown(id) => write!(f, "there is no annotation #{}", id.0),
            Self::Unchanged => write!(f, "the annotation already has that label"),
            Self::DuplicateId(id) => write!(f, "two annotations share the id {}", id.0),
            Self::Untrimmed => write!(f, "the span starts or ends with whitespace"),
            Self::Crossing(_) => write!(
                f,
                "spans may nest but not cross: the selection partly overlaps another span \
                 (switch on \u{201c}Allow any overlap\u{201d} to permit it)"
            ),
            Self::NestedSameLabel(_) => write!(
                f,
                "a span cannot lie inside or around another span with the same label"
            ),
            Self::UnknownLabel(id) => write!(f, "no label has the id {}", id.0),
        }
    }
}

impl std::error::Error for EditError {}

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
    annotations: Vec<Annotation>,
    next_id: u32,
    /// Length of the longest span ever stored: bounds how far back an overlap search looks.
    longest: usize,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    policy: OverlapPolicy,
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

    /// Builds a store from saved annotations (no history), checking every invariant.
    pub fn from_saved(
        document: &Document,
        saved: impl IntoIterator<Item = Annotation>,
        policy: OverlapPolicy,
    ) -> Result<Self, (Annotation, EditError)> {
        let mut store = Self::with_policy(policy);
        let mut ids = std::collections::HashSet::new();
        // In text order, each goes in at the end: no file order makes this quadratic.
        let mut saved: Vec<Annotation> = saved.into_iter().collect();
        // Keys are unique (they end with the id): an unstable sort orders them the same.
        saved.sort_unstable_by_key(Annotation::text_order);
        for annotation in saved {
            let checked = store.checked_range(document, annotation.range());
            let checked = checked.and_then(|range| {
                if range != annotation.range() {
                    return Err(EditError::Untrimmed);
                }
                if !ids.insert(annotation.id) {
                    return Err(EditError::DuplicateId(annotation.id));
                }
                store.check_overlaps(&range, annotation.label, None)
            });
            checked.map_err(|error| (annotation, error))?;
            store.insert(annotation);
            store.next_id = store.next_id.max(annotation.id.0 + 1);
        }
        Ok(store)
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
        let mut tally = Tally::default();
        let mut edits = Vec::new();
        for (range, label) in spans {
            match self.checked_new(document, range, label) {
                Ok(annotation) => {
                    self.apply(Edit::Add(annotation));
                    edits.push(Edit::Add(annotation));
                    tally.touched = if tally.added == 0 {
                        annotation.range()
                    } else {
                        tally.touched.start.min(annotation.start)
                            ..tally.touched.end.max(annotation.end)
                    };
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

    /// Undoes the latest change; says what it touched.
    pub fn undo(&mut self) -> Option<Change> {
        let edit = self.undo.pop()?;
        let change = self.apply(edit.clone().inverse());
        self.redo.push(edit);
        Some(change)
    }

    /// Redoes the latest undone change; says what it touched.
    pub fn redo(&mut self) -> Option<Change> {
        let edit = self.redo.pop()?;
        let change = self.apply(edit.clone());
        self.undo.push(edit);
        Some(change)
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// The history, to save it: the steps to undo and to redo (oldest first) and the id the
    /// next annotation gets.
    pub fn history(&self) -> (&[Edit], &[Edit], u32) {
        (&self.undo, &self.redo, self.next_id)
    }

    /// Whether the latest step (to undo, or to redo) can be taken under `labels`: every span
    /// it brings back must have a label in the set it leaves. A label deleted since (perhaps
    /// while another document was open) refuses the step with [`EditError::UnknownLabel`].
    pub fn check_step(&self, undo: bool, labels: &LabelSet) -> Result<(), EditError> {
        let step = if undo {
            self.undo.last().cloned().map(Edit::inverse)
        } else {
            self.redo.last().cloned()
        };
        let Some(step) = step else {
            return Ok(());
        };
        match step.labels_after() {
            None => match step
                .labels_brought_in()
                .into_iter()
                .find(|id| labels.get(*id).is_none())
            {
                Some(id) => Err(EditError::UnknownLabel(id)),
                None => Ok(()),
            },
            Some(after) => {
                let after = Rc::clone(after);
                let mut walk = self.clone();
                walk.apply(step);
                walk.labels_known(&after)
            }
        }
    }

    /// Refuses spans whose label is not in `labels`.
    fn labels_known(&self, labels: &LabelSet) -> Result<(), EditError> {
        match self
            .annotations
            .iter()
            .find(|a| labels.get(a.label).is_none())
        {
            Some(a) => Err(EditError::UnknownLabel(a.label)),
            None => Ok(()),
        }
    }

    /// The name a label with this id had in a label set this history keeps, if any: for
    /// messages about labels deleted since.
    pub fn label_named_in_history(&self, id: LabelId) -> Option<&str> {
        self.undo
            .iter()
            .chain(&self.redo)
            .rev()
            .find_map(|edit| edit.label_named(id))
    }

    /// This store with as much of a saved history as fits. Steps are replayed from these spans
    /// under `labels`, one by one, each checked as a new edit would be (offsets in the text,
    /// trimmed, overlaps by the policy, ids unique, labels in the set of that moment); undo
    /// steps older than the first that does not fit, and redo steps after it, are left out.
    pub fn with_history(
        &self,
        document: &Document,
        labels: &Rc<LabelSet>,
        undo: Vec<Edit>,
        redo: Vec<Edit>,
        next_id: u32,
    ) -> (Self, HistoryFit) {
        let kept_undo = self.fitting_steps(
            document,
            labels,
            undo.iter().rev().cloned().map(Edit::inverse),
        );
        let kept_redo = self.fitting_steps(document, labels, redo.iter().rev().cloned());
        let fit = HistoryFit {
            undo_dropped: undo.len() - kept_undo,
            redo_dropped: redo.len() - kept_redo,
        };
        let undo = undo[undo.len() - kept_undo..].to_vec();
        let redo = redo[redo.len() - kept_redo..].to_vec();
        let named: Vec<Annotation> = undo
            .iter()
            .chain(&redo)
            .flat_map(Edit::annotations)
            .collect();
        let next_id = named
            .iter()
            .map(|a| a.id.0 + 1)
            .fold(next_id.max(self.next_id), u32::max);
        let longest = named
            .iter()
            .map(|a| a.end - a.start)
            .fold(self.longest, usize::max);
        let restored = Self {
            undo,
            redo,
            next_id,
            longest,
            ..self.clone()
        };
        (restored, fit)
    }

    /// How many of `steps`, applied in turn from these spans, keep every invariant.
    fn fitting_steps(
        &self,
        document: &Document,
        labels: &Rc<LabelSet>,
        steps: impl Iterator<Item = Edit>,
    ) -> usize {
        let mut walk = self.clone();
        walk.undo.clear();
        walk.redo.clear();
        let mut labels = Rc::clone(labels);
        let mut fitting = 0;
        for step in steps {
            if walk.apply_checked(document, &mut labels, step).is_err() {
                break;
            }
            fitting += 1;
        }
        fitting
    }

    /// Applies `edit` if it keeps every invariant, as a new edit is checked; the store may be
    /// left part-way through a refused batch.
    fn apply_checked(
        &mut self,
        document: &Document,
        labels: &mut Rc<LabelSet>,
        edit: Edit,
    ) -> Result<(), EditError> {
        match edit {
            Edit::Add(a) => {
                if self.get(a.id).is_some() {
                    return Err(EditError::DuplicateId(a.id));
                }
                if self.checked_range(document, a.range())? != a.range() {
                    return Err(EditError::Untrimmed);
                }
                self.check_overlaps(&a.range(), a.label, None)?;
                if labels.get(a.label).is_none() {
                    return Err(EditError::UnknownLabel(a.label));
                }
                self.apply(Edit::Add(a));
            }
            Edit::Remove(a) => {
                if self.get(a.id) != Some(a) {
                    return Err(EditError::Unknown(a.id));
                }
                self.apply(Edit::Remove(a));
            }
            Edit::Relabel { id, from, to } => {
                let current = self.get(id).filter(|a| a.label == from);
                let current = current.ok_or(EditError::Unknown(id))?;
                self.check_overlaps(&current.range(), to, Some(id))?;
                if labels.get(to).is_none() {
                    return Err(EditError::UnknownLabel(to));
                }
                self.apply(Edit::Relabel { id, from, to });
            }
            Edit::Labels { after, .. } => {
                self.labels_known(&after)?;
                *labels = after;
            }
            Edit::Batch(edits) => {
                for edit in edits {
                    self.apply_checked(document, labels, edit)?;
                }
            }
        }
        Ok(())
    }

    /// How many steps can be undone and how many redone.
    pub fn history_depth(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    /// Whether there is an undone change to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
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

    fn checked_range(
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
    fn check_overlaps(
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

    /// Applies a new change and makes it the latest undo step.
    fn record(&mut self, edit: Edit) {
        self.apply(edit.clone());
        self.undo.push(edit);
        self.redo.clear();
    }

    /// Carries out one edit on the annotations; says what it touched.
    fn apply(&mut self, edit: Edit) -> Change {
        let spans = |touched| Change {
            touched,
            labels: None,
        };
        match edit {
            Edit::Add(annotation) => {
                self.insert(annotation);
                spans(annotation.range())
            }
            Edit::Remove(annotation) => {
                self.annotations.retain(|a| a.id != annotation.id);
                spans(annotation.range())
            }
            Edit::Relabel { id, to, .. } => {
                let Some(annotation) = self.annotations.iter_mut().find(|a| a.id == id) else {
                    return spans(0..0);
                };
                annotation.label = to;
                spans(annotation.range())
            }
            Edit::Labels { after, .. } => Change {
                touched: 0..0,
                labels: Some(after),
            },
            Edit::Batch(edits) => {
                let mut all = spans(0..0);
                for edit in edits {
                    let change = self.apply(edit);
                    all.touched = match (all.touched.is_empty(), change.touched.is_empty()) {
                        (true, _) => change.touched,
                        (false, true) => all.touched,
                        (false, false) => {
                            all.touched.start.min(change.touched.start)
                                ..all.touched.end.max(change.touched.end)
                        }
                    };
                    all.labels = change.labels.or(all.labels);
                }
                all
            }
        }
    }

    fn insert(&mut self, annotation: Annotation) {
        let at = self
            .annotations
            .partition_point(|a| a.text_order() < annotation.text_order());
        self.annotations.insert(at, annotation);
        self.longest = self.longest.max(annotation.end - annotation.start);
    }
}
