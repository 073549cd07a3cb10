//! Prediction: each label's layer decoded by Viterbi; each span with the probability that it
//! is exactly a span under the layer's scores. Offsets are Unicode code points.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use super::document_words::document_words;
use super::features::sentence_features;
use super::perceptron::{is_inside, label_of, viterbi, Lattice, Model, O};
use super::sentences::{sentences, Sentence};
use crate::formats::tokens::Token;

/// The temperature of the confidences (see [`Lattice::scaled`]): on held-out folds of the
/// Wikinews corpus, predictions at 7 are right about as often as they say (expected
/// calibration error 0.054, against 0.066 at 8 and 0.065 at 6; the ignored test
/// `calibration` prints it).
pub const TEMPERATURE: f64 = 7.0;

/// Added to every B tag's score when predicting: the perceptron's spans are surer than they
/// are many (precision 0.74, recall 0.61 on the Wikinews folds without it); this trades a
/// little of the one for the other (micro F1 0.672 → 0.679 there when it was chosen).
const BEGIN_BIAS: f32 = 1.0;

/// One predicted span.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The label's name.
    pub label: String,
    /// How sure the model is, 0 to 1.
    pub confidence: f64,
}

/// The spans the model finds in `text`, in text order, for the labels of `only` (all of the
/// model's labels when `None`): the outermost layer's spans, and the nested layer's that lie
/// inside one of them.
pub fn predict(model: &Model, text: &str, only: Option<&HashSet<String>>) -> Vec<Prediction> {
    let sentences = sentences(text, &[]);
    let document = document_words(&sentences);
    let wanted = |label: usize| only.is_none_or(|only| only.contains(&model.labels[label]));
    let mut found = Vec::new();
    for sentence in &sentences {
        let features =
            sentence_features(sentence, &model.gazetteer, None, &model.labels, &document);
        let mut outer: Vec<Range<usize>> = Vec::new();
        for (layer, mut emissions) in model.emissions(&features).into_iter().enumerate() {
            for token in &mut emissions {
                for tag in token.iter_mut().skip(1).step_by(2) {
                    *tag += BEGIN_BIAS;
                }
            }
            let transitions = &model.transitions[layer];
            let tags = viterbi(&emissions, transitions);
            let spans = spans_of(&tags);
            if spans.is_empty() {
                continue;
            }
            let lattice = Lattice::scaled(&emissions, transitions, TEMPERATURE);
            for (range, label) in spans {
                let nested = outer
                    .iter()
                    .any(|o| o.start <= range.start && range.end <= o.end);
                if layer == 0 {
                    outer.push(range.clone());
                } else if !nested {
                    continue;
                }
                if !wanted(label) {
                    continue;
                }
                found.push(Prediction {
                    start: sentence.tokens[range.start].start,
                    end: sentence.tokens[range.end - 1].end,
                    label: model.labels[label].clone(),
                    confidence: lattice.span_probability(range.start, range.end, label),
                });
            }
        }
    }
    propagate(&mut found, &sentences, |label| {
        model
            .labels
            .iter()
            .position(|l| l == label)
            .is_some_and(|i| model.consistent[i])
    });
    found.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
    found
}

/// One name, one label, throughout a document, for the labels whose names the training data
/// labels wherever they recur (`consistent`; in the Wikinews corpus, Person): each such name
/// found, and the last word of one of two words or more ("Sunak" after "Rishi Sunak"), is
/// found again where it recurs, capitalized and not inside another span, with the confidence
/// of its surest occurrence.
fn propagate(
    found: &mut Vec<Prediction>,
    sentences: &[Sentence],
    consistent: impl Fn(&str) -> bool,
) {
    let tokens: Vec<(&Token, &String)> = sentences
        .iter()
        .flat_map(|s| s.tokens.iter().zip(&s.words))
        .collect();
    let mut names: BTreeMap<Vec<&str>, (String, f64)> = BTreeMap::new();
    for prediction in found.iter().filter(|p| consistent(&p.label)) {
        let words: Vec<&str> = tokens
            .iter()
            .filter(|(t, _)| t.start >= prediction.start && t.end <= prediction.end)
            .map(|(_, w)| w.as_str())
            .collect();
        let mut keys = vec![words.clone()];
        if words.len() >= 2 {
            keys.extend(words.last().map(|last| vec![*last]));
        }
        for key in keys {
            if !key
                .first()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
            {
                continue;
            }
            let entry = names.entry(key).or_insert((prediction.label.clone(), 0.0));
            if entry.0 == prediction.label {
                entry.1 = entry.1.max(prediction.confidence);
            }
        }
    }
    let mut added = Vec::new();
    for (words, (label, confidence)) in &names {
        for at in 0..tokens.len().saturating_sub(words.len() - 1) {
            let window = &tokens[at..at + words.len()];
            if window
                .iter()
                .map(|(_, w)| w.as_str())
                .ne(words.iter().copied())
            {
                continue;
            }
            let (start, end) = (window[0].0.start, window[words.len() - 1].0.end);
            let taken = found
                .iter()
                .chain(&added)
                .any(|p: &Prediction| p.start < end && start < p.end);
            if !taken {
                added.push(Prediction {
                    start,
                    end,
                    label: label.clone(),
                    confidence: *confidence,
                });
            }
        }
    }
    found.extend(added);
}

/// Token ranges and labels of the spans in a BIO tag sequence.
pub fn spans_of(tags: &[usize]) -> Vec<(Range<usize>, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (t, &tag) in tags.iter().enumerate() {
        if !is_inside(tag) {
            if let Some((start, label)) = open.take() {
                spans.push((start..t, label));
            }
        }
        if tag != O && !is_inside(tag) {
            open = Some((t, label_of(tag)));
        }
    }
    if let Some((start, label)) = open {
        spans.push((start..tags.len(), label));
    }
    spans
}
