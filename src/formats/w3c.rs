//! W3C Web Annotation JSON-LD: an `AnnotationCollection` whose annotations tag a span with a
//! `TextualBody` (purpose `tagging`, value = label) and select it twice, by
//! `TextQuoteSelector` (exact, prefix, suffix) and by `TextPositionSelector`.
//!
//! Offsets are **Unicode code points**, as the Web Annotation model requires, start inclusive,
//! end exclusive. Annotations point at their source document and do not carry its text, so
//! import needs the text they were made on (the open document, or `--text` on the command line).

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::format_error::{syntax, FormatError};
use super::labeled_text::{LabeledText, Place, SpanRecord};

/// Code points of context kept on each side of a quote.
const CONTEXT_CHARS: usize = 32;

/// The IRI naming a document: `urn:article-annotator:<id, percent-encoded>`.
pub fn source_iri(id: &str) -> String {
    let mut iri = String::from("urn:article-annotator:");
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            iri.push(byte as char);
        } else {
            iri.push_str(&format!("%{byte:02X}"));
        }
    }
    iri
}

/// The collection for one document.
fn collection(document: &LabeledText) -> Value {
    let chars: Vec<char> = document.text.chars().collect();
    let source = source_iri(&document.id);
    let piece = |from: usize, to: usize| -> String { chars[from..to].iter().collect() };
    let items: Vec<Value> = document
        .spans
        .iter()
        .enumerate()
        .map(|(index, span)| {
            let (start, end) = (span.start.min(chars.len()), span.end.min(chars.len()));
            json!({
                "id": format!("{source}:annotation:{}", index + 1),
                "type": "Annotation",
                "motivation": "tagging",
                "body": {"type": "TextualBody", "purpose": "tagging", "value": span.label},
                "target": {
                    "source": source,
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": piece(start, end),
                            "prefix": piece(start.saturating_sub(CONTEXT_CHARS), start),
                            "suffix": piece(end, (end + CONTEXT_CHARS).min(chars.len())),
                        },
                        {"type": "TextPositionSelector", "start": span.start, "end": span.end}
                    ]
                }
            })
        })
        .collect();
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("{source}:annotations"),
        "type": "AnnotationCollection",
        "label": document.title,
        "total": items.len(),
        "first": {"type": "AnnotationPage", "items": items}
    })
}

/// The collection of one document; several documents give an array of collections.
pub fn export(documents: &[LabeledText]) -> Result<String, FormatError> {
    let value = match documents {
        [document] => collection(document),
        _ => Value::Array(documents.iter().map(collection).collect()),
    };
    let mut json = serde_json::to_string_pretty(&value).map_err(|e| syntax(Place::File, e))?;
    json.push('\n');
    Ok(json)
}

#[derive(Deserialize, Serialize)]
struct Annotation {
    #[serde(default)]
    body: Option<OneOrMany<Body>>,
    target: Target,
}

#[derive(Deserialize, Serialize)]
#[serde(untagged)]
enum OneOrMany<T> {
    // Tried first: a `Value` would also take an array as one item.
    Many(Vec<T>),
    One(T),
}

impl<T> OneOrMany<T> {
    fn into_vec(self) -> Vec<T> {
        match self {
            Self::One(one) => vec![one],
            Self::Many(many) => many,
        }
    }
}

#[derive(Deserialize, Serialize)]
struct Body {
    #[serde(default)]
    purpose: Option<String>,
    #[serde(default)]
    value: Option<String>,
}

#[derive(Deserialize, Serialize)]
struct Target {
    #[serde(default)]
    selector: Option<OneOrMany<Value>>,
}

/// The annotations of a collection, a page, an array, or a single annotation.
fn annotation_values(value: Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items.into_iter().flat_map(annotation_values).collect(),
        Value::Object(mut object) => {
            if let Some(first) = object.remove("first") {
                annotation_values(first)
            } else if let Some(items) = object.remove("items") {
                annotation_values(items)
            } else {
                vec![Value::Object(object)]
            }
        }
        _ => Vec::new(),
    }
}

/// Reads the annotations against `text`; each needs a tagging body and a position selector,
/// and a quote selector, if present, must match what the position selects.
pub fn import(input: &str, text: &str, id: &str, title: &str) -> Result<LabeledText, FormatError> {
    let value: Value = serde_json::from_str(input).map_err(|e| syntax(Place::File, e))?;
    let mut document = LabeledText {
        id: id.to_owned(),
        title: title.to_owned(),
        text: text.to_owned(),
        spans: Vec::new(),
        place: Place::File,
    };
    for (index, value) in annotation_values(value).into_iter().enumerate() {
        let place = Place::Record(index + 1);
        let annotation: Annotation = serde_json::from_value(value).map_err(|e| syntax(place, e))?;
        let label = annotation
            .body
            .into_iter()
            .flat_map(OneOrMany::into_vec)
            .find(|body| body.purpose.as_deref().is_none_or(|p| p == "tagging"))
            .and_then(|body| body.value)
            .ok_or_else(|| syntax(place, "the annotation has no tagging body with a value"))?;
        let selectors = annotation
            .target
            .selector
            .map(OneOrMany::into_vec)
            .unwrap_or_default();
        let field = |kind: &str, name: &str| {
            selectors
                .iter()
                .find(|s| s["type"] == kind)
                .map(|s| s[name].clone())
        };
        let position = (
            field("TextPositionSelector", "start").and_then(|v| v.as_u64()),
            field("TextPositionSelector", "end").and_then(|v| v.as_u64()),
        );
        let (Some(start), Some(end)) = position else {
            return Err(syntax(place, "the annotation has no TextPositionSelector"));
        };
        let exact = field("TextQuoteSelector", "exact").and_then(|v| v.as_str().map(String::from));
        document.spans.push(SpanRecord {
            start: start as usize,
            end: end as usize,
            label,
            text: exact,
        });
    }
    Ok(document)
}
