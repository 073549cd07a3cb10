//! Shared helpers for the native workspace tests: documents from text, the code point range
//! of a word, tagging it in the open document.
#![allow(dead_code)] // each test binary uses a different subset

use std::ops::Range;

use article_annotator::model::{AnnotatedDocument, Document, LabelId, Workspace};

/// A document with this id (also its title) and text, under the default labels.
pub fn doc(id: &str, text: &str) -> AnnotatedDocument {
    AnnotatedDocument::new(Document::new(id, id, text))
}

/// The code point range of the first `needle` in `text`.
pub fn range_of(text: &str, needle: &str) -> Range<usize> {
    let byte = text.find(needle).expect("needle");
    let start = text[..byte].chars().count();
    start..start + needle.chars().count()
}

/// Tags the first `needle` of the open document with `label`.
pub fn tag(workspace: &mut Workspace, needle: &str, label: LabelId) {
    let document = workspace.document().clone();
    let range = range_of(document.text(), needle);
    workspace
        .store_mut()
        .add(&document, range, label)
        .expect("tagged");
}
