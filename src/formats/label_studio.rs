//! Label Studio tasks for the Text + Labels tags: a JSON array of
//! `{"data": {"text", "title", "doc_id", "offset_unit": "codepoint"},
//!   "annotations": [{"result": [...], "completed_by": {"email": …}}], "meta": {"annotator"}}`,
//! the annotator where one is known (`completed_by` only for an e-mail address), each result
//! `{"from_name": "label", "to_name": "text", "type": "labels",
//!   "value": {"start", "end", "text", "labels": ["Person"]}}`.
//!
//! Offsets are **Unicode code points** (Label Studio's Text tag counts code points), start
//! inclusive, end exclusive. The labeling config these tasks fit is in the README. Import also
//! reads the JSON_MIN export (`label_studio_min`), and a span's text as the editor writes it
//! (each line break as a backslash and an `n`).

use serde::Serialize;
use serde_json::Value;

use super::format_error::{syntax, FormatError};
use super::json_fields::{parse, Fields};
use super::label_studio_editor::mend_editor_text;
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
pub(crate) fn user_name(completed_by: Option<&Value>) -> Option<String> {
    match completed_by? {
        Value::String(name) => Some(name.clone()),
        Value::Object(user) => ["email", "first_name", "username"]
            .iter()
            .find_map(|key| user.get(*key)?.as_str().filter(|s| !s.is_empty()))
            .map(str::to_owned),
        _ => None,
    }
}

/// Reads a task array (or one task), in Label Studio's JSON export or its JSON_MIN export (see
/// `label_studio_min`). Each task's first annotation that was not cancelled is used, or its
/// first prediction if it has none; results other than `labels` are skipped.
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
            let default_id = || super::jsonl::default_id(name, index + 1);
            let mut document = match task.object("data")? {
                Some(data) => full_task(&task, &data, default_id)?,
                // A JSON_MIN task: its text at the top (with no spans, if nobody labeled it).
                None if task.get("text").is_some_and(Value::is_string) => {
                    super::label_studio_min::min_task(&task, default_id)?
                }
                None => return Err(syntax(place, "a task needs \"data\" with its \"text\"")),
            };
            mend_editor_text(&mut document);
            Ok(document)
        })
        .collect()
}

/// Whether `value` is a list of labeled spans (`{"start", "end", "labels"}`), as a JSON_MIN
/// task holds its results under the Labels tag's name.
pub(crate) fn looks_like_spans(value: &Value) -> bool {
    value
        .as_array()
        .and_then(|items| items.first())
        .is_some_and(|span| span.get("labels").is_some() && span.get("start").is_some())
}

/// Whether `item` is a task of Label Studio's JSON_MIN export: its text beside a list of
/// labeled spans.
pub fn looks_min(item: &Value) -> bool {
    item.get("text").is_some_and(Value::is_string)
        && item
            .as_object()
            .is_some_and(|task| task.values().any(looks_like_spans))
}

/// A task of the full JSON export.
fn full_task(
    task: &Fields,
    data: &Fields,
    default_id: impl Fn() -> String,
) -> Result<LabeledText, FormatError> {
    let place = task.place();
    let cancelled = |c: &Value| c.get("was_cancelled").and_then(Value::as_bool) == Some(true);
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
            spans.extend(labeled_spans(&value)?);
        }
    }
    task_document(task, data, spans, annotator, default_id)
}

/// The document of a task whose data fields are `data` (the task's own, in JSON_MIN): named by
/// the `doc_id` this app writes, else by the task's id.
pub(crate) fn task_document(
    task: &Fields,
    data: &Fields,
    spans: Vec<SpanRecord>,
    annotator: Option<String>,
    default_id: impl Fn() -> String,
) -> Result<LabeledText, FormatError> {
    let id = match data.opt_str("doc_id")? {
        Some(id) => id.to_owned(),
        None => task.id("id")?.unwrap_or_else(default_id),
    };
    Ok(LabeledText {
        title: data
            .opt_str("title")?
            .map_or_else(|| id.clone(), str::to_owned),
        id,
        text: data.str("text")?.to_owned(),
        spans,
        annotator,
        reading: None,
        place: task.place(),
    })
}

/// The spans of one `{"start", "end", "text", "labels": […]}` value, one per label.
pub(crate) fn labeled_spans(value: &Fields) -> Result<Vec<SpanRecord>, FormatError> {
    let place = value.place();
    let (start, end) = (value.index("start")?, value.index("end")?);
    let text = value.opt_str("text")?;
    let labels = value.array("labels")?;
    if labels.is_empty() {
        return Err(syntax(
            place,
            format!("the \"labels\" result at {start}–{end} names no label"),
        ));
    }
    labels
        .iter()
        .map(|label| {
            let label = label
                .as_str()
                .ok_or_else(|| syntax(place, "\"labels\" must hold strings"))?;
            Ok(SpanRecord {
                start,
                end,
                label: label.to_owned(),
                text: text.map(str::to_owned),
            })
        })
        .collect()
}
