//! The one export dispatcher, used by the page's worker and the command line alike: documents
//! in any format, native JSON included — one document's file named after it, several
//! documents as one corpus file (a workspace file for native JSON, brat's pairs per
//! document), with the spans a format cannot hold listed. Offsets are Unicode code points.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::dataset_format::Format;
use super::doccano::Unit;
use super::file_names::safe_stem;
use super::format_error::ExportError;
use super::format_error::FormatError;
use super::labeled_text::LabeledText;
use super::overlaps::{unrepresentable, SkippedSpan};
use super::{brat, conll, doccano, file_names, label_studio, prodigy, spacy_offsets, w3c};
use super::{native_json, workspace_file};
use crate::model::{AnnotatedDocument, Workspace};

/// An export's files and the spans it leaves out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exported {
    /// The files, in download order.
    pub files: Vec<ExportedFile>,
    /// Spans the format cannot hold (spaCy entities and CoNLL tags cannot overlap).
    pub left_out: Vec<SkippedSpan>,
}

/// Writes `documents` (each with its done mark) in `format`. With `corpus`, native JSON is
/// the whole-workspace file (`current` is the open document's position among them); other
/// formats write one corpus file for several documents and name one document's file after it.
pub fn export(
    format: Format,
    documents: &[(AnnotatedDocument, bool)],
    corpus: bool,
    current: usize,
) -> Result<Exported, FormatError> {
    if format == Format::Native {
        return native(documents, corpus, current);
    }
    let records = documents
        .iter()
        .map(|(annotated, _)| LabeledText::from_annotated(annotated))
        .collect::<Result<Vec<_>, _>>()?;
    let stem = match documents {
        [(one, _)] => one.document.id.clone(),
        _ => "corpus".to_owned(),
    };
    let left_out = if format.drops_overlaps() {
        unrepresentable(&records)
    } else {
        Vec::new()
    };
    let files = write_records(format, &records, &stem)?;
    Ok(Exported { files, left_out })
}

/// Native JSON: one document's file, or with `corpus` (or several documents) the workspace
/// file. The page writes it itself, so the export that needs no converter loads none.
pub fn native(
    documents: &[(AnnotatedDocument, bool)],
    corpus: bool,
    current: usize,
) -> Result<Exported, FormatError> {
    let file = match documents {
        [(one, _)] if !corpus => ExportedFile {
            name: format!(
                "{}{}",
                safe_stem(&one.document.id),
                Format::Native.file_suffix()
            ),
            mime: "application/json".into(),
            content: native_json::export(one)?,
        },
        _ => {
            let labels = documents
                .first()
                .map(|(first, _)| Rc::clone(&first.labels))
                .ok_or(FormatError::Empty)?;
            let workspace = Workspace::from_saved((*labels).clone(), documents.to_vec(), current)?;
            ExportedFile {
                name: "corpus.workspace.json".into(),
                mime: "application/json".into(),
                content: workspace_file::export(&workspace, false)?,
            }
        }
    };
    Ok(Exported {
        files: vec![file],
        left_out: Vec::new(),
    })
}

/// One file of an export.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExportedFile {
    /// Suggested file name.
    pub name: String,
    /// MIME type.
    pub mime: String,
    /// The file's content.
    pub content: String,
}

/// Writes documents in a record format; `stem` names the files (brat names each by its
/// document). Names are safe to write anywhere and unique (see [`file_names`]). The export
/// dispatcher ([`super::export::export`]) calls this for every format but native JSON.
pub fn write_records(
    format: Format,
    documents: &[LabeledText],
    stem: &str,
) -> Result<Vec<ExportedFile>, ExportError> {
    let stem = file_names::safe_stem(stem);
    let json_error = |error: FormatError| ExportError::Json(error.to_string());
    let one = |content: String, mime: &str| {
        vec![ExportedFile {
            name: format!("{stem}{}", format.file_suffix()),
            mime: mime.to_owned(),
            content,
        }]
    };
    let jsonl = "application/jsonl";
    let json = "application/json";
    let text = "text/plain";
    Ok(match format {
        Format::Doccano => one(doccano::export(documents, Unit::CodePoint), jsonl),
        Format::DoccanoUtf16 => one(doccano::export(documents, Unit::Utf16), jsonl),
        Format::LabelStudio => one(label_studio::export(documents).map_err(json_error)?, json),
        Format::Prodigy => one(prodigy::export(documents).map_err(json_error)?, jsonl),
        Format::Spacy => one(spacy_offsets::export(documents).map_err(json_error)?, json),
        Format::Iob2 => one(conll::export(documents, conll::Scheme::Iob2, true), text),
        Format::Bilou => one(conll::export(documents, conll::Scheme::Bilou, true), text),
        Format::ConllPlain => one(conll::export(documents, conll::Scheme::Iob2, false), text),
        Format::W3c => one(
            w3c::export(documents).map_err(json_error)?,
            "application/ld+json",
        ),
        Format::Brat => {
            let mut stems = file_names::UniqueStems::new();
            documents
                .iter()
                .flat_map(|document| {
                    let stem = stems.claim(&document.id);
                    let (txt, ann) = brat::export_pair(document);
                    [
                        ExportedFile {
                            name: format!("{stem}.txt"),
                            mime: text.to_owned(),
                            content: txt,
                        },
                        ExportedFile {
                            name: format!("{stem}.ann"),
                            mime: text.to_owned(),
                            content: ann,
                        },
                    ]
                })
                .collect()
        }
        Format::Native | Format::Text | Format::Html => {
            return Err(ExportError::Json(format!(
                "{} is not written from dataset records",
                format.title()
            )))
        }
    })
}
