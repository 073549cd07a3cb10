//! What the page and the converters' Web Worker say to each other. Requests and answers are
//! plain Rust values that cross as structured JavaScript values (`serde-wasm-bindgen` on both
//! sides, `postMessage` between): documents travel as their text, labels and spans, already
//! checked, so neither side parses or validates them again. Offsets are Unicode code points.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::dataset_format::{BaseText, Format};
use super::export::{self, Exported};
use super::format_error::FormatError;
use super::open::{open, NamedText, OpenContext};
use crate::model::{
    AnnotatedDocument, Annotation, AnnotationId, AnnotationStore, Document, LabelId, LabelSet,
    OverlapPolicy,
};
use crate::tagger::{
    self,
    protocol::{TaggerRequest, TaggerResponse},
};

/// One label as it crosses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelData {
    /// Its id, as spans name it.
    pub id: u32,
    /// Its name.
    pub name: String,
    /// Its CSS hex colour.
    pub color: String,
    /// Its key.
    pub key: Option<char>,
}

/// Spans as they cross: each (id, start, end, label id) as four little-endian `u32`s in one
/// byte buffer, so 10,000 spans cross as one `Uint8Array` instead of 10,000 JavaScript arrays
/// (less time on both sides, and less garbage). Offsets are code points.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanTable(#[serde(with = "serde_bytes")] Vec<u8>);

impl SpanTable {
    /// Adds one span.
    pub fn push(&mut self, (id, start, end, label): (u32, usize, usize, u32)) {
        for value in [id, start as u32, end as u32, label] {
            self.0.extend(value.to_le_bytes());
        }
    }

    /// The spans, in order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, usize, usize, u32)> + '_ {
        self.0.chunks_exact(16).map(|span| {
            let at =
                |i: usize| u32::from_le_bytes([span[i], span[i + 1], span[i + 2], span[i + 3]]);
            (at(0), at(4) as usize, at(8) as usize, at(12))
        })
    }

    /// How many spans.
    pub fn len(&self) -> usize {
        self.0.len() / 16
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.len() < 16
    }
}

impl FromIterator<(u32, usize, usize, u32)> for SpanTable {
    fn from_iter<I: IntoIterator<Item = (u32, usize, usize, u32)>>(spans: I) -> Self {
        let mut table = Self::default();
        for span in spans {
            table.push(span);
        }
        table
    }
}

/// One document as it crosses, with its done mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentData {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its text.
    pub text: String,
    /// Its labels.
    pub labels: Vec<LabelData>,
    /// Its spans as (id, start, end, label id), in text order; offsets in code points.
    pub spans: SpanTable,
    /// Whether any overlap is allowed.
    pub any_overlap: bool,
    /// Whether it is marked done.
    pub done: bool,
}

impl DocumentData {
    /// The document as it crosses.
    pub fn of(annotated: &AnnotatedDocument, done: bool) -> Self {
        let document = &annotated.document;
        Self {
            id: document.id.clone(),
            title: document.title.clone(),
            text: document.text().to_owned(),
            labels: annotated
                .labels
                .iter()
                .map(|label| LabelData {
                    id: label.id.0,
                    name: label.name.clone(),
                    color: label.color.clone(),
                    key: label.key,
                })
                .collect(),
            spans: annotated
                .store
                .iter()
                .map(|a| (a.id.0, a.start, a.end, a.label.0))
                .collect(),
            any_overlap: annotated.store.policy() == OverlapPolicy::Any,
            done,
        }
    }

    /// The document again, with its done mark. Its spans were checked where it was made, so
    /// they are not checked again; only label ids that fit nothing are refused.
    pub fn into_annotated(self) -> Result<(AnnotatedDocument, bool), FormatError> {
        let specs = self
            .labels
            .iter()
            .map(|l| (l.name.as_str(), l.color.as_str(), l.key));
        let ids: Vec<LabelId> = self.labels.iter().map(|l| LabelId(l.id)).collect();
        let labels = LabelSet::from_specs(specs)
            .with_ids(&ids)
            .map_err(|_| FormatError::Native(super::ImportError::BadLabelIds))?;
        let annotations: Vec<Annotation> = self
            .spans
            .iter()
            .map(|(id, start, end, label)| Annotation {
                id: AnnotationId(id),
                start,
                end,
                label: LabelId(label),
            })
            .collect();
        if let Some(a) = annotations.iter().find(|a| labels.get(a.label).is_none()) {
            return Err(FormatError::Native(super::ImportError::UnknownLabel {
                annotation: a.id.0,
                label: format!("#{}", a.label.0),
            }));
        }
        let policy = if self.any_overlap {
            OverlapPolicy::Any
        } else {
            OverlapPolicy::NestedDifferentLabels
        };
        let annotated = AnnotatedDocument {
            document: Rc::new(Document::new(self.id, self.title, &self.text)),
            labels: Rc::new(labels),
            store: AnnotationStore::from_checked(annotations, policy),
        };
        Ok((annotated, self.done))
    }
}

/// What the page asks of the converters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Open every document the files hold; `current` gives the labels to extend and the text
    /// W3C annotations anchor on.
    Open {
        /// The files picked or dropped together.
        files: Vec<NamedText>,
        /// The open document.
        current: DocumentData,
    },
    /// Write `documents` in `format` (see [`export::export`]).
    Export {
        /// The format.
        format: Format,
        /// The documents, with their done marks.
        documents: Vec<DocumentData>,
        /// A corpus export (native JSON: the workspace file).
        corpus: bool,
        /// The open document's position among them.
        current: usize,
    },
    /// Train, pre-annotate or evaluate (see [`crate::tagger::protocol`]).
    Tagger(TaggerRequest),
}

/// The converters' answer; any number of `Progress` come before the last one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// How far opening has come: documents checked of those in the file.
    Progress {
        /// Checked so far.
        done: usize,
        /// In the file.
        total: usize,
    },
    /// The opened documents, each file opened as "name (format)", and one message per file
    /// left out.
    Opened {
        /// The documents, in file order.
        documents: Vec<DocumentData>,
        /// Each file opened.
        sources: Vec<String>,
        /// Each file left out, naming it and the problem.
        refusals: Vec<String>,
    },
    /// The files of an export and the spans it leaves out.
    Exported(Exported),
    /// The tagger's answer.
    Tagger(TaggerResponse),
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

/// Runs one request; `progress` hears (done, total) while many documents are opened.
pub fn handle(request: Request, progress: impl FnMut(usize, usize)) -> Response {
    let answer = match request {
        Request::Open { files, current } => open_request(&files, current, progress),
        Request::Export {
            format,
            documents,
            corpus,
            current,
        } => documents
            .into_iter()
            .map(DocumentData::into_annotated)
            .collect::<Result<Vec<_>, _>>()
            .and_then(|documents| export::export(format, &documents, corpus, current))
            .map(Response::Exported),
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
    current: DocumentData,
    progress: impl FnMut(usize, usize),
) -> Result<Response, FormatError> {
    let (current, _) = current.into_annotated()?;
    let document = &current.document;
    let context = OpenContext {
        labels: &current.labels,
        anchor: Some(BaseText {
            id: &document.id,
            title: &document.title,
            text: document.text(),
        }),
    };
    let opened = open(files, context, progress);
    Ok(Response::Opened {
        documents: opened
            .documents
            .iter()
            .map(|(annotated, done)| DocumentData::of(annotated, *done))
            .collect(),
        sources: opened.sources,
        refusals: opened.refusals.iter().map(ToString::to_string).collect(),
    })
}
