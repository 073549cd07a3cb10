//! A document as the browser store keeps it, compact because it is written after every
//! change: `{"format": "article-annotator-record", "version": 2, "offset_unit": "codepoint",
//! "document": {"id", "title", "text"}, "labels": [label with its id], "annotations": [[id,
//! start, end, label id], …], "overlap_policy": …, "history": …}`, offsets in Unicode code
//! points. The document's part is serialized once per document and reused. Records written
//! by earlier versions — a native JSON file (see `native_json`) with the same `"history"` —
//! are read too. The history holds the latest undo and redo steps so a reload can still undo
//! them:
//! `{"next_id": 7, "undo": [step, …], "redo": [step, …]}`, oldest first, where a step is
//! `{"add": [id, start, end, label id]}`, `{"remove": […]}`, `{"relabel": [id, from, to]}`,
//! `{"labels": {"before": [label], "after": [label]}}` (labels with their ids) or
//! `{"batch": [step, …]}`. Exports never carry it.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

pub use super::history_steps::saved_steps;
use super::history_steps::{
    annotation_json, annotation_of, edit_of, step_json, AnnotationJson, HistoryJson, StepJson,
};
use super::native_json::{
    self, labels_json_with_ids, read_labels, DocumentJson, ExportError, ImportError, LabelJson,
    PolicyJson,
};
use crate::model::{AnnotatedDocument, Document, Edit, HistoryFit, LabelSet};

/// Value of a record's `format` field.
pub const RECORD_FORMAT: &str = "article-annotator-record";

/// How many undo (and redo) steps are kept per document.
pub const KEPT_STEPS: usize = 200;

/// The JSON of one document's id, title and text, kept while the document lives: its text
/// never changes, so a record written after every edit need not escape it again.
#[derive(Debug, Default)]
pub struct DocumentJsonCache {
    kept: RefCell<Option<(Weak<Document>, Box<RawValue>)>>,
}

impl DocumentJsonCache {
    /// A cache holding nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    fn with_json<T>(
        &self,
        document: &Rc<Document>,
        use_it: impl FnOnce(&RawValue) -> T,
    ) -> Result<T, ExportError> {
        let mut kept = self.kept.borrow_mut();
        let fresh = !kept
            .as_ref()
            .is_some_and(|(weak, _)| weak.upgrade().is_some_and(|d| Rc::ptr_eq(&d, document)));
        if fresh {
            let json = DocumentJson::of(document);
            let raw = serde_json::value::to_raw_value(&json)
                .map_err(|e| ExportError::Json(e.to_string()))?;
            *kept = Some((Rc::downgrade(document), raw));
        }
        let (_, raw) = kept
            .as_ref()
            .ok_or(ExportError::Json("no document".into()))?;
        Ok(use_it(raw))
    }
}

#[derive(Serialize)]
struct RecordOut<'a> {
    format: &'static str,
    version: u32,
    offset_unit: &'static str,
    document: &'a RawValue,
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

/// The record of a document, with its latest [`KEPT_STEPS`] undo and redo steps.
pub fn write_record(annotated: &AnnotatedDocument) -> Result<String, ExportError> {
    write_record_cached(annotated, &DocumentJsonCache::new())
}

/// The same, taking the document's JSON from `cache` (and keeping it there).
pub fn write_record_cached(
    annotated: &AnnotatedDocument,
    cache: &DocumentJsonCache,
) -> Result<String, ExportError> {
    let (undo, redo, next_id) = annotated.store.history();
    let latest = |steps: &'_ [Edit]| steps[steps.len().saturating_sub(KEPT_STEPS)..].to_vec();
    let (undo, redo) = (latest(undo), latest(redo));
    cache.with_json(&annotated.document, |document| {
        let record = RecordOut {
            format: RECORD_FORMAT,
            version: 2,
            offset_unit: native_json::OFFSET_UNIT,
            document,
            labels: labels_json_with_ids(&annotated.labels),
            annotations: annotated.store.iter().map(annotation_json).collect(),
            overlap_policy: annotated.store.policy().into(),
            history: HistoryJson {
                next_id,
                undo: undo.iter().map(step_json).collect(),
                redo: redo.iter().map(step_json).collect(),
            },
        };
        serde_json::to_string(&record).map_err(|e| ExportError::Json(e.to_string()))
    })?
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
