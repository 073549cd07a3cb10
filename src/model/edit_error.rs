//! Why an edit of the annotation store was refused, and which overlaps the store allows.
//! Offsets in messages are code points.

use std::fmt;
use std::ops::Range;

use super::annotation::AnnotationId;
use super::label::LabelId;

/// Why an edit was refused. The store is unchanged after any error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The range holds nothing but whitespace.
    Empty,
    /// The range reaches past the end of the document.
    OutOfRange {
        /// Requested range, in code points.
        range: Range<usize>,
        /// Document length, in code points.
        len: usize,
    },
    /// The same range already carries this label.
    Duplicate(AnnotationId),
    /// No annotation has this id.
    Unknown(AnnotationId),
    /// The annotation already has this label.
    Unchanged,
    /// Two saved annotations share one id.
    DuplicateId(AnnotationId),
    /// A saved span starts or ends with whitespace.
    Untrimmed,
    /// The span partly overlaps another one (neither contains the other).
    Crossing(AnnotationId),
    /// The span would nest inside or around another one with the same label.
    NestedSameLabel(AnnotationId),
    /// The step would bring back a span whose label is no longer in the label set.
    UnknownLabel(LabelId),
}

/// Which overlaps between spans are allowed; saved with the document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OverlapPolicy {
    /// A span may lie inside or around a span of a different label; crossing overlaps and
    /// same-label nesting are refused.
    #[default]
    NestedDifferentLabels,
    /// Any overlap is allowed (the same range with the same label still is not).
    Any,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "the selection holds only whitespace"),
            Self::OutOfRange { range, len } => write!(
                f,
                "the span {}..{} lies outside the text ({len} characters)",
                range.start, range.end
            ),
            Self::Duplicate(_) => write!(f, "this text already has that label"),
            Self::Unknown(id) => write!(f, "there is no annotation #{}", id.0),
            Self::Unchanged => write!(f, "the annotation already has that label"),
            Self::DuplicateId(id) => write!(f, "two annotations share the id {}", id.0),
            Self::Untrimmed => write!(f, "the span starts or ends with whitespace"),
            Self::Crossing(_) => write!(
                f,
                "spans may nest but not cross: the selection partly overlaps another span \
                 (switch on \u{201c}Allow any overlap\u{201d} to permit it)"
            ),
            Self::NestedSameLabel(_) => write!(
                f,
                "a span cannot lie inside or around another span with the same label"
            ),
            Self::UnknownLabel(id) => write!(f, "no label has the id {}", id.0),
        }
    }
}

impl std::error::Error for EditError {}
