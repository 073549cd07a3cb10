//! One document written in a format through the app's one export dispatcher, as the Export
//! menu writes it (named after the document). Offsets are code points.

use article_annotator::formats::{export, ExportedFile, Format, FormatError};
use article_annotator::model::AnnotatedDocument;

/// The files of `annotated` in `format`.
pub fn export_document(
    format: Format,
    annotated: &AnnotatedDocument,
) -> Result<Vec<ExportedFile>, FormatError> {
    export::export(format, &[(annotated.clone(), false)], false, 0).map(|e| e.files)
}
