//! Reading the app's own JSON format (see `native_json`) in parts, so that opening a large
//! document holds little beside its text: the file's header and labels first, then the
//! document (whose text is unescaped once), then the spans one at a time, each checked and kept
//! as an [`Annotation`] as it is read. Offsets are Unicode code points.
//!
//! Read whole, a 1 MB document with 10,000 spans held the file, the parser's buffer of the
//! text, the text, every span's JSON record and the document at once (3.8 MB beside the file);
//! in parts, at most the text twice over and the document (2.3 MB).

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::native_json::{
    annotated_from_saved, read_labels, AnnotationJson, DocumentJson, LabelJson, PolicyJson,
    FORMAT_NAME, FORMAT_VERSION, OFFSET_UNIT,
};
use super::ImportError;
use crate::model::{AnnotatedDocument, Annotation, AnnotationId, Document, LabelSet};

/// The file with its document and spans left unread (raw JSON, borrowed from the file).
#[derive(Deserialize)]
struct NativeParts<'a> {
    #[serde(borrow)]
    format: Cow<'a, str>,
    version: u32,
    #[serde(borrow)]
    offset_unit: Cow<'a, str>,
    #[serde(borrow)]
    document: &'a RawValue,
    #[serde(borrow)]
    labels: Vec<LabelJson<'a>>,
    #[serde(borrow)]
    annotations: &'a RawValue,
    #[serde(default)]
    overlap_policy: PolicyJson,
}

/// Reads a native JSON file, refusing it whole if any span does not match its text.
pub fn import(json: &str) -> Result<AnnotatedDocument, ImportError> {
    let file: NativeParts = serde_json::from_str(json).map_err(|e| json_error(json, json, &e))?;
    if file.format != FORMAT_NAME {
        return Err(ImportError::WrongFormat(file.format.into_owned()));
    }
    if file.version != FORMAT_VERSION {
        return Err(ImportError::UnsupportedVersion(file.version));
    }
    if file.offset_unit != OFFSET_UNIT {
        return Err(ImportError::UnsupportedOffsetUnit(
            file.offset_unit.into_owned(),
        ));
    }
    let labels = read_labels(&file.labels)?;
    let part = file.document.get();
    let document = serde_json::from_str::<DocumentJson>(part)
        .map_err(|e| json_error(json, part, &e))?
        .into_document()?;
    let seed = Spans {
        labels: &labels,
        document: &document,
    };
    let part = file.annotations.get();
    let annotations = seed
        .deserialize(&mut serde_json::Deserializer::from_str(part))
        .map_err(|e| json_error(json, part, &e))??;
    annotated_from_saved(document, labels, annotations, file.overlap_policy.into())
}

/// The parser's message for `part` of the file `json`, with the line and column (in bytes, as
/// the parser counts them) in the whole file.
fn json_error(json: &str, part: &str, error: &serde_json::Error) -> ImportError {
    let message = error.to_string();
    let at = format!(" at line {} column {}", error.line(), error.column());
    let what = message.strip_suffix(&at).unwrap_or(&message);
    let offset = (part.as_ptr() as usize).saturating_sub(json.as_ptr() as usize);
    let before = json.get(..offset).unwrap_or_default();
    let lines_before = before.matches('\n').count();
    let (line, column) = if error.line() <= 1 {
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        (1 + lines_before, offset - line_start + error.column())
    } else {
        (lines_before + error.line(), error.column())
    };
    ImportError::Json(format!("{what} at line {line} column {column}"))
}

/// Reads the list of spans, checking each against the labels and the text as it comes.
struct Spans<'s> {
    labels: &'s LabelSet,
    document: &'s Document,
}

impl Spans<'_> {
    fn check(&self, span: &AnnotationJson) -> Result<Annotation, ImportError> {
        let label = self
            .labels
            .by_name(&span.label)
            .ok_or_else(|| ImportError::UnknownLabel {
                annotation: span.id,
                label: span.label.clone().into_owned(),
            })?;
        let found = self.document.slice(span.start..span.end);
        if found != Some(span.text.as_ref()) {
            return Err(ImportError::TextMismatch {
                annotation: span.id,
                expected: span.text.clone().into_owned(),
                found: found.map(str::to_owned),
            });
        }
        Ok(Annotation {
            id: AnnotationId(span.id),
            start: span.start,
            end: span.end,
            label: label.id,
        })
    }
}

impl<'de> DeserializeSeed<'de> for Spans<'_> {
    type Value = Result<Vec<Annotation>, ImportError>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Spans<'_> {
    type Value = Result<Vec<Annotation>, ImportError>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of annotations")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut spans = Vec::new();
        while let Some(span) = seq.next_element::<AnnotationJson>()? {
            match self.check(&span) {
                Ok(annotation) => spans.push(annotation),
                Err(error) => {
                    // The parser wants the list read to its end.
                    while seq.next_element::<IgnoredAny>()?.is_some() {}
                    return Ok(Err(error));
                }
            }
        }
        Ok(Ok(spans))
    }
}
