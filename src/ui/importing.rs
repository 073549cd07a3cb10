//! Adding picked or dropped files to the workspace. Native JSON, whole-workspace files and HTML
//! are read in the page (HTML with the browser's `DOMParser`); every dataset format goes to the
//! converters' worker, which finds the format, pairs a brat `.ann` with its `.txt`, and anchors
//! W3C annotations onto the open document. The documents it returns are read a few at a time,
//! with progress reported between, so a corpus of a thousand articles never freezes the page.
//! A file that cannot be opened is left out whole and named; the current work is untouched.

use std::fmt;

use gloo_timers::future::TimeoutFuture;

use super::converters;
use super::file_reading;
use super::html_text;
use crate::formats::service::{opened_message, refusal_message, NamedText, Request, Response};
use crate::formats::{native_json, plain_text, workspace_file, HTML_EXTENSIONS};
use crate::model::AnnotatedDocument;

/// Documents read per step between progress reports.
const DOCUMENTS_PER_STEP: usize = 20;

/// Documents opened and ready to join the workspace.
pub struct Opened {
    /// The documents with their annotations, in order, each with its done mark (only a
    /// workspace file has them).
    pub documents: Vec<(AnnotatedDocument, bool)>,
    /// What the user should know: how many, labels added, files left out.
    pub message: String,
}

/// Why nothing was opened.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    /// No file could be opened; the message names each and its problem.
    Refused(String),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
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

/// Documents with their done marks.
type Marked = Vec<(AnnotatedDocument, bool)>;

/// The documents of a file the page reads itself and its format's name, or `None` if the
/// worker should read it.
fn open_in_page(
    file: &NamedText,
    current: &AnnotatedDocument,
) -> Option<Result<(Marked, &'static str), String>> {
    let refused = |error: &dyn fmt::Display| format!("{} was not opened: {error}", file.name);
    if is_html(&file.name) {
        let opened = html_text::extract(&file.content)
            .map_err(|e| refused(&e))
            .and_then(|(title, text)| {
                if text.trim().is_empty() {
                    return Err(refused(&"it holds no text"));
                }
                let mut record = plain_text::import(&text, &file.name);
                if !title.is_empty() {
                    record.title = title;
                }
                record
                    .into_annotated(&current.labels)
                    .map(|annotated| (vec![(annotated, false)], "HTML"))
                    .map_err(|e| refused(&e))
            });
        return Some(opened);
    }
    if workspace_file::looks_like_workspace(&file.content) {
        let opened = workspace_file::import(&file.content)
            .map(|workspace| {
                let documents = (0..workspace.len())
                    .filter_map(|index| {
                        Some((workspace.annotated(index)?, workspace.is_done(index)))
                    })
                    .collect();
                (documents, "workspace")
            })
            .map_err(|e| refused(&e));
        return Some(opened);
    }
    if native_json::looks_native(&file.content) {
        let opened = native_json::import(&file.content)
            .map(|annotated| (vec![(annotated, false)], "native JSON"))
            .map_err(|e| refused(&e));
        return Some(opened);
    }
    None
}

/// Reads the files and opens every document they hold; `progress` hears (done, total) while
/// many documents are read.
pub async fn open_files(
    files: &[web_sys::File],
    current: &AnnotatedDocument,
    progress: impl Fn(Option<(usize, usize)>),
) -> Result<Opened, OpenError> {
    let (mut documents, mut sources, mut refusals) = (Vec::new(), Vec::new(), Vec::new());
    let mut read = Vec::new();
    for file in files {
        match file_reading::read_text(file).await {
            Ok(content) => read.push(NamedText {
                name: file.name(),
                content,
            }),
            // One file that cannot be read is left out; the others are still opened.
            Err(error) => refusals.push(error.to_string()),
        }
    }
    let mut for_worker = Vec::new();
    for file in read {
        match open_in_page(&file, current) {
            Some(Ok((opened, format))) => {
                documents.extend(opened);
                sources.push(format!("{} ({format})", file.name));
            }
            Some(Err(message)) => refusals.push(message),
            None => for_worker.push(file),
        }
    }
    if !for_worker.is_empty() {
        let current_json =
            native_json::export_compact(current).map_err(|e| OpenError::Refused(e.to_string()))?;
        let request = Request::Import {
            files: for_worker,
            current: current_json,
        };
        match converters::ask(&request).await {
            Response::Imported {
                documents: converted,
                sources: converted_from,
                refusals: refused,
            } => {
                sources.extend(converted_from);
                refusals.extend(refused);
                let converted = read_converted(&converted, &progress).await?;
                documents.extend(converted.into_iter().map(|annotated| (annotated, false)));
            }
            Response::Failed { message } => refusals.push(message),
            Response::Exported { .. } => {
                refusals.push("the converters answered another request".into())
            }
        }
    }
    if documents.is_empty() {
        return Err(OpenError::Refused(refusal_message(&refusals)));
    }
    let opened: Vec<&AnnotatedDocument> = documents.iter().map(|(d, _)| d).collect();
    let message = opened_message(&opened, &current.labels, &sources, &refusals);
    Ok(Opened { documents, message })
}

/// Reads the worker's documents a few at a time, yielding to the page between steps.
async fn read_converted(
    converted: &[String],
    progress: &impl Fn(Option<(usize, usize)>),
) -> Result<Vec<AnnotatedDocument>, OpenError> {
    let mut documents = Vec::with_capacity(converted.len());
    for (step, chunk) in converted.chunks(DOCUMENTS_PER_STEP).enumerate() {
        if converted.len() > DOCUMENTS_PER_STEP {
            progress(Some((step * DOCUMENTS_PER_STEP, converted.len())));
            TimeoutFuture::new(0).await;
        }
        for json in chunk {
            let annotated =
                native_json::import(json).map_err(|e| OpenError::Refused(e.to_string()))?;
            documents.push(annotated);
        }
    }
    Ok(documents)
}
