//! The app's own JSON format (`"format": "article-annotator"`, version 1).
//!
//! Offsets are **Unicode code points**, start inclusive, end exclusive, so in Python
//! `doc["text"][a["start"]:a["end"]] == a["text"]` for every annotation `a`.

use std::borrow::Cow;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

pub use super::format_error::{ExportError, ImportError};
pub use super::native_reading::import;
use super::provenance_json::{curation_json, read_curation, CurationJson};

use crate::model::{
    AnnotatedDocument, Annotation, AnnotationStore, Document, LabelId, LabelSet, OverlapPolicy,
};

/// Value of the `format` field.
pub const FORMAT_NAME: &str = "article-annotator";
/// Value of the `version` field.
pub const FORMAT_VERSION: u32 = 1;
/// Value of the `offset_unit` field.
pub const OFFSET_UNIT: &str = "codepoint";

/// The whole file, as written (`native_reading` reads it in parts).
#[derive(Serialize)]
struct NativeFile<'a> {
    format: Cow<'a, str>,
    version: u32,
    offset_unit: Cow<'a, str>,
    #[serde(borrow)]
    document: DocumentJson<'a>,
    #[serde(borrow)]
    labels: Vec<LabelJson<'a>>,
    #[serde(borrow)]
    annotations: Vec<AnnotationJson<'a>>,
    /// `"nested-different-labels"` (the default when absent) or `"any"`.
    #[serde(default)]
    overlap_policy: PolicyJson,
}

#[derive(Serialize, Deserialize, Default, Clone, Copy)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum PolicyJson {
    #[default]
    NestedDifferentLabels,
    Any,
}

impl From<OverlapPolicy> for PolicyJson {
    fn from(policy: OverlapPolicy) -> Self {
        match policy {
            OverlapPolicy::NestedDifferentLabels => Self::NestedDifferentLabels,
            OverlapPolicy::Any => Self::Any,
        }
    }
}

impl From<PolicyJson> for OverlapPolicy {
    fn from(policy: PolicyJson) -> Self {
        match policy {
            PolicyJson::NestedDifferentLabels => Self::NestedDifferentLabels,
            PolicyJson::Any => Self::Any,
        }
    }
}

/// The document's part: its id, title, text, who annotated this version (absent: the
/// workspace's user), and a curated version's provenance (see `provenance_json`).
#[derive(Serialize, Deserialize)]
pub(crate) struct DocumentJson<'a> {
    #[serde(borrow)]
    pub(crate) id: Cow<'a, str>,
    #[serde(borrow)]
    pub(crate) title: Cow<'a, str>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(crate) annotator: Option<Cow<'a, str>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub(crate) curation: Option<CurationJson<'a>>,
    #[serde(borrow)]
    pub(crate) text: Cow<'a, str>,
}

impl<'a> DocumentJson<'a> {
    /// The part of `document`.
    pub(crate) fn of(document: &'a Document) -> Self {
        Self {
            id: Cow::Borrowed(&document.id),
            title: Cow::Borrowed(&document.title),
            annotator: document.annotator.as_deref().map(Cow::Borrowed),
            curation: document.provenance.as_deref().map(curation_json),
            text: Cow::Borrowed(document.text()),
        }
    }

    /// The document again, its provenance checked against its text.
    pub(crate) fn into_document(self) -> Result<Document, ImportError> {
        let document =
            Document::new(self.id, self.title, &self.text).by(self.annotator.map(Cow::into_owned));
        match &self.curation {
            Some(curation) => {
                let provenance = read_curation(curation, document.char_len())?;
                Ok(document.curated(provenance))
            }
            None => Ok(document),
        }
    }
}

/// A label as the native format and the label set file write it.
#[derive(Serialize, Deserialize)]
pub(crate) struct LabelJson<'a> {
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(borrow)]
    color: Cow<'a, str>,
    key: Option<String>,
    /// The label's id: only where spans are saved by id (the browser store's undo history).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<u32>,
}

/// A span as the file writes it.
#[derive(Serialize, Deserialize)]
pub(crate) struct AnnotationJson<'a> {
    pub(crate) id: u32,
    pub(crate) start: usize,
    pub(crate) end: usize,
    #[serde(borrow)]
    pub(crate) label: Cow<'a, str>,
    #[serde(borrow)]
    pub(crate) text: Cow<'a, str>,
    /// In a curated version, who marked the span (none: the curator).
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    sources: Option<Vec<&'a str>>,
}

/// Whether `content` looks like this format: a JSON object whose first key is `format`, as
/// this app writes it. Cheap, for choosing a reader before parsing a large file.
pub fn looks_native(content: &str) -> bool {
    let start = content.trim_start();
    let head: String = start.chars().take(200).collect();
    start.starts_with('{') && head.contains("\"format\"")
}

/// Writes the native JSON file, indented for people, re-checking every span against the text.
pub fn export(annotated: &AnnotatedDocument) -> Result<String, ExportError> {
    write(annotated, true)
}

/// The same file on one line: smaller and faster, for autosave.
pub fn export_compact(annotated: &AnnotatedDocument) -> Result<String, ExportError> {
    write(annotated, false)
}

fn write(annotated: &AnnotatedDocument, pretty: bool) -> Result<String, ExportError> {
    let document = &annotated.document;
    let labels = labels_json(&annotated.labels);
    let annotations = annotated
        .annotations_with_text()
        .map_err(ExportError::OutOfRange)?
        .into_iter()
        .map(|(a, text)| AnnotationJson {
            id: a.id.0,
            start: a.start,
            end: a.end,
            label: Cow::Borrowed(annotated.labels.name_of(a.label)),
            text: Cow::Borrowed(text),
            sources: document.provenance.as_ref().map(|provenance| {
                provenance.sources_of(a.start, a.end, annotated.labels.name_of(a.label))
            }),
        })
        .collect();
    let file = NativeFile {
        format: Cow::Borrowed(FORMAT_NAME),
        version: FORMAT_VERSION,
        offset_unit: Cow::Borrowed(OFFSET_UNIT),
        document: DocumentJson::of(document),
        labels,
        annotations,
        overlap_policy: annotated.store.policy().into(),
    };
    let json = if pretty {
        serde_json::to_string_pretty(&file)
    } else {
        serde_json::to_string(&file)
    };
    json.map_err(|error| ExportError::Json(error.to_string()))
}

/// A document with its saved spans, checked against the text and the overlap policy (a native
/// file's and a browser store record's alike); the first span that does not fit is named.
pub(crate) fn annotated_from_saved(
    document: Document,
    labels: LabelSet,
    annotations: Vec<Annotation>,
    policy: OverlapPolicy,
) -> Result<AnnotatedDocument, ImportError> {
    let store = AnnotationStore::from_saved(&document, annotations, policy).map_err(
        |(annotation, reason)| ImportError::InvalidSpan {
            annotation: annotation.id.0,
            reason,
        },
    )?;
    Ok(AnnotatedDocument {
        document: Rc::new(document),
        labels: Rc::new(labels),
        store,
    })
}

/// The labels as the file writes them.
pub(crate) fn labels_json(labels: &LabelSet) -> Vec<LabelJson<'_>> {
    labels
        .iter()
        .map(|label| LabelJson {
            name: Cow::Borrowed(&label.name),
            color: Cow::Borrowed(&label.color),
            key: label.key.map(String::from),
            id: None,
        })
        .collect()
}

/// The labels with their ids, for records that name labels by id.
pub(crate) fn labels_json_with_ids(labels: &LabelSet) -> Vec<LabelJson<'_>> {
    let mut written = labels_json(labels);
    for (json, label) in written.iter_mut().zip(labels.iter()) {
        json.id = Some(label.id.0);
    }
    written
}

/// The labels of a file, checking each key is one character.
pub(crate) fn read_labels(labels: &[LabelJson]) -> Result<LabelSet, ImportError> {
    if let Some(at) = labels.iter().position(|label| label.name.trim().is_empty()) {
        return Err(ImportError::EmptyLabelName(at + 1));
    }
    let keys = labels
        .iter()
        .map(
            |label| match label.key.as_deref().map(|k| (k, k.chars().count())) {
                None => Ok(None),
                Some((key, 1)) => Ok(key.chars().next()),
                Some((key, _)) => Err(ImportError::BadLabelKey(key.to_owned())),
            },
        )
        .collect::<Result<Vec<_>, _>>()?;
    let set = LabelSet::from_specs(
        labels
            .iter()
            .zip(keys)
            .map(|(label, key)| (label.name.as_ref(), label.color.as_ref(), key)),
    );
    let ids: Option<Vec<LabelId>> = labels.iter().map(|l| l.id.map(LabelId)).collect();
    match ids {
        Some(ids) => set.with_ids(&ids).map_err(|_| ImportError::BadLabelIds),
        None => Ok(set),
    }
}
