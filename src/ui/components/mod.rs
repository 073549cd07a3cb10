//! The page's components, one per file: each renders its props and reports what the user
//! did through callbacks.

pub mod agreement_panel;
pub mod annotation_list;
pub mod article;
pub mod chunk;
pub mod curation_panel;
pub mod document_list;
pub mod header;
pub mod help_overlay;
pub mod label_editor;
pub mod label_styles;
pub mod model_panel;
pub mod notice_bar;
pub mod paragraph;
pub mod paste_box;
pub mod render_barrier;
pub mod set_aside_bar;
pub mod status_bars;
pub mod toolbar;
pub mod toolbar_menus;
