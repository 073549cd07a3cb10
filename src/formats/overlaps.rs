//! Overlapping spans in formats that cannot hold them (spaCy entities, CoNLL tags): the
//! outermost spans are kept, the rest listed so the user sees them before a download.
//! Offsets are Unicode code points.

use std::cmp::Reverse;

use super::labeled_text::LabeledText;
use crate::model::order;

/// A span left out of an export because it overlaps one that is kept.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SkippedSpan {
    /// The document's id.
    pub document: String,
    /// The document's title.
    pub title: String,
    /// The span's label.
    pub label: String,
    /// The span's text.
    pub text: String,
    /// Its first code point.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
}

/// Indices of the spans kept (outermost first, in text order) and of those that overlap them.
pub fn outermost(document: &LabeledText) -> (Vec<usize>, Vec<usize>) {
    let key = |i: usize| (document.spans[i].start, Reverse(document.spans[i].end));
    let order = order::order_of(document.spans.len(), &|a, b| key(a).cmp(&key(b)));
    let (mut kept, mut skipped) = (Vec::new(), Vec::new());
    let mut reach = 0;
    for index in order {
        let span = &document.spans[index];
        if span.start >= reach {
            reach = span.end;
            kept.push(index);
        } else {
            skipped.push(index);
        }
    }
    (kept, skipped)
}

/// The spans a spaCy or CoNLL export must leave out: each overlaps an earlier, longer span.
pub fn unrepresentable(documents: &[LabeledText]) -> Vec<SkippedSpan> {
    documents
        .iter()
        .flat_map(|document| {
            let (_, skipped) = outermost(document);
            skipped.into_iter().map(move |index| {
                let span = &document.spans[index];
                SkippedSpan {
                    document: document.id.clone(),
                    title: document.title.clone(),
                    label: span.label.clone(),
                    text: document
                        .text
                        .chars()
                        .skip(span.start)
                        .take(span.end.saturating_sub(span.start))
                        .collect(),
                    start: span.start,
                    end: span.end,
                }
            })
        })
        .collect()
}
