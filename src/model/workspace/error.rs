//! Why a workspace change was refused.

use std::fmt;

use crate::model::label::LabelError;
use crate::model::store::EditError;

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
