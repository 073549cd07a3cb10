//! Suggestions: each string already labeled in the document or elsewhere in the corpus is
//! suggested, with its label, wherever else it occurs as whole words and nothing is annotated
//! yet. Matching is one pass over the text's word boundaries (found once per document), with
//! the labeled strings grouped by their first word, counting code points on the way.
//! Offsets are code points.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use unicode_segmentation::UnicodeSegmentation;

use super::document::Document;
use super::label::LabelId;
use super::store::AnnotationStore;
use crate::model::order;

/// A place where a labeled string occurs again, unannotated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Suggestion {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The label the string carries elsewhere (the most used one if it carries several), or
    /// the one the tagger predicts.
    pub label: LabelId,
    /// The tagger's confidence in per mille, for a prediction; `None` for a string labeled
    /// elsewhere.
    pub confidence: Option<u16>,
}

impl Suggestion {
    /// Its code point range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Some of a shared list of suggestions (one paragraph's): shared, not copied, since thousands
/// are worked out again after each edit; compared by content.
#[derive(Debug, Clone)]
pub struct SharedSuggestions {
    all: Rc<[Suggestion]>,
    within: Range<usize>,
}

impl SharedSuggestions {
    /// The suggestions of `all` at the positions `within`.
    pub fn within(all: &Rc<[Suggestion]>, within: Range<usize>) -> Self {
        let within = within.start.min(all.len())..within.end.min(all.len());
        Self {
            all: Rc::clone(all),
            within,
        }
    }
}

impl std::ops::Deref for SharedSuggestions {
    type Target = [Suggestion];

    fn deref(&self) -> &[Suggestion] {
        self.all.get(self.within.clone()).unwrap_or_default()
    }
}

impl PartialEq for SharedSuggestions {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

/// Every suggestion in text order for the strings labeled in `store` and in `elsewhere` (other
/// documents' spans, one pair per span), leaving out `rejected` ones (sorted); where two
/// labeled strings start at one place, the longer wins.
pub fn suggestions(
    document: &Document,
    store: &AnnotationStore,
    elsewhere: &[(String, LabelId)],
    rejected: &[Suggestion],
) -> Vec<Suggestion> {
    suggestions_expected(document, store, elsewhere, rejected, 0)
}

/// [`suggestions`], with room made at once for about `expected` of them (as many as last time,
/// say), so that the list is not copied each time it outgrows its room.
pub fn suggestions_expected(
    document: &Document,
    store: &AnnotationStore,
    elsewhere: &[(String, LabelId)],
    rejected: &[Suggestion],
    expected: usize,
) -> Vec<Suggestion> {
    let text = document.text();
    // Each labeled string with the label it carries most often (ties: the first label).
    let mut pairs: Vec<(&str, LabelId)> = store
        .iter()
        .filter_map(|a| Some((document.slice(a.range())?, a.label)))
        .chain(
            elsewhere
                .iter()
                .map(|(string, label)| (string.as_str(), *label)),
        )
        .collect();
    order::sort(&mut pairs);
    let strings_and_labels = pairs.chunk_by(|a, b| a.0 == b.0).filter_map(|same_string| {
        let label = same_string
            .chunk_by(|a, b| a.1 == b.1)
            .max_by_key(|same_label| (same_label.len(), std::cmp::Reverse(same_label[0].1)))?[0]
            .1;
        let string = same_string[0].0;
        Some((first_word(string), string, label))
    });
    let mut strings: Vec<(&str, &str, LabelId)> = strings_and_labels.collect();
    // By first word, longest first: each first word's strings together, the longest tried first.
    order::sort_by(&mut strings, |a, b| {
        a.0.cmp(b.0).then(b.1.len().cmp(&a.1.len()))
    });
    // Where each first word's strings are in that order: one lookup per word of the text (a
    // binary search compared about 13 strings per word, most of the time on a long text).
    let mut by_first: HashMap<&str, Range<usize>> = HashMap::with_capacity(strings.len());
    for (at, (word, _, _)) in strings.iter().enumerate() {
        by_first
            .entry(word)
            .and_modify(|group| group.end = at + 1)
            .or_insert(at..at + 1);
    }
    let bounds = document.word_bounds();
    // The spans that start before the latest match, passed in text order (matches start in
    // text order too, so each span is passed once), and the furthest end among them.
    let mut spans = store.iter().peekable();
    let mut passed_end = 0;
    let mut found = Vec::with_capacity(expected);
    let mut resume = 0;
    // One pass over the words, counting code points on the way.
    let mut chars = 0;
    for (start, end) in bounds.iter().zip(bounds.iter().skip(1)) {
        let segment = &text[start..end];
        let from = chars;
        chars += segment.chars().count();
        if start < resume {
            continue;
        }
        let Some(group) = by_first.get(segment) else {
            continue;
        };
        let candidates = strings[group.clone()].iter();
        // A match must end on a word boundary.
        let ends_on_bound = |end: usize| bounds.contains(end);
        let hit = candidates.into_iter().find_map(|(_, string, label)| {
            let end = start + string.len();
            let matches = text[start..].starts_with(string) && ends_on_bound(end);
            matches.then_some((end, *string, *label))
        });
        let Some((end, string, label)) = hit else {
            continue;
        };
        let suggestion = Suggestion {
            start: from,
            end: from + string.chars().count(),
            label,
            confidence: None,
        };
        while let Some(span) = spans.next_if(|span| span.start < suggestion.start) {
            passed_end = passed_end.max(span.end);
        }
        // Free when no passed span reaches into it and the next span starts after it.
        let free = passed_end <= suggestion.start
            && spans.peek().is_none_or(|span| suggestion.end <= span.start);
        if free && rejected.binary_search(&suggestion).is_err() {
            found.push(suggestion);
            resume = end;
        }
    }
    found
}

/// The first word segment of a labeled string.
fn first_word(string: &str) -> &str {
    string.split_word_bounds().next().unwrap_or(string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(document: &Document, found: &[Suggestion]) -> Vec<(String, u32)> {
        found
            .iter()
            .map(|s| {
                (
                    document.slice(s.range()).unwrap_or_default().to_owned(),
                    s.label.0,
                )
            })
            .collect()
    }

    #[test]
    fn labeled_strings_are_suggested_elsewhere_as_whole_words() {
        let text = "Sergei Shoigu met Bagheri. Shoigu and Sergei Shoigu, Iranian Iran, Iran’s Iran";
        let document = Document::new("d", "D", text);
        let mut store = AnnotationStore::new();
        let at = |needle: &str| {
            let byte = text.find(needle).expect("needle");
            let start = document.indexed().char_of_byte(byte).expect("start");
            start..start + needle.chars().count()
        };
        store
            .add(&document, at("Sergei Shoigu"), LabelId(0))
            .expect("person");
        store
            .add(&document, at("Shoigu and"), LabelId(2))
            .expect("odd event");
        let iran = text.rfind("Iran").expect("last Iran");
        let iran = document.indexed().char_of_byte(iran).expect("start");
        store
            .add(&document, iran..iran + 4, LabelId(1))
            .expect("place");
        let found = suggestions(&document, &store, &[], &[]);
        assert_eq!(
            texts(&document, &found),
            [("Sergei Shoigu".to_owned(), 0), ("Iran".to_owned(), 1)],
            "not inside Iranian or Iran’s, not where a span is, the longest at each place"
        );
        let after = suggestions(&document, &store, &[], &found[..1]);
        assert_eq!(texts(&document, &after), [("Iran".to_owned(), 1)]);
    }

    #[test]
    fn a_string_labeled_two_ways_suggests_its_most_used_label() {
        let document = Document::new("d", "D", "Moscow, Moscow, Moscow and Moscow");
        let mut store = AnnotationStore::new();
        store.add(&document, 0..6, LabelId(2)).expect("event");
        store.add(&document, 8..14, LabelId(1)).expect("place");
        store.add(&document, 16..22, LabelId(1)).expect("place");
        let found = suggestions(&document, &store, &[], &[]);
        assert_eq!(texts(&document, &found), [("Moscow".to_owned(), 1)]);
        // Room made for as many as last time finds the same.
        for expected in [0, 1, 100] {
            let sized = suggestions_expected(&document, &store, &[], &[], expected);
            assert_eq!(sized, found);
            assert!(sized.capacity() >= expected);
        }
    }

    #[test]
    fn strings_labeled_in_other_documents_are_suggested_too() {
        let document = Document::new("d", "D", "Bagheri flew to Moscow with Bagheri’s aide");
        let elsewhere = [
            ("Moscow".to_owned(), LabelId(1)),
            ("Bagheri".to_owned(), LabelId(0)),
        ];
        let found = suggestions(&document, &AnnotationStore::new(), &elsewhere, &[]);
        assert_eq!(
            texts(&document, &found),
            [("Bagheri".to_owned(), 0), ("Moscow".to_owned(), 1)],
            "not inside Bagheri’s, a word of its own"
        );
    }
}
