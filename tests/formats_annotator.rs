//! Who annotated a document travels in every format with room for it — doccano's metadata,
//! Prodigy's `_annotator_id`, Label Studio's task `meta` and `completed_by`, W3C's `creator` —
//! and comes back when such a file is opened. Offsets are Unicode code points.

use std::rc::Rc;

use article_annotator::formats::export::export;
use article_annotator::formats::open::{open, NamedText, OpenContext};
use article_annotator::formats::Format;
use article_annotator::formats::{label_studio, w3c};
use article_annotator::model::{AnnotatedDocument, Document, LabelSet};

const TEXT: &str = "Ann Lee met Bob Day in Paris.";

fn by(annotator: &str) -> AnnotatedDocument {
    let document = Document::new("m", "Meeting", TEXT).by(Some(annotator.to_owned()));
    let mut annotated = AnnotatedDocument::new(document);
    let person = annotated.labels.by_name("Person").unwrap().id;
    let document = Rc::clone(&annotated.document);
    annotated.store.add(&document, 0..7, person).unwrap();
    annotated
}

fn written(format: Format, annotated: &AnnotatedDocument) -> String {
    let exported = export(format, &[(annotated.clone(), false)], false, 0).unwrap();
    exported.files[0].content.clone()
}

fn opened_annotator(name: &str, content: String) -> Option<String> {
    let labels = LabelSet::default_set();
    let anchor = article_annotator::formats::BaseText {
        id: "m",
        title: "Meeting",
        text: TEXT,
    };
    let context = OpenContext {
        labels: &labels,
        anchor: Some(anchor),
        by_file: false,
    };
    let opened = open(&[NamedText::new(name, content)], context, |_, _| ());
    assert!(opened.refusals.is_empty(), "{:?}", opened.refusals);
    opened.documents[0].0.document.annotator.clone()
}

#[test]
fn each_format_with_room_for_it_writes_the_annotator_and_reads_it_back() {
    let alice = by("alice");
    for (format, name, field) in [
        (Format::Native, "m.json", "\"annotator\": \"alice\""),
        (Format::Doccano, "m.jsonl", "\"annotator\":\"alice\""),
        (
            Format::Prodigy,
            "m.prodigy.jsonl",
            "\"_annotator_id\":\"alice\"",
        ),
        (
            Format::LabelStudio,
            "m.label-studio.json",
            "\"annotator\": \"alice\"",
        ),
        (Format::W3c, "m.jsonld", "\"name\": \"alice\""),
    ] {
        let file = written(format, &alice);
        assert!(file.contains(field), "{format:?}: {file}");
        assert_eq!(
            opened_annotator(name, file),
            Some("alice".to_owned()),
            "{format:?}"
        );
    }
    // Nobody named, nothing written.
    let nobody = AnnotatedDocument::new(Document::new("m", "Meeting", TEXT));
    for format in [
        Format::Doccano,
        Format::Prodigy,
        Format::LabelStudio,
        Format::W3c,
    ] {
        let file = written(format, &nobody);
        let named = ["\"annotator\"", "\"_annotator_id\"", "\"creator\""];
        assert!(
            !named.iter().any(|key| file.contains(key)),
            "{format:?}: {file}"
        );
    }
}

#[test]
fn label_studio_names_a_user_by_email_and_reads_the_user_it_exports() {
    let file = written(Format::LabelStudio, &by("alice@example.org"));
    let tasks: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(
        tasks[0]["annotations"][0]["completed_by"],
        serde_json::json!({"email": "alice@example.org"})
    );
    // A name that is not an address is not a user Label Studio could match.
    let file = written(Format::LabelStudio, &by("alice"));
    assert!(!file.contains("completed_by"), "{file}");
    // An export of Label Studio's own: completed_by as a user object, or a bare number.
    let theirs = |completed_by: &str| {
        format!(
            r#"[{{"id": 7, "data": {{"text": "{TEXT}"}}, "annotations": [{{"completed_by": {completed_by},
            "result": [{{"type": "labels", "value": {{"start": 0, "end": 7, "labels": ["Person"]}}}}]}}]}}]"#
        )
    };
    let read = |completed_by: &str| {
        label_studio::import(&theirs(completed_by), "ls.json").unwrap()[0]
            .annotator
            .clone()
    };
    assert_eq!(
        read(r#"{"id": 1, "email": "bob@example.org", "first_name": "Bob"}"#).as_deref(),
        Some("bob@example.org")
    );
    assert_eq!(read("1"), None);
}

#[test]
fn a_w3c_creator_may_be_a_name_or_an_agent_and_an_iri_names_nobody() {
    let annotation = |creator: &str| {
        format!(
            r#"{{"type": "Annotation", "creator": {creator}, "body": {{"type": "TextualBody", "value": "Person"}},
            "target": {{"selector": {{"type": "TextPositionSelector", "start": 0, "end": 7}}}}}}"#
        )
    };
    let read = |creator: &str| {
        w3c::import(&annotation(creator), TEXT, "m", "Meeting")
            .unwrap()
            .annotator
    };
    assert_eq!(read(r#""carol""#).as_deref(), Some("carol"));
    assert_eq!(
        read(r#"[{"type": "Person", "nickname": "dave"}]"#).as_deref(),
        Some("dave")
    );
    assert_eq!(read(r#""http://example.org/people/1""#), None);
}
