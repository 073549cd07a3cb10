//! Agreement as the page's Agreement panel shows it, worked out in the converters' worker and
//! sent back small: every figure in thousandths (integers, so the page formats no floats), per
//! pair, per label and per document. Only documents two annotators or more have take part, and
//! only annotators who have one of them. Offsets are Unicode code points.

use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::align::{align, Aligned, Mismatch};
use super::report::agreement;
use super::Tally;
use crate::model::workspace::grouped;
use crate::model::{AnnotatedDocument, Document};

/// Precision, recall and F1 in thousandths.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    /// Precision.
    pub precision: u16,
    /// Recall.
    pub recall: u16,
    /// F1.
    pub f1: u16,
}

/// `value` (0 to 1) in thousandths.
fn thousandths(value: f64) -> u16 {
    (value * 1000.0).round().clamp(0.0, 1000.0) as u16
}

impl From<Tally> for Scores {
    fn from(tally: Tally) -> Self {
        Self {
            precision: thousandths(tally.precision()),
            recall: thousandths(tally.recall()),
            f1: thousandths(tally.f1()),
        }
    }
}

/// One label's agreement between a pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelRow {
    /// The label's name.
    pub label: String,
    /// Exact-match scores.
    pub exact: Scores,
    /// Overlap scores.
    pub overlap: Scores,
    /// The reference annotator's spans of it.
    pub spans: usize,
}

/// One pair's agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairRow {
    /// The reference annotator's index.
    pub first: usize,
    /// The other's.
    pub second: usize,
    /// Documents both annotated.
    pub documents: usize,
    /// Exact-match scores over every label.
    pub exact: Scores,
    /// Overlap scores over every label.
    pub overlap: Scores,
    /// Token-level Cohen's κ in thousandths (`None`: undefined).
    pub kappa: Option<i16>,
    /// Per label, in name order.
    pub labels: Vec<LabelRow>,
}

/// One document's agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRow {
    /// Where its first version stands among the versions given.
    pub position: usize,
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// How many annotators have it.
    pub annotators: usize,
    /// The mean over the pairs who have it of their exact-match F1, in thousandths.
    pub exact_f1: u16,
}

/// Everything the Agreement panel shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementSummary {
    /// The annotators compared, in the order they first come.
    pub annotators: Vec<String>,
    /// Each pair, first < second.
    pub pairs: Vec<PairRow>,
    /// The documents compared, in the order they first come.
    pub documents: Vec<DocumentRow>,
    /// Documents only one annotator has (not compared).
    pub alone: usize,
    /// Versions left out: a document of their id has another text.
    pub mismatches: Vec<Mismatch>,
}

/// Only the documents two annotators or more have, and only the annotators who have one; and
/// how many documents were left alone.
fn shared(aligned: Aligned) -> (Aligned, usize) {
    let (documents, alone): (Vec<_>, Vec<_>) = aligned
        .documents
        .into_iter()
        .partition(|d| d.versions.iter().flatten().count() >= 2);
    let keep: Vec<usize> = (0..aligned.annotators.len())
        .filter(|&who| documents.iter().any(|d| d.versions[who].is_some()))
        .collect();
    let documents = documents
        .into_iter()
        .map(|mut document| {
            document.versions = keep
                .iter()
                .map(|&who| document.versions[who].take())
                .collect();
            document
        })
        .collect();
    let annotators = keep
        .iter()
        .map(|&who| aligned.annotators[who].clone())
        .collect();
    let shared = Aligned {
        annotators,
        documents,
        mismatches: aligned.mismatches,
    };
    (shared, alone.len())
}

/// The agreement of `versions` (each an annotator's name and their version of a document).
pub fn summarize(versions: &[(String, AnnotatedDocument)]) -> AgreementSummary {
    let positions: HashMap<*const Document, usize> = (0..versions.len())
        .map(|position| (Rc::as_ptr(&versions[position].1.document), position))
        .collect();
    let (aligned, alone) = shared(align(&grouped(versions.iter().cloned())));
    let report = agreement(&aligned);
    let mut f1_sums = vec![(0.0, 0usize); aligned.documents.len()];
    for pair in &report.pairs {
        for &(document, f1) in &pair.per_document {
            f1_sums[document].0 += f1;
            f1_sums[document].1 += 1;
        }
    }
    let documents = aligned
        .documents
        .iter()
        .zip(f1_sums)
        .map(|(aligned, (sum, pairs))| DocumentRow {
            position: positions
                .get(&Rc::as_ptr(&aligned.document))
                .copied()
                .unwrap_or(0),
            id: aligned.document.id.clone(),
            title: aligned.document.title.clone(),
            annotators: aligned.versions.iter().flatten().count(),
            exact_f1: thousandths(sum / pairs.max(1) as f64),
        })
        .collect();
    let pairs = report
        .pairs
        .iter()
        .map(|pair| PairRow {
            first: pair.first,
            second: pair.second,
            documents: pair.documents,
            exact: pair.exact.into(),
            overlap: pair.overlap.into(),
            kappa: pair
                .kappa
                .map(|k| (k * 1000.0).round().clamp(-1000.0, 1000.0) as i16),
            labels: pair
                .per_label
                .iter()
                .map(|(label, scores)| LabelRow {
                    label: label.clone(),
                    exact: scores.exact.into(),
                    overlap: scores.overlap.into(),
                    spans: scores.exact.possible,
                })
                .collect(),
        })
        .collect();
    AgreementSummary {
        annotators: aligned.annotators,
        pairs,
        documents,
        alone,
        mismatches: aligned.mismatches,
    }
}
