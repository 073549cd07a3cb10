//! A Unicode-aware tokenizer and sentence splitter for the token-based formats (Prodigy,
//! CoNLL). Offsets are Unicode code points.
//!
//! Tokens are runs without whitespace, cut at UAX #29 word boundaries ("Shoigu," → "Shoigu"
//! ","), and also at every span boundary, so each span covers whole tokens even when it was
//! drawn inside a word. Sentences end at line breaks and at final punctuation followed by a
//! space (rules after UAX #29, without its tables), and a span never straddles two.

use std::ops::Range;

use crate::model::order;
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
    cut(&words(text), cuts)
}

/// `tokens` cut at each offset of `cuts` that lies inside one: the same as tokenizing their
/// text with those cuts, without reading the text again.
pub fn cut(tokens: &[Token], cuts: &[usize]) -> Vec<Token> {
    let mut cuts = cuts.to_vec();
    order::sort(&mut cuts);
    cuts.dedup();
    let mut out = Vec::with_capacity(tokens.len() + cuts.len());
    for token in tokens {
        let first = cuts.partition_point(|&cut| cut <= token.start);
        let mut from = token.start;
        for &cut in cuts[first..].iter().take_while(|&&cut| cut < token.end) {
            out.push(Token {
                start: from,
                end: cut,
                ws: false,
            });
            from = cut;
        }
        out.push(Token {
            start: from,
            ..*token
        });
    }
    out
}

/// The tokens of `text`, cut only where it cuts itself.
fn words(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut offset = 0;
    let mut push = |start: usize, end: usize| {
        tokens.push(Token {
            start,
            end,
            ws: false,
        })
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

/// Punctuation that ends a sentence, in Latin, Arabic, Devanagari and CJK scripts.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '؟' | '۔' | '।' | '॥' | '。' | '！' | '？' | '｡'
    )
}

/// Closing quotes and brackets that stay with the sentence they close.
fn closes(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）' | '〉' | '》'
    )
}

/// Code point offsets where sentences end, and the text's length. A sentence ends at a line
/// break, and after final punctuation (with its closing quotes) followed by spaces and then
/// not by a lowercase letter, as in UAX #29; full-width CJK stops need no space. The spaces
/// stay with the sentence they follow.
fn sentence_breaks(text: &str) -> (Vec<usize>, usize) {
    let chars: Vec<char> = text.chars().collect();
    let line_break = |c: char| c == '\n' || c == '\r';
    let mut breaks = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        at += 1;
        if line_break(c) {
            if !(c == '\r' && chars.get(at) == Some(&'\n')) {
                breaks.push(at);
            }
            continue;
        }
        if !ends_sentence(c) {
            continue;
        }
        while at < chars.len() && (ends_sentence(chars[at]) || closes(chars[at])) {
            at += 1;
        }
        let mut next = at;
        while next < chars.len() && chars[next].is_whitespace() && !line_break(chars[next]) {
            next += 1;
        }
        let full_width = matches!(c, '。' | '！' | '？' | '｡');
        let followed = chars.get(next).is_some_and(|c| !c.is_lowercase());
        if (next > at || full_width) && followed {
            breaks.push(next);
            at = next;
        }
    }
    (breaks, chars.len())
}

/// Sentence ranges covering `text`, joined wherever one of `spans` crosses a break.
pub fn sentences(text: &str, spans: &[Range<usize>]) -> Vec<Range<usize>> {
    let (breaks, offset) = sentence_breaks(text);
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

    fn sentence_texts(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        sentences(text, &[])
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn sentences_end_at_final_punctuation_and_line_breaks() {
        assert_eq!(
            sentence_texts("“Iran is close.” He said so! 3.5 percent... see e.g. this\r\nNext"),
            [
                "“Iran is close.” ",
                "He said so! ",
                "3.5 percent... see e.g. this\r\n",
                "Next"
            ]
        );
        assert_eq!(
            sentence_texts("会议在东京举行。俄罗斯参加了。"),
            ["会议在东京举行。", "俄罗斯参加了。"]
        );
        assert_eq!(sentence_texts("آیا آمد؟ بله."), ["آیا آمد؟ ", "بله."]);
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
