//! Why a dataset file could not be read or written. Messages name the line and the span, so a
//! user can find and fix it; the current work is never touched by a failed import.

use std::fmt;

use super::labeled_text::Place;
use super::native_json;
use crate::model::{AnnotationId, EditError};

/// Why an export was refused; nothing is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// An annotation's offsets do not lie inside the text.
    OutOfRange(AnnotationId),
    /// Serialization failed.
    Json(String),
    /// A ZIP archive would need ZIP64 (more than 65,535 files, a name over 65,535 bytes, or
    /// over 4 GiB), which this writer does not make.
    ZipTooLarge(String),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ZipTooLarge(what) => write!(
                f,
                "the ZIP archive would hold {what}, more than a ZIP without ZIP64 can; \
                 export fewer documents at a time"
            ),
            Self::OutOfRange(id) => write!(
                f,
                "annotation {} lies outside the text; nothing was exported",
                id.0
            ),
            Self::Json(message) => write!(f, "could not write JSON: {message}"),
        }
    }
}

impl std::error::Error for ExportError {}

/// What is wrong with one span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpanProblem {
    /// The end is not after the start.
    Reversed,
    /// The label's name is empty or only whitespace.
    EmptyLabel,
    /// The offsets reach past the text.
    OutOfRange {
        /// The text's length in code points.
        length: usize,
    },
    /// The file's text for the span is not what its offsets select.
    TextMismatch {
        /// The text the file states.
        claimed: String,
        /// What the offsets select.
        found: String,
    },
    /// The span starts or ends with whitespace.
    Untrimmed,
    /// The span breaks a rule of the annotation store (e.g. a duplicate).
    Store(EditError),
    /// The span overlaps another; token-based formats and spaCy cannot hold both.
    Overlaps {
        /// The other span's number (1-based).
        other: usize,
    },
    /// Its token indices do not point at tokens that start and end where it does.
    TokenMismatch {
        /// The `token_start` the file gives.
        token_start: Option<usize>,
        /// The `token_end` the file gives.
        token_end: Option<usize>,
    },
    /// A boundary falls inside a word, so no tokenizer will align it.
    SplitsWord {
        /// The boundary, in code points.
        at: usize,
    },
}

impl fmt::Display for SpanProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Reversed => write!(f, "its end is not after its start"),
            Self::EmptyLabel => write!(f, "its label has no name"),
            Self::OutOfRange { length } => {
                write!(f, "its offsets lie outside the text ({length} code points)")
            }
            Self::TextMismatch { claimed, found } => {
                write!(
                    f,
                    "its offsets select {found:?}, but its text is {claimed:?}"
                )
            }
            Self::Untrimmed => write!(f, "it starts or ends with whitespace"),
            Self::Store(error) => write!(f, "{error}"),
            Self::Overlaps { other } => write!(
                f,
                "it overlaps span {other}; spaCy entities and CoNLL tags cannot hold both"
            ),
            Self::TokenMismatch {
                token_start,
                token_end,
            } => write!(
                f,
                "its tokens {} to {} do not start and end where it does",
                token_start.map_or("?".into(), |t| t.to_string()),
                token_end.map_or("?".into(), |t| t.to_string())
            ),
            Self::SplitsWord { at } => write!(
                f,
                "its boundary at {at} falls inside a word, so tokens cannot align with it"
            ),
        }
    }
}

/// Why a dataset file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// The file holds nothing.
    Empty,
    /// The file could not be parsed, or a field has the wrong type.
    Syntax {
        /// Where.
        place: Place,
        /// What the parser said.
        message: String,
    },
    /// A span is wrong.
    Span {
        /// The document it belongs to.
        place: Place,
        /// Its number within the document (1-based).
        span: usize,
        /// Its label.
        label: String,
        /// Its first code point.
        start: usize,
        /// One past its last code point.
        end: usize,
        /// What is wrong.
        problem: SpanProblem,
    },
    /// The app's own format refused the file.
    Native(ImportError),
    /// No known format matches the file: each tried, and why not.
    Unrecognized(super::misfits::Misfits),
    /// The annotations point into a text that was not given (W3C, brat).
    MissingText(String),
    /// Writing failed.
    Export(ExportError),
    /// A workspace file could not be read or written.
    WorkspaceFile(super::workspace_file::WorkspaceFileError),
    /// The documents do not fit together in one workspace.
    Workspace(crate::model::WorkspaceError),
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "the file is empty"),
            Self::Syntax { place, message } => write!(f, "{place}: {message}"),
            Self::Span {
                place,
                span,
                label,
                start,
                end,
                problem,
            } => write!(f, "{place}, span {span} ({label} {start}–{end}): {problem}"),
            Self::Native(error) => write!(f, "{error}"),
            Self::Unrecognized(misfits) => write!(f, "{misfits}"),
            Self::MissingText(what) => write!(f, "{what}"),
            Self::Export(error) => write!(f, "{error}"),
            Self::WorkspaceFile(error) => write!(f, "{error}"),
            Self::Workspace(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for FormatError {}

impl From<ImportError> for FormatError {
    fn from(error: ImportError) -> Self {
        Self::Native(error)
    }
}

impl From<ExportError> for FormatError {
    fn from(error: ExportError) -> Self {
        Self::Export(error)
    }
}

impl From<super::workspace_file::WorkspaceFileError> for FormatError {
    fn from(error: super::workspace_file::WorkspaceFileError) -> Self {
        Self::WorkspaceFile(error)
    }
}

impl From<crate::model::WorkspaceError> for FormatError {
    fn from(error: crate::model::WorkspaceError) -> Self {
        Self::Workspace(error)
    }
}

/// A syntax error at `place` from anything that displays (a serde error, a message).
pub fn syntax(place: Place, message: impl fmt::Display) -> FormatError {
    FormatError::Syntax {
        place,
        message: message.to_string(),
    }
}

/// Why an import was refused; the current work is left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The input is not valid JSON of the expected shape.
    Json(String),
    /// The `format` field names another format.
    WrongFormat(String),
    /// The `version` is newer than this app reads.
    UnsupportedVersion(u32),
    /// The `offset_unit` is not code points.
    UnsupportedOffsetUnit(String),
    /// A label's key is not a single character.
    BadLabelKey(String),
    /// Saved label ids repeat.
    BadLabelIds,
    /// A label's name is empty or only whitespace (label `number`, from 1).
    EmptyLabelName(usize),
    /// An annotation names a label the file does not define.
    UnknownLabel {
        /// The annotation's id.
        annotation: u32,
        /// The label it names.
        label: String,
    },
    /// An annotation's `text` is not what its offsets select.
    TextMismatch {
        /// The annotation's id.
        annotation: u32,
        /// The `text` field.
        expected: String,
        /// What the offsets select, if they are in range.
        found: Option<String>,
    },
    /// A curated version's provenance does not fit its text.
    Curation(super::provenance_json::CurationProblem),
    /// An annotation breaks a store invariant.
    InvalidSpan {
        /// The annotation's id.
        annotation: u32,
        /// The broken invariant.
        reason: EditError,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Json(message) => write!(f, "not a valid annotation file: {message}"),
            Self::WrongFormat(name) => write!(
                f,
                "the file's format is {name:?}, not {:?}",
                native_json::FORMAT_NAME
            ),
            Self::UnsupportedVersion(version) => {
                let reads = native_json::FORMAT_VERSION;
                write!(f, "version {version} is not supported (this app reads version {reads})")
            }
            Self::UnsupportedOffsetUnit(unit) => {
                let expected = native_json::OFFSET_UNIT;
                write!(f, "offsets in {unit:?} are not supported (expected {expected:?})")
            }
            Self::BadLabelKey(key) => write!(f, "label key {key:?} is not a single character"),
            Self::BadLabelIds => write!(f, "two labels have the same id"),
            Self::EmptyLabelName(number) => write!(f, "label {number} has no name"),
            Self::UnknownLabel { annotation, label } => {
                write!(f, "annotation {annotation} uses the undefined label {label:?}")
            }
            Self::TextMismatch { annotation, expected, found: Some(found) } => write!(
                f,
                "annotation {annotation}: its offsets select {found:?}, but its text is {expected:?}"
            ),
            Self::TextMismatch { annotation, .. } => {
                write!(f, "annotation {annotation}: its offsets lie outside the text")
            }
            Self::Curation(problem) => write!(f, "the curation: {problem}"),
            Self::InvalidSpan { annotation, reason } => write!(f, "annotation {annotation}: {reason}"),
        }
    }
}

impl std::error::Error for ImportError {}
