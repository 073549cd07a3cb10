//! A workspace: many documents sharing one label set, one of them open. Each keeps its spans,
//! undo history and "done" mark in its entry, the one truth for every document, the open one
//! included; edits to the open one copy its entry on write, so a list shared elsewhere (the
//! autosave snapshot) keeps what it saw. Label edits, undo and redo, and the corpus-wide "tag
//! all" (one undo step across every document it touched) are in `steps`. Offsets: code points.

mod error;
mod listing;
mod steps;
mod versions;

use std::rc::Rc;

use super::annotated::AnnotatedDocument;
use super::document::Document;
use super::label::{LabelId, LabelSet};
use super::store::AnnotationStore;

pub use error::WorkspaceError;
pub use listing::{DocumentSummary, StatusFilter};
pub use steps::CorpusTally;
pub use versions::{grouped, Mismatch, Versions, UNNAMED};

/// One document of the workspace with its spans and history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The article.
    pub document: Rc<Document>,
    /// Its spans and their history.
    pub store: AnnotationStore,
    /// Whether the user marked it done.
    pub done: bool,
}

/// The document with an id no other version by the same annotator has (`article`,
/// `article-2`, …), its version noted in `keys` (see [`Document::version_key`]): versions of
/// one document by different annotators keep the same id.
fn with_unique_id(
    annotated: AnnotatedDocument,
    keys: &mut std::collections::HashSet<String>,
) -> AnnotatedDocument {
    let key = annotated.document.version_key();
    if keys.insert(key) {
        return annotated;
    }
    let mut document = (*annotated.document).clone();
    let base = document.id.clone();
    let mut number = 1;
    loop {
        number += 1;
        document.id = format!("{base}-{number}");
        if keys.insert(document.version_key()) {
            break;
        }
    }
    AnnotatedDocument {
        document: Rc::new(document),
        ..annotated
    }
}

/// Every document, the open one and the shared labels. Cheap to clone: the documents are
/// shared until one of them changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    labels: Rc<LabelSet>,
    entries: Rc<Vec<Rc<Entry>>>,
    current: usize,
    corpus_step: Option<steps::CorpusStep>,
    /// The user's name as an annotator, once they set it.
    annotator: Option<Rc<str>>,
}

impl Workspace {
    /// A workspace of this one document, under its labels.
    pub fn new(open: AnnotatedDocument) -> Self {
        let entry = Entry {
            document: open.document,
            store: open.store,
            done: false,
        };
        Self {
            labels: open.labels,
            entries: Rc::new(vec![Rc::new(entry)]),
            current: 0,
            corpus_step: None,
            annotator: None,
        }
    }

    /// A workspace of saved documents (each with the labels it was saved with) under one label
    /// set, opening `current` (the first if out of range).
    pub fn from_saved(
        labels: LabelSet,
        documents: Vec<(AnnotatedDocument, bool)>,
        current: usize,
    ) -> Result<Self, WorkspaceError> {
        if documents.is_empty() {
            return Err(WorkspaceError::NoDocument(0));
        }
        let mut workspace = Self {
            labels: Rc::new(labels),
            entries: Rc::new(Vec::new()),
            current: 0,
            corpus_step: None,
            annotator: None,
        };
        workspace.append(documents)?;
        workspace.current = if current < workspace.len() {
            current
        } else {
            0
        };
        Ok(workspace)
    }

    /// Adds documents, each with its done mark, at the end, bringing their labels into the
    /// workspace's set by name; returns the position of the first one added.
    pub fn add(
        &mut self,
        documents: Vec<(AnnotatedDocument, bool)>,
    ) -> Result<usize, WorkspaceError> {
        let first = self.len();
        self.append(documents)?;
        Ok(first)
    }

    fn append(
        &mut self,
        documents: impl IntoIterator<Item = (AnnotatedDocument, bool)>,
    ) -> Result<(), WorkspaceError> {
        let mut labels = (*self.labels).clone();
        let mut added = Vec::new();
        let mut keys: std::collections::HashSet<String> = self
            .entries
            .iter()
            .map(|entry| entry.document.version_key())
            .collect();
        for (annotated, done) in documents {
            let annotated = with_unique_id(self.as_own(annotated), &mut keys);
            labels = labels.with_names(annotated.labels.iter().map(|l| l.name.as_str()));
            let shared = Rc::new(labels.clone());
            let relabeled = annotated
                .onto_labels(&shared)
                .map_err(|(_, error)| WorkspaceError::Span(error))?;
            added.push(Rc::new(Entry {
                document: relabeled.document,
                store: relabeled.store,
                done,
            }));
        }
        if labels != *self.labels {
            // New label names arrive with the documents; not an undo step of any one document.
            self.labels = Rc::new(labels);
        }
        Rc::make_mut(&mut self.entries).extend(added);
        Ok(())
    }

    /// Every document in order.
    pub fn entries(&self) -> &[Rc<Entry>] {
        &self.entries
    }

    /// The same list, shared: unchanged (the same pointer) while no other document changes.
    pub fn shared_entries(&self) -> Rc<Vec<Rc<Entry>>> {
        Rc::clone(&self.entries)
    }

    /// How many documents there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none (never true: a workspace always has its open document).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The open document's position.
    pub fn current(&self) -> usize {
        self.current
    }

    /// Whether the open document is marked done.
    pub fn open_is_done(&self) -> bool {
        self.entries[self.current].done
    }

    /// Marks the open document done or not done.
    pub fn set_done(&mut self, done: bool) {
        self.entry_mut(self.current).done = done;
    }

    /// The document at `index` with the workspace's labels.
    pub fn annotated(&self, index: usize) -> Option<AnnotatedDocument> {
        let entry = self.entries.get(index)?;
        Some(AnnotatedDocument {
            document: Rc::clone(&entry.document),
            labels: Rc::clone(&self.labels),
            store: entry.store.clone(),
        })
    }

    /// The open document with the workspace's labels (a copy: edit through the workspace).
    pub fn open_document(&self) -> AnnotatedDocument {
        self.annotated(self.current)
            .unwrap_or_else(|| unreachable!("a workspace always has its open document"))
    }

    /// The shared labels.
    pub fn labels(&self) -> &Rc<LabelSet> {
        &self.labels
    }

    /// The open document's text.
    pub fn document(&self) -> &Rc<Document> {
        &self.entries[self.current].document
    }

    /// The open document's spans and history.
    pub fn store(&self) -> &AnnotationStore {
        &self.entries[self.current].store
    }

    /// The open document's store, to edit it: its entry (and the list) are copied first if
    /// they are shared.
    pub fn store_mut(&mut self) -> &mut AnnotationStore {
        &mut self.entry_mut(self.current).store
    }

    /// Runs one edit of the open document's store with its text.
    pub fn edit<T>(&mut self, edit: impl FnOnce(&mut AnnotationStore, &Document) -> T) -> T {
        let document = Rc::clone(self.document());
        edit(self.store_mut(), &document)
    }

    /// The entry at `index`, copied on write.
    pub(super) fn entry_mut(&mut self, index: usize) -> &mut Entry {
        Rc::make_mut(&mut Rc::make_mut(&mut self.entries)[index])
    }

    /// Whether the document at `index` is marked done.
    pub fn is_done(&self, index: usize) -> bool {
        self.entries.get(index).is_some_and(|entry| entry.done)
    }

    /// Opens the document at `index`; every document keeps its own history.
    pub fn open_at(&mut self, index: usize) -> Result<(), WorkspaceError> {
        if index >= self.len() {
            return Err(WorkspaceError::NoDocument(index));
        }
        self.current = index;
        Ok(())
    }

    /// Removes the document at `index` (never the last one left); opens a neighbour if it was
    /// the open one. Returns the removed document.
    pub fn remove(&mut self, index: usize) -> Result<AnnotatedDocument, WorkspaceError> {
        let removed = self
            .annotated(index)
            .filter(|_| self.len() > 1)
            .ok_or(WorkspaceError::NoDocument(index))?;
        if index == self.current {
            let next = if index + 1 < self.len() {
                index + 1
            } else {
                index - 1
            };
            self.open_at(next)?;
        }
        Rc::make_mut(&mut self.entries).remove(index);
        if self.current > index {
            self.current -= 1;
        }
        self.corpus_step = None;
        Ok(removed)
    }

    /// Every document but the open one, with its position.
    fn parked(&self) -> impl Iterator<Item = (usize, &Rc<Entry>)> {
        let current = self.current;
        self.entries
            .iter()
            .enumerate()
            .filter(move |(index, _)| *index != current)
    }

    /// Every (labeled string, label) in documents other than the open one, once per span.
    pub fn labeled_elsewhere(&self) -> Vec<(String, LabelId)> {
        self.parked()
            .flat_map(|(_, entry)| {
                entry
                    .store
                    .iter()
                    .filter_map(|a| Some((entry.document.slice(a.range())?.to_owned(), a.label)))
            })
            .collect()
    }
}
