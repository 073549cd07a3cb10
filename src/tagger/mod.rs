//! The tagger: a sequence tagger that learns named spans from the workspace's own annotations
//! and predicts them in new text. Pure Rust, natively tested, run by the converters' worker in
//! the browser and by the command line. Offsets are Unicode code points, start inclusive, end
//! exclusive.
//!
//! The model is an averaged structured perceptron (Collins 2002) over two layers of BIO tags
//! of all labels: the outermost spans, and the spans nested inside one of them, each layer
//! with its own transitions and Viterbi decoding over features shared by both. So a span may
//! nest inside one of another label ("Vietnam" inside "Vietnam War"), as annotators mark
//! them; spans of one layer never overlap, and predictions that the document's overlap policy
//! does not allow are left out.

pub mod baseline;
pub mod document_words;
pub mod error;
pub mod evaluate;
pub mod examples;
pub mod features;
pub mod gazetteer;
pub mod gold;
pub mod hashing;
pub mod learn;
pub mod lexicon;
pub mod model_cache;
pub mod model_file;
pub mod model_record;
pub mod perceptron;
pub mod predict;
pub mod protocol;
pub mod sentences;
pub mod train;
pub mod update;

pub use error::TaggerError;
pub use evaluate::{cross_validate, evaluate, Scores};
pub use perceptron::Model;
pub use predict::{predict, Prediction};
pub use train::{train, Example, TrainOptions};
