//! The whole workspace as one JSON file ("Export everything", and what the browser store
//! holds): `{"format": "article-annotator-workspace", "version": 1, "offset_unit":
//! "codepoint", "labels": […], "current": 0, "done": [false, …], "annotator": "alice",
//! "documents": [native document, …]}`, where `annotator` is the user's name (absent until
//! they set it), one document per line. Each document is a native file (see `native_json`), so its offsets are
//! Unicode code points, start inclusive, end exclusive. The browser store keeps the same
//! header without `documents` (the "meta" record) and each document under its own key, with its
//! undo history (see `history_json`). Labels carry their ids here.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::native_json::{self, labels_json_with_ids, read_labels, ImportError, LabelJson};
use crate::model::{LabelSet, Workspace, WorkspaceError};

/// Value of the `format` field.
pub const FORMAT_NAME: &str = "article-annotator-workspace";

#[derive(Serialize, Deserialize)]
struct Header<'a> {
    format: String,
    version: u32,
    offset_unit: String,
    #[serde(borrow)]
    labels: Vec<LabelJson<'a>>,
    current: usize,
    done: Vec<bool>,
    /// The user's name as an annotator (their documents name no annotator of their own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    annotator: Option<String>,
}

/// What the workspace header says: the labels, the open document and each document's mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// The shared labels.
    pub labels: LabelSet,
    /// The open document's position.
    pub current: usize,
    /// Each document's "done" mark, in order; its length is the number of documents.
    pub done: Vec<bool>,
    /// The user's name as an annotator, if they set one.
    pub annotator: Option<String>,
}

/// Why a workspace file or record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkspaceFileError {
    /// Not JSON of the expected shape.
    Json(String),
    /// Another format or version.
    WrongFormat(String),
    /// A document could not be read; `index` counts from 0.
    Document {
        /// Its position.
        index: usize,
        /// Why.
        error: ImportError,
    },
    /// The labels could not be read.
    Labels(ImportError),
    /// A document is missing.
    MissingDocument(usize),
    /// The `done` list does not have one mark per document.
    Count {
        /// How many marks it has.
        marks: usize,
        /// How many documents there are.
        documents: usize,
    },
    /// A document's undo history does not fit its spans or the labels.
    History {
        /// The document's position.
        index: usize,
        /// How many steps do not fit.
        dropped: usize,
    },
    /// The documents do not fit together.
    Workspace(WorkspaceError),
    /// Writing failed.
    Export(String),
}

impl fmt::Display for WorkspaceFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Json(reason) => write!(f, "the workspace is not valid JSON ({reason})"),
            Self::WrongFormat(format) => write!(f, "{format} is not a workspace this app reads"),
            Self::Document { index, error } => write!(f, "document {}: {error}", index + 1),
            Self::Labels(error) => write!(f, "the labels: {error}"),
            Self::MissingDocument(index) => write!(f, "document {} is missing", index + 1),
            Self::Count { marks, documents } => write!(
                f,
                "its \"done\" list has {marks} marks for {documents} documents (one each is needed)"
            ),
            Self::History { index, dropped } => write!(
                f,
                "document {}: {dropped} steps of its undo history do not fit its spans or labels",
                index + 1
            ),
            Self::Workspace(error) => write!(f, "{error}"),
            Self::Export(reason) => write!(f, "the workspace could not be written ({reason})"),
        }
    }
}

impl std::error::Error for WorkspaceFileError {}

/// Whether `content` looks like a workspace file (cheap, before parsing).
pub fn looks_like_workspace(content: &str) -> bool {
    let head: String = content.trim_start().chars().take(200).collect();
    head.starts_with('{') && head.contains(FORMAT_NAME)
}

fn header<'a>(workspace: &'a Workspace, indices: &[usize]) -> Header<'a> {
    let current = indices
        .iter()
        .position(|&i| i == workspace.current())
        .unwrap_or(0);
    Header {
        format: FORMAT_NAME.to_owned(),
        version: 1,
        offset_unit: native_json::OFFSET_UNIT.to_owned(),
        labels: labels_json_with_ids(workspace.labels()),
        current,
        done: indices.iter().map(|&i| workspace.is_done(i)).collect(),
        annotator: workspace.annotator().map(str::to_owned),
    }
}

/// The header record the browser store keeps next to the documents.
pub fn meta(workspace: &Workspace) -> String {
    let all: Vec<usize> = (0..workspace.len()).collect();
    // Strings, numbers and booleans only: serializing cannot fail.
    serde_json::to_string(&header(workspace, &all)).unwrap_or_default()
}

/// Reads a header record.
pub fn read_meta(json: &str) -> Result<Meta, WorkspaceFileError> {
    let header: Header =
        serde_json::from_str(json).map_err(|e| WorkspaceFileError::Json(e.to_string()))?;
    check_header(&header)?;
    let labels = read_labels(&header.labels).map_err(WorkspaceFileError::Labels)?;
    Ok(Meta {
        labels,
        current: header.current,
        done: header.done,
        annotator: header.annotator,
    })
}

fn check_header(header: &Header) -> Result<(), WorkspaceFileError> {
    let expected = header.format == FORMAT_NAME
        && header.version == 1
        && header.offset_unit == native_json::OFFSET_UNIT;
    if expected {
        Ok(())
    } else {
        Err(WorkspaceFileError::WrongFormat(format!(
            "{} version {} ({})",
            header.format, header.version, header.offset_unit
        )))
    }
}

/// The workspace from its header and each document's record, in order; refused whole if any
/// document is missing, extra or unreadable, or any history does not fit.
pub fn assemble(meta: Meta, documents: &[String]) -> Result<Workspace, WorkspaceFileError> {
    if documents.len() < meta.done.len() {
        return Err(WorkspaceFileError::MissingDocument(documents.len()));
    }
    if documents.len() > meta.done.len() {
        return Err(WorkspaceFileError::Count {
            marks: meta.done.len(),
            documents: documents.len(),
        });
    }
    let records: Vec<Option<String>> = documents.iter().cloned().map(Some).collect();
    let recovered = super::recovery::recover(meta, &records);
    if let Some((_, error)) = recovered.set_aside.into_iter().next() {
        return Err(error);
    }
    if let Some((index, fit)) = recovered.cut_histories.first() {
        return Err(WorkspaceFileError::History {
            index: *index,
            dropped: fit.dropped(),
        });
    }
    recovered
        .workspace
        .ok_or(WorkspaceFileError::MissingDocument(0))
}

/// The whole workspace as one file; with `only_done`, just the documents marked done. Each
/// document is its native JSON on a line of its own.
pub fn export(workspace: &Workspace, only_done: bool) -> Result<String, WorkspaceFileError> {
    let indices: Vec<usize> = (0..workspace.len())
        .filter(|&i| !only_done || workspace.is_done(i))
        .collect();
    let mut documents = Vec::with_capacity(indices.len());
    for &index in &indices {
        let annotated = workspace
            .annotated(index)
            .ok_or(WorkspaceFileError::MissingDocument(index))?;
        let json = native_json::export_compact(&annotated)
            .map_err(|e| WorkspaceFileError::Export(e.to_string()))?;
        documents.push(json);
    }
    let header = serde_json::to_string(&header(workspace, &indices))
        .map_err(|e| WorkspaceFileError::Export(e.to_string()))?;
    // The header is an object: its closing brace gives way to the documents.
    let open_header = header.strip_suffix('}').unwrap_or(&header);
    Ok(format!(
        "{open_header},\n\"documents\": [\n{}\n]}}\n",
        documents.join(",\n")
    ))
}

/// Reads a whole-workspace file.
pub fn import(json: &str) -> Result<Workspace, WorkspaceFileError> {
    #[derive(Deserialize)]
    struct File<'a> {
        #[serde(borrow)]
        documents: Vec<&'a RawValue>,
    }
    let file: File =
        serde_json::from_str(json).map_err(|e| WorkspaceFileError::Json(e.to_string()))?;
    let meta = read_meta(json)?;
    let documents: Vec<String> = file
        .documents
        .iter()
        .map(|raw| raw.get().to_owned())
        .collect();
    assemble(meta, &documents)
}
