//! What the training data says: each sentence's gold tags per layer, the phrases each
//! document labels (for the gazetteer), and how consistently each label marks a name wherever
//! it recurs. Offsets are Unicode code points.

use std::collections::HashSet;
use std::ops::Range;

use super::gazetteer::{lower_joined, DocumentPhrases};
use super::hashing::WordSet;
use super::perceptron::{begin, LAYERS, O};
use super::sentences::Sentence;
use super::train::Example;

/// The words of `span` in `sentence`s, if it covers whole tokens.
pub fn span_words(sentences: &[Sentence], span: &Range<usize>) -> Vec<String> {
    sentences
        .iter()
        .flat_map(|s| s.tokens.iter().zip(&s.words))
        .filter(|(t, _)| t.start >= span.start && t.end <= span.end)
        .map(|(_, w)| w.clone())
        .collect()
}

/// How consistently a label must mark its names (and their last words) wherever they recur
/// in a document for the tagger to do the same.
pub const CONSISTENT: f64 = 0.9;

/// Per label, the share of the recurrences of its names — and of the last words of its names
/// of two words or more — that are inside a span of that label, over the training documents
/// (the lower of the two).
pub fn consistency(
    examples: &[Example],
    documents: &[(Vec<Sentence>, DocumentPhrases)],
    labels: &[String],
) -> Vec<f64> {
    let mut full = vec![(0usize, 0usize); labels.len()];
    let mut last = vec![(0usize, 0usize); labels.len()];
    for (example, (sentences, _)) in examples.iter().zip(documents) {
        let tokens: Vec<(&crate::formats::tokens::Token, &String)> = sentences
            .iter()
            .flat_map(|s| s.tokens.iter().zip(&s.words))
            .collect();
        let mut seen = HashSet::new();
        for (span, label) in &example.spans {
            let Some(index) = labels.iter().position(|l| l == label) else {
                continue;
            };
            let words = span_words(sentences, span);
            let mut keys = vec![(words.clone(), &mut full)];
            if words.len() >= 2 {
                keys.push((words[words.len() - 1..].to_vec(), &mut last));
            }
            for (key, counts) in keys {
                if key.is_empty() || !seen.insert((key.clone(), index, counts.as_ptr() as usize)) {
                    continue;
                }
                for at in 0..tokens.len().saturating_sub(key.len() - 1) {
                    let window = &tokens[at..at + key.len()];
                    if window.iter().map(|(_, w)| *w).ne(key.iter()) {
                        continue;
                    }
                    let (start, end) = (window[0].0.start, window[key.len() - 1].0.end);
                    counts[index].1 += 1;
                    let covered = example
                        .spans
                        .iter()
                        .any(|(r, l)| l == label && r.start <= start && end <= r.end);
                    counts[index].0 += usize::from(covered);
                }
            }
        }
    }
    let share = |(hit, all): (usize, usize)| {
        if all == 0 {
            1.0
        } else {
            hit as f64 / all as f64
        }
    };
    full.into_iter()
        .zip(last)
        .map(|(f, l)| share(f).min(share(l)))
        .collect()
}

/// Per label, the phrases `example` labels.
pub fn phrases_of(example: &Example, sentences: &[Sentence], labels: &[String]) -> DocumentPhrases {
    let mut phrases = vec![WordSet::default(); labels.len()];
    for (span, label) in &example.spans {
        if let Some(index) = labels.iter().position(|l| l == label) {
            let words = span_words(sentences, span);
            if !words.is_empty() {
                phrases[index].insert(lower_joined(&words));
            }
        }
    }
    phrases
}

/// Gold tags of one sentence, per layer: the outermost spans (of two crossing ones, the
/// earlier), then the spans nested inside them.
pub fn gold_tags(sentence: &Sentence, spans: &[(Range<usize>, usize)]) -> Vec<Vec<usize>> {
    let mut ordered: Vec<&(Range<usize>, usize)> = spans.iter().collect();
    ordered.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut layers = vec![vec![O; sentence.tokens.len()]; LAYERS];
    for (span, label) in ordered {
        let inside: Vec<usize> = (0..sentence.tokens.len())
            .filter(|&t| {
                sentence.tokens[t].start >= span.start && sentence.tokens[t].end <= span.end
            })
            .collect();
        let Some(&first) = inside.first() else {
            continue;
        };
        let Some(tags) = layers
            .iter_mut()
            .find(|tags| inside.iter().all(|&t| tags[t] == O))
        else {
            continue;
        };
        tags[first] = begin(*label);
        for &t in &inside[1..] {
            tags[t] = begin(*label) + 1;
        }
    }
    layers
}
