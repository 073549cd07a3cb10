//! Property tests over random Unicode text with astral, combining, joining, RTL, CJK and
//! line-break characters: offset conversions round-trip, snapping is idempotent and never
//! splits a grapheme, and the store keeps its invariants through random edit sequences.
//! Offsets are code points unless a name says bytes or UTF-16.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use article_annotator::model::offsets::IndexedText;
use article_annotator::model::snapping::{snap, Snap};
use article_annotator::model::{AnnotationId, AnnotationStore, Document, LabelId};
use proptest::prelude::*;
use text_strategy::any_text;
use unicode_segmentation::UnicodeSegmentation;

#[path = "support/text_strategy.rs"]
mod text_strategy;

const CASES: u32 = 10_000;

/// Code point offsets where a grapheme cluster starts or the text ends.
fn grapheme_boundaries(text: &str) -> Vec<usize> {
    let mut boundaries: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(byte, _)| text[..byte].chars().count())
        .collect();
    boundaries.push(text.chars().count());
    boundaries
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn offsets_round_trip_between_bytes_code_points_and_utf16(text in any_text()) {
        let index = IndexedText::new(Rc::from(text.as_str()));
        prop_assert_eq!(index.char_len(), text.chars().count());
        prop_assert_eq!(index.utf16_len(), text.encode_utf16().count());
        for char_offset in 0..=index.char_len() {
            let byte = index.byte_of_char(char_offset).expect("byte");
            prop_assert_eq!(index.char_of_byte(byte), Some(char_offset));
            let utf16 = index.utf16_of_char(char_offset).expect("utf16");
            prop_assert_eq!(index.char_of_utf16(utf16), Some(char_offset));
            prop_assert_eq!(text[..byte].encode_utf16().count(), utf16);
        }
    }

    #[test]
    fn snapping_is_idempotent_trimmed_and_grapheme_whole(
        text in any_text(), a in 0usize..64, b in 0usize..64, words in any::<bool>()
    ) {
        let document = Document::new("d", "D", &text);
        let len = document.char_len();
        let (start, end) = (a.min(b).min(len), a.max(b).min(len));
        let mode = if words { Snap::Words } else { Snap::Graphemes };
        let snapped = snap(&document, start..end, mode).expect("in range");
        prop_assert!(snapped.start <= snapped.end && snapped.end <= len);
        if !snapped.is_empty() {
            let boundaries = grapheme_boundaries(&text);
            prop_assert!(boundaries.contains(&snapped.start), "start splits a grapheme");
            prop_assert!(boundaries.contains(&snapped.end), "end splits a grapheme");
            let slice = document.slice(snapped.clone()).expect("slice");
            prop_assert!(!slice.starts_with(char::is_whitespace) && !slice.ends_with(char::is_whitespace));
            prop_assert_eq!(snap(&document, snapped.clone(), mode), Some(snapped));
        }
    }

    #[test]
    fn the_store_keeps_its_invariants_through_random_edits(
        text in any_text(),
        edits in proptest::collection::vec((0u8..5, 0usize..64, 0usize..64, 0u32..3), 0..24)
    ) {
        let document = Document::new("d", "D", &text);
        let len = document.char_len();
        let mut store = AnnotationStore::new();
        let boundaries = grapheme_boundaries(&text);
        for (kind, a, b, label) in edits {
            let label = LabelId(label);
            let some_id = store.iter().nth(a % store.len().max(1)).map(|x| x.id).unwrap_or(AnnotationId(0));
            match kind {
                0 | 1 => {
                    // Selections reach the store snapped to grapheme boundaries; trimming
                    // must keep them there.
                    let on_boundary = |i: usize| boundaries[i.min(boundaries.len() - 1)];
                    let range = on_boundary(a.min(b))..on_boundary(a.max(b));
                    if let Ok(added) = store.add(&document, range, label) {
                        prop_assert!(boundaries.contains(&added.start) && boundaries.contains(&added.end));
                    }
                }
                2 => drop(store.relabel(some_id, label)),
                3 => drop(store.remove(some_id)),
                _ => drop(store.undo()),
            }
            let spans: Vec<_> = store.iter().copied().collect();
            for (i, span) in spans.iter().enumerate() {
                prop_assert!(span.start < span.end && span.end <= len);
                let slice = document.slice(span.range()).expect("slice");
                prop_assert!(!slice.starts_with(char::is_whitespace) && !slice.ends_with(char::is_whitespace));
                for other in &spans[i + 1..] {
                    prop_assert!(span.text_order() < other.text_order(), "text order");
                    prop_assert!(!(span.range() == other.range() && span.label == other.label), "duplicate");
                    if span.overlaps(&other.range()) {
                        // The default policy: nested across labels only, never crossing.
                        let nested = (span.start <= other.start && other.end <= span.end)
                            || (other.start <= span.start && span.end <= other.end);
                        prop_assert!(nested, "crossing spans");
                        prop_assert!(span.label != other.label, "same label nested");
                    }
                }
            }
        }
        // Redo to the newest state; undoing everything then empties the store, and redoing
        // everything comes back to that newest state.
        while store.redo().is_some() {}
        let last: Vec<_> = store.iter().copied().collect();
        while store.undo().is_some() {}
        prop_assert!(store.is_empty());
        while store.redo().is_some() {}
        prop_assert_eq!(store.iter().copied().collect::<Vec<_>>(), last);
    }
}
