//! The article being annotated: its id, title and text, split into paragraphs.
//! Positions are Unicode code points, start inclusive, end exclusive.

use std::cell::OnceCell;
use std::ops::Range;
use std::rc::Rc;

use unicode_segmentation::UnicodeSegmentation;

use super::offsets::IndexedText;

/// One line of the article, including the line break that ends it (`\n` or `\r\n`); or, for
/// a line longer than [`MAX_PIECE_CHARS`], one piece of it, cut at a word boundary, so that
/// no rendering unit (and no edit's re-render) grows with the length of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Code point range in the document.
    pub chars: Range<usize>,
    /// UTF-8 byte range in the document.
    pub bytes: Range<usize>,
    /// Whether this is a piece of a longer line (shown flowing on with its neighbours).
    pub piece: bool,
}

/// Longest paragraph, in code points; longer lines are cut into pieces of about this length.
pub const MAX_PIECE_CHARS: usize = 1_000;

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

/// Splits the text after every `\n`, so `\r\n` stays whole and no character is lost; lines
/// longer than [`MAX_PIECE_CHARS`] are cut into pieces.
fn split_paragraphs(text: &IndexedText) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let (mut start_byte, mut start_char, mut chars) = (0, 0, 0);
    let all = text.as_str();
    let mut push_line = |bytes: Range<usize>, first_char: usize, end_char: usize| {
        if end_char - first_char <= MAX_PIECE_CHARS {
            paragraphs.push(Paragraph {
                chars: first_char..end_char,
                bytes,
                piece: false,
            });
        } else {
            pieces(all, bytes, first_char, &mut paragraphs);
        }
    };
    for (byte, ch) in all.char_indices() {
        chars += 1;
        if ch == '\n' {
            let end_byte = byte + 1;
            push_line(start_byte..end_byte, start_char, chars);
            (start_byte, start_char) = (end_byte, chars);
        }
    }
    if start_byte < all.len() {
        push_line(start_byte..all.len(), start_char, chars);
    }
    paragraphs
}

/// Cuts one long line (`bytes` of `text`, starting at code point `first_char`) into pieces of
/// at most [`MAX_PIECE_CHARS`], each cut at a UAX #29 word boundary: after whitespace in the
/// second half of the piece if there is such a place, else at the last word boundary; a
/// single word longer than a piece is cut between grapheme clusters.
fn pieces(text: &str, bytes: Range<usize>, first_char: usize, out: &mut Vec<Paragraph>) {
    let line = &text[bytes.clone()];
    // Positions are (byte in the line, code point in the document).
    let mut push = |from: (usize, usize), to: (usize, usize)| {
        out.push(Paragraph {
            chars: from.1..to.1,
            bytes: bytes.start + from.0..bytes.start + to.0,
            piece: true,
        });
    };
    let mut from = (0, first_char);
    let mut at = from;
    let (mut after_space, mut after_word) = (None, None);
    for word in line.split_word_bounds() {
        let next = (at.0 + word.len(), at.1 + word.chars().count());
        if next.1 - from.1 > MAX_PIECE_CHARS {
            let half = from.1 + MAX_PIECE_CHARS / 2;
            let best = after_space
                .filter(|&(_, c): &(usize, usize)| c >= half)
                .or(after_word);
            if let Some(to) = best {
                push(from, to);
                from = to;
            }
            after_space = None;
            let mut grapheme_at = at;
            for grapheme in word.graphemes(true) {
                let end = (
                    grapheme_at.0 + grapheme.len(),
                    grapheme_at.1 + grapheme.chars().count(),
                );
                if end.1 - from.1 > MAX_PIECE_CHARS && grapheme_at.1 > from.1 {
                    push(from, grapheme_at);
                    from = grapheme_at;
                }
                grapheme_at = end;
            }
        }
        at = next;
        after_word = Some(at);
        if word.chars().all(|c| c.is_whitespace() && c != '\n') {
            after_space = Some(at);
        }
    }
    if at.1 > from.1 {
        push(from, at);
    }
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
    fn a_long_line_is_cut_into_pieces_at_word_boundaries_covering_it_all() {
        let sentence = "Shoigu met Bagheri in Moscow 😀 again. ";
        let line = sentence.repeat(200) + "end\nnext line\n" + &"x".repeat(5_000);
        let doc = Document::new("d", "D", &line);
        let paragraphs = doc.paragraphs();
        let mut char_at = 0;
        let mut byte_at = 0;
        for paragraph in paragraphs {
            assert_eq!(paragraph.chars.start, char_at, "no gap, no overlap");
            assert_eq!(paragraph.bytes.start, byte_at);
            assert!(paragraph.chars.len() <= MAX_PIECE_CHARS);
            let text = &doc.text()[paragraph.bytes.clone()];
            assert_eq!(text.chars().count(), paragraph.chars.len());
            char_at = paragraph.chars.end;
            byte_at = paragraph.bytes.end;
        }
        assert_eq!((char_at, byte_at), (doc.char_len(), doc.text().len()));
        let pieces: Vec<&str> = paragraphs
            .iter()
            .map(|p| &doc.text()[p.bytes.clone()])
            .collect();
        // Pieces of the long sentence line end after a space, before a word.
        let first_line: Vec<&Paragraph> = paragraphs.iter().take_while(|p| p.piece).collect();
        assert!(first_line.len() >= 4);
        for piece in &pieces[..first_line.len() - 1] {
            assert!(piece.ends_with(' '), "{piece:?}");
            assert!(piece.chars().count() > MAX_PIECE_CHARS / 2);
        }
        assert!(pieces[first_line.len() - 1].ends_with("end\n"));
        let next = &paragraphs[first_line.len()];
        assert!(!next.piece && pieces[first_line.len()] == "next line\n");
        // One word of 5,000 letters: cut between characters.
        let word: Vec<&Paragraph> = paragraphs[first_line.len() + 1..].iter().collect();
        assert_eq!(
            word.iter().map(|p| p.chars.len()).collect::<Vec<_>>(),
            [1_000, 1_000, 1_000, 1_000, 1_000]
        );
        assert!(word.iter().all(|p| p.piece));
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
