//! A long text that crosses to or from the converters' worker as its UTF-8 bytes (one
//! `Uint8Array`, copied as a block) rather than as a JavaScript string, which would be
//! converted to UTF-16 on one side and back on the other. Use with `#[serde(with = …)]`.

use serde::{Deserialize, Deserializer, Serializer};

/// Writes the text as its bytes.
pub fn serialize<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bytes(text.as_bytes())
}

/// Reads the bytes back as text; bytes that are not UTF-8 are refused.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let bytes = serde_bytes::ByteBuf::deserialize(deserializer)?;
    String::from_utf8(bytes.into_vec()).map_err(serde::de::Error::custom)
}
