//! Prodigy / spaCy JSONL: one document per line,
//! `{"text", "meta": {"id", "title"}, "tokens": [{"text", "start", "end", "id", "ws"}],
//!   "spans": [{"start", "end", "token_start", "token_end", "label"}], "answer": "accept"}`.
//!
//! Offsets are **Unicode code points**, start inclusive, end exclusive; `token_end` is the
//! index of the span's last token (inclusive), as Prodigy writes it. Tokens come from
//! [`super::tokens`], cut at every span boundary so each span covers whole tokens, and
//! whitespace other than one space after a token is a token of its own, as in spaCy.

use serde::{Deserialize, Serialize};

use super::format_error::{FormatError, SpanProblem};
use super::jsonl;
use super::labeled_text::{LabeledText, Place, SpanRecord};
use super::tokens::{tokenize, Token};

#[derive(Serialize, Deserialize)]
struct Line {
    text: String,
    #[serde(default)]
    meta: Meta,
    #[serde(default)]
    tokens: Vec<TokenJson>,
    #[serde(default)]
    spans: Vec<SpanJson>,
    #[serde(default = "accept", skip_deserializing)]
    answer: String,
}

fn accept() -> String {
    "accept".to_owned()
}

#[derive(Serialize, Deserialize, Default)]
struct Meta {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct TokenJson {
    text: String,
    start: usize,
    end: usize,
    id: usize,
    ws: bool,
}

#[derive(Serialize, Deserialize)]
struct SpanJson {
    start: usize,
    end: usize,
    #[serde(default)]
    token_start: Option<usize>,
    #[serde(default)]
    token_end: Option<usize>,
    label: String,
    #[serde(default, skip_serializing)]
    text: Option<String>,
}

/// One JSON line per document, tokens included.
pub fn export(documents: &[LabeledText]) -> Result<String, FormatError> {
    jsonl::write(documents.iter().map(line_of))
}

fn line_of(document: &LabeledText) -> Line {
    let chars: Vec<char> = document.text.chars().collect();
    let cuts: Vec<usize> = document
        .spans
        .iter()
        .flat_map(|span| [span.start, span.end])
        .collect();
    let tokens = spacy_style(&chars, &tokenize(&document.text, &cuts));
    let index_starting = |offset: usize| tokens.partition_point(|t| t.start < offset);
    let spans = document
        .spans
        .iter()
        .map(|span| SpanJson {
            start: span.start,
            end: span.end,
            token_start: Some(index_starting(span.start)),
            token_end: Some(index_starting(span.end).saturating_sub(1)),
            label: span.label.clone(),
            text: None,
        })
        .collect();
    Line {
        text: document.text.clone(),
        meta: Meta {
            id: Some(document.id.clone()),
            title: Some(document.title.clone()),
        },
        tokens,
        spans,
        answer: accept(),
    }
}

/// Tokens as spaCy holds them: a token's `ws` is one following space, and any other
/// whitespace is a token of its own, so `Doc(words, spaces)` spells the text exactly.
fn spacy_style(chars: &[char], words: &[Token]) -> Vec<TokenJson> {
    let mut tokens = Vec::new();
    let mut push = |start: usize, end: usize, ws: bool| {
        let id = tokens.len();
        tokens.push(TokenJson {
            text: chars[start..end].iter().collect(),
            start,
            end,
            id,
            ws,
        });
    };
    let first = words.first().map_or(chars.len(), |word| word.start);
    if first > 0 {
        push(0, first, false);
    }
    let next_starts = words.iter().skip(1).map(|w| w.start).chain([chars.len()]);
    for (word, next) in words.iter().zip(next_starts) {
        let one_space = word.end < next && chars[word.end] == ' ';
        push(word.start, word.end, one_space);
        let rest = word.end + usize::from(one_space);
        if rest < next {
            push(rest, next, false);
        }
    }
    tokens
}

/// Reads every line; a span whose token indices disagree with its offsets refuses the file.
pub fn import(input: &str, name: &str) -> Result<Vec<LabeledText>, FormatError> {
    jsonl::read(input, |line_number, line: Line| {
        let id = line
            .meta
            .id
            .unwrap_or_else(|| jsonl::default_id(name, line_number));
        let document = LabeledText {
            title: line.meta.title.unwrap_or_else(|| id.clone()),
            id,
            text: line.text,
            spans: line
                .spans
                .iter()
                .map(|span| SpanRecord {
                    start: span.start,
                    end: span.end,
                    label: span.label.clone(),
                    text: span.text.clone(),
                })
                .collect(),
            place: Place::Line(line_number),
        };
        for (index, span) in line.spans.iter().enumerate() {
            let agrees = |token: Option<usize>, offset: usize, edge: fn(&TokenJson) -> usize| {
                token.is_none_or(|i| line.tokens.get(i).is_some_and(|t| edge(t) == offset))
            };
            if !agrees(span.token_start, span.start, |t| t.start)
                || !agrees(span.token_end, span.end, |t| t.end)
            {
                return Err(document.error_at(
                    index,
                    SpanProblem::TokenMismatch {
                        token_start: span.token_start,
                        token_end: span.token_end,
                    },
                ));
            }
        }
        Ok(document)
    })
}
