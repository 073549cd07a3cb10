//! Where a curated version of a document came from: the annotators it was curated from, the
//! strategy that merged what they agreed on, every span any of them marked (code points, start
//! inclusive, end exclusive, with its label's name) and who marked it, and the disagreements
//! the curator settled with no span. A span of the curated version found among no annotator's
//! is the curator's own.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A span one or more annotators marked, and who.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SourcedSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The label's name.
    pub label: String,
    /// The annotators (indices into [`Provenance::annotators`]) who marked it, in order.
    pub annotators: Vec<usize>,
}

impl SourcedSpan {
    /// Its code point range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Where a curated version's spans came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The annotators whose versions were curated, in order.
    pub annotators: Vec<String>,
    /// The strategy's name (`everyone`, `majority`, `at-least-K`).
    pub strategy: String,
    /// How many annotators had to mark a span for it to be merged at once.
    pub needed: usize,
    /// Every span any of them marked, in text order (start, end, label).
    pub spans: Vec<SourcedSpan>,
    /// The disagreements (by their code point extent) the curator settled with no span, sorted.
    pub left_empty: Vec<Range<usize>>,
}

impl Provenance {
    /// Where in [`Provenance::spans`] the candidate exactly at (`start`, `end`, `label`)
    /// stands, if any annotator marked it.
    pub fn find(&self, start: usize, end: usize, label: &str) -> Option<usize> {
        let key = (start, end, label);
        self.spans
            .binary_search_by(|s| (s.start, s.end, s.label.as_str()).cmp(&key))
            .ok()
    }

    /// The names of the annotators who marked exactly this span; empty if none did (the
    /// curator added it).
    pub fn sources_of(&self, start: usize, end: usize, label: &str) -> Vec<&str> {
        self.find(start, end, label)
            .map(|at| {
                self.spans[at]
                    .annotators
                    .iter()
                    .filter_map(|&i| self.annotators.get(i).map(String::as_str))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether enough annotators marked `span` for it to be merged at once.
    pub fn is_agreed(&self, span: &SourcedSpan) -> bool {
        span.annotators.len() >= self.needed.max(1)
    }

    /// Whether the curator settled the disagreement over `extent` with no span.
    pub fn is_left_empty(&self, extent: &Range<usize>) -> bool {
        self.left_empty
            .binary_search_by(|r| (r.start, r.end).cmp(&(extent.start, extent.end)))
            .is_ok()
    }

    /// The same provenance with the disagreement over `extent` settled with no span
    /// (`empty`), or open again.
    pub fn leaving_empty(&self, extent: Range<usize>, empty: bool) -> Self {
        let mut next = self.clone();
        let at = next
            .left_empty
            .binary_search_by(|r| (r.start, r.end).cmp(&(extent.start, extent.end)));
        match (at, empty) {
            (Err(at), true) => next.left_empty.insert(at, extent),
            (Ok(at), false) => {
                next.left_empty.remove(at);
            }
            _ => {}
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: &str, annotators: &[usize]) -> SourcedSpan {
        SourcedSpan {
            start,
            end,
            label: label.into(),
            annotators: annotators.to_vec(),
        }
    }

    #[test]
    fn a_span_names_who_marked_it_and_the_curators_own_names_nobody() {
        let provenance = Provenance {
            annotators: vec!["alice".into(), "bob".into()],
            needed: 2,
            spans: vec![span(0, 5, "Person", &[0, 1]), span(0, 5, "Place", &[1])],
            ..Provenance::default()
        };
        assert_eq!(provenance.sources_of(0, 5, "Person"), ["alice", "bob"]);
        assert_eq!(provenance.sources_of(0, 5, "Place"), ["bob"]);
        assert!(provenance.sources_of(0, 4, "Person").is_empty());
        assert!(provenance.is_agreed(&provenance.spans[0]));
        assert!(!provenance.is_agreed(&provenance.spans[1]));
    }

    #[test]
    fn a_disagreement_is_left_empty_and_opened_again() {
        let provenance = Provenance::default()
            .leaving_empty(10..20, true)
            .leaving_empty(0..5, true)
            .leaving_empty(10..20, true);
        assert_eq!(provenance.left_empty, [0..5, 10..20]);
        assert!(provenance.is_left_empty(&(10..20)));
        let reopened = provenance.leaving_empty(10..20, false);
        assert_eq!(reopened.left_empty, vec![0..5]);
        assert!(!reopened.is_left_empty(&(10..20)));
    }
}
