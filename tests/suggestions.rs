//! Suggestions against their plain definition, on random texts from a few words: at each word
//! (in text order, after the latest suggestion), the longest labeled string that starts there
//! and ends on a word boundary, when no span overlaps it. Offsets are code points.
#![cfg(not(target_arch = "wasm32"))]

use article_annotator::model::suggestions::{suggestions, Suggestion};
use article_annotator::model::{AnnotationStore, Document, LabelId};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

const WORDS: [&str; 6] = ["Iran", "Moscow", "Shoigu", "met", "in", "Iranian"];

/// Each string's one label, so the most used label is that one.
fn label_of(string: &str) -> LabelId {
    LabelId((string.len() % 3) as u32)
}

fn plainly(document: &Document, store: &AnnotationStore, strings: &[String]) -> Vec<Suggestion> {
    let text = document.text();
    // The reference finds its own boundaries, as a plain list.
    let mut bounds: Vec<usize> = text.split_word_bound_indices().map(|(at, _)| at).collect();
    bounds.push(text.len());
    let mut longest_first: Vec<&String> = strings.iter().collect();
    longest_first.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut found = Vec::new();
    let mut resume = 0;
    for (at, &start) in bounds.iter().enumerate() {
        if start < resume || start == text.len() {
            continue;
        }
        let segment = &text[start..bounds[at + 1]];
        let hit = longest_first.iter().find(|s| {
            s.split_word_bounds_first() == segment
                && text[start..].starts_with(s.as_str())
                && bounds.contains(&(start + s.len()))
        });
        let Some(string) = hit else { continue };
        let from = text[..start].chars().count();
        let range = from..from + string.chars().count();
        if store.overlapping(range.clone()).next().is_none() {
            found.push(Suggestion {
                start: range.start,
                end: range.end,
                label: label_of(string),
                confidence: None,
            });
            resume = start + string.len();
        }
    }
    found
}

trait FirstWord {
    fn split_word_bounds_first(&self) -> &str;
}

impl FirstWord for String {
    fn split_word_bounds_first(&self) -> &str {
        self.split_word_bounds().next().unwrap_or(self)
    }
}

proptest! {
    #[test]
    fn suggestions_are_what_the_plain_definition_gives(
        words in proptest::collection::vec(0..WORDS.len(), 1..40),
        spans in proptest::collection::vec((0usize..40, 1usize..4), 0..8),
        elsewhere in proptest::collection::vec((0..WORDS.len(), 1usize..4), 0..4),
    ) {
        let text = words.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ");
        let document = Document::new("d", "D", &text);
        // Word i starts at the code point after the words before it and their spaces.
        let starts: Vec<usize> = words
            .iter()
            .scan(0, |at, &w| {
                let start = *at;
                *at += WORDS[w].len() + 1;
                Some(start)
            })
            .collect();
        let phrase = |first: usize, count: usize| {
            let last = (first + count).min(words.len()) - 1;
            starts[first]..starts[last] + WORDS[words[last]].len()
        };
        let mut store = AnnotationStore::new();
        let mut strings: Vec<String> = Vec::new();
        for &(first, count) in &spans {
            if first >= words.len() {
                continue;
            }
            let range = phrase(first, count);
            let string = text[range.clone()].to_owned();
            if store.add(&document, range, label_of(&string)).is_ok() && !strings.contains(&string) {
                strings.push(string);
            }
        }
        let others: Vec<(String, LabelId)> = elsewhere
            .iter()
            .map(|&(first, count)| {
                let string = (first..first + count).map(|w| WORDS[w % WORDS.len()]).collect::<Vec<_>>().join(" ");
                (string.clone(), label_of(&string))
            })
            .collect();
        for (string, _) in &others {
            if !strings.contains(string) {
                strings.push(string.clone());
            }
        }
        prop_assert_eq!(
            suggestions(&document, &store, &others, &[]),
            plainly(&document, &store, &strings)
        );
    }
}
