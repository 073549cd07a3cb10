//! Why the browser's storage (IndexedDB or localStorage) could not be used.

use std::fmt;

/// Why storage could not be used; the work in memory is untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// This browser offers no storage here (private mode, disabled storage).
    Unavailable(String),
    /// Reading failed.
    ReadFailed(String),
    /// Writing failed, usually because the quota is full.
    WriteFailed(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable(reason) => {
                write!(f, "this browser offers no storage for this page ({reason})")
            }
            Self::ReadFailed(reason) => write!(f, "saved work could not be read ({reason})"),
            Self::WriteFailed(reason) => {
                write!(f, "saving failed ({reason}); the storage may be full")
            }
        }
    }
}

impl std::error::Error for StorageError {}
