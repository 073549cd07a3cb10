//! Which annotations each paragraph shows, kept up to date edit by edit so that an edit only
//! rebuilds the lists (and so re-renders the paragraphs) it touches. Paragraphs are grouped
//! in chunks of [`CHUNK_PARAGRAPHS`], or more in a document of very many paragraphs, so that
//! there are never more than [`MOST_CHUNKS`]; a chunk's list is shared, so an unchanged chunk
//! is one pointer comparison.

use std::ops::Range;
use std::rc::Rc;

use super::annotation::Annotation;
use super::document::Document;
use super::store::AnnotationStore;

/// Paragraphs per chunk, at least: the renderer's unit of memoization and of off-screen
/// skipping.
pub const CHUNK_PARAGRAPHS: usize = 16;

/// Most chunks a document is cut into: past this, chunks hold more paragraphs, as every chunk
/// costs the page elements and a viewport watcher even while off screen.
pub const MOST_CHUNKS: usize = 2_048;

/// Paragraphs per chunk for a document of `paragraphs` paragraphs.
pub fn chunk_paragraphs(paragraphs: usize) -> usize {
    CHUNK_PARAGRAPHS.max(paragraphs.div_ceil(MOST_CHUNKS))
}

/// The annotations of every paragraph of one chunk, in paragraph order.
pub type ChunkSpans = Rc<Vec<Rc<[Annotation]>>>;

/// For every paragraph, the annotations that overlap it, in text order, grouped by chunk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphSpans {
    chunks: Vec<ChunkSpans>,
    per_chunk: usize,
}

impl ParagraphSpans {
    /// Computes the lists of every paragraph.
    pub fn build(document: &Document, store: &AnnotationStore) -> Self {
        let per_chunk = chunk_paragraphs(document.paragraphs().len());
        let chunks = document
            .paragraphs()
            .chunks(per_chunk)
            .map(|chunk| {
                Rc::new(
                    chunk
                        .iter()
                        .map(|paragraph| spans_in(store, paragraph.chars.clone()))
                        .collect(),
                )
            })
            .collect();
        Self { chunks, per_chunk }
    }

    /// Paragraphs per chunk (the last chunk may hold fewer).
    pub fn per_chunk(&self) -> usize {
        self.per_chunk
    }

    /// Recomputes only the paragraphs that overlap `touched` (code points); other chunks keep
    /// their shared lists, so they compare equal and do not re-render.
    pub fn refresh(&mut self, document: &Document, store: &AnnotationStore, touched: Range<usize>) {
        for index in document.paragraphs_overlapping(touched) {
            let chars = document.paragraphs()[index].chars.clone();
            let chunk = &mut self.chunks[index / self.per_chunk];
            Rc::make_mut(chunk)[index % self.per_chunk] = spans_in(store, chars);
        }
    }

    /// Number of chunks.
    pub fn chunk_count(&self) -> usize {
        self.chunks.len()
    }

    /// The lists of chunk `chunk`.
    pub fn chunk(&self, chunk: usize) -> ChunkSpans {
        self.chunks.get(chunk).cloned().unwrap_or_default()
    }

    /// The annotations overlapping paragraph `index`.
    pub fn get(&self, index: usize) -> Rc<[Annotation]> {
        self.chunks
            .get(index / self.per_chunk)
            .and_then(|chunk| chunk.get(index % self.per_chunk))
            .cloned()
            .unwrap_or_else(|| Rc::from([]))
    }
}

fn spans_in(store: &AnnotationStore, chars: Range<usize>) -> Rc<[Annotation]> {
    store.overlapping(chars).copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LabelId;

    #[test]
    fn an_edit_replaces_only_its_paragraph_list_and_its_chunk() {
        let text: String = (0..40).map(|i| format!("Paragraph {i} Moscow\n")).collect();
        let document = Document::new("d", "D", &text);
        let mut store = AnnotationStore::new();
        let before = ParagraphSpans::build(&document, &store);
        assert_eq!(before.chunk_count(), 3);

        let first_chunk_paragraph = document.paragraphs()[1].chars.clone();
        let added = store
            .add(&document, first_chunk_paragraph, LabelId(0))
            .expect("added");
        let mut after = before.clone();
        after.refresh(&document, &store, added.range());

        assert_eq!(after.get(1).len(), 1);
        assert_eq!(
            after,
            ParagraphSpans::build(&document, &store),
            "same as a full rebuild"
        );
        assert!(
            !Rc::ptr_eq(&before.chunk(0), &after.chunk(0)),
            "the touched chunk is new"
        );
        assert!(
            Rc::ptr_eq(&before.chunk(1), &after.chunk(1)),
            "other chunks are shared"
        );
        assert!(
            Rc::ptr_eq(&before.get(2), &after.get(2)),
            "untouched paragraphs are shared"
        );
    }

    #[test]
    fn a_document_of_very_many_paragraphs_has_larger_chunks_not_more() {
        assert_eq!(chunk_paragraphs(0), CHUNK_PARAGRAPHS);
        assert_eq!(
            chunk_paragraphs(MOST_CHUNKS * CHUNK_PARAGRAPHS),
            CHUNK_PARAGRAPHS
        );
        assert_eq!(chunk_paragraphs(620_000), 303);
        let text = "Line\n".repeat(40_000);
        let document = Document::new("d", "D", &text);
        let spans = ParagraphSpans::build(&document, &AnnotationStore::new());
        assert_eq!(spans.per_chunk(), 20);
        assert_eq!(spans.chunk_count(), MOST_CHUNKS - 48);
        assert_eq!(spans.get(39_999).len(), 0);
    }
}
