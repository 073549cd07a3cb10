//! Finding every other place a tagged string occurs, as a whole word, so one action can tag
//! them all. Offsets are code points.

use std::ops::Range;

use super::document::Document;

/// Every whole-word occurrence of `needle` in the document, in text order: it must start and
/// end at word boundaries, so "Iran" is not found in "Iranian". Case-insensitive matching
/// compares lower-cased characters and only matches spans of the same length in characters.
pub fn whole_word_occurrences(
    document: &Document,
    needle: &str,
    case_sensitive: bool,
) -> Vec<Range<usize>> {
    let text = document.text();
    if needle.trim().is_empty() {
        return Vec::new();
    }
    let bounds = document.word_bounds();
    let needle_chars = needle.chars().count();
    let lowered: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let matches_at = |start: usize| -> Option<usize> {
        let rest = &text[start..];
        if case_sensitive {
            return rest.starts_with(needle).then(|| start + needle.len());
        }
        let end = rest
            .char_indices()
            .nth(needle_chars)
            .map_or(text.len(), |(at, _)| start + at);
        let candidate = &text[start..end];
        let same = candidate.chars().count() == needle_chars
            && candidate
                .chars()
                .flat_map(char::to_lowercase)
                .eq(lowered.iter().copied());
        same.then_some(end)
    };
    let index = document.indexed();
    bounds
        .iter()
        .filter(|&start| start < text.len())
        .filter_map(|start| {
            let end = matches_at(start)?;
            bounds.contains(end).then_some(start..end)
        })
        .filter_map(|bytes| Some(index.char_of_byte(bytes.start)?..index.char_of_byte(bytes.end)?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, needle: &str, case_sensitive: bool) -> Vec<String> {
        let document = Document::new("d", "D", text);
        whole_word_occurrences(&document, needle, case_sensitive)
            .into_iter()
            .map(|range| document.slice(range).unwrap_or_default().to_owned())
            .collect()
    }

    #[test]
    fn whole_words_only_and_case_by_choice() {
        let text = "Iran, Iranian iran IRAN 😀Iran Bagheri’s (Iran)";
        assert_eq!(found(text, "Iran", true), ["Iran", "Iran", "Iran"]);
        assert_eq!(
            found(text, "Iran", false),
            ["Iran", "iran", "IRAN", "Iran", "Iran"]
        );
        assert_eq!(
            found(text, "Bagheri", true),
            Vec::<String>::new(),
            "inside Bagheri’s"
        );
        assert_eq!(found(text, "Bagheri’s", true), ["Bagheri’s"]);
    }

    #[test]
    fn multi_word_scripts_and_offsets() {
        let text = "Sergei Shoigu met 東京 officials; sergei shoigu again. وزیر دفاع and وزیر دفاع";
        let document = Document::new("d", "D", text);
        let ranges = whole_word_occurrences(&document, "Sergei Shoigu", false);
        assert_eq!(ranges, [0..13, 32..45]);
        assert_eq!(found(text, "وزیر دفاع", true).len(), 2);
        assert_eq!(
            found(text, "京", true),
            ["京"],
            "ideographs are words of their own"
        );
        assert!(found(text, "  ", true).is_empty());
    }
}
