//! Reading a file the user picked, with a size limit checked before anything is read.

use std::fmt;

use wasm_bindgen_futures::JsFuture;

/// Largest file the app opens: 50 MiB.
pub const MAX_FILE_BYTES: f64 = 50.0 * 1024.0 * 1024.0;

/// Why a file could not be read. The current work is untouched.
#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooBig {
        /// The file's name.
        name: String,
        /// Its size in bytes.
        bytes: f64,
    },
    /// The browser could not read it, or it is not text.
    ReadFailed(String),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooBig { name, bytes } => write!(
                f,
                "{name} is {:.1} MB; files up to {:.0} MB can be opened",
                bytes / 1e6,
                MAX_FILE_BYTES / 1e6
            ),
            Self::ReadFailed(reason) => write!(f, "the file could not be read: {reason}"),
        }
    }
}

/// The file's text, decoded as UTF-8.
pub async fn read_text(file: &web_sys::File) -> Result<String, FileError> {
    if file.size() > MAX_FILE_BYTES {
        return Err(FileError::TooBig {
            name: file.name(),
            bytes: file.size(),
        });
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|error| FileError::ReadFailed(format!("{error:?}")))?;
    text.as_string()
        .ok_or_else(|| FileError::ReadFailed("not text".into()))
}
