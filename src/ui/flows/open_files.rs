//! Adding picked or dropped files to the workspace. The page reads each file's bytes (see
//! `file_reading`) and reduces HTML to its text with the browser's `DOMParser`; everything
//! else — finding each format, parsing, checking spans, pairing a brat `.ann` with its `.txt`,
//! anchoring W3C annotations on the open document — happens once, in the one open pipeline
//! (`formats::open`). Files of the app's own format (native JSON documents) go through it in
//! the page, whose code reads that format anyway; every other file in the converters' worker,
//! which reports its progress and sends its documents checked, a batch per message, each
//! built as it comes, so a corpus of a thousand articles never freezes the page. A file that
//! cannot be opened is left out whole and named; the current work is untouched.

use std::cell::RefCell;
use std::rc::Rc;

use crate::formats::open::{self, NamedText};
use crate::formats::protocol::{DocumentBatch, Request, Response};
use crate::formats::FormatError;
use crate::formats::HTML_EXTENSIONS;
use crate::model::AnnotatedDocument;
use crate::ui::browser::{file_reading, html_text, worker_client};
use crate::ui::error::AppError;
use crate::ui::state::{Action, DocumentAction, Notice, ViewAction};
use crate::ui::wording;

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

/// Hears (done, total) while many documents are read, and `None` at the end. One type, not a
/// generic: each caller's closure would otherwise compile a copy of the whole open.
pub type Progress = Rc<dyn Fn(Option<(usize, usize)>)>;

/// Reads the files and opens every document they hold; `progress` hears (done, total) while
/// many documents are read, and `None` at the end. With `by_file`, each file is one
/// annotator's (Compare…), as [`crate::formats::open::OpenContext::by_file`] says.
pub async fn open_files(
    files: &[web_sys::File],
    current: &AnnotatedDocument,
    progress: Progress,
    by_file: bool,
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
    // The app's own files open in the page, with no crossing to the worker and back.
    let in_page = open::open_native(&named, by_file).map(|opened| Opened {
        documents: opened.documents,
        sources: opened.sources,
        refusals: Vec::new(),
    });
    let opened = match in_page {
        Some(opened) => Ok(opened),
        None => in_worker(named, current, &progress, by_file).await,
    };
    progress(None);
    let Opened {
        documents,
        sources,
        refusals: refused,
    } = opened?;
    refusals.extend(refused);
    if documents.is_empty() {
        return Err(AppError::NothingOpened(wording::refused(&refusals)));
    }
    let opened: Vec<&AnnotatedDocument> = documents.iter().map(|(d, _)| d).collect();
    let message = wording::opened(&opened, &current.labels, &sources, &refusals);
    Ok(OpenedFiles { documents, message })
}

/// What opening gave: the documents, each file opened as "name (format)", each file left out.
struct Opened {
    documents: Vec<(AnnotatedDocument, bool)>,
    sources: Vec<String>,
    refusals: Vec<String>,
}

/// Opens the files in the converters' worker: its documents come a batch per message.
async fn in_worker(
    named: Vec<NamedText>,
    current: &AnnotatedDocument,
    progress: &Progress,
    by_file: bool,
) -> Result<Opened, AppError> {
    let received: Rc<RefCell<Received>> = Rc::default();
    let request = Request::Open {
        files: named,
        current: DocumentBatch::of([(current, false)]),
        by_file,
    };
    let (reporting, receiving) = (progress.clone(), received.clone());
    let answer = worker_client::ask(request, move |interim| match interim {
        Response::Progress { done, total } => reporting(Some((done, total))),
        Response::Documents(batch) => receiving.borrow_mut().take(batch),
        _ => {}
    });
    let (sources, refusals) = match answer.await {
        Response::Opened { sources, refusals } => (sources, refusals),
        Response::Failed { message } => (Vec::new(), vec![message]),
        Response::Exported(_)
        | Response::Progress { .. }
        | Response::Documents(_)
        | Response::Tagger(_)
        | Response::Agreement(_) => (
            Vec::new(),
            vec!["the converters answered another request".into()],
        ),
    };
    let Received { documents, error } = received.take();
    if let Some(error) = error {
        return Err(error.into());
    }
    Ok(Opened {
        documents,
        sources,
        refusals,
    })
}

/// The documents of an open so far, built batch by batch as the worker sends them (each batch
/// in a task of its own, so a thousand articles never hold up a frame for long).
#[derive(Default)]
struct Received {
    documents: Vec<(AnnotatedDocument, bool)>,
    /// The first document that could not be built; the open then adds nothing.
    error: Option<FormatError>,
}

impl Received {
    fn take(&mut self, batch: DocumentBatch) {
        match batch.into_annotated() {
            Ok(documents) => self.documents.extend(documents),
            Err(error) => {
                self.error.get_or_insert(error);
            }
        }
    }
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
