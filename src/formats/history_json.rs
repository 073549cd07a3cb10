//! A document as the browser store keeps it, compact because it is written after every
//! change: `{"format": "article-annotator-record", "version": 2, "offset_unit": "codepoint",
//! "document": {"id", "title", "text"}, "labels": [label with its id], "annotations": [[id,
//! start, end, label id], …], "overlap_policy": …, "history": …}`, offsets in Unicode code
//! points. Records written
//! by earlier versions — a native JSON file (see `native_json`) with the same `"history"` —
//! are read too. The history holds the latest undo and redo steps so a reload can still undo
//! them:
//! `{"next_id": 7, "undo": [step, …], "redo": [step, …]}`, oldest first, where a step is
//! `{"add": [id, start, end, label id]}`, `{"remove": […]}`, `{"relabel": [id, from, to]}`,
//! `{"labels": {"before": [label], "after": [label]}}` (labels with their ids) or
//! `{"batch": [step, …]}`. Exports never carry it.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

pub use super::history_steps::saved_steps;
use super::history_steps::{
    annotation_json, annotation_of, edit_of, step_json, AnnotationJson, HistoryJson, StepJson,
};
use super::native_json::{
    self, labels_json_with_ids, read_labels, DocumentJson, ExportError, ImportError, LabelJson,
    PolicyJson,
};
use crate::model::{AnnotatedDocument, Edit, HistoryFit, LabelSet};

/// Value of a record's `format` field.
pub const RECORD_FORMAT: &str = "article-annotator-record";

/// How many undo (and redo) steps are kept per document.
pub const KEPT_STEPS: usize = 200;

#[derive(Serialize)]
struct RecordOut<'a> {
    format: &'static str,
    version: u32,
    offset_unit: &'static str,
    document: DocumentJson<'a>,
    labels: Vec<LabelJson<'a>>,
    annotations: Vec<AnnotationJson>,
    overlap_policy: PolicyJson,
    history: HistoryJson<'a>,
}

#[derive(Deserialize)]
struct RecordIn<'a> {
    format: String,
    version: u32,
    offset_unit: String,
    #[serde(borrow)]
    document: DocumentJson<'a>,
    #[serde(borrow)]
    labels: Vec<LabelJson<'a>>,
    annotations: Vec<AnnotationJson>,
    #[serde(default)]
    overlap_policy: PolicyJson,
}

/// The record of a document, with its latest [`KEPT_STEPS`] undo and redo steps. The text is
/// escaped anew each time (about 2 ms a megabyte natively): a copy kept to spare that held
/// as much memory again as the text, for as long as the document was open.
pub fn write_record(annotated: &AnnotatedDocument) -> Result<String, ExportError> {
    // Room for the whole record at once: a buffer grown by doubling would hold the record
    // up to three times over while it is copied.
    let text = annotated.document.text().len();
    let steps = annotated.store.len() + 2 * KEPT_STEPS;
    let mut out = Vec::with_capacity(text + text / 16 + 48 * steps + 4096);
    write_record_to(annotated, &mut out)?;
    String::from_utf8(out).map_err(|e| ExportError::Json(e.to_string()))
}

/// Writes the record [`write_record`] gives to `out`, as UTF-8.
pub fn write_record_to(
    annotated: &AnnotatedDocument,
    out: impl std::io::Write,
) -> Result<(), ExportError> {
    let (undo, redo, next_id) = annotated.store.history();
    let latest = |steps: &'_ [Edit]| steps[steps.len().saturating_sub(KEPT_STEPS)..].to_vec();
    let (undo, redo) = (latest(undo), latest(redo));
    let record = RecordOut {
        format: RECORD_FORMAT,
        version: 2,
        offset_unit: native_json::OFFSET_UNIT,
        document: DocumentJson::of(&annotated.document),
        labels: labels_json_with_ids(&annotated.labels),
        annotations: annotated.store.iter().map(annotation_json).collect(),
        overlap_policy: annotated.store.policy().into(),
        history: HistoryJson {
            next_id,
            undo: undo.iter().map(step_json).collect(),
            redo: redo.iter().map(step_json).collect(),
        },
    };
    serde_json::to_writer(out, &record).map_err(|e| ExportError::Json(e.to_string()))
}

/// Whether `json` is a record in this module's own form (else a native file with a history).
fn is_compact_record(json: &str) -> bool {
    let head: String = json.trim_start().chars().take(80).collect();
    head.contains(RECORD_FORMAT)
}

/// The document of a compact record, its spans checked as a saved store's are.
fn read_compact(json: &str) -> Result<AnnotatedDocument, ImportError> {
    let record: RecordIn =
        serde_json::from_str(json).map_err(|error| ImportError::Json(error.to_string()))?;
    if record.format != RECORD_FORMAT || record.version != 2 {
        return Err(ImportError::WrongFormat(format!(
            "{} version {}",
            record.format, record.version
        )));
    }
    if record.offset_unit != native_json::OFFSET_UNIT {
        return Err(ImportError::UnsupportedOffsetUnit(record.offset_unit));
    }
    let labels = read_labels(&record.labels)?;
    let annotations = record
        .annotations
        .iter()
        .map(|&spans| {
            let annotation = annotation_of(spans);
            match labels.get(annotation.label) {
                Some(_) => Ok(annotation),
                None => Err(ImportError::UnknownLabel {
                    annotation: annotation.id.0,
                    label: format!("#{}", annotation.label.0),
                }),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let document = record.document.into_document()?;
    native_json::annotated_from_saved(document, labels, annotations, record.overlap_policy.into())
}

/// A document from its record alone, under the labels it was saved with and without its
/// history (for when the workspace header, which knows the labels, is lost).
pub fn read_document(json: &str) -> Result<AnnotatedDocument, ImportError> {
    if is_compact_record(json) {
        read_compact(json)
    } else {
        native_json::import(json)
    }
}

/// A document from its record, its spans under `labels` (matched by name), with as much of its
/// undo history as still fits its spans and labels (see [`AnnotationStore::with_history`]);
/// the fit says how many steps were left out.
///
/// [`AnnotationStore::with_history`]: crate::model::AnnotationStore::with_history
pub fn read_record(
    json: &str,
    labels: &Rc<LabelSet>,
) -> Result<(AnnotatedDocument, HistoryFit), ImportError> {
    #[derive(Deserialize)]
    struct Record<'a> {
        #[serde(borrow, default)]
        history: Option<HistoryJson<'a>>,
    }
    let saved = read_document(json)?;
    let annotated =
        saved
            .onto_labels(labels)
            .map_err(|(annotation, reason)| ImportError::InvalidSpan {
                annotation: annotation.id.0,
                reason,
            })?;
    let history = serde_json::from_str::<Record>(json)
        .ok()
        .and_then(|record| record.history);
    let steps = |steps: &[StepJson]| steps.iter().map(edit_of).collect::<Option<Vec<_>>>();
    let read = history.as_ref().and_then(|history| {
        Some((
            steps(&history.undo)?,
            steps(&history.redo)?,
            history.next_id,
        ))
    });
    let Some((undo, redo, next_id)) = read else {
        // No history, or one this version cannot read: all of it is left out.
        return Ok((annotated, saved_steps(json)));
    };
    let (store, fit) =
        annotated
            .store
            .with_history(&annotated.document, labels, undo, redo, next_id);
    Ok((AnnotatedDocument { store, ..annotated }, fit))
}
