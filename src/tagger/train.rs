//! Training: the documents read into sentences, features and gold tags, the gazetteer and the
//! labels' consistency; then the perceptrons' passes (`learn`).

use std::ops::Range;

use super::document_words::document_words;
use super::error::TaggerError;
use super::features::sentence_features;
use super::gazetteer::{DocumentPhrases, Gazetteer};
use super::gold::{consistency, gold_tags, phrases_of, CONSISTENT};
use super::learn::{learn, Prepared};
use super::perceptron::Model;
use super::sentences::{sentences, Sentence};

/// One training document: its text and its spans (code points) with their label names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The text.
    pub text: String,
    /// Its spans.
    pub spans: Vec<(Range<usize>, String)>,
}

/// How training runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the order the sentences are visited in (and of the dropout).
    pub seed: u64,
    /// Perceptrons trained, each in its own order; the model is their mean.
    pub models: usize,
    /// The share of each token's features hidden at each training step.
    pub dropout: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            epochs: 5,
            seed: 7,
            models: 3,
            dropout: 0.2,
        }
    }
}

/// The label names of `examples`, in the order they first appear.
pub fn labels_of(examples: &[Example]) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for (_, label) in examples.iter().flat_map(|e| &e.spans) {
        if !labels.contains(label) {
            labels.push(label.clone());
        }
    }
    labels
}

/// Trains a model on `examples` for `labels` (all labels of the examples when empty).
pub fn train(
    examples: &[Example],
    labels: &[String],
    options: TrainOptions,
) -> Result<Model, TaggerError> {
    let labels = if labels.is_empty() {
        labels_of(examples)
    } else {
        labels.to_vec()
    };
    let mut model = Model::empty(labels.clone());
    for (_, label) in examples.iter().flat_map(|e| &e.spans) {
        if let Some(index) = labels.iter().position(|l| l == label) {
            model.spans_per_label[index] += 1;
        }
    }
    if model.spans_per_label.iter().sum::<usize>() == 0 {
        return Err(TaggerError::NoSpans);
    }
    let documents: Vec<(Vec<Sentence>, DocumentPhrases)> = examples
        .iter()
        .map(|example| {
            let ranges: Vec<Range<usize>> = example.spans.iter().map(|(r, _)| r.clone()).collect();
            let sentences = sentences(&example.text, &ranges);
            let phrases = phrases_of(example, &sentences, &labels);
            (sentences, phrases)
        })
        .collect();
    let mut gazetteer = Gazetteer::new(labels.len());
    for (_, phrases) in &documents {
        gazetteer.add_document(phrases);
    }
    let prepared: Vec<Prepared> = documents
        .iter()
        .zip(examples)
        .flat_map(|((sentences, phrases), example)| {
            let document = document_words(sentences);
            let gazetteer = &gazetteer;
            let labels = &labels;
            let spans: Vec<(Range<usize>, usize)> = example
                .spans
                .iter()
                .filter_map(|(r, l)| Some((r.clone(), labels.iter().position(|x| x == l)?)))
                .collect();
            sentences.iter().map(move |sentence| Prepared {
                features: sentence_features(sentence, gazetteer, Some(phrases), labels, &document),
                gold: gold_tags(sentence, &spans),
            })
        })
        .collect();
    model.documents = examples.len();
    model.gazetteer = gazetteer;
    model.consistent = consistency(examples, &documents, &labels)
        .into_iter()
        .map(|share| share >= CONSISTENT)
        .collect();
    learn(&mut model, &prepared, options);
    Ok(model)
}
