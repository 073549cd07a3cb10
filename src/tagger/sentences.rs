//! The tagger's view of a text: sentences of tokens, from the project's own tokenizer (so
//! predicted spans align with the spaCy and CoNLL exports), with English possessives cut off
//! ("Obama’s" → "Obama" "’s") as spaCy does, words joined by a hyphen kept whole
//! ("Cheuk-yan"), and no sentence break after a title's abbreviation or an initial ("Prof.
//! Patrizia d'Ettorre", "Mario J. Lucero"), where the name goes on. Offsets are Unicode code
//! points.

use std::ops::Range;

use crate::formats::tokens::{self, Token};
use crate::model::snapping::possessive_len_of;

/// One sentence: its tokens and their words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The tokens, in text order.
    pub tokens: Vec<Token>,
    /// Each token's text.
    pub words: Vec<String>,
    /// Each token's text in lower case.
    pub lower: Vec<String>,
}

/// Tokens joined where the tokenizer cut a name apart: words joined by a hyphen
/// ("Cheuk-yan", "Ka-ki"), never across an offset of `cuts`. (Joining an abbreviation with
/// its full stop, "D.C.", lowered F1 on the Wikinews folds, so it is not done.)
fn joined(chars: &[char], tokens: Vec<Token>, cuts: &[usize]) -> Vec<Token> {
    let free = |at: usize| !cuts.contains(&at);
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let mut token = tokens[i];
        i += 1;
        loop {
            let hyphen = tokens
                .get(i)
                .zip(tokens.get(i + 1))
                .filter(|(dash, after)| {
                    !token.ws
                        && !dash.ws
                        && chars[dash.start..dash.end] == ['-']
                        && free(dash.start)
                        && free(after.start)
                        && chars[token.end - 1].is_alphanumeric()
                        && chars[after.start].is_alphanumeric()
                });
            if let Some((_, after)) = hyphen {
                token = Token {
                    start: token.start,
                    end: after.end,
                    ws: after.ws,
                };
                i += 2;
                continue;
            }
            break;
        }
        out.push(token);
    }
    out
}

/// Abbreviations that a name follows ("Prof. Eastman", "St. Louis"): a sentence that ends in
/// one of them, or in an initial ("Mario J. Lucero"), goes on into the next.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "ft", "jr", "sr", "gen", "lt", "col", "capt",
    "sgt", "rev", "gov", "sen", "rep", "hon", "pres", "no", "vs",
];

/// Sentence `ranges` of `chars`, each that ends in an abbreviation or initial and its full
/// stop joined with the one after it.
fn joined_after_abbreviations(chars: &[char], ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    // Read from the range's end backwards: spaces, a full stop, the word before it.
    let ends_in_abbreviation = |range: &Range<usize>| {
        let text = &chars[range.clone()];
        if text.last().is_some_and(|&c| c == '\n' || c == '\r') {
            return false;
        }
        let end = text.len() - text.iter().rev().take_while(|c| c.is_whitespace()).count();
        let Some(stop) = end.checked_sub(1).filter(|&at| text[at] == '.') else {
            return false;
        };
        let letters = text[..stop]
            .iter()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .count();
        let start = stop - letters;
        let preceded = start == 0 || text[start - 1].is_whitespace();
        let word: String = text[start..stop].iter().collect::<String>().to_lowercase();
        let initial = letters == 1 && text[start].is_uppercase();
        preceded && (initial || ABBREVIATIONS.contains(&word.as_str()))
    };
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match out.last_mut() {
            Some(last) if ends_in_abbreviation(last) => last.end = range.end,
            _ => out.push(range),
        }
    }
    out
}

/// The sentences of `text`, tokens also cut at the ends of `spans` (the known spans when
/// training, so every span covers whole tokens and lies in one sentence).
pub fn sentences(text: &str, spans: &[Range<usize>]) -> Vec<Sentence> {
    let chars: Vec<char> = text.chars().collect();
    let span_cuts: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    let mut all_cuts = span_cuts.clone();
    let words = tokens::tokenize(text, &[]);
    for token in &words {
        let possessive = possessive_len_of(chars[token.start..token.end].iter().copied());
        if possessive > 0 {
            all_cuts.push(token.end - possessive);
        }
    }
    let tokens = joined(&chars, tokens::cut(&words, &all_cuts), &span_cuts);
    let mut next = 0;
    let mut sentences = Vec::new();
    for range in joined_after_abbreviations(&chars, tokens::sentences(text, spans)) {
        let first = next;
        while next < tokens.len() && tokens[next].start < range.end {
            next += 1;
        }
        let tokens = tokens[first..next].to_vec();
        let words: Vec<String> = tokens
            .iter()
            .map(|t| chars[t.start..t.end].iter().collect())
            .collect();
        if tokens.is_empty() {
            continue;
        }
        let lower = words.iter().map(|w| w.to_lowercase()).collect();
        sentences.push(Sentence {
            tokens,
            words,
            lower,
        });
    }
    sentences
}
