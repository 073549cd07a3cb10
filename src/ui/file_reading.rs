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
                "{name} is {} MB; files up to {} MB can be opened",
                megabytes(*bytes),
                megabytes(MAX_FILE_BYTES)
            ),
            Self::ReadFailed(reason) => write!(f, "the file could not be read: {reason}"),
        }
    }
}

/// `bytes` in megabytes with one decimal, in integer arithmetic: formatting a float with a
/// precision would add float-printing code to the page's WebAssembly for one message.
fn megabytes(bytes: f64) -> String {
    let tenths = (bytes / 100_000.0).round() as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
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
