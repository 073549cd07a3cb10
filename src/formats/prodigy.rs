//! Prodigy / spaCy JSONL: one document per line,
//! `{"text", "meta": {"id", "title", "offset_unit": "codepoint"}, "tokens": [{"text", "start", "end", "id", "ws"}],
//!   "spans": [{"start", "end", "token_start", "token_end", "label"}], "answer": "accept",
//!   "_annotator_id": "alice"}` (the annotator only where one is known).
//!
//! Offsets are **Unicode code points**, start inclusive, end exclusive; `token_end` is the
//! index of the span's last token (inclusive), as Prodigy writes it. Tokens come from
//! [`super::tokens`], cut at every span boundary so each span covers whole tokens, and
//! whitespace other than one space after a token is a token of its own, as in spaCy.

use serde::Serialize;

use super::format_error::{FormatError, SpanProblem};
use super::json_fields::Fields;
use super::jsonl;
use super::labeled_text::{LabeledText, SpanRecord};
use super::tokens::{tokenize, Token};

#[derive(Serialize)]
struct Line {
    text: String,
    meta: Meta,
    tokens: Vec<TokenJson>,
    spans: Vec<SpanJson>,
    answer: String,
    /// Who annotated it, as Prodigy names an annotator.
    #[serde(rename = "_annotator_id", skip_serializing_if = "Option::is_none")]
    annotator: Option<String>,
}

#[derive(Serialize)]
struct Meta {
    id: String,
    title: String,
    offset_unit: &'static str,
}

#[derive(Serialize)]
struct TokenJson {
    text: String,
    start: usize,
    end: usize,
    id: usize,
    ws: bool,
}

#[derive(Serialize)]
struct SpanJson {
    start: usize,
    end: usize,
    token_start: usize,
    token_end: usize,
    label: String,
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
            token_start: index_starting(span.start),
            token_end: index_starting(span.end).saturating_sub(1),
            label: span.label.clone(),
        })
        .collect();
    Line {
        text: document.text.clone(),
        meta: Meta {
            id: document.id.clone(),
            title: document.title.clone(),
            offset_unit: super::native_json::OFFSET_UNIT,
        },
        tokens,
        spans,
        answer: "accept".to_owned(),
        annotator: document.annotator.clone(),
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
    jsonl::read(input, |line_number, fields| {
        let meta = fields.object("meta")?;
        let meta_str = |key| {
            meta.map(|m| m.opt_str(key))
                .transpose()
                .map(Option::flatten)
        };
        let id =
            meta_str("id")?.map_or_else(|| jsonl::default_id(name, line_number), str::to_owned);
        let tokens = fields
            .array("tokens")?
            .iter()
            .map(|token| {
                let token = Fields::of(token, fields.place(), "a token")?;
                Ok((token.index("start")?, token.index("end")?))
            })
            .collect::<Result<Vec<_>, FormatError>>()?;
        let mut document = LabeledText {
            title: meta_str("title")?.map_or_else(|| id.clone(), str::to_owned),
            id,
            text: fields.str("text")?.to_owned(),
            spans: Vec::new(),
            annotator: fields.opt_str("_annotator_id")?.map(str::to_owned),
            reading: None,
            place: fields.place(),
        };
        for span in fields.array("spans")? {
            let span = Fields::of(span, fields.place(), "a span")?;
            let (start, end) = (span.index("start")?, span.index("end")?);
            document.spans.push(SpanRecord {
                start,
                end,
                label: span.str("label")?.to_owned(),
                text: span.opt_str("text")?.map(str::to_owned),
            });
            let (token_start, token_end) =
                (span.opt_index("token_start")?, span.opt_index("token_end")?);
            let agrees =
                |token: Option<usize>, offset: usize, edge: fn(&(usize, usize)) -> usize| {
                    token.is_none_or(|i| tokens.get(i).is_some_and(|t| edge(t) == offset))
                };
            if !agrees(token_start, start, |t| t.0) || !agrees(token_end, end, |t| t.1) {
                let problem = SpanProblem::TokenMismatch {
                    token_start,
                    token_end,
                };
                return Err(document.error_at(document.spans.len() - 1, problem));
            }
        }
        Ok(document)
    })
}
