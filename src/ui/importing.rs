//! Opening files the user picked or dropped. Native JSON and HTML are read in the page (HTML
//! with the browser's `DOMParser`); every dataset format goes to the converters' worker,
//! which finds the format, pairs a brat `.ann` with its `.txt`, and anchors W3C annotations
//! onto the open document. Any failure leaves the current work as it is.

use std::fmt;

use super::converters;
use super::file_reading::{self, FileError};
use super::html_text;
use crate::formats::native_json;
use crate::formats::plain_text;
use crate::formats::service::{leading_file, opened_message, NamedText, Request, Response};
use crate::formats::HTML_EXTENSIONS;
use crate::model::AnnotatedDocument;

/// A file opened and ready to replace the current document.
pub struct Opened {
    /// The document with its annotations.
    pub annotated: AnnotatedDocument,
    /// What the user should know: the format, labels added, what was not opened.
    pub message: String,
}

/// Why nothing was opened.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    /// No file was given.
    NoFile,
    /// A file could not be read.
    File(FileError),
    /// A file's content was refused; the message names the file and the problem.
    Refused(String),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoFile => write!(f, "no file was given"),
            Self::File(error) => write!(f, "{error}"),
            Self::Refused(message) => write!(f, "{message}"),
        }
    }
}

fn is_html(name: &str) -> bool {
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase());
    extension.is_some_and(|ext| HTML_EXTENSIONS.contains(&ext.as_str()))
}

/// Reads the files and opens the first document they hold.
pub async fn open_files(
    files: &[web_sys::File],
    current: &AnnotatedDocument,
) -> Result<Opened, OpenError> {
    let mut read = Vec::new();
    for file in files {
        let content = file_reading::read_text(file)
            .await
            .map_err(OpenError::File)?;
        read.push(NamedText {
            name: file.name(),
            content,
        });
    }
    let lead = leading_file(&read).ok_or(OpenError::NoFile)?;
    let refused = |error: &dyn fmt::Display| {
        OpenError::Refused(format!("{} was not opened: {error}", lead.name))
    };
    let others = read.len() - 1;
    if is_html(&lead.name) {
        let (title, text) = html_text::extract(&lead.content).map_err(|e| refused(&e))?;
        let mut record = plain_text::import(&text, &lead.name);
        if !title.is_empty() {
            record.title = title;
        }
        let annotated = record
            .into_annotated(&current.labels)
            .map_err(|e| refused(&e))?;
        let message = opened_message(&annotated, current, &lead.name, "HTML", 1, others);
        return Ok(Opened { annotated, message });
    }
    if native_json::looks_native(&lead.content) {
        let annotated = native_json::import(&lead.content).map_err(|e| refused(&e))?;
        let message = opened_message(&annotated, current, &lead.name, "native JSON", 1, others);
        return Ok(Opened { annotated, message });
    }
    let current_json = native_json::export_compact(current).map_err(|e| refused(&e))?;
    let request = Request::Import {
        files: read,
        current: current_json,
    };
    match converters::ask(&request).await {
        Response::Imported { document, message } => {
            let annotated =
                native_json::import(&document).map_err(|e| OpenError::Refused(e.to_string()))?;
            Ok(Opened { annotated, message })
        }
        Response::Failed { message } => Err(OpenError::Refused(message)),
        Response::Exported { .. } => Err(OpenError::Refused(
            "the converters answered another request".into(),
        )),
    }
}
