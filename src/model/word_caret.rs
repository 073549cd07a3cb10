//! Moving through the article by word from the keyboard: the "caret" is the selected word
//! range. Words are UAX #29 word-like segments (letters, digits, ideographs); whitespace and
//! punctuation are stepped over. Offsets are code points.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::document::Document;

/// The word-like segments of paragraph `index`, as code point ranges.
fn words_of_paragraph(document: &Document, index: usize) -> Vec<Range<usize>> {
    let paragraph = &document.paragraphs()[index];
    let text = &document.text()[paragraph.bytes.clone()];
    let mut words = Vec::new();
    let mut chars_before = paragraph.chars.start;
    let mut bytes_before = 0;
    for (byte, word) in text.unicode_word_indices() {
        chars_before += text[bytes_before..byte].chars().count();
        bytes_before = byte;
        let length = word.chars().count();
        words.push(chars_before..chars_before + length);
    }
    words
}

/// The paragraph holding code point `offset` (the last one at the end of the text).
fn paragraph_at(document: &Document, offset: usize) -> usize {
    let paragraphs = document.paragraphs();
    paragraphs
        .partition_point(|p| p.chars.end <= offset)
        .min(paragraphs.len().saturating_sub(1))
}

/// The first word that starts at or after `offset`.
pub fn next_word(document: &Document, offset: usize) -> Option<Range<usize>> {
    let first = paragraph_at(document, offset);
    (first..document.paragraphs().len())
        .flat_map(|index| words_of_paragraph(document, index))
        .find(|word| word.start >= offset)
}

/// The last word that ends at or before `offset`.
pub fn previous_word(document: &Document, offset: usize) -> Option<Range<usize>> {
    let last = paragraph_at(document, offset);
    (0..=last)
        .rev()
        .flat_map(|index| words_of_paragraph(document, index).into_iter().rev())
        .find(|word| word.end <= offset)
}

/// Where a word step takes the selection `current` (or the start, if nothing is selected):
/// the next or previous word, or, when extending, the selection grown or shrunk by a word.
pub fn step(
    document: &Document,
    current: Option<Range<usize>>,
    forward: bool,
    extend: bool,
) -> Option<Range<usize>> {
    let Some(current) = current else {
        return next_word(document, 0);
    };
    match (forward, extend) {
        (true, false) => next_word(document, current.end),
        (false, false) => previous_word(document, current.start),
        (true, true) => next_word(document, current.end).map(|word| current.start..word.end),
        (false, true) => match previous_word(document, current.end.saturating_sub(1)) {
            // Shrink from the end while the selection holds more than one word.
            Some(word) if word.end > current.start => Some(current.start..word.end),
            _ => previous_word(document, current.start).map(|word| word.start..current.end),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(document: &Document, range: Option<Range<usize>>) -> String {
        range
            .and_then(|r| document.slice(r))
            .unwrap_or("<none>")
            .to_owned()
    }

    #[test]
    fn steps_go_word_by_word_across_punctuation_lines_and_scripts() {
        let document = Document::new("d", "D", "“Sergei Shoigu,” met\n😀 東京 and وزیر.");
        let mut caret = step(&document, None, true, false);
        let mut seen = Vec::new();
        while let Some(range) = caret.clone() {
            seen.push(text_of(&document, Some(range.clone())));
            caret = step(&document, Some(range), true, false);
        }
        assert_eq!(seen, ["Sergei", "Shoigu", "met", "東", "京", "and", "وزیر"]);
        let last = document
            .text()
            .find("وزیر")
            .map(|b| document.indexed().char_of_byte(b));
        let last = last.flatten().expect("found");
        let back = step(&document, Some(last..last + 4), false, false);
        assert_eq!(text_of(&document, back), "and");
    }

    #[test]
    fn extending_grows_and_shrinks_by_whole_words() {
        let document = Document::new("d", "D", "Minister Sergei Shoigu met");
        let sergei = next_word(&document, 9);
        assert_eq!(text_of(&document, sergei.clone()), "Sergei");
        let grown = step(&document, sergei, true, true);
        assert_eq!(text_of(&document, grown.clone()), "Sergei Shoigu");
        let shrunk = step(&document, grown.clone(), false, true);
        assert_eq!(text_of(&document, shrunk.clone()), "Sergei");
        let earlier = step(&document, shrunk, false, true);
        assert_eq!(text_of(&document, earlier), "Minister Sergei");
        assert_eq!(
            step(&document, Some(22..26), true, false),
            None,
            "no word after the last"
        );
    }
}
