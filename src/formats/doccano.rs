//! doccano JSONL (sequence labeling): one document per line,
//! `{"id": …, "title": …, "text": …, "label": [[start, end, "Person"], …],
//!   "offset_unit": "codepoint", "annotator": "alice"}` (doccano keeps the fields it does not
//! know as the example's metadata; `annotator` only where one is known).
//!
//! Offsets are **Unicode code points**, start inclusive, end exclusive, as doccano's server
//! stores them and Python counts. doccano's editor counts **UTF-16 code units** instead, so
//! spans after an emoji show shifted there: the UTF-16 variant writes offsets in those units
//! and says so (`"offset_unit": "utf16"`). Import reads a line's offsets in the unit it names
//! (code points when it names none) and also reads doccano's older `"labels"` key.

use std::rc::Rc;

use serde::Serialize;

use super::format_error::{syntax, FormatError};
use super::json_fields::triple;
use super::jsonl;
use super::labeled_text::{LabeledText, Place};
use crate::model::offsets::IndexedText;

/// What a file's offsets count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Unicode code points (Python string indices; doccano's server and API).
    CodePoint,
    /// UTF-16 code units (JavaScript string indices; doccano's editor).
    Utf16,
}

impl Unit {
    /// How the file names it.
    fn name(self) -> &'static str {
        match self {
            Self::CodePoint => super::native_json::OFFSET_UNIT,
            Self::Utf16 => "utf16",
        }
    }
}

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    title: &'a str,
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
    /// "codepoint" or "utf16"; doccano keeps unknown fields as metadata.
    offset_unit: &'static str,
    /// Who annotated it.
    #[serde(skip_serializing_if = "Option::is_none")]
    annotator: Option<&'a str>,
}

/// One JSON line per document, each ending in a newline, offsets in `unit`.
pub fn export(documents: &[LabeledText], unit: Unit) -> String {
    let mut out = String::new();
    for document in documents {
        let indexed = (unit == Unit::Utf16).then(|| IndexedText::new(Rc::from(&*document.text)));
        // Spans were checked against their text: every offset lies inside it.
        let utf16 = |offset: usize| {
            indexed
                .as_ref()
                .and_then(|text| text.utf16_of_char(offset))
                .unwrap_or(offset)
        };
        let line = Line {
            id: &document.id,
            title: &document.title,
            text: &document.text,
            label: document
                .spans
                .iter()
                .map(|span| (utf16(span.start), utf16(span.end), span.label.as_str()))
                .collect(),
            offset_unit: unit.name(),
            annotator: document.annotator.as_deref(),
        };
        // Strings, numbers and string keys only: serializing cannot fail.
        out.push_str(&serde_json::to_string(&line).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// `document`'s spans, whose offsets count UTF-16 code units, in code points; an offset inside
/// a character (between the halves of a surrogate pair) is refused, naming the span.
fn from_utf16(document: &mut LabeledText, place: Place) -> Result<(), FormatError> {
    let indexed = IndexedText::new(Rc::from(&*document.text));
    for (number, span) in (1..).zip(&mut document.spans) {
        let (start, end) = (span.start, span.end);
        match (indexed.char_of_utf16(start), indexed.char_of_utf16(end)) {
            (Some(start), Some(end)) => (span.start, span.end) = (start, end),
            _ => {
                return Err(syntax(
                    place,
                    format!(
                        "span {number} ({start}–{end} in UTF-16 code units) does not fall \
                         between characters of the text ({} code units)",
                        indexed.utf16_len()
                    ),
                ))
            }
        }
    }
    Ok(())
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
        let mut document = LabeledText {
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
            reading: None,
            place,
        };
        match fields.opt_str("offset_unit")? {
            None | Some("codepoint") => {}
            Some("utf16") => {
                from_utf16(&mut document, place)?;
                document.reading = Some("its offsets count UTF-16 code units, as it says");
            }
            Some(other) => {
                return Err(syntax(
                    place,
                    format!(
                    "its offsets count {other:?}, and this app reads \"codepoint\" or \"utf16\""
                ),
                ))
            }
        }
        Ok(document)
    })
}
