//! A label set on its own, to share between projects:
//! `{"format": "article-annotator-labels", "version": 1, "labels": [{"name", "color", "key"}]}`.
//! The same label entries travel inside the native export. No offsets here.

use serde::{Deserialize, Serialize};

use super::native_json::{labels_json, read_labels, ImportError, LabelJson};
use crate::model::LabelSet;

/// Value of the `format` field.
pub const FORMAT_NAME: &str = "article-annotator-labels";

#[derive(Serialize, Deserialize)]
struct LabelSetFile<'a> {
    format: String,
    version: u32,
    #[serde(borrow)]
    labels: Vec<LabelJson<'a>>,
}

/// The label set file, indented for people.
pub fn export(labels: &LabelSet) -> String {
    let file = LabelSetFile {
        format: FORMAT_NAME.to_owned(),
        version: 1,
        labels: labels_json(labels),
    };
    // Strings and numbers only: serializing cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

/// Reads a label set file, or the labels of a native export.
pub fn import(json: &str) -> Result<LabelSet, ImportError> {
    #[derive(Deserialize)]
    struct AnyLabels<'a> {
        format: String,
        #[serde(borrow)]
        labels: Vec<LabelJson<'a>>,
    }
    let file: AnyLabels =
        serde_json::from_str(json).map_err(|error| ImportError::Json(error.to_string()))?;
    if file.format != FORMAT_NAME && file.format != super::native_json::FORMAT_NAME {
        return Err(ImportError::WrongFormat(file.format));
    }
    read_labels(&file.labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_set_round_trips_and_bad_files_are_refused() {
        let labels = LabelSet::default_set()
            .added("Date")
            .map(|(set, _)| set)
            .expect("added");
        let file = export(&labels);
        assert!(file.contains("\"format\": \"article-annotator-labels\""));
        assert_eq!(import(&file), Ok(labels));
        assert!(matches!(
            import("{\"format\": \"x\", \"labels\": []}"),
            Err(ImportError::WrongFormat(_))
        ));
        assert!(matches!(import("[1, 2"), Err(ImportError::Json(_))));
        let long_key = "{\"format\": \"article-annotator-labels\", \"labels\": [{\"name\": \"A\", \"color\": \"#fff\", \"key\": \"ab\"}]}";
        assert_eq!(import(long_key), Err(ImportError::BadLabelKey("ab".into())));
    }
}
