//! Opening files the user picked or dropped: the format is found from each file's name and
//! content, brat `.ann` files are paired with their `.txt`, HTML is reduced to text, and W3C
//! annotations anchor onto the open document. Any failure leaves the current work as it is.

use std::fmt;

use super::file_reading::{self, FileError};
use super::html_text;
use crate::formats::{import, BaseText, Format, FormatError, Imported, LabeledText};
use crate::model::AnnotatedDocument;

/// A file opened and ready to replace the current document.
pub struct Opened {
    /// The document with its annotations.
    pub annotated: AnnotatedDocument,
    /// What the user should know: the format, labels added, what was not opened.
    pub message: String,
}

/// Why nothing was opened.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    /// No file was given.
    NoFile,
    /// A file could not be read.
    File(FileError),
    /// A file's content was refused.
    Format {
        /// The file's name.
        name: String,
        /// Why.
        error: FormatError,
    },
    /// The HTML could not be parsed.
    Html(String),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoFile => write!(f, "no file was given"),
            Self::File(error) => write!(f, "{error}"),
            Self::Format { name, error } => write!(f, "{name} was not opened: {error}"),
            Self::Html(error) => write!(f, "the HTML could not be read: {error}"),
        }
    }
}

fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// Reads the files and opens the first document they hold (a brat `.ann` with its `.txt`).
pub async fn open_files(
    files: &[web_sys::File],
    current: &AnnotatedDocument,
) -> Result<Opened, OpenError> {
    let mut read = Vec::new();
    for file in files {
        let text = file_reading::read_text(file)
            .await
            .map_err(OpenError::File)?;
        read.push((file.name(), text));
    }
    let ann = read
        .iter()
        .position(|(name, _)| name.to_ascii_lowercase().ends_with(".ann"));
    let chosen = ann.unwrap_or(0);
    let (name, content) = read.get(chosen).ok_or(OpenError::NoFile)?;
    let refused = |error: FormatError| OpenError::Format {
        name: name.clone(),
        error,
    };
    let format = Format::detect(name, content)
        .ok_or_else(|| refused(FormatError::Unrecognized(name.clone())))?;
    let companion = read.iter().find(|(other, _)| {
        other.to_ascii_lowercase().ends_with(".txt") && stem(other) == stem(name)
    });
    let document = &current.document;
    let base = match format {
        Format::Brat => companion.map(|(_, text)| BaseText {
            id: stem(name),
            title: stem(name),
            text,
        }),
        Format::W3c => Some(BaseText {
            id: &document.id,
            title: &document.title,
            text: document.text(),
        }),
        _ => None,
    };
    let used = 1 + usize::from(format == Format::Brat && companion.is_some());
    let imported = if format == Format::Html {
        let (title, text) = html_text::extract(content).map_err(OpenError::Html)?;
        let mut record = crate::formats::plain_text::import(&text, name);
        if !title.is_empty() {
            record.title = title;
        }
        Imported::Documents(vec![record])
    } else {
        import(format, name, content, base).map_err(refused)?
    };
    let refused = |error: FormatError| match (format, &error) {
        (Format::W3c, FormatError::Span { .. }) => OpenError::Format {
            name: format!("{name} (W3C annotations apply to the open document)"),
            error,
        },
        _ => refused(error),
    };
    let (annotated, count) = match imported {
        Imported::Native(annotated) => (annotated, 1),
        Imported::Documents(documents) => {
            let count = documents.len();
            let first: LabeledText = documents
                .into_iter()
                .next()
                .ok_or_else(|| refused(FormatError::Empty))?;
            (
                first.into_annotated(&current.labels).map_err(refused)?,
                count,
            )
        }
    };
    let mut message = format!(
        "Opened “{}” from {name} ({}) with {} annotations",
        annotated.document.title,
        format.title(),
        annotated.store.len()
    );
    let added: Vec<&str> = annotated
        .labels
        .iter()
        .filter(|label| format != Format::Native && current.labels.by_name(&label.name).is_none())
        .map(|label| label.name.as_str())
        .collect();
    if !added.is_empty() {
        message.push_str(&format!("; new labels: {}", added.join(", ")));
    }
    if count > 1 {
        message.push_str(&format!(
            "; the file holds {count} documents, only the first is open"
        ));
    }
    if read.len() > used {
        message.push_str(&format!(
            "; {} other files were not opened",
            read.len() - used
        ));
    }
    Ok(Opened { annotated, message })
}
