//! The one open pipeline, used by the page's worker and the command line alike: each file's
//! format is found once, it is parsed once and its spans are checked once, and what comes out
//! is documents ready for the workspace. A brat `.ann` is read with the `.txt` of the same name
//! among the files, W3C annotations are anchored on the text given, a workspace file brings its
//! done marks, and every file that cannot be opened is left out whole with a message naming it.
//! Offsets are Unicode code points.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::dataset_format::{import, BaseText, Format, Imported};
use super::format_error::FormatError;
use super::workspace_file;
use super::{file_stem, plain_text};
use crate::model::{AnnotatedDocument, LabelSet};

/// A file's name and text (an HTML page arrives already reduced to its text and title).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedText {
    /// The file's name, e.g. `article.ann`.
    pub name: String,
    /// Its text.
    pub content: String,
    /// The title found in it (an HTML page's `<title>`), if any.
    #[serde(default)]
    pub title: Option<String>,
}

impl NamedText {
    /// A file with no title of its own.
    pub fn new(name: impl Into<String>, content: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            content: content.into(),
            title: None,
        }
    }
}

/// What opening needs besides the files: the labels to extend, and the text W3C annotations
/// point into (the open document in the page, `--text` on the command line).
#[derive(Debug, Clone, Copy)]
pub struct OpenContext<'a> {
    /// The labels new names are added to.
    pub labels: &'a LabelSet,
    /// The text W3C annotations anchor on.
    pub anchor: Option<BaseText<'a>>,
}

/// A file that was not opened, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The file's name.
    pub file: String,
    /// Why.
    pub error: FormatError,
    /// The file is W3C annotations, which apply to the anchor text.
    pub anchored: bool,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.anchored {
            write!(
                f,
                "{} was not opened (W3C annotations apply to the open document): {}",
                self.file, self.error
            )
        } else {
            write!(f, "{} was not opened: {}", self.file, self.error)
        }
    }
}

/// What opening several files gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Opened {
    /// The documents, in file order, each with its done mark (only a workspace file has any).
    pub documents: Vec<(AnnotatedDocument, bool)>,
    /// Each file opened, as "name (format)".
    pub sources: Vec<String>,
    /// Each file left out.
    pub refusals: Vec<Refusal>,
}

/// Whether `file` is the `.txt` of a brat `.ann` among `files`.
fn is_brat_text(file: &NamedText, files: &[NamedText]) -> bool {
    file.name.to_ascii_lowercase().ends_with(".txt")
        && files.iter().any(|other| {
            other.name.to_ascii_lowercase().ends_with(".ann")
                && file_stem(&other.name) == file_stem(&file.name)
        })
}

/// Opens every document the files hold; `progress` hears (documents checked, documents in the
/// file) while a file of many documents is read.
pub fn open(
    files: &[NamedText],
    context: OpenContext,
    mut progress: impl FnMut(usize, usize),
) -> Opened {
    let mut labels = context.labels.clone();
    let mut opened = Opened::default();
    for file in files.iter().filter(|file| !is_brat_text(file, files)) {
        let anchored = Format::detect(&file.name, &file.content) == Some(Format::W3c);
        match open_file(file, files, context, &labels, &mut progress) {
            Ok((documents, format)) => {
                for (document, _) in &documents {
                    labels = labels.with_names(document.labels.iter().map(|l| l.name.as_str()));
                }
                opened.documents.extend(documents);
                opened.sources.push(format!("{} ({format})", file.name));
            }
            Err(error) => opened.refusals.push(Refusal {
                file: file.name.clone(),
                anchored: anchored && matches!(error, FormatError::Span { .. }),
                error,
            }),
        }
    }
    opened
}

/// One file read in its format — found once, from its name and content — with the text a
/// brat `.ann` (its `.txt` among `files`) or W3C annotations (the context's anchor) point into;
/// spans are not checked yet.
pub fn parse(
    file: &NamedText,
    files: &[NamedText],
    context: OpenContext,
) -> Result<(Imported, Format), FormatError> {
    let name = &file.name;
    let format = Format::detect(name, &file.content)
        .ok_or_else(|| FormatError::Unrecognized(name.clone()))?;
    let companion = files.iter().find(|other| {
        other.name.to_ascii_lowercase().ends_with(".txt")
            && file_stem(&other.name) == file_stem(name)
    });
    let base = match format {
        Format::Brat => companion.map(|companion| BaseText {
            id: file_stem(name),
            title: file_stem(name),
            text: &companion.content,
        }),
        Format::W3c => context.anchor,
        _ => None,
    };
    Ok((import(format, name, &file.content, base)?, format))
}

/// Documents, each with its done mark.
type Marked = Vec<(AnnotatedDocument, bool)>;

/// The documents of one file and the name of its format, their labels extending `labels`.
fn open_file(
    file: &NamedText,
    files: &[NamedText],
    context: OpenContext,
    labels: &LabelSet,
    progress: &mut impl FnMut(usize, usize),
) -> Result<(Marked, &'static str), FormatError> {
    if workspace_file::looks_like_workspace(&file.content) {
        let workspace = workspace_file::import(&file.content)?;
        let documents = (0..workspace.len())
            .filter_map(|index| Some((workspace.annotated(index)?, workspace.is_done(index))))
            .collect();
        return Ok((documents, "workspace"));
    }
    let (imported, format) = parse(file, files, context)?;
    let mut records = match imported {
        Imported::Native(annotated) => return Ok((vec![(annotated, false)], format.title())),
        Imported::Documents(records) if records.is_empty() => return Err(FormatError::Empty),
        Imported::Documents(records) => records,
    };
    if let (Some(title), [record]) = (&file.title, records.as_mut_slice()) {
        record.title = title.clone();
    }
    let mut labels = labels.clone();
    let total = records.len();
    let mut documents = Vec::with_capacity(total);
    for (done, record) in records.into_iter().enumerate() {
        let annotated = record.into_annotated(&labels)?;
        labels = (*annotated.labels).clone();
        documents.push((annotated, false));
        if total > 1 {
            progress(done + 1, total);
        }
    }
    Ok((documents, format.title()))
}

/// A plain text (a pasted article) as a document, titled as given or by its first line.
pub fn pasted(
    text: &str,
    title: &str,
    labels: &LabelSet,
) -> Result<AnnotatedDocument, FormatError> {
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let mut record = plain_text::import(text, "pasted");
    if !title.trim().is_empty() {
        record.title = title.trim().to_owned();
    }
    record.into_annotated(labels)
}
