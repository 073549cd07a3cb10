//! The converters' protocol, as the page's worker runs it: requests and answers are values
//! that cross as structured data (here through serde, as serde-wasm-bindgen carries them),
//! documents as their text, labels and spans with code point offsets.
#![cfg(not(target_arch = "wasm32"))]

use article_annotator::formats::dataset_format::EXPORT_FORMATS;
use article_annotator::formats::open::{self, NamedText, OpenContext};
use article_annotator::formats::overlaps::SkippedSpan;
use article_annotator::formats::protocol::{
    handle, DocumentBatch, DocumentData, Request, Response, BATCH_TEXT_BYTES,
};
use article_annotator::formats::{native_json, Format};

fn golden(name: &str) -> String {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("golden file")
}

fn mini() -> DocumentData {
    let annotated = native_json::import(&golden("mini.annotations.json")).expect("golden");
    DocumentData::of(&annotated, false)
}

/// Sends a value across as data, the way the worker's messages go.
fn crossed<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
    serde_json::from_str(&serde_json::to_string(value).expect("sent")).expect("received")
}

/// Runs a request the way the worker does: the request and every answer cross as data. The
/// answers before the last one are given too.
fn ask_with_interims(request: &Request) -> (Response, Vec<Response>) {
    let mut interims = Vec::new();
    let answer = handle(crossed(request), |interim| interims.push(crossed(&interim)));
    (crossed(&answer), interims)
}

/// The last answer to a request.
fn ask(request: &Request) -> Response {
    ask_with_interims(request).0
}

/// The documents an open sent before its last answer, in order.
fn documents_of(interims: Vec<Response>) -> Vec<DocumentData> {
    interims
        .into_iter()
        .flat_map(|interim| match interim {
            Response::Documents(batch) => batch.unpack().expect("unpacked"),
            _ => Vec::new(),
        })
        .collect()
}

#[test]
fn an_export_answers_with_the_files_and_the_spans_left_out() {
    let request = Request::Export {
        format: Format::Bilou,
        documents: DocumentBatch::pack(&[mini()]),
        corpus: false,
        current: 0,
    };
    let Response::Exported(exported) = ask(&request) else {
        panic!("exported");
    };
    assert_eq!(exported.files.len(), 1);
    assert_eq!(exported.files[0].name, "mini.bilou.conll");
    assert_eq!(exported.files[0].content, golden("mini.bilou.conll"));
    assert_eq!(
        exported.left_out,
        [SkippedSpan {
            document: "mini".into(),
            title: "A mini article".into(),
            label: "Place".into(),
            text: "Moscow".into(),
            start: 87,
            end: 93
        }]
    );
}

#[test]
fn an_open_answers_with_the_checked_documents_and_where_they_came_from() {
    let request = Request::Open {
        files: vec![
            NamedText::new("notes.txt", "unrelated"),
            NamedText::new("mini.ann", golden("mini.ann")),
            NamedText::new("mini.txt", golden("mini.txt")),
        ],
        current: DocumentBatch::pack(&[mini()]),
        by_file: false,
    };
    let (answer, interims) = ask_with_interims(&request);
    let Response::Opened { sources, refusals } = answer else {
        panic!("opened");
    };
    let documents = documents_of(interims);
    assert_eq!(refusals, Vec::<String>::new());
    assert_eq!(
        sources,
        [
            "notes.txt (Plain text)",
            "mini.ann (brat standoff (.txt + .ann))"
        ]
    );
    let opened: Vec<_> = documents
        .into_iter()
        .map(|data| data.into_annotated().expect("a document").0)
        .collect();
    let titles: Vec<&str> = opened.iter().map(|a| a.document.title.as_str()).collect();
    assert_eq!(
        titles,
        ["unrelated", "mini"],
        "the .txt of the .ann is not a document"
    );
    assert_eq!(opened[0].store.len(), 0);
    assert_eq!(opened[1].store.len(), 8);
    let back = native_json::export(&opened[1]).expect("written");
    assert!(back.contains("\"text\": \"Sergei Shoigu\""));
}

#[test]
fn a_corpus_opens_in_batches_of_limited_text_in_file_order_with_progress() {
    let text = "Sergei Shoigu met Hossein Dehghan in Tehran. ".repeat(100);
    let corpus: String = (0..200)
        .map(|i| {
            format!("{{\"id\": {i}, \"text\": \"{text}\", \"label\": [[0, 13, \"Person\"]]}}\n")
        })
        .collect();
    let request = Request::Open {
        files: vec![NamedText::new("corpus.jsonl", corpus)],
        current: DocumentBatch::pack(&[mini()]),
        by_file: false,
    };
    let (answer, interims) = ask_with_interims(&request);
    assert!(matches!(answer, Response::Opened { .. }));
    let batches: Vec<Vec<DocumentData>> = interims
        .iter()
        .filter_map(|interim| match interim {
            Response::Documents(batch) => Some(batch.unpack().expect("unpacked")),
            _ => None,
        })
        .collect();
    assert!(batches.len() > 1, "{} batches", batches.len());
    for batch in &batches {
        let bytes: usize = batch.iter().map(|d| d.text.len()).sum();
        let last = batch.last().map_or(0, |d| d.text.len());
        assert!(
            bytes - last < BATCH_TEXT_BYTES,
            "a batch goes on only below the limit"
        );
    }
    let ids: Vec<String> = batches
        .iter()
        .flat_map(|b| b.iter().map(|d| d.id.clone()))
        .collect();
    assert_eq!(ids, (0..200).map(|i| i.to_string()).collect::<Vec<_>>());
    let last_progress = interims.iter().rev().find_map(|interim| match interim {
        Response::Progress { done, total } => Some((*done, *total)),
        _ => None,
    });
    assert_eq!(last_progress, Some((200, 200)));
    let reports = interims
        .iter()
        .filter(|interim| matches!(interim, Response::Progress { .. }))
        .count();
    assert!(
        (2..=50).contains(&reports),
        "{reports} progress messages for 200 documents"
    );
}

#[test]
fn a_corpus_exports_as_one_file_or_as_files_per_document() {
    let mut other = mini();
    other.id = "other".into();
    let ask_for = |format: Format| {
        let request = Request::Export {
            format,
            documents: DocumentBatch::pack(&[mini(), other.clone()]),
            corpus: true,
            current: 0,
        };
        let Response::Exported(exported) = ask(&request) else {
            panic!("exported");
        };
        (exported.files, exported.left_out)
    };
    let (files, left_out) = ask_for(Format::Iob2);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].name, "corpus.iob2.conll");
    let one = golden("mini.iob2.conll");
    assert_eq!(files[0].content.matches("-DOCSTART-").count(), 2);
    assert!(
        files[0].content.starts_with(&one),
        "the first document as on its own"
    );
    assert_eq!(left_out.len(), 2, "the nested Place of each document");
    let (files, _) = ask_for(Format::Brat);
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["mini.txt", "mini.ann", "other.txt", "other.ann"]);
    // Every format writes both documents; native JSON as the workspace file.
    for format in EXPORT_FORMATS {
        let (files, _) = ask_for(format);
        let all: String = files.iter().map(|f| f.content.as_str()).collect();
        assert!(
            all.matches("Sergei").count() >= 2,
            "{}: {all}",
            format.name()
        );
    }
    assert_eq!(ask_for(Format::Native).0[0].name, "corpus.workspace.json");
}

#[test]
fn failures_come_back_as_messages() {
    let request = Request::Open {
        files: vec![NamedText::new(
            "bad.jsonl",
            "{\"text\": \"Iran\", \"label\": [[0, 9, \"Place\"]]}",
        )],
        current: DocumentBatch::pack(&[mini()]),
        by_file: false,
    };
    let (answer, interims) = ask_with_interims(&request);
    let Response::Opened { refusals, .. } = answer else {
        panic!("answered");
    };
    let documents = documents_of(interims);
    assert!(documents.is_empty());
    assert_eq!(
        refusals,
        ["bad.jsonl was not opened: line 1, span 1 (Place 0–9): its offsets lie outside the text (4 code points)"]
    );
    let mut broken = mini();
    broken.spans.push((99, 0, 6, 42));
    let unknown_label = Request::Export {
        format: Format::Doccano,
        documents: DocumentBatch::pack(&[broken]),
        corpus: false,
        current: 0,
    };
    assert_eq!(
        ask(&unknown_label),
        Response::Failed {
            message: "annotation 99 uses the undefined label \"#42\"".into()
        }
    );
    assert!(serde_json::from_str::<Request>("{\"Delete\": {}}").is_err());
}

#[test]
fn documents_cross_packed_and_a_damaged_batch_is_refused() {
    let packed = DocumentBatch::pack(&[mini(), mini()]);
    assert_eq!(
        crossed(&packed).unpack().expect("unpacked"),
        [mini(), mini()]
    );
    let damaged: DocumentBatch = serde_json::from_str("[2, 4, 109]").expect("bytes");
    let error = damaged.unpack().expect_err("refused");
    assert!(
        error
            .to_string()
            .contains("the documents did not cross whole"),
        "{error}"
    );
}

#[test]
fn the_page_opens_its_own_format_as_the_pipeline_does_and_nothing_else() {
    let current = mini().into_annotated().expect("mini").0;
    let context = OpenContext::beside(&current);
    let native = NamedText::new("mini.json", golden("mini.annotations.json"));
    let files = [native.clone(), native];
    let in_page = open::open_native(&files, false).expect("opened in the page");
    assert_eq!(in_page, open::open(&files, context, |_, _| ()));
    assert_eq!(in_page.documents.len(), 2);
    // Any other format, and a refused file, are the worker's, which says why in full.
    let doccano = NamedText::new(
        "corpus.jsonl",
        "{\"text\": \"Iran\", \"label\": [[0, 4, \"Place\"]]}",
    );
    assert_eq!(open::open_native(&[files[0].clone(), doccano], false), None);
    let cut = golden("mini.annotations.json").replace("\"Sergei Shoigu\"", "\"Sergei\"");
    assert_eq!(
        open::open_native(&[NamedText::new("cut.json", cut)], false),
        None
    );
    let mut other = mini();
    other.id = "other".into();
    let Response::Exported(exported) = ask(&Request::Export {
        format: Format::Native,
        documents: DocumentBatch::pack(&[mini(), other]),
        corpus: true,
        current: 0,
    }) else {
        panic!("exported");
    };
    let workspace = NamedText::new("corpus.workspace.json", exported.files[0].content.clone());
    assert_eq!(
        open::open_native(&[workspace], false),
        None,
        "its progress is shown from the worker"
    );
}

#[test]
fn the_workers_warm_up_opens_its_made_up_file_whole() {
    let answer = article_annotator::formats::warm_up::warm_up();
    assert_eq!(
        answer,
        Response::Opened {
            sources: vec!["warm-up.jsonl (doccano JSONL)".to_owned()],
            refusals: Vec::new(),
        }
    );
}

#[test]
fn the_workers_tagger_warm_up_learns_and_finds_its_made_up_names() {
    // 90 sentences of four names each: a model that learned nothing would find none.
    let found = article_annotator::formats::warm_up::warm_up_tagger();
    assert_eq!(found, 360);
}
