//! doccano JSONL (sequence labeling): one document per line,
//! `{"id": …, "title": …, "text": …, "label": [[start, end, "Person"], …],
//!   "offset_unit": "codepoint", "annotator": "alice"}` (doccano keeps the fields it does not
//! know as the example's metadata; `annotator` only where one is known).
//!
//! Offsets are **Unicode code points**, start inclusive, end exclusive. Import also reads
//! doccano's older `"labels"` key.

use serde::Serialize;

use super::format_error::FormatError;
use super::json_fields::triple;
use super::jsonl;
use super::labeled_text::LabeledText;

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    title: &'a str,
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
    /// Always "codepoint"; doccano keeps unknown fields as metadata.
    offset_unit: &'static str,
    /// Who annotated it.
    #[serde(skip_serializing_if = "Option::is_none")]
    annotator: Option<&'a str>,
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
            offset_unit: super::native_json::OFFSET_UNIT,
            annotator: document.annotator.as_deref(),
        }
    }))
}

/// Reads every line; the first malformed one refuses the file, naming its line.
pub fn import(input: &str, name: &str) -> Result<Vec<LabeledText>, FormatError> {
    jsonl::read(input, |line_number, fields| {
        let place = fields.place();
        let id = fields
            .id("id")?
            .unwrap_or_else(|| jsonl::default_id(name, line_number));
        let key = if fields.get("label").is_some() {
            "label"
        } else {
            "labels"
        };
        Ok(LabeledText {
            title: fields
                .opt_str("title")?
                .map_or_else(|| id.clone(), str::to_owned),
            id,
            text: fields.str("text")?.to_owned(),
            spans: fields
                .array(key)?
                .iter()
                .map(|span| triple(span, place))
                .collect::<Result<_, _>>()?,
            annotator: fields.opt_str("annotator")?.map(str::to_owned),
            place,
        })
    })
}
