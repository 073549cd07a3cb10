//! A small open the converters' worker runs once as it starts, before any file comes. The
//! browser first runs WebAssembly in a quick baseline tier and optimizes the functions that run
//! often; without this, the user's first file (picked a moment after pointing at Open…, which
//! starts the worker) met parsing code that ran about three times slower than the second time.
//! Measured on the 1,000-article corpus (3.2 MB), picked 500 ms after pointing at Open…: listed
//! after 360-470 ms without, 267-308 ms with 400 documents (120 gave 308-382); picked at once,
//! 464 ms without and 316 ms with.
//!
//! The tagger is warmed the same way, after the converters: a small model learned and run on
//! a made-up text, which also reads the built-in word lists. It costs the worker 65-140 ms as
//! it starts; the first Train of the Wikinews corpus then took 508-782 ms (745-936 without)
//! and the first pre-annotation of a 1,068-word article 18-28 ms (26-41 without), 9 runs each.

use super::open::NamedText;
use super::protocol::{handle, DocumentBatch, Request, Response};
use crate::model::{AnnotatedDocument, Document};
use crate::tagger::{predict, train, Example, TrainOptions};

/// Documents in the warm-up file (about 300 KB): enough for the hot loops to be optimized.
const DOCUMENTS: usize = 400;

/// Opens a made-up doccano file the way a real one is opened and forgets its documents; the
/// open's last answer.
pub fn warm_up() -> Response {
    let current = AnnotatedDocument::new(Document::new("warm-up", "Warm-up", "Warm-up."));
    let request = Request::Open {
        files: vec![NamedText::new("warm-up.jsonl", made_up_file())],
        current: DocumentBatch::of([(&current, false)]),
        by_file: false,
    };
    handle(request, |_| ())
}

/// Learns a model from a few made-up documents and tags a made-up article of about 1,000
/// words with it, twice; how many spans the second time found.
pub fn warm_up_tagger() -> usize {
    let example = Example {
        text: SENTENCE.repeat(REPEATS),
        spans: repeated_spans()
            .map(|(s, e, l)| (s..e, l.to_owned()))
            .collect(),
    };
    let options = TrainOptions {
        epochs: 2,
        models: 1,
        ..TrainOptions::default()
    };
    let Ok(model) = train(&[example.clone(), example], &[], options) else {
        return 0;
    };
    let article = SENTENCE.repeat(90);
    predict(&model, &article, None);
    predict(&model, &article, None).len()
}

/// The made-up documents' sentence, and its spans (code points).
const SENTENCE: &str = "Ana Lima met Omar Haddad in Lisbon before the Harbour Festival. ";
const SPANS: [(usize, usize, &str); 4] = [
    (0, 8, "Person"),
    (13, 24, "Person"),
    (28, 34, "Place"),
    (46, 62, "Event"),
];
/// The sentence's length in code points (it is ASCII, so its length in bytes).
const STEP: usize = SENTENCE.len();
/// Sentences in each made-up document.
const REPEATS: usize = 12;

/// The spans of a made-up document: [`SPANS`] in each of its [`REPEATS`] sentences.
fn repeated_spans() -> impl Iterator<Item = (usize, usize, &'static str)> {
    (0..REPEATS).flat_map(|k| {
        SPANS
            .iter()
            .map(move |&(s, e, l)| (s + k * STEP, e + k * STEP, l))
    })
}

/// A doccano JSONL file of [`DOCUMENTS`] short reports, each with a few spans (code points).
fn made_up_file() -> String {
    let labels: Vec<String> = repeated_spans()
        .map(|(s, e, l)| format!("[{s},{e},\"{l}\"]"))
        .collect();
    let (text, labels) = (SENTENCE.repeat(REPEATS), labels.join(","));
    (0..DOCUMENTS)
        .map(|n| {
            format!(
                "{{\"id\":{n},\"text\":\"{}\",\"label\":[{labels}]}}\n",
                text.trim_end()
            )
        })
        .collect()
}
