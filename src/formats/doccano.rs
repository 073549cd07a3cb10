//! doccano JSONL (sequence labeling): one document per line,
//! `{"id": …, "title": …, "text": …, "label": [[start, end, "Person"], …]}`.
//!
//! Offsets are **Unicode code points**, start inclusive, end exclusive. Import also reads
//! doccano's older `"labels"` key.

use serde::{Deserialize, Serialize};

use super::format_error::{syntax, FormatError};
use super::jsonl;
use super::labeled_text::{LabeledText, Place, SpanRecord};

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    title: &'a str,
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
}

#[derive(Deserialize)]
struct ReadLine {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    text: String,
    #[serde(default, alias = "labels")]
    label: Vec<(usize, usize, String)>,
}

/// One JSON line per document, each ending in a newline.
pub fn export(documents: &[LabeledText]) -> Result<String, FormatError> {
    jsonl::write(documents.iter().map(|document| {
        Line {
            id: &document.id,
            title: &document.title,
            text: &document.text,
            label: document
                .spans
                .iter()
                .map(|span| (span.start, span.end, span.label.as_str()))
                .collect(),
        }
    }))
}

/// Reads every line; the first malformed one refuses the file, naming its line.
pub fn import(input: &str, name: &str) -> Result<Vec<LabeledText>, FormatError> {
    jsonl::read(input, |line_number, line: ReadLine| {
        let place = Place::Line(line_number);
        let id = match line.id {
            Some(serde_json::Value::String(id)) => id,
            Some(serde_json::Value::Number(id)) => id.to_string(),
            None => jsonl::default_id(name, line_number),
            Some(other) => return Err(syntax(place, format!("\"id\" is {other}, not a string"))),
        };
        Ok(LabeledText {
            title: line.title.unwrap_or_else(|| id.clone()),
            id,
            text: line.text,
            spans: line.label.into_iter().map(SpanRecord::from).collect(),
            place,
        })
    })
}
