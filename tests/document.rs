//! The document: paragraphs that cover the text (long lines cut into pieces at word
//! boundaries), slices by code point, whitespace trimmed by grapheme. Offsets are code points.
#![cfg(not(target_arch = "wasm32"))]

use article_annotator::model::document::MAX_PIECE_CHARS;
use article_annotator::model::{Document, Paragraph};

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
