//! Reading fields out of parsed JSON with messages that name the record and the key. The
//! dataset readers use this instead of one serde type per format: one parser for all of
//! them keeps the page's WebAssembly small.

use serde_json::{Map, Value};

use super::format_error::{syntax, FormatError};
use super::labeled_text::{Place, SpanRecord};

/// Parses `input` as JSON, naming `place` if it is not.
pub fn parse(input: &str, place: Place) -> Result<Value, FormatError> {
    serde_json::from_str(input).map_err(|error| syntax(place, error))
}

/// The fields of one JSON object, read at `place`.
#[derive(Clone, Copy)]
pub struct Fields<'a> {
    object: &'a Map<String, Value>,
    place: Place,
}

impl<'a> Fields<'a> {
    /// The object `value`, or an error saying `what` must be an object.
    pub fn of(value: &'a Value, place: Place, what: &str) -> Result<Self, FormatError> {
        value
            .as_object()
            .map(|object| Self { object, place })
            .ok_or_else(|| syntax(place, format!("{what} must be a JSON object")))
    }

    /// The place the object was read at.
    pub fn place(&self) -> Place {
        self.place
    }

    /// Every field, in the file's order.
    pub fn entries(&self) -> impl Iterator<Item = (&'a String, &'a Value)> {
        self.object.iter()
    }

    fn wrong(&self, key: &str, expected: &str) -> FormatError {
        syntax(self.place, format!("\"{key}\" must be {expected}"))
    }

    /// The field, absent if missing or null.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.object.get(key).filter(|value| !value.is_null())
    }

    /// A required string.
    pub fn str(&self, key: &str) -> Result<&'a str, FormatError> {
        self.opt_str(key)?
            .ok_or_else(|| self.wrong(key, "a string"))
    }

    /// An optional string.
    pub fn opt_str(&self, key: &str) -> Result<Option<&'a str>, FormatError> {
        match self.get(key) {
            None => Ok(None),
            Some(value) => value
                .as_str()
                .map(Some)
                .ok_or_else(|| self.wrong(key, "a string")),
        }
    }

    /// A required offset or index.
    pub fn index(&self, key: &str) -> Result<usize, FormatError> {
        self.opt_index(key)?
            .ok_or_else(|| self.wrong(key, "a whole number"))
    }

    /// An optional offset or index.
    pub fn opt_index(&self, key: &str) -> Result<Option<usize>, FormatError> {
        match self.get(key) {
            None => Ok(None),
            Some(value) => as_index(value)
                .map(Some)
                .ok_or_else(|| self.wrong(key, "a whole number")),
        }
    }

    /// An optional array; missing means empty, but `null` is refused: it would quietly read
    /// as no spans where the writer may have meant some.
    pub fn array(&self, key: &str) -> Result<&'a [Value], FormatError> {
        match self.object.get(key) {
            None => Ok(&[]),
            Some(Value::Null) => Err(self.wrong(key, "an array (it is null; write [] for none)")),
            Some(value) => value
                .as_array()
                .map(Vec::as_slice)
                .ok_or_else(|| self.wrong(key, "an array")),
        }
    }

    /// An optional nested object.
    pub fn object(&self, key: &str) -> Result<Option<Fields<'a>>, FormatError> {
        self.get(key)
            .map(|value| Fields::of(value, self.place, &format!("\"{key}\"")))
            .transpose()
    }

    /// An identifier written as a string or a number.
    pub fn id(&self, key: &str) -> Result<Option<String>, FormatError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(id)) => Ok(Some(id.clone())),
            Some(Value::Number(id)) => Ok(Some(id.to_string())),
            Some(_) => Err(self.wrong(key, "a string or a number")),
        }
    }
}

/// A non-negative whole number that fits an offset.
pub fn as_index(value: &Value) -> Option<usize> {
    value.as_u64().and_then(|n| usize::try_from(n).ok())
}

/// A `[start, end, label]` triple, as doccano and spaCy write spans.
pub fn triple(value: &Value, place: Place) -> Result<SpanRecord, FormatError> {
    match value.as_array().map(Vec::as_slice) {
        Some([start, end, label]) => match (as_index(start), as_index(end), label.as_str()) {
            (Some(start), Some(end), Some(label)) => Ok(SpanRecord {
                start,
                end,
                label: label.to_owned(),
                text: None,
            }),
            _ => Err(syntax(
                place,
                format!("{value} is not [start, end, \"label\"]"),
            )),
        },
        _ => Err(syntax(
            place,
            format!("{value} is not [start, end, \"label\"]"),
        )),
    }
}
