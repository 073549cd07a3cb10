//! The one open pipeline, used by the page's worker and the command line alike: each file's
//! format is found once, it is parsed once and its spans are checked once, and what comes out
//! is documents ready for the workspace. A brat `.ann` is read with the `.txt` of the same name
//! among the files, W3C annotations are anchored on the text given, a workspace file brings its
//! done marks, and every file that cannot be opened is left out whole with a message naming it.
//! Offsets are Unicode code points.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::dataset_format::Format;
use super::format_error::FormatError;
use super::format_import::{import, BaseText, Imported};
use super::misfits::misfits;
use super::workspace_file;
use super::{file_stem, native_json, plain_text};
use crate::model::{AnnotatedDocument, LabelSet};

/// A file's name and text (an HTML page arrives already reduced to its text and title).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedText {
    /// The file's name, e.g. `article.ann`.
    pub name: String,
    /// Its text (crossing to the worker as UTF-8 bytes).
    #[serde(with = "super::utf8_bytes")]
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
    /// Each file is one annotator's (Compare…): a document that names no annotator of its
    /// own is theirs, named after the file's stem.
    pub by_file: bool,
}

impl<'a> OpenContext<'a> {
    /// The context of files opened beside `current`: its labels are extended, and W3C
    /// annotations anchor on its text.
    pub fn beside(current: &'a AnnotatedDocument) -> Self {
        let document = &current.document;
        Self {
            labels: &current.labels,
            anchor: Some(BaseText {
                id: &document.id,
                title: &document.title,
                text: document.text(),
            }),
            by_file: false,
        }
    }
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
            Ok((mut documents, format)) => {
                if context.by_file {
                    named_after(&mut documents, &file.name);
                }
                for (document, _) in &documents {
                    labels = labels.with_names(document.labels.iter().map(|l| l.name.as_str()));
                }
                opened.documents.extend(documents);
                opened.sources.push(source(file, &format));
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

/// How a file opened is named to the user: "name (format)".
fn source(file: &NamedText, format: &str) -> String {
    format!("{} ({format})", file.name)
}

/// Whether the page opens `file` by itself ([`open_native`]): a native JSON document (a
/// workspace file of many documents goes to the worker, which reports its progress).
pub fn opens_in_page(file: &NamedText) -> bool {
    !workspace_file::looks_like_workspace(&file.content)
        && Format::is_native(&file.name, &file.content)
}

/// Opens native JSON documents as [`open`] does — a native document is read by the native
/// reader and nothing else — for the page, whose WebAssembly holds that reader anyway (for
/// the autosave) but no other parser. `None` if any file is not such a document or is
/// refused: [`open`] then opens them all and says why in full.
pub fn open_native(files: &[NamedText], by_file: bool) -> Option<Opened> {
    let mut opened = Opened::default();
    for file in files {
        if !opens_in_page(file) {
            return None;
        }
        let mut documents = vec![(native_json::import(&file.content).ok()?, false)];
        if by_file {
            named_after(&mut documents, &file.name);
        }
        opened.documents.extend(documents);
        opened.sources.push(source(file, Format::Native.title()));
    }
    Some(opened)
}

/// Gives each of `documents` (from the file `name`) that names no annotator the one the file
/// is named after: its stem.
fn named_after(documents: &mut Marked, name: &str) {
    let stem = file_stem(name);
    for (annotated, _) in documents {
        if annotated.document.annotator.is_none() {
            let named = (*annotated.document).clone().by(Some(stem.to_owned()));
            annotated.document = std::rc::Rc::new(named);
        }
    }
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
        .ok_or_else(|| FormatError::Unrecognized(misfits(name, &file.content)))?;
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

/// How many times at most opening a file of many documents reports its progress.
const PROGRESS_REPORTS: usize = 50;

/// The documents of one file and the name of its format (with how its offsets were read, where
/// not as written), their labels extending `labels`.
fn open_file(
    file: &NamedText,
    files: &[NamedText],
    context: OpenContext,
    labels: &LabelSet,
    progress: &mut impl FnMut(usize, usize),
) -> Result<(Marked, String), FormatError> {
    if workspace_file::looks_like_workspace(&file.content) {
        let workspace = workspace_file::import(&file.content)?;
        let documents = (0..workspace.len())
            .filter_map(|index| Some((workspace.annotated(index)?, workspace.is_done(index))))
            .collect();
        return Ok((documents, "workspace".to_owned()));
    }
    let (imported, format) = parse(file, files, context)?;
    let mut records = match imported {
        Imported::Native(annotated) => {
            return Ok((vec![(annotated, false)], format.title().to_owned()))
        }
        Imported::Documents(records) if records.is_empty() => return Err(FormatError::Empty),
        Imported::Documents(records) => records,
    };
    if let (Some(title), [record]) = (&file.title, records.as_mut_slice()) {
        record.title = title.clone();
    }
    let described = match records.iter().find_map(|record| record.reading) {
        Some(reading) => format!("{}; {reading}", format.title()),
        None => format.title().to_owned(),
    };
    let mut labels = labels.clone();
    let total = records.len();
    // About fifty reports whatever the size: each one crosses to the page as a message.
    let every = total.div_ceil(PROGRESS_REPORTS);
    let mut documents = Vec::with_capacity(total);
    for (done, record) in records.into_iter().enumerate() {
        let annotated = record.into_annotated(&labels)?;
        labels = (*annotated.labels).clone();
        documents.push((annotated, false));
        if total > 1 && ((done + 1) % every == 0 || done + 1 == total) {
            progress(done + 1, total);
        }
    }
    Ok((documents, described))
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
