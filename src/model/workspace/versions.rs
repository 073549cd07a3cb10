//! Several versions of one document: one per annotator, and a curated one. Versions of a
//! document share its id (else its text); each names its annotator, and a version with none is
//! the user's own, under the name they set. Offsets are Unicode code points.

use std::rc::Rc;

use super::Workspace;
use crate::model::annotated::AnnotatedDocument;
use crate::model::document::Document;
use crate::model::provenance::Provenance;

/// What the user's versions are called while they have set no name.
pub const UNNAMED: &str = "you";

/// The versions of one document in a workspace, by position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Versions {
    /// Each annotator's version, in workspace order.
    pub annotated: Vec<usize>,
    /// The curated version, if there is one.
    pub curated: Option<usize>,
}

/// A document left out because a document of the same id has another text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mismatch {
    /// Whose version it is.
    pub annotator: String,
    /// Its id.
    pub id: String,
}

/// `items` grouped by name, the groups in the order each name first comes.
pub fn grouped<T>(items: impl IntoIterator<Item = (String, T)>) -> Vec<(String, Vec<T>)> {
    let mut groups: Vec<(String, Vec<T>)> = Vec::new();
    for (name, item) in items {
        match groups.iter_mut().find(|(n, _)| *n == name) {
            Some((_, theirs)) => theirs.push(item),
            None => groups.push((name, vec![item])),
        }
    }
    groups
}

/// Whether `a` and `b` are versions of one document: the same id and text, or the same text.
fn same_document(a: &Document, b: &Document) -> bool {
    Rc::ptr_eq(&a.shared_text(), &b.shared_text()) || a.text() == b.text()
}

impl Workspace {
    /// The user's name as an annotator, if they set one.
    pub fn annotator(&self) -> Option<&str> {
        self.annotator.as_deref()
    }

    /// Sets the user's name (trimmed; a blank one unsets it); whether it changed.
    pub fn set_annotator(&mut self, name: &str) -> bool {
        let name = Some(name.trim()).filter(|n| !n.is_empty());
        if self.annotator() == name {
            return false;
        }
        self.annotator = name.map(Rc::from);
        true
    }

    /// `annotated` as the user's own version if it names them as its annotator.
    pub(super) fn as_own(&self, annotated: AnnotatedDocument) -> AnnotatedDocument {
        let theirs = annotated.document.annotator.as_deref();
        if theirs.is_none() || theirs != self.annotator() {
            return annotated;
        }
        AnnotatedDocument {
            document: Rc::new((*annotated.document).clone().by(None)),
            ..annotated
        }
    }

    /// Who annotated `document`: its annotator, else the user (by name, or [`UNNAMED`]).
    pub fn annotator_of<'a>(&'a self, document: &'a Document) -> &'a str {
        document
            .annotator
            .as_deref()
            .or(self.annotator())
            .unwrap_or(UNNAMED)
    }

    /// The versions of the document at `index` (itself included, if it takes part): those that
    /// take part (see [`Workspace::is_compared`]) and the curated one.
    pub fn versions(&self, index: usize) -> Versions {
        let mut versions = Versions::default();
        let Some(entry) = self.entries.get(index) else {
            return versions;
        };
        for (at, other) in self.entries.iter().enumerate() {
            if !same_document(&entry.document, &other.document) {
                continue;
            }
            if other.document.is_curated() {
                versions.curated = versions.curated.or(Some(at));
            } else if self.is_compared(at) {
                versions.annotated.push(at);
            }
        }
        versions
    }

    /// The document at `index` as exports write it: the user's own version names them as its
    /// annotator, once they set a name.
    pub fn exported(&self, index: usize) -> Option<AnnotatedDocument> {
        let annotated = self.annotated(index)?;
        match (&annotated.document.annotator, self.annotator()) {
            (None, Some(name)) => {
                let named = (*annotated.document).clone().by(Some(name.to_owned()));
                Some(AnnotatedDocument {
                    document: Rc::new(named),
                    ..annotated
                })
            }
            _ => Some(annotated),
        }
    }

    /// Whether the document at `index` takes part in agreement and curation: another
    /// annotator's version, or the user's own once they annotated it (a span, or marked done);
    /// not a curated version.
    pub fn is_compared(&self, index: usize) -> bool {
        self.entries.get(index).is_some_and(|entry| {
            let document = &entry.document;
            !document.is_curated()
                && (document.annotator.is_some() || !entry.store.is_empty() || entry.done)
        })
    }

    /// Every version that takes part (see [`Workspace::is_compared`]), grouped by who
    /// annotated it, in the order each annotator first comes.
    pub fn by_annotator(&self) -> Vec<(String, Vec<AnnotatedDocument>)> {
        let versions = (0..self.len())
            .filter(|&index| self.is_compared(index))
            .filter_map(|index| self.annotated(index))
            .map(|annotated| (self.annotator_of(&annotated.document).to_owned(), annotated));
        grouped(versions)
    }

    /// Per document, whether a curated version of it stands in for it (it is an annotator's
    /// version of a document that has one): what the tagger leaves out of its training.
    pub fn superseded(&self) -> Vec<bool> {
        let curated: std::collections::HashSet<&str> = self
            .entries
            .iter()
            .filter(|entry| entry.document.is_curated())
            .map(|entry| entry.document.text())
            .collect();
        self.entries
            .iter()
            .map(|entry| {
                let document = &entry.document;
                !curated.is_empty() && !document.is_curated() && curated.contains(document.text())
            })
            .collect()
    }

    /// `documents` without those whose id names a document (here, or earlier among them) with
    /// another text; those are returned apart, named.
    pub fn without_mismatches(
        &self,
        documents: Vec<(AnnotatedDocument, bool)>,
    ) -> (Vec<(AnnotatedDocument, bool)>, Vec<Mismatch>) {
        let mut texts: std::collections::HashMap<String, Rc<Document>> = self
            .entries
            .iter()
            .map(|entry| (entry.document.id.clone(), Rc::clone(&entry.document)))
            .collect();
        let (mut kept, mut mismatches) = (Vec::new(), Vec::new());
        for (annotated, done) in documents {
            let document = &annotated.document;
            match texts.get(&document.id) {
                Some(known) if !same_document(known, document) => mismatches.push(Mismatch {
                    annotator: self.annotator_of(document).to_owned(),
                    id: document.id.clone(),
                }),
                _ => {
                    texts
                        .entry(document.id.clone())
                        .or_insert_with(|| Rc::clone(document));
                    kept.push((annotated, done));
                }
            }
        }
        (kept, mismatches)
    }

    /// Gives the open document (a curated version) this provenance; its text, spans and
    /// history stay.
    pub fn set_provenance(&mut self, provenance: Provenance) {
        let document = (**self.document()).clone().curated(provenance);
        self.entry_mut(self.current).document = Rc::new(document);
    }
}
