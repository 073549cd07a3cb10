//! brat standoff: the text in `<name>.txt` and the spans in `<name>.ann` as T-lines,
//! `T1<TAB>Person 10 23<TAB>Sergei Shoigu`.
//!
//! Offsets are **Unicode code points** (brat is Python and counts string indices), start
//! inclusive, end exclusive. A span across a line break is written as fragments
//! (`Event 0 5;6 10`), since brat's text column holds one line. Type names cannot hold
//! whitespace, so it becomes `_`. Import reads T-lines and ignores relations, events,
//! attributes and notes.

use super::format_error::{syntax, FormatError, SpanProblem};
use super::labeled_text::{LabeledText, Place, SpanRecord};
use crate::model::Document;

/// The `.ann` file for a document (its `.txt` is the document's text as it is).
pub fn export_ann(document: &LabeledText) -> String {
    let chars: Vec<char> = document.text.chars().collect();
    let mut out = String::new();
    for (index, span) in document.spans.iter().enumerate() {
        let fragments = fragments(&chars, span.start, span.end);
        let offsets: Vec<String> = fragments
            .iter()
            .map(|(start, end)| format!("{start} {end}"))
            .collect();
        let texts: Vec<String> = fragments
            .iter()
            .map(|&(start, end)| chars[start..end].iter().collect())
            .collect();
        let kind: String = span
            .label
            .chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect();
        out.push_str(&format!(
            "T{}\t{kind} {}\t{}\n",
            index + 1,
            offsets.join(";"),
            texts.join(" ")
        ));
    }
    out
}

/// The span's pieces between line breaks, each trimmed of whitespace.
fn fragments(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut piece_start = None;
    let mut last_visible = start;
    for (offset, &c) in chars.iter().enumerate().take(end).skip(start) {
        if c == '\n' || c == '\r' {
            if let Some(from) = piece_start.take() {
                pieces.push((from, last_visible));
            }
        } else if !c.is_whitespace() {
            piece_start.get_or_insert(offset);
            last_visible = offset + 1;
        }
    }
    if let Some(from) = piece_start {
        pieces.push((from, last_visible));
    }
    pieces
}

/// Reads `.ann` T-lines against the `.txt` text; a fragment whose text does not match refuses
/// the pair, naming the line.
pub fn import(text: &str, ann: &str, name: &str) -> Result<LabeledText, FormatError> {
    let chars: Vec<char> = text.chars().collect();
    let stem = super::file_stem(name);
    let mut document = LabeledText {
        id: stem.to_owned(),
        title: stem.to_owned(),
        text: text.to_owned(),
        spans: Vec::new(),
        annotator: None,
        place: Place::File,
    };
    // The .ann line of each span, for messages.
    let mut lines = Vec::new();
    for (index, line) in ann.lines().enumerate() {
        let place = Place::Line(index + 1);
        if line.trim().is_empty() {
            continue;
        }
        if !is_annotation_line(line) {
            return Err(syntax(
                place,
                "not a brat annotation line (T, R, E, A, M, N, * or # followed by an id and a tab)",
            ));
        }
        if !line.starts_with('T') {
            continue;
        }
        let mut columns = line.splitn(3, '\t');
        let (_, Some(kind_and_offsets), claimed) = (columns.next(), columns.next(), columns.next())
        else {
            return Err(syntax(
                place,
                "a T-line needs an id, a type with offsets, and a text",
            ));
        };
        let (kind, offsets) = kind_and_offsets
            .split_once(' ')
            .ok_or_else(|| syntax(place, "a T-line needs offsets after its type"))?;
        let fragments = offsets
            .split(';')
            .map(|fragment| {
                let (start, end) = fragment.trim().split_once(' ')?;
                Some((start.parse::<usize>().ok()?, end.parse::<usize>().ok()?))
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| syntax(place, format!("{offsets:?} are not offsets")))?;
        let start = fragments.first().map_or(0, |f| f.0);
        let end = fragments.last().map_or(0, |f| f.1);
        document.spans.push(SpanRecord {
            start,
            end,
            label: kind.to_owned(),
            text: None,
        });
        lines.push(index + 1);
        let span = document.spans.len() - 1;
        let in_range = fragments.iter().all(|&(s, e)| s < e && e <= chars.len());
        if !in_range || start >= end {
            continue; // reported with its line by the span checks
        }
        let found: Vec<String> = fragments
            .iter()
            .map(|&(s, e)| chars[s..e].iter().collect())
            .collect();
        if let Some(claimed) = claimed.filter(|c| *c != found.join(" ")) {
            let problem = SpanProblem::TextMismatch {
                claimed: claimed.to_owned(),
                found: found.join(" "),
            };
            return Err(at_line(document.error_at(span, problem), place));
        }
        let gaps_are_blank = fragments.windows(2).all(|pair| {
            chars[pair[0].1..pair[1].0]
                .iter()
                .all(|c| c.is_whitespace())
        });
        if !gaps_are_blank {
            return Err(syntax(
                place,
                "a discontinuous span with text between its fragments cannot be represented",
            ));
        }
    }
    let checked = Document::new("", "", text);
    if let Some(error) = document.span_problems(&checked).into_iter().next() {
        let line = match &error {
            FormatError::Span { span, .. } => lines.get(span - 1).copied(),
            _ => None,
        };
        return Err(line.map_or(error.clone(), |line| at_line(error, Place::Line(line))));
    }
    Ok(document)
}

/// Whether `line` is one of brat's annotation lines: an id (a kind letter, then digits, or `*`
/// for an equivalence) and a tab. Relations, events, attributes and notes are read no further.
fn is_annotation_line(line: &str) -> bool {
    let Some((id, _)) = line.split_once('\t') else {
        return false;
    };
    let mut chars = id.chars();
    match chars.next() {
        Some('*') => chars.as_str().is_empty(),
        Some('T' | 'R' | 'E' | 'A' | 'M' | 'N' | '#') => {
            let digits = chars.as_str();
            !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// The same error, placed at a line of the `.ann` file.
fn at_line(error: FormatError, line: Place) -> FormatError {
    match error {
        FormatError::Span {
            span,
            label,
            start,
            end,
            problem,
            ..
        } => FormatError::Span {
            place: line,
            span,
            label,
            start,
            end,
            problem,
        },
        other => other,
    }
}
