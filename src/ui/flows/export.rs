//! The Export menu's actions, for the open document or the whole corpus (optionally only the
//! documents marked done), through the one export dispatcher (`formats::export`): native JSON
//! is written in the page, every dataset format by the converters' worker. The spans a format
//! cannot hold are listed for the user to accept before anything is downloaded. Where a
//! corpus export is several files (brat), they download as one ZIP. Copy JSON puts the native
//! JSON on the clipboard. Offsets in every file are Unicode code points.

use crate::formats::export::{self, Exported};
use crate::formats::protocol::{DocumentBatch, Request, Response};
use crate::formats::{native_json, zip_archive, ExportedFile, Format};
use crate::model::{AnnotatedDocument, Workspace};
use crate::ui::browser::{clipboard, dialogs, downloads, worker_client};
use crate::ui::error::AppError;
use crate::ui::state::Notice;
use crate::ui::wording;

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

/// Downloads the open document or the corpus as `choice` says, and says how it went. Spans the
/// format cannot hold are listed first and the user decides; they are never dropped silently.
pub async fn export_as(choice: ExportChoice, workspace: &Workspace) -> Notice {
    let chosen: Vec<usize> = if choice.corpus {
        (0..workspace.len())
            .filter(|&i| !choice.only_done || workspace.is_done(i))
            .collect()
    } else {
        vec![workspace.current()]
    };
    if chosen.is_empty() {
        return Notice::error(wording::NOTHING_DONE);
    }
    let current = chosen
        .iter()
        .position(|&i| i == workspace.current())
        .unwrap_or(0);
    let documents: Vec<(AnnotatedDocument, bool)> = chosen
        .iter()
        .filter_map(|&i| Some((workspace.exported(i)?, workspace.is_done(i))))
        .collect();
    let exported = match written(choice, &documents, current).await {
        Ok(exported) => exported,
        Err(error) => return Notice::error(error.to_string()),
    };
    let format = choice.format;
    if !exported.left_out.is_empty()
        && !dialogs::confirm(&wording::left_out_question(format, &exported.left_out))
    {
        return Notice::info(wording::export_cancelled(format));
    }
    let names = match download(choice, &exported.files) {
        Ok(names) => names,
        Err(error) => return Notice::error(error.to_string()),
    };
    let total: usize = documents.iter().map(|(a, _)| a.store.len()).sum();
    Notice::info(wording::exported(
        total - exported.left_out.len(),
        documents.len(),
        format,
        &names,
        exported.left_out.len(),
    ))
}

/// The export's files: native JSON written here, every other format by the converters.
async fn written(
    choice: ExportChoice,
    documents: &[(AnnotatedDocument, bool)],
    current: usize,
) -> Result<Exported, AppError> {
    if choice.format == Format::Native {
        return Ok(export::native(documents, choice.corpus, current)?);
    }
    let request = Request::Export {
        format: choice.format,
        documents: DocumentBatch::of(documents.iter().map(|(annotated, done)| (annotated, *done))),
        corpus: choice.corpus,
        current,
    };
    match worker_client::ask(request, |_| ()).await {
        Response::Exported(exported) => Ok(exported),
        Response::Failed { message } => Err(AppError::Converters(message)),
        Response::Opened { .. }
        | Response::Progress { .. }
        | Response::Documents(_)
        | Response::Tagger(_)
        | Response::Agreement(_) => Err(AppError::Converters(
            "the converters answered another request".into(),
        )),
    }
}

/// Downloads the files (a corpus export of several files as one ZIP); returns their names.
fn download(choice: ExportChoice, files: &[ExportedFile]) -> Result<String, AppError> {
    if choice.corpus && files.len() > 1 {
        let name = format!("corpus.{}.zip", choice.format.name());
        let entries = files
            .iter()
            .map(|file| (file.name.as_str(), file.content.as_bytes()));
        let archive = zip_archive::zip(entries)?;
        downloads::download_bytes(&name, "application/zip", &archive)?;
        return Ok(name);
    }
    for file in files {
        downloads::download(&file.name, &file.mime, &file.content)?;
    }
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    Ok(names.join(" and "))
}

/// Copies the native JSON export to the clipboard and says how it went.
pub async fn copy_json(annotated: &AnnotatedDocument) -> Notice {
    let copied = match native_json::export(annotated) {
        Ok(json) => clipboard::copy_text(&json).await.map_err(AppError::from),
        Err(error) => Err(error.into()),
    };
    match copied {
        Ok(()) => Notice::info(wording::copied(annotated.store.len())),
        Err(error) => Notice::error(wording::capitalize(&error.to_string())),
    }
}
