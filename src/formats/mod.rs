//! Import and export, one file per format. Pure functions, tested natively.
//! Every format writes offsets as Unicode code points, start inclusive, end exclusive.

pub mod brat;
pub mod conll;
pub mod dataset_format;
pub mod doccano;
pub mod document_data;
pub mod export;
pub mod file_names;
pub mod format_error;
pub mod format_import;
pub mod history_json;
mod history_steps;
pub mod html_depth;
mod json_fields;
mod jsonl;
pub mod label_set;
pub mod label_studio;
mod label_studio_editor;
mod label_studio_min;
pub mod labeled_text;
pub mod misfits;
pub mod native_json;
mod native_reading;
pub mod open;
pub mod overlaps;
pub mod plain_text;
pub mod prodigy;
pub mod protocol;
pub mod provenance_json;
pub mod recovery;
pub mod spacy_offsets;
pub mod text_encoding;
pub mod tokens;
pub mod utf8_bytes;
pub mod w3c;
mod w3c_graph;
pub mod warm_up;
pub mod workspace_file;
pub mod zip_archive;

/// A file name without its last extension: `article.ann` → `article`.
pub fn file_stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// Extensions of the HTML articles the page reduces to text.
pub const HTML_EXTENSIONS: [&str; 3] = ["html", "htm", "xhtml"];

pub use dataset_format::Format;
pub use export::ExportedFile;
pub use format_error::{ExportError, FormatError, SpanProblem};
pub use format_import::{import, BaseText, Imported};
pub use labeled_text::{LabeledText, Place, SpanRecord};
pub use native_json::ImportError;
