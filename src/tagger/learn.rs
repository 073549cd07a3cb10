//! The averaged structured perceptron's passes (Collins 2002), with two guards against
//! learning the training data by heart, which a corpus of a few thousand names invites:
//! - feature dropout: at each step a share of each token's features is hidden, so no single
//!   feature (the word itself, say) carries a decision alone;
//! - bagging: several perceptrons, each visiting the sentences in its own seeded order, and
//!   the model is the mean of their averaged weights.
//!
//! On the Wikinews folds, over seeds 1 to 5, they took micro F1 from 0.654 to 0.669 (dropout
//! 0.2), then with the document's own words as features to 0.682, with three perceptrons of
//! five passes to 0.694, and with [`PRUNE`] to 0.696 (the README's tagger section has the
//! table).

use super::features::Feature;
use super::perceptron::{mistakes, viterbi, FeatureMap, Model, Transitions, LAYERS, O};
use super::train::TrainOptions;

/// A training sentence: features per token and gold tags per layer.
pub struct Prepared {
    /// Per token, its features.
    pub features: Vec<Vec<Feature>>,
    /// Per layer, per token, the gold tag.
    pub gold: Vec<Vec<usize>>,
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

/// A small seeded generator (xorshift), so training is the same on every run and machine.
struct Xorshift(u64);

impl Xorshift {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Shuffles `order` with a generator seeded by `seed`.
fn shuffle(order: &mut [usize], seed: u64) {
    let mut random = Xorshift::new(seed);
    for i in (1..order.len()).rev() {
        order.swap(i, (random.next() % (i as u64 + 1)) as usize);
    }
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

/// A feature none of whose mean weights reaches this is left out of the model: half of one
/// perceptron step. On the Wikinews folds that halves the model (1,034,848 → 504,640 bytes)
/// and leaves micro F1 as it was (0.694 → 0.696 over seeds 1 to 5).
pub const PRUNE: f32 = 0.5;

/// Trains `options.models` perceptrons and leaves the mean of their averaged weights and
/// transitions in `model`, less the features [`PRUNE`] leaves out.
pub fn learn(model: &mut Model, prepared: &[Prepared], options: TrainOptions) {
    let models = options.models.max(1);
    let tags = model.tags();
    model.weights = FeatureMap::default();
    model.transitions = vec![vec![vec![0.0; tags]; tags + 1]; LAYERS];
    let share = 1.0 / models as f32;
    for index in 0..models {
        let seed = options.seed.wrapping_add(1000 * index as u64);
        let (weights, transitions) = learn_one(tags, prepared, options, seed);
        for (feature, w) in weights {
            let sum = model
                .weights
                .entry(feature)
                .or_insert_with(|| vec![0.0; w.len()]);
            for (sum, w) in sum.iter_mut().zip(w) {
                *sum += w * share;
            }
        }
        for (sum, layer) in model.transitions.iter_mut().zip(transitions) {
            for (sum, row) in sum.iter_mut().zip(layer) {
                for (sum, v) in sum.iter_mut().zip(row) {
                    *sum += v * share;
                }
            }
        }
    }
    model
        .weights
        .retain(|_, w| w.iter().any(|&v| v.abs() >= PRUNE));
}

/// One perceptron's passes, seeded by `seed`: its averaged weights and transitions.
fn learn_one(
    tags: usize,
    prepared: &[Prepared],
    options: TrainOptions,
    seed: u64,
) -> (FeatureMap<Vec<f32>>, Vec<Transitions>) {
    let width = LAYERS * (tags - 1);
    let mut weights: FeatureMap<Vec<Averaged>> = FeatureMap::default();
    let mut transitions = vec![vec![vec![Averaged::default(); tags]; tags + 1]; LAYERS];
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut dropout = Xorshift::new(seed ^ 0x5eed_d809);
    let mut clock = 1.0f64;
    for epoch in 0..options.epochs {
        shuffle(&mut order, seed.wrapping_add(epoch as u64));
        for &index in &order {
            let sentence = &prepared[index];
            let features: Vec<Vec<Feature>> = sentence
                .features
                .iter()
                .map(|token| {
                    let mut kept = token.clone();
                    if options.dropout > 0.0 {
                        kept.retain(|_| dropout.unit() >= options.dropout);
                    }
                    kept
                })
                .collect();
            for (layer, moves) in transitions.iter_mut().enumerate() {
                let gold = &sentence.gold[layer];
                if layer > 0
                    && gold.iter().all(|&t| t == O)
                    && sentence.gold[0].iter().all(|&t| t == O)
                {
                    continue;
                }
                let emissions = current_emissions(&weights, &features, layer, tags);
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
                    for feature in &features[t] {
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
    let weights = weights
        .into_iter()
        .map(|(f, w)| (f, w.into_iter().map(|a| a.average(clock)).collect()))
        .collect();
    let transitions = transitions
        .iter()
        .map(|layer| {
            layer
                .iter()
                .map(|row| row.iter().map(|a| a.average(clock)).collect())
                .collect()
        })
        .collect();
    (weights, transitions)
}
