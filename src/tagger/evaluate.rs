//! Evaluation by exact span match — same start, end and label, the definition of seqeval's
//! strict mode and nervaluate's "strict" — per label and micro-averaged; k-fold
//! cross-validation by document and a learning curve.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::error::TaggerError;
use super::perceptron::Model;
use super::predict::predict;
use super::train::{labels_of, train, Example, TrainOptions};

/// Counts of one label (or all): spans found and right, found and wrong, missed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Predicted spans that match a gold span exactly.
    pub true_positives: usize,
    /// Predicted spans that match none.
    pub false_positives: usize,
    /// Gold spans no prediction matches.
    pub false_negatives: usize,
}

impl Counts {
    /// TP / (TP + FP), 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }
    /// TP / (TP + FN), 0 when there is nothing to find.
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }
    /// The harmonic mean of precision and recall: 2 TP / (2 TP + FP + FN).
    pub fn f1(&self) -> f64 {
        ratio(
            2 * self.true_positives,
            2 * self.true_positives + self.false_positives + self.false_negatives,
        )
    }
    /// Gold spans: TP + FN.
    pub fn support(&self) -> usize {
        self.true_positives + self.false_negatives
    }
    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores per label and micro-averaged over all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    /// Per label name, in the model's label order.
    pub per_label: Vec<(String, Counts)>,
    /// Documents evaluated.
    pub documents: usize,
}

impl Scores {
    /// All labels pooled.
    pub fn micro(&self) -> Counts {
        let mut all = Counts::default();
        for (_, counts) in &self.per_label {
            all.add(*counts);
        }
        all
    }

    /// The counts of label `name`, added (zero) if it has none yet.
    pub fn label(&mut self, name: &str) -> &mut Counts {
        let index = match self.per_label.iter().position(|(l, _)| l == name) {
            Some(index) => index,
            None => {
                self.per_label.push((name.to_owned(), Counts::default()));
                self.per_label.len() - 1
            }
        };
        &mut self.per_label[index].1
    }

    /// Counts one document's spans `found` against its gold spans, exact match.
    pub fn count<'a>(
        &mut self,
        gold: &'a Example,
        found: impl Iterator<Item = (usize, usize, &'a str)>,
    ) {
        let expected: HashSet<(usize, usize, &str)> = gold
            .spans
            .iter()
            .map(|(r, l)| (r.start, r.end, l.as_str()))
            .collect();
        let found: HashSet<(usize, usize, &str)> = found.collect();
        for &(_, _, label) in found.intersection(&expected) {
            self.label(label).true_positives += 1;
        }
        for &(_, _, label) in found.difference(&expected) {
            self.label(label).false_positives += 1;
        }
        for &(_, _, label) in expected.difference(&found) {
            self.label(label).false_negatives += 1;
        }
    }

    /// Adds `other`'s counts to these.
    pub fn merge(&mut self, other: &Scores) {
        for (name, counts) in &other.per_label {
            self.label(name).add(*counts);
        }
        self.documents += other.documents;
    }
}

/// Scores of `model` on `gold`, exact span match, for the labels of the model and the gold.
pub fn evaluate(model: &Model, gold: &[Example]) -> Scores {
    let mut scores = Scores::default();
    for name in model.labels.iter().chain(&labels_of(gold)) {
        scores.label(name);
    }
    for example in gold {
        let found = predict(model, &example.text, None);
        let found = found.iter().map(|p| (p.start, p.end, p.label.as_str()));
        scores.count(example, found);
    }
    scores.documents = gold.len();
    scores
}

/// The documents of fold `fold` of `folds`: every `folds`-th document, so each fold mixes the
/// corpus's parts.
pub fn in_fold(index: usize, fold: usize, folds: usize) -> bool {
    index % folds == fold
}

/// k-fold cross-validation by document: each fold's documents scored by a model trained on the
/// others, the counts pooled over the folds. `limit` trains on at most that many documents of
/// each fold's training part (for a learning curve).
pub fn cross_validate(
    examples: &[Example],
    folds: usize,
    limit: Option<usize>,
    options: TrainOptions,
) -> Result<Scores, TaggerError> {
    if folds < 2 || examples.len() < folds {
        return Err(TaggerError::TooFewDocuments {
            documents: examples.len(),
            folds: folds.max(2),
        });
    }
    let labels = labels_of(examples);
    let mut pooled = Scores::default();
    for fold in 0..folds {
        let (test, rest): (Vec<_>, Vec<_>) = examples
            .iter()
            .enumerate()
            .partition(|(i, _)| in_fold(*i, fold, folds));
        let training: Vec<Example> = rest
            .into_iter()
            .map(|(_, e)| e.clone())
            .take(limit.unwrap_or(usize::MAX))
            .collect();
        let test: Vec<Example> = test.into_iter().map(|(_, e)| e.clone()).collect();
        let model = train(&training, &labels, options)?;
        pooled.merge(&evaluate(&model, &test));
    }
    Ok(pooled)
}

/// Micro F1 of cross-validation against the number of training documents per fold: at 1, 2,
/// 4, … documents, and last at every training document, whose scores are `full` (the
/// cross-validation already run). Where the first documents hold no span, F1 is 0.
pub fn learning_curve(
    examples: &[Example],
    folds: usize,
    full: &Scores,
    options: TrainOptions,
) -> Result<Vec<(usize, f64)>, TaggerError> {
    let most = examples.len() - examples.len().div_ceil(folds.max(1));
    let mut curve = Vec::new();
    let sizes = (0..).map(|power| 1usize << power).take_while(|&s| s < most);
    for size in sizes {
        let f1 = match cross_validate(examples, folds, Some(size), options) {
            Ok(scores) => scores.micro().f1(),
            Err(TaggerError::NoSpans) => 0.0,
            Err(error) => return Err(error),
        };
        curve.push((size, f1));
    }
    curve.push((most, full.micro().f1()));
    Ok(curve)
}
