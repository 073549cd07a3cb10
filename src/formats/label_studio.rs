//! Label Studio tasks for the Text + Labels tags: a JSON array of
//! `{"data": {"text", "title", "doc_id"}, "annotations": [{"result": [...]}]}`, each result
//! `{"from_name": "label", "to_name": "text", "type": "labels",
//!   "value": {"start", "end", "text", "labels": ["Person"]}}`.
//!
//! Offsets are **Unicode code points** (Label Studio's Text tag counts code points), start
//! inclusive, end exclusive. The labeling config these tasks fit is [`labeling_config`].

use serde::{Deserialize, Serialize};

use super::format_error::{syntax, FormatError};
use super::labeled_text::{LabeledText, Place, SpanRecord};

/// The `from_name` of every result: the Labels tag's name.
const FROM_NAME: &str = "label";
/// The `to_name` of every result: the Text tag's name.
const TO_NAME: &str = "text";

#[derive(Serialize, Deserialize)]
struct Task {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<serde_json::Value>,
    data: TaskData,
    #[serde(default)]
    annotations: Vec<Completion>,
    #[serde(default, skip_serializing)]
    predictions: Vec<Completion>,
}

#[derive(Serialize, Deserialize)]
struct TaskData {
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    doc_id: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Completion {
    result: Vec<ResultItem>,
    #[serde(default, skip_serializing)]
    was_cancelled: bool,
}

#[derive(Serialize, Deserialize)]
struct ResultItem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(default)]
    from_name: String,
    #[serde(default)]
    to_name: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value: Option<Value>,
}

#[derive(Serialize, Deserialize)]
struct Value {
    start: usize,
    end: usize,
    #[serde(default)]
    text: Option<String>,
    labels: Vec<String>,
}

/// The Label Studio labeling config for these labels.
pub fn labeling_config<'a>(labels: impl IntoIterator<Item = &'a str>) -> String {
    let mut config = format!("<View>\n  <Labels name=\"{FROM_NAME}\" toName=\"{TO_NAME}\">\n");
    for label in labels {
        let escaped = label
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;");
        config.push_str(&format!("    <Label value=\"{escaped}\"/>\n"));
    }
    config.push_str(&format!(
        "  </Labels>\n  <Text name=\"{TO_NAME}\" value=\"$text\"/>\n</View>\n"
    ));
    config
}

/// A JSON array with one task per document, ready for Label Studio's import.
pub fn export(documents: &[LabeledText]) -> Result<String, FormatError> {
    let tasks: Vec<Task> = documents
        .iter()
        .map(|document| Task {
            id: None,
            data: TaskData {
                text: document.text.clone(),
                title: Some(document.title.clone()),
                doc_id: Some(document.id.clone()),
            },
            annotations: vec![Completion {
                result: document
                    .spans
                    .iter()
                    .enumerate()
                    .map(|(index, span)| ResultItem {
                        id: Some(format!("span-{}", index + 1)),
                        from_name: FROM_NAME.to_owned(),
                        to_name: TO_NAME.to_owned(),
                        kind: "labels".to_owned(),
                        value: Some(Value {
                            start: span.start,
                            end: span.end,
                            text: span.text.clone(),
                            labels: vec![span.label.clone()],
                        }),
                    })
                    .collect(),
                was_cancelled: false,
            }],
            predictions: Vec::new(),
        })
        .collect();
    let mut json = serde_json::to_string_pretty(&tasks).map_err(|e| syntax(Place::File, e))?;
    json.push('\n');
    Ok(json)
}

/// Reads a task array (or one task). Each task's first completed annotation is used, or its
/// first prediction if it has none; results other than `labels` are skipped.
pub fn import(input: &str, name: &str) -> Result<Vec<LabeledText>, FormatError> {
    let tasks: Vec<Task> = if input.trim_start().starts_with('{') {
        vec![serde_json::from_str(input).map_err(|e| syntax(Place::File, e))?]
    } else {
        serde_json::from_str(input).map_err(|e| syntax(Place::File, e))?
    };
    if tasks.is_empty() {
        return Err(FormatError::Empty);
    }
    Ok(tasks
        .into_iter()
        .enumerate()
        .map(|(index, task)| {
            let place = Place::Record(index + 1);
            let completion = task
                .annotations
                .into_iter()
                .find(|c| !c.was_cancelled)
                .or_else(|| task.predictions.into_iter().next());
            let spans = completion
                .into_iter()
                .flat_map(|c| c.result)
                .filter(|item| item.kind == "labels")
                .filter_map(|item| item.value)
                .flat_map(
                    |Value {
                         start,
                         end,
                         text,
                         labels,
                     }| {
                        labels.into_iter().map(move |label| SpanRecord {
                            start,
                            end,
                            label,
                            text: text.clone(),
                        })
                    },
                )
                .collect();
            let id = task
                .data
                .doc_id
                .or_else(|| task.id.map(|id| id.to_string()))
                .unwrap_or_else(|| super::jsonl::default_id(name, index + 1));
            LabeledText {
                title: task.data.title.unwrap_or_else(|| id.clone()),
                id,
                text: task.data.text,
                spans,
                place,
            }
        })
        .collect())
}
