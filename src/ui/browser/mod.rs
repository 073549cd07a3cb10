//! The browser at the edge, one small adapter per API: nothing here knows the app's state.

pub mod after_paint;
pub mod clipboard;
pub mod dialogs;
pub mod downloads;
pub mod events;
pub mod file_reading;
pub mod html_text;
pub mod indexed_db;
pub mod indexed_db_queue;
pub mod js_text;
pub mod local_storage;
pub mod near_on_scroll;
pub mod selection;
pub mod storage_error;
pub mod tab_lock;
pub mod theme;
pub mod timing;
pub mod viewport;
pub mod worker_client;
