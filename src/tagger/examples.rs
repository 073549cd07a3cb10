//! Training examples from annotated documents, and predictions as spans a document can take.

use std::collections::HashSet;

use super::predict::{predict, Prediction};
use super::train::Example;
use super::Model;
use crate::model::{AnnotatedDocument, Annotation, AnnotationStore};

/// A document's text and spans as the tagger learns them.
pub fn example_of(annotated: &AnnotatedDocument) -> Example {
    Example {
        text: annotated.document.text().to_string(),
        spans: annotated
            .store
            .iter()
            .map(|a| (a.range(), annotated.labels.name_of(a.label).to_owned()))
            .collect(),
    }
}

/// The model's predictions for `annotated` that it can take beside its own spans: only labels
/// the document has, none the same as a span it holds, none its overlap policy refuses
/// (with its spans or with a surer prediction). Returns them and the model's labels that the
/// document has not.
pub fn predictions_for(
    model: &Model,
    annotated: &AnnotatedDocument,
) -> (Vec<Prediction>, Vec<String>) {
    let known: HashSet<String> = model
        .labels
        .iter()
        .filter(|name| annotated.labels.by_name(name).is_some())
        .cloned()
        .collect();
    let missing = model
        .labels
        .iter()
        .filter(|name| !known.contains(*name))
        .cloned()
        .collect();
    let mut found = predict(model, annotated.document.text(), Some(&known));
    found.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    let mut store: AnnotationStore = annotated.store.clone();
    let mut kept = Vec::new();
    for prediction in found {
        let Some(label) = annotated.labels.by_name(&prediction.label) else {
            continue;
        };
        let same = store.iter().any(|a: &Annotation| {
            a.start == prediction.start && a.end == prediction.end && a.label == label.id
        });
        if same {
            continue;
        }
        let range = prediction.start..prediction.end;
        if store.add(&annotated.document, range, label.id).is_ok() {
            kept.push(prediction);
        }
    }
    kept.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
    (kept, missing)
}
