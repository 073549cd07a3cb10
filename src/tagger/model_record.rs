//! The model as the browser store keeps it beside the workspace: one JSON record holding what
//! it learned from, the workspace revision it was trained at, and the model file in base64.

use serde::{Deserialize, Serialize};

use super::protocol::ModelSummary;
use super::TaggerError;

/// The store's key of the model record.
pub const MODEL_KEY: &str = "tagger-model";

/// A model with what the page needs to know of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelRecord {
    /// What it learned from.
    pub summary: ModelSummary,
    /// The model file, in base64.
    pub model: String,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `bytes` in standard base64 with padding.
pub fn to_base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The bytes of standard base64 text, or `Truncated` if it is not base64.
pub fn from_base64(text: &str) -> Result<Vec<u8>, TaggerError> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.bytes() {
        let value = ALPHABET
            .iter()
            .position(|&a| a == c)
            .ok_or(TaggerError::Truncated)?;
        acc = (acc << 6) | value as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
}

impl ModelRecord {
    /// The record of a model's bytes.
    pub fn new(summary: ModelSummary, bytes: &[u8]) -> Self {
        Self {
            summary,
            model: to_base64(bytes),
        }
    }

    /// The record as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored record, its model checked, or why it cannot be used.
    pub fn from_json(json: &str) -> Result<(ModelSummary, Vec<u8>), TaggerError> {
        let record: ModelRecord = serde_json::from_str(json).map_err(|_| TaggerError::NotAModel)?;
        let bytes = from_base64(&record.model)?;
        super::model_file::check(&bytes)?;
        Ok((record.summary, bytes))
    }
}
