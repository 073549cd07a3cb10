//! The dataset converters behind one request and one response: the page's worker
//! (`src/bin/formats_worker.rs`) runs [`handle`], so the converters load only when a dataset
//! format is first used and never weigh on the page's first load. Requests and responses
//! cross as flat lists of strings (`to_parts` / `from_parts`), which keeps JSON machinery for
//! them out of the page; documents inside them are native JSON. Offsets are Unicode code
//! points throughout.

use super::dataset_format::{self, export_document, import, BaseText, Format, Imported};
use super::file_stem;
use super::format_error::{ExportError, FormatError};
use super::labeled_text::LabeledText;
use super::native_json;
use super::overlaps::{unrepresentable, SkippedSpan};
use crate::model::{AnnotatedDocument, LabelSet};

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
    /// Write `documents` (native JSON each) in the format named `format`: one document's
    /// files are named after it, several documents go into one corpus file (or several files
    /// named after their documents, where the format needs them).
    Export {
        /// A [`Format::name`].
        format: String,
        /// The documents as native JSON.
        documents: Vec<String>,
    },
    /// Open every document the files hold; `current` (native JSON) gives labels to extend and
    /// the text W3C annotations anchor to.
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
    /// The title of its document.
    pub document: String,
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
    /// The opened documents as native JSON, and why some files were not opened.
    Imported {
        /// The documents, in file order.
        documents: Vec<String>,
        /// Each file opened, as "name (format)".
        sources: Vec<String>,
        /// One message per file left out, naming it and the problem.
        refusals: Vec<String>,
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
        Request::Export { format, documents } => export_request(&format, &documents),
        Request::Import { files, current } => import_request(&files, &current),
    }
}

impl Request {
    /// The request as a flat list: `["export", format, document, …]` or
    /// `["import", current, name, content, name, content, …]`.
    pub fn to_parts(&self) -> Vec<String> {
        match self {
            Self::Export { format, documents } => ["export".to_owned(), format.clone()]
                .into_iter()
                .chain(documents.iter().cloned())
                .collect(),
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
            (Some("export"), [format, documents @ ..]) => Some(Self::Export {
                format: format.clone(),
                documents: documents.to_vec(),
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
    /// (document, label, text, start, end)…]`, `["imported", refusal count, refusal…, source count, source…, document…]` or
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
                        span.document.clone(),
                        span.label.clone(),
                        span.text.clone(),
                        span.start.to_string(),
                        span.end.to_string(),
                    ]);
                }
                parts
            }
            Self::Imported {
                documents,
                sources,
                refusals,
            } => ["imported".to_owned(), refusals.len().to_string()]
                .into_iter()
                .chain(refusals.iter().cloned())
                .chain([sources.len().to_string()])
                .chain(sources.iter().cloned())
                .chain(documents.iter().cloned())
                .collect(),
            Self::Failed { message } => vec!["failed".into(), message.clone()],
        }
    }

    /// Reads a list written by [`Response::to_parts`]; anything else is a failure.
    pub fn from_parts(parts: &[String]) -> Self {
        let unreadable = || failed("the converters' answer could not be read");
        match parts {
            [kind, message] if kind == "failed" => failed(message),
            [kind, rest @ ..] if kind == "imported" => {
                let Some((refusals, rest)) = counted(rest) else {
                    return unreadable();
                };
                let Some((sources, documents)) = counted(rest) else {
                    return unreadable();
                };
                Self::Imported {
                    documents: documents.to_vec(),
                    sources: sources.to_vec(),
                    refusals: refusals.to_vec(),
                }
            }
            [kind, count, rest @ ..] if kind == "exported" => {
                let Some(count) = count.parse::<usize>().ok().filter(|c| c * 3 <= rest.len())
                else {
                    return unreadable();
                };
                let (files, spans) = rest.split_at(count * 3);
                if spans.len() % 5 != 0 {
                    return unreadable();
                }
                let left_out: Option<Vec<LeftOut>> = spans
                    .chunks(5)
                    .map(|span| {
                        Some(LeftOut {
                            document: span[0].clone(),
                            label: span[1].clone(),
                            text: span[2].clone(),
                            start: span[3].parse().ok()?,
                            end: span[4].parse().ok()?,
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

/// A list written as its length and then its items, and what follows it.
fn counted(parts: &[String]) -> Option<(&[String], &[String])> {
    let (count, rest) = parts.split_first()?;
    let count = count.parse::<usize>().ok().filter(|c| *c <= rest.len())?;
    Some(rest.split_at(count))
}

fn failed(message: impl ToString) -> Response {
    Response::Failed {
        message: message.to_string(),
    }
}

fn export_request(format: &str, documents: &[String]) -> Response {
    let Some(format) = Format::from_name(format) else {
        return failed(format!("unknown format {format:?}"));
    };
    let annotated = match documents
        .iter()
        .map(|json| native_json::import(json))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(annotated) => annotated,
        Err(error) => return failed(error),
    };
    let written = match annotated.as_slice() {
        [one] => export(format, one),
        many => export_corpus(format, many),
    };
    match written {
        Ok((files, left_out)) => Response::Exported { files, left_out },
        Err(error) => failed(error),
    }
}

fn files_out(files: Vec<dataset_format::ExportedFile>) -> Vec<FileOut> {
    files
        .into_iter()
        .map(|file| FileOut {
            name: file.name,
            mime: file.mime.to_owned(),
            content: file.content,
        })
        .collect()
}

fn left_out_of(records: &[LabeledText], format: Format) -> Vec<LeftOut> {
    if !format.drops_overlaps() {
        return Vec::new();
    }
    records
        .iter()
        .flat_map(|record| {
            let skipped: Vec<SkippedSpan> = unrepresentable(std::slice::from_ref(record));
            skipped.into_iter().map(|span| LeftOut {
                document: record.title.clone(),
                label: span.label,
                text: span.text,
                start: span.start,
                end: span.end,
            })
        })
        .collect()
}

/// The files of `annotated` in `format`, and the spans the format cannot hold.
pub fn export(
    format: Format,
    annotated: &AnnotatedDocument,
) -> Result<(Vec<FileOut>, Vec<LeftOut>), ExportError> {
    let record = LabeledText::from_annotated(annotated)?;
    let left_out = left_out_of(std::slice::from_ref(&record), format);
    Ok((files_out(export_document(format, annotated)?), left_out))
}

/// Several documents in `format`: one corpus file (`corpus.…`), or the files the format needs
/// per document; and the spans the format cannot hold.
pub fn export_corpus(
    format: Format,
    documents: &[AnnotatedDocument],
) -> Result<(Vec<FileOut>, Vec<LeftOut>), ExportError> {
    let records = documents
        .iter()
        .map(LabeledText::from_annotated)
        .collect::<Result<Vec<_>, _>>()?;
    let left_out = left_out_of(&records, format);
    let files = dataset_format::export(format, &records, "corpus")?;
    Ok((files_out(files), left_out))
}

fn import_request(files: &[NamedText], current: &str) -> Response {
    let current = match native_json::import(current) {
        Ok(current) => current,
        Err(error) => return failed(error),
    };
    let (documents, sources, refusals) = open(files, &current);
    if documents.is_empty() {
        return failed(refusal_message(&refusals));
    }
    match documents
        .iter()
        .map(native_json::export_compact)
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(documents) => Response::Imported {
            documents,
            sources,
            refusals,
        },
        Err(error) => failed(error),
    }
}

/// What to say when no file could be opened.
pub fn refusal_message(refusals: &[String]) -> String {
    if refusals.is_empty() {
        "no file was given".into()
    } else {
        refusals.join("; ")
    }
}

/// Whether `file` is the `.txt` of a brat `.ann` among `files`.
fn is_brat_text(file: &NamedText, files: &[NamedText]) -> bool {
    file.name.to_ascii_lowercase().ends_with(".txt")
        && files.iter().any(|other| {
            other.name.to_ascii_lowercase().ends_with(".ann")
                && file_stem(&other.name) == file_stem(&file.name)
        })
}

/// What opening several files gave: the documents, each file opened as "name (format)", and
/// one message per file left out.
pub type OpenedFiles = (Vec<AnnotatedDocument>, Vec<String>, Vec<String>);

/// Opens every document the files hold, in file order (a brat `.ann` with its `.txt`),
/// extending the current labels; a file that cannot be opened is left out whole, with a
/// message naming it and the problem.
pub fn open(files: &[NamedText], current: &AnnotatedDocument) -> OpenedFiles {
    let mut labels = (*current.labels).clone();
    let (mut documents, mut sources, mut refusals) = (Vec::new(), Vec::new(), Vec::new());
    for file in files.iter().filter(|file| !is_brat_text(file, files)) {
        match open_file(file, files, current, &labels) {
            Ok((opened, format)) => {
                if let Some(last) = opened.last() {
                    labels = labels.with_names(last.labels.iter().map(|l| l.name.as_str()));
                }
                documents.extend(opened);
                sources.push(format!("{} ({})", file.name, format.title()));
            }
            Err(message) => refusals.push(message),
        }
    }
    (documents, sources, refusals)
}

/// The documents of one file and its format, their labels extending `labels`.
fn open_file(
    file: &NamedText,
    files: &[NamedText],
    current: &AnnotatedDocument,
    labels: &LabelSet,
) -> Result<(Vec<AnnotatedDocument>, Format), String> {
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
    let documents = match import(format, name, &file.content, base).map_err(refused)? {
        Imported::Native(annotated) => vec![annotated],
        Imported::Documents(records) if records.is_empty() => {
            return Err(refused(FormatError::Empty))
        }
        Imported::Documents(records) => {
            let mut labels = labels.clone();
            let mut opened = Vec::with_capacity(records.len());
            for record in records {
                let annotated = record.into_annotated(&labels).map_err(refused_span)?;
                labels = (*annotated.labels).clone();
                opened.push(annotated);
            }
            opened
        }
    };
    Ok((documents, format))
}

/// What to tell the user about opened documents: which, from where ("name (format)" per
/// file), how many annotations, labels they added, and the files that were not opened.
pub fn opened_message(
    opened: &[&AnnotatedDocument],
    current: &LabelSet,
    sources: &[String],
    refusals: &[String],
) -> String {
    let annotations: usize = opened.iter().map(|a| a.store.len()).sum();
    let annotations = match annotations {
        1 => "1 annotation".to_owned(),
        count => format!("{count} annotations"),
    };
    let sources = sources.join(", ");
    let mut message = match opened {
        [one] => format!(
            "Opened “{}” from {sources} with {annotations}",
            one.document.title
        ),
        many => format!(
            "Added {} documents from {sources} with {annotations}",
            many.len()
        ),
    };
    let mut added: Vec<&str> = opened
        .iter()
        .flat_map(|a| a.labels.iter())
        .filter(|label| current.by_name(&label.name).is_none())
        .map(|label| label.name.as_str())
        .collect();
    added.sort_unstable();
    added.dedup();
    if !added.is_empty() {
        message.push_str(&format!("; new labels: {}", added.join(", ")));
    }
    if !refusals.is_empty() {
        message.push_str(&format!("; not opened: {}", refusals.join("; ")));
    }
    message
}
