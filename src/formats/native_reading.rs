//! Reading the app's own JSON format (see `native_json`) in one pass over the file, so that
//! opening a large document holds little beside its text: the header and labels, the document
//! (by a parser of its own, whose buffer for the unescaped text is freed before the spans are
//! read), then the spans one at a time, each checked and kept as an [`Annotation`] as it is
//! read. Offsets are Unicode code points.
//!
//! Read whole, a 1 MB document with 10,000 spans held the file, the parser's buffer of the
//! text, the text, every span's JSON record and the document at once (3.8 MB beside the file);
//! in parts, at most the text twice over and the document (2.3 MB). The parts are read as they
//! come, in the order this app writes them; a part that comes before what it needs (spans
//! before their labels, in a file edited by hand) is kept as raw JSON and read at the end.

use std::borrow::Cow;
use std::fmt;

use serde::de::{
    DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::value::RawValue;

use super::native_json::{
    annotated_from_saved, read_labels, AnnotationJson, DocumentJson, LabelJson, PolicyJson,
    FORMAT_NAME, FORMAT_VERSION, OFFSET_UNIT,
};
use super::ImportError;
use crate::model::{AnnotatedDocument, Annotation, AnnotationId, Document, LabelSet};

/// Reads a native JSON file, refusing it whole if any span does not match its text.
pub fn import(json: &str) -> Result<AnnotatedDocument, ImportError> {
    let mut parser = serde_json::Deserializer::from_str(json);
    let file = parser
        .deserialize_struct("NativeParts", &FIELDS, FileVisitor(json))
        .and_then(|file| parser.end().map(|()| file))
        .map_err(|e| json_error(json, json, &e))?;
    file.finish(json)
}

/// The file's keys, in the order this app writes them.
const FIELDS: [&str; 7] = [
    "format",
    "version",
    "offset_unit",
    "document",
    "labels",
    "annotations",
    "overlap_policy",
];

/// A part of the file: read as it came, or kept as raw JSON to read at the end.
enum Part<'a, T> {
    Read(Result<T, ImportError>),
    Raw(&'a RawValue),
}

/// The file as read in one pass, every key there; what it means is judged by
/// [`NativeParts::finish`].
struct NativeParts<'a> {
    format: Cow<'a, str>,
    version: u32,
    offset_unit: Cow<'a, str>,
    document: Part<'a, Document>,
    labels: Result<LabelSet, ImportError>,
    annotations: Part<'a, Vec<Annotation>>,
    overlap_policy: PolicyJson,
}

/// The keys read so far, while the file is read.
#[derive(Default)]
struct Seen<'a> {
    format: Option<Cow<'a, str>>,
    version: Option<u32>,
    offset_unit: Option<Cow<'a, str>>,
    document: Option<Part<'a, Document>>,
    labels: Option<Result<LabelSet, ImportError>>,
    annotations: Option<Part<'a, Vec<Annotation>>>,
    overlap_policy: Option<PolicyJson>,
}

impl Seen<'_> {
    /// Whether the header says this app's format, version and offset unit.
    fn header_holds(&self) -> bool {
        self.format.as_deref() == Some(FORMAT_NAME)
            && self.version == Some(FORMAT_VERSION)
            && self.offset_unit.as_deref() == Some(OFFSET_UNIT)
    }

    /// The document, if it was read and holds.
    fn document(&self) -> Option<&Document> {
        match &self.document {
            Some(Part::Read(Ok(document))) => Some(document),
            _ => None,
        }
    }
}

impl NativeParts<'_> {
    /// The document and its spans, judged in the file's order of checks: the header, the
    /// labels, the document, the spans.
    fn finish(self, json: &str) -> Result<AnnotatedDocument, ImportError> {
        if self.format != FORMAT_NAME {
            return Err(ImportError::WrongFormat(self.format.into_owned()));
        }
        if self.version != FORMAT_VERSION {
            return Err(ImportError::UnsupportedVersion(self.version));
        }
        if self.offset_unit != OFFSET_UNIT {
            return Err(ImportError::UnsupportedOffsetUnit(
                self.offset_unit.into_owned(),
            ));
        }
        let labels = self.labels?;
        let document = match self.document {
            Part::Read(document) => document?,
            Part::Raw(raw) => read_document(json, raw)?,
        };
        let annotations = match self.annotations {
            Part::Read(annotations) => annotations?,
            Part::Raw(raw) => Spans {
                labels: &labels,
                document: &document,
            }
            .deserialize(&mut serde_json::Deserializer::from_str(raw.get()))
            .map_err(|e| json_error(json, raw.get(), &e))??,
        };
        let policy = self.overlap_policy.into();
        annotated_from_saved(document, labels, annotations, policy)
    }
}

/// The document part `raw` of the file `json`.
fn read_document(json: &str, raw: &RawValue) -> Result<Document, ImportError> {
    serde_json::from_str::<DocumentJson>(raw.get())
        .map_err(|e| json_error(json, raw.get(), &e))?
        .into_document()
}

/// Reads the file's parts as they come (see the module's comment); holds the whole file,
/// for placing a mistake in it.
struct FileVisitor<'j>(&'j str);

impl<'de> Visitor<'de> for FileVisitor<'_> {
    type Value = NativeParts<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct NativeParts")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut file = Seen::default();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let key = key.as_ref();
            let taken = match key {
                "format" => once(&mut file.format, map.next_value()?),
                "version" => once(&mut file.version, map.next_value()?),
                "offset_unit" => once(&mut file.offset_unit, map.next_value()?),
                "overlap_policy" => once(&mut file.overlap_policy, map.next_value()?),
                "labels" => {
                    let labels: Vec<LabelJson> = map.next_value()?;
                    once(&mut file.labels, read_labels(&labels))
                }
                "document" => {
                    // Taken raw and read by a parser of its own, whose buffer for the text
                    // (unescaped) is freed before the spans are read.
                    let raw: &RawValue = map.next_value()?;
                    let part = if file.header_holds() {
                        Part::Read(read_document(self.0, raw))
                    } else {
                        Part::Raw(raw)
                    };
                    once(&mut file.document, part)
                }
                "annotations" => {
                    let ready = (file.header_holds(), file.document(), &file.labels);
                    let part = match ready {
                        (true, Some(document), Some(Ok(labels))) => {
                            Part::Read(map.next_value_seed(Spans { labels, document })?)
                        }
                        _ => Part::Raw(map.next_value()?),
                    };
                    once(&mut file.annotations, part)
                }
                _ => map.next_value::<IgnoredAny>().map(|_| true)?,
            };
            if !taken {
                return Err(A::Error::duplicate_field(field(key)));
            }
        }
        Ok(NativeParts {
            format: required(file.format, "format")?,
            version: required(file.version, "version")?,
            offset_unit: required(file.offset_unit, "offset_unit")?,
            document: required(file.document, "document")?,
            labels: required(file.labels, "labels")?,
            annotations: required(file.annotations, "annotations")?,
            overlap_policy: file.overlap_policy.unwrap_or_default(),
        })
    }
}

/// The value of a key the file must have, or the parser's error naming it.
fn required<T, E: serde::de::Error>(value: Option<T>, key: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(key))
}

/// Sets `slot` to `value` unless it was set already (a key given twice).
fn once<T>(slot: &mut Option<T>, value: T) -> bool {
    let free = slot.is_none();
    if free {
        *slot = Some(value);
    }
    free
}

/// The `'static` name of one of the file's keys.
fn field(key: &str) -> &'static str {
    FIELDS.into_iter().find(|field| *field == key).unwrap_or("")
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
