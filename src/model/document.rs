//! The article being annotated: its id, title and text, split into paragraphs.
//! Positions are Unicode code points, start inclusive, end exclusive.

use std::cell::OnceCell;
use std::ops::Range;
use std::rc::Rc;

use unicode_segmentation::UnicodeSegmentation;

use super::offsets::IndexedText;
use super::provenance::Provenance;
use super::word_bounds::WordBounds;

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
    /// Who annotated this version (`None`: the user of this app, under their name).
    pub annotator: Option<String>,
    /// For a curated version, where its spans came from.
    pub provenance: Option<Rc<Provenance>>,
    text: IndexedText,
    paragraphs: Vec<Paragraph>,
    word_bounds: LazyWordBounds,
}

/// The text's word boundaries, found once when first asked for. Derived from the text, so it
/// takes no part in comparing documents.
#[derive(Debug, Clone, Default)]
struct LazyWordBounds(OnceCell<WordBounds>);

impl PartialEq for LazyWordBounds {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for LazyWordBounds {}

impl Document {
    /// Builds a document and its paragraph layout from plain text.
    pub fn new(id: impl Into<String>, title: impl Into<String>, text: &str) -> Self {
        let text = IndexedText::new(Rc::from(text));
        let paragraphs = split_paragraphs(&text);
        Self {
            id: id.into(),
            title: title.into(),
            annotator: None,
            provenance: None,
            text,
            paragraphs,
            word_bounds: LazyWordBounds::default(),
        }
    }

    /// The same document, annotated by `annotator` (a blank name is nobody's).
    pub fn by(mut self, annotator: Option<String>) -> Self {
        self.annotator = annotator
            .map(|name| name.trim().to_owned())
            .filter(|name| !name.is_empty());
        self
    }

    /// The same document as a curated version with this provenance.
    pub fn curated(mut self, provenance: Provenance) -> Self {
        self.provenance = Some(Rc::new(provenance));
        self
    }

    /// Whether this is a curated version.
    pub fn is_curated(&self) -> bool {
        self.provenance.is_some()
    }

    /// What tells this version from the other versions of the same document: its id, its
    /// annotator and whether it is curated (the user's own version: its id alone). Unique
    /// within a workspace.
    pub fn version_key(&self) -> String {
        match (self.annotator.as_deref(), self.is_curated()) {
            (None, false) => self.id.clone(),
            (who, curated) => {
                let curated = if curated { "curated" } else { "" };
                format!("{}\u{1f}{}\u{1f}{curated}", self.id, who.unwrap_or(""))
            }
        }
    }

    /// The UTF-8 byte offsets of every UAX #29 word boundary, ending with the text's length.
    /// Worked out on first use and kept: the text never changes.
    pub fn word_bounds(&self) -> &WordBounds {
        self.word_bounds
            .0
            .get_or_init(|| WordBounds::of(self.text()))
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
    // Lines are found by their bytes and counted with the standard library's fast count.
    for (byte, _) in all.match_indices('\n') {
        let end_byte = byte + 1;
        chars += all[start_byte..end_byte].chars().count();
        push_line(start_byte..end_byte, start_char, chars);
        (start_byte, start_char) = (end_byte, chars);
    }
    if start_byte < all.len() {
        chars += all[start_byte..].chars().count();
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
