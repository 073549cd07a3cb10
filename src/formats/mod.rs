//! Import and export, one file per format. Pure functions, tested natively.
//! Every format writes offsets as Unicode code points, start inclusive, end exclusive.

pub mod native_json;

pub use native_json::{ExportError, ImportError};
