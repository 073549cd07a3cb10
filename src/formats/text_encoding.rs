//! Turning a file's bytes into text, never silently: UTF-8 (a leading byte-order mark is
//! dropped, as browsers do), or Windows-1252 only when the user says so. Bytes that are not
//! UTF-8 are refused with where they are, so no `Caf� M�ller` ever reaches an export.

use std::fmt;

/// The encodings a file can be read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// Windows-1252 (the Western European code page; a superset of printable ISO-8859-1).
    Windows1252,
}

impl Encoding {
    /// The encoding called `name` (`utf-8`, `windows-1252`, `latin1`, `cp1252`, …).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Some(Self::Utf8),
            "windows-1252" | "cp1252" | "latin1" | "latin-1" | "iso-8859-1" => {
                Some(Self::Windows1252)
            }
            _ => None,
        }
    }
}

/// Why bytes are not UTF-8 text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotUtf8 {
    /// Offset of the first byte that is not UTF-8.
    pub offset: usize,
    /// That byte.
    pub byte: u8,
    /// Its line, from 1.
    pub line: usize,
    /// The start of the text as Windows-1252 would read it, to show the user.
    pub as_windows_1252: String,
}

impl fmt::Display for NotUtf8 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "it is not UTF-8 text: byte 0x{:02X} at offset {} (line {}) is not UTF-8; read as \
             Windows-1252 it would begin \u{201c}{}\u{201d}",
            self.byte, self.offset, self.line, self.as_windows_1252
        )
    }
}

impl std::error::Error for NotUtf8 {}

/// Valid UTF-8 bytes as text, in place (no copy of a file that may be megabytes), a byte-order
/// mark dropped; bytes that are not UTF-8 come back as they were, for [`decode`] to say why.
pub fn utf8_in_place(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(text)
        }
        Err(error) => Err(error.into_bytes()),
    }
}

/// The bytes as text in `encoding`; UTF-8 that is not valid is refused.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String, NotUtf8> {
    match encoding {
        Encoding::Windows1252 => Ok(windows_1252(bytes)),
        Encoding::Utf8 => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(bytes) {
                Ok(text) => Ok(text.to_owned()),
                Err(error) => {
                    let offset = error.valid_up_to();
                    let preview: String = windows_1252(&bytes[..bytes.len().min(4096)])
                        .chars()
                        .take(60)
                        .collect();
                    Err(NotUtf8 {
                        offset,
                        byte: bytes[offset],
                        line: 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count(),
                        as_windows_1252: preview.trim_end().to_owned(),
                    })
                }
            }
        }
    }
}

/// Characters of Windows-1252's bytes 0x80–0x9F (the rest are ISO-8859-1, U+0000–U+00FF);
/// the five undefined ones are read as the C1 controls they would be in ISO-8859-1.
const HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&byte| match byte {
            0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
            _ => char::from(byte),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_read_with_or_without_a_byte_order_mark() {
        assert_eq!(
            decode("Café 😀".as_bytes(), Encoding::Utf8).as_deref(),
            Ok("Café 😀")
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFBagheri", Encoding::Utf8).as_deref(),
            Ok("Bagheri")
        );
        assert_eq!(
            utf8_in_place(b"\xEF\xBB\xBFCaf\xC3\xA9".to_vec()).as_deref(),
            Ok("Café")
        );
        assert_eq!(utf8_in_place(b"Caf\xE9".to_vec()), Err(b"Caf\xE9".to_vec()));
    }

    #[test]
    fn latin_1_is_refused_with_where_and_what_it_would_read() {
        let latin1 = b"Line one\nCaf\xE9 M\xFCller \x80 \x93quoted\x94";
        let refused = decode(latin1, Encoding::Utf8).expect_err("not UTF-8");
        assert_eq!((refused.offset, refused.byte, refused.line), (12, 0xE9, 2));
        assert!(refused
            .to_string()
            .starts_with("it is not UTF-8 text: byte 0xE9 at offset 12 (line 2) is not UTF-8"));
        assert_eq!(
            decode(latin1, Encoding::Windows1252).as_deref(),
            Ok("Line one\nCafé Müller € \u{201c}quoted\u{201d}")
        );
        assert_eq!(Encoding::from_name("Latin1"), Some(Encoding::Windows1252));
        assert_eq!(Encoding::from_name("UTF_8"), Some(Encoding::Utf8));
        assert_eq!(Encoding::from_name("ebcdic"), None);
    }
}
