//! The record every dataset format reads and writes: one text with its labeled spans.
//!
//! Offsets are **Unicode code points**, start inclusive, end exclusive, so in Python
//! `text[start:end]` is the span's text.

use std::cmp::Reverse;
use std::fmt;
use std::rc::Rc;

use unicode_segmentation::UnicodeSegmentation;

use super::format_error::{ExportError, FormatError, SpanProblem};
use crate::model::order;
use crate::model::snapping::possessive_len;
use crate::model::{
    AnnotatedDocument, Annotation, AnnotationId, AnnotationStore, Document, EditError, LabelId,
    LabelSet, OverlapPolicy,
};

/// Where in a file a document was read, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Place {
    /// The file as a whole (one document per file).
    #[default]
    File,
    /// A line of a line-based file (1-based).
    Line(usize),
    /// An item of a JSON array (1-based).
    Record(usize),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File => write!(f, "the file"),
            Self::Line(line) => write!(f, "line {line}"),
            Self::Record(record) => write!(f, "record {record}"),
        }
    }
}

/// One span as a file states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanRecord {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Label name, e.g. "Person".
    pub label: String,
    /// The text the file says the span covers, if the format carries it.
    pub text: Option<String>,
}

/// One document of a dataset: its text and its spans in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LabeledText {
    /// Stable identifier.
    pub id: String,
    /// Human-readable title.
    pub title: String,
    /// The full text.
    pub text: String,
    /// Spans in the order the file lists them.
    pub spans: Vec<SpanRecord>,
    /// Who annotated it, where the file says.
    pub annotator: Option<String>,
    /// How its offsets were read, where not as code points of the text as written (brat's
    /// `\r\n` read as one character, doccano's UTF-16 code units), for the user to hear.
    pub reading: Option<&'static str>,
    /// Where the document was read.
    pub place: Place,
}

impl LabeledText {
    /// The spans of an annotated document in text order, each sliced from the text.
    pub fn from_annotated(annotated: &AnnotatedDocument) -> Result<Self, ExportError> {
        let document = &annotated.document;
        let spans = annotated
            .annotations_with_text()
            .map_err(ExportError::OutOfRange)?
            .into_iter()
            .map(|(a, text)| SpanRecord {
                start: a.start,
                end: a.end,
                label: annotated.labels.name_of(a.label).to_owned(),
                text: Some(text.to_owned()),
            })
            .collect();
        Ok(Self {
            id: document.id.clone(),
            title: document.title.clone(),
            text: document.text().to_owned(),
            spans,
            annotator: document.annotator.clone(),
            reading: None,
            place: Place::File,
        })
    }

    /// The first span that does not select its text, as an error naming it.
    pub fn check_spans(&self, document: &Document) -> Result<(), FormatError> {
        match self.span_problems(document).into_iter().next() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// Every span whose offsets are reversed, out of range, not what its text says, or
    /// edged with whitespace.
    pub fn span_problems(&self, document: &Document) -> Vec<FormatError> {
        self.spans
            .iter()
            .enumerate()
            .filter_map(|(index, span)| {
                let problem = span_problem(document, span)?;
                Some(self.error_at(index, problem))
            })
            .collect()
    }

    /// Spans spaCy entities and CoNLL tags cannot hold as they are: each span that overlaps an
    /// earlier one, and each boundary that falls inside a UAX #29 word.
    pub fn alignment_problems(&self) -> Vec<FormatError> {
        let mut word_bounds = vec![0];
        let mut offset = 0;
        for word in self.text.split_word_bounds() {
            offset += word.chars().count();
            let possessive = possessive_len(word);
            if possessive > 0 {
                word_bounds.push(offset - possessive);
            }
            word_bounds.push(offset);
        }
        let key = |i: usize| (self.spans[i].start, Reverse(self.spans[i].end));
        let order = order::order_of(self.spans.len(), &|a, b| key(a).cmp(&key(b)));
        let mut problems = Vec::new();
        // The span reaching furthest so far, as (end, index).
        let mut furthest: Option<(usize, usize)> = None;
        for index in order {
            let span = &self.spans[index];
            if let Some((end, other)) = furthest.filter(|(end, _)| *end > span.start) {
                problems.push(self.error_at(index, SpanProblem::Overlaps { other: other + 1 }));
                if span.end > end {
                    furthest = Some((span.end, index));
                }
            } else {
                furthest = Some((span.end, index));
            }
            for at in [span.start, span.end] {
                if word_bounds.binary_search(&at).is_err() && at <= offset {
                    problems.push(self.error_at(index, SpanProblem::SplitsWord { at }));
                }
            }
        }
        problems
    }

    /// An error about span `index` (0-based) of this document.
    pub fn error_at(&self, index: usize, problem: SpanProblem) -> FormatError {
        let span = &self.spans[index];
        FormatError::Span {
            place: self.place,
            span: index + 1,
            label: span.label.clone(),
            start: span.start,
            end: span.end,
            problem,
        }
    }

    /// Turns the record into an annotated document, refusing it whole if any span is bad.
    ///
    /// Labels the set does not know are added to it. Spans that cross, or nest within one
    /// label, switch the document's overlap policy to "any" rather than being dropped.
    pub fn into_annotated(self, labels: &LabelSet) -> Result<AnnotatedDocument, FormatError> {
        let document = Document::new(self.id.clone(), self.title.clone(), &self.text)
            .by(self.annotator.clone());
        self.check_spans(&document)?;
        let labels = labels.with_names(self.spans.iter().map(|span| span.label.as_str()));
        let annotations = self.spans.iter().zip(0..).map(|(span, id)| Annotation {
            id: AnnotationId(id),
            start: span.start,
            end: span.end,
            label: labels.by_name(&span.label).map_or(LabelId(0), |l| l.id),
        });
        let store = AnnotationStore::from_saved(
            &document,
            annotations.clone(),
            OverlapPolicy::NestedDifferentLabels,
        )
        .or_else(|(annotation, error)| match error {
            EditError::Crossing(_) | EditError::NestedSameLabel(_) => {
                AnnotationStore::from_saved(&document, annotations, OverlapPolicy::Any)
            }
            _ => Err((annotation, error)),
        })
        .map_err(|(annotation, error)| {
            self.error_at(annotation.id.0 as usize, SpanProblem::Store(error))
        })?;
        Ok(AnnotatedDocument {
            document: Rc::new(document),
            labels: Rc::new(labels),
            store,
        })
    }
}

fn span_problem(document: &Document, span: &SpanRecord) -> Option<SpanProblem> {
    if span.label.trim().is_empty() {
        return Some(SpanProblem::EmptyLabel);
    }
    if span.start >= span.end {
        return Some(SpanProblem::Reversed);
    }
    let Some(found) = document.slice(span.start..span.end) else {
        return Some(SpanProblem::OutOfRange {
            length: document.char_len(),
        });
    };
    if let Some(claimed) = span.text.as_deref().filter(|claimed| *claimed != found) {
        return Some(SpanProblem::TextMismatch {
            claimed: claimed.to_owned(),
            found: found.to_owned(),
        });
    }
    if document.trim_whitespace(span.start..span.end) != Some(span.start..span.end) {
        return Some(SpanProblem::Untrimmed);
    }
    None
}
