//! The long flows: what the app opens on, what autosave writes, opening files and exporting.

pub mod autosave;
pub mod export;
pub mod label_files;
pub mod open_files;
pub mod set_aside;
pub mod startup;
