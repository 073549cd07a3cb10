//! The page's one error type: every failure a flow can meet, each with the message the user
//! reads (from the failing layer's own error type).

use std::fmt;

use super::browser::clipboard::ClipboardError;
use super::browser::downloads::DownloadError;
use super::browser::file_reading::FileError;
use super::browser::html_text::HtmlError;
use super::browser::storage_error::StorageError;
use crate::formats::FormatError;

/// Why something the user asked for could not be done; their work is untouched.
#[derive(Debug, Clone, PartialEq)]
pub enum AppError {
    /// The browser's storage failed.
    Storage(StorageError),
    /// A file's format, or writing one, failed.
    Format(FormatError),
    /// A file could not be read.
    File(FileError),
    /// An HTML page could not be reduced to text.
    Html(HtmlError),
    /// A download could not start.
    Download(DownloadError),
    /// Copying failed.
    Clipboard(ClipboardError),
    /// The converters' worker failed; the message says how.
    Converters(String),
    /// No file could be opened; the message names each and its problem.
    NothingOpened(String),
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Storage(error) => write!(f, "{error}"),
            Self::Format(error) => write!(f, "{error}"),
            Self::File(error) => write!(f, "{error}"),
            Self::Html(error) => write!(f, "{error}"),
            Self::Download(error) => write!(f, "{error}"),
            Self::Clipboard(error) => write!(f, "{error}"),
            Self::Converters(message) | Self::NothingOpened(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for AppError {}

macro_rules! from_error {
    ($($variant:ident($error:ty)),*) => {$(
        impl From<$error> for AppError {
            fn from(error: $error) -> Self {
                Self::$variant(error)
            }
        }
    )*};
}

from_error!(
    Storage(StorageError),
    Format(FormatError),
    File(FileError),
    Html(HtmlError),
    Download(DownloadError),
    Clipboard(ClipboardError)
);

impl From<crate::formats::ExportError> for AppError {
    fn from(error: crate::formats::ExportError) -> Self {
        Self::Format(error.into())
    }
}
