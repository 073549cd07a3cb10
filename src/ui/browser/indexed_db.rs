//! The browser's IndexedDB as a small key → text store for autosave: one database, one object
//! store, string records (the workspace header and one native JSON per document). Every write
//! is one transaction, so a save lands whole or not at all. The connection stays open, so a
//! save on leaving the page is queued at once, before the page goes.
//!
//! When the site's data is cleared while the page is open (browser settings, DevTools,
//! eviction, `indexedDB.deleteDatabase`), the browser closes the connection or asks it to
//! close (`versionchange`). The connection is then closed and dropped, and whoever listens
//! ([`on_lost`]) is told, so the whole workspace is written again to a new database.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use super::indexed_db_queue;
pub use super::indexed_db_queue::Writes;
pub use super::storage_error::StorageError;

/// The database's name.
pub const DATABASE: &str = "article-annotator";
/// The object store holding every record.
const RECORDS: &str = "workspace";

/// What the browser said went wrong.
pub(super) fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(exception) => format!("{}: {}", exception.name(), exception.message()),
        None => js_sys::Error::from(error.clone()).message().into(),
    }
}

/// A promise of a request's success. Made before the task that issued the request ends, so
/// the event cannot pass unheard.
fn settled(request: &IdbRequest) -> Promise {
    Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    })
}

/// Waits for a request's success and returns its result.
async fn finished(request: &IdbRequest) -> Result<JsValue, String> {
    finished_as(request, settled(request)).await
}

/// Waits for `promise` (made by [`settled`]) and returns the request's result.
async fn finished_as(request: &IdbRequest, promise: Promise) -> Result<JsValue, String> {
    if JsFuture::from(promise).await.is_err() {
        let reason = request.error().ok().flatten();
        return Err(reason.map_or("the request failed".into(), |e| describe(&e)));
    }
    request.result().map_err(|e| describe(&e))
}

/// Waits for a transaction to commit.
async fn committed(transaction: &IdbTransaction) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onabort(Some(&reject));
    });
    JsFuture::from(promise).await.map(drop).map_err(|_| {
        transaction
            .error()
            .map_or("the transaction was aborted".into(), |e| describe(&e))
    })
}

thread_local! {
    /// The open connection, once there is one, with the listeners that notice it going.
    static CONNECTION: RefCell<Option<Connection>> = const { RefCell::new(None) };
    /// Told when the database was deleted or closed by the browser while the page is open.
    static ON_LOST: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
}

/// An open database and the handlers of its `close` and `versionchange` events.
struct Connection {
    database: IdbDatabase,
    _handlers: [Closure<dyn FnMut()>; 2],
}

/// Calls `lost` whenever the store is lost while the page is open: the browser closed the
/// connection, or another party deletes the database. Its records may be gone; the next write
/// opens a new database.
pub fn on_lost(lost: impl Fn() + 'static) {
    ON_LOST.with(|slot| *slot.borrow_mut() = Some(Rc::new(lost)));
}

/// Stops telling anyone that the store was lost (the app that listened is gone).
pub fn clear_on_lost() {
    ON_LOST.with(|slot| slot.borrow_mut().take());
}

/// Closes and forgets the connection, letting a deletion waiting on it go ahead, and tells
/// whoever listens.
fn connection_lost() {
    let closed = CONNECTION.with(|c| c.borrow_mut().take());
    if let Some(connection) = closed {
        connection.database.close();
        let listener = ON_LOST.with(|slot| slot.borrow().clone());
        if let Some(lost) = listener {
            lost();
        }
    }
}

/// The open connection, opening it the first time.
async fn database() -> Result<IdbDatabase, StorageError> {
    if let Some(database) = CONNECTION.with(|c| c.borrow().as_ref().map(|c| c.database.clone())) {
        return Ok(database);
    }
    let database = open().await?;
    let on_close = Closure::<dyn FnMut()>::new(connection_lost);
    let on_version_change = Closure::<dyn FnMut()>::new(connection_lost);
    database.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    database.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    CONNECTION.with(|c| {
        *c.borrow_mut() = Some(Connection {
            database: database.clone(),
            _handlers: [on_close, on_version_change],
        })
    });
    Ok(database)
}

/// A transaction on the records, reopening the connection once if the browser closed it.
async fn begin(
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, web_sys::IdbObjectStore), StorageError> {
    let connection = database().await?;
    match transaction(&connection, mode) {
        Ok(begun) => Ok(begun),
        Err(_) => {
            connection_lost();
            let reopened = database().await?;
            transaction(&reopened, mode).map_err(StorageError::Unavailable)
        }
    }
}

async fn open() -> Result<IdbDatabase, StorageError> {
    let unavailable = |e: &JsValue| StorageError::Unavailable(describe(e));
    let factory = web_sys::window()
        .ok_or_else(|| StorageError::Unavailable("no window".into()))?
        .indexed_db()
        .map_err(|e| unavailable(&e))?
        .ok_or_else(|| StorageError::Unavailable("no IndexedDB".into()))?;
    let request = factory
        .open_with_u32(DATABASE, 1)
        .map_err(|e| unavailable(&e))?;
    let upgrade = {
        let request = request.clone();
        Closure::once(move || {
            if let Some(database) = request
                .result()
                .ok()
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            {
                if !database.object_store_names().contains(RECORDS) {
                    // A failure here aborts the open request, which reports it.
                    let _ = database.create_object_store(RECORDS);
                }
            }
        })
    };
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let database = finished(&request)
        .await
        .map_err(StorageError::Unavailable)?;
    request.set_onupgradeneeded(None);
    database
        .dyn_into::<IdbDatabase>()
        .map_err(|_| StorageError::Unavailable("the database did not open".into()))
}

fn transaction(
    database: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, web_sys::IdbObjectStore), String> {
    let transaction = database
        .transaction_with_str_and_mode(RECORDS, mode)
        .map_err(|e| describe(&e))?;
    let store = transaction
        .object_store(RECORDS)
        .map_err(|e| describe(&e))?;
    Ok((transaction, store))
}

/// The records under `keys`, in order; `None` where a key holds nothing.
pub async fn read(keys: &[String]) -> Result<Vec<Option<String>>, StorageError> {
    let (_, store) = begin(IdbTransactionMode::Readonly)
        .await
        .map_err(|e| StorageError::ReadFailed(e.to_string()))?;
    // Every request is heard from before any is awaited: later ones may finish first.
    let requests = keys
        .iter()
        .map(|key| {
            let request = store.get(&JsValue::from_str(key))?;
            let promise = settled(&request);
            Ok((request, promise))
        })
        .collect::<Result<Vec<_>, JsValue>>()
        .map_err(|e| StorageError::ReadFailed(describe(&e)))?;
    let mut records = Vec::with_capacity(keys.len());
    for (request, promise) in requests {
        let record = finished_as(&request, promise)
            .await
            .map_err(StorageError::ReadFailed)?;
        records.push(super::js_text::record_text(&record));
    }
    Ok(records)
}

/// Every key the store holds, in key order.
pub async fn keys() -> Result<Vec<String>, StorageError> {
    let (_, store) = begin(IdbTransactionMode::Readonly)
        .await
        .map_err(|e| StorageError::ReadFailed(e.to_string()))?;
    let request = store
        .get_all_keys()
        .map_err(|e| StorageError::ReadFailed(describe(&e)))?;
    let keys = finished(&request).await.map_err(StorageError::ReadFailed)?;
    Ok(js_sys::Array::from(&keys)
        .iter()
        .filter_map(|key| key.as_string())
        .collect())
}

/// Writes every (key, text) and deletes `remove`, as one transaction, and waits for it.
pub async fn write(writes: &Writes) -> Result<(), StorageError> {
    let (transaction, store) = begin(IdbTransactionMode::Readwrite)
        .await
        .map_err(|e| StorageError::WriteFailed(e.to_string()))?;
    indexed_db_queue::in_chunks(&transaction, &store, writes).map_err(StorageError::WriteFailed)?;
    committed(&transaction)
        .await
        .map_err(StorageError::WriteFailed)
}

/// Queues the same write at once, without waiting, if the connection is open: for the moment
/// the page is left, when there is no time to wait. Says whether it was queued.
pub fn write_at_once(writes: &Writes) -> bool {
    let Some(database) = CONNECTION.with(|c| c.borrow().as_ref().map(|c| c.database.clone()))
    else {
        return false;
    };
    let Ok((transaction, store)) = transaction(&database, IdbTransactionMode::Readwrite) else {
        return false;
    };
    indexed_db_queue::all_at_once(&transaction, &store, writes).is_ok()
}

/// Deletes every saved record.
pub async fn clear() -> Result<(), StorageError> {
    let (transaction, store) = begin(IdbTransactionMode::Readwrite).await?;
    store
        .clear()
        .map_err(|e| StorageError::WriteFailed(describe(&e)))?;
    committed(&transaction)
        .await
        .map_err(StorageError::WriteFailed)
}
