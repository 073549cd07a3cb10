//! The one export dispatcher, used by the page's worker and the command line alike: documents
//! in any format, native JSON included — one document's file named after it, several
//! documents as one corpus file (a workspace file for native JSON, brat's pairs per
//! document), with the spans a format cannot hold listed. Offsets are Unicode code points.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::dataset_format::{self, ExportedFile, Format};
use super::file_names::safe_stem;
use super::format_error::FormatError;
use super::labeled_text::LabeledText;
use super::overlaps::{unrepresentable, SkippedSpan};
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
    let files = dataset_format::export(format, &records, &stem)?;
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
