//! Thin Yew components over the model, one store (`state`), and the DOM glue at the edge.

pub mod after_paint;
pub mod annotation_list;
pub mod app;
pub mod article;
pub mod autosave;
pub mod converters;
pub mod css_property;
pub mod document_list;
pub mod dom;
pub mod exporting;
pub mod file_reading;
pub mod help_overlay;
pub mod html_text;
pub mod importing;
pub mod keys;
pub mod label_editor;
pub mod label_styles;
pub mod notice_bar;
pub mod paste_box;
pub mod set_aside;
pub mod set_aside_bar;
pub mod startup;
pub mod state;
pub mod storage;
pub mod tab_lock;
pub mod theme;
pub mod toolbar;
pub mod visible_rows;
pub mod wording;
pub mod workspace_store;

pub use app::App;
