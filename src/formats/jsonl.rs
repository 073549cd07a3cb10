//! Reading and writing JSON Lines, shared by the doccano and Prodigy formats.

use serde::Serialize;

use super::format_error::{syntax, FormatError};
use super::json_fields::{parse, Fields};
use super::labeled_text::{LabeledText, Place};

/// Each item as one line of compact JSON, each line ending in `\n`.
pub fn write<T: Serialize>(items: impl Iterator<Item = T>) -> Result<String, FormatError> {
    let mut out = String::new();
    for item in items {
        let line = serde_json::to_string(&item).map_err(|e| syntax(Place::File, e))?;
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}

/// Parses every non-blank line as a JSON object and converts it; line numbers are 1-based.
pub fn read(
    input: &str,
    mut convert: impl FnMut(usize, Fields) -> Result<LabeledText, FormatError>,
) -> Result<Vec<LabeledText>, FormatError> {
    let mut documents = Vec::new();
    for (index, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_number = index + 1;
        let place = Place::Line(line_number);
        let value = parse(line, place)?;
        documents.push(convert(
            line_number,
            Fields::of(&value, place, "each line")?,
        )?);
    }
    if documents.is_empty() {
        return Err(FormatError::Empty);
    }
    Ok(documents)
}

/// An id for a record that has none: the file's name and the record's position.
pub fn default_id(file_name: &str, position: usize) -> String {
    let stem = file_name.split('.').next().unwrap_or(file_name);
    format!("{stem}-{position}")
}
