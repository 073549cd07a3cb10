//! Per-label statistics of a document or a corpus: how many spans, and how many distinct
//! strings.

use std::collections::HashSet;

use std::rc::Rc;

use super::annotation::Annotation;
use super::document::Document;
use super::label::{LabelId, LabelSet};
use super::workspace::Entry;

/// The numbers for one label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelStatistics {
    /// The label.
    pub label: LabelId,
    /// Spans with this label.
    pub spans: usize,
    /// Different texts among those spans (exact, case-sensitive).
    pub distinct: usize,
}

/// One row per label, in the label set's order, including labels with no spans.
pub fn label_statistics(
    document: &Document,
    labels: &LabelSet,
    annotations: &[Annotation],
) -> Vec<LabelStatistics> {
    corpus_statistics(labels, [(document, annotations)])
}

/// How many spans each label has, in label order (what the header shows; cheaper than the
/// full rows, as it reads no text).
pub fn spans_per_label(labels: &LabelSet, annotations: &[Annotation]) -> Vec<(LabelId, usize)> {
    labels
        .iter()
        .map(|label| {
            let spans = annotations.iter().filter(|a| a.label == label.id).count();
            (label.id, spans)
        })
        .collect()
}

/// The same rows over several documents: spans summed, distinct strings across all of them.
pub fn corpus_statistics<'a>(
    labels: &LabelSet,
    documents: impl IntoIterator<Item = (&'a Document, &'a [Annotation])> + Clone,
) -> Vec<LabelStatistics> {
    labels
        .iter()
        .map(|label| {
            let texts: Vec<&str> = documents
                .clone()
                .into_iter()
                .flat_map(|(document, annotations)| {
                    annotations
                        .iter()
                        .filter(|a| a.label == label.id)
                        .filter_map(|a| document.slice(a.range()))
                })
                .collect();
            let distinct: HashSet<&str> = texts.iter().copied().collect();
            LabelStatistics {
                label: label.id,
                spans: texts.len(),
                distinct: distinct.len(),
            }
        })
        .collect()
}

/// The same rows for every document of a workspace.
pub fn workspace_statistics(labels: &LabelSet, entries: &[Rc<Entry>]) -> Vec<LabelStatistics> {
    let spans: Vec<Vec<Annotation>> = entries
        .iter()
        .map(|entry| entry.store.iter().copied().collect())
        .collect();
    let documents = entries
        .iter()
        .zip(&spans)
        .map(|(entry, spans)| (entry.document.as_ref(), spans.as_slice()));
    corpus_statistics(labels, documents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AnnotatedDocument;

    #[test]
    fn counts_spans_and_distinct_strings_per_label() {
        let text = "Bagheri met Bagheri and bagheri in Moscow";
        let mut annotated = AnnotatedDocument::new(Document::new("d", "D", text));
        let document = annotated.document.clone();
        for (range, label) in [(0..7, 0), (12..19, 0), (24..31, 0), (35..41, 1)] {
            annotated
                .store
                .add(&document, range, LabelId(label))
                .expect("added");
        }
        let annotations: Vec<Annotation> = annotated.store.iter().copied().collect();
        let rows = label_statistics(&annotated.document, &annotated.labels, &annotations);
        assert_eq!(
            rows,
            [
                LabelStatistics {
                    label: LabelId(0),
                    spans: 3,
                    distinct: 2
                },
                LabelStatistics {
                    label: LabelId(1),
                    spans: 1,
                    distinct: 1
                },
                LabelStatistics {
                    label: LabelId(2),
                    spans: 0,
                    distinct: 0
                },
            ]
        );
    }
}
