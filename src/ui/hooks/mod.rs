//! The page's effects, each a `use_*` hook: reading the saved work at startup, autosave,
//! suggestions, the keyboard, dropped files, the Alt key of a selection, scrolling to a
//! revealed highlight, styles set through CSSOM, the annotators' agreement, the curation
//! session's view, and the app's stable callbacks.

pub mod tagger_tasks;
pub mod use_actions;
pub mod use_agreement;
pub mod use_alt_selection;
pub mod use_autosave;
pub mod use_css_property;
pub mod use_curation;
pub mod use_file_drop;
pub mod use_keyboard;
pub mod use_latest;
pub mod use_line_height;
pub mod use_reveal;
pub mod use_startup;
pub mod use_suggestions;
pub mod use_tagger;
