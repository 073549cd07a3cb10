//! What the app opens on: the saved workspace, with every document that can be opened; else
//! work saved by an older version (one document in localStorage); else the embedded article.
//!
//! A saved record that cannot be opened (a damaged document, a lost header) costs only
//! itself: it is kept aside in the store as it was (see `set_aside`), the rest of the workspace
//! is written again whole, in the same transaction, and the user is told. Only when nothing at
//! all can be opened does saving stay off, so the saved work is never overwritten.

use super::autosave::{self, document_key, finish_unsaved, Snapshot, META_KEY};
use super::set_aside::{self, AsideRecord};
use crate::default_article;
use crate::formats::native_json;
use crate::formats::recovery::{self, Recovered};
use crate::formats::workspace_file;
use crate::model::order;
use crate::model::{AnnotatedDocument, Workspace};
use crate::ui::browser::indexed_db::{self as workspace_store, StorageError};
use crate::ui::browser::local_storage::{self as storage, DOCUMENT_KEY};
use crate::ui::state::AppState;
use crate::ui::wording::capitalize;

/// The state shown while the saved work is read: the embedded article, saving off.
pub fn initial_state() -> AppState {
    let mut state = AppState::new(AnnotatedDocument::new(default_article::document()));
    state.saving.on = false;
    state.saving.loading = true;
    state
}

/// What startup opened.
pub struct Restored {
    /// The workspace to show.
    pub workspace: Workspace,
    /// What the store holds of it.
    pub snapshot: Snapshot,
    /// Every record kept aside, at this start or an earlier one.
    pub set_aside: Vec<AsideRecord>,
    /// What the user should know about what was opened, if anything.
    pub notice: Option<String>,
    /// Why saving must stay off, if it must.
    pub saving_off: Option<String>,
}

const KEPT: &str =
    "It is kept as it was and saving is off; use Export everything to keep new work.";

/// The workspace to start with, or why saving must stay off with the embedded article shown
/// (the message tells the user). Only a tab that `saves` finishes the changes kept as the page
/// was last left, and sets records aside.
pub async fn restore(saves: bool) -> Result<Restored, String> {
    if saves {
        finish_unsaved().await.map_err(|error| {
            format!(
                "The last changes before the page was left could not be saved ({error}). {KEPT}"
            )
        })?;
    }
    let keys = workspace_store::keys().await.map_err(store_refusal)?;
    let set_aside = read_set_aside(&keys).await.map_err(store_refusal)?;
    let document_keys = numbered_document_keys(&keys);
    if !keys.iter().any(|key| key == META_KEY) && document_keys.is_empty() {
        let workspace = from_older_version()?;
        return Ok(Restored {
            snapshot: Snapshot::default(),
            workspace,
            set_aside,
            notice: None,
            saving_off: None,
        });
    }
    let unreadable = |error: &dyn std::fmt::Display| {
        format!("Your saved work could not be read ({error}). {KEPT}")
    };
    let meta_text = read_one(META_KEY).await.map_err(|e| unreadable(&e))?;
    let header = meta_text.as_deref().map(workspace_file::read_meta);
    let (recovered, header_aside) = match header {
        Some(Ok(meta)) => {
            let keys: Vec<String> = (0..meta.done.len()).map(document_key).collect();
            let records = workspace_store::read(&keys)
                .await
                .map_err(|e| unreadable(&e))?;
            (recovery::recover(meta, &records), None)
        }
        lost => {
            let records = workspace_store::read(&document_keys)
                .await
                .map_err(|e| unreadable(&e))?;
            let reason = match lost {
                Some(Err(error)) => error.to_string(),
                _ => "the workspace header is missing".to_owned(),
            };
            let aside = meta_text.map(|record| {
                AsideRecord::new(META_KEY.into(), reason.clone(), record, js_sys::Date::now())
            });
            (
                recovery::recover_without_header(&records),
                Some((reason, aside)),
            )
        }
    };
    let Recovered {
        workspace,
        set_aside: refused,
        cut_histories,
    } = recovered;
    let Some(workspace) = workspace else {
        let reasons: Vec<String> = refused.iter().map(|(_, e)| e.to_string()).collect();
        return Err(unreadable(&reasons.join("; ")));
    };
    let records = workspace_store::read(
        &refused
            .iter()
            .map(|(index, _)| document_key(*index))
            .collect::<Vec<_>>(),
    )
    .await
    .map_err(|e| unreadable(&e))?;
    let now = js_sys::Date::now();
    let mut new_aside: Vec<AsideRecord> = refused
        .iter()
        .zip(records)
        .filter_map(|((index, error), record)| {
            Some(AsideRecord::new(
                document_key(*index),
                error.to_string(),
                record?,
                now,
            ))
        })
        .collect();
    let mut messages = Vec::new();
    if let Some((reason, aside)) = header_aside {
        messages.push(format!(
            "The workspace header could not be read ({reason}): the documents opened with their \
             labels, but without done marks or undo history."
        ));
        new_aside.extend(aside);
    }
    if !refused.is_empty() {
        let reasons: Vec<String> = refused.iter().map(|(_, e)| e.to_string()).collect();
        messages.push(format!(
            "{} of the saved documents could not be opened and {} kept aside as {} ({}); the \
             other {} opened.",
            refused.len(),
            if refused.len() == 1 { "is" } else { "are" },
            if refused.len() == 1 {
                "it was"
            } else {
                "they were"
            },
            reasons.join("; "),
            workspace.len()
        ));
    }
    for (index, fit) in &cut_histories {
        if let Some(annotated) = workspace.annotated(*index) {
            messages.push(format!(
                "The undo history of \u{201c}{}\u{201d} did not fit its spans and labels: its {} \
                 oldest steps were left out.",
                annotated.document.title,
                fit.dropped()
            ));
        }
    }
    let notice = (!messages.is_empty()).then(|| messages.join(" "));
    let must_rewrite = !refused.is_empty() || !new_aside.is_empty();
    if !(must_rewrite && saves) {
        return Ok(Restored {
            snapshot: Snapshot::of(&workspace),
            workspace,
            set_aside,
            notice,
            saving_off: None,
        });
    }
    // Set the bad records aside and write the rest again in one go: their keys change.
    let extra: Vec<(String, String)> = new_aside
        .iter()
        .map(|record| (record.stored_as.clone(), record.to_json()))
        .collect();
    let stale: Vec<String> = document_keys
        .iter()
        .filter(|key| key_index(key).is_some_and(|index| index >= workspace.len()))
        .cloned()
        .collect();
    let mut all_aside = set_aside;
    all_aside.extend(new_aside);
    match autosave::write_whole(&workspace, extra, stale).await {
        Ok(snapshot) => Ok(Restored {
            workspace,
            snapshot,
            set_aside: all_aside,
            notice,
            saving_off: None,
        }),
        Err(error) => Ok(Restored {
            snapshot: Snapshot::default(),
            workspace,
            set_aside: all_aside,
            notice,
            saving_off: Some(format!(
                "the records that could not be opened could not be set aside ({error}), so \
                 nothing is saved over them"
            )),
        }),
    }
}

/// The message for a store that cannot be used at all.
fn store_refusal(error: StorageError) -> String {
    match error {
        StorageError::Unavailable(_) => {
            format!("Saving is off: {error}. Work stays in this tab only; use Export everything.")
        }
        error => format!("{}. {KEPT}", capitalize(&error.to_string())),
    }
}

async fn read_one(key: &str) -> Result<Option<String>, StorageError> {
    let records = workspace_store::read(&[key.to_owned()]).await?;
    Ok(records.into_iter().next().flatten())
}

/// The position a `document:N` key names.
fn key_index(key: &str) -> Option<usize> {
    key.strip_prefix("document:")?.parse().ok()
}

/// The document keys in the store, in the order of their numbers.
fn numbered_document_keys(keys: &[String]) -> Vec<String> {
    let mut numbered: Vec<(usize, &String)> = keys
        .iter()
        .filter_map(|key| Some((key_index(key)?, key)))
        .collect();
    order::sort(&mut numbered);
    numbered.into_iter().map(|(_, key)| key.clone()).collect()
}

/// Every record kept aside; one that cannot be read back is shown as it is.
async fn read_set_aside(keys: &[String]) -> Result<Vec<AsideRecord>, StorageError> {
    let aside: Vec<String> = keys
        .iter()
        .filter(|key| key.starts_with(set_aside::PREFIX))
        .cloned()
        .collect();
    let records = workspace_store::read(&aside).await?;
    Ok(aside
        .into_iter()
        .zip(records)
        .filter_map(|(key, text)| Some(AsideRecord::read_back(key, text?)))
        .collect())
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
