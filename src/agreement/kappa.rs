//! Token-level Cohen's κ between two annotators: each token of the text (the project's
//! tokenizer, so the tokens of the spaCy and CoNLL exports) takes the label of the outermost
//! span that holds its first code point — the longest, then the first — or none. Nested spans
//! count only through the span around them.

use super::Span;
use crate::formats::tokens::tokenize;

/// Per token of `text`, the label of the outermost of `spans` that holds its first code point.
/// Each span marks the tokens that start inside it (found by binary search), so a long
/// document with many spans costs what its spans cover, not tokens × spans.
pub fn token_labels<'a>(text: &str, spans: &'a [Span]) -> Vec<Option<&'a str>> {
    labels_at(&token_starts(text), spans)
}

/// Where each token of `text` starts: what [`labels_at`] reads, worked out once per document.
pub fn token_starts(text: &str) -> Vec<usize> {
    tokenize(text, &[]).iter().map(|t| t.start).collect()
}

/// [`token_labels`] of the tokens starting at `starts`.
pub fn labels_at<'a>(starts: &[usize], spans: &'a [Span]) -> Vec<Option<&'a str>> {
    let mut outermost: Vec<Option<&Span>> = vec![None; starts.len()];
    let outer = |s: &Span| (std::cmp::Reverse(s.end - s.start), s.start);
    for span in spans {
        let first = starts.partition_point(|&at| at < span.start);
        let last = starts.partition_point(|&at| at < span.end);
        for best in &mut outermost[first..last] {
            if best.is_none_or(|b| outer(span) < outer(b)) {
                *best = Some(span);
            }
        }
    }
    outermost
        .into_iter()
        .map(|s| s.map(|s| s.label.as_str()))
        .collect()
}

/// Cohen's κ of two annotators' labels for the same tokens, worked out as scikit-learn's
/// `cohen_kappa_score` does: 1 − observed disagreement / disagreement expected by chance.
/// `None` when chance disagreement is nil (both gave every token one same label), where κ is
/// undefined.
pub fn kappa(first: &[Option<&str>], second: &[Option<&str>]) -> Option<f64> {
    let n = first.len().min(second.len());
    if n == 0 {
        return None;
    }
    let mut classes: Vec<Option<&str>> = first[..n].iter().chain(&second[..n]).copied().collect();
    classes.sort();
    classes.dedup();
    let index = |label: &Option<&str>| classes.binary_search(label).unwrap_or(0);
    let (mut rows, mut columns) = (vec![0usize; classes.len()], vec![0usize; classes.len()]);
    let mut disagree = 0usize;
    for (a, b) in first[..n].iter().zip(&second[..n]) {
        rows[index(a)] += 1;
        columns[index(b)] += 1;
        disagree += usize::from(a != b);
    }
    let total = n as f64;
    let same_by_chance: f64 = rows
        .iter()
        .zip(&columns)
        .map(|(&r, &c)| r as f64 * c as f64 / total)
        .sum();
    let expected = total - same_by_chance;
    (expected > 0.0).then(|| 1.0 - disagree as f64 / expected)
}
