//! Reading a file the user picked, with a size limit checked before anything is read. Text
//! is UTF-8 (a byte-order mark is dropped); a file that is not is opened as Windows-1252 only
//! if the user says so, and otherwise refused with where its first bad byte is.

use std::fmt;

use wasm_bindgen_futures::JsFuture;

use super::dialogs;
use crate::formats::text_encoding::{decode, utf8_in_place, Encoding, NotUtf8};

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
    /// It is not UTF-8, and the user did not want it read as Windows-1252.
    NotUtf8 {
        /// The file's name.
        name: String,
        /// Where and what.
        error: NotUtf8,
    },
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
            Self::NotUtf8 { name, error } => write!(
                f,
                "{name} was not opened: {error}. Save it as UTF-8, or open it again and choose \
                 to read it as Windows-1252"
            ),
        }
    }
}

/// `bytes` in megabytes with one decimal, in integer arithmetic: formatting a float with a
/// precision would add float-printing code to the page's WebAssembly for one message.
fn megabytes(bytes: f64) -> String {
    let tenths = (bytes / 100_000.0).round() as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The file's bytes (a model file, say), if it is not too big to read.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, FileError> {
    if file.size() > MAX_FILE_BYTES {
        return Err(FileError::TooBig {
            name: file.name(),
            bytes: file.size(),
        });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|error| FileError::ReadFailed(format!("{error:?}")))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The file's text, decoded as UTF-8, or as Windows-1252 if it is not UTF-8 and the user
/// agrees when asked.
pub async fn read_text(file: &web_sys::File) -> Result<String, FileError> {
    let bytes = match utf8_in_place(read_bytes(file).await?) {
        Ok(text) => return Ok(text),
        Err(bytes) => bytes,
    };
    match decode(&bytes, Encoding::Utf8) {
        Ok(text) => Ok(text),
        Err(error) => {
            let name = file.name();
            let question = format!(
                "{name}: {error}.\n\nOpen it as Windows-1252 (Western European) text? Cancel \
                 leaves it out."
            );
            if dialogs::confirm(&question) {
                Ok(decode(&bytes, Encoding::Windows1252).unwrap_or_default())
            } else {
                Err(FileError::NotUtf8 { name, error })
            }
        }
    }
}
