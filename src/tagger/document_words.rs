//! What a document says about its own words, beyond the sentence a token is in: the words
//! seen capitalized inside a sentence or in lower case, and where a word stands in runs of
//! capitalized words elsewhere ("Paris" is the last word of "Valeska Paris" further up, so
//! it may be a surname here too). Non-local features in the manner of Krishnan and Manning
//! (2006), read from the text alone.

use super::hashing::WordSet;
use super::lexicon::lexicon;
use super::sentences::Sentence;

/// Per token, where it stands in a run of capitalized words (which may hold "of" between two
/// of them: "Bay of Bengal"): its place in the run, the run's length, and the index of the
/// run's last token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// The token's place in the run, from 0.
    pub at: usize,
    /// The run's length in tokens.
    pub len: usize,
    /// The index of the run's last token in the sentence.
    pub last: usize,
}

/// The runs of capitalized words of a sentence (`words`, and the same in lower case).
pub fn capital_runs(words: &[String], lower: &[String]) -> Vec<Option<Run>> {
    let capital = |i: usize| words[i].chars().next().is_some_and(char::is_uppercase);
    let mut runs = vec![None; words.len()];
    let mut i = 0;
    while i < words.len() {
        if !capital(i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            if end < words.len() && capital(end) {
                end += 1;
            } else if end + 1 < words.len() && lower[end] == "of" && capital(end + 1) {
                end += 2;
            } else {
                break;
            }
        }
        for (at, run) in runs[i..end].iter_mut().enumerate() {
            *run = Some(Run {
                at,
                len: end - i,
                last: end - 1,
            });
        }
        i = end;
    }
    runs
}

/// What one document says about its words, each in lower case.
#[derive(Debug, Clone, Default)]
pub struct DocumentWords {
    /// Seen capitalized somewhere other than a sentence's start.
    pub capitalized: WordSet,
    /// Seen in lower case.
    pub lower: WordSet,
    /// Seen as the first word of a run of two capitalized words or more.
    pub run_first: WordSet,
    /// Seen as the last word of such a run.
    pub run_last: WordSet,
    /// Seen capitalized right after a title ("Professor Eastman").
    pub after_title: WordSet,
    /// Seen inside a run right after a known first name ("John Key").
    pub after_first_name: WordSet,
}

/// The words of a document, as [`DocumentWords`] keeps them.
pub fn document_words(sentences: &[Sentence]) -> DocumentWords {
    let lexicon = lexicon();
    let mut words = DocumentWords::default();
    for sentence in sentences {
        let lower = &sentence.lower;
        for (i, (word, low)) in sentence.words.iter().zip(lower).enumerate() {
            match word.chars().next() {
                Some(c) if c.is_uppercase() && i > 0 => {
                    words.capitalized.insert(low.clone());
                }
                Some(c) if c.is_lowercase() => {
                    words.lower.insert(word.clone());
                }
                _ => {}
            }
        }
        for (i, run) in capital_runs(&sentence.words, lower).into_iter().enumerate() {
            let Some(Run { at, len, .. }) = run else {
                continue;
            };
            let word = &lower[i];
            if len >= 2 && at == 0 {
                words.run_first.insert(word.clone());
            }
            if len >= 2 && at == len - 1 {
                words.run_last.insert(word.clone());
            }
            if i > 0 && lexicon.titles.contains(&lower[i - 1]) {
                words.after_title.insert(word.clone());
            }
            if at > 0 && lexicon.first_names.contains(&lower[i - 1]) {
                words.after_first_name.insert(word.clone());
            }
        }
    }
    words
}
