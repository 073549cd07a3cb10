//! The long flows: what the app opens on, what autosave writes, opening files, exporting,
//! and the tagger (training, pre-annotating, evaluating, keeping the model).

pub mod autosave;
pub mod export;
pub mod label_files;
pub mod open_files;
pub mod set_aside;
pub mod startup;
pub mod tagger;
