//! A small open the converters' worker runs once as it starts, before any file comes. The
//! browser first runs WebAssembly in a quick baseline tier and optimizes the functions that run
//! often; without this, the user's first file (picked a moment after pointing at Open…, which
//! starts the worker) met parsing code that ran about three times slower than the second time.
//! Measured on the 1,000-article corpus (3.2 MB), picked 500 ms after pointing at Open…: listed
//! after 360-470 ms without, 267-308 ms with 400 documents (120 gave 308-382); picked at once,
//! 464 ms without and 316 ms with.

use super::open::NamedText;
use super::protocol::{handle, DocumentBatch, Request, Response};
use crate::model::{AnnotatedDocument, Document};

/// Documents in the warm-up file (about 300 KB): enough for the hot loops to be optimized.
const DOCUMENTS: usize = 400;

/// Opens a made-up doccano file the way a real one is opened and forgets its documents; the
/// open's last answer.
pub fn warm_up() -> Response {
    let current = AnnotatedDocument::new(Document::new("warm-up", "Warm-up", "Warm-up."));
    let request = Request::Open {
        files: vec![NamedText::new("warm-up.jsonl", made_up_file())],
        current: DocumentBatch::of([(&current, false)]),
    };
    handle(request, |_| ())
}

/// A doccano JSONL file of [`DOCUMENTS`] short reports, each with a few spans (code points).
fn made_up_file() -> String {
    let sentence = "Ana Lima met Omar Haddad in Lisbon before the Harbour Festival. ";
    let spans = [
        (0, 8, "Person"),
        (13, 24, "Person"),
        (28, 34, "Place"),
        (46, 62, "Event"),
    ];
    let step = sentence.chars().count();
    let labels: Vec<String> = (0..12)
        .flat_map(|k| {
            spans
                .iter()
                .map(move |(s, e, l)| (s + k * step, e + k * step, l))
        })
        .map(|(s, e, l)| format!("[{s},{e},\"{l}\"]"))
        .collect();
    let (text, labels) = (sentence.repeat(12), labels.join(","));
    (0..DOCUMENTS)
        .map(|n| {
            format!(
                "{{\"id\":{n},\"text\":\"{}\",\"label\":[{labels}]}}\n",
                text.trim_end()
            )
        })
        .collect()
}
