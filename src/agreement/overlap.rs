//! Span matching between two annotators: exact (same start, end and label: seqeval's strict
//! mode) and by overlap (a span of the same label that overlaps: nervaluate's "ent_type",
//! whose greedy matching this follows step for step so the numbers are the same).

use std::collections::HashMap;

use super::{Span, Tally};

/// Exact matches of `found` among `expected`, each span matched at most once.
pub fn exact(expected: &[Span], found: &[Span]) -> Tally {
    let mut left: HashMap<&Span, usize> = HashMap::new();
    for span in expected {
        *left.entry(span).or_insert(0) += 1;
    }
    let matched = found
        .iter()
        .filter(|span| match left.get_mut(span) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count();
    Tally {
        matched,
        actual: found.len(),
        possible: expected.len(),
    }
}

/// Whether `found` overlaps `expected` by at least 1% of `expected`'s length, nervaluate's
/// default threshold (its ends are inclusive: ours minus one).
fn overlaps(found: &Span, expected: &Span) -> bool {
    if found.start >= expected.end || found.end <= expected.start {
        return false;
    }
    let shared = found.end.min(expected.end) - found.start.max(expected.start);
    let length = expected.end - expected.start;
    (shared as f64 / length as f64) * 100.0 >= 1.0
}

/// Overlap matches: each span of `found`, in order, is matched to the unmatched span of
/// `expected` of its label that overlaps it with the closest boundaries (the first such on a
/// tie); failing that, the first unmatched overlapping span of another label is used up
/// without a match (nervaluate counts it "incorrect").
pub fn by_overlap(expected: &[Span], found: &[Span]) -> Tally {
    let mut used = vec![false; expected.len()];
    let mut matched = 0;
    for span in found {
        let mut best: Option<(usize, usize)> = None;
        let mut wrong_label = None;
        for (i, other) in expected.iter().enumerate() {
            if used[i] || !overlaps(span, other) {
                continue;
            }
            if span.label == other.label {
                let distance = span.start.abs_diff(other.start) + span.end.abs_diff(other.end);
                if best.is_none_or(|(_, d)| distance < d) {
                    best = Some((i, distance));
                }
            } else if wrong_label.is_none() {
                wrong_label = Some(i);
            }
        }
        if let Some((i, _)) = best {
            used[i] = true;
            matched += 1;
        } else if let Some(i) = wrong_label {
            used[i] = true;
        }
    }
    Tally {
        matched,
        actual: found.len(),
        possible: expected.len(),
    }
}
