//! A document together with its labels and annotations: what is saved and exported.

use std::ops::Range;
use std::rc::Rc;

use super::annotation::{Annotation, AnnotationId};
use super::document::Document;
use super::label::{LabelError, LabelId, LabelSet};
use super::store::{AnnotationStore, EditError};

/// One article with everything annotated on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotatedDocument {
    /// The article, shared and immutable.
    pub document: Rc<Document>,
    /// The labels in use.
    pub labels: Rc<LabelSet>,
    /// The spans and their history.
    pub store: AnnotationStore,
}

impl AnnotatedDocument {
    /// A document with the default labels and no annotations.
    pub fn new(document: Document) -> Self {
        Self {
            document: Rc::new(document),
            labels: Rc::new(LabelSet::default_set()),
            store: AnnotationStore::new(),
        }
    }

    /// Every annotation in text order with the text it selects, or the id of the first one
    /// that lies outside the text (which the store's invariants rule out).
    pub fn annotations_with_text(&self) -> Result<Vec<(Annotation, &str)>, AnnotationId> {
        self.store
            .iter()
            .map(|a| Ok((*a, self.document.slice(a.range()).ok_or(a.id)?)))
            .collect()
    }

    /// The same document under another label set that holds every label name it uses: its
    /// spans take that set's ids by name. The history goes (its steps name the old ids).
    pub fn onto_labels(&self, labels: &Rc<LabelSet>) -> Result<Self, (Annotation, EditError)> {
        if self.labels == *labels {
            return Ok(self.clone());
        }
        let mapped = self.store.iter().map(|a| Annotation {
            label: labels
                .by_name(self.labels.name_of(a.label))
                .map_or(a.label, |l| l.id),
            ..*a
        });
        let store = AnnotationStore::from_saved(&self.document, mapped, self.store.policy())?;
        Ok(Self {
            document: Rc::clone(&self.document),
            labels: Rc::clone(labels),
            store,
        })
    }

    /// Replaces the label set, as one undoable step.
    pub fn set_labels(&mut self, labels: LabelSet) {
        let after = Rc::new(labels);
        self.store
            .record_labels(Rc::clone(&self.labels), Rc::clone(&after));
        self.labels = after;
    }

    /// Deletes label `id` and every span that uses it, as one undoable step; returns how
    /// many spans went.
    pub fn delete_label(&mut self, id: LabelId) -> Result<usize, LabelError> {
        let after = Rc::new(self.labels.without(id)?);
        let removed = self
            .store
            .remove_label(id, Rc::clone(&self.labels), Rc::clone(&after));
        self.labels = after;
        Ok(removed)
    }

    /// Undoes the latest change to spans or labels; returns the code point range whose spans
    /// changed (empty if only labels did). Refused, changing nothing, if it would bring back a
    /// span whose label was deleted since.
    pub fn undo(&mut self) -> Result<Option<Range<usize>>, EditError> {
        self.undo_or_redo(true)
    }

    /// Redoes the latest undone change to spans or labels; returns the range, as for undo.
    pub fn redo(&mut self) -> Result<Option<Range<usize>>, EditError> {
        self.undo_or_redo(false)
    }

    /// Undoes (`undo`) or redoes the latest change, as [`AnnotatedDocument::undo`] does.
    pub fn undo_or_redo(&mut self, undo: bool) -> Result<Option<Range<usize>>, EditError> {
        self.store.check_step(undo, &self.labels)?;
        let change = if undo {
            self.store.undo()
        } else {
            self.store.redo()
        };
        let Some(change) = change else {
            return Ok(None);
        };
        if let Some(labels) = change.labels {
            self.labels = labels;
        }
        Ok(Some(change.touched))
    }
}
