//! The native JSON format: schema, code point offsets, round trip and refusal of bad files.

use article_annotator::default_article;
use article_annotator::formats::native_json::{export, export_compact, import};
use article_annotator::formats::ImportError;
use article_annotator::model::{AnnotatedDocument, Document, LabelId};
use serde_json::Value;

fn annotated(text: &str, spans: &[(&str, LabelId)]) -> AnnotatedDocument {
    let mut annotated = AnnotatedDocument::new(Document::new("doc-1", "A title", text));
    for (needle, label) in spans {
        let byte = text.find(needle).expect("needle");
        let start = annotated
            .document
            .indexed()
            .char_of_byte(byte)
            .expect("boundary");
        let range = start..start + needle.chars().count();
        let document = annotated.document.clone();
        annotated
            .store
            .add(&document, range, *label)
            .expect("added");
    }
    annotated
}

/// Python's `text[start:end]`: slicing by code points.
fn python_slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn export_follows_the_schema_with_code_point_offsets() {
    let text = "😀 “Sergei Shoigu” met 👨🏻\u{200d}🚒 Bagheri in Moscow";
    let doc = annotated(
        text,
        &[
            ("Sergei Shoigu", LabelId(0)),
            ("Bagheri", LabelId(0)),
            ("Moscow", LabelId(1)),
        ],
    );
    let json: Value = serde_json::from_str(&export(&doc).expect("exported")).expect("valid JSON");
    assert_eq!(json["format"], "article-annotator");
    assert_eq!(json["version"], 1);
    assert_eq!(json["offset_unit"], "codepoint");
    assert_eq!(json["document"]["id"], "doc-1");
    assert_eq!(json["document"]["title"], "A title");
    assert_eq!(json["document"]["text"], text);
    assert_eq!(json["labels"][0]["name"], "Person");
    assert_eq!(json["labels"][0]["key"], "1");
    assert!(json["labels"][2]["color"]
        .as_str()
        .is_some_and(|c| c.starts_with('#')));
    let annotations = json["annotations"].as_array().expect("array");
    assert_eq!(annotations.len(), 3);
    assert_eq!(
        annotations[0]["start"], 3,
        "one code point for 😀, not two UTF-16 units"
    );
    for a in annotations {
        let (start, end) = (
            a["start"].as_u64().expect("start"),
            a["end"].as_u64().expect("end"),
        );
        assert_eq!(
            python_slice(text, start, end),
            a["text"].as_str().expect("text")
        );
    }
    assert_eq!(annotations[2]["label"], "Place");
}

#[test]
fn export_then_import_gives_back_the_same_annotations() {
    let text = default_article::TEXT;
    let doc = annotated(
        text,
        &[
            ("Sergei Shoigu", LabelId(0)),
            ("Moscow", LabelId(1)),
            ("Kharbmaidon", LabelId(1)),
        ],
    );
    let back = import(&export(&doc).expect("exported")).expect("imported");
    assert_eq!(back.document.text(), text);
    assert_eq!(back.document.id, doc.document.id);
    assert_eq!(back.labels, doc.labels);
    assert_eq!(
        back.store.iter().collect::<Vec<_>>(),
        doc.store.iter().collect::<Vec<_>>()
    );
}

fn file_with(annotations: &str) -> String {
    format!(
        r##"{{"format":"article-annotator","version":1,"offset_unit":"codepoint",
        "document":{{"id":"d","title":"T","text":"Bagheri 😀 Moscow."}},
        "labels":[{{"name":"Person","color":"#fff","key":"1"}},{{"name":"Place","color":"#eee","key":null}}],
        "annotations":[{annotations}]}}"##
    )
}

#[test]
fn imports_a_valid_hand_written_file() {
    let back = import(&file_with(
        r#"{"id":3,"start":10,"end":16,"label":"Place","text":"Moscow"}"#,
    ))
    .expect("valid");
    let place = back.store.iter().next().expect("one annotation");
    assert_eq!((place.start, place.end, place.label), (10, 16, LabelId(1)));
    assert_eq!(back.labels.by_name("Place").and_then(|l| l.key), None);
}

#[test]
fn refuses_files_whose_offsets_do_not_match_their_text() {
    // UTF-16 offsets (11..17) as doccano would write them select the wrong text.
    let error = import(&file_with(
        r#"{"id":3,"start":11,"end":17,"label":"Place","text":"Moscow"}"#,
    ));
    assert!(matches!(
        error,
        Err(ImportError::TextMismatch {
            annotation: 3,
            found: Some(_),
            ..
        })
    ));
    let error = import(&file_with(
        r#"{"id":4,"start":10,"end":99,"label":"Place","text":"Moscow"}"#,
    ));
    assert!(matches!(
        error,
        Err(ImportError::TextMismatch {
            annotation: 4,
            found: None,
            ..
        })
    ));
    let message = error.expect_err("refused").to_string();
    assert!(message.contains("annotation 4"), "{message}");
}

#[test]
fn refuses_malformed_and_foreign_files_with_a_reason() {
    assert!(matches!(import(""), Err(ImportError::Json(_))));
    assert!(matches!(
        import(r#"{"format": "article-annotator""#),
        Err(ImportError::Json(_))
    ));
    assert!(matches!(
        import(r#"{"text": "doccano"}"#),
        Err(ImportError::Json(_))
    ));
    let other = file_with("").replace("\"article-annotator\"", "\"brat\"");
    assert_eq!(
        import(&other).map(|_| ()),
        Err(ImportError::WrongFormat("brat".into()))
    );
    let utf16 = file_with("").replace("\"codepoint\"", "\"utf16\"");
    assert_eq!(
        import(&utf16).map(|_| ()),
        Err(ImportError::UnsupportedOffsetUnit("utf16".into()))
    );
    let unknown = file_with(r#"{"id":1,"start":0,"end":7,"label":"Org","text":"Bagheri"}"#);
    assert!(matches!(
        import(&unknown),
        Err(ImportError::UnknownLabel { annotation: 1, .. })
    ));
    let wrong_type = file_with(r#"{"id":1,"start":"0","end":7,"label":"Person","text":"Bagheri"}"#);
    assert!(matches!(import(&wrong_type), Err(ImportError::Json(_))));
}

#[test]
fn the_compact_export_is_the_same_data_on_one_line() {
    let doc = annotated("Bagheri in Moscow", &[("Moscow", LabelId(1))]);
    let (pretty, compact) = (
        export(&doc).expect("pretty"),
        export_compact(&doc).expect("compact"),
    );
    assert!(!compact.contains('\n') && compact.len() < pretty.len());
    let (a, b): (Value, Value) = (
        serde_json::from_str(&pretty).expect("a"),
        serde_json::from_str(&compact).expect("b"),
    );
    assert_eq!(a, b);
}

#[test]
fn the_overlap_policy_travels_in_the_file_and_defaults_to_nested() {
    use article_annotator::model::OverlapPolicy;
    let mut doc = annotated("Bagheri in Moscow", &[]);
    doc.store.set_policy(OverlapPolicy::Any);
    let json = export(&doc).expect("exported");
    assert!(json.contains("\"overlap_policy\": \"any\""), "{json}");
    assert_eq!(
        import(&json).expect("imported").store.policy(),
        OverlapPolicy::Any
    );
    let without = import(&file_with("")).expect("imported");
    assert_eq!(without.store.policy(), OverlapPolicy::NestedDifferentLabels);
    let crossing = file_with(
        r#"{"id":1,"start":0,"end":9,"label":"Person","text":"Bagheri 😀"},
           {"id":2,"start":8,"end":16,"label":"Place","text":"😀 Moscow"}"#,
    );
    assert!(matches!(
        import(&crossing),
        Err(ImportError::InvalidSpan { annotation: 2, .. })
    ));
    let allowed = crossing.replace(
        "\"annotations\"",
        "\"overlap_policy\":\"any\",\"annotations\"",
    );
    assert_eq!(import(&allowed).expect("any overlap").store.len(), 2);
}

#[test]
fn export_refuses_to_write_spans_that_do_not_fit_the_text() {
    use article_annotator::formats::ExportError;
    use std::rc::Rc;
    let mut doc = annotated("Bagheri met Shoigu in Moscow", &[("Moscow", LabelId(1))]);
    // The same spans against a shorter text: Moscow (22..28) lies past its end.
    doc.document = Rc::new(Document::new("doc-1", "A title", "Bagheri met Shoigu"));
    let refused = export(&doc).expect_err("refused");
    assert!(matches!(refused, ExportError::OutOfRange(_)));
    assert!(
        refused.to_string().contains("nothing was exported"),
        "{refused}"
    );
}

/// The file as one typed value, read whole: where serde_json finds a mistake in it.
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct WholeFile {
    document: WholeDocument,
    annotations: Vec<WholeSpan>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct WholeDocument {
    id: String,
    title: String,
    text: String,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct WholeSpan {
    id: u32,
    start: usize,
    end: usize,
    label: String,
    text: String,
}

#[test]
fn a_mistake_inside_the_document_or_a_span_is_placed_in_the_whole_file() {
    let document = annotated(
        "Bagheri met Shoigu in Moscow.",
        &[
            ("Bagheri", LabelId(0)),
            ("Shoigu", LabelId(0)),
            ("Moscow", LabelId(1)),
        ],
    );
    // A span's start on a later line of an indented file; the title on the one line of a
    // compact file.
    let indented = export(&document).expect("export");
    let compact = export_compact(&document).expect("export");
    let broken = [
        indented.replacen("\"start\": 12", "\"start\": \"twelve\"", 1),
        compact.replacen("\"title\":\"A title\"", "\"title\":5", 1),
    ];
    for file in broken {
        let whole = serde_json::from_str::<WholeFile>(&file)
            .err()
            .expect("the whole file is refused");
        let Err(ImportError::Json(message)) = import(&file) else {
            panic!("not refused as JSON: {file}");
        };
        assert_eq!(message, whole.to_string());
        assert!(message.contains(" at line "), "{message}");
    }
}

#[test]
fn a_file_whose_parts_come_in_another_order_opens_the_same() {
    // As written by hand: the spans first, the header last.
    let span = r#"{"id":3,"start":10,"end":16,"label":"Place","text":"Moscow"}"#;
    let reordered = format!(
        r##"{{"annotations":[{span}],
        "labels":[{{"name":"Person","color":"#fff","key":"1"}},{{"name":"Place","color":"#eee","key":null}}],
        "document":{{"id":"d","title":"T","text":"Bagheri 😀 Moscow."}},
        "offset_unit":"codepoint","version":1,"format":"article-annotator"}}"##
    );
    let written = import(&file_with(span)).expect("the order written");
    let back = import(&reordered).expect("another order");
    assert_eq!(back.document.text(), written.document.text());
    let spans = |a: &AnnotatedDocument| -> Vec<_> {
        a.store
            .iter()
            .map(|s| (s.id, s.start, s.end, s.label))
            .collect()
    };
    assert_eq!(spans(&back), spans(&written));
    // Its spans are checked all the same, and the header is judged first.
    let mismatch = reordered.replace("\"end\":16", "\"end\":15");
    assert!(matches!(
        import(&mismatch),
        Err(ImportError::TextMismatch { annotation: 3, .. })
    ));
    let foreign = mismatch.replace("\"article-annotator\"", "\"brat\"");
    assert_eq!(
        import(&foreign).map(|_| ()),
        Err(ImportError::WrongFormat("brat".into()))
    );
    // A key given twice is refused, as a missing one is.
    let twice = file_with(span).replacen("\"version\":1,", "\"version\":1,\"version\":1,", 1);
    let Err(ImportError::Json(message)) = import(&twice) else {
        panic!("a duplicate key was taken");
    };
    assert!(message.contains("duplicate field `version`"), "{message}");
    let missing = file_with(span).replacen("\"version\":1,", "", 1);
    let Err(ImportError::Json(message)) = import(&missing) else {
        panic!("a missing key was not refused");
    };
    assert!(message.contains("missing field `version`"), "{message}");
}
