//! The command line's one error type: every failure, with the file it concerns.

use std::fmt;
use std::path::PathBuf;

use article_annotator::formats::text_encoding::NotUtf8;
use article_annotator::formats::FormatError;
use article_annotator::tagger::TaggerError;

/// Why a command did nothing (or, for `Usage`, was not understood).
#[derive(Debug)]
pub enum CliError {
    /// The arguments do not make a command (exit code 2).
    Usage(String),
    /// A file could not be read.
    Read(PathBuf, std::io::Error),
    /// A file is not UTF-8 and no other encoding was given.
    NotUtf8(PathBuf, NotUtf8),
    /// A file was refused; nothing was written.
    Refused(PathBuf, Box<FormatError>),
    /// A model file was refused, or the tagger could not do what was asked.
    Tagger(PathBuf, TaggerError),
    /// Writing failed; every target is as it was.
    Write(PathBuf, String),
    /// Anything else, said as it is.
    Other(String),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Usage(message) | Self::Other(message) => write!(f, "{message}"),
            Self::Read(path, error) => write!(f, "{}: {error}", path.display()),
            Self::NotUtf8(path, error) => write!(
                f,
                "{}: {error}; convert it to UTF-8, or give --encoding windows-1252 if that is what it is",
                path.display()
            ),
            Self::Refused(path, error) => {
                write!(f, "{}: {error}; nothing was written", path.display())
            }
            Self::Tagger(path, error) => write!(f, "{}: {error}", path.display()),
            Self::Write(path, reason) => {
                write!(f, "{}: {reason}; nothing was written", path.display())
            }
        }
    }
}

impl std::error::Error for CliError {}
