//! The Export menu's actions: the native JSON is written in the page; every dataset format
//! is written by the converters' worker, and the spans a format cannot hold are listed for
//! the user to accept before anything is downloaded. Copy JSON puts the native JSON on the
//! clipboard.

use super::converters;
use super::dom;
use super::state::Notice;
use crate::formats::native_json;
use crate::formats::service::{FileOut, LeftOut, Request, Response};
use crate::formats::Format;
use crate::model::AnnotatedDocument;

/// Most spans listed in the question before a lossy download.
const LISTED_SPANS: usize = 12;

/// Downloads the document in `format` and says how it went. Spans the format cannot hold are
/// listed first and the user decides; they are never dropped silently.
pub async fn export_as(format: Format, annotated: &AnnotatedDocument) -> Notice {
    let (files, left_out) = match written(format, annotated).await {
        Ok(written) => written,
        Err(message) => return Notice::error(message),
    };
    if !left_out.is_empty() && !dom::confirm(&left_out_question(format, &left_out)) {
        return Notice::info(format!(
            "{} export cancelled; nothing was downloaded",
            format.title()
        ));
    }
    for file in &files {
        if let Err(error) = dom::download(&file.name, &file.mime, &file.content) {
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

/// The files of the export and the spans left out of them.
async fn written(
    format: Format,
    annotated: &AnnotatedDocument,
) -> Result<(Vec<FileOut>, Vec<LeftOut>), String> {
    if format == Format::Native {
        let content = native_json::export(annotated).map_err(|e| e.to_string())?;
        let file = FileOut {
            name: format!("{}{}", annotated.document.id, format.file_suffix()),
            mime: "application/json".into(),
            content,
        };
        return Ok((vec![file], Vec::new()));
    }
    let document = native_json::export_compact(annotated).map_err(|e| e.to_string())?;
    let request = Request::Export {
        format: format.name().to_owned(),
        document,
    };
    match converters::ask(&request).await {
        Response::Exported { files, left_out } => Ok((files, left_out)),
        Response::Failed { message } => Err(message),
        Response::Imported { .. } => Err("the converters answered another request".into()),
    }
}

fn left_out_question(format: Format, left_out: &[LeftOut]) -> String {
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
    question
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
