//! One labeled span of the article. Offsets are Unicode code points, start inclusive, end
//! exclusive.

use std::cmp::Reverse;
use std::ops::Range;

use super::label::LabelId;

/// Identifies an annotation for its whole life, across undo and redo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnnotationId(pub u32);

/// A labeled span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Annotation {
    /// Stable identity.
    pub id: AnnotationId,
    /// First code point of the span.
    pub start: usize,
    /// Code point just past the span.
    pub end: usize,
    /// The label given to the span.
    pub label: LabelId,
}

impl Annotation {
    /// The span as a code point range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the span shares at least one code point with `range`.
    pub fn overlaps(&self, range: &Range<usize>) -> bool {
        self.start < range.end && range.start < self.end
    }

    /// Whether the span covers code point `offset`.
    pub fn covers(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// The key that orders annotations in text order: by start, the longer (outer) span first.
    pub fn text_order(&self) -> (usize, Reverse<usize>, AnnotationId) {
        (self.start, Reverse(self.end), self.id)
    }
}
