//! The gazetteer: strings labeled in the training data, by label, and where they recur in a
//! sentence, as whole lower-case token sequences. Also the lexicon's place names are found
//! with it.

use super::hashing::{WordMap, WordSet};

/// Strings labeled in the training data (or the workspace), by label, as lower-case token
/// sequences: a token inside one gets the feature "in a Person name", wherever it recurs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gazetteer {
    /// Per phrase (words joined by one space), per label index, in how many documents it was
    /// labeled with that label: one lookup answers for every label.
    phrases: WordMap<Vec<usize>>,
    /// The phrases' proper beginnings (see [`beginnings`]).
    beginnings: WordSet,
    /// How many labels.
    labels: usize,
    /// The longest phrase, in tokens.
    pub(super) longest: usize,
}

impl Gazetteer {
    /// A gazetteer of no phrases for `labels` labels.
    pub fn new(labels: usize) -> Self {
        Self {
            labels,
            ..Self::default()
        }
    }

    /// Adds `documents` documents' labeling of `phrase` with label `label`.
    fn add(&mut self, label: usize, phrase: &str, documents: usize) {
        self.longest = self.longest.max(phrase.split(' ').count()).min(8);
        let labels = self.labels;
        let counts = self
            .phrases
            .entry(phrase.to_owned())
            .or_insert_with(|| vec![0; labels]);
        counts[label] += documents;
        self.beginnings.extend(beginnings([phrase]));
    }

    /// Adds one document's phrases: per label, the words of each span labeled with it.
    pub fn add_document(&mut self, phrases: &DocumentPhrases) {
        for (label, set) in phrases.iter().enumerate().take(self.labels) {
            for phrase in set {
                self.add(label, phrase, 1);
            }
        }
    }

    /// The phrases, per label, with the number of documents each was labeled in.
    pub fn entries(&self) -> Vec<WordMap<usize>> {
        let mut entries = vec![WordMap::default(); self.labels];
        for (phrase, counts) in &self.phrases {
            for (label, &count) in counts.iter().enumerate().filter(|(_, &c)| c > 0) {
                entries[label].insert(phrase.clone(), count);
            }
        }
        entries
    }

    /// A gazetteer of the given phrases (as `entries` returns them).
    pub fn from_entries(entries: Vec<WordMap<usize>>) -> Self {
        let mut gazetteer = Self::new(entries.len());
        for (label, phrases) in entries.iter().enumerate() {
            for (phrase, &count) in phrases {
                gazetteer.add(label, phrase, count);
            }
        }
        gazetteer
    }

    /// Per label, per token of `lower` (a sentence's words in lower case), 1 where a phrase
    /// starts there, 2 inside one, else 0; phrases labeled only in `own` (the document's own,
    /// while training) do not count, so the model learns what the gazetteer is worth on names
    /// it has not seen.
    pub(super) fn marks(&self, lower: &[String], own: Option<&DocumentPhrases>) -> Vec<Vec<u8>> {
        let mut longest_at = vec![vec![0; lower.len()]; self.labels];
        let begins = |phrase: &str| self.beginnings.contains(phrase);
        walk_phrases(lower, self.longest, begins, |at, n, phrase| {
            let Some(counts) = self.phrases.get(phrase) else {
                return;
            };
            for (label, &documents) in counts.iter().enumerate() {
                let mine = own.is_some_and(|own| own[label].contains(phrase));
                if documents > usize::from(mine) {
                    longest_at[label][at] = n;
                }
            }
        });
        longest_at.iter().map(|lengths| marks_of(lengths)).collect()
    }
}

/// The beginnings of `phrases` short of their whole: "new", "new york" of "new york city".
/// A phrase is looked for one word longer only while it is one of these, so most tokens
/// cost one lookup, not one per length.
pub(super) fn beginnings<'a, I: IntoIterator<Item = &'a str>>(
    phrases: I,
) -> impl Iterator<Item = String> + use<'a, I> {
    phrases.into_iter().flat_map(|phrase| {
        phrase
            .match_indices(' ')
            .map(move |(at, _)| phrase[..at].to_owned())
    })
}

/// For each token of `lower` and each phrase of up to `longest` words starting there, from
/// the shortest, calls `visit(token, words, phrase)` while the phrase so far `begins` a
/// longer one.
pub(super) fn walk_phrases(
    lower: &[String],
    longest: usize,
    begins: impl Fn(&str) -> bool,
    mut visit: impl FnMut(usize, usize, &str),
) {
    let mut phrase = String::new();
    for at in 0..lower.len() {
        phrase.clear();
        for (i, word) in lower[at..].iter().take(longest).enumerate() {
            if i > 0 {
                phrase.push(' ');
            }
            phrase.push_str(word);
            visit(at, i + 1, &phrase);
            if !begins(&phrase) {
                break;
            }
        }
    }
}

/// Per token, 1 where a phrase starts, 2 inside one, else 0, from the length of the longest
/// phrase starting at each token (0: none), taken from the left, none overlapping.
pub(super) fn marks_of(longest_at: &[usize]) -> Vec<u8> {
    let mut marks = vec![0u8; longest_at.len()];
    let mut at = 0;
    while at < longest_at.len() {
        match longest_at[at] {
            0 => at += 1,
            n => {
                marks[at] = 1;
                for mark in &mut marks[at + 1..at + n] {
                    *mark = 2;
                }
                at += n;
            }
        }
    }
    marks
}

/// Per label, the phrases one document labels.
pub type DocumentPhrases = Vec<WordSet>;

/// Words joined by a space, lower case.
pub fn lower_joined(words: &[String]) -> String {
    words.join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(phrases: &[&str]) -> WordSet {
        phrases.iter().map(|p| (*p).to_owned()).collect()
    }

    fn lower(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn a_phrase_is_found_whole_though_its_beginnings_are_no_phrases() {
        let mut gazetteer = Gazetteer::new(2);
        let place = set(&["new york city", "york"]);
        gazetteer.add_document(&vec![place, set(&["new"])]);
        let marks = gazetteer.marks(&lower("in new york city and york and new"), None);
        assert_eq!(marks[0], [0, 1, 2, 2, 0, 1, 0, 0]);
        assert_eq!(marks[1], [0, 1, 0, 0, 0, 0, 0, 1]);
    }

    #[test]
    fn a_document_s_own_phrases_do_not_count_while_it_is_learned_from() {
        let mut gazetteer = Gazetteer::new(1);
        let once: DocumentPhrases = vec![set(&["kabul"])];
        gazetteer.add_document(&once);
        assert_eq!(gazetteer.marks(&lower("to kabul"), Some(&once))[0], [0, 0]);
        gazetteer.add_document(&once);
        assert_eq!(gazetteer.marks(&lower("to kabul"), Some(&once))[0], [0, 1]);
    }

    #[test]
    fn entries_read_back_are_the_same_gazetteer() {
        let mut gazetteer = Gazetteer::new(2);
        gazetteer.add_document(&vec![set(&["a b"]), set(&["a b"])]);
        gazetteer.add_document(&vec![set(&["a b"]), WordSet::default()]);
        assert_eq!(Gazetteer::from_entries(gazetteer.entries()), gazetteer);
        assert_eq!(gazetteer.entries()[0].get("a b"), Some(&2));
    }
}
