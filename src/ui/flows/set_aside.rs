//! Saved records that could not be opened at startup, kept in the browser store as they were
//! under keys of their own (`aside:<key>:<time>`), with the reason, until the user exports or
//! deletes them. Their text is kept byte for byte: a native JSON document (offsets in Unicode
//! code points) or a workspace header, possibly damaged.

use serde::{Deserialize, Serialize};

use crate::formats::{zip_archive, ExportError};

/// Prefix of the keys of records kept aside.
pub const PREFIX: &str = "aside:";

/// One record kept aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AsideRecord {
    /// The key it had in the store (`document:3`, `meta`).
    pub key: String,
    /// Why it could not be opened.
    pub reason: String,
    /// The record as it was.
    pub record: String,
    /// The key it is kept under now.
    #[serde(skip)]
    pub stored_as: String,
}

impl AsideRecord {
    /// A record to keep aside, under a key unique by the time it was set aside.
    pub fn new(key: String, reason: String, record: String, now_ms: f64) -> Self {
        // Whole milliseconds as an integer: formatting a float would add float-printing code
        // to the page.
        let stored_as = format!("{PREFIX}{key}:{}", now_ms as u64);
        Self {
            key,
            reason,
            record,
            stored_as,
        }
    }

    /// A record read back from the store under `stored_as`; shown as it is if it is not one
    /// this app wrote.
    pub fn read_back(stored_as: String, text: String) -> Self {
        match serde_json::from_str::<Self>(&text) {
            Ok(record) => Self {
                stored_as,
                ..record
            },
            Err(_) => Self {
                key: stored_as.clone(),
                reason: "kept aside by an earlier start".into(),
                record: text,
                stored_as,
            },
        }
    }

    /// The record's text in the store.
    pub fn to_json(&self) -> String {
        // Strings only: serializing cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A file name for the record as it is: its key made safe, `.json`.
    fn file_name(&self) -> String {
        let safe: String = self
            .key
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        format!("{safe}.json")
    }
}

/// The records to download as they are: one file, or a ZIP of one file each with their
/// reasons in `README.txt`. Returns (file name, MIME type, bytes).
pub fn download(records: &[AsideRecord]) -> Result<(String, &'static str, Vec<u8>), ExportError> {
    if let [record] = records {
        return Ok((
            format!("set-aside-{}", record.file_name()),
            "application/json",
            record.record.clone().into_bytes(),
        ));
    }
    let mut readme = String::from(
        "Records this browser's Article Annotator could not open, each as it was saved.\n\n",
    );
    let mut entries = Vec::new();
    for (index, record) in records.iter().enumerate() {
        let name = format!("{}-{}", index + 1, record.file_name());
        readme.push_str(&format!("{name}: {} ({})\n", record.key, record.reason));
        entries.push((name, record.record.clone()));
    }
    entries.push(("README.txt".to_owned(), readme));
    let files = entries
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_bytes()));
    Ok((
        "set-aside-records.zip".to_owned(),
        "application/zip",
        zip_archive::zip(files)?,
    ))
}
