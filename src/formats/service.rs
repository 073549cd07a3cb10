//! The dataset converters behind one request and one response: the page's worker
//! (`src/bin/formats_worker.rs`) runs [`handle`], so the converters load only when a dataset
//! format is first used and never weigh on the page's first load. Requests and responses
//! cross as flat lists of strings (`to_parts` / `from_parts`), which keeps JSON machinery for
//! them out of the page; documents inside them are native JSON. Offsets are Unicode code
//! points throughout.

use super::dataset_format::{export_document, import, BaseText, Format, Imported};
use super::file_stem;
use super::format_error::{ExportError, FormatError};
use super::labeled_text::LabeledText;
use super::native_json;
use super::overlaps::{unrepresentable, SkippedSpan};
use crate::model::AnnotatedDocument;

/// A file's name and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedText {
    /// The file's name, e.g. `article.ann`.
    pub name: String,
    /// Its content.
    pub content: String,
}

/// What the page asks of the converters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Write `document` (native JSON) in the format named `format`.
    Export {
        /// A [`Format::name`].
        format: String,
        /// The document as native JSON.
        document: String,
    },
    /// Open the files; `current` (native JSON) gives labels to extend and the text W3C
    /// annotations anchor to.
    Import {
        /// The files picked or dropped together.
        files: Vec<NamedText>,
        /// The open document as native JSON.
        current: String,
    },
}

/// One written file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileOut {
    /// Suggested file name.
    pub name: String,
    /// MIME type.
    pub mime: String,
    /// Content.
    pub content: String,
}

/// A span an export leaves out, for the question asked before the download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// Its label.
    pub label: String,
    /// Its text.
    pub text: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// The converters' answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// The files of an export, and the spans the format could not hold.
    Exported {
        /// The files, in download order.
        files: Vec<FileOut>,
        /// Spans left out.
        left_out: Vec<LeftOut>,
    },
    /// An opened document as native JSON, with what the user should know.
    Imported {
        /// The document.
        document: String,
        /// The message to show.
        message: String,
    },
    /// Nothing was produced; the message says why.
    Failed {
        /// The reason, for the user.
        message: String,
    },
}

/// Runs one request.
pub fn handle(request: Request) -> Response {
    match request {
        Request::Export { format, document } => export_request(&format, &document),
        Request::Import { files, current } => import_request(&files, &current),
    }
}

impl Request {
    /// The request as a flat list: `["export", format, document]` or
    /// `["import", current, name, content, name, content, …]`.
    pub fn to_parts(&self) -> Vec<String> {
        match self {
            Self::Export { format, document } => {
                vec!["export".into(), format.clone(), document.clone()]
            }
            Self::Import { files, current } => ["import".to_owned(), current.clone()]
                .into_iter()
                .chain(
                    files
                        .iter()
                        .flat_map(|f| [f.name.clone(), f.content.clone()]),
                )
                .collect(),
        }
    }

    /// Reads a list written by [`Request::to_parts`].
    pub fn from_parts(mut parts: Vec<String>) -> Option<Self> {
        let rest = parts.split_off(1.min(parts.len()));
        match (parts.first().map(String::as_str), rest.as_slice()) {
            (Some("export"), [format, document]) => Some(Self::Export {
                format: format.clone(),
                document: document.clone(),
            }),
            (Some("import"), [current, files @ ..]) if files.len() % 2 == 0 => Some(Self::Import {
                current: current.clone(),
                files: files
                    .chunks(2)
                    .map(|pair| NamedText {
                        name: pair[0].clone(),
                        content: pair[1].clone(),
                    })
                    .collect(),
            }),
            _ => None,
        }
    }
}

impl Response {
    /// The response as a flat list: `["exported", file count, (name, mime, content)…,
    /// (label, text, start, end)…]`, `["imported", document, message]` or
    /// `["failed", message]`.
    pub fn to_parts(&self) -> Vec<String> {
        match self {
            Self::Exported { files, left_out } => {
                let mut parts = vec!["exported".to_owned(), files.len().to_string()];
                for file in files {
                    parts.extend([file.name.clone(), file.mime.clone(), file.content.clone()]);
                }
                for span in left_out {
                    parts.extend([
                        span.label.clone(),
                        span.text.clone(),
                        span.start.to_string(),
                        span.end.to_string(),
                    ]);
                }
                parts
            }
            Self::Imported { document, message } => {
                vec!["imported".into(), document.clone(), message.clone()]
            }
            Self::Failed { message } => vec!["failed".into(), message.clone()],
        }
    }

    /// Reads a list written by [`Response::to_parts`]; anything else is a failure.
    pub fn from_parts(parts: &[String]) -> Self {
        let unreadable = || failed("the converters' answer could not be read");
        match parts {
            [kind, document, message] if kind == "imported" => Self::Imported {
                document: document.clone(),
                message: message.clone(),
            },
            [kind, message] if kind == "failed" => failed(message),
            [kind, count, rest @ ..] if kind == "exported" => {
                let Some(count) = count.parse::<usize>().ok().filter(|c| c * 3 <= rest.len())
                else {
                    return unreadable();
                };
                let (files, spans) = rest.split_at(count * 3);
                if spans.len() % 4 != 0 {
                    return unreadable();
                }
                let left_out: Option<Vec<LeftOut>> = spans
                    .chunks(4)
                    .map(|span| {
                        Some(LeftOut {
                            label: span[0].clone(),
                            text: span[1].clone(),
                            start: span[2].parse().ok()?,
                            end: span[3].parse().ok()?,
                        })
                    })
                    .collect();
                let Some(left_out) = left_out else {
                    return unreadable();
                };
                Self::Exported {
                    files: files
                        .chunks(3)
                        .map(|file| FileOut {
                            name: file[0].clone(),
                            mime: file[1].clone(),
                            content: file[2].clone(),
                        })
                        .collect(),
                    left_out,
                }
            }
            _ => unreadable(),
        }
    }
}

fn failed(message: impl ToString) -> Response {
    Response::Failed {
        message: message.to_string(),
    }
}

fn export_request(format: &str, document: &str) -> Response {
    let Some(format) = Format::from_name(format) else {
        return failed(format!("unknown format {format:?}"));
    };
    let annotated = match native_json::import(document) {
        Ok(annotated) => annotated,
        Err(error) => return failed(error),
    };
    match export(format, &annotated) {
        Ok((files, left_out)) => Response::Exported { files, left_out },
        Err(error) => failed(error),
    }
}

/// The files of `annotated` in `format`, and the spans the format cannot hold.
pub fn export(
    format: Format,
    annotated: &AnnotatedDocument,
) -> Result<(Vec<FileOut>, Vec<LeftOut>), ExportError> {
    let left_out: Vec<SkippedSpan> = if format.drops_overlaps() {
        unrepresentable(&[LabeledText::from_annotated(annotated)?])
    } else {
        Vec::new()
    };
    let files = export_document(format, annotated)?
        .into_iter()
        .map(|file| FileOut {
            name: file.name,
            mime: file.mime.to_owned(),
            content: file.content,
        })
        .collect();
    let left_out = left_out
        .into_iter()
        .map(|span| LeftOut {
            label: span.label,
            text: span.text,
            start: span.start,
            end: span.end,
        })
        .collect();
    Ok((files, left_out))
}

fn import_request(files: &[NamedText], current: &str) -> Response {
    let current = match native_json::import(current) {
        Ok(current) => current,
        Err(error) => return failed(error),
    };
    match open(files, &current) {
        Ok((annotated, message)) => match native_json::export_compact(&annotated) {
            Ok(document) => Response::Imported { document, message },
            Err(error) => failed(error),
        },
        Err(message) => failed(message),
    }
}

/// The file that leads a set picked together: a brat `.ann` if there is one, else the first.
pub fn leading_file(files: &[NamedText]) -> Option<&NamedText> {
    files
        .iter()
        .find(|file| file.name.to_ascii_lowercase().ends_with(".ann"))
        .or_else(|| files.first())
}

/// Opens the first document the files hold (a brat `.ann` with its `.txt`), extending the
/// current labels; on failure, a message naming the file and the problem.
pub fn open(
    files: &[NamedText],
    current: &AnnotatedDocument,
) -> Result<(AnnotatedDocument, String), String> {
    let file = leading_file(files).ok_or("no file was given")?;
    let name = &file.name;
    let refused = |error: FormatError| format!("{name} was not opened: {error}");
    let format = Format::detect(name, &file.content)
        .ok_or_else(|| refused(FormatError::Unrecognized(name.clone())))?;
    let companion = files.iter().find(|other| {
        other.name.to_ascii_lowercase().ends_with(".txt")
            && file_stem(&other.name) == file_stem(name)
    });
    let document = &current.document;
    let base = match format {
        Format::Brat => companion.map(|companion| BaseText {
            id: file_stem(name),
            title: file_stem(name),
            text: &companion.content,
        }),
        Format::W3c => Some(BaseText {
            id: &document.id,
            title: &document.title,
            text: document.text(),
        }),
        _ => None,
    };
    let refused_span = |error: FormatError| match (format, &error) {
        (Format::W3c, FormatError::Span { .. }) => {
            format!("{name} was not opened (W3C annotations apply to the open document): {error}")
        }
        _ => refused(error),
    };
    let (annotated, count) = match import(format, name, &file.content, base).map_err(refused)? {
        Imported::Native(annotated) => (annotated, 1),
        Imported::Documents(documents) => {
            let count = documents.len();
            let first = documents
                .into_iter()
                .next()
                .ok_or_else(|| refused(FormatError::Empty))?;
            (
                first
                    .into_annotated(&current.labels)
                    .map_err(refused_span)?,
                count,
            )
        }
    };
    let used = 1 + usize::from(format == Format::Brat && companion.is_some());
    let message = opened_message(
        &annotated,
        current,
        name,
        format.title(),
        count,
        files.len() - used,
    );
    Ok((annotated, message))
}

/// What to tell the user about an opened file: its format, labels it added, and what was
/// left unopened.
pub fn opened_message(
    annotated: &AnnotatedDocument,
    current: &AnnotatedDocument,
    name: &str,
    format: &str,
    documents_in_file: usize,
    other_files: usize,
) -> String {
    let mut message = format!(
        "Opened “{}” from {name} ({format}) with {} annotations",
        annotated.document.title,
        annotated.store.len()
    );
    let added: Vec<&str> = annotated
        .labels
        .iter()
        .filter(|label| current.labels.by_name(&label.name).is_none())
        .map(|label| label.name.as_str())
        .collect();
    if !added.is_empty() {
        message.push_str(&format!("; new labels: {}", added.join(", ")));
    }
    if documents_in_file > 1 {
        message.push_str(&format!(
            "; the file holds {documents_in_file} documents, only the first is open"
        ));
    }
    if other_files > 0 {
        message.push_str(&format!("; {other_files} other files were not opened"));
    }
    message
}
