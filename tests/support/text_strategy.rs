//! Random text for property tests: ASCII letters and spaces mixed with line breaks (LF, CR),
//! NBSP, combining marks, ZWJ, skin tones, emoji, Arabic, CJK, quotes and any character.

use proptest::prelude::*;

/// Up to 48 characters of mixed scripts and troublemakers.
pub fn any_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::char::range('a', 'z'),
        2 => Just(' '),
        1 => Just('\n'),
        1 => Just('\r'),
        1 => Just('\u{a0}'),
        1 => Just('\u{301}'),
        1 => Just('\u{200d}'),
        1 => Just('\u{1f3fb}'),
        1 => proptest::char::range('\u{1f600}', '\u{1f64f}'),
        1 => proptest::char::range('\u{627}', '\u{64a}'),
        1 => proptest::char::range('\u{4e00}', '\u{4e2f}'),
        1 => prop_oneof![Just('“'), Just('”'), Just('.'), Just(','), Just('’')],
        1 => any::<char>(),
    ];
    proptest::collection::vec(piece, 0..48).prop_map(|chars| chars.into_iter().collect())
}
