//! Text written from WebAssembly straight into JavaScript strings, 64 KB at a time: a record
//! of megabytes never needs one block of WebAssembly memory that large. The memory grows to
//! hold the largest block it was ever asked for and never shrinks, and a saved record was the
//! largest block a document's open asked for (1.5 MB for 1 MB of text). The pieces are kept
//! as they are, a list of strings, not joined: joined, each save left the record twice over
//! in the JS heap until the next collection.

use std::io;

use js_sys::{Array, JsString};
use wasm_bindgen::{JsCast, JsValue};

/// Bytes gathered before they become a piece of the string.
const PIECE: usize = 64 * 1024;

/// Text being written as UTF-8 into JavaScript strings, a piece at a time.
pub struct JsText {
    pieces: Array,
    buffer: Vec<u8>,
}

impl JsText {
    /// An empty string.
    pub fn new() -> Self {
        Self {
            pieces: Array::new(),
            buffer: Vec::with_capacity(PIECE),
        }
    }

    /// The text written, as its pieces in order. Bytes that are not UTF-8 (none, from
    /// `serde_json`) are left out.
    pub fn finish(mut self) -> Array {
        self.flush_whole_characters();
        self.pieces
    }

    /// Moves the buffer's whole characters into a piece; a character cut at the end waits for
    /// its other bytes.
    fn flush_whole_characters(&mut self) {
        let whole = match std::str::from_utf8(&self.buffer) {
            Ok(text) => text,
            Err(error) => {
                // The part before the cut is UTF-8, as the error says.
                std::str::from_utf8(&self.buffer[..error.valid_up_to()]).unwrap_or_default()
            }
        };
        let taken = whole.len();
        self.pieces.push(&JsString::from(whole));
        self.buffer.drain(..taken);
    }
}

impl Default for JsText {
    fn default() -> Self {
        Self::new()
    }
}

impl io::Write for JsText {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let room = PIECE.saturating_sub(self.buffer.len()).max(1);
        let taken = &bytes[..bytes.len().min(room)];
        self.buffer.extend_from_slice(taken);
        if self.buffer.len() >= PIECE {
            self.flush_whole_characters();
        }
        Ok(taken.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A record as the store holds it: one string, or the pieces [`JsText`] wrote, joined.
pub fn record_text(record: &JsValue) -> Option<String> {
    match record.dyn_ref::<Array>() {
        Some(pieces) => pieces.join("").as_string(),
        None => record.as_string(),
    }
}
