//! Counts behind a precision, recall and F1: spans matched, spans the second annotator marked
//! (actual) and spans the first did (possible), summed over documents before dividing.

/// Matched, actual and possible spans, additive.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Spans of the second annotator that match one of the first's.
    pub matched: usize,
    /// Spans the second annotator marked.
    pub actual: usize,
    /// Spans the first annotator marked.
    pub possible: usize,
}

impl Tally {
    /// Adds another tally.
    pub fn add(&mut self, other: Tally) {
        self.matched += other.matched;
        self.actual += other.actual;
        self.possible += other.possible;
    }

    /// matched / actual, 0 when nothing was marked.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.actual)
    }

    /// matched / possible, 0 when nothing was to be found.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.possible)
    }

    /// The harmonic mean of precision and recall, 0 when both are 0 (as seqeval and
    /// nervaluate compute it). Exact-match F1 is the same either way round.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}
