//! The page: Yew components over the model, one store, and the browser at the edge.
//!
//! - `app.rs` lays the page out; `components/` holds one component per file.
//! - `state/` is the one `use_reducer` store; `key_commands.rs` maps keys to its actions
//!   (pure, with `keys.rs`); `wording.rs` words what the user is told.
//! - `hooks/` holds the effects (`use_*`), `flows/` the long flows (startup, autosave,
//!   opening files, exporting), `browser/` one small adapter per browser API.

pub mod app;
pub mod browser;
pub mod components;
pub mod error;
pub mod flows;
pub mod hooks;
pub mod key_commands;
pub mod keys;
pub mod state;
pub mod visible_rows;
pub mod wording;

pub use app::App;
