//! The pure core: text, offsets, labels, spans and their store. No browser APIs here, so all
//! of it is tested natively. Offsets are Unicode code points unless a name says otherwise.

pub mod annotated;
pub mod annotation;
pub mod colors;
pub mod document;
pub mod edit_error;
pub mod history;
pub mod label;
pub mod line_estimate;
pub mod occurrences;
pub mod offsets;
pub mod order;
pub mod paragraph_spans;
pub mod provenance;
pub mod saved_history;
pub mod segments;
pub mod snapping;
pub mod statistics;
pub mod store;
pub mod suggestions;
pub mod word_bounds;
pub mod word_caret;
pub mod workspace;

pub use annotated::AnnotatedDocument;
pub use annotation::{Annotation, AnnotationId};
pub use document::{Document, Paragraph};
pub use label::{Label, LabelError, LabelId, LabelSet};
pub use paragraph_spans::ParagraphSpans;
pub use provenance::{Provenance, SourcedSpan};
pub use saved_history::HistoryFit;
pub use store::{AnnotationStore, Change, Edit, EditError, OverlapPolicy, Tally};
pub use workspace::{DocumentSummary, Entry, StatusFilter, Workspace, WorkspaceError, UNNAMED};
