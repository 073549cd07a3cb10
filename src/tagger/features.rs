//! What the tagger sees of each token: the word, its lower case, its shape (Xx, XX, dd),
//! prefixes and suffixes, its neighbours, its place in the sentence, the last word of the run
//! of capitalized words it is in ("Festival", "Station"), what the rest of its document says
//! about it (`document_words`), whether a built-in list knows it (places, first names,
//! surnames, titles, event words, months and days, words for peoples: `lexicon`), and whether
//! it lies in a string already labeled somewhere (the gazetteer). Each feature is a 64-bit
//! hash of its name.

use super::document_words::{capital_runs, DocumentWords};
use super::gazetteer::{phrase_marks, phrases_starting, DocumentPhrases, Gazetteer};
use super::lexicon::lexicon;
use super::sentences::Sentence;

/// A feature's hash.
pub type Feature = u64;

/// FNV-1a over a feature's kind and value.
fn hash(kind: &str, value: &str) -> Feature {
    pair(kind, value, None)
}

/// The same as `hash(kind, &format!("{a}|{b}"))` (or of `a` alone), with no string built:
/// tagging hashes six pairs per token.
fn pair(kind: &str, a: &str, b: Option<&str>) -> Feature {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let tail = b.map(|b| std::iter::once(b'|').chain(b.bytes()));
    let bytes = kind.bytes().chain([0xff]).chain(a.bytes());
    for byte in bytes.chain(tail.into_iter().flatten()) {
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
    let lexicon = lexicon();
    let starting = phrases_starting(&lower, gazetteer.longest.max(lexicon.longest_place));
    let marks = gazetteer.marks(&starting, own);
    let places = phrase_marks(&starting, lexicon.longest_place, |p| {
        lexicon.places.contains(p)
    });
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
    let runs = capital_runs(words, &lower);
    (0..words.len())
        .map(|i| {
            let at = i as isize;
            let word = &lower[i];
            // Where each of the first and last four characters starts, in bytes.
            let starts: Vec<usize> = word.char_indices().map(|(b, _)| b).collect();
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
                pair("s-1s", shape_at(at - 1), Some(&shapes[i])),
                pair("ss+1", &shapes[i], Some(shape_at(at + 1))),
                pair("w-1w", word_at(at - 1), Some(word)),
                pair("ww+1", word, Some(word_at(at + 1))),
                pair("w-1s", word_at(at - 1), Some(&shapes[i])),
                pair("sw+1", &shapes[i], Some(word_at(at + 1))),
            ];
            for n in 1..=4.min(starts.len()) {
                let prefix_end = starts.get(n).copied().unwrap_or(word.len());
                f.push(hash("pre", &word[..prefix_end]));
                f.push(hash("suf", &word[starts[starts.len() - n]..]));
            }
            if i == 0 {
                f.push(hash("first", &shapes[i]));
            }
            if let Some(run) = runs[i] {
                f.push(hash("run-last", &lower[run.last]));
            }
            let capital = words[i].chars().next().is_some_and(char::is_uppercase);
            if capital {
                for (seen, name) in [
                    (&document.run_first, "doc-run-first"),
                    (&document.run_last, "doc-run-last"),
                    (&document.after_title, "doc-after-title"),
                    (&document.after_first_name, "doc-after-first"),
                ] {
                    if seen.contains(word) {
                        f.push(hash(name, ""));
                    }
                }
            }
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
            if lexicon.calendar.contains(word.as_str()) {
                f.push(hash("calendar", ""));
            }
            if lexicon.demonyms.contains(word.as_str()) {
                f.push(hash("demonym", ""));
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
