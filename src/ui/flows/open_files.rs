//! Adding picked or dropped files to the workspace. The page reads each file's bytes (see
//! `file_reading`) and reduces HTML to its text with the browser's `DOMParser`; everything
//! else — finding each format, parsing, checking spans, pairing a brat `.ann` with its `.txt`,
//! anchoring W3C annotations on the open document — happens once, in the converters' worker
//! (`formats::open`), which reports its progress. Its documents arrive checked and are built
//! a few at a time, so a corpus of a thousand articles never freezes the page. A file that
//! cannot be opened is left out whole and named; the current work is untouched.

use gloo_timers::future::TimeoutFuture;

use crate::formats::open::NamedText;
use crate::formats::protocol::{DocumentData, Request, Response};
use crate::formats::HTML_EXTENSIONS;
use crate::model::AnnotatedDocument;
use crate::ui::browser::{file_reading, html_text, timing, worker_client};
use crate::ui::error::AppError;
use crate::ui::state::{Action, DocumentAction, Notice, ViewAction};
use crate::ui::wording;

/// How long the page builds documents before it lets a frame be painted, in milliseconds.
const SLICE_MS: f64 = 8.0;

/// Documents opened and ready to join the workspace.
pub struct OpenedFiles {
    /// The documents with their annotations, in order, each with its done mark (only a
    /// workspace file has them).
    pub documents: Vec<(AnnotatedDocument, bool)>,
    /// What the user should know: how many, labels added, files left out.
    pub message: String,
}

fn is_html(name: &str) -> bool {
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase());
    extension.is_some_and(|ext| HTML_EXTENSIONS.contains(&ext.as_str()))
}

/// The file as the converters take it: an HTML page reduced to its text and title.
fn as_text(name: String, content: String) -> Result<NamedText, String> {
    if !is_html(&name) {
        return Ok(NamedText::new(name, content));
    }
    let refused = |reason: &dyn std::fmt::Display| format!("{name} was not opened: {reason}");
    let (title, text) = html_text::extract(&content).map_err(|e| refused(&e))?;
    if text.trim().is_empty() {
        return Err(refused(&"it holds no text"));
    }
    Ok(NamedText {
        title: (!title.is_empty()).then_some(title),
        content: text,
        name,
    })
}

/// Reads the files and opens every document they hold; `progress` hears (done, total) while
/// many documents are read, and `None` at the end.
pub async fn open_files(
    files: &[web_sys::File],
    current: &AnnotatedDocument,
    progress: impl Fn(Option<(usize, usize)>) + Clone + 'static,
) -> Result<OpenedFiles, AppError> {
    let (mut named, mut refusals) = (Vec::new(), Vec::new());
    for file in files {
        match file_reading::read_text(file).await {
            Ok(content) => match as_text(file.name(), content) {
                Ok(text) => named.push(text),
                Err(refusal) => refusals.push(refusal),
            },
            // One file that cannot be read is left out; the others are still opened.
            Err(error) => refusals.push(error.to_string()),
        }
    }
    let mut documents = Vec::new();
    let mut sources = Vec::new();
    if !named.is_empty() {
        let request = Request::Open {
            files: named,
            current: DocumentData::of(current, false),
        };
        let reporting = progress.clone();
        let answer = worker_client::ask(request, move |done, total| {
            reporting(Some((done, total)));
        });
        match answer.await {
            Response::Opened {
                documents: opened,
                sources: opened_from,
                refusals: refused,
            } => {
                sources = opened_from;
                refusals.extend(refused);
                documents = build(opened, &progress).await?;
            }
            Response::Failed { message } => refusals.push(message),
            Response::Exported(_) | Response::Progress { .. } | Response::Tagger(_) => {
                refusals.push("the converters answered another request".into())
            }
        }
    }
    progress(None);
    if documents.is_empty() {
        return Err(AppError::NothingOpened(wording::refused(&refusals)));
    }
    let opened: Vec<&AnnotatedDocument> = documents.iter().map(|(d, _)| d).collect();
    let message = wording::opened(&opened, &current.labels, &sources, &refusals);
    Ok(OpenedFiles { documents, message })
}

/// Builds the worker's documents, letting a frame be painted (and the progress shown) every
/// [`SLICE_MS`].
async fn build(
    opened: Vec<DocumentData>,
    progress: &impl Fn(Option<(usize, usize)>),
) -> Result<Vec<(AnnotatedDocument, bool)>, AppError> {
    let total = opened.len();
    let mut documents = Vec::with_capacity(total);
    let mut slice_start = timing::now();
    for data in opened {
        documents.push(data.into_annotated()?);
        if timing::now() - slice_start > SLICE_MS {
            progress(Some((documents.len(), total)));
            TimeoutFuture::new(0).await;
            slice_start = timing::now();
        }
    }
    Ok(documents)
}

/// The action that adds a pasted text as a new document.
pub fn pasted_document(labels: &crate::model::LabelSet, title: &str, text: &str) -> Action {
    if text.trim().is_empty() {
        return ViewAction::Notify(Notice::error(wording::PASTE_EMPTY)).into();
    }
    match crate::formats::open::pasted(text, title, labels) {
        Ok(annotated) => DocumentAction::Add {
            message: wording::pasted(&annotated.document.title),
            documents: vec![(annotated, false)],
        }
        .into(),
        Err(error) => ViewAction::Notify(Notice::error(wording::not_pasted(&error))).into(),
    }
}
