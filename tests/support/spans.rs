//! Spans of an annotated document as (label name, start, end) in code points, sorted in text
//! order, for comparing documents across formats.

use article_annotator::model::AnnotatedDocument;

/// (label, start, end) of every span.
pub type Spans = Vec<(String, usize, usize)>;

/// The document's spans, outermost first at each start.
pub fn spans_of(annotated: &AnnotatedDocument) -> Spans {
    let mut spans: Spans = annotated
        .store
        .iter()
        .map(|a| (annotated.labels.name_of(a.label).to_owned(), a.start, a.end))
        .collect();
    spans.sort_by_key(|(label, start, end)| (*start, std::cmp::Reverse(*end), label.clone()));
    spans
}
