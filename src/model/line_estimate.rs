//! How many lines paragraphs take on screen, estimated before they are laid out, so that a
//! chunk the page skips while off screen is given about the height it will have: a jump to the
//! end then lands at the end, and the scroll bar does not jump as chunks are first shown. The
//! page scales the estimate by the first chunk's measured height (see `components/article.rs`).
//! Lengths are Unicode code points.

use super::document::Paragraph;

/// The characters of a line the estimate assumes: the article column holds 65–75.
pub const CHARS_PER_LINE: usize = 66;

/// The lines `paragraphs` take, each at least one (an empty line is a line too).
pub fn estimated_lines(paragraphs: &[Paragraph]) -> usize {
    paragraphs
        .iter()
        .map(|p| p.chars.len().div_ceil(CHARS_PER_LINE).max(1))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    #[test]
    fn a_paragraph_takes_a_line_per_measure_of_its_characters_and_at_least_one() {
        let text = format!("{}\n\n{}\n", "a".repeat(66), "b".repeat(67));
        let document = Document::new("d", "D", &text);
        // 66 characters and a line break: two lines; an empty line; 67 and a break: two.
        assert_eq!(estimated_lines(document.paragraphs()), 2 + 1 + 2);
        assert_eq!(estimated_lines(&document.paragraphs()[1..2]), 1);
    }
}
