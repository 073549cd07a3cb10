//! Agreement between annotators who labeled the same documents: exact-match and overlap span
//! F1 per pair, per label and per document, and token-level Cohen's κ; and the merge of their
//! versions by a strategy. Pure, natively tested, shared by the page and the command line.
//! Offsets are Unicode code points, start inclusive, end exclusive.

pub mod align;
pub mod curation;
pub mod kappa;
pub mod merge;
pub mod overlap;
pub mod report;
pub mod summary;
pub mod tally;

use crate::model::AnnotatedDocument;

pub use align::{align, Aligned, Mismatch};
pub use report::{agreement, Agreement, PairAgreement};
pub use tally::Tally;

/// One annotator's span, as agreement sees it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The label's name.
    pub label: String,
}

/// The spans of `document`, in text order (start, then end, then label).
pub fn spans_of(document: &AnnotatedDocument) -> Vec<Span> {
    let mut spans: Vec<Span> = document
        .store
        .iter()
        .map(|a| Span {
            start: a.start,
            end: a.end,
            label: document.labels.name_of(a.label).to_owned(),
        })
        .collect();
    crate::model::order::sort(&mut spans);
    spans
}
