//! The converters' protocol, as the page's worker runs it: requests and answers are values
//! that cross as structured data (here through serde, as serde-wasm-bindgen carries them),
//! documents as their text, labels and spans with code point offsets.
#![cfg(not(target_arch = "wasm32"))]

use article_annotator::formats::dataset_format::EXPORT_FORMATS;
use article_annotator::formats::open::NamedText;
use article_annotator::formats::overlaps::SkippedSpan;
use article_annotator::formats::protocol::{handle, DocumentData, Request, Response};
use article_annotator::formats::{native_json, Format};

fn golden(name: &str) -> String {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("golden file")
}

fn mini() -> DocumentData {
    let annotated = native_json::import(&golden("mini.annotations.json")).expect("golden");
    DocumentData::of(&annotated, false)
}

/// Runs a request the way the worker does: the request and the answer cross as data.
fn ask(request: &Request) -> Response {
    let crossed: Request =
        serde_json::from_str(&serde_json::to_string(request).expect("sent")).expect("received");
    let answer = handle(crossed, |_, _| ());
    serde_json::from_str(&serde_json::to_string(&answer).expect("sent")).expect("received")
}

#[test]
fn an_export_answers_with_the_files_and_the_spans_left_out() {
    let request = Request::Export {
        format: Format::Bilou,
        documents: vec![mini()],
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
        current: mini(),
    };
    let Response::Opened {
        documents,
        sources,
        refusals,
    } = ask(&request)
    else {
        panic!("opened");
    };
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
fn a_corpus_exports_as_one_file_or_as_files_per_document() {
    let mut other = mini();
    other.id = "other".into();
    let ask_for = |format: Format| {
        let request = Request::Export {
            format,
            documents: vec![mini(), other.clone()],
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
        current: mini(),
    };
    let Response::Opened {
        documents,
        refusals,
        ..
    } = ask(&request)
    else {
        panic!("answered");
    };
    assert!(documents.is_empty());
    assert_eq!(
        refusals,
        ["bad.jsonl was not opened: line 1, span 1 (Place 0–9): its offsets lie outside the text (4 code points)"]
    );
    let mut broken = mini();
    broken.spans.push((99, 0, 6, 42));
    let unknown_label = Request::Export {
        format: Format::Doccano,
        documents: vec![broken],
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
