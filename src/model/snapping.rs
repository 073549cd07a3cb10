//! Turning a raw selection into a span: grow it to whole words (UAX #29) and trim the
//! whitespace and punctuation around it, or, for exact selections, only to whole grapheme
//! clusters so no span splits a character as the reader sees it. Offsets are code points.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::document::Document;

/// How a selection becomes a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snap {
    /// Whole words; surrounding whitespace and punctuation trimmed.
    Words,
    /// Exactly the selected characters, widened only to whole grapheme clusters.
    Graphemes,
}

/// The span a selection of `range` becomes; empty if nothing but whitespace or punctuation is
/// selected, `None` if the range is out of bounds.
pub fn snap(document: &Document, range: Range<usize>, mode: Snap) -> Option<Range<usize>> {
    let text = document.indexed();
    let start_byte = text.byte_of_char(range.start)?;
    let end_byte = text.byte_of_char(range.end)?;
    if start_byte >= end_byte {
        return Some(range.start..range.start);
    }
    // Boundaries never cross a line break (UAX #29 WB3a/b, GB4/5), so the paragraphs that hold
    // the selection are enough context.
    let paragraphs = document.paragraphs_overlapping(range.clone());
    let region_start = document.paragraphs()[paragraphs.start].bytes.start;
    let region_end = document.paragraphs()[paragraphs.end - 1].bytes.end;
    let region = &document.text()[region_start..region_end];
    let overlapping = |(offset, piece): &(usize, &str)| {
        region_start + offset < end_byte && region_start + offset + piece.len() > start_byte
    };
    let pieces: Vec<(usize, &str)> = match mode {
        Snap::Words => region
            .split_word_bound_indices()
            .filter(overlapping)
            .collect(),
        Snap::Graphemes => region.grapheme_indices(true).filter(overlapping).collect(),
    };
    let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
        return Some(range.start..range.start);
    };
    // Grown to whole pieces; now trim whole graphemes from both ends. A grapheme counts as its
    // first character: a mark on a space is still space, and cutting the mark off would split
    // the grapheme.
    let grown = first.0..last.0 + last.1.len();
    let trimmed: fn(char) -> bool = match mode {
        Snap::Words => is_trimmed,
        Snap::Graphemes => char::is_whitespace,
    };
    let kept = |(_, grapheme): &(usize, &str)| !grapheme.chars().next().is_some_and(trimmed);
    let graphemes: Vec<(usize, &str)> = region[grown.clone()].grapheme_indices(true).collect();
    let (Some(first), Some(last)) = (
        graphemes.iter().find(|g| kept(g)),
        graphemes.iter().rev().find(|g| kept(g)),
    ) else {
        return Some(range.start..range.start);
    };
    let start = text.char_of_byte(region_start + grown.start + first.0)?;
    let end = text.char_of_byte(region_start + grown.start + last.0 + last.1.len())?;
    let kept_text = &region[grown.start + first.0..grown.start + last.0 + last.1.len()];
    let possessive = match mode {
        Snap::Words => possessive_len(kept_text),
        Snap::Graphemes => 0,
    };
    Some(start..end - possessive)
}

/// Code points of an English possessive ending `word` ("’s" or "'s"), which spaCy and CoNLL
/// tokenize apart, so a name snaps to "Bagheri" in "Bagheri’s"; 0 if there is none or the
/// word is nothing else.
pub fn possessive_len(word: &str) -> usize {
    possessive_len_of(word.chars())
}

/// The same, of a word's code points.
pub fn possessive_len_of(word: impl DoubleEndedIterator<Item = char>) -> usize {
    let mut backwards = word.rev();
    match (backwards.next(), backwards.next(), backwards.next()) {
        (Some('s' | 'S'), Some('\'' | '’'), Some(c)) if c.is_alphanumeric() => 2,
        _ => 0,
    }
}

/// Whitespace and the punctuation that surrounds words: quotes, commas, full stops, dashes,
/// brackets, in Latin, general, CJK, Arabic and full-width forms.
fn is_trimmed(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(c,
            '\u{a1}' | '\u{ab}' | '\u{b7}' | '\u{bb}' | '\u{bf}'
            | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}'
            | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301f}'
            | '\u{60c}' | '\u{61b}' | '\u{61f}' | '\u{6d4}'
            | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Snaps the selection of `needle` (cut to `from..to` of its characters) and returns the text.
    fn snapped(text: &str, needle: &str, from: usize, to: usize, mode: Snap) -> String {
        let document = Document::new("d", "D", text);
        let byte = text.find(needle).expect("needle");
        let start = text[..byte].chars().count();
        let range = snap(&document, start + from..start + to, mode).expect("in range");
        document.slice(range).expect("slice").to_owned()
    }

    #[test]
    fn a_selection_inside_words_grows_to_the_whole_words() {
        let text = "Minister Sergei Shoigu in a meeting";
        assert_eq!(
            snapped(text, "Sergei Shoigu", 2, 9, Snap::Words),
            "Sergei Shoigu"
        );
        assert_eq!(snapped(text, "meeting", 3, 4, Snap::Words), "meeting");
    }

    #[test]
    fn quotes_commas_full_stops_and_possessives_are_trimmed_but_inner_apostrophes_kept() {
        let text = "said, “Iran is a close partner.” Bagheri’s visit, Raisi's O'Neill";
        assert_eq!(snapped(text, ", “Iran", 0, 7, Snap::Words), "Iran");
        assert_eq!(snapped(text, "partner.”", 0, 9, Snap::Words), "partner");
        assert_eq!(snapped(text, "Bagheri’s", 2, 9, Snap::Words), "Bagheri");
        assert_eq!(snapped(text, "Raisi's", 0, 3, Snap::Words), "Raisi");
        assert_eq!(snapped(text, "O'Neill", 0, 3, Snap::Words), "O'Neill");
        assert_eq!(
            snapped(text, "Bagheri’s", 0, 9, Snap::Graphemes),
            "Bagheri’s"
        );
        assert_eq!(snapped(text, ", “", 0, 3, Snap::Words), "");
    }

    #[test]
    fn emoji_zwj_sequences_and_combining_marks_stay_whole() {
        let text = "the 👨🏻\u{200d}🚒 caf\u{65}\u{301} team";
        assert_eq!(snapped(text, "👨🏻", 0, 1, Snap::Graphemes), "👨🏻\u{200d}🚒");
        assert_eq!(
            snapped(text, "\u{65}\u{301}", 0, 1, Snap::Graphemes),
            "e\u{301}"
        );
        assert_eq!(snapped(text, "caf", 1, 4, Snap::Words), "cafe\u{301}");
    }

    #[test]
    fn cjk_rtl_nbsp_and_crlf_texts() {
        let rtl = "وزیر دفاع روسیه،\u{a0}سرگئی شویگو";
        assert_eq!(snapped(rtl, "روسیه،", 1, 6, Snap::Words), "روسیه");
        assert_eq!(snapped(rtl, "سرگئی", 0, 2, Snap::Words), "سرگئی");
        let cjk = "在东京举行会议。";
        assert_eq!(snapped(cjk, "东京", 0, 2, Snap::Words), "东京");
        let crlf = "Moscow\r\n Tehran";
        assert_eq!(
            snapped(crlf, "Moscow", 0, 10, Snap::Words),
            "Moscow\r\n Tehran"
        );
        assert_eq!(snapped(crlf, "\r\n", 0, 2, Snap::Words), "");
        let tabs = "name:\tValery\tGerasimov\t";
        assert_eq!(
            snapped(tabs, ":\tValery\tGerasimov\t", 0, 19, Snap::Words),
            "Valery\tGerasimov"
        );
    }

    #[test]
    fn exact_mode_keeps_partial_words_and_punctuation() {
        let text = "Minister Sergei Shoigu.";
        assert_eq!(snapped(text, "Sergei", 2, 5, Snap::Graphemes), "rge");
        assert_eq!(snapped(text, "Shoigu.", 0, 7, Snap::Graphemes), "Shoigu.");
    }

    #[test]
    fn out_of_range_is_none() {
        let document = Document::new("d", "D", "short");
        assert_eq!(snap(&document, 2..40, Snap::Words), None);
    }
}
