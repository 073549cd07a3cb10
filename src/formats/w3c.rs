//! W3C Web Annotation JSON-LD: an `AnnotationCollection` whose annotations tag a span with a
//! `TextualBody` (purpose `tagging`, value = label) and select it twice, by
//! `TextQuoteSelector` (exact, prefix, suffix) and by `TextPositionSelector`; where the
//! annotator is known, each annotation's `creator` is `{"type": "Person", "name": …}`.
//!
//! Offsets are **Unicode code points**, as the Web Annotation model requires, start inclusive,
//! end exclusive. Annotations point at their source document and do not carry its text, so
//! import needs the text they were made on (the open document, or `--text` on the command line).

use serde::Serialize;
use serde_json::Value;

use super::format_error::{syntax, FormatError};
use super::json_fields::{as_index, parse, Fields};
use super::labeled_text::{LabeledText, Place, SpanRecord};
use super::w3c_graph::annotations;

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

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Page<'a> {
    /// The Web Annotation model (§5.2) requires every page to have an id.
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    items: Vec<AnnotationOut<'a>>,
}

#[derive(Serialize)]
struct AnnotationOut<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    /// Who made it, where known (a Person agent with a name).
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Creator<'a>>,
    body: Body<'a>,
    target: TargetOut<'a>,
}

#[derive(Serialize)]
struct Creator<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: &'a str,
}

#[derive(Serialize)]
struct TargetOut<'a> {
    source: &'a str,
    selector: [Selector; 2],
}

/// A selector as written; each kind uses some of the fields.
#[derive(Serialize, Default)]
struct Selector {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suffix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
}

/// The collection for one document.
fn collection<'a>(document: &'a LabeledText, source: &'a str) -> Collection<'a> {
    let chars: Vec<char> = document.text.chars().collect();
    let piece = |from: usize, to: usize| -> String { chars[from..to].iter().collect() };
    let items: Vec<AnnotationOut> = document
        .spans
        .iter()
        .enumerate()
        .map(|(index, span)| {
            let (start, end) = (span.start.min(chars.len()), span.end.min(chars.len()));
            let quote = Selector {
                kind: "TextQuoteSelector".into(),
                exact: Some(piece(start, end)),
                prefix: Some(piece(start.saturating_sub(CONTEXT_CHARS), start)),
                suffix: Some(piece(end, (end + CONTEXT_CHARS).min(chars.len()))),
                ..Selector::default()
            };
            let position = Selector {
                kind: "TextPositionSelector".into(),
                start: Some(span.start),
                end: Some(span.end),
                ..Selector::default()
            };
            AnnotationOut {
                id: format!("{source}:annotation:{}", index + 1),
                kind: "Annotation",
                motivation: "tagging",
                creator: document.annotator.as_deref().map(|name| Creator {
                    kind: "Person",
                    name,
                }),
                body: Body {
                    kind: "TextualBody",
                    purpose: "tagging",
                    value: &span.label,
                },
                target: TargetOut {
                    source,
                    selector: [quote, position],
                },
            }
        })
        .collect();
    Collection {
        context: "http://www.w3.org/ns/anno.jsonld",
        id: format!("{source}:annotations"),
        kind: "AnnotationCollection",
        label: &document.title,
        total: items.len(),
        first: Page {
            id: format!("{source}:annotations:page-1"),
            kind: "AnnotationPage",
            items,
        },
    }
}

/// The collection of one document; several documents give an array of collections.
pub fn export(documents: &[LabeledText]) -> Result<String, FormatError> {
    let sources: Vec<String> = documents.iter().map(|d| source_iri(&d.id)).collect();
    let collections: Vec<Collection> = documents
        .iter()
        .zip(&sources)
        .map(|(document, source)| collection(document, source))
        .collect();
    let json = match collections.as_slice() {
        [one] => serde_json::to_string_pretty(one),
        _ => serde_json::to_string_pretty(&collections),
    };
    let mut json = json.map_err(|e| syntax(Place::File, e))?;
    json.push('\n');
    Ok(json)
}

/// The name of an annotation's creator: a string, or the first agent's `name` (or
/// `nickname`); an IRI alone names nobody readable.
fn creator_name(creator: Option<&Value>) -> Option<String> {
    one_or_many(creator).iter().find_map(|agent| match agent {
        Value::String(name) if !name.contains(':') => Some(name.clone()),
        Value::Object(agent) => ["name", "nickname"]
            .iter()
            .find_map(|key| agent.get(*key)?.as_str())
            .map(str::to_owned),
        _ => None,
    })
}

/// A JSON-LD value that may be one object or an array of them.
pub(crate) fn one_or_many(value: Option<&Value>) -> &[Value] {
    match value {
        Some(Value::Array(items)) => items,
        Some(one) => std::slice::from_ref(one),
        None => &[],
    }
}

/// Reads the annotations against `text`; each needs a tagging body and a position selector,
/// and a quote selector, if present, must match what the position selects.
pub fn import(input: &str, text: &str, id: &str, title: &str) -> Result<LabeledText, FormatError> {
    let mut found = Vec::new();
    annotations(&parse(input, Place::File)?, &mut found);
    let mut document = LabeledText {
        id: id.to_owned(),
        title: title.to_owned(),
        text: text.to_owned(),
        spans: Vec::new(),
        annotator: None,
        reading: None,
        place: Place::File,
    };
    for (index, annotation) in found.iter().enumerate() {
        let place = Place::Record(index + 1);
        let annotation = Fields::of(annotation, place, "an annotation")?;
        let tag = one_or_many(annotation.get("body")).iter().find(|body| {
            body.get("purpose")
                .and_then(Value::as_str)
                .is_none_or(|p| p == "tagging")
        });
        let label = tag
            .and_then(|body| body.get("value"))
            .and_then(Value::as_str)
            .ok_or_else(|| syntax(place, "the annotation has no tagging body with a value"))?;
        // One target, or a list of them (as a JSON-LD processor may write it): the first.
        let target = one_or_many(annotation.get("target")).first();
        let selectors = one_or_many(target.and_then(|t| t.get("selector")));
        let of_kind = |kind: &str| {
            selectors
                .iter()
                .find(|s| s.get("type").and_then(Value::as_str) == Some(kind))
        };
        let position = of_kind("TextPositionSelector")
            .and_then(|s| Some((as_index(s.get("start")?)?, as_index(s.get("end")?)?)));
        let Some((start, end)) = position else {
            return Err(syntax(place, "the annotation has no TextPositionSelector"));
        };
        let exact = of_kind("TextQuoteSelector").and_then(|s| s.get("exact")?.as_str());
        if document.annotator.is_none() {
            document.annotator = creator_name(annotation.get("creator"));
        }
        document.spans.push(SpanRecord {
            start,
            end,
            label: label.to_owned(),
            text: exact.map(str::to_owned),
        });
    }
    Ok(document)
}
