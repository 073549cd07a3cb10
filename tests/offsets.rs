//! Offset conversion between UTF-8 bytes, code points and UTF-16 units, each checked against
//! a naive walk over the string.

use std::rc::Rc;

use article_annotator::model::offsets::{char_of_utf16_in, IndexedText};

fn indexed(text: &str) -> IndexedText {
    IndexedText::new(Rc::from(text))
}

/// Checks every conversion against a naive walk over the string.
fn check_against_naive(text: &str) {
    let index = indexed(text);
    let mut utf16 = 0;
    let mut chars = 0;
    for (byte, ch) in text.char_indices() {
        assert_eq!(
            index.byte_of_char(chars),
            Some(byte),
            "byte of char {chars}"
        );
        assert_eq!(index.char_of_byte(byte), Some(chars), "char of byte {byte}");
        assert_eq!(
            index.utf16_of_char(chars),
            Some(utf16),
            "utf16 of char {chars}"
        );
        assert_eq!(
            index.char_of_utf16(utf16),
            Some(chars),
            "char of utf16 {utf16}"
        );
        if ch.len_utf8() > 1 {
            assert_eq!(index.char_of_byte(byte + 1), None, "inside a character");
        }
        if ch.len_utf16() == 2 {
            assert_eq!(
                index.char_of_utf16(utf16 + 1),
                None,
                "inside a surrogate pair"
            );
        }
        chars += 1;
        utf16 += ch.len_utf16();
    }
    assert_eq!(index.char_len(), chars);
    assert_eq!(index.utf16_len(), utf16);
    assert_eq!(index.byte_of_char(chars), Some(text.len()));
    assert_eq!(index.char_of_byte(text.len()), Some(chars));
    assert_eq!(index.char_of_utf16(utf16), Some(chars));
    assert_eq!(index.byte_of_char(chars + 1), None);
    assert_eq!(index.char_of_utf16(utf16 + 1), None);
}

#[test]
fn ascii_offsets_are_equal_in_every_unit() {
    let index = indexed("Sergei Shoigu");
    assert_eq!(index.byte_of_char(7), Some(7));
    assert_eq!(index.utf16_of_char(7), Some(7));
    assert_eq!(index.char_len(), 13);
}

#[test]
fn emoji_count_one_code_point_two_utf16_units_four_bytes() {
    let text = "a😀b";
    let index = indexed(text);
    assert_eq!(index.byte_of_char(2), Some(5));
    assert_eq!(index.utf16_of_char(2), Some(3));
    assert_eq!(index.char_of_utf16(3), Some(2));
    assert_eq!(index.char_of_utf16(2), None);
    check_against_naive(text);
}

#[test]
fn nbsp_curly_quotes_and_dashes_convert_exactly() {
    check_against_naive(
        "TEHRAN \u{2013} Mohammad\u{a0}Bagheri said, \u{201c}Iran\u{201d} \u{2019}s",
    );
}

#[test]
fn zwj_sequences_combining_marks_rtl_and_crlf_convert_exactly() {
    check_against_naive("👨🏻\u{200d}🚒 cafe\u{301} \u{645}\u{633}\u{6a9}\u{648} 東京\r\n\tend");
}

#[test]
fn long_texts_cross_many_checkpoints() {
    let text: String = (0..1000)
        .map(|i| if i % 7 == 0 { '😀' } else { 'é' })
        .collect();
    check_against_naive(&text);
}

#[test]
fn ascii_blocks_between_other_characters_convert_exactly() {
    // Whole ASCII blocks of 64 are skipped when indexing; these cross block edges at every
    // alignment, with a character of each width on either side.
    for lead in 0..70 {
        for other in ["é", "€", "😀", "\r\n"] {
            let text = format!("{}{other}{}{other}", "a".repeat(lead), "b".repeat(130));
            check_against_naive(&text);
        }
    }
}

#[test]
fn empty_text_has_only_offset_zero() {
    let index = indexed("");
    assert_eq!(index.byte_of_char(0), Some(0));
    assert_eq!(index.char_of_byte(0), Some(0));
    assert_eq!(index.char_of_utf16(0), Some(0));
    assert_eq!(index.byte_of_char(1), None);
}

#[test]
fn utf16_offsets_within_a_short_string() {
    assert_eq!(char_of_utf16_in("😀x", 2), Some(1));
    assert_eq!(char_of_utf16_in("😀x", 3), Some(2));
    assert_eq!(char_of_utf16_in("😀x", 1), None);
    assert_eq!(char_of_utf16_in("😀x", 4), None);
}
