//! CoNLL-2003 style token files, IOB2 or BILOU: `token<TAB>tag` per line, a blank line between
//! sentences, and each document opened by spaCy's delimiter line `-DOCSTART- -X- O O`, so
//! `spacy convert --converter ner` reads it as it is. The plain variant (for doccano's CoNLL
//! import, which refuses the delimiter line) has no delimiter and no blank line before the
//! first sentence; a blank line ends every sentence, so documents simply follow each other.
//!
//! The format has no offsets and no whitespace: import rebuilds the text with one space
//! between tokens (a line break before a token that starts with a combining mark) and a line
//! break between sentences, and offsets into that text are
//! **Unicode code points**. Tokens come from [`super::tokens`]. Overlapping spans cannot be
//! written as tags; [`super::overlaps::unrepresentable`] lists them so the UI can show them before a download.

use unicode_segmentation::UnicodeSegmentation;

use super::format_error::{syntax, FormatError};
use super::labeled_text::{LabeledText, Place, SpanRecord};
use super::overlaps::outermost;
use super::tokens::{sentences, tokenize};

/// The line that opens each document.
pub const DOCSTART: &str = "-DOCSTART- -X- O O";

/// How entity tokens are tagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// B- begins, I- continues.
    Iob2,
    /// B- begins, I- continues, L- ends, U- is a one-token entity.
    Bilou,
}

/// A label as a tag suffix: whitespace would split the column, so it becomes `_`.
fn tag_label(label: &str) -> String {
    label
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect()
}

/// The tag file; spans listed by [`super::overlaps::unrepresentable`] are left out. With
/// `delimited`, each document opens with [`DOCSTART`] and a blank line (spaCy's form).
pub fn export(documents: &[LabeledText], scheme: Scheme, delimited: bool) -> String {
    let mut out = String::new();
    for document in documents {
        let (kept, _) = outermost(document);
        let spans: Vec<&SpanRecord> = kept.iter().map(|&i| &document.spans[i]).collect();
        let cuts: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
        let ranges: Vec<_> = spans.iter().map(|s| s.start..s.end).collect();
        let chars: Vec<char> = document.text.chars().collect();
        let tokens = tokenize(&document.text, &cuts);
        if delimited {
            out.push_str(DOCSTART);
            out.push_str("\n\n");
        }
        let mut next_token = 0;
        for sentence in sentences(&document.text, &ranges) {
            let first = next_token;
            while next_token < tokens.len() && tokens[next_token].start < sentence.end {
                next_token += 1;
            }
            for token in &tokens[first..next_token] {
                let text: String = chars[token.start..token.end].iter().collect();
                let tag = match spans
                    .iter()
                    .find(|s| s.start <= token.start && token.end <= s.end)
                {
                    None => "O".to_owned(),
                    Some(span) => {
                        let label = tag_label(&span.label);
                        let (begins, ends) = (token.start == span.start, token.end == span.end);
                        let prefix = match (scheme, begins, ends) {
                            (Scheme::Iob2, true, _) | (Scheme::Bilou, true, false) => "B",
                            (Scheme::Bilou, true, true) => "U",
                            (Scheme::Bilou, false, true) => "L",
                            _ => "I",
                        };
                        format!("{prefix}-{label}")
                    }
                };
                out.push_str(&format!("{text}\t{tag}\n"));
            }
            if next_token > first {
                out.push('\n');
            }
        }
    }
    out
}

/// One document being read.
#[derive(Default)]
struct Reading {
    text: String,
    spans: Vec<SpanRecord>,
    open: Option<SpanRecord>,
    chars: usize,
    line: usize,
    sentence_open: bool,
}

impl Reading {
    fn push_text(&mut self, text: &str) {
        self.text.push_str(text);
        self.chars += text.chars().count();
    }

    fn close(&mut self) {
        if let Some(span) = self.open.take() {
            self.spans.push(span);
        }
    }

    fn token(&mut self, token: &str, tag: &str, place: Place) -> Result<(), FormatError> {
        if self.sentence_open {
            // A token that starts with a combining mark would fuse with a space into one
            // whitespace cluster; after a line break it stays a cluster of its own.
            let fuses = format!(" {token}").graphemes(true).next() != Some(" ");
            self.push_text(if fuses { "\n" } else { " " });
        }
        self.sentence_open = true;
        let start = self.chars;
        self.push_text(token);
        let (prefix, label) = match tag.split_once('-') {
            _ if tag == "O" => {
                self.close();
                return Ok(());
            }
            Some((prefix, label)) if !label.is_empty() => (prefix, label),
            _ => {
                return Err(syntax(
                    place,
                    format!("{tag:?} is not an IOB2 or BILOU tag"),
                ))
            }
        };
        let continues = self.open.as_ref().is_some_and(|open| open.label == label);
        match (prefix, continues) {
            // An I- after O or another label begins an entity, as in IOB1 files.
            ("I", true) | ("L", true) => {
                if let Some(open) = self.open.as_mut() {
                    open.end = self.chars;
                }
                if prefix == "L" {
                    self.close();
                }
            }
            ("B", _) | ("I", false) | ("U", _) => {
                self.close();
                self.open = Some(SpanRecord {
                    start,
                    end: self.chars,
                    label: label.to_owned(),
                    text: None,
                });
                if prefix == "U" {
                    self.close();
                }
            }
            ("L", false) => {
                return Err(syntax(
                    place,
                    format!("{tag:?} ends an entity that was never begun"),
                ))
            }
            _ => {
                return Err(syntax(
                    place,
                    format!("{tag:?} is not an IOB2 or BILOU tag"),
                ))
            }
        }
        Ok(())
    }

    fn end_sentence(&mut self) {
        self.close();
        if self.sentence_open {
            self.push_text("\n");
            self.sentence_open = false;
        }
    }
}

/// Reads IOB1, IOB2 or BILOU tags, the token in the first column and the tag in the last.
pub fn import(input: &str, name: &str) -> Result<Vec<LabeledText>, FormatError> {
    let mut documents = Vec::new();
    let mut current: Option<Reading> = None;
    let finish = |reading: Reading, documents: &mut Vec<LabeledText>| {
        let mut reading = reading;
        reading.end_sentence();
        if reading.chars == 0 {
            return;
        }
        let id = super::jsonl::default_id(name, documents.len() + 1);
        let text = reading.text.trim_end_matches('\n').to_owned();
        documents.push(LabeledText {
            title: id.clone(),
            id,
            text,
            spans: reading.spans,
            annotator: None,
            reading: None,
            place: Place::Line(reading.line),
        });
    };
    for (index, line) in input.lines().enumerate() {
        let place = Place::Line(index + 1);
        let columns: Vec<&str> = line.split_whitespace().collect();
        match columns.as_slice() {
            [] => {
                if let Some(reading) = current.as_mut() {
                    reading.end_sentence();
                }
            }
            ["-DOCSTART-", ..] => {
                if let Some(reading) = current.take() {
                    finish(reading, &mut documents);
                }
                current = Some(Reading {
                    line: index + 1,
                    ..Reading::default()
                });
            }
            [_] => return Err(syntax(place, "a token line needs a tag column")),
            [token, .., tag] => current
                .get_or_insert_with(|| Reading {
                    line: index + 1,
                    ..Reading::default()
                })
                .token(token, tag, place)?,
        }
    }
    if let Some(reading) = current.take() {
        finish(reading, &mut documents);
    }
    if documents.is_empty() {
        return Err(FormatError::Empty);
    }
    Ok(documents)
}
