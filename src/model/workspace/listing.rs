//! The workspace as the document list shows it: a summary per document, a filter by done
//! mark, and stepping to the next or previous document the filter shows.

use std::rc::Rc;

use super::Workspace;
use crate::model::document::Document;

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

impl Workspace {
    /// Each document as the list shows it, in workspace order.
    pub fn summaries(&self) -> Vec<DocumentSummary> {
        self.entries
            .iter()
            .enumerate()
            .map(|(index, entry)| DocumentSummary {
                index,
                document: Rc::clone(&entry.document),
                spans: entry.store.len(),
                done: entry.done,
            })
            .collect()
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
}
