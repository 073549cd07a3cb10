//! The gazetteer: strings labeled in the training data, by label, and where they recur in a
//! sentence, as whole lower-case token sequences. Also the lexicon's place names are found
//! with it.

use std::collections::{HashMap, HashSet};

/// Strings labeled in the training data (or the workspace), by label, as lower-case token
/// sequences: a token inside one gets the feature "in a Person name", wherever it recurs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gazetteer {
    /// Per label index, the phrases (words joined by one space) and in how many documents
    /// each was labeled.
    phrases: Vec<HashMap<String, usize>>,
    /// The longest phrase, in tokens.
    pub(super) longest: usize,
}

impl Gazetteer {
    /// A gazetteer of no phrases for `labels` labels.
    pub fn new(labels: usize) -> Self {
        Self {
            phrases: vec![HashMap::new(); labels],
            longest: 0,
        }
    }

    /// Adds one document's phrases: per label, the words of each span labeled with it.
    pub fn add_document(&mut self, phrases: &DocumentPhrases) {
        for (label, set) in phrases.iter().enumerate().take(self.phrases.len()) {
            for phrase in set {
                self.longest = self.longest.max(phrase.split(' ').count()).min(8);
                *self.phrases[label].entry(phrase.clone()).or_insert(0) += 1;
            }
        }
    }

    /// The phrases, per label, with the number of documents each was labeled in.
    pub fn entries(&self) -> &[HashMap<String, usize>] {
        &self.phrases
    }

    /// A gazetteer of the given phrases (as `entries` returns them).
    pub fn from_entries(phrases: Vec<HashMap<String, usize>>) -> Self {
        let longest = phrases
            .iter()
            .flat_map(HashMap::keys)
            .map(|p| p.split(' ').count())
            .max()
            .unwrap_or(0)
            .min(8);
        Self { phrases, longest }
    }

    /// Per token of `words`, per label, 1 where a phrase starts there, 2 inside one, else 0;
    /// phrases labeled only in `own` (the document's own, while training) do not count, so
    /// the model learns what the gazetteer is worth on names it has not seen.
    pub(super) fn marks(
        &self,
        starting: &[Phrases],
        own: Option<&DocumentPhrases>,
    ) -> Vec<Vec<u8>> {
        let per_label: Vec<Vec<u8>> = self
            .phrases
            .iter()
            .enumerate()
            .map(|(label, phrases)| {
                phrase_marks(starting, self.longest, |phrase| {
                    let mine = own.is_some_and(|own| own[label].contains(phrase));
                    phrases
                        .get(phrase)
                        .is_some_and(|&docs| docs > usize::from(mine))
                })
            })
            .collect();
        (0..starting.len())
            .map(|t| per_label.iter().map(|marks| marks[t]).collect())
            .collect()
    }
}

/// The lower-case phrases starting at one token, up to the longest looked for: the longest
/// one, and where each shorter one ends in it.
pub struct Phrases {
    joined: String,
    ends: Vec<usize>,
}

/// Per token of a sentence (its words in lower case), the [`Phrases`] of up to `longest`
/// tokens starting there: built once, not once per label and phrase length.
pub(super) fn phrases_starting(lower: &[String], longest: usize) -> Vec<Phrases> {
    (0..lower.len())
        .map(|at| {
            let mut joined = String::new();
            let mut ends = Vec::new();
            for (i, word) in lower[at..(at + longest).min(lower.len())]
                .iter()
                .enumerate()
            {
                if i > 0 {
                    joined.push(' ');
                }
                joined.push_str(word);
                ends.push(joined.len());
            }
            Phrases { joined, ends }
        })
        .collect()
}

/// Per token, 1 where a phrase that `known` knows starts (the longest, up to `longest`
/// tokens), 2 inside one, else 0.
pub(super) fn phrase_marks(
    starting: &[Phrases],
    longest: usize,
    known: impl Fn(&str) -> bool,
) -> Vec<u8> {
    let mut marks = vec![0u8; starting.len()];
    let mut at = 0;
    while at < starting.len() {
        let Phrases { joined, ends } = &starting[at];
        let most = longest.min(ends.len());
        match (1..=most).rev().find(|&n| known(&joined[..ends[n - 1]])) {
            Some(n) => {
                marks[at] = 1;
                for mark in &mut marks[at + 1..at + n] {
                    *mark = 2;
                }
                at += n;
            }
            None => at += 1,
        }
    }
    marks
}

/// Per label, the phrases one document labels.
pub type DocumentPhrases = Vec<HashSet<String>>;

/// Words joined by a space, lower case.
pub fn lower_joined(words: &[String]) -> String {
    words.join(" ").to_lowercase()
}
