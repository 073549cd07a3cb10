//! Files in exactly the shape real tools write them, built from their documented formats:
//! Label Studio's editor export (a span's text with each line break written as `\n`) and its
//! JSON_MIN export; and a file no format fits, which names every format tried and why not.
//! Offsets are Unicode code points.

use article_annotator::formats::open::{open, NamedText, OpenContext};
use article_annotator::formats::FormatError;
use article_annotator::model::{AnnotatedDocument, LabelSet};

fn opened(name: &str, content: &str) -> Result<Vec<AnnotatedDocument>, FormatError> {
    let labels = LabelSet::default_set();
    let context = OpenContext {
        labels: &labels,
        anchor: None,
        by_file: false,
    };
    let mut opened = open(&[NamedText::new(name, content)], context, |_, _| ());
    match opened.refusals.pop() {
        Some(refusal) => Err(refusal.error),
        None => Ok(opened.documents.into_iter().map(|(d, _)| d).collect()),
    }
}

fn spans(document: &AnnotatedDocument) -> Vec<(String, String)> {
    document
        .annotations_with_text()
        .unwrap()
        .into_iter()
        .map(|(a, text)| (text.to_owned(), document.labels.name_of(a.label).to_owned()))
        .collect()
}

#[test]
fn label_studio_editor_exports_with_line_breaks_written_as_backslash_n_open() {
    // Label Studio 1.23's editor: "Red\r\nSquare" is written "Red\\n\\nSquare", "Big\rBen"
    // "Big\\nBen"; start and end count the characters themselves.
    let export = r#"[{"id": 7, "data": {"text": "At Red\r\nSquare stood Big\rBen."},
      "annotations": [{"id": 3, "completed_by": 1, "was_cancelled": false, "result": [
        {"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
         "value": {"start": 3, "end": 14, "text": "Red\\n\\nSquare", "labels": ["Place"]}},
        {"id": "b", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
         "value": {"start": 21, "end": 28, "text": "Big\\nBen", "labels": ["Place"]}}]}]}]"#;
    let documents = opened("project-1.json", export).expect("opened");
    assert_eq!(
        spans(&documents[0]),
        [
            ("Red\r\nSquare".to_owned(), "Place".to_owned()),
            ("Big\rBen".to_owned(), "Place".to_owned())
        ]
    );
    // A text that differs otherwise is still refused, naming the span.
    let wrong = export.replace("Big\\\\nBen", "Big Ben");
    let message = opened("project-1.json", &wrong).unwrap_err().to_string();
    assert!(message.contains("span 2 (Place 21–28)"), "{message}");
}

#[test]
fn label_studio_json_min_exports_open() {
    let export = r#"[
      {"id": 1, "text": "Sergei Shoigu met Bagheri in Moscow.",
       "label": [{"start": 0, "end": 13, "text": "Sergei Shoigu", "labels": ["Person"]},
                 {"start": 29, "end": 35, "text": "Moscow", "labels": ["Place"]}],
       "annotator": "alice@example.org", "annotation_id": 4, "created_at": "2026-12-01T10:00:00Z",
       "updated_at": "2026-12-01T10:01:00Z", "lead_time": 12.5},
      {"id": 2, "text": "Nobody labeled this one.", "annotation_id": 5}
    ]"#;
    let documents = opened("project-1-min.json", export).expect("opened");
    assert_eq!(documents.len(), 2);
    assert_eq!(
        spans(&documents[0]),
        [
            ("Sergei Shoigu".to_owned(), "Person".to_owned()),
            ("Moscow".to_owned(), "Place".to_owned())
        ]
    );
    assert_eq!(
        documents[0].document.annotator.as_deref(),
        Some("alice@example.org")
    );
    assert_eq!(documents[0].document.id, "1");
    assert!(documents[1].store.is_empty());
}

#[test]
fn a_file_no_format_fits_says_what_was_tried_and_why_each_did_not_fit() {
    let message = opened(
        "export.json",
        r#"[{"sentence": "Iran", "tags": ["B-LOC"]}]"#,
    )
    .unwrap_err()
    .to_string();
    for said in [
        "export.json is in no format this app reads",
        "native JSON: no \"format\" field; its first item has the keys sentence, tags",
        "Label Studio JSON: no task \"data\"",
        "W3C Web Annotation: no \"@context\"",
        "spaCy training offsets: not a list of [text, {\"entities\": …}] pairs",
        "doccano and Prodigy: they are one JSON object per line",
    ] {
        assert!(message.contains(said), "{said:?} not in {message}");
    }
    let message = opened("notes.xyz", "just words").unwrap_err().to_string();
    assert!(
        message.contains("by its name: it does not end in one of .txt"),
        "{message}"
    );
    assert!(
        message.contains("the JSON formats: it is not JSON"),
        "{message}"
    );
    // A JSON file that breaks is still told where it breaks.
    let message = opened("cut.json", r#"[{"data": {"text": "Ir"#)
        .unwrap_err()
        .to_string();
    assert!(message.contains("not valid JSON"), "{message}");
}

/// Opens a brat pair; the documents and how each file was described.
fn brat(text: &str, ann: &str) -> Result<(Vec<AnnotatedDocument>, Vec<String>), FormatError> {
    let labels = LabelSet::default_set();
    let context = OpenContext {
        labels: &labels,
        anchor: None,
        by_file: false,
    };
    let files = [
        NamedText::new("crlf.txt", text),
        NamedText::new("crlf.ann", ann),
    ];
    let mut opened = open(&files, context, |_, _| ());
    match opened.refusals.pop() {
        Some(refusal) => Err(refusal.error),
        None => Ok((
            opened.documents.into_iter().map(|(d, _)| d).collect(),
            opened.sources,
        )),
    }
}

#[test]
fn a_brat_1_3_ann_on_a_crlf_text_opens_with_crlf_read_as_one_character() {
    let text = "Iran and Russia\r\nmet in Moscow.\r\nThe Moscow Summit\r\nopened.\r\n";
    // brat 1.3 (Python 2, universal newlines): "\r\n" is one character.
    let brat_13 =
        "T1\tPlace 0 4\tIran\nT2\tPlace 23 29\tMoscow\nT3\tEvent 31 48\tThe Moscow Summit\n";
    let (documents, sources) = brat(text, brat_13).expect("opened");
    let expected = [
        ("Iran".to_owned(), "Place".to_owned()),
        ("Moscow".to_owned(), "Place".to_owned()),
        ("The Moscow Summit".to_owned(), "Event".to_owned()),
    ];
    assert_eq!(spans(&documents[0]), expected);
    assert_eq!(
        documents[0].document.text(),
        text,
        "the text stays as it was"
    );
    assert_eq!(
        sources,
        ["crlf.ann (brat standoff (.txt + .ann); its offsets count each \\r\\n as one character, as brat 1.3 reads the text)"]
    );
    // Newer brat (Python 3) counts both characters: read as written, and said as usual.
    let brat_3 =
        "T1\tPlace 0 4\tIran\nT2\tPlace 24 30\tMoscow\nT3\tEvent 33 50\tThe Moscow Summit\n";
    let (documents, sources) = brat(text, brat_3).expect("opened");
    assert_eq!(spans(&documents[0]), expected);
    assert_eq!(sources, ["crlf.ann (brat standoff (.txt + .ann))"]);
    // Offsets that fit neither reading are refused, naming the line as written.
    let neither = "T1\tPlace 0 4\tIran\nT2\tPlace 25 31\tMoscow\n";
    let message = brat(text, neither).unwrap_err().to_string();
    assert!(message.contains("line 2"), "{message}");
}

#[test]
fn brat_is_written_with_lf_line_ends_so_every_brat_reads_the_same_offsets() {
    use article_annotator::formats::export::export;
    use article_annotator::formats::Format;
    let text = "Iran and Russia\r\nmet in Moscow.\r\n";
    let labels = LabelSet::default_set();
    let mut annotated =
        AnnotatedDocument::new(article_annotator::model::Document::new("d", "D", text));
    let place = labels.by_name("Place").unwrap().id;
    let document = std::rc::Rc::clone(&annotated.document);
    annotated.store.add(&document, 24..30, place).unwrap();
    let files = export(Format::Brat, &[(annotated, false)], false, 0)
        .unwrap()
        .files;
    assert_eq!(files[0].content, "Iran and Russia\nmet in Moscow.\n");
    assert_eq!(files[1].content, "T1\tPlace 23 29\tMoscow\n");
}

#[test]
fn w3c_json_ld_framed_or_flattened_by_a_processor_opens() {
    use article_annotator::formats::w3c;
    let text = "Iran met Russia.";
    let spans_of = |json: &str| -> Vec<(usize, usize, String)> {
        w3c::import(json, text, "d", "D")
            .unwrap()
            .spans
            .into_iter()
            .map(|s| (s.start, s.end, s.label))
            .collect()
    };
    let expected = vec![(0, 4, "Place".to_owned()), (9, 15, "Place".to_owned())];
    // Framed (as pyld's frame writes it): the annotations under @graph, nodes embedded.
    let framed = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "@graph": [
      {"id": "urn:a:1", "type": "Annotation", "motivation": "tagging",
       "body": {"type": "TextualBody", "value": "Place", "purpose": "tagging"},
       "target": {"source": "urn:d", "selector": [{"type": "TextPositionSelector", "start": 0, "end": 4}]}},
      {"id": "urn:a:2", "type": "Annotation",
       "body": {"type": "TextualBody", "value": "Place", "purpose": "tagging"},
       "target": {"source": "urn:d", "selector": {"type": "TextPositionSelector", "start": 9, "end": 15}}}]}"#;
    assert_eq!(spans_of(framed), expected);
    // Flattened (as pyld's flatten writes it): every node under @graph, sorted by id, bodies,
    // targets and selectors as references, the collection and its page among them.
    let flattened = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "@graph": [
      {"id": "_:b0", "type": "TextualBody", "value": "Place", "purpose": "tagging"},
      {"id": "_:b1", "selector": ["_:b2", "_:b3"], "source": "urn:d"},
      {"id": "_:b2", "type": "TextQuoteSelector", "exact": "Iran"},
      {"id": "_:b3", "type": "TextPositionSelector", "start": 0, "end": 4},
      {"id": "_:b4", "type": "TextualBody", "value": "Place", "purpose": "tagging"},
      {"id": "_:b5", "selector": {"id": "_:b6"}, "source": "urn:d"},
      {"id": "_:b6", "type": "TextPositionSelector", "start": 9, "end": 15},
      {"id": "urn:a:1", "type": "Annotation", "body": "_:b0", "target": "_:b1"},
      {"id": "urn:a:2", "type": "Annotation", "body": {"id": "_:b4"}, "target": ["_:b5"]},
      {"id": "urn:c", "type": "AnnotationCollection", "first": "urn:c:page-1"},
      {"id": "urn:c:page-1", "type": "AnnotationPage", "items": {"@list": ["urn:a:1", "urn:a:2"]}}]}"#;
    assert_eq!(spans_of(flattened), expected);
}
