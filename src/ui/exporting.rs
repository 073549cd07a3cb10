//! The Export menu's actions: write the open document in a format, show what a format must
//! leave out before anything is downloaded, and copy the native JSON to the clipboard.

use super::dom;
use super::state::Notice;
use crate::formats::overlaps::unrepresentable;
use crate::formats::{export_document, native_json, Format, LabeledText};
use crate::model::AnnotatedDocument;

/// Most spans listed in the question before a lossy download.
const LISTED_SPANS: usize = 12;

/// Downloads the document in `format` and says how it went. Spans the format cannot hold are
/// listed first and the user decides; they are never dropped silently.
pub fn export_as(format: Format, annotated: &AnnotatedDocument) -> Notice {
    let left_out = if format.drops_overlaps() {
        match LabeledText::from_annotated(annotated) {
            Ok(record) => unrepresentable(std::slice::from_ref(&record)),
            Err(error) => return Notice::error(error.to_string()),
        }
    } else {
        Vec::new()
    };
    if !left_out.is_empty() {
        let mut question = format!(
            "{} cannot hold overlapping spans. These {} spans overlap longer ones and will be left out:\n",
            format.title(),
            left_out.len()
        );
        for span in left_out.iter().take(LISTED_SPANS) {
            question.push_str(&format!(
                "\n• {} “{}” ({}–{})",
                span.label, span.text, span.start, span.end
            ));
        }
        if left_out.len() > LISTED_SPANS {
            question.push_str(&format!("\n… and {} more", left_out.len() - LISTED_SPANS));
        }
        question.push_str("\n\nDownload without them?");
        if !dom::confirm(&question) {
            return Notice::info(format!(
                "{} export cancelled; nothing was downloaded",
                format.title()
            ));
        }
    }
    let files = match export_document(format, annotated) {
        Ok(files) => files,
        Err(error) => return Notice::error(error.to_string()),
    };
    for file in &files {
        if let Err(error) = dom::download(&file.name, file.mime, &file.content) {
            return Notice::error(error.to_string());
        }
    }
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    let written = annotated.store.len() - left_out.len();
    let mut message = format!(
        "Exported {written} annotations as {} to {}",
        format.title(),
        names.join(" and ")
    );
    if !left_out.is_empty() {
        message.push_str(&format!(" ({} overlapping spans left out)", left_out.len()));
    }
    Notice::info(message)
}

/// Copies the native JSON export to the clipboard and says how it went.
pub async fn copy_json(annotated: &AnnotatedDocument) -> Notice {
    let json = match native_json::export(annotated) {
        Ok(json) => json,
        Err(error) => return Notice::error(error.to_string()),
    };
    match dom::copy_text(&json).await {
        Ok(()) => Notice::info(format!(
            "Copied the JSON of {} annotations to the clipboard",
            annotated.store.len()
        )),
        Err(error) => Notice::error(format!("Could not copy: {error}")),
    }
}
