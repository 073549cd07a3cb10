//! Offset conversion between UTF-8 bytes, Unicode code points and UTF-16 code units.
//!
//! Everywhere else in the app a position is a **code point** offset (start inclusive, end
//! exclusive) unless its name says bytes or UTF-16. The DOM speaks UTF-16, Rust strings speak
//! UTF-8 bytes, and exports speak code points, so every crossing goes through this module.

use std::rc::Rc;

/// How many code points lie between two checkpoints of an [`IndexedText`].
const STRIDE: usize = 64;

/// Byte and UTF-16 position of one code point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Checkpoint {
    byte: usize,
    utf16: usize,
}

/// A text with an index that converts offsets in O(log n + 64) instead of O(n).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedText {
    text: Rc<str>,
    /// Position of every `STRIDE`-th code point.
    checkpoints: Vec<Checkpoint>,
    char_len: usize,
    utf16_len: usize,
}

impl IndexedText {
    /// Indexes `text`; the text itself is shared, never copied. An ASCII text (every unit
    /// the same) needs no checkpoints; any other is indexed by scanning its bytes, not by
    /// decoding its characters.
    pub fn new(text: Rc<str>) -> Self {
        if text.is_ascii() {
            return Self {
                checkpoints: Vec::new(),
                char_len: text.len(),
                utf16_len: text.len(),
                text,
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let (mut byte, mut chars, mut utf16) = (0, 0, 0);
        // One block of `STRIDE` code points per checkpoint; an all-ASCII block is skipped whole.
        while byte < bytes.len() {
            checkpoints.push(Checkpoint { byte, utf16 });
            if bytes.get(byte..byte + STRIDE).is_some_and(<[u8]>::is_ascii) {
                (byte, chars, utf16) = (byte + STRIDE, chars + STRIDE, utf16 + STRIDE);
                continue;
            }
            let mut counted = 0;
            while counted < STRIDE && byte < bytes.len() {
                let width = utf8_width(bytes[byte]);
                // A four-byte character is outside the Basic Multilingual Plane: two UTF-16 units.
                utf16 += if width == 4 { 2 } else { 1 };
                byte += width;
                counted += 1;
            }
            chars += counted;
        }
        Self {
            text,
            checkpoints,
            char_len: chars,
            utf16_len: utf16,
        }
    }

    /// Whether every offset is the same in every unit (the text is ASCII).
    fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    /// The whole text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The shared handle to the text.
    pub fn shared(&self) -> Rc<str> {
        Rc::clone(&self.text)
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Length in UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.utf16_len
    }

    /// Byte offset of code point `char_offset`, or `None` past the end.
    pub fn byte_of_char(&self, char_offset: usize) -> Option<usize> {
        if char_offset == self.char_len {
            return Some(self.text.len());
        }
        if self.is_ascii() {
            return (char_offset < self.char_len).then_some(char_offset);
        }
        let checkpoint = self.checkpoints.get(char_offset / STRIDE)?;
        let mut skip = char_offset % STRIDE;
        let bytes = &self.text.as_bytes()[checkpoint.byte..];
        for (at, &b) in bytes.iter().enumerate() {
            if is_continuation(b) {
                continue;
            }
            if skip == 0 {
                return Some(checkpoint.byte + at);
            }
            skip -= 1;
        }
        None
    }

    /// Code point offset of byte `byte_offset`, or `None` if it is past the end or inside a
    /// character.
    pub fn char_of_byte(&self, byte_offset: usize) -> Option<usize> {
        if !self.text.is_char_boundary(byte_offset) {
            return None;
        }
        if self.is_ascii() {
            return Some(byte_offset);
        }
        let index = self.checkpoints.partition_point(|c| c.byte <= byte_offset);
        let Some(i) = index.checked_sub(1) else {
            return Some(0);
        };
        let checkpoint = self.checkpoints[i];
        Some(i * STRIDE + self.text[checkpoint.byte..byte_offset].chars().count())
    }

    /// UTF-16 offset of code point `char_offset`, or `None` past the end.
    pub fn utf16_of_char(&self, char_offset: usize) -> Option<usize> {
        if char_offset == self.char_len {
            return Some(self.utf16_len);
        }
        if self.is_ascii() {
            return (char_offset < self.char_len).then_some(char_offset);
        }
        let checkpoint = self.checkpoints.get(char_offset / STRIDE)?;
        let skipped: usize = self.text[checkpoint.byte..]
            .chars()
            .take(char_offset % STRIDE)
            .map(char::len_utf16)
            .sum();
        Some(checkpoint.utf16 + skipped)
    }

    /// Code point offset of UTF-16 offset `utf16_offset`, or `None` if it is past the end or
    /// between the two halves of a surrogate pair.
    pub fn char_of_utf16(&self, utf16_offset: usize) -> Option<usize> {
        if utf16_offset > self.utf16_len {
            return None;
        }
        if self.is_ascii() {
            return Some(utf16_offset);
        }
        let index = self
            .checkpoints
            .partition_point(|c| c.utf16 <= utf16_offset);
        let Some(i) = index.checked_sub(1) else {
            return Some(0);
        };
        let checkpoint = self.checkpoints[i];
        char_of_utf16_in(
            &self.text[checkpoint.byte..],
            utf16_offset - checkpoint.utf16,
        )
        .map(|chars| i * STRIDE + chars)
    }
}

/// How many bytes the UTF-8 character that starts with `lead` takes.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Whether `byte` continues a UTF-8 character rather than starting one.
fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// Code point offset of UTF-16 offset `utf16_offset` within a short string (such as one DOM
/// text node), or `None` if it is past the end or inside a surrogate pair.
pub fn char_of_utf16_in(text: &str, utf16_offset: usize) -> Option<usize> {
    let mut units = 0;
    for (chars, ch) in text.chars().enumerate() {
        if units == utf16_offset {
            return Some(chars);
        }
        if units > utf16_offset {
            return None;
        }
        units += ch.len_utf16();
    }
    (units == utf16_offset).then(|| text.chars().count())
}
