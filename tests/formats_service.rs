//! The converters' request/response protocol, as the page's worker runs it: requests and
//! responses cross as flat lists of strings, documents as native JSON with code point offsets.
#![cfg(not(target_arch = "wasm32"))]

use article_annotator::formats::dataset_format::EXPORT_FORMATS;
use article_annotator::formats::service::{handle, LeftOut, NamedText, Request, Response};
use article_annotator::formats::{native_json, Format};

fn golden(name: &str) -> String {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("golden file")
}

/// Runs a request the way the worker does: through its parts and back.
fn ask(request: &Request) -> Response {
    let request = Request::from_parts(request.to_parts()).expect("a readable request");
    Response::from_parts(&handle(request).to_parts())
}

#[test]
fn an_export_answers_with_the_files_and_the_spans_left_out() {
    let request = Request::Export {
        format: "bilou".into(),
        documents: vec![golden("mini.annotations.json")],
    };
    let Response::Exported { files, left_out } = ask(&request) else {
        panic!("exported");
    };
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].name, "mini.bilou.conll");
    assert_eq!(files[0].content, golden("mini.bilou.conll"));
    assert_eq!(
        left_out,
        [LeftOut {
            document: "A mini article".into(),
            label: "Place".into(),
            text: "Moscow".into(),
            start: 87,
            end: 93
        }]
    );
}

#[test]
fn an_import_answers_with_the_document_as_native_json_and_a_message() {
    let request = Request::Import {
        files: vec![
            NamedText {
                name: "notes.txt".into(),
                content: "unrelated".into(),
            },
            NamedText {
                name: "mini.ann".into(),
                content: golden("mini.ann"),
            },
            NamedText {
                name: "mini.txt".into(),
                content: golden("mini.txt"),
            },
        ],
        current: golden("mini.annotations.json"),
    };
    let Response::Imported {
        documents,
        sources,
        refusals,
    } = ask(&request)
    else {
        panic!("imported");
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
        .iter()
        .map(|json| native_json::import(json).expect("native JSON"))
        .collect();
    let titles: Vec<&str> = opened.iter().map(|a| a.document.title.as_str()).collect();
    assert_eq!(
        titles,
        ["unrelated", "mini"],
        "the .txt of the .ann is not a document"
    );
    assert_eq!(opened[0].store.len(), 0);
    assert_eq!(opened[1].store.len(), 8);
}

#[test]
fn a_corpus_exports_as_one_file_or_as_files_per_document() {
    let mini = golden("mini.annotations.json");
    let other = mini.replace("\"id\":\"mini\"", "\"id\":\"other\"");
    let other = other.replace("\"id\": \"mini\"", "\"id\": \"other\"");
    let ask_for = |format: &str| {
        let request = Request::Export {
            format: format.into(),
            documents: vec![mini.clone(), other.clone()],
        };
        let Response::Exported { files, left_out } = ask(&request) else {
            panic!("exported");
        };
        (files, left_out)
    };
    let (files, left_out) = ask_for("iob2");
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].name, "corpus.iob2.conll");
    let one = golden("mini.iob2.conll");
    assert_eq!(files[0].content.matches("-DOCSTART-").count(), 2);
    assert!(
        files[0].content.starts_with(&one),
        "the first document as on its own"
    );
    assert_eq!(left_out.len(), 2, "the nested Place of each document");
    let (files, _) = ask_for("brat");
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["mini.txt", "mini.ann", "other.txt", "other.ann"]);
    // Every dataset format writes both documents.
    for format in EXPORT_FORMATS.iter().filter(|f| **f != Format::Native) {
        let (files, _) = ask_for(format.name());
        let all: String = files.iter().map(|f| f.content.as_str()).collect();
        assert!(
            all.matches("Sergei").count() >= 2,
            "{}: {all}",
            format.name()
        );
    }
}

#[test]
fn failures_come_back_as_messages() {
    let request = Request::Import {
        files: vec![NamedText {
            name: "bad.jsonl".into(),
            content: "{\"text\": \"Iran\", \"label\": [[0, 9, \"Place\"]]}".into(),
        }],
        current: golden("mini.annotations.json"),
    };
    assert_eq!(
        ask(&request),
        Response::Failed {
            message: "bad.jsonl was not opened: line 1, span 1 (Place 0–9): its offsets lie outside the text (4 code points)".into()
        }
    );
    let unknown = Request::Export {
        format: "yaml".into(),
        documents: vec![golden("mini.annotations.json")],
    };
    assert_eq!(
        ask(&unknown),
        Response::Failed {
            message: "unknown format \"yaml\"".into()
        }
    );
    assert_eq!(
        Request::from_parts(vec!["import".into(), "{}".into(), "odd.txt".into()]),
        None
    );
    assert_eq!(Request::from_parts(vec!["delete".into()]), None);
    assert!(matches!(
        Response::from_parts(&["exported".into(), "2".into(), "a.txt".into()]),
        Response::Failed { .. }
    ));
}
