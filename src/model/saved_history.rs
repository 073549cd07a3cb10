//! A store brought back from what was saved: its spans, checked against every invariant (or
//! taken as checked, when the converters' worker already did), and its undo history, replayed
//! step by step, each step checked as a new edit would be, and cut at the first step that does
//! not fit. Offsets are code points.

use std::rc::Rc;

use super::annotation::Annotation;
use super::document::Document;
use super::edit_error::EditError;
use super::history::Edit;
use super::label::LabelSet;
use super::store::{AnnotationStore, OverlapPolicy};
use crate::model::order;

/// How much of a saved history could be kept: the steps that replay onto the saved spans and
/// labels, newest first; older undo steps (and later redo steps) past the first that does not
/// fit are left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HistoryFit {
    /// Undo steps left out.
    pub undo_dropped: usize,
    /// Redo steps left out.
    pub redo_dropped: usize,
}

impl HistoryFit {
    /// Whether every saved step was kept.
    pub fn is_whole(&self) -> bool {
        self.undo_dropped == 0 && self.redo_dropped == 0
    }

    /// How many steps were left out.
    pub fn dropped(&self) -> usize {
        self.undo_dropped + self.redo_dropped
    }
}

impl AnnotationStore {
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
        order::sort_by_key(&mut saved, Annotation::text_order);
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

    /// A store of spans that were already checked where they came from (the converters'
    /// worker checked them as it opened their file): they are put in text order and nothing
    /// is checked again.
    pub fn from_checked(mut annotations: Vec<Annotation>, policy: OverlapPolicy) -> Self {
        order::sort_by_key(&mut annotations, Annotation::text_order);
        Self {
            next_id: annotations.iter().map(|a| a.id.0 + 1).max().unwrap_or(0),
            longest: annotations
                .iter()
                .map(|a| a.end - a.start)
                .max()
                .unwrap_or(0),
            annotations,
            policy,
            ..Self::default()
        }
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
}
