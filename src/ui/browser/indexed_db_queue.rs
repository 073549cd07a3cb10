//! Queueing one write's puts and deletes on its IndexedDB transaction. Queued all at once,
//! a thousand records hold the page for a hundred milliseconds (each put copies its text out
//! of the WebAssembly memory and into the store's queue), so a save queues them a chunk at a
//! time: the next chunk when the previous chunk's last put has succeeded, a task later, with
//! the transaction still active then. It is still one transaction: it lands whole or not at
//! all.

use std::rc::Rc;

use js_sys::JsString;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbObjectStore, IdbTransaction};

/// Puts queued per task.
const CHUNK: usize = 64;

/// What one write puts (key, text) and deletes.
#[derive(Debug, Clone, Default)]
pub struct Writes {
    /// Records to put, as (key, text), the text already a JavaScript string or the pieces
    /// of one (see `js_text`).
    pub records: Rc<[(String, JsValue)]>,
    /// Keys to delete.
    pub remove: Rc<[String]>,
}

impl Writes {
    /// Puts these records, deletes nothing.
    pub fn put(records: Vec<(String, String)>) -> Self {
        Self {
            records: as_js(records).collect(),
            ..Self::default()
        }
    }

    /// Deletes these keys, puts nothing.
    pub fn delete(keys: Vec<String>) -> Self {
        Self {
            remove: keys.into(),
            ..Self::default()
        }
    }
}

/// Records of Rust text as [`Writes`] holds them, each text made a JavaScript string.
pub fn as_js(records: Vec<(String, String)>) -> impl Iterator<Item = (String, JsValue)> {
    records
        .into_iter()
        .map(|(key, text)| (key, JsString::from(text).into()))
}

/// Queues every request now: for the moment the page is left, when no later task may run.
pub fn all_at_once(
    transaction: &IdbTransaction,
    store: &IdbObjectStore,
    writes: &Writes,
) -> Result<(), String> {
    put(store, &writes.records)
        .and_then(|_| delete(store, &writes.remove))
        .map_err(|error| abort(transaction, &error))
}

/// Queues the first chunk of puts now and each next one when the one before has been put;
/// the deletes come with the last chunk. A request that cannot be queued aborts the whole
/// transaction (so its commit reports the failure).
pub fn in_chunks(
    transaction: &IdbTransaction,
    store: &IdbObjectStore,
    writes: &Writes,
) -> Result<(), String> {
    queue_from(transaction.clone(), store.clone(), writes.clone(), 0)
}

fn queue_from(
    transaction: IdbTransaction,
    store: IdbObjectStore,
    writes: Writes,
    from: usize,
) -> Result<(), String> {
    let end = (from + CHUNK).min(writes.records.len());
    let last = match put(&store, &writes.records[from..end]) {
        Ok(last) => last,
        Err(error) => return Err(abort(&transaction, &error)),
    };
    match last {
        Some(request) if end < writes.records.len() => {
            let next = Closure::once_into_js(move || {
                // A failure has aborted the transaction; its commit reports it.
                let _ = queue_from(transaction, store, writes, end);
            });
            request.set_onsuccess(Some(next.unchecked_ref()));
            Ok(())
        }
        _ => delete(&store, &writes.remove).map_err(|error| abort(&transaction, &error)),
    }
}

/// Queues the puts; returns the last request.
fn put(
    store: &IdbObjectStore,
    records: &[(String, JsValue)],
) -> Result<Option<web_sys::IdbRequest>, JsValue> {
    let mut last = None;
    for (key, text) in records {
        last = Some(store.put_with_key(text, &JsValue::from_str(key))?);
    }
    Ok(last)
}

fn delete(store: &IdbObjectStore, keys: &[String]) -> Result<(), JsValue> {
    keys.iter()
        .try_for_each(|key| store.delete(&JsValue::from_str(key)).map(drop))
}

/// Nothing of this write may land if part of it could not be queued.
fn abort(transaction: &IdbTransaction, error: &JsValue) -> String {
    let _ = transaction.abort();
    super::indexed_db::describe(error)
}
