//! Label Studio tasks for the Text + Labels tags: a JSON array of
//! `{"data": {"text", "title", "doc_id", "offset_unit": "codepoint"},
//!   "annotations": [{"result": [...], "completed_by": {"email": …}}], "meta": {"annotator"}}`,
//! the annotator where one is known (`completed_by` only for an e-mail address), each result
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
    /// Who annotated it (Label Studio keeps a task's `meta` as it is).
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<TaskMeta>,
}

#[derive(Serialize)]
struct TaskMeta {
    annotator: String,
}

/// Label Studio's user, as an import names one: by e-mail address.
#[derive(Serialize)]
struct User {
    email: String,
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
    /// The annotator, where their name is an e-mail address: Label Studio matches it to a
    /// member of the project on import (and refuses an address it does not know).
    #[serde(skip_serializing_if = "Option::is_none")]
    completed_by: Option<User>,
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
                completed_by: document
                    .annotator
                    .clone()
                    .filter(|name| name.contains('@'))
                    .map(|email| User { email }),
            }],
            meta: document
                .annotator
                .clone()
                .map(|annotator| TaskMeta { annotator }),
        })
        .collect();
    let mut json = serde_json::to_string_pretty(&tasks).map_err(|e| syntax(Place::File, e))?;
    json.push('\n');
    Ok(json)
}

/// The name of the user an annotation's `completed_by` gives: their e-mail address (or first
/// name) as Label Studio exports a user, or a name as it is; not a bare user number.
fn user_name(completed_by: Option<&Value>) -> Option<String> {
    match completed_by? {
        Value::String(name) => Some(name.clone()),
        Value::Object(user) => ["email", "first_name", "username"]
            .iter()
            .find_map(|key| user.get(*key)?.as_str().filter(|s| !s.is_empty()))
            .map(str::to_owned),
        _ => None,
    }
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
            let mut annotator = task
                .object("meta")?
                .map(|meta| meta.opt_str("annotator"))
                .transpose()?
                .flatten()
                .map(str::to_owned);
            if let Some(completion) = completion {
                annotator = user_name(completion.get("completed_by")).or(annotator);
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
                annotator,
                place,
            })
        })
        .collect()
}
