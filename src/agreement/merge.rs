//! Merging annotators' versions of one document: a span goes in when enough annotators marked
//! exactly it (same start, end and label), with the annotators it came from; the others are
//! the disagreements a curator settles.

use super::Span;
use crate::model::order;

/// How many annotators must have marked a span for it to be merged at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// Every annotator who has a version.
    Everyone,
    /// More than half of them.
    Majority,
    /// At least this many.
    AtLeast(usize),
}

impl Strategy {
    /// The strategy named `everyone`, `majority` or `at-least-K`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "everyone" => Some(Self::Everyone),
            "majority" => Some(Self::Majority),
            _ => name
                .strip_prefix("at-least-")
                .and_then(|k| k.parse().ok())
                .filter(|&k| k >= 1)
                .map(Self::AtLeast),
        }
    }

    /// Its name, as [`Strategy::from_name`] reads it.
    pub fn name(self) -> String {
        match self {
            Self::Everyone => "everyone".to_owned(),
            Self::Majority => "majority".to_owned(),
            Self::AtLeast(k) => format!("at-least-{k}"),
        }
    }

    /// Annotators needed out of `versions`.
    pub fn needed(self, versions: usize) -> usize {
        match self {
            Self::Everyone => versions,
            Self::Majority => versions / 2 + 1,
            Self::AtLeast(k) => k,
        }
    }
}

/// A span with the annotators (their indices) who marked it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced {
    /// The span.
    pub span: Span,
    /// Who marked it, in index order.
    pub annotators: Vec<usize>,
}

/// One document's versions merged: what goes in at once, and the disagreements left.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Merged {
    /// Spans enough annotators marked, in text order.
    pub agreed: Vec<Sourced>,
    /// Spans too few marked, in text order.
    pub disputed: Vec<Sourced>,
}

/// Merges `versions` (per annotator, their spans, `None` for no version) by `strategy`.
pub fn merge(versions: &[Option<Vec<Span>>], strategy: Strategy) -> Merged {
    let present = versions.iter().filter(|v| v.is_some()).count();
    let needed = strategy.needed(present).max(1);
    // Every (span, annotator), in span order (the page's one sort), then grouped by span.
    let mut marked: Vec<(&Span, usize)> = versions
        .iter()
        .enumerate()
        .flat_map(|(annotator, spans)| spans.iter().flatten().map(move |s| (s, annotator)))
        .collect();
    order::sort(&mut marked);
    let mut all: Vec<Sourced> = Vec::new();
    for (span, annotator) in marked {
        match all.last_mut() {
            Some(last) if last.span == *span => {
                if last.annotators.last() != Some(&annotator) {
                    last.annotators.push(annotator);
                }
            }
            _ => all.push(Sourced {
                span: span.clone(),
                annotators: vec![annotator],
            }),
        }
    }
    let (agreed, disputed) = all
        .into_iter()
        .partition(|sourced| sourced.annotators.len() >= needed);
    Merged { agreed, disputed }
}
