//! spaCy's training offsets: a JSON array of `[text, {"entities": [[start, end, label], …]}]`,
//! one item per document. Offsets are **Unicode code points** (Python string indices), start
//! inclusive, end exclusive, so `doc.char_span(start, end, label)` finds each entity. The
//! README shows how to turn the file into a `DocBin`. Entities cannot overlap in spaCy, so
//! spans listed by [`super::overlaps::unrepresentable`] are left out.

use serde::{Deserialize, Serialize};

use super::format_error::{syntax, FormatError};
use super::labeled_text::{LabeledText, Place, SpanRecord};
use super::overlaps::outermost;

#[derive(Serialize, Deserialize)]
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
    let items: Vec<(String, Entities)> =
        serde_json::from_str(input).map_err(|e| syntax(Place::File, e))?;
    if items.is_empty() {
        return Err(FormatError::Empty);
    }
    Ok(items
        .into_iter()
        .enumerate()
        .map(|(index, (text, entities))| {
            let id = super::jsonl::default_id(name, index + 1);
            LabeledText {
                title: id.clone(),
                id,
                text,
                spans: entities
                    .entities
                    .into_iter()
                    .map(SpanRecord::from)
                    .collect(),
                place: Place::Record(index + 1),
            }
        })
        .collect())
}
