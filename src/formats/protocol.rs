//! What the page and the converters' Web Worker say to each other. Requests and answers are
//! plain Rust values that cross as structured JavaScript values (`serde-wasm-bindgen` on both
//! sides, `postMessage` between); lists of documents cross packed, as a
//! [`DocumentBatch`] (see [`super::document_data`]). Offsets are Unicode code points.

use serde::{Deserialize, Serialize};

use super::dataset_format::Format;
pub use super::document_data::{DocumentBatch, DocumentData, LabelData, SpanTable};
use super::export::{self, Exported};
use super::format_error::FormatError;
use super::open::{open, NamedText, OpenContext};
use crate::agreement::summary::{summarize, AgreementSummary};
use crate::tagger::{
    self,
    protocol::{TaggerRequest, TaggerResponse},
};

/// What the page asks of the converters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Open every document the files hold; `current` gives the labels to extend and the text
    /// W3C annotations anchor on.
    Open {
        /// The files picked or dropped together.
        files: Vec<NamedText>,
        /// The open document (a batch of one).
        current: DocumentBatch,
        /// Each file is one annotator's (see [`OpenContext::by_file`]).
        by_file: bool,
    },
    /// Write `documents` in `format` (see [`export::export`]).
    Export {
        /// The format.
        format: Format,
        /// The documents, with their done marks.
        documents: DocumentBatch,
        /// A corpus export (native JSON: the workspace file).
        corpus: bool,
        /// The open document's position among them.
        current: usize,
    },
    /// Train, pre-annotate or evaluate (see [`crate::tagger::protocol`]).
    Tagger(TaggerRequest),
    /// The agreement of the annotators of `documents` (see [`summarize`]).
    Agree {
        /// Every annotator's versions (curated ones left out).
        documents: DocumentBatch,
        /// Who annotated each, in the same order.
        annotators: Vec<String>,
    },
}

/// The converters' answer; any number of `Progress` and `Documents` come before the last one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// How far opening has come: documents checked of those in the file.
    Progress {
        /// Checked so far.
        done: usize,
        /// In the file.
        total: usize,
    },
    /// Some of the opened documents, in file order; an open sends them a few at a time (see
    /// [`BATCH_TEXT_BYTES`]), so the page takes each batch in a task of its own.
    Documents(DocumentBatch),
    /// The end of an open (its documents came before, as `Documents`): each file opened as
    /// "name (format)", and one message per file left out.
    Opened {
        /// Each file opened.
        sources: Vec<String>,
        /// Each file left out, naming it and the problem.
        refusals: Vec<String>,
    },
    /// The files of an export and the spans it leaves out.
    Exported(Exported),
    /// The tagger's answer.
    Tagger(TaggerResponse),
    /// The annotators' agreement.
    Agreement(AgreementSummary),
    /// Nothing was produced; the message says why.
    Failed {
        /// The reason, for the user.
        message: String,
    },
}

/// A request or an answer with the number that pairs them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// Pairs an answer with its request.
    pub id: u32,
    /// The request or answer.
    pub body: T,
}

/// How much text one `Documents` batch carries at most (unless one document is longer):
/// about a millisecond of the page's work to take in.
pub const BATCH_TEXT_BYTES: usize = 128 * 1024;

/// Runs one request; `interim` hears the answers that come before the last one (`Progress`
/// while many documents are opened, then their `Documents`).
pub fn handle(request: Request, mut interim: impl FnMut(Response)) -> Response {
    let answer = match request {
        Request::Open {
            files,
            current,
            by_file,
        } => open_request(&files, current, by_file, &mut interim),
        Request::Export {
            format,
            documents,
            corpus,
            current,
        } => documents
            .into_annotated()
            .and_then(|documents| export::export(format, &documents, corpus, current))
            .map(Response::Exported),
        Request::Agree {
            documents,
            annotators,
        } => documents.into_annotated().map(|documents| {
            let versions: Vec<(String, _)> = annotators
                .into_iter()
                .zip(documents)
                .map(|(name, (version, _))| (name, version))
                .collect();
            Response::Agreement(summarize(&versions))
        }),
        Request::Tagger(request) => {
            return tagger::protocol::handle(request).map_or_else(
                |failure| Response::Failed {
                    message: failure.to_string(),
                },
                Response::Tagger,
            )
        }
    };
    answer.unwrap_or_else(|error| Response::Failed {
        message: error.to_string(),
    })
}

fn open_request(
    files: &[NamedText],
    current: DocumentBatch,
    by_file: bool,
    interim: &mut impl FnMut(Response),
) -> Result<Response, FormatError> {
    let Some((current, _)) = current.into_annotated()?.into_iter().next() else {
        return Err(FormatError::Empty);
    };
    let context = OpenContext {
        by_file,
        ..OpenContext::beside(&current)
    };
    let opened = open(files, context, |done, total| {
        interim(Response::Progress { done, total })
    });
    let (mut batch, mut bytes) = (Vec::new(), 0);
    for (annotated, done) in &opened.documents {
        bytes += annotated.document.text().len();
        batch.push(DocumentData::of(annotated, *done));
        if bytes >= BATCH_TEXT_BYTES {
            interim(Response::Documents(DocumentBatch::pack(&batch)));
            batch.clear();
            bytes = 0;
        }
    }
    if !batch.is_empty() {
        interim(Response::Documents(DocumentBatch::pack(&batch)));
    }
    Ok(Response::Opened {
        sources: opened.sources,
        refusals: opened.refusals.iter().map(ToString::to_string).collect(),
    })
}
