//! Documents as they cross between the page and the converters' worker: each as its text,
//! labels and spans, already checked, so neither side parses or validates it again. A list of
//! documents crosses as one [`DocumentBatch`]: packed into one byte buffer (postcard), which
//! `postMessage` copies as a block, instead of a JavaScript object per document, label and
//! string (building and reading those cost the worker and the page about 100 ms per thousand
//! articles, before V8 optimised the code). Offsets are Unicode code points.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::format_error::FormatError;
use super::labeled_text::Place;
use crate::model::{
    AnnotatedDocument, Annotation, AnnotationId, AnnotationStore, Document, LabelId, LabelSet,
    OverlapPolicy, Provenance,
};

/// One label as it crosses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelData {
    /// Its id, as spans name it.
    pub id: u32,
    /// Its name.
    pub name: String,
    /// Its CSS hex colour.
    pub color: String,
    /// Its key.
    pub key: Option<char>,
}

/// Spans as they cross: each (id, start, end, label id) as four little-endian `u32`s in one
/// byte buffer, so 10,000 spans cross as one `Uint8Array` instead of 10,000 JavaScript arrays
/// (less time on both sides, and less garbage). Offsets are code points.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanTable(#[serde(with = "serde_bytes")] Vec<u8>);

impl SpanTable {
    /// Adds one span.
    pub fn push(&mut self, (id, start, end, label): (u32, usize, usize, u32)) {
        for value in [id, start as u32, end as u32, label] {
            self.0.extend(value.to_le_bytes());
        }
    }

    /// The spans, in order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, usize, usize, u32)> + '_ {
        self.0.chunks_exact(16).map(|span| {
            let at =
                |i: usize| u32::from_le_bytes([span[i], span[i + 1], span[i + 2], span[i + 3]]);
            (at(0), at(4) as usize, at(8) as usize, at(12))
        })
    }

    /// How many spans.
    pub fn len(&self) -> usize {
        self.0.len() / 16
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.len() < 16
    }
}

impl FromIterator<(u32, usize, usize, u32)> for SpanTable {
    fn from_iter<I: IntoIterator<Item = (u32, usize, usize, u32)>>(spans: I) -> Self {
        let mut table = Self::default();
        for span in spans {
            table.push(span);
        }
        table
    }
}

/// One document as it crosses, with its done mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentData {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Who annotated this version (`None`: the workspace's user).
    pub annotator: Option<String>,
    /// A curated version's provenance.
    pub provenance: Option<Provenance>,
    /// Its text.
    pub text: String,
    /// Its labels.
    pub labels: Vec<LabelData>,
    /// Its spans as (id, start, end, label id), in text order; offsets in code points.
    pub spans: SpanTable,
    /// Whether any overlap is allowed.
    pub any_overlap: bool,
    /// Whether it is marked done.
    pub done: bool,
}

impl DocumentData {
    /// The document as it crosses.
    pub fn of(annotated: &AnnotatedDocument, done: bool) -> Self {
        let document = &annotated.document;
        Self {
            id: document.id.clone(),
            title: document.title.clone(),
            annotator: document.annotator.clone(),
            provenance: document.provenance.as_deref().cloned(),
            text: document.text().to_owned(),
            labels: annotated
                .labels
                .iter()
                .map(|label| LabelData {
                    id: label.id.0,
                    name: label.name.clone(),
                    color: label.color.clone(),
                    key: label.key,
                })
                .collect(),
            spans: annotated
                .store
                .iter()
                .map(|a| (a.id.0, a.start, a.end, a.label.0))
                .collect(),
            any_overlap: annotated.store.policy() == OverlapPolicy::Any,
            done,
        }
    }

    /// The document again, with its done mark. Its spans were checked where it was made, so
    /// they are not checked again; only label ids that fit nothing are refused.
    pub fn into_annotated(self) -> Result<(AnnotatedDocument, bool), FormatError> {
        let specs = self
            .labels
            .iter()
            .map(|l| (l.name.as_str(), l.color.as_str(), l.key));
        let ids: Vec<LabelId> = self.labels.iter().map(|l| LabelId(l.id)).collect();
        let labels = LabelSet::from_specs(specs)
            .with_ids(&ids)
            .map_err(|_| FormatError::Native(super::ImportError::BadLabelIds))?;
        let annotations: Vec<Annotation> = self
            .spans
            .iter()
            .map(|(id, start, end, label)| Annotation {
                id: AnnotationId(id),
                start,
                end,
                label: LabelId(label),
            })
            .collect();
        if let Some(a) = annotations.iter().find(|a| labels.get(a.label).is_none()) {
            return Err(FormatError::Native(super::ImportError::UnknownLabel {
                annotation: a.id.0,
                label: format!("#{}", a.label.0),
            }));
        }
        let policy = if self.any_overlap {
            OverlapPolicy::Any
        } else {
            OverlapPolicy::NestedDifferentLabels
        };
        let document = Document::new(self.id, self.title, &self.text).by(self.annotator);
        let document = match self.provenance {
            Some(provenance) => document.curated(provenance),
            None => document,
        };
        let annotated = AnnotatedDocument {
            document: Rc::new(document),
            labels: Rc::new(labels),
            store: AnnotationStore::from_checked(annotations, policy),
        };
        Ok((annotated, self.done))
    }
}

/// Documents packed into one byte buffer (postcard) that crosses as one `Uint8Array`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentBatch(#[serde(with = "serde_bytes")] Vec<u8>);

impl DocumentBatch {
    /// The documents, packed.
    pub fn pack(documents: &[DocumentData]) -> Self {
        // Every field has a postcard form, so packing cannot fail; were it to, the empty
        // buffer would be refused when unpacked.
        Self(postcard::to_allocvec(documents).unwrap_or_default())
    }

    /// The documents of `annotated`, each with its done mark, packed.
    pub fn of<'a>(annotated: impl IntoIterator<Item = (&'a AnnotatedDocument, bool)>) -> Self {
        let documents: Vec<DocumentData> = annotated
            .into_iter()
            .map(|(document, done)| DocumentData::of(document, done))
            .collect();
        Self::pack(&documents)
    }

    /// The documents again.
    pub fn unpack(&self) -> Result<Vec<DocumentData>, FormatError> {
        postcard::from_bytes(&self.0).map_err(|error| FormatError::Syntax {
            place: Place::File,
            message: format!("the documents did not cross whole ({error})"),
        })
    }

    /// The documents again, each with its done mark, ready for the workspace.
    pub fn into_annotated(&self) -> Result<Vec<(AnnotatedDocument, bool)>, FormatError> {
        self.unpack()?
            .into_iter()
            .map(DocumentData::into_annotated)
            .collect()
    }
}
