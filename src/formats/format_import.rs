//! The one entry point for reading a file in the format found for it (`dataset_format`).
//! Offsets in every format are Unicode code points.

use super::dataset_format::Format;
use super::format_error::FormatError;
use super::labeled_text::LabeledText;
use super::{
    brat, conll, doccano, label_studio, native_json, plain_text, prodigy, spacy_offsets, w3c,
};
use crate::model::AnnotatedDocument;

/// The text that brat or W3C annotations point into.
#[derive(Debug, Clone, Copy)]
pub struct BaseText<'a> {
    /// The document's id.
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its text.
    pub text: &'a str,
}

/// What an import produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    /// A native file: one document with its own labels and overlap policy.
    Native(AnnotatedDocument),
    /// Documents from a dataset format, in file order.
    Documents(Vec<LabeledText>),
}

/// Reads `content` as `format`. Only parsing happens here; span offsets are checked when the
/// documents are turned into annotated ones ([`LabeledText::into_annotated`]).
pub fn import(
    format: Format,
    file_name: &str,
    content: &str,
    base: Option<BaseText>,
) -> Result<Imported, FormatError> {
    // An empty .ann is a brat document with no spans; its text is in the .txt.
    if content.trim().is_empty() && format != Format::Brat {
        return Err(FormatError::Empty);
    }
    let whole_json = matches!(
        format,
        Format::Native | Format::LabelStudio | Format::Spacy | Format::W3c
    );
    if whole_json {
        // Said plainly before any reader guesses at the shape of a broken file.
        if let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(content) {
            let cut = if error.is_eof() {
                ": it ends early, so it may have been cut short"
            } else {
                ""
            };
            return Err(FormatError::Syntax {
                place: super::labeled_text::Place::File,
                message: format!("it is not valid JSON ({error}){cut}"),
            });
        }
    }
    let missing = |what: &str| FormatError::MissingText(what.to_owned());
    let documents = match format {
        Format::Native => return Ok(Imported::Native(native_json::import(content)?)),
        Format::Doccano | Format::DoccanoUtf16 => doccano::import(content, file_name)?,
        Format::LabelStudio => label_studio::import(content, file_name)?,
        Format::Prodigy => prodigy::import(content, file_name)?,
        Format::Spacy => spacy_offsets::import(content, file_name)?,
        Format::Iob2 | Format::Bilou | Format::ConllPlain => conll::import(content, file_name)?,
        Format::Brat => {
            let base = base.ok_or_else(|| {
                missing(
                    "brat annotations need their .txt file: pick the .ann and the .txt together",
                )
            })?;
            vec![brat::import(base.text, content, file_name)?]
        }
        Format::W3c => {
            let base =
                base.ok_or_else(|| missing("W3C annotations need the text they were made on"))?;
            vec![w3c::import(content, base.text, base.id, base.title)?]
        }
        Format::Text | Format::Html => vec![plain_text::import(content, file_name)],
    };
    Ok(Imported::Documents(documents))
}
