//! What the app opens on: the saved work if it can be read, else the embedded article.
//! Saved work that cannot be read is never overwritten: autosave stays off.

use super::state::{AppState, Notice};
use super::storage::{self, StorageError, DOCUMENT_KEY};
use crate::default_article;
use crate::formats::native_json;
use crate::model::AnnotatedDocument;

/// The state to start with.
pub fn initial_state() -> AppState {
    let fresh = || AppState::new(AnnotatedDocument::new(default_article::document()));
    let saved = match storage::load(DOCUMENT_KEY) {
        Ok(saved) => saved,
        Err(StorageError::Unavailable) => {
            return without_autosave(
                fresh(),
                "This browser offers no storage here, so work is not saved: use Export JSON."
                    .into(),
            );
        }
        Err(error) => {
            return without_autosave(
                fresh(),
                format!("{error}. Autosave is off so nothing is overwritten."),
            );
        }
    };
    let Some(json) = saved else {
        return fresh();
    };
    match native_json::import(&json) {
        Ok(annotated) => AppState::new(annotated),
        Err(error) => without_autosave(
            fresh(),
            format!(
                "Your saved work could not be read ({error}). It is kept as it was and autosave is off; \
                 the default article is shown."
            ),
        ),
    }
}

fn without_autosave(mut state: AppState, message: String) -> AppState {
    state.autosave = false;
    state.notice = Some(Notice::error(message));
    state
}

/// Saves the state's document now.
pub fn save(state: &AppState) -> Result<(), String> {
    let json = native_json::export_compact(&state.annotated).map_err(|error| error.to_string())?;
    storage::save(DOCUMENT_KEY, &json).map_err(|error| error.to_string())
}
