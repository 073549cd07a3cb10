//! Training: the averaged structured perceptron, a few passes over the sentences in a seeded
//! order; each layer (label) is decoded and corrected on its own.

use std::ops::Range;

use super::error::TaggerError;
use super::features::{capitalized_inside, sentence_features, Feature};
use super::gazetteer::{DocumentPhrases, Gazetteer};
use super::gold::{consistency, gold_tags, phrases_of, CONSISTENT};
use super::perceptron::{mistakes, viterbi, FeatureMap, Model, Transitions, LAYERS, O};
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the order the sentences are visited in.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            epochs: 12,
            seed: 7,
        }
    }
}

/// A training sentence: features per token and gold tags per label.
struct Prepared {
    features: Vec<Vec<Feature>>,
    gold: Vec<Vec<usize>>,
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

/// The averaging bookkeeping of one weight: its value, the sum of its updates weighted by
/// when they happened.
#[derive(Clone, Copy, Default)]
struct Averaged {
    value: f64,
    timed: f64,
}

impl Averaged {
    fn add(&mut self, delta: f64, clock: f64) {
        self.value += delta;
        self.timed += delta * clock;
    }
    fn average(self, clock: f64) -> f32 {
        (self.value - self.timed / clock) as f32
    }
}

/// A small seeded shuffle (xorshift), so training is the same on every run and machine.
fn shuffle(order: &mut [usize], seed: u64) {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    for i in (1..order.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
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
            let capitalized = capitalized_inside(sentences);
            let gazetteer = &gazetteer;
            let labels = &labels;
            let spans: Vec<(Range<usize>, usize)> = example
                .spans
                .iter()
                .filter_map(|(r, l)| Some((r.clone(), labels.iter().position(|x| x == l)?)))
                .collect();
            sentences.iter().map(move |sentence| Prepared {
                features: sentence_features(
                    sentence,
                    gazetteer,
                    Some(phrases),
                    labels,
                    &capitalized,
                ),
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

/// Emission scores of one layer under the weights as they stand mid-training.
fn current_emissions(
    weights: &FeatureMap<Vec<Averaged>>,
    features: &[Vec<Feature>],
    layer: usize,
    tags: usize,
) -> Vec<Vec<f32>> {
    let offset = layer * (tags - 1);
    features
        .iter()
        .map(|token| {
            let mut score = vec![0.0f32; tags];
            for w in token.iter().filter_map(|f| weights.get(f)) {
                for (s, w) in score[1..].iter_mut().zip(&w[offset..offset + tags - 1]) {
                    *s += w.value as f32;
                }
            }
            score
        })
        .collect()
}

/// The perceptron's passes; leaves the averaged weights in `model`.
fn learn(model: &mut Model, prepared: &[Prepared], options: TrainOptions) {
    let tags = model.tags();
    let width = LAYERS * (tags - 1);
    let mut weights: FeatureMap<Vec<Averaged>> = FeatureMap::default();
    let mut transitions = vec![vec![vec![Averaged::default(); tags]; tags + 1]; LAYERS];
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut clock = 1.0f64;
    for epoch in 0..options.epochs {
        shuffle(&mut order, options.seed.wrapping_add(epoch as u64));
        for &index in &order {
            let sentence = &prepared[index];
            for (layer, moves) in transitions.iter_mut().enumerate() {
                let gold = &sentence.gold[layer];
                if layer > 0
                    && gold.iter().all(|&t| t == O)
                    && sentence.gold[0].iter().all(|&t| t == O)
                {
                    continue;
                }
                let emissions = current_emissions(&weights, &sentence.features, layer, tags);
                let current: Transitions = moves
                    .iter()
                    .map(|row| row.iter().map(|a| a.value as f32).collect())
                    .collect();
                let guess = viterbi(&emissions, &current);
                if &guess == gold {
                    continue;
                }
                let offset = layer * (tags - 1);
                for (t, (gp, g), (pp, p)) in mistakes(gold, &guess, tags) {
                    moves[gp][g].add(1.0, clock);
                    moves[pp][p].add(-1.0, clock);
                    if g == p {
                        continue;
                    }
                    for feature in &sentence.features[t] {
                        let w = weights
                            .entry(*feature)
                            .or_insert_with(|| vec![Averaged::default(); width]);
                        if g != O {
                            w[offset + g - 1].add(1.0, clock);
                        }
                        if p != O {
                            w[offset + p - 1].add(-1.0, clock);
                        }
                    }
                }
            }
            clock += 1.0;
        }
    }
    model.weights = weights
        .into_iter()
        .map(|(f, w)| {
            (
                f,
                w.into_iter()
                    .map(|a| a.average(clock))
                    .collect::<Vec<f32>>(),
            )
        })
        .filter(|(_, w)| w.iter().any(|&v| v != 0.0))
        .collect();
    model.transitions = transitions
        .iter()
        .map(|layer| {
            layer
                .iter()
                .map(|row| row.iter().map(|a| a.average(clock)).collect())
                .collect()
        })
        .collect();
}
