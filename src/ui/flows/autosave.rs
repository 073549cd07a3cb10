//! Autosave: writes what changed since the latest save (the workspace header, the open
//! document, and any other document that changed or moved) to the browser store in one
//! transaction. Documents are native JSON with their latest undo steps (`history_json`),
//! offsets in Unicode code points.
//!
//! A save starts as soon as the change is painted, one at a time ([`SaveQueue`]): a renderer
//! crash loses at most the change whose save has not committed yet. A page left before then
//! cannot wait for IndexedDB, so what changed is also kept in localStorage at that moment
//! (when it fits) and written to IndexedDB at the next start, before the workspace is read.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::formats::{history_json, workspace_file};
use crate::model::{AnnotatedDocument, Entry, Workspace};
use crate::ui::browser::indexed_db::{self as workspace_store, StorageError, Writes};
use crate::ui::browser::indexed_db_queue::as_js;
use crate::ui::browser::js_text::JsText;
use crate::ui::browser::{local_storage as storage, timing};
use crate::ui::error::AppError;

/// localStorage key of the changes made just before the page was left.
pub const UNSAVED_KEY: &str = "article-annotator.unsaved.v1";

/// Key of the workspace header record.
pub const META_KEY: &str = "meta";

/// Key of the document record at `index`.
pub fn document_key(index: usize) -> String {
    format!("document:{index}")
}

/// What the store holds: the workspace as it was at the latest successful save. Entries are
/// shared, never copied: an entry that changed since is another allocation.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    entries: Rc<Vec<Rc<Entry>>>,
    meta: String,
}

impl Snapshot {
    /// The snapshot of a workspace just read from the store.
    pub fn of(workspace: &Workspace) -> Self {
        Self {
            entries: workspace.shared_entries(),
            meta: workspace_file::meta(workspace),
        }
    }
}

/// What a save writes: records (key, text) to put and keys to delete, as one transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Changes {
    records: Vec<(String, String)>,
    removed: Vec<String>,
}

impl Changes {
    fn is_empty(&self) -> bool {
        self.records.is_empty() && self.removed.is_empty()
    }

    fn into_writes(self) -> Writes {
        Writes {
            remove: self.removed.into(),
            ..Writes::put(self.records)
        }
    }
}

/// How long a save writes records before it lets a frame be painted, in milliseconds.
const SLICE_MS: f64 = 8.0;

/// The positions of the documents that changed since `saved`, in order.
fn changed(workspace: &Workspace, saved: &Snapshot) -> Vec<usize> {
    let entries = workspace.entries();
    (0..entries.len())
        .filter(|&index| {
            saved
                .entries
                .get(index)
                .is_none_or(|s| !Rc::ptr_eq(s, &entries[index]))
        })
        .collect()
}

/// The document at `index`.
fn annotated(workspace: &Workspace, index: usize) -> Result<AnnotatedDocument, AppError> {
    Ok(workspace
        .annotated(index)
        .ok_or(crate::formats::FormatError::Workspace(
            crate::model::WorkspaceError::NoDocument(index),
        ))?)
}

/// The record of the document at `index`.
fn record(workspace: &Workspace, index: usize) -> Result<(String, String), AppError> {
    let json = history_json::write_record(&annotated(workspace, index)?)?;
    Ok((document_key(index), json))
}

/// The same record, written straight into JavaScript strings (see `js_text`).
fn js_record(workspace: &Workspace, index: usize) -> Result<(String, JsValue), AppError> {
    let mut text = JsText::new();
    history_json::write_record_to(&annotated(workspace, index)?, &mut text)?;
    Ok((document_key(index), text.finish().into()))
}

/// The header record (if it changed) and the keys to delete, after the document `records`.
fn finish(workspace: &Workspace, saved: &Snapshot, mut records: Vec<(String, String)>) -> Changes {
    let meta = workspace_file::meta(workspace);
    if meta != saved.meta {
        records.push((META_KEY.to_owned(), meta));
    }
    let removed = (workspace.len()..saved.entries.len())
        .map(document_key)
        .collect();
    Changes { records, removed }
}

/// The records to write and the keys to delete to bring the store from `saved` to `workspace`,
/// at once (as the page is left).
fn changes(workspace: &Workspace, saved: &Snapshot) -> Result<Changes, AppError> {
    let records = changed(workspace, saved)
        .into_iter()
        .map(|index| record(workspace, index))
        .collect::<Result<_, _>>()?;
    Ok(finish(workspace, saved, records))
}

/// The records of the documents that changed since `saved`, written [`SLICE_MS`] at a time
/// with a frame between: a thousand documents just opened are saved without holding up the
/// page.
async fn document_records(
    workspace: &Workspace,
    saved: &Snapshot,
) -> Result<Vec<(String, JsValue)>, AppError> {
    let mut records = Vec::new();
    let mut slice_start = timing::now();
    for index in changed(workspace, saved) {
        records.push(js_record(workspace, index)?);
        if timing::now() - slice_start > SLICE_MS {
            TimeoutFuture::new(0).await;
            slice_start = timing::now();
        }
    }
    Ok(records)
}

/// Writes the whole workspace (every document, the header) with `extra` records, and deletes
/// `remove`, in one transaction; returns what the store then holds.
pub async fn write_whole(
    workspace: &Workspace,
    extra: Vec<(String, String)>,
    remove: Vec<String>,
) -> Result<Snapshot, AppError> {
    let nothing = Snapshot::default();
    let mut records = document_records(workspace, &nothing).await?;
    records.extend(as_js(finish(workspace, &nothing, Vec::new()).records));
    records.extend(as_js(extra));
    let writes = Writes {
        records: records.into(),
        remove: remove.into(),
    };
    workspace_store::write(&writes).await?;
    Ok(Snapshot::of(workspace))
}

/// Saves what changed; on success the snapshot follows the workspace.
pub async fn save(workspace: &Workspace, snapshot: &RefCell<Snapshot>) -> Result<(), AppError> {
    let saved = snapshot.borrow().clone();
    let mut records = document_records(workspace, &saved).await?;
    let Changes {
        records: header,
        removed,
    } = finish(workspace, &saved, Vec::new());
    records.extend(as_js(header));
    if records.is_empty() && removed.is_empty() {
        return Ok(());
    }
    let writes = Writes {
        records: records.into(),
        remove: removed.into(),
    };
    workspace_store::write(&writes).await?;
    *snapshot.borrow_mut() = Snapshot::of(workspace);
    Ok(())
}

/// Keeps what changed as the page is left: queued on IndexedDB at once, and kept in
/// localStorage (when it fits) for the next start to finish, as there is no time to wait.
pub fn save_on_exit(workspace: &Workspace, snapshot: &RefCell<Snapshot>) {
    let Ok(changes) = changes(workspace, &snapshot.borrow()) else {
        return;
    };
    if changes.is_empty() {
        return;
    }
    let json = serde_json::to_string(&changes);
    workspace_store::write_at_once(&changes.into_writes());
    if let Ok(json) = json {
        // Too big for localStorage: IndexedDB's queued write is all there is.
        let _ = storage::save(UNSAVED_KEY, &json);
    }
}

/// Writes the changes kept as the page was last left, then forgets them. Changes that cannot
/// be read are left where they are.
pub async fn finish_unsaved() -> Result<(), StorageError> {
    let Ok(Some(json)) = storage::load(UNSAVED_KEY) else {
        return Ok(());
    };
    let Ok(changes) = serde_json::from_str::<Changes>(&json) else {
        return Ok(());
    };
    workspace_store::write(&changes.into_writes()).await?;
    let _ = storage::remove(UNSAVED_KEY);
    Ok(())
}

/// Saves one at a time: a save asked for while one runs is made when it ends, of the
/// workspace as it is then; after the store was lost, the next save writes everything.
#[derive(Debug, Default)]
pub struct SaveQueue {
    running: Cell<bool>,
    again: Cell<bool>,
    whole: Cell<bool>,
    closed: Cell<bool>,
}

/// What a queued save did.
pub enum Saved {
    /// What changed was written.
    Changes,
    /// The whole workspace was written again, as the store had been lost.
    Whole,
}

impl SaveQueue {
    /// Saves the workspace `latest` gives (none: saving is off) now, or when the running save
    /// ends; `done` hears each outcome. With `whole`, everything is written, not only what
    /// changed since the last save.
    pub fn request(
        self: &Rc<Self>,
        whole: bool,
        snapshot: Rc<RefCell<Snapshot>>,
        latest: impl Fn() -> Option<Workspace> + 'static,
        done: impl Fn(Result<Saved, AppError>) + 'static,
    ) {
        if self.closed.get() {
            return;
        }
        if whole {
            self.whole.set(true);
        }
        if self.running.replace(true) {
            self.again.set(true);
            return;
        }
        let queue = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                queue.again.set(false);
                let Some(workspace) = latest().filter(|_| !queue.closed.get()) else {
                    break;
                };
                let whole = queue.whole.take();
                if whole {
                    *snapshot.borrow_mut() = Snapshot::default();
                }
                let saved = save(&workspace, &snapshot).await;
                if saved.is_err() && whole {
                    queue.whole.set(true);
                }
                mark_saved();
                done(saved.map(|()| if whole { Saved::Whole } else { Saved::Changes }));
                if !queue.again.get() {
                    break;
                }
            }
            queue.running.set(false);
        });
    }
}

impl SaveQueue {
    /// Takes no more saves: the app that asked for them is gone.
    pub fn close(&self) {
        self.closed.set(true);
    }
}

/// A User Timing mark at each finished save, for the benchmark's crash-window figure.
fn mark_saved() {
    timing::mark("saved");
}
