//! The article being annotated: its id, title and text, split into paragraphs.
//! Positions are Unicode code points, start inclusive, end exclusive.

use std::cell::OnceCell;
use std::ops::Range;
use std::rc::Rc;

use unicode_segmentation::UnicodeSegmentation;

use super::offsets::IndexedText;

/// One line of the article, including the line break that ends it (`\n` or `\r\n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Code point range in the document.
    pub chars: Range<usize>,
    /// UTF-8 byte range in the document.
    pub bytes: Range<usize>,
}

/// An immutable article: text held once, with its offset index and paragraph layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable identifier, used in file names and exports.
    pub id: String,
    /// Human-readable title.
    pub title: String,
    text: IndexedText,
    paragraphs: Vec<Paragraph>,
    word_bounds: WordBounds,
}

/// The text's word boundaries, found once when first asked for. Derived from the text, so it
/// takes no part in comparing documents.
#[derive(Debug, Clone, Default)]
struct WordBounds(OnceCell<Vec<usize>>);

impl PartialEq for WordBounds {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for WordBounds {}

impl Document {
    /// Builds a document and its paragraph layout from plain text.
    pub fn new(id: impl Into<String>, title: impl Into<String>, text: &str) -> Self {
        let text = IndexedText::new(Rc::from(text));
        let paragraphs = split_paragraphs(&text);
        Self {
            id: id.into(),
            title: title.into(),
            text,
            paragraphs,
            word_bounds: WordBounds::default(),
        }
    }

    /// UTF-8 byte offsets of every UAX #29 word boundary, in order, ending with the text's
    /// length. Worked out on first use and kept: the text never changes.
    pub fn word_bounds(&self) -> &[usize] {
        self.word_bounds.0.get_or_init(|| {
            let text = self.text();
            let mut bounds: Vec<usize> =
                text.split_word_bound_indices().map(|(at, _)| at).collect();
            bounds.push(text.len());
            bounds
        })
    }

    /// The article text.
    pub fn text(&self) -> &str {
        self.text.as_str()
    }

    /// The shared handle to the text, for components that render slices of it.
    pub fn shared_text(&self) -> Rc<str> {
        self.text.shared()
    }

    /// The text with its offset index.
    pub fn indexed(&self) -> &IndexedText {
        &self.text
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        self.text.char_len()
    }

    /// The paragraphs in order; together they cover the whole text.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// Indices of the paragraphs that share at least one code point with `range`.
    pub fn paragraphs_overlapping(&self, range: Range<usize>) -> Range<usize> {
        let first = self
            .paragraphs
            .partition_point(|p| p.chars.end <= range.start);
        let last = self
            .paragraphs
            .partition_point(|p| p.chars.start < range.end);
        first..last.max(first)
    }

    /// The text of a code point range, or `None` if the range is out of bounds.
    pub fn slice(&self, range: Range<usize>) -> Option<&str> {
        if range.start > range.end {
            return None;
        }
        let start = self.text.byte_of_char(range.start)?;
        let end = self.text.byte_of_char(range.end)?;
        Some(&self.text.as_str()[start..end])
    }

    /// `range` without leading and trailing whitespace; empty if nothing else is left.
    /// Whole grapheme clusters are trimmed, judged by their first character, so a space that
    /// carries a combining mark goes with its mark. `None` if the range is out of bounds.
    pub fn trim_whitespace(&self, range: Range<usize>) -> Option<Range<usize>> {
        let slice = self.slice(range.clone())?;
        let is_space = |grapheme: &&str| grapheme.chars().next().is_some_and(char::is_whitespace);
        let chars = |grapheme: &str| grapheme.chars().count();
        let leading: usize = slice.graphemes(true).take_while(is_space).map(chars).sum();
        if leading == range.len() {
            return Some(range.start..range.start);
        }
        let trailing: usize = slice
            .graphemes(true)
            .rev()
            .take_while(is_space)
            .map(chars)
            .sum();
        Some(range.start + leading..range.end - trailing)
    }
}

/// Splits the text after every `\n`, so `\r\n` stays whole and no character is lost.
fn split_paragraphs(text: &IndexedText) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let (mut start_byte, mut start_char, mut chars) = (0, 0, 0);
    for (byte, ch) in text.as_str().char_indices() {
        chars += 1;
        if ch == '\n' {
            let end_byte = byte + 1;
            paragraphs.push(Paragraph {
                chars: start_char..chars,
                bytes: start_byte..end_byte,
            });
            (start_byte, start_char) = (end_byte, chars);
        }
    }
    if start_byte < text.as_str().len() {
        paragraphs.push(Paragraph {
            chars: start_char..chars,
            bytes: start_byte..text.as_str().len(),
        });
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_cover_the_text_and_keep_crlf_together() {
        let doc = Document::new("d", "D", "one\r\ntwo\n\nthree");
        let texts: Vec<&str> = doc
            .paragraphs()
            .iter()
            .map(|p| &doc.text()[p.bytes.clone()])
            .collect();
        assert_eq!(texts, ["one\r\n", "two\n", "\n", "three"]);
        assert_eq!(doc.paragraphs()[3].chars, 10..15);
    }

    #[test]
    fn paragraphs_overlapping_a_range() {
        let doc = Document::new("d", "D", "ab\ncd\nef");
        assert_eq!(doc.paragraphs_overlapping(0..1), 0..1);
        assert_eq!(doc.paragraphs_overlapping(1..4), 0..2);
        assert_eq!(doc.paragraphs_overlapping(3..5), 1..2);
        assert_eq!(doc.paragraphs_overlapping(2..7), 0..3);
        assert_eq!(doc.paragraphs_overlapping(8..8), 3..3);
    }

    #[test]
    fn slices_by_code_points_across_multibyte_characters() {
        let doc = Document::new("d", "D", "“Iran” 😀 Shoigu");
        assert_eq!(doc.slice(1..5), Some("Iran"));
        assert_eq!(doc.slice(7..8), Some("😀"));
        assert_eq!(doc.slice(9..15), Some("Shoigu"));
        assert_eq!(doc.slice(9..16), None);
        #[allow(clippy::reversed_empty_ranges)]
        let reversed = 5..1;
        assert_eq!(doc.slice(reversed), None);
    }

    #[test]
    fn trims_spaces_nbsp_and_line_breaks() {
        let doc = Document::new("d", "D", "a \u{a0}Bagheri\r\n b");
        assert_eq!(doc.trim_whitespace(1..12), Some(3..10));
        assert_eq!(doc.trim_whitespace(1..3), Some(1..1));
        assert_eq!(doc.trim_whitespace(0..99), None);
    }

    #[test]
    fn a_combining_mark_on_a_space_is_trimmed_with_it() {
        // ' ', NBSP + U+0301, "Bagheri": trimming by character would leave U+0301 in front.
        let doc = Document::new("d", "D", "x \u{a0}\u{301}Bagheri");
        assert_eq!(doc.trim_whitespace(1..11), Some(4..11));
        assert_eq!(doc.slice(4..11), Some("Bagheri"));
    }
}
