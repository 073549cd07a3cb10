//! A version's annotator and a curated version's provenance as the native format writes them,
//! inside `"document"`: `"annotator": "alice"` and `"curation": {"annotators": ["alice",
//! "bob", "carol"], "strategy": "majority", "needed": 2, "candidates": [{"start": 0, "end":
//! 10, "label": "Person", "annotators": ["alice", "bob"]}, …], "left_empty": [[40, 52], …]}`.
//! Candidates are every span any of the annotators marked; `left_empty` the disagreements the
//! curator settled with no span. Offsets are Unicode code points, start inclusive, end
//! exclusive.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::format_error::ImportError;
use crate::model::{order, Provenance, SourcedSpan};

/// A candidate span as written: who marked it by name.
#[derive(Serialize, Deserialize)]
pub(crate) struct CandidateJson<'a> {
    start: usize,
    end: usize,
    #[serde(borrow)]
    label: Cow<'a, str>,
    #[serde(borrow)]
    annotators: Vec<Cow<'a, str>>,
}

/// A curated version's provenance as written.
#[derive(Serialize, Deserialize)]
pub(crate) struct CurationJson<'a> {
    #[serde(borrow)]
    annotators: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    strategy: Cow<'a, str>,
    needed: usize,
    #[serde(borrow)]
    candidates: Vec<CandidateJson<'a>>,
    #[serde(default)]
    left_empty: Vec<[usize; 2]>,
}

/// What is wrong with a curated version's provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CurationProblem {
    /// A candidate (1-based) does not lie inside the text.
    OutOfRange {
        /// The candidate's number.
        candidate: usize,
        /// The text's length in code points.
        length: usize,
    },
    /// A candidate (1-based) names an annotator the curation does not list.
    UnknownAnnotator {
        /// The candidate's number.
        candidate: usize,
        /// The name.
        name: String,
    },
}

impl fmt::Display for CurationProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OutOfRange { candidate, length } => write!(
                f,
                "its candidate {candidate} lies outside the text ({length} code points)"
            ),
            Self::UnknownAnnotator { candidate, name } => write!(
                f,
                "its candidate {candidate} names {name:?}, who is not among its annotators"
            ),
        }
    }
}

/// The provenance as written.
pub(crate) fn curation_json(provenance: &Provenance) -> CurationJson<'_> {
    let names = &provenance.annotators;
    CurationJson {
        annotators: names.iter().map(|n| Cow::Borrowed(n.as_str())).collect(),
        strategy: Cow::Borrowed(&provenance.strategy),
        needed: provenance.needed,
        candidates: provenance
            .spans
            .iter()
            .map(|span| CandidateJson {
                start: span.start,
                end: span.end,
                label: Cow::Borrowed(&span.label),
                annotators: span
                    .annotators
                    .iter()
                    .filter_map(|&i| names.get(i).map(|n| Cow::Borrowed(n.as_str())))
                    .collect(),
            })
            .collect(),
        left_empty: provenance
            .left_empty
            .iter()
            .map(|r| [r.start, r.end])
            .collect(),
    }
}

/// The provenance of a curated version whose text is `length` code points long.
pub(crate) fn read_curation(json: &CurationJson, length: usize) -> Result<Provenance, ImportError> {
    let annotators: Vec<String> = json.annotators.iter().map(|n| n.to_string()).collect();
    let mut spans = Vec::with_capacity(json.candidates.len());
    for (number, candidate) in (1..).zip(&json.candidates) {
        if candidate.start >= candidate.end || candidate.end > length {
            let problem = CurationProblem::OutOfRange {
                candidate: number,
                length,
            };
            return Err(ImportError::Curation(problem));
        }
        let mut who = Vec::with_capacity(candidate.annotators.len());
        for name in &candidate.annotators {
            let Some(at) = annotators.iter().position(|n| n == name) else {
                let problem = CurationProblem::UnknownAnnotator {
                    candidate: number,
                    name: name.to_string(),
                };
                return Err(ImportError::Curation(problem));
            };
            who.push(at);
        }
        order::sort(&mut who);
        who.dedup();
        spans.push(SourcedSpan {
            start: candidate.start,
            end: candidate.end,
            label: candidate.label.to_string(),
            annotators: who,
        });
    }
    order::sort(&mut spans);
    let mut left_empty: Vec<_> = json.left_empty.iter().map(|&[s, e]| s..e).collect();
    order::sort_by_key(&mut left_empty, |r| (r.start, r.end));
    Ok(Provenance {
        annotators,
        strategy: json.strategy.to_string(),
        needed: json.needed,
        spans,
        left_empty,
    })
}
