//! Label sets to and from files: Export labels downloads the set as JSON, Import labels…
//! reads one (or the labels of a native export) to merge by name. No offsets here.

use crate::formats::file_names::safe_stem;
use crate::formats::label_set;
use crate::model::{Document, LabelSet};
use crate::ui::browser::{downloads, file_reading};
use crate::ui::error::AppError;
use crate::ui::state::{Action, EditAction, LabelEdit, Notice, ViewAction};
use crate::ui::wording;

/// Downloads `labels` as `<document id>.labels.json` and says how it went.
pub fn export_labels(labels: &LabelSet, document: &Document) -> Notice {
    let json = label_set::export(labels);
    let name = format!("{}.labels.json", safe_stem(&document.id));
    match downloads::download(&name, "application/json", &json) {
        Ok(()) => Notice::info(wording::labels_exported(&name)),
        Err(error) => Notice::error(error.to_string()),
    }
}

/// The action a picked label set file asks for: merge its labels, or say why it was not read.
pub async fn import_labels(file: &web_sys::File) -> Action {
    let read = match file_reading::read_text(file).await {
        Ok(json) => label_set::import(&json).map_err(|e| AppError::Format(e.into())),
        Err(error) => Err(error.into()),
    };
    match read {
        Ok(labels) => EditAction::Labels(LabelEdit::Import(labels)).into(),
        Err(error) => ViewAction::Notify(Notice::error(wording::labels_not_read(
            &file.name(),
            &error,
        )))
        .into(),
    }
}
