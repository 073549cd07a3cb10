//! The model: two layers of BIO tags over all labels — the outermost spans, and spans nested
//! inside another — each with per-feature weights of every B-label and I-label tag (O scores
//! zero) and scores of tag transitions; decoding by Viterbi, confidence by forward-backward.

use super::features::Feature;
use super::gazetteer::Gazetteer;
pub use super::hashing::FeatureMap;

/// Layers: 0 holds the outermost spans, 1 the spans nested inside one of them.
pub const LAYERS: usize = 2;
/// The tag outside every span.
pub const O: usize = 0;

/// The B tag of label `label`.
pub fn begin(label: usize) -> usize {
    1 + 2 * label
}

/// The label of a B or I tag.
pub fn label_of(tag: usize) -> usize {
    (tag - 1) / 2
}

/// Whether `tag` is an I tag.
pub fn is_inside(tag: usize) -> bool {
    tag != O && (tag - 1) % 2 == 1
}

/// Whether `to` may follow `from` (`None`: the sentence's start): an I tag only continues a
/// span of its own label.
pub fn allowed(from: Option<usize>, to: usize) -> bool {
    !is_inside(to) || from.is_some_and(|from| from != O && label_of(from) == label_of(to))
}

/// Where `guess` goes wrong against `target`: per token whose tag or the tag before it
/// differs, (token, (tag before, tag) in the target, the same in the guess); `start` stands
/// for the tag before the first token. What a perceptron step corrects.
pub fn mistakes<'a>(
    target: &'a [usize],
    guess: &'a [usize],
    start: usize,
) -> impl Iterator<Item = (usize, (usize, usize), (usize, usize))> + 'a {
    (0..target.len()).filter_map(move |t| {
        let before = |tags: &[usize]| if t == 0 { start } else { tags[t - 1] };
        let (gold, guessed) = ((before(target), target[t]), (before(guess), guess[t]));
        (gold != guessed).then_some((t, gold, guessed))
    })
}

/// One layer's transition scores: `[from][to]`, where row `tags` is the sentence's start.
pub type Transitions = Vec<Vec<f32>>;

/// A trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The labels it predicts, by name.
    pub labels: Vec<String>,
    /// Per feature, per layer, the weight of each tag but O: index `layer * (tags - 1) + tag - 1`.
    pub weights: FeatureMap<Vec<f32>>,
    /// Per layer, the transition scores.
    pub transitions: Vec<Transitions>,
    /// Strings labeled in the training data, by label.
    pub gazetteer: Gazetteer,
    /// What the model learned from: per label, spans seen.
    pub spans_per_label: Vec<usize>,
    /// Documents it learned from.
    pub documents: usize,
    /// Per label, whether its names recur with it throughout a document in the training data
    /// (so a name found once is found wherever it recurs; see `predict`).
    pub consistent: Vec<bool>,
}

impl Model {
    /// A model with no weights, for `labels`.
    pub fn empty(labels: Vec<String>) -> Self {
        let count = labels.len();
        let tags = 1 + 2 * count;
        Self {
            gazetteer: Gazetteer::new(count),
            labels,
            weights: FeatureMap::default(),
            transitions: vec![vec![vec![0.0; tags]; tags + 1]; LAYERS],
            spans_per_label: vec![0; count],
            documents: 0,
            consistent: vec![false; count],
        }
    }

    /// Tags per layer: O, then B and I of each label.
    pub fn tags(&self) -> usize {
        1 + 2 * self.labels.len()
    }

    /// Per layer, per token, per tag, the emission scores: each feature's weights are looked
    /// up once for both layers.
    pub fn emissions(&self, features: &[Vec<Feature>]) -> Vec<Vec<Vec<f32>>> {
        let tags = self.tags();
        let mut layers = vec![vec![vec![0.0f32; tags]; features.len()]; LAYERS];
        for (t, token) in features.iter().enumerate() {
            for w in token.iter().filter_map(|f| self.weights.get(f)) {
                for (layer, scores) in layers.iter_mut().enumerate() {
                    let weights = &w[layer * (tags - 1)..(layer + 1) * (tags - 1)];
                    for (s, w) in scores[t][1..].iter_mut().zip(weights) {
                        *s += w;
                    }
                }
            }
        }
        layers
    }
}

/// The best tag sequence for one layer's emissions and transitions.
pub fn viterbi(emissions: &[Vec<f32>], transitions: &Transitions) -> Vec<usize> {
    let n = emissions.len();
    let Some(first) = emissions.first() else {
        return Vec::new();
    };
    let tags = first.len();
    // Flat, token by token: `score[t * tags + tag]`.
    let mut score = vec![f32::NEG_INFINITY; n * tags];
    let mut back = vec![O; n * tags];
    for tag in (0..tags).filter(|&tag| allowed(None, tag)) {
        score[tag] = transitions[tags][tag] + first[tag];
    }
    for (t, emission) in emissions.iter().enumerate().skip(1) {
        let (done, rest) = score.split_at_mut(t * tags);
        let (previous, current) = (&done[(t - 1) * tags..], &mut rest[..tags]);
        for (tag, best) in current.iter_mut().enumerate() {
            for prev in (0..tags).filter(|&prev| allowed(Some(prev), tag)) {
                let s = previous[prev] + transitions[prev][tag] + emission[tag];
                if s > *best {
                    *best = s;
                    back[t * tags + tag] = prev;
                }
            }
        }
    }
    let last = &score[(n - 1) * tags..];
    let mut tag = (0..tags)
        .max_by(|&a, &b| last[a].total_cmp(&last[b]))
        .unwrap_or(O);
    let mut path = vec![O; n];
    for t in (0..n).rev() {
        path[t] = tag;
        tag = back[t * tags + tag];
    }
    path
}

/// log(Σ exp) of some scores, in one pass (the running maximum rescales the sum).
fn log_sum(values: impl IntoIterator<Item = f64>) -> f64 {
    let (mut max, mut sum) = (f64::NEG_INFINITY, 0.0f64);
    for v in values {
        if v == f64::NEG_INFINITY {
            continue;
        }
        if v > max {
            sum = sum * (max - v).exp() + 1.0;
            max = v;
        } else {
            sum += (v - max).exp();
        }
    }
    if max == f64::NEG_INFINITY {
        return max;
    }
    max + sum.ln()
}

/// Forward-backward over one layer, reading its scores as a linear-chain model; answers how
/// probable a given span is.
pub struct Lattice<'a> {
    emissions: &'a [Vec<f32>],
    transitions: &'a Transitions,
    alpha: Vec<Vec<f64>>,
    beta: Vec<Vec<f64>>,
    z: f64,
    scale: f64,
}

impl<'a> Lattice<'a> {
    /// The lattice of a sentence's emissions (at least one token).
    pub fn new(emissions: &'a [Vec<f32>], transitions: &'a Transitions) -> Self {
        Self::scaled(emissions, transitions, 1.0)
    }

    /// The same with every score divided by `temperature`: the perceptron's scores are
    /// margins, not log-probabilities, and read as such they are far too sure.
    pub fn scaled(
        emissions: &'a [Vec<f32>],
        transitions: &'a Transitions,
        temperature: f64,
    ) -> Self {
        let n = emissions.len();
        let tags = emissions.first().map_or(0, Vec::len);
        let mut lattice = Self {
            emissions,
            transitions,
            alpha: vec![vec![f64::NEG_INFINITY; tags]; n],
            beta: vec![vec![0.0; tags]; n],
            z: 0.0,
            scale: 1.0 / temperature.max(1e-6),
        };
        for tag in 0..tags {
            lattice.alpha[0][tag] = lattice.tr(None, tag) + lattice.e(0, tag);
        }
        for t in 1..n {
            for tag in 0..tags {
                let into =
                    log_sum((0..tags).map(|p| lattice.alpha[t - 1][p] + lattice.tr(Some(p), tag)));
                lattice.alpha[t][tag] = into + lattice.e(t, tag);
            }
        }
        for t in (0..n.saturating_sub(1)).rev() {
            for tag in 0..tags {
                lattice.beta[t][tag] = log_sum((0..tags).map(|next| {
                    lattice.tr(Some(tag), next) + lattice.e(t + 1, next) + lattice.beta[t + 1][next]
                }));
            }
        }
        lattice.z = n
            .checked_sub(1)
            .map_or(0.0, |last| log_sum(lattice.alpha[last].iter().copied()));
        lattice
    }

    fn e(&self, t: usize, tag: usize) -> f64 {
        f64::from(self.emissions[t][tag]) * self.scale
    }

    fn tr(&self, from: Option<usize>, to: usize) -> f64 {
        if !allowed(from, to) {
            return f64::NEG_INFINITY;
        }
        let row = from.unwrap_or(self.transitions.len() - 1);
        f64::from(self.transitions[row][to]) * self.scale
    }

    /// The probability that tokens `start..end` are exactly one span of label `label`.
    pub fn span_probability(&self, start: usize, end: usize, label: usize) -> f64 {
        let tags = self.alpha.first().map_or(0, Vec::len);
        let (b, i) = (begin(label), begin(label) + 1);
        let before = if start == 0 {
            self.tr(None, b)
        } else {
            log_sum((0..tags).map(|p| self.alpha[start - 1][p] + self.tr(Some(p), b)))
        };
        let mut path = before + self.e(start, b);
        let mut last = b;
        for t in start + 1..end {
            path += self.tr(Some(last), i) + self.e(t, i);
            last = i;
        }
        let after =
            if end == self.emissions.len() {
                0.0
            } else {
                log_sum((0..tags).filter(|&next| next != i).map(|next| {
                    self.tr(Some(last), next) + self.e(end, next) + self.beta[end][next]
                }))
            };
        (path + after - self.z).exp().clamp(0.0, 1.0)
    }
}
