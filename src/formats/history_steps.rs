//! The undo history as the browser store keeps it, inside each document's record:
//! `{"next_id": 7, "undo": [step, …], "redo": [step, …]}`, oldest first, where a step is
//! `{"add": [id, start, end, label id]}`, `{"remove": […]}`, `{"relabel": [id, from, to]}`,
//! `{"labels": {"before": [label], "after": [label]}}` (labels with their ids) or
//! `{"batch": [step, …]}`. Offsets are Unicode code points.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::native_json::{labels_json_with_ids, read_labels, LabelJson};
use crate::model::{Annotation, AnnotationId, Edit, HistoryFit, LabelId};

#[derive(Serialize, Deserialize)]
pub(super) struct HistoryJson<'a> {
    pub(super) next_id: u32,
    #[serde(borrow)]
    pub(super) undo: Vec<StepJson<'a>>,
    #[serde(borrow)]
    pub(super) redo: Vec<StepJson<'a>>,
}

/// (id, start, end, label id); offsets in code points.
pub(super) type AnnotationJson = (u32, usize, usize, u32);

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum StepJson<'a> {
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

pub(super) fn annotation_json(a: &Annotation) -> AnnotationJson {
    (a.id.0, a.start, a.end, a.label.0)
}

pub(super) fn annotation_of((id, start, end, label): AnnotationJson) -> Annotation {
    Annotation {
        id: AnnotationId(id),
        start,
        end,
        label: LabelId(label),
    }
}

pub(super) fn step_json(edit: &Edit) -> StepJson<'_> {
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

pub(super) fn edit_of(step: &StepJson) -> Option<Edit> {
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
