//! The tagger's view of a text: sentences of tokens, from the project's own tokenizer (so
//! predicted spans align with the spaCy and CoNLL exports), with English possessives cut off
//! ("Obama’s" → "Obama" "’s") as spaCy does. Offsets are Unicode code points.

use std::ops::Range;

use crate::formats::tokens::{self, Token};
use crate::model::snapping::possessive_len;

/// One sentence: its tokens and their words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The tokens, in text order.
    pub tokens: Vec<Token>,
    /// Each token's text.
    pub words: Vec<String>,
}

/// The sentences of `text`, tokens also cut at the ends of `spans` (the known spans when
/// training, so every span covers whole tokens and lies in one sentence).
pub fn sentences(text: &str, spans: &[Range<usize>]) -> Vec<Sentence> {
    let chars: Vec<char> = text.chars().collect();
    let mut all_cuts: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    for token in tokens::tokenize(text, &[]) {
        let word: String = chars[token.start..token.end].iter().collect();
        let possessive = possessive_len(&word);
        if possessive > 0 {
            all_cuts.push(token.end - possessive);
        }
    }
    let tokens = tokens::tokenize(text, &all_cuts);
    let mut next = 0;
    tokens::sentences(text, spans)
        .into_iter()
        .filter_map(|range| {
            let first = next;
            while next < tokens.len() && tokens[next].start < range.end {
                next += 1;
            }
            let tokens = tokens[first..next].to_vec();
            let words = tokens
                .iter()
                .map(|t| chars[t.start..t.end].iter().collect())
                .collect();
            (!tokens.is_empty()).then_some(Sentence { tokens, words })
        })
        .collect()
}
