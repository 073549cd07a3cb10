//! A document as the browser store keeps it: its native JSON (see `native_json`; offsets in
//! Unicode code points) with one more field, `"history"`, holding the latest undo and redo
//! steps so a reload can still undo them:
//! `{"next_id": 7, "undo": [step, …], "redo": [step, …]}`, oldest first, where a step is
//! `{"add": [id, start, end, label id]}`, `{"remove": […]}`, `{"relabel": [id, from, to]}`,
//! `{"labels": {"before": [label], "after": [label]}}` (labels with their ids) or
//! `{"batch": [step, …]}`. Exports never carry it.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::native_json::{self, labels_json_with_ids, read_labels, ExportError, LabelJson};
use crate::model::{
    AnnotatedDocument, Annotation, AnnotationId, Edit, HistoryFit, LabelId, LabelSet,
};

/// How many undo (and redo) steps are kept per document.
pub const KEPT_STEPS: usize = 200;

#[derive(Serialize, Deserialize)]
struct HistoryJson<'a> {
    next_id: u32,
    #[serde(borrow)]
    undo: Vec<StepJson<'a>>,
    #[serde(borrow)]
    redo: Vec<StepJson<'a>>,
}

/// (id, start, end, label id); offsets in code points.
type AnnotationJson = (u32, usize, usize, u32);

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum StepJson<'a> {
    Add(AnnotationJson),
    Remove(AnnotationJson),
    Relabel(u32, u32, u32),
    Labels {
        #[serde(borrow)]
        before: Vec<LabelJson<'a>>,
        #[serde(borrow)]
        after: Vec<LabelJson<'a>>,
    },
    Batch(#[serde(borrow)] Vec<StepJson<'a>>),
}

fn annotation_json(a: &Annotation) -> AnnotationJson {
    (a.id.0, a.start, a.end, a.label.0)
}

fn annotation_of((id, start, end, label): AnnotationJson) -> Annotation {
    Annotation {
        id: AnnotationId(id),
        start,
        end,
        label: LabelId(label),
    }
}

fn step_json(edit: &Edit) -> StepJson<'_> {
    match edit {
        Edit::Add(a) => StepJson::Add(annotation_json(a)),
        Edit::Remove(a) => StepJson::Remove(annotation_json(a)),
        Edit::Relabel { id, from, to } => StepJson::Relabel(id.0, from.0, to.0),
        Edit::Labels { before, after } => StepJson::Labels {
            before: labels_json_with_ids(before),
            after: labels_json_with_ids(after),
        },
        Edit::Batch(edits) => StepJson::Batch(edits.iter().map(step_json).collect()),
    }
}

fn edit_of(step: &StepJson) -> Option<Edit> {
    Some(match step {
        StepJson::Add(a) => Edit::Add(annotation_of(*a)),
        StepJson::Remove(a) => Edit::Remove(annotation_of(*a)),
        StepJson::Relabel(id, from, to) => Edit::Relabel {
            id: AnnotationId(*id),
            from: LabelId(*from),
            to: LabelId(*to),
        },
        StepJson::Labels { before, after } => Edit::Labels {
            before: Rc::new(read_labels(before).ok()?),
            after: Rc::new(read_labels(after).ok()?),
        },
        StepJson::Batch(steps) => Edit::Batch(steps.iter().map(edit_of).collect::<Option<_>>()?),
    })
}

/// The record of a document: its native JSON plus its latest [`KEPT_STEPS`] undo and redo
/// steps.
pub fn write_record(annotated: &AnnotatedDocument) -> Result<String, ExportError> {
    let native = native_json::export_compact(annotated)?;
    let (undo, redo, next_id) = annotated.store.history();
    let latest = |steps: &'_ [Edit]| steps[steps.len().saturating_sub(KEPT_STEPS)..].to_vec();
    let (undo, redo) = (latest(undo), latest(redo));
    let history = HistoryJson {
        next_id,
        undo: undo.iter().map(step_json).collect(),
        redo: redo.iter().map(step_json).collect(),
    };
    let history = serde_json::to_string(&history).map_err(|e| ExportError::Json(e.to_string()))?;
    // The native file is an object: its closing brace gives way to the history.
    let open = native.strip_suffix('}').unwrap_or(&native);
    Ok(format!("{open},\"history\":{history}}}"))
}

/// A document from its record, its spans under `labels` (matched by name), with as much of its
/// undo history as still fits its spans and labels (see [`AnnotationStore::with_history`]);
/// the fit says how many steps were left out.
///
/// [`AnnotationStore::with_history`]: crate::model::AnnotationStore::with_history
pub fn read_record(
    json: &str,
    labels: &Rc<LabelSet>,
) -> Result<(AnnotatedDocument, HistoryFit), native_json::ImportError> {
    #[derive(Deserialize)]
    struct Record<'a> {
        #[serde(borrow, default)]
        history: Option<HistoryJson<'a>>,
    }
    let annotated =
        native_json::import(json)?
            .onto_labels(labels)
            .map_err(
                |(annotation, reason)| native_json::ImportError::InvalidSpan {
                    annotation: annotation.id.0,
                    reason,
                },
            )?;
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

/// How many undo and redo steps a record holds, counted as steps left out (for a record read
/// without its history).
pub fn saved_steps(json: &str) -> HistoryFit {
    #[derive(Deserialize)]
    struct Depths {
        #[serde(default)]
        history: Option<StepCounts>,
    }
    #[derive(Deserialize)]
    struct StepCounts {
        #[serde(default)]
        undo: Vec<serde::de::IgnoredAny>,
        #[serde(default)]
        redo: Vec<serde::de::IgnoredAny>,
    }
    let counts = serde_json::from_str::<Depths>(json)
        .ok()
        .and_then(|depths| depths.history);
    counts.map_or(HistoryFit::default(), |counts| HistoryFit {
        undo_dropped: counts.undo.len(),
        redo_dropped: counts.redo.len(),
    })
}
