//! Learning from one answer at once, as Prodigy's `ner.teach` does: an accepted span (the
//! annotator says "this is a Person") or a rejected one ("this is not"), with the rest of its
//! sentence unknown. The model's best reading of the sentence is compared with its best
//! reading under the answer (the span forced, or forbidden), and the perceptron moves from the
//! one to the other — a few milliseconds, where retraining on the workspace takes a second.
//! Offsets are Unicode code points.

use std::ops::Range;

use super::document_words::document_words;
use super::features::{sentence_features, Feature};
use super::perceptron::{begin, viterbi, Model, O};
use super::sentences::sentences;

/// How strongly a forced or forbidden tag counts while decoding under an answer.
const FORCE: f32 = 1.0e4;

/// One answer about a span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The span, in code points.
    pub range: Range<usize>,
    /// Its label's name.
    pub label: String,
    /// Accepted (it is a span of that label) or rejected (it is not).
    pub accepted: bool,
}

/// Passes over an answer until the model agrees with it.
const PASSES: usize = 3;

/// Moves `model` towards the answers about spans of `text`; returns how many answers it had
/// to learn (those it already agreed with change nothing). Answers whose label the model
/// does not know, or that do not cover whole tokens, are left out.
pub fn learn_answers(model: &mut Model, text: &str, answers: &[Answer]) -> usize {
    let ranges: Vec<Range<usize>> = answers.iter().map(|a| a.range.clone()).collect();
    let sentences = sentences(text, &ranges);
    let document = document_words(&sentences);
    let mut learned = 0;
    for answer in answers {
        let Some(label) = model.labels.iter().position(|l| *l == answer.label) else {
            continue;
        };
        let Some(sentence) = sentences.iter().find(|s| {
            s.tokens
                .first()
                .is_some_and(|t| t.start <= answer.range.start)
                && s.tokens.last().is_some_and(|t| answer.range.end <= t.end)
        }) else {
            continue;
        };
        let inside: Vec<usize> = (0..sentence.tokens.len())
            .filter(|&t| {
                let token = sentence.tokens[t];
                answer.range.start <= token.start && token.end <= answer.range.end
            })
            .collect();
        let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else {
            continue;
        };
        let whole = sentence.tokens[first].start == answer.range.start
            && sentence.tokens[last].end == answer.range.end;
        if !whole {
            continue;
        }
        let features =
            sentence_features(sentence, &model.gazetteer, None, &model.labels, &document);
        let mut changed = false;
        for _ in 0..PASSES {
            let emissions = model.emissions(&features).swap_remove(0);
            let guess = viterbi(&emissions, &model.transitions[0]);
            let mut forced = emissions.clone();
            let (b, i) = (begin(label), begin(label) + 1);
            if answer.accepted {
                forced[first][b] += FORCE;
                for token in &mut forced[first + 1..=last] {
                    token[i] += FORCE;
                }
                if let Some(after) = forced.get_mut(last + 1) {
                    after[i] -= FORCE;
                }
            } else {
                // Not this span: its first token does not begin one of this label.
                forced[first][b] -= FORCE;
            }
            let target = viterbi(&forced, &model.transitions[0]);
            if target == guess {
                break;
            }
            step(model, &features, &target, &guess);
            changed = true;
        }
        learned += usize::from(changed);
    }
    learned
}

/// One perceptron step of the outer layer from `guess` towards `target`.
fn step(model: &mut Model, features: &[Vec<Feature>], target: &[usize], guess: &[usize]) {
    let tags = model.tags();
    let width = super::perceptron::LAYERS * (tags - 1);
    for (t, (gp, g), (pp, p)) in super::perceptron::mistakes(target, guess, tags) {
        model.transitions[0][gp][g] += 1.0;
        model.transitions[0][pp][p] -= 1.0;
        if g == p {
            continue;
        }
        for feature in &features[t] {
            let w = model
                .weights
                .entry(*feature)
                .or_insert_with(|| vec![0.0; width]);
            if g != O {
                w[g - 1] += 1.0;
            }
            if p != O {
                w[p - 1] -= 1.0;
            }
        }
    }
}
