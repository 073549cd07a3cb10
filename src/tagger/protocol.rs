//! What the page asks of the tagger in the worker, and its answers: train on documents,
//! pre-annotate documents, evaluate by cross-validation. Documents cross as a
//! [`DocumentBatch`]; the model crosses as its file's bytes (a `Uint8Array`). Offsets are
//! Unicode code points.

use serde::{Deserialize, Serialize};

use super::evaluate::{learning_curve, Counts};
use super::examples::{example_of, predictions_for};
use super::model_cache::{cached, owned, trained};
use super::update::{learn_answers, Answer};
use super::{cross_validate, evaluate, train, Model, TaggerError, TrainOptions};
use crate::formats::protocol::DocumentBatch;
use crate::formats::FormatError;

/// What the model learned from: per label, its spans, and how many documents.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ModelSummary {
    /// Per label name, the spans it learned from.
    pub labels: Vec<(String, usize)>,
    /// Documents it learned from.
    pub documents: usize,
}

impl ModelSummary {
    /// The summary of `model`.
    pub fn of(model: &Model) -> Self {
        Self {
            labels: model
                .labels
                .iter()
                .cloned()
                .zip(model.spans_per_label.iter().copied())
                .collect(),
            documents: model.documents,
        }
    }

    /// Spans learned from, all labels.
    pub fn spans(&self) -> usize {
        self.labels.iter().map(|(_, n)| n).sum()
    }
}

/// One predicted span as it crosses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictionData {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The label's name.
    pub label: String,
    /// How sure the model is, 0 to 1.
    pub confidence: f64,
}

/// A request for the tagger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum TaggerRequest {
    /// Learn from these documents' spans.
    Train {
        /// The documents to learn from.
        documents: DocumentBatch,
    },
    /// Predict spans for these documents with this model.
    Predict {
        /// The model file's bytes.
        #[serde(with = "serde_bytes")]
        model: Vec<u8>,
        /// The documents, with the spans they hold (kept; predictions come beside them).
        documents: DocumentBatch,
    },
    /// Learn from answers about single spans of one text at once (see [`super::update`]).
    Update {
        /// The model file's bytes.
        #[serde(with = "serde_bytes")]
        model: Vec<u8>,
        /// The text the answers are about.
        text: String,
        /// Per answer: start, end (code points), label name, accepted (else rejected).
        answers: Vec<(usize, usize, String, bool)>,
    },
    /// Read a model file (one picked to import): answered with the same file and what it
    /// learned from, or refused. The page holds no model reader of its own.
    Read {
        /// The model file's bytes.
        #[serde(with = "serde_bytes")]
        model: Vec<u8>,
    },
    /// Score this model on held-out gold documents (exact span match): answered `Evaluated`
    /// with no folds and no curve.
    Score {
        /// The model file's bytes.
        #[serde(with = "serde_bytes")]
        model: Vec<u8>,
        /// The gold documents.
        documents: DocumentBatch,
    },
    /// k-fold cross-validation by document, and a learning curve.
    Evaluate {
        /// The gold documents.
        documents: DocumentBatch,
        /// Folds.
        folds: usize,
    },
}

/// The tagger's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum TaggerResponse {
    /// A new model.
    Trained {
        /// The model file's bytes.
        #[serde(with = "serde_bytes")]
        model: Vec<u8>,
        /// What it learned from.
        summary: ModelSummary,
    },
    /// Per document (in request order), its predictions and the model's labels it lacks.
    Predicted {
        /// Per document: its version key (see `Document::version_key`), its predictions, the
        /// labels it has not.
        documents: Vec<(String, Vec<PredictionData>, Vec<String>)>,
    },
    /// Scores of the cross-validation (exact span match), pooled over the folds.
    Evaluated {
        /// Per label: name and counts.
        per_label: Vec<(String, Counts)>,
        /// Documents evaluated.
        documents: usize,
        /// Folds (none when scored on held-out documents).
        folds: usize,
        /// Micro F1 against training documents per fold.
        curve: Vec<(usize, f64)>,
    },
}

/// Why a tagger request did nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum TaggerFailure {
    /// A document did not cross whole.
    Document(FormatError),
    /// The tagger refused.
    Tagger(TaggerError),
}

impl std::fmt::Display for TaggerFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Document(error) => write!(f, "{error}"),
            Self::Tagger(error) => write!(f, "{error}"),
        }
    }
}

fn annotated(
    documents: &DocumentBatch,
) -> Result<Vec<crate::model::AnnotatedDocument>, TaggerFailure> {
    let documents = documents
        .into_annotated()
        .map_err(TaggerFailure::Document)?;
    Ok(documents.into_iter().map(|(a, _)| a).collect())
}

/// Runs one tagger request.
pub fn handle(request: TaggerRequest) -> Result<TaggerResponse, TaggerFailure> {
    match request {
        TaggerRequest::Train { documents } => {
            let examples: Vec<_> = annotated(&documents)?.iter().map(example_of).collect();
            let model =
                train(&examples, &[], TrainOptions::default()).map_err(TaggerFailure::Tagger)?;
            Ok(trained(model))
        }
        TaggerRequest::Predict { model, documents } => {
            let model = cached(&model)?;
            let documents = annotated(&documents)?
                .iter()
                .map(|document| {
                    let (found, missing) = predictions_for(&model, document);
                    let found = found
                        .into_iter()
                        .map(|p| PredictionData {
                            start: p.start,
                            end: p.end,
                            label: p.label,
                            confidence: p.confidence,
                        })
                        .collect();
                    (document.document.version_key(), found, missing)
                })
                .collect();
            Ok(TaggerResponse::Predicted { documents })
        }
        TaggerRequest::Update {
            model,
            text,
            answers,
        } => {
            let mut model = owned(&model)?;
            let answers: Vec<Answer> = answers
                .into_iter()
                .map(|(start, end, label, accepted)| Answer {
                    range: start..end,
                    label,
                    accepted,
                })
                .collect();
            learn_answers(&mut model, &text, &answers);
            for answer in answers.iter().filter(|a| a.accepted) {
                if let Some(i) = model.labels.iter().position(|l| *l == answer.label) {
                    model.spans_per_label[i] += 1;
                }
            }
            Ok(trained(model))
        }
        TaggerRequest::Read { model: bytes } => {
            let summary = ModelSummary::of(&*cached(&bytes)?);
            Ok(TaggerResponse::Trained {
                model: bytes,
                summary,
            })
        }
        TaggerRequest::Score { model, documents } => {
            let model = cached(&model)?;
            let gold: Vec<_> = annotated(&documents)?.iter().map(example_of).collect();
            let scores = evaluate(&model, &gold);
            Ok(TaggerResponse::Evaluated {
                per_label: scores.per_label,
                documents: scores.documents,
                folds: 0,
                curve: Vec::new(),
            })
        }
        TaggerRequest::Evaluate { documents, folds } => {
            let examples: Vec<_> = annotated(&documents)?.iter().map(example_of).collect();
            let options = TrainOptions::default();
            let scores =
                cross_validate(&examples, folds, None, options).map_err(TaggerFailure::Tagger)?;
            let curve = learning_curve(&examples, folds, &scores, options)
                .map_err(TaggerFailure::Tagger)?;
            Ok(TaggerResponse::Evaluated {
                per_label: scores.per_label,
                documents: scores.documents,
                folds,
                curve,
            })
        }
    }
}
