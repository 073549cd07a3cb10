//! A Unicode-aware tokenizer and sentence splitter for the token-based formats (Prodigy,
//! CoNLL). Offsets are Unicode code points.
//!
//! Tokens are runs without whitespace, cut at UAX #29 word boundaries ("Shoigu," → "Shoigu"
//! ","), and also at every span boundary, so each span covers whole tokens even when it was
//! drawn inside a word. Sentences follow UAX #29, except that a span never straddles two.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Whether whitespace follows it.
    pub ws: bool,
}

/// Whitespace that separates tokens: Unicode White_Space plus the separators Python's
/// `str.split()` also breaks at, so no token splits in two when a CoNLL file is read.
fn separates(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

/// The tokens of `text`, also cut at each code point offset in `cuts`.
pub fn tokenize(text: &str, cuts: &[usize]) -> Vec<Token> {
    let mut cuts = cuts.to_vec();
    cuts.sort_unstable();
    cuts.dedup();
    let mut tokens: Vec<Token> = Vec::new();
    let mut offset = 0;
    let mut push = |start: usize, end: usize| {
        let first = cuts.partition_point(|&cut| cut <= start);
        let mut from = start;
        for &cut in cuts[first..].iter().take_while(|&&cut| cut < end) {
            tokens.push(Token {
                start: from,
                end: cut,
                ws: false,
            });
            from = cut;
        }
        tokens.push(Token {
            start: from,
            end,
            ws: false,
        });
    };
    for word in text.split_word_bounds() {
        let mut run_start = None;
        for c in word.chars() {
            match (separates(c), run_start) {
                (true, Some(start)) => {
                    push(start, offset);
                    run_start = None;
                }
                (false, None) => run_start = Some(offset),
                _ => {}
            }
            offset += 1;
        }
        if let Some(start) = run_start {
            push(start, offset);
        }
    }
    let length = offset;
    let starts: Vec<usize> = tokens
        .iter()
        .skip(1)
        .map(|t| t.start)
        .chain([length])
        .collect();
    for (token, next_start) in tokens.iter_mut().zip(starts) {
        token.ws = next_start > token.end;
    }
    tokens
}

/// Sentence ranges covering `text` (UAX #29), joined wherever one of `spans` crosses a break.
pub fn sentences(text: &str, spans: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut breaks = Vec::new();
    let mut offset = 0;
    for sentence in text.split_sentence_bounds() {
        offset += sentence.chars().count();
        breaks.push(offset);
    }
    breaks.pop();
    let mut inside = vec![false; breaks.len()];
    for span in spans {
        let first = breaks.partition_point(|&b| b <= span.start);
        for (index, _) in breaks[first..]
            .iter()
            .enumerate()
            .take_while(|(_, &b)| b < span.end)
        {
            inside[first + index] = true;
        }
    }
    let mut ranges = Vec::new();
    let mut start = 0;
    for (&at, _) in breaks.iter().zip(inside).filter(|(_, inside)| !inside) {
        ranges.push(start..at);
        start = at;
    }
    ranges.push(start..offset);
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, tokens: &[Token]) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        tokens
            .iter()
            .map(|t| chars[t.start..t.end].iter().collect())
            .collect()
    }

    #[test]
    fn tokens_split_punctuation_and_keep_graphemes_whole() {
        let text = "“Shoigu,” met 👨🏻\u{200d}🚒 in 東京.\r\nOK";
        let tokens = tokenize(text, &[]);
        assert_eq!(
            texts(text, &tokens),
            [
                "“",
                "Shoigu",
                ",",
                "”",
                "met",
                "👨🏻\u{200d}🚒",
                "in",
                "東",
                "京",
                ".",
                "OK"
            ]
        );
        let ws: Vec<bool> = tokens.iter().map(|t| t.ws).collect();
        assert_eq!(
            ws,
            [false, false, false, true, true, true, true, false, false, true, false]
        );
    }

    #[test]
    fn spans_cut_tokens_where_they_start_and_end() {
        let text = "Iran-Russia ties";
        let tokens = tokenize(text, &[1, 3]);
        assert_eq!(
            texts(text, &tokens),
            ["I", "ra", "n", "-", "Russia", "ties"]
        );
    }

    #[test]
    fn no_token_holds_a_python_separator() {
        let text = "a\u{a0}b\u{1f}c\u{2003}d";
        assert_eq!(texts(text, &tokenize(text, &[])), ["a", "b", "c", "d"]);
    }

    #[test]
    fn sentences_never_split_a_span() {
        let text = "He met Mr. Smith. Then he left.\nNew line here.";
        let plain = sentences(text, &[]);
        assert_eq!(plain.last().map(|r| r.end), Some(text.chars().count()));
        let across = sentences(text, &[Range { start: 7, end: 16 }]);
        assert!(across.iter().all(|r| !(r.start > 7 && r.start < 16)));
        assert_eq!(across.first(), Some(&(0..18)));
        assert!(plain.len() > across.len());
    }
}
