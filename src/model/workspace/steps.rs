//! What changes the workspace's labels or walks its histories: label edits (each one undo
//! step of the open document), undo and redo (never taking away a label another document
//! uses, never bringing back one deleted since), and tagging every occurrence across the
//! corpus as one step. Offsets are Unicode code points.

use std::collections::BTreeSet;
use std::ops::Range;
use std::rc::Rc;

use super::{Workspace, WorkspaceError};
use crate::model::document::Document;
use crate::model::label::{LabelId, LabelSet};
use crate::model::occurrences::whole_word_occurrences;
use crate::model::store::{AnnotationStore, EditError, Tally};

/// What tagging every occurrence across the corpus did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusTally {
    /// Spans added, in all documents.
    pub added: usize,
    /// Occurrences the overlap policy refused.
    pub refused: usize,
    /// Documents that got at least one span.
    pub documents: usize,
    /// The code point range of the open document's added spans.
    pub touched_open: Range<usize>,
}

/// The latest corpus-wide step: which documents it touched, and each one's history depth
/// (undo, redo) right after it was made, so it is only undone as one while nothing else moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CorpusStep {
    depths_after: Vec<(usize, (usize, usize))>,
    undone: bool,
}

impl Workspace {
    /// Label ids used by spans of documents other than the open one.
    fn labels_used_elsewhere(&self) -> BTreeSet<LabelId> {
        self.parked()
            .flat_map(|(_, entry)| entry.store.iter().map(|a| a.label))
            .collect()
    }

    /// Refuses a label set that lacks a label other documents use.
    fn check_labels_kept(&self, labels: &LabelSet) -> Result<(), WorkspaceError> {
        let missing = self
            .labels_used_elsewhere()
            .into_iter()
            .find(|id| labels.get(*id).is_none());
        match missing {
            None => Ok(()),
            Some(id) => Err(WorkspaceError::LabelInUse {
                label: self.labels.name_of(id).to_owned(),
                documents: self
                    .parked()
                    .filter(|(_, entry)| entry.store.iter().any(|a| a.label == id))
                    .count(),
            }),
        }
    }

    /// Replaces the label set, as one undo step of the open document.
    pub fn set_labels(&mut self, labels: LabelSet) {
        let (before, after) = (Rc::clone(&self.labels), Rc::new(labels));
        self.store_mut().record_labels(before, Rc::clone(&after));
        self.labels = after;
    }

    /// Deletes a label and its spans from the open document, as one undo step; refused while
    /// other documents use it. Returns how many spans went.
    pub fn delete_label(&mut self, id: LabelId) -> Result<usize, WorkspaceError> {
        let kept = Rc::new(self.labels.without(id).map_err(WorkspaceError::Label)?);
        self.check_labels_kept(&kept)?;
        let before = Rc::clone(&self.labels);
        let removed = self.store_mut().remove_label(id, before, Rc::clone(&kept));
        self.labels = kept;
        Ok(removed)
    }

    /// Undoes the latest change: the latest corpus-wide step if nothing changed since, else the
    /// open document's latest change. Returns the open document's touched range, if anything
    /// was undone.
    pub fn undo(&mut self) -> Result<Option<Range<usize>>, WorkspaceError> {
        self.step_history(true)
    }

    /// Redoes the latest undone change, as [`Workspace::undo`] chooses it.
    pub fn redo(&mut self) -> Result<Option<Range<usize>>, WorkspaceError> {
        self.step_history(false)
    }

    fn step_history(&mut self, undo: bool) -> Result<Option<Range<usize>>, WorkspaceError> {
        if let Some(touched) = self.step_corpus(undo)? {
            return Ok(Some(touched));
        }
        self.store()
            .check_step(undo, &self.labels)
            .map_err(|error| self.label_gone(error))?;
        let mut store = self.store().clone();
        let change = if undo { store.undo() } else { store.redo() };
        let Some(change) = change else {
            return Ok(None);
        };
        if let Some(labels) = change.labels.filter(|labels| *labels != self.labels) {
            self.check_labels_kept(&labels)?;
            self.labels = labels;
        }
        *self.store_mut() = store;
        Ok(Some(change.touched))
    }

    /// The refusal for a step that needs a deleted label, named from any history that knows it.
    fn label_gone(&self, error: EditError) -> WorkspaceError {
        let EditError::UnknownLabel(id) = error else {
            return WorkspaceError::Span(error);
        };
        let name = self
            .entries
            .iter()
            .find_map(|entry| entry.store.label_named_in_history(id));
        WorkspaceError::LabelGone(name.map(str::to_owned))
    }

    /// Undoes or redoes the corpus step if every document it touched is as the step left it
    /// and the step's label still exists; `None` if there is no such step to take.
    fn step_corpus(&mut self, undo: bool) -> Result<Option<Range<usize>>, WorkspaceError> {
        let Some(step) = self.corpus_step.as_ref() else {
            return Ok(None);
        };
        let intact = step.undone != undo
            && step.depths_after.iter().all(|(index, (undos, redos))| {
                let depth = self.entries[*index].store.history_depth();
                if undo {
                    depth == (*undos, *redos)
                } else {
                    depth == (undos - 1, redos + 1)
                }
            });
        if !intact {
            self.corpus_step = None;
            return Ok(None);
        }
        let indices: Vec<usize> = step.depths_after.iter().map(|(index, _)| *index).collect();
        for &index in &indices {
            self.entries[index]
                .store
                .check_step(undo, &self.labels)
                .map_err(|error| self.label_gone(error))?;
        }
        let mut touched_open = 0..0;
        for index in indices {
            let store = &mut self.entry_mut(index).store;
            let change = if undo { store.undo() } else { store.redo() };
            if index == self.current {
                touched_open = change.map_or(0..0, |c| c.touched);
            }
        }
        if let Some(step) = self.corpus_step.as_mut() {
            step.undone = undo;
        }
        Ok(Some(touched_open))
    }

    /// Tags every whole-word occurrence of `needle` with `label` in the open document and,
    /// `across_documents`, in every other one: each document's new spans are one step of its
    /// history, and across documents all of them are also one corpus step.
    pub fn tag_all(
        &mut self,
        needle: &str,
        label: LabelId,
        case_sensitive: bool,
        across_documents: bool,
    ) -> CorpusTally {
        let mut tally = CorpusTally::default();
        let mut depths_after = Vec::new();
        let mut count = |index: usize, store: &AnnotationStore, added: &Tally| {
            tally.added += added.added;
            tally.refused += added.refused;
            if added.added > 0 {
                tally.documents += 1;
                depths_after.push((index, store.history_depth()));
            }
        };
        let occurrences_in = |document: &Document| {
            let found = whole_word_occurrences(document, needle, case_sensitive);
            found
                .into_iter()
                .map(|range| (range, label))
                .collect::<Vec<_>>()
        };
        let current = self.current;
        let indices: Vec<usize> = if across_documents {
            // The open document first, so its spans get the first ids.
            std::iter::once(current)
                .chain((0..self.len()).filter(|&i| i != current))
                .collect()
        } else {
            vec![current]
        };
        for index in indices {
            let document = Rc::clone(&self.entries[index].document);
            let occurrences = occurrences_in(&document);
            // Only documents where the string occurs are copied.
            if occurrences.is_empty() {
                continue;
            }
            let store = &mut self.entry_mut(index).store;
            let added = store.add_all(&document, occurrences);
            count(index, store, &added);
            if index == current {
                tally.touched_open = added.touched;
            }
        }
        if across_documents {
            self.corpus_step = (!depths_after.is_empty()).then_some(CorpusStep {
                depths_after,
                undone: false,
            });
        }
        tally
    }
}
