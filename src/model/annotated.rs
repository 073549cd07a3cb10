//! A document together with its labels and annotations: what is saved and exported.

use std::rc::Rc;

use super::document::Document;
use super::label::LabelSet;
use super::store::AnnotationStore;

/// One article with everything annotated on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotatedDocument {
    /// The article, shared and immutable.
    pub document: Rc<Document>,
    /// The labels in use.
    pub labels: Rc<LabelSet>,
    /// The spans and their history.
    pub store: AnnotationStore,
}

impl AnnotatedDocument {
    /// A document with the default labels and no annotations.
    pub fn new(document: Document) -> Self {
        Self {
            document: Rc::new(document),
            labels: Rc::new(LabelSet::default_set()),
            store: AnnotationStore::new(),
        }
    }
}
