//! A text's UAX #29 word boundaries as one bit per UTF-8 byte: a megabyte of text holds about
//! half a million boundaries, which took 2 MB as a list of offsets and take 128 KB here.

use unicode_segmentation::UnicodeSegmentation;

/// The byte offsets of every word boundary of one text, ending with the text's length.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordBounds {
    bits: Vec<u64>,
}

impl WordBounds {
    /// Finds the boundaries of `text`.
    pub fn of(text: &str) -> Self {
        let mut bits = vec![0; text.len() / 64 + 1];
        let starts = text.split_word_bound_indices().map(|(at, _)| at);
        for at in starts.chain([text.len()]) {
            bits[at / 64] |= 1 << (at % 64);
        }
        Self { bits }
    }

    /// Whether a word boundary is at byte `at`.
    pub fn contains(&self, at: usize) -> bool {
        self.bits
            .get(at / 64)
            .is_some_and(|word| word & (1 << (at % 64)) != 0)
    }

    /// Every boundary, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.bits
            .iter()
            .enumerate()
            .flat_map(|(index, &word)| Ones(word).map(move |bit| index * 64 + bit))
    }
}

/// The positions of the set bits of one word, lowest first.
struct Ones(u64);

impl Iterator for Ones {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let bit = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1;
        Some(bit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bounds_are_the_segmenters_and_the_end() {
        for text in [
            "",
            "a",
            "Sergei Shoigu met 😀 Bagheri’s team, in Dushanbe.\n",
            &"word ".repeat(40),
        ] {
            let mut expected: Vec<usize> =
                text.split_word_bound_indices().map(|(at, _)| at).collect();
            expected.push(text.len());
            let bounds = WordBounds::of(text);
            assert_eq!(bounds.iter().collect::<Vec<_>>(), expected, "{text:?}");
            for at in 0..=text.len() + 70 {
                assert_eq!(
                    bounds.contains(at),
                    expected.contains(&at),
                    "{text:?} at {at}"
                );
            }
        }
    }
}
