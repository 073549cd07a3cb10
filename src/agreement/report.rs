//! The agreement of every pair of annotators over the documents both have: exact-match and
//! overlap F1, micro and per label, token-level κ, and exact-match F1 per document. The
//! pair's first annotator is the reference (overlap matching is greedy, so its F1 may differ a
//! little the other way round; exact-match F1 does not).

use std::collections::BTreeMap;

use super::align::Aligned;
use super::kappa::{kappa, labels_at, token_starts};
use super::overlap::{by_overlap, exact};
use super::{Span, Tally};

/// The agreement of one label between a pair.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LabelAgreement {
    /// Exact matches.
    pub exact: Tally,
    /// Overlap matches.
    pub overlap: Tally,
}

/// The agreement of two annotators.
#[derive(Debug, Clone, PartialEq)]
pub struct PairAgreement {
    /// The reference annotator's index.
    pub first: usize,
    /// The other's.
    pub second: usize,
    /// Documents both annotated.
    pub documents: usize,
    /// Exact matches over every label.
    pub exact: Tally,
    /// Overlap matches over every label (a span overlapping one of another label is no match).
    pub overlap: Tally,
    /// Per label name, in name order.
    pub per_label: BTreeMap<String, LabelAgreement>,
    /// Token-level Cohen's κ over all their documents' tokens (`None`: undefined).
    pub kappa: Option<f64>,
    /// Per document both annotated (its index in [`Aligned::documents`]), exact-match F1.
    pub per_document: Vec<(usize, f64)>,
}

/// Every pair's agreement.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// The annotators, in order.
    pub annotators: Vec<String>,
    /// Each pair, first < second.
    pub pairs: Vec<PairAgreement>,
}

fn of_label(spans: &[Span], label: &str) -> Vec<Span> {
    spans.iter().filter(|s| s.label == label).cloned().collect()
}

/// Per document, per annotator, each token's label (`None` where the annotator has no
/// version): the text is tokenized once, whatever the number of pairs.
type TokenLabels<'a> = Vec<Vec<Option<Vec<Option<&'a str>>>>>;

fn token_labels_of(aligned: &Aligned) -> TokenLabels<'_> {
    aligned
        .documents
        .iter()
        .map(|document| {
            let starts = token_starts(document.document.text());
            document
                .versions
                .iter()
                .map(|spans| spans.as_ref().map(|s| labels_at(&starts, s)))
                .collect()
        })
        .collect()
}

/// The agreement of annotators `first` and `second` in `aligned`, whose tokens' labels are
/// `tokens`.
fn pair(aligned: &Aligned, tokens: &TokenLabels, first: usize, second: usize) -> PairAgreement {
    let mut result = PairAgreement {
        first,
        second,
        documents: 0,
        exact: Tally::default(),
        overlap: Tally::default(),
        per_label: BTreeMap::new(),
        kappa: None,
        per_document: Vec::new(),
    };
    let (mut labels_a, mut labels_b) = (Vec::new(), Vec::new());
    for (index, document) in aligned.documents.iter().enumerate() {
        let (Some(a), Some(b)) = (&document.versions[first], &document.versions[second]) else {
            continue;
        };
        result.documents += 1;
        let same = exact(a, b);
        result.exact.add(same);
        result.overlap.add(by_overlap(a, b));
        result.per_document.push((index, same.f1()));
        let names: std::collections::BTreeSet<&str> =
            a.iter().chain(b).map(|s| s.label.as_str()).collect();
        for name in names {
            let (a, b) = (of_label(a, name), of_label(b, name));
            let entry = result.per_label.entry(name.to_owned()).or_default();
            entry.exact.add(exact(&a, &b));
            entry.overlap.add(by_overlap(&a, &b));
        }
        labels_a.extend(tokens[index][first].iter().flatten().copied());
        labels_b.extend(tokens[index][second].iter().flatten().copied());
    }
    result.kappa = kappa(&labels_a, &labels_b);
    result
}

/// Every pair's agreement in `aligned`.
pub fn agreement(aligned: &Aligned) -> Agreement {
    let n = aligned.annotators.len();
    let tokens = token_labels_of(aligned);
    let pairs = (0..n)
        .flat_map(|first| (first + 1..n).map(move |second| (first, second)))
        .map(|(first, second)| pair(aligned, &tokens, first, second))
        .collect();
    Agreement {
        annotators: aligned.annotators.clone(),
        pairs,
    }
}
