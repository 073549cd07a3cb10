//! spaCy's training offsets: a JSON array of `[text, {"entities": [[start, end, label], …]}]`,
//! one item per document. Offsets are **Unicode code points** (Python string indices), start
//! inclusive, end exclusive, so `doc.char_span(start, end, label)` finds each entity. The
//! README shows how to turn the file into a `DocBin`. Entities cannot overlap in spaCy, so
//! spans listed by [`super::overlaps::unrepresentable`] are left out.

use serde::Serialize;
use serde_json::Value;

use super::format_error::{syntax, FormatError};
use super::json_fields::{parse, triple, Fields};
use super::labeled_text::{LabeledText, Place};
use super::overlaps::outermost;

#[derive(Serialize)]
struct Entities {
    entities: Vec<(usize, usize, String)>,
}

/// The array, one document per line.
pub fn export(documents: &[LabeledText]) -> Result<String, FormatError> {
    let items = documents
        .iter()
        .map(|document| {
            let entities = Entities {
                entities: outermost(document)
                    .0
                    .into_iter()
                    .map(|i| &document.spans[i])
                    .map(|span| (span.start, span.end, span.label.clone()))
                    .collect(),
            };
            serde_json::to_string(&(&document.text, entities)).map_err(|e| syntax(Place::File, e))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(format!("[\n{}\n]\n", items.join(",\n")))
}

/// Reads the array; documents are named after the file and their position.
pub fn import(input: &str, name: &str) -> Result<Vec<LabeledText>, FormatError> {
    let value = parse(input, Place::File)?;
    let items = value.as_array().ok_or_else(|| {
        syntax(
            Place::File,
            "the file must be an array of [text, {\"entities\": …}]",
        )
    })?;
    if items.is_empty() {
        return Err(FormatError::Empty);
    }
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let place = Place::Record(index + 1);
            let (text, annotations) = match item.as_array().map(Vec::as_slice) {
                Some([Value::String(text), annotations]) => (text, annotations),
                _ => return Err(syntax(place, "each item must be [text, {\"entities\": …}]")),
            };
            let entities = Fields::of(annotations, place, "the annotations")?.array("entities")?;
            let id = super::jsonl::default_id(name, index + 1);
            Ok(LabeledText {
                title: id.clone(),
                id,
                text: text.clone(),
                spans: entities
                    .iter()
                    .map(|entity| triple(entity, place))
                    .collect::<Result<_, _>>()?,
                annotator: None,
                reading: None,
                place,
            })
        })
        .collect()
}
