//! Why a file is in none of the formats this app reads: each format tried, and what the file
//! lacks for it, so a user can tell a wrong file from a broken one.

use std::fmt;

use serde_json::Value;

/// A file no format fits, and why each did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misfits {
    /// The file's name.
    pub file: String,
    /// Each format tried, and why it does not fit.
    pub tried: Vec<(&'static str, String)>,
}

impl fmt::Display for Misfits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is in no format this app reads. Tried:", self.file)?;
        for (number, (format, why)) in (1..).zip(&self.tried) {
            let sep = if number == 1 { " " } else { "; " };
            write!(f, "{sep}{format}: {why}")?;
        }
        Ok(())
    }
}

/// The extensions that name a format by themselves.
const NAMED: &str = ".txt, .md, .html (articles), .conll, .iob2, .bilou (tags), .ann (brat), \
                     .jsonl (doccano, Prodigy)";

/// Why `content` (of the file `name`) fits none of the formats.
pub fn misfits(name: &str, content: &str) -> Misfits {
    let mut tried = vec![("by its name", format!("it does not end in one of {NAMED}"))];
    match serde_json::from_str::<Value>(content) {
        Err(error) => tried.push(("the JSON formats", format!("it is not JSON ({error})"))),
        Ok(value) => {
            let item = match &value {
                Value::Array(items) => items.first().unwrap_or(&Value::Null),
                other => other,
            };
            let keys = match item {
                Value::Object(object) => {
                    let keys: Vec<&str> = object.keys().map(String::as_str).take(8).collect();
                    format!("its first item has the keys {}", keys.join(", "))
                }
                Value::Null => "it holds nothing".to_owned(),
                other => format!("its first item is {}", kind(other)),
            };
            tried.extend([
                ("native JSON", format!("no \"format\" field; {keys}")),
                (
                    "Label Studio JSON",
                    "no task \"data\" with the text, nor JSON_MIN's \"text\" beside a list of \
                     spans with \"start\", \"end\" and \"labels\""
                        .to_owned(),
                ),
                (
                    "W3C Web Annotation",
                    "no \"@context\", \"@graph\" or annotation \"target\"".to_owned(),
                ),
                (
                    "spaCy training offsets",
                    "not a list of [text, {\"entities\": …}] pairs".to_owned(),
                ),
                (
                    "doccano and Prodigy",
                    "they are one JSON object per line, in a file named .jsonl".to_owned(),
                ),
            ]);
        }
    }
    Misfits {
        file: name.to_owned(),
        tried,
    }
}

/// What kind of JSON value `value` is, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
