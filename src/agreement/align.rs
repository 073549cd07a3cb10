//! Several annotators' files of the same documents, matched: by document id, else by identical
//! text. A version whose text differs from the document's of the same id is named and left out.

use std::collections::HashMap;
use std::rc::Rc;

use super::{spans_of, Span};
pub use crate::model::workspace::Mismatch;
use crate::model::{AnnotatedDocument, Document};

/// One document and each annotator's spans of it (`None`: that annotator has no version).
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedDocument {
    /// The document (its first version's id, title and text).
    pub document: Rc<Document>,
    /// Per annotator, in the order given, the spans of their version.
    pub versions: Vec<Option<Vec<Span>>>,
}

/// The documents of several annotators, matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Aligned {
    /// The annotators' names, in the order given.
    pub annotators: Vec<String>,
    /// The documents, in the order first seen.
    pub documents: Vec<AlignedDocument>,
    /// Versions left out because their text differs.
    pub mismatches: Vec<Mismatch>,
}

/// Matches the documents of `annotators` (each a name and the documents of their files).
pub fn align(annotators: &[(String, Vec<AnnotatedDocument>)]) -> Aligned {
    let count = annotators.len();
    let mut documents: Vec<AlignedDocument> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut by_text: HashMap<Rc<str>, usize> = HashMap::new();
    let mut mismatches = Vec::new();
    for (who, (name, theirs)) in annotators.iter().enumerate() {
        for version in theirs {
            let (id, text) = (&version.document.id, version.document.shared_text());
            let at = match by_id.get(id).copied() {
                Some(at) if documents[at].document.text() != &*text => {
                    mismatches.push(Mismatch {
                        annotator: name.clone(),
                        id: id.clone(),
                    });
                    continue;
                }
                Some(at) => at,
                None => *by_text.entry(text).or_insert_with(|| {
                    documents.push(AlignedDocument {
                        document: Rc::clone(&version.document),
                        versions: vec![None; count],
                    });
                    documents.len() - 1
                }),
            };
            by_id.entry(id.clone()).or_insert(at);
            let slot = &mut documents[at].versions[who];
            match slot {
                // A second version by the same annotator: their spans together.
                Some(spans) => {
                    spans.extend(spans_of(version));
                    spans.sort();
                    spans.dedup();
                }
                None => *slot = Some(spans_of(version)),
            }
        }
    }
    Aligned {
        annotators: annotators.iter().map(|(name, _)| name.clone()).collect(),
        documents,
        mismatches,
    }
}
