//! brat standoff: the text in `<name>.txt` and the spans in `<name>.ann` as T-lines,
//! `T1<TAB>Person 10 23<TAB>Sergei Shoigu`.
//!
//! Offsets are **Unicode code points** (brat is Python and counts string indices), start
//! inclusive, end exclusive. brat 1.3 reads the `.txt` with universal newlines, so a `\r\n`
//! counts as one character there and two in newer brat: the `.txt` is written with `\n` line
//! ends and the offsets count code points of that text, which every brat reads alike. Import
//! reads a `.ann` against the `.txt` as written, else (if that does not fit) with each `\r\n`
//! read as one character, and says so. A span across a line break is written as fragments
//! (`Event 0 5;6 10`), since brat's text column holds one line. Type names cannot hold
//! whitespace, so it becomes `_`. Import reads T-lines and ignores relations, events,
//! attributes and notes.

use super::format_error::{syntax, FormatError, SpanProblem};
use super::labeled_text::{LabeledText, Place, SpanRecord};
use crate::model::Document;

/// What `\r\n` read as one character is called in messages.
const CRLF_AS_ONE: &str =
    "its offsets count each \\r\\n as one character, as brat 1.3 reads the text";

/// The `.txt` and the `.ann` of a document: the text with `\n` line ends, and the spans'
/// offsets in it.
pub fn export_pair(document: &LabeledText) -> (String, String) {
    if !document.text.contains("\r\n") {
        return (document.text.clone(), export_ann(document));
    }
    // Per code point of the text, how many `\r` of a `\r\n` come before it.
    let chars: Vec<char> = document.text.chars().collect();
    let mut dropped = Vec::with_capacity(chars.len() + 1);
    let mut count = 0;
    for (at, &c) in chars.iter().enumerate() {
        dropped.push(count);
        if c == '\r' && chars.get(at + 1) == Some(&'\n') {
            count += 1;
        }
    }
    dropped.push(count);
    let folded = LabeledText {
        text: document.text.replace("\r\n", "\n"),
        spans: document
            .spans
            .iter()
            .map(|span| SpanRecord {
                start: span.start - dropped[span.start.min(chars.len())],
                end: span.end - dropped[span.end.min(chars.len())],
                ..span.clone()
            })
            .collect(),
        ..document.clone()
    };
    let ann = export_ann(&folded);
    (folded.text, ann)
}

/// The `.ann` file for a document, offsets in code points of its text as it is.
fn export_ann(document: &LabeledText) -> String {
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

/// Reads `.ann` T-lines against the `.txt` text as written, else (when that does not fit and the
/// text has `\r\n` line ends) with each `\r\n` read as one character, as brat 1.3 does; the
/// spans then take the text's own offsets, and the document says which reading it took. A
/// fragment whose text fits neither refuses the pair, naming the line (as written).
pub fn import(text: &str, ann: &str, name: &str) -> Result<LabeledText, FormatError> {
    let as_written = import_as(text, ann, name);
    if as_written.is_ok() || !text.contains("\r\n") {
        return as_written;
    }
    let folded = text.replace("\r\n", "\n");
    let Ok(mut document) = import_as(&folded, ann, name) else {
        return as_written;
    };
    // Per code point of the folded text, where it stands in the text as written.
    let mut written = Vec::with_capacity(folded.len() + 1);
    let mut at = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            at += 1;
            continue;
        }
        written.push(at);
        at += 1;
    }
    written.push(at);
    // A span ends after its last character, wherever the text's next one stands.
    for span in &mut document.spans {
        span.start = written[span.start];
        span.end = written[span.end - 1] + 1;
    }
    document.text = text.to_owned();
    document.reading = Some(CRLF_AS_ONE);
    Ok(document)
}

/// Reads `.ann` T-lines against `text`; a fragment whose text does not match refuses the pair,
/// naming the line.
fn import_as(text: &str, ann: &str, name: &str) -> Result<LabeledText, FormatError> {
    let chars: Vec<char> = text.chars().collect();
    let stem = super::file_stem(name);
    let mut document = LabeledText {
        id: stem.to_owned(),
        title: stem.to_owned(),
        text: text.to_owned(),
        spans: Vec::new(),
        annotator: None,
        reading: None,
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
