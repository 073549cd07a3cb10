//! What the tagger sees of each token: the word, its lower case, its shape (Xx, XX, dd),
//! prefixes and suffixes, its neighbours, its place in the sentence, the last word of the run
//! of capitalized words it is in ("Festival", "Station"), what the rest of its document says
//! about it (`document_words`), whether a built-in list knows it (places, first names,
//! surnames, titles, event words, months and days, words for peoples: `lexicon`), and whether
//! it lies in a string already labeled somewhere (the gazetteer). Each feature is a 64-bit
//! hash of its name.

use super::document_words::{capital_runs, DocumentWords};
use super::gazetteer::{marks_of, walk_phrases, DocumentPhrases, Gazetteer};
use super::lexicon::lexicon;
use super::sentences::Sentence;

/// A feature's hash.
pub type Feature = u64;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a's state after a feature kind's name and the separator byte 0xff: each feature's
/// hash goes on from it over the value, so the name is hashed once, when compiling.
const fn kind_state(name: &str) -> u64 {
    let bytes = name.as_bytes();
    let mut h = FNV_OFFSET;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    (h ^ 0xff).wrapping_mul(FNV_PRIME)
}

/// The [`kind_state`] of a feature kind, as a constant.
macro_rules! kind {
    ($name:literal) => {{
        const STATE: u64 = kind_state($name);
        STATE
    }};
}

/// FNV-1a over a feature's kind (its [`kind_state`]) and value.
fn hash(kind: u64, value: &str) -> Feature {
    pair(kind, value, None)
}

/// The same as `hash(kind, &format!("{a}|{b}"))` (or of `a` alone), with no string built:
/// tagging hashes six pairs per token.
fn pair(kind: u64, a: &str, b: Option<&str>) -> Feature {
    let mut h = kind;
    let tail = b.map(|b| std::iter::once(b'|').chain(b.bytes()));
    for byte in a.bytes().chain(tail.into_iter().flatten()) {
        h ^= u64::from(byte);
        h = h.wrapping_mul(FNV_PRIME);
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

/// The features of every token of `sentence`.
pub fn sentence_features(
    sentence: &Sentence,
    gazetteer: &Gazetteer,
    own: Option<&DocumentPhrases>,
    label_names: &[String],
    document: &DocumentWords,
) -> Vec<Vec<Feature>> {
    let words = &sentence.words;
    let lower = &sentence.lower;
    let shapes: Vec<String> = words.iter().map(|w| shape(w)).collect();
    let lexicon = lexicon();
    let marks = gazetteer.marks(lower, own);
    let mut place_at = vec![0; lower.len()];
    let begins = |p: &str| lexicon.place_beginnings.contains(p);
    walk_phrases(lower, lexicon.longest_place, begins, |at, n, phrase| {
        if lexicon.places.contains(phrase) {
            place_at[at] = n;
        }
    });
    let places = marks_of(&place_at);
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
    let runs = capital_runs(words, lower);
    (0..words.len())
        .map(|i| {
            let at = i as isize;
            let word = &lower[i];
            // Where each of the first and last four characters starts, in bytes.
            let starts: Vec<usize> = word.char_indices().map(|(b, _)| b).collect();
            // Room for every feature a token can have, so none reallocates.
            let mut f = Vec::with_capacity(40 + 3 * label_names.len());
            f.extend([
                hash(kind!("bias"), ""),
                hash(kind!("w"), word),
                hash(kind!("raw"), &words[i]),
                hash(kind!("shape"), &shapes[i]),
                hash(kind!("w-1"), word_at(at - 1)),
                hash(kind!("w+1"), word_at(at + 1)),
                hash(kind!("w-2"), word_at(at - 2)),
                hash(kind!("w+2"), word_at(at + 2)),
                hash(kind!("s-1"), shape_at(at - 1)),
                hash(kind!("s+1"), shape_at(at + 1)),
                pair(kind!("s-1s"), shape_at(at - 1), Some(&shapes[i])),
                pair(kind!("ss+1"), &shapes[i], Some(shape_at(at + 1))),
                pair(kind!("w-1w"), word_at(at - 1), Some(word)),
                pair(kind!("ww+1"), word, Some(word_at(at + 1))),
                pair(kind!("w-1s"), word_at(at - 1), Some(&shapes[i])),
                pair(kind!("sw+1"), &shapes[i], Some(word_at(at + 1))),
            ]);
            for n in 1..=4.min(starts.len()) {
                let prefix_end = starts.get(n).copied().unwrap_or(word.len());
                f.push(hash(kind!("pre"), &word[..prefix_end]));
                f.push(hash(kind!("suf"), &word[starts[starts.len() - n]..]));
            }
            if i == 0 {
                f.push(hash(kind!("first"), &shapes[i]));
            }
            if let Some(run) = runs[i] {
                f.push(hash(kind!("run-last"), &lower[run.last]));
            }
            let capital = words[i].chars().next().is_some_and(char::is_uppercase);
            if capital {
                for (seen, kind) in [
                    (&document.run_first, kind!("doc-run-first")),
                    (&document.run_last, kind!("doc-run-last")),
                    (&document.after_title, kind!("doc-after-title")),
                    (&document.after_first_name, kind!("doc-after-first")),
                ] {
                    if seen.contains(word) {
                        f.push(hash(kind, ""));
                    }
                }
            }
            match places[i] {
                1 => f.push(hash(kind!("lex-place-b"), &shapes[i])),
                2 => f.push(hash(kind!("lex-place-i"), "")),
                _ => {}
            }
            if capital && first(at) {
                f.push(hash(kind!("lex-first"), ""));
            }
            if capital && first(at - 1) {
                f.push(hash(kind!("lex-after-first"), &shapes[i]));
            }
            if capital && last(i) {
                f.push(hash(kind!("lex-surname"), ""));
            }
            if document.capitalized.contains(word) {
                f.push(hash(kind!("cap-elsewhere"), ""));
            }
            if capital && document.lower.contains(word) {
                f.push(hash(kind!("seen-lower"), ""));
            }
            let titled = |j: isize| {
                usize::try_from(j)
                    .ok()
                    .and_then(|j| lower.get(j))
                    .is_some_and(|w| lexicon.titles.contains(w))
            };
            if capital && (titled(at - 1) || titled(at - 2)) {
                f.push(hash(kind!("after-title"), &shapes[i]));
            }
            if lexicon.events.contains(word.as_str()) {
                f.push(hash(kind!("event-word"), ""));
            }
            if lexicon.calendar.contains(word.as_str()) {
                f.push(hash(kind!("calendar"), ""));
            }
            if lexicon.demonyms.contains(word.as_str()) {
                f.push(hash(kind!("demonym"), ""));
            }
            for (label, name) in label_names.iter().enumerate() {
                let gaz = |j: usize| marks[label][j];
                match gaz(i) {
                    1 => f.push(hash(kind!("gaz-b"), name)),
                    2 => f.push(hash(kind!("gaz-i"), name)),
                    _ => {}
                }
                if i > 0 && gaz(i - 1) != 0 {
                    f.push(hash(kind!("gaz-prev"), name));
                }
            }
            f
        })
        .collect()
}
