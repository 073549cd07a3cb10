//! A saved workspace opened as far as it can be: every document record that reads opens, the
//! rest are listed (to keep aside as they are), and histories that do not fit are cut — so no
//! one bad record costs the others. Offsets are Unicode code points.

use std::rc::Rc;

use super::history_json;
use super::workspace_file::{Meta, WorkspaceFileError};
use crate::model::{AnnotatedDocument, HistoryFit, Workspace};

/// What could be opened of a saved workspace: the documents that read, the records that did
/// not (to keep aside, as they are), and the documents whose undo history was cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// The documents that opened, or `None` if none did.
    pub workspace: Option<Workspace>,
    /// Each record that did not open: its position among the saved documents and why.
    pub set_aside: Vec<(usize, WorkspaceFileError)>,
    /// Each opened document (by its new position) whose saved history did not wholly fit.
    pub cut_histories: Vec<(usize, HistoryFit)>,
}

/// Opens every saved document that can be opened under the header's labels; the rest are
/// listed, so no one bad record (or bad history) costs the others. `None` is a missing record.
pub fn recover(meta: Meta, documents: &[Option<String>]) -> Recovered {
    let labels = Rc::new(meta.labels.clone());
    let mut set_aside = Vec::new();
    let mut cut_histories = Vec::new();
    let mut opened: Vec<(AnnotatedDocument, bool)> = Vec::new();
    let mut current = 0;
    for index in 0..meta.done.len().max(documents.len()) {
        let read = match documents.get(index).and_then(Option::as_deref) {
            None => Err(WorkspaceFileError::MissingDocument(index)),
            Some(json) => history_json::read_record(json, &labels)
                .map_err(|error| WorkspaceFileError::Document { index, error }),
        };
        match read {
            Ok((annotated, fit)) => {
                if !fit.is_whole() {
                    cut_histories.push((opened.len(), fit));
                }
                if index == meta.current {
                    current = opened.len();
                }
                let done = meta.done.get(index).copied().unwrap_or(false);
                opened.push((annotated, done));
            }
            Err(error) => set_aside.push((index, error)),
        }
    }
    let workspace = if opened.is_empty() {
        None
    } else {
        // Every document was read under these labels, so joining them cannot fail.
        Workspace::from_saved(meta.labels, opened, current)
            .ok()
            .map(|mut workspace| {
                workspace.set_annotator(meta.annotator.as_deref().unwrap_or(""));
                workspace
            })
    };
    Recovered {
        workspace,
        set_aside,
        cut_histories,
    }
}

/// Opens every document record that can be opened when the header is lost: labels are joined
/// by name from the documents, done marks are cleared, and histories are left out (their steps
/// name label ids that only the header held).
pub fn recover_without_header(documents: &[Option<String>]) -> Recovered {
    let mut set_aside = Vec::new();
    let mut cut_histories = Vec::new();
    let mut opened = Vec::new();
    for (index, record) in documents.iter().enumerate() {
        let Some(json) = record else {
            set_aside.push((index, WorkspaceFileError::MissingDocument(index)));
            continue;
        };
        match history_json::read_document(json) {
            Ok(annotated) => {
                let fit = history_json::saved_steps(json);
                if !fit.is_whole() {
                    cut_histories.push((opened.len(), fit));
                }
                opened.push((annotated, false));
            }
            Err(error) => set_aside.push((index, WorkspaceFileError::Document { index, error })),
        }
    }
    let labels = opened.first().map(|(first, _)| (*first.labels).clone());
    let workspace = labels.and_then(|labels| Workspace::from_saved(labels, opened, 0).ok());
    Recovered {
        workspace,
        set_aside,
        cut_histories,
    }
}
