//! What the tagger sees of each token: the word, its lower case, its shape (Xx, XX, dd),
//! prefixes and suffixes, its neighbours, its place in the sentence, and whether it lies in a
//! string already labeled somewhere (the gazetteer). Each feature is a 64-bit hash of its name.

use std::collections::{HashMap, HashSet};

use super::lexicon::lexicon;
use super::sentences::Sentence;

/// A feature's hash.
pub type Feature = u64;

/// FNV-1a over a feature's kind and value.
fn hash(kind: &str, value: &str) -> Feature {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in kind.bytes().chain([0xff]).chain(value.bytes()) {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A word's shape, runs collapsed: "Shoigu" → "Xx", "NASA" → "X", "2018" → "d", "U.S." → "X.X.".
pub fn shape(word: &str) -> String {
    let mut shape = String::new();
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !shape.ends_with(class) || !matches!(class, 'X' | 'x' | 'd') {
            shape.push(class);
        }
    }
    shape
}

/// Strings labeled in the training data (or the workspace), by label, as lower-case token
/// sequences: a token inside one gets the feature "in a Person name", wherever it recurs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gazetteer {
    /// Per label index, the phrases (words joined by one space) and in how many documents
    /// each was labeled.
    phrases: Vec<HashMap<String, usize>>,
    /// The longest phrase, in tokens.
    longest: usize,
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
    fn marks(&self, words: &[String], own: Option<&DocumentPhrases>) -> Vec<Vec<u8>> {
        let per_label: Vec<Vec<u8>> = self
            .phrases
            .iter()
            .enumerate()
            .map(|(label, phrases)| {
                phrase_marks(words, self.longest, |phrase| {
                    let mine = own.is_some_and(|own| own[label].contains(phrase));
                    phrases
                        .get(phrase)
                        .is_some_and(|&docs| docs > usize::from(mine))
                })
            })
            .collect();
        (0..words.len())
            .map(|t| per_label.iter().map(|marks| marks[t]).collect())
            .collect()
    }
}

/// Per token of `words`, 1 where a phrase that `known` knows starts (the longest, up to
/// `longest` tokens), 2 inside one, else 0.
fn phrase_marks(words: &[String], longest: usize, known: impl Fn(&str) -> bool) -> Vec<u8> {
    let mut marks = vec![0u8; words.len()];
    let mut at = 0;
    while at < words.len() {
        let most = longest.min(words.len() - at);
        match (1..=most)
            .rev()
            .find(|&n| known(&lower_joined(&words[at..at + n])))
        {
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

/// What a document says about its own words: those seen capitalized somewhere other than a
/// sentence's start, and those seen in lower case.
#[derive(Debug, Clone, Default)]
pub struct DocumentWords {
    capitalized: HashSet<String>,
    lower: HashSet<String>,
}

/// The words of a document, as `DocumentWords` keeps them.
pub fn capitalized_inside(sentences: &[Sentence]) -> DocumentWords {
    let mut words = DocumentWords::default();
    for sentence in sentences {
        for (i, word) in sentence.words.iter().enumerate() {
            match word.chars().next() {
                Some(c) if c.is_uppercase() && i > 0 => {
                    words.capitalized.insert(word.to_lowercase());
                }
                Some(c) if c.is_lowercase() => {
                    words.lower.insert(word.clone());
                }
                _ => {}
            }
        }
    }
    words
}

/// The features of every token of `sentence`.
pub fn sentence_features(
    sentence: &Sentence,
    gazetteer: &Gazetteer,
    own: Option<&DocumentPhrases>,
    label_names: &[String],
    document: &DocumentWords,
) -> Vec<Vec<Feature>> {
    let words = &sentence.words;
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let shapes: Vec<String> = words.iter().map(|w| shape(w)).collect();
    let marks = gazetteer.marks(words, own);
    let lexicon = lexicon();
    let places = phrase_marks(words, lexicon.longest_place, |p| lexicon.places.contains(p));
    let first = |i: isize| {
        usize::try_from(i)
            .ok()
            .and_then(|i| lower.get(i))
            .is_some_and(|w| lexicon.first_names.contains(w))
    };
    let last = |i: usize| lexicon.surnames.contains(&lower[i]);
    let word_at = |i: isize| -> &str {
        usize::try_from(i)
            .ok()
            .and_then(|i| lower.get(i))
            .map_or(if i < 0 { "<s>" } else { "</s>" }, String::as_str)
    };
    let shape_at = |i: isize| -> &str {
        usize::try_from(i)
            .ok()
            .and_then(|i| shapes.get(i))
            .map_or("<>", String::as_str)
    };
    (0..words.len())
        .map(|i| {
            let at = i as isize;
            let word = &lower[i];
            let chars: Vec<char> = word.chars().collect();
            let mut f = vec![
                hash("bias", ""),
                hash("w", word),
                hash("raw", &words[i]),
                hash("shape", &shapes[i]),
                hash("w-1", word_at(at - 1)),
                hash("w+1", word_at(at + 1)),
                hash("w-2", word_at(at - 2)),
                hash("w+2", word_at(at + 2)),
                hash("s-1", shape_at(at - 1)),
                hash("s+1", shape_at(at + 1)),
                hash("s-1s", &format!("{}|{}", shape_at(at - 1), shapes[i])),
                hash("ss+1", &format!("{}|{}", shapes[i], shape_at(at + 1))),
                hash("w-1w", &format!("{}|{word}", word_at(at - 1))),
                hash("ww+1", &format!("{word}|{}", word_at(at + 1))),
                hash("w-1s", &format!("{}|{}", word_at(at - 1), shapes[i])),
                hash("sw+1", &format!("{}|{}", shapes[i], word_at(at + 1))),
            ];
            for n in 1..=4.min(chars.len()) {
                f.push(hash("pre", &chars[..n].iter().collect::<String>()));
                f.push(hash(
                    "suf",
                    &chars[chars.len() - n..].iter().collect::<String>(),
                ));
            }
            if i == 0 {
                f.push(hash("first", &shapes[i]));
            }
            let capital = words[i].chars().next().is_some_and(char::is_uppercase);
            match places[i] {
                1 => f.push(hash("lex-place-b", &shapes[i])),
                2 => f.push(hash("lex-place-i", "")),
                _ => {}
            }
            if capital && first(at) {
                f.push(hash("lex-first", ""));
            }
            if capital && first(at - 1) {
                f.push(hash("lex-after-first", &shapes[i]));
            }
            if capital && last(i) {
                f.push(hash("lex-surname", ""));
            }
            if document.capitalized.contains(word) {
                f.push(hash("cap-elsewhere", ""));
            }
            if capital && document.lower.contains(word) {
                f.push(hash("seen-lower", ""));
            }
            let titled = |j: isize| {
                usize::try_from(j)
                    .ok()
                    .and_then(|j| lower.get(j))
                    .is_some_and(|w| lexicon.titles.contains(w))
            };
            if capital && (titled(at - 1) || titled(at - 2)) {
                f.push(hash("after-title", &shapes[i]));
            }
            if lexicon.events.contains(word.as_str()) {
                f.push(hash("event-word", ""));
            }
            for (label, name) in label_names.iter().enumerate() {
                let gaz = |j: usize| marks.get(j).map_or(0, |m| m[label]);
                match gaz(i) {
                    1 => f.push(hash("gaz-b", name)),
                    2 => f.push(hash("gaz-i", name)),
                    _ => {}
                }
                if i > 0 && gaz(i - 1) != 0 {
                    f.push(hash("gaz-prev", name));
                }
            }
            f
        })
        .collect()
}
