//! Saving the current work in the browser's localStorage, as native JSON.

use std::fmt;

/// Key under which the current document and its annotations are saved.
pub const DOCUMENT_KEY: &str = "article-annotator.document.v1";

/// Why saving or loading failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no localStorage (private mode, disabled storage).
    Unavailable,
    /// Reading failed.
    ReadFailed(String),
    /// Writing failed, usually because the quota is full.
    WriteFailed(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable => write!(f, "this browser offers no storage for this page"),
            Self::ReadFailed(reason) => write!(f, "saved work could not be read ({reason})"),
            Self::WriteFailed(reason) => {
                write!(f, "saving failed ({reason}); the storage may be full")
            }
        }
    }
}

impl std::error::Error for StorageError {}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

fn describe(error: wasm_bindgen::JsValue) -> String {
    js_sys::Error::from(error).message().into()
}

/// The saved document JSON, if any.
pub fn load(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|error| StorageError::ReadFailed(describe(error)))
}

/// Saves the document JSON, replacing what was there.
pub fn save(key: &str, json: &str) -> Result<(), StorageError> {
    local_storage()?
        .set_item(key, json)
        .map_err(|error| StorageError::WriteFailed(describe(error)))
}
