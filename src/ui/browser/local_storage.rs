//! localStorage, for two small things: work saved by an older version (one document, as native
//! JSON, read once at startup into the workspace and left where it is), and the last changes
//! written as the page is left, when IndexedDB has no time to finish (see `autosave`).

use super::storage_error::StorageError;

/// Key under which the current document and its annotations are saved.
pub const DOCUMENT_KEY: &str = "article-annotator.document.v1";

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .ok_or_else(|| StorageError::Unavailable("no localStorage".into()))
}

fn describe(error: wasm_bindgen::JsValue) -> String {
    js_sys::Error::from(error).message().into()
}

/// The text under `key`, if any.
pub fn load(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|error| StorageError::ReadFailed(describe(error)))
}

/// Keeps `text` under `key`, replacing what was there; fails when it does not fit.
pub fn save(key: &str, text: &str) -> Result<(), StorageError> {
    local_storage()?
        .set_item(key, text)
        .map_err(|error| StorageError::WriteFailed(describe(error)))
}

/// Forgets what is under `key`.
pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|error| StorageError::WriteFailed(describe(error)))
}
