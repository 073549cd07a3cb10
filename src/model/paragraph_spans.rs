//! Which annotations each paragraph shows, kept up to date edit by edit so that an edit only
//! rebuilds the lists (and so re-renders the paragraphs) it touches.

use std::ops::Range;
use std::rc::Rc;

use super::annotation::Annotation;
use super::document::Document;
use super::store::AnnotationStore;

/// For every paragraph, the annotations that overlap it, in text order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphSpans {
    per_paragraph: Vec<Rc<[Annotation]>>,
}

impl ParagraphSpans {
    /// Computes the lists of every paragraph.
    pub fn build(document: &Document, store: &AnnotationStore) -> Self {
        let per_paragraph = document
            .paragraphs()
            .iter()
            .map(|paragraph| spans_in(store, paragraph.chars.clone()))
            .collect();
        Self { per_paragraph }
    }

    /// Recomputes only the paragraphs that overlap `touched` (code points); the others keep
    /// their shared list, so they compare equal and do not re-render.
    pub fn refresh(&mut self, document: &Document, store: &AnnotationStore, touched: Range<usize>) {
        for index in document.paragraphs_overlapping(touched) {
            let chars = document.paragraphs()[index].chars.clone();
            self.per_paragraph[index] = spans_in(store, chars);
        }
    }

    /// The annotations overlapping paragraph `index`.
    pub fn get(&self, index: usize) -> Rc<[Annotation]> {
        self.per_paragraph
            .get(index)
            .cloned()
            .unwrap_or_else(|| Rc::from([]))
    }
}

fn spans_in(store: &AnnotationStore, chars: Range<usize>) -> Rc<[Annotation]> {
    store.overlapping(chars).copied().collect()
}
