//! Label Studio tasks for the Text + Labels tags: a JSON array of
//! `{"data": {"text", "title", "doc_id", "offset_unit": "codepoint"},
//!   "annotations": [{"result": [...]}]}`, each result
//! `{"from_name": "label", "to_name": "text", "type": "labels",
//!   "value": {"start", "end", "text", "labels": ["Person"]}}`.
//!
//! Offsets are **Unicode code points** (Label Studio's Text tag counts code points), start
//! inclusive, end exclusive. The labeling config these tasks fit is in the README.

use serde::Serialize;
use serde_json::Value;

use super::format_error::{syntax, FormatError};
use super::json_fields::{parse, Fields};
use super::labeled_text::{LabeledText, Place, SpanRecord};

/// The `from_name` of every result: the Labels tag's name.
const FROM_NAME: &str = "label";
/// The `to_name` of every result: the Text tag's name.
const TO_NAME: &str = "text";

#[derive(Serialize)]
struct Task {
    data: TaskData,
    annotations: Vec<Completion>,
}

#[derive(Serialize)]
struct TaskData {
    text: String,
    title: String,
    doc_id: String,
    offset_unit: &'static str,
}

#[derive(Serialize)]
struct Completion {
    result: Vec<ResultItem>,
}

#[derive(Serialize)]
struct ResultItem {
    id: String,
    from_name: &'static str,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: SpanValue,
}

#[derive(Serialize)]
struct SpanValue {
    start: usize,
    end: usize,
    text: Option<String>,
    labels: [String; 1],
}

/// A JSON array with one task per document, ready for Label Studio's import.
pub fn export(documents: &[LabeledText]) -> Result<String, FormatError> {
    let tasks: Vec<Task> = documents
        .iter()
        .map(|document| Task {
            data: TaskData {
                text: document.text.clone(),
                title: document.title.clone(),
                doc_id: document.id.clone(),
                offset_unit: super::native_json::OFFSET_UNIT,
            },
            annotations: vec![Completion {
                result: document
                    .spans
                    .iter()
                    .enumerate()
                    .map(|(index, span)| ResultItem {
                        id: format!("span-{}", index + 1),
                        from_name: FROM_NAME,
                        to_name: TO_NAME,
                        kind: "labels",
                        value: SpanValue {
                            start: span.start,
                            end: span.end,
                            text: span.text.clone(),
                            labels: [span.label.clone()],
                        },
                    })
                    .collect(),
            }],
        })
        .collect();
    let mut json = serde_json::to_string_pretty(&tasks).map_err(|e| syntax(Place::File, e))?;
    json.push('\n');
    Ok(json)
}

/// Reads a task array (or one task). Each task's first annotation that was not cancelled is
/// used, or its first prediction if it has none; results other than `labels` are skipped.
pub fn import(input: &str, name: &str) -> Result<Vec<LabeledText>, FormatError> {
    let value = parse(input, Place::File)?;
    let tasks = match &value {
        Value::Array(tasks) => tasks.as_slice(),
        one => std::slice::from_ref(one),
    };
    if tasks.is_empty() {
        return Err(FormatError::Empty);
    }
    tasks
        .iter()
        .enumerate()
        .map(|(index, task)| {
            let place = Place::Record(index + 1);
            let task = Fields::of(task, place, "each task")?;
            let data = task
                .object("data")?
                .ok_or_else(|| syntax(place, "a task needs \"data\" with its \"text\""))?;
            let cancelled =
                |c: &Value| c.get("was_cancelled").and_then(Value::as_bool) == Some(true);
            let completion = task
                .array("annotations")?
                .iter()
                .find(|c| !cancelled(c))
                .or_else(|| task.array("predictions").ok()?.first());
            let mut spans = Vec::new();
            if let Some(completion) = completion {
                let completion = Fields::of(completion, place, "an annotation")?;
                for result in completion.array("result")? {
                    let result = Fields::of(result, place, "a result")?;
                    if result.opt_str("type")? != Some("labels") {
                        continue;
                    }
                    let value = result
                        .object("value")?
                        .ok_or_else(|| syntax(place, "a \"labels\" result needs its \"value\""))?;
                    let (start, end) = (value.index("start")?, value.index("end")?);
                    let text = value.opt_str("text")?;
                    let labels = value.array("labels")?;
                    if labels.is_empty() {
                        return Err(syntax(
                            place,
                            format!("the \"labels\" result at {start}–{end} names no label"),
                        ));
                    }
                    for label in labels {
                        let label = label
                            .as_str()
                            .ok_or_else(|| syntax(place, "\"labels\" must hold strings"))?;
                        spans.push(SpanRecord {
                            start,
                            end,
                            label: label.to_owned(),
                            text: text.map(str::to_owned),
                        });
                    }
                }
            }
            let id = match data.opt_str("doc_id")? {
                Some(id) => id.to_owned(),
                None => task
                    .id("id")?
                    .unwrap_or_else(|| super::jsonl::default_id(name, index + 1)),
            };
            Ok(LabeledText {
                title: data
                    .opt_str("title")?
                    .map_or_else(|| id.clone(), str::to_owned),
                id,
                text: data.str("text")?.to_owned(),
                spans,
                place,
            })
        })
        .collect()
}
