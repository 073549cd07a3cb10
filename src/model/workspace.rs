//! A workspace: many documents sharing one label set, one of them open. Each document keeps
//! its own spans, undo history and "done" mark; a corpus-wide "tag all" is one undo step across
//! every document it touched. Offsets are Unicode code points.

use std::collections::BTreeSet;
use std::fmt;
use std::ops::Range;
use std::rc::Rc;

use super::annotated::AnnotatedDocument;
use super::document::Document;
use super::label::{LabelError, LabelId, LabelSet};
use super::occurrences::whole_word_occurrences;
use super::store::{AnnotationStore, EditError, Tally};

/// One document of the workspace with its spans and history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The article.
    pub document: Rc<Document>,
    /// Its spans; for the open document, as they were when it was opened.
    pub store: AnnotationStore,
    /// Whether the user marked it done.
    pub done: bool,
}

/// What the document list shows of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSummary {
    /// Its position in the workspace.
    pub index: usize,
    /// The document (for its title).
    pub document: Rc<Document>,
    /// How many spans it has.
    pub spans: usize,
    /// Whether it is marked done.
    pub done: bool,
}

/// Which documents the list and next / previous go through.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StatusFilter {
    /// Every document.
    #[default]
    All,
    /// Documents not marked done.
    ToDo,
    /// Documents marked done.
    Done,
}

impl StatusFilter {
    /// Whether a document with this mark passes.
    pub fn admits(self, done: bool) -> bool {
        match self {
            Self::All => true,
            Self::ToDo => !done,
            Self::Done => done,
        }
    }
}

/// Why a workspace change was refused; the workspace is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkspaceError {
    /// Undo or redo would take away a label other documents still use.
    LabelInUse {
        /// The label's name.
        label: String,
        /// How many other documents use it.
        documents: usize,
    },
    /// A label edit was refused.
    Label(LabelError),
    /// No document has this position.
    NoDocument(usize),
    /// A saved document's span does not fit the workspace.
    Span(EditError),
    /// Undo or redo would bring back a span whose label was deleted since (perhaps while
    /// another document was open); the name, if a history still knows it.
    LabelGone(Option<String>),
}

impl fmt::Display for WorkspaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::LabelInUse { label, documents } => write!(
                f,
                "the label \u{201c}{label}\u{201d} is used in {documents} other documents, so it stays"
            ),
            Self::Label(error) => write!(f, "{error}"),
            Self::NoDocument(index) => write!(f, "there is no document {}", index + 1),
            Self::Span(error) => write!(f, "{error}"),
            Self::LabelGone(Some(name)) => write!(
                f,
                "it would bring back a span labeled \u{201c}{name}\u{201d}, a label deleted since"
            ),
            Self::LabelGone(None) => {
                write!(f, "it would bring back a span whose label was deleted since")
            }
        }
    }
}

impl std::error::Error for WorkspaceError {}

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
struct CorpusStep {
    depths_after: Vec<(usize, (usize, usize))>,
    undone: bool,
}

/// The document with an id no other document has (`article`, `article-2`, …), noted in `ids`.
fn with_unique_id(
    annotated: AnnotatedDocument,
    ids: &mut std::collections::HashSet<String>,
) -> AnnotatedDocument {
    let base = &annotated.document.id;
    let mut id = base.clone();
    let mut number = 1;
    while ids.contains(&id) {
        number += 1;
        id = format!("{base}-{number}");
    }
    ids.insert(id.clone());
    if id == *base {
        return annotated;
    }
    let mut document = (*annotated.document).clone();
    document.id = id;
    AnnotatedDocument {
        document: Rc::new(document),
        ..annotated
    }
}

/// Every document, the open one and the shared labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    /// The open document, with the workspace's labels; edits go here.
    pub open: AnnotatedDocument,
    entries: Rc<Vec<Rc<Entry>>>,
    current: usize,
    corpus_step: Option<CorpusStep>,
}

impl Workspace {
    /// A workspace of this one document.
    pub fn new(open: AnnotatedDocument) -> Self {
        let entry = Entry {
            document: Rc::clone(&open.document),
            store: open.store.clone(),
            done: false,
        };
        Self {
            open,
            entries: Rc::new(vec![Rc::new(entry)]),
            current: 0,
            corpus_step: None,
        }
    }

    /// A workspace of saved documents (each with the labels it was saved with) under one label
    /// set, opening `current` (the first if out of range).
    pub fn from_saved(
        labels: LabelSet,
        documents: Vec<(AnnotatedDocument, bool)>,
        current: usize,
    ) -> Result<Self, WorkspaceError> {
        let mut documents = documents.into_iter();
        let Some((first, first_done)) = documents.next() else {
            return Err(WorkspaceError::NoDocument(0));
        };
        let mut workspace = Self::new(AnnotatedDocument {
            labels: Rc::new(labels),
            ..first.clone()
        });
        workspace.entries = Rc::new(Vec::new());
        workspace.append(std::iter::once((first, first_done)).chain(documents))?;
        let current = if current < workspace.len() {
            current
        } else {
            0
        };
        workspace.current = current;
        let entry = Rc::clone(&workspace.entries[current]);
        workspace.open.document = Rc::clone(&entry.document);
        workspace.open.store = entry.store.clone();
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
        let mut labels = (*self.open.labels).clone();
        let mut added = Vec::new();
        let mut ids: std::collections::HashSet<String> = self
            .entries
            .iter()
            .map(|entry| entry.document.id.clone())
            .collect();
        for (annotated, done) in documents {
            let annotated = with_unique_id(annotated, &mut ids);
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
        if labels != *self.open.labels {
            // New label names arrive with the documents; not an undo step of any one document.
            self.open.labels = Rc::new(labels);
        }
        Rc::make_mut(&mut self.entries).extend(added);
        Ok(())
    }

    /// Every document in order; the open one's store is as it was when it was opened.
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
        let entries = Rc::make_mut(&mut self.entries);
        Rc::make_mut(&mut entries[self.current]).done = done;
    }

    /// The document at `index` with the workspace's labels; the open one as it is now.
    pub fn annotated(&self, index: usize) -> Option<AnnotatedDocument> {
        if index == self.current {
            return Some(self.open.clone());
        }
        let entry = self.entries.get(index)?;
        Some(AnnotatedDocument {
            document: Rc::clone(&entry.document),
            labels: Rc::clone(&self.open.labels),
            store: entry.store.clone(),
        })
    }

    /// Whether the document at `index` is marked done.
    pub fn is_done(&self, index: usize) -> bool {
        self.entries.get(index).is_some_and(|entry| entry.done)
    }

    /// Each document as the list shows it, in workspace order.
    pub fn summaries(&self) -> Vec<DocumentSummary> {
        self.entries
            .iter()
            .enumerate()
            .map(|(index, entry)| DocumentSummary {
                index,
                document: Rc::clone(&entry.document),
                spans: self.store_at(index).len(),
                done: entry.done,
            })
            .collect()
    }

    fn store_at(&self, index: usize) -> &AnnotationStore {
        if index == self.current {
            &self.open.store
        } else {
            &self.entries[index].store
        }
    }

    /// Opens the document at `index`, keeping the one that was open (with its history).
    pub fn open_at(&mut self, index: usize) -> Result<(), WorkspaceError> {
        if index >= self.len() {
            return Err(WorkspaceError::NoDocument(index));
        }
        if index == self.current {
            return Ok(());
        }
        let entries = Rc::make_mut(&mut self.entries);
        Rc::make_mut(&mut entries[self.current]).store = self.open.store.clone();
        let entry = &entries[index];
        self.open.document = Rc::clone(&entry.document);
        self.open.store = entry.store.clone();
        self.current = index;
        Ok(())
    }

    /// The position of the next (or previous) document that passes `filter`, wrapping round.
    pub fn neighbour(&self, forward: bool, filter: StatusFilter) -> Option<usize> {
        let len = self.len();
        (1..len)
            .map(|step| {
                if forward {
                    (self.current + step) % len
                } else {
                    (self.current + len - step) % len
                }
            })
            .find(|&index| filter.admits(self.entries[index].done))
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

    /// Label ids used by spans of documents other than the open one.
    fn labels_used_elsewhere(&self) -> BTreeSet<LabelId> {
        self.parked()
            .flat_map(|(_, entry)| entry.store.iter().map(|a| a.label))
            .collect()
    }

    fn parked(&self) -> impl Iterator<Item = (usize, &Rc<Entry>)> {
        let current = self.current;
        self.entries
            .iter()
            .enumerate()
            .filter(move |(index, _)| *index != current)
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
                label: self.open.labels.name_of(id).to_owned(),
                documents: self
                    .parked()
                    .filter(|(_, entry)| entry.store.iter().any(|a| a.label == id))
                    .count(),
            }),
        }
    }

    /// Deletes a label and its spans from the open document, as one undo step; refused while
    /// other documents use it. Returns how many spans went.
    pub fn delete_label(&mut self, id: LabelId) -> Result<usize, WorkspaceError> {
        let kept = self
            .open
            .labels
            .without(id)
            .map_err(WorkspaceError::Label)?;
        self.check_labels_kept(&kept)?;
        self.open.delete_label(id).map_err(WorkspaceError::Label)
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
        let mut open = self.open.clone();
        let touched = open
            .undo_or_redo(undo)
            .map_err(|error| self.label_gone(error))?;
        if touched.is_some() && open.labels != self.open.labels {
            self.check_labels_kept(&open.labels)?;
        }
        self.open = open;
        Ok(touched)
    }

    /// The refusal for a step that needs a deleted label, named from any history that knows it.
    fn label_gone(&self, error: EditError) -> WorkspaceError {
        let EditError::UnknownLabel(id) = error else {
            return WorkspaceError::Span(error);
        };
        let name = std::iter::once(&self.open.store)
            .chain(self.entries.iter().map(|entry| &entry.store))
            .find_map(|store| store.label_named_in_history(id));
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
                let depth = self.store_at(*index).history_depth();
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
            self.store_at(index)
                .check_step(undo, &self.open.labels)
                .map_err(|error| self.label_gone(error))?;
        }
        let mut touched_open = 0..0;
        for index in indices {
            let store = if index == self.current {
                &mut self.open.store
            } else {
                let entries = Rc::make_mut(&mut self.entries);
                &mut Rc::make_mut(&mut entries[index]).store
            };
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
            found.into_iter().map(|range| (range, label))
        };
        let open_document = Rc::clone(&self.open.document);
        let open_tally = self
            .open
            .store
            .add_all(&open_document, occurrences_in(&open_document));
        count(self.current, &self.open.store, &open_tally);
        tally.touched_open = open_tally.touched;
        if !across_documents {
            return tally;
        }
        let current = self.current;
        let entries = Rc::make_mut(&mut self.entries);
        for (index, entry) in entries
            .iter_mut()
            .enumerate()
            .filter(|(i, _)| *i != current)
        {
            let occurrences: Vec<_> = occurrences_in(&entry.document).collect();
            // Only documents where the string occurs are copied.
            if occurrences.is_empty() {
                continue;
            }
            let entry = Rc::make_mut(entry);
            let added = entry.store.add_all(&entry.document, occurrences);
            count(index, &entry.store, &added);
        }
        self.corpus_step = (!depths_after.is_empty()).then_some(CorpusStep {
            depths_after,
            undone: false,
        });
        tally
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
