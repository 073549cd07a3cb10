//! The tagger's errors: a model file that is not one, or training with nothing to learn from.

use std::fmt;

/// What went wrong in training, prediction or reading a model file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaggerError {
    /// The bytes do not start as a model file does.
    NotAModel,
    /// The model file was written by another version of the tagger.
    Version {
        /// The version the file states.
        found: u32,
    },
    /// The model file ends before its stated contents.
    Truncated,
    /// The model file's contents contradict themselves (at byte `at`).
    Corrupt {
        /// Where the contradiction was found.
        at: usize,
    },
    /// The training data holds no span.
    NoSpans,
    /// Cross-validation needs at least two documents per fold split.
    TooFewDocuments {
        /// Documents given.
        documents: usize,
        /// Folds asked for.
        folds: usize,
    },
}

impl fmt::Display for TaggerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAModel => write!(f, "this is not an Article Annotator model file"),
            Self::Version { found } => write!(
                f,
                "this model file is version {found}; this version of Article Annotator reads version {}",
                super::model_file::VERSION
            ),
            Self::Truncated => write!(f, "this model file is cut short"),
            Self::Corrupt { at } => write!(f, "this model file is damaged (at byte {at})"),
            Self::NoSpans => write!(
                f,
                "the tagger needs annotated spans to learn from: annotate a few names first"
            ),
            Self::TooFewDocuments { documents, folds } => write!(
                f,
                "{folds}-fold cross-validation needs at least {folds} documents with text; there are {documents}"
            ),
        }
    }
}

impl std::error::Error for TaggerError {}
