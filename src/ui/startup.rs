//! What the app opens on: the saved workspace if it can be read, else work saved by an older
//! version (one document in localStorage), else the embedded article. Saved work that cannot
//! be read is never overwritten: saving stays off and the user is told.

use super::autosave::{document_key, finish_unsaved, Snapshot, META_KEY};
use super::state::{capitalize, AppState};
use super::storage::{self, DOCUMENT_KEY};
use super::workspace_store::{self, StoreError};
use crate::default_article;
use crate::formats::{native_json, workspace_file};
use crate::model::{AnnotatedDocument, Workspace};

/// The state shown while the saved work is read: the embedded article, saving off.
pub fn initial_state() -> AppState {
    let mut state = AppState::new(AnnotatedDocument::new(default_article::document()));
    state.autosave = false;
    state.loading = true;
    state
}

/// Why a tab does not save while another one is open.
pub const OTHER_TAB: &str = "the workspace is open in another tab, which saves it; this tab \
    does not. Close the other tab and reload this one to save here, or use Export everything";

/// The workspace to start with and what the store already holds of it, or why saving must
/// stay off (the message tells the user). Only a tab that `saves` finishes the changes kept as
/// the page was last left.
pub async fn restore(saves: bool) -> Result<(Workspace, Snapshot), String> {
    let kept = "It is kept as it was and saving is off; use Export everything to keep new work.";
    let finished = if saves {
        finish_unsaved().await
    } else {
        Ok(())
    };
    if let Err(error) = finished {
        return Err(format!(
            "The last changes before the page was left could not be saved ({error}). {kept}"
        ));
    }
    let meta = match workspace_store::read(&[META_KEY.to_owned()]).await {
        Ok(records) => records.into_iter().next().flatten(),
        Err(error @ StoreError::Unavailable(_)) => {
            return Err(format!(
                "Saving is off: {error}. Work stays in this tab only; use Export everything."
            ))
        }
        Err(error) => return Err(format!("{}. {kept}", capitalize(&error.to_string()))),
    };
    let unreadable = |error: &dyn std::fmt::Display| {
        format!("Your saved work could not be read ({error}). {kept}")
    };
    let Some(meta) = meta else {
        return from_older_version().map(|workspace| (workspace, Snapshot::default()));
    };
    let meta = workspace_file::read_meta(&meta).map_err(|e| unreadable(&e))?;
    let keys: Vec<String> = (0..meta.done.len()).map(document_key).collect();
    let documents = workspace_store::read(&keys)
        .await
        .map_err(|e| unreadable(&e))?
        .into_iter()
        .enumerate()
        .map(|(index, record)| {
            record.ok_or(workspace_file::WorkspaceFileError::MissingDocument(index))
        })
        .collect::<Result<Vec<String>, _>>()
        .map_err(|e| unreadable(&e))?;
    let workspace = workspace_file::assemble(meta, &documents).map_err(|e| unreadable(&e))?;
    let snapshot = Snapshot::of(&workspace);
    Ok((workspace, snapshot))
}

/// The one document an older version saved in localStorage (left there untouched), or the
/// embedded article.
fn from_older_version() -> Result<Workspace, String> {
    let fresh = || Workspace::new(AnnotatedDocument::new(default_article::document()));
    let Ok(Some(json)) = storage::load(DOCUMENT_KEY) else {
        return Ok(fresh());
    };
    native_json::import(&json)
        .map(Workspace::new)
        .map_err(|error| {
            format!(
                "Your saved work could not be read ({error}). It is kept as it was and saving is \
             off; the default article is shown."
            )
        })
}
