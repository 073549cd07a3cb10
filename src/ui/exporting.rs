//! The Export menu's actions, for the open document or the whole corpus (optionally only the
//! documents marked done): the native JSON is written in the page; every dataset format is
//! written by the converters' worker, and the spans a format cannot hold are listed for the
//! user to accept before anything is downloaded. Where a corpus export is several files
//! (brat), they download as one ZIP. Copy JSON puts the native JSON on the clipboard.
//! Offsets in every file are Unicode code points.

use super::converters;
use super::dom;
use super::state::Notice;
use crate::formats::file_names::safe_stem;
use crate::formats::service::{FileOut, LeftOut, Request, Response};
use crate::formats::{native_json, workspace_file, zip_archive, Format};
use crate::model::{AnnotatedDocument, Workspace};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportChoice {
    /// The format.
    pub format: Format,
    /// Every document rather than the open one.
    pub corpus: bool,
    /// With `corpus`, only the documents marked done.
    pub only_done: bool,
}

/// Most spans listed in the question before a lossy download.
const LISTED_SPANS: usize = 12;

/// Downloads the open document or the corpus as `choice` says, and says how it went. Spans the
/// format cannot hold are listed first and the user decides; they are never dropped silently.
pub async fn export_as(choice: ExportChoice, workspace: &Workspace) -> Notice {
    let format = choice.format;
    let documents: Vec<AnnotatedDocument> = if choice.corpus {
        (0..workspace.len())
            .filter(|&i| !choice.only_done || workspace.is_done(i))
            .filter_map(|i| workspace.annotated(i))
            .collect()
    } else {
        vec![workspace.open.clone()]
    };
    if documents.is_empty() {
        return Notice::error("No document is marked done yet, so there is nothing to export");
    }
    let (files, left_out) = match written(choice, workspace, &documents).await {
        Ok(written) => written,
        Err(message) => return Notice::error(message),
    };
    if !left_out.is_empty() && !dom::confirm(&left_out_question(format, &left_out)) {
        return Notice::info(format!(
            "{} export cancelled; nothing was downloaded",
            format.title()
        ));
    }
    let names = match download(choice, files) {
        Ok(names) => names,
        Err(message) => return Notice::error(message),
    };
    let total: usize = documents.iter().map(|a| a.store.len()).sum();
    let from = match documents.as_slice() {
        [_] => String::new(),
        many => format!(" from {} documents", many.len()),
    };
    let mut message = format!(
        "Exported {} annotations{from} as {} to {names}",
        total - left_out.len(),
        format.title(),
    );
    if !left_out.is_empty() {
        message.push_str(&format!(" ({} overlapping spans left out)", left_out.len()));
    }
    Notice::info(message)
}

/// Downloads the files (a corpus export of several files as one ZIP); returns their names.
fn download(choice: ExportChoice, files: Vec<FileOut>) -> Result<String, String> {
    if choice.corpus && files.len() > 1 {
        let name = format!("corpus.{}.zip", choice.format.name());
        let entries = files
            .iter()
            .map(|file| (file.name.as_str(), file.content.as_bytes()));
        let archive = zip_archive::zip(entries).map_err(|e| e.to_string())?;
        dom::download_bytes(&name, "application/zip", &archive).map_err(|e| e.to_string())?;
        return Ok(name);
    }
    for file in &files {
        dom::download(&file.name, &file.mime, &file.content).map_err(|e| e.to_string())?;
    }
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    Ok(names.join(" and "))
}

/// The files of the export and the spans left out of them.
async fn written(
    choice: ExportChoice,
    workspace: &Workspace,
    documents: &[AnnotatedDocument],
) -> Result<(Vec<FileOut>, Vec<LeftOut>), String> {
    let format = choice.format;
    if format == Format::Native {
        let (name, content) = if choice.corpus {
            let content =
                workspace_file::export(workspace, choice.only_done).map_err(|e| e.to_string())?;
            ("corpus.workspace.json".to_owned(), content)
        } else {
            let content = native_json::export(&workspace.open).map_err(|e| e.to_string())?;
            let id = &workspace.open.document.id;
            (
                format!("{}{}", safe_stem(id), format.file_suffix()),
                content,
            )
        };
        let mime = "application/json".into();
        return Ok((
            vec![FileOut {
                name,
                mime,
                content,
            }],
            Vec::new(),
        ));
    }
    let documents = documents
        .iter()
        .map(native_json::export_compact)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    let request = Request::Export {
        format: format.name().to_owned(),
        documents,
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
            "\n• {} “{}” ({}–{}) in {}",
            span.label, span.text, span.start, span.end, span.document
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
