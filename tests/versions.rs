//! Versions of one document by several annotators and a curator: how the workspace keeps them
//! apart, matches them, names who made each, and how the native format, the browser store's
//! records and the worker's batches carry the annotator and the provenance. Offsets are Unicode
//! code points.

use std::rc::Rc;

use article_annotator::agreement::curation;
use article_annotator::agreement::merge::Strategy;
use article_annotator::agreement::{spans_of, Span};
use article_annotator::formats::history_json::{read_record, write_record};
use article_annotator::formats::native_json::{self, ImportError};
use article_annotator::formats::protocol::DocumentBatch;
use article_annotator::formats::workspace_file;
use article_annotator::model::{
    AnnotatedDocument, Document, LabelSet, OverlapPolicy, Workspace, UNNAMED,
};

const TEXT: &str = "Ann Lee met Bob Day in Paris.";

fn version(
    id: &str,
    text: &str,
    annotator: Option<&str>,
    spans: &[(usize, usize)],
) -> AnnotatedDocument {
    let document = Document::new(id, "Meeting", text).by(annotator.map(str::to_owned));
    let mut annotated = AnnotatedDocument::new(document);
    let person = annotated.labels.by_name("Person").unwrap().id;
    for (start, end) in spans {
        let document = Rc::clone(&annotated.document);
        annotated
            .store
            .add(&document, *start..*end, person)
            .unwrap();
    }
    annotated
}

fn workspace_of(versions: Vec<AnnotatedDocument>) -> Workspace {
    let documents = versions.into_iter().map(|v| (v, false)).collect();
    Workspace::from_saved(LabelSet::default_set(), documents, 0).unwrap()
}

#[test]
fn versions_by_different_annotators_keep_their_id_and_the_same_annotators_twice_do_not() {
    let workspace = workspace_of(vec![
        version("m", TEXT, None, &[(0, 7)]),
        version("m", TEXT, Some("bob"), &[(12, 19)]),
        version("m", TEXT, Some("bob"), &[]),
        version("other", "Another text.", None, &[]),
    ]);
    let ids: Vec<&str> = workspace
        .entries()
        .iter()
        .map(|e| e.document.id.as_str())
        .collect();
    assert_eq!(ids, ["m", "m", "m-2", "other"]);
    let versions = workspace.versions(1);
    assert_eq!(versions.annotated, [0, 1, 2]);
    assert_eq!(versions.curated, None);
    // The user's own document takes part once annotated: this one has no span yet.
    assert!(workspace.versions(3).annotated.is_empty());
    assert!(workspace.is_compared(0) && workspace.is_compared(2));
    assert!(!workspace.is_compared(3));
}

#[test]
fn the_users_versions_go_by_their_name_and_a_file_of_theirs_is_their_own() {
    let mut workspace = workspace_of(vec![version("m", TEXT, Some("bob"), &[])]);
    let own = version("m", TEXT, None, &[]);
    assert_eq!(workspace.annotator_of(&own.document), UNNAMED);
    assert!(workspace.set_annotator("  alice "));
    assert!(!workspace.set_annotator("alice"));
    assert_eq!(workspace.annotator_of(&own.document), "alice");
    workspace
        .add(vec![(version("m", TEXT, Some("alice"), &[(0, 7)]), false)])
        .unwrap();
    assert_eq!(workspace.entries()[1].document.annotator, None);
    let groups: Vec<(String, usize)> = workspace
        .by_annotator()
        .into_iter()
        .map(|(name, documents)| (name, documents.len()))
        .collect();
    assert_eq!(groups, [("bob".to_owned(), 1), ("alice".to_owned(), 1)]);
}

#[test]
fn a_version_whose_id_names_another_text_is_left_out_and_named() {
    let workspace = workspace_of(vec![version("m", TEXT, None, &[])]);
    let incoming = vec![
        (version("m", "A different text.", Some("bob"), &[]), false),
        (version("n", "New one.", Some("bob"), &[]), false),
        (version("n", "New one, changed.", Some("carol"), &[]), false),
        (version("m", TEXT, Some("carol"), &[]), false),
    ];
    let (kept, left_out) = workspace.without_mismatches(incoming);
    let kept: Vec<(String, Option<String>)> = kept
        .iter()
        .map(|(a, _)| (a.document.id.clone(), a.document.annotator.clone()))
        .collect();
    assert_eq!(
        kept,
        [
            ("n".to_owned(), Some("bob".to_owned())),
            ("m".to_owned(), Some("carol".to_owned()))
        ]
    );
    let named: Vec<(&str, &str)> = left_out
        .iter()
        .map(|m| (m.annotator.as_str(), m.id.as_str()))
        .collect();
    assert_eq!(named, [("bob", "m"), ("carol", "n")]);
}

fn curated() -> AnnotatedDocument {
    let spans = |v: AnnotatedDocument| -> Vec<Span> { spans_of(&v) };
    let versions = vec![
        (
            "alice".to_owned(),
            spans(version("m", TEXT, None, &[(0, 7), (12, 19)])),
        ),
        (
            "bob".to_owned(),
            spans(version("m", TEXT, None, &[(0, 7), (16, 19)])),
        ),
    ];
    let labels = Rc::new(LabelSet::default_set());
    let document = Document::new("m", "Meeting", TEXT);
    let mut annotated = curation::start(
        &document,
        &versions,
        (Strategy::Everyone, "everyone"),
        &labels,
        OverlapPolicy::NestedDifferentLabels,
    );
    let provenance = annotated.document.provenance.clone().unwrap();
    let left = provenance.leaving_empty(12..19, true);
    annotated.document = Rc::new((*annotated.document).clone().curated(left));
    annotated
}

#[test]
fn the_native_format_carries_the_annotator_and_the_provenance_with_each_spans_sources() {
    let mut annotated = curated();
    let person = annotated.labels.by_name("Person").unwrap().id;
    let document = Rc::clone(&annotated.document);
    annotated.store.add(&document, 23..28, person).unwrap();
    let json = native_json::export(&annotated).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let curation = &value["document"]["curation"];
    assert_eq!(curation["annotators"], serde_json::json!(["alice", "bob"]));
    assert_eq!(curation["strategy"], "everyone");
    assert_eq!(curation["left_empty"], serde_json::json!([[12, 19]]));
    assert_eq!(curation["candidates"].as_array().unwrap().len(), 3);
    let sources: Vec<&serde_json::Value> = value["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["sources"])
        .collect();
    // Ann Lee from both; Paris is the curator's own.
    assert_eq!(
        sources,
        [&serde_json::json!(["alice", "bob"]), &serde_json::json!([])]
    );
    let back = native_json::import(&json).unwrap();
    assert_eq!(back.document.provenance, annotated.document.provenance);
    assert_eq!(back.store.len(), 2);

    let by_bob = version("m", TEXT, Some("bob"), &[]);
    let json = native_json::export(&by_bob).unwrap();
    assert!(json.contains("\"annotator\": \"bob\""), "{json}");
    let back = native_json::import(&json).unwrap();
    assert_eq!(back.document.annotator.as_deref(), Some("bob"));
    assert!(back.document.provenance.is_none());
}

#[test]
fn the_store_record_and_the_workers_batch_keep_annotator_and_provenance() {
    let annotated = curated();
    let record = write_record(&annotated).unwrap();
    let (back, _) = read_record(&record, &annotated.labels).unwrap();
    assert_eq!(back.document, annotated.document);
    let by_bob = version("m", TEXT, Some("bob"), &[(0, 7)]);
    let batch = DocumentBatch::of([(&annotated, false), (&by_bob, true)]);
    let crossed = batch.into_annotated().unwrap();
    assert_eq!(crossed[0].0.document, annotated.document);
    assert_eq!(crossed[1].0.document, by_bob.document);
}

#[test]
fn the_users_name_is_saved_in_the_workspace_header() {
    let mut workspace = workspace_of(vec![version("m", TEXT, None, &[])]);
    workspace.set_annotator("alice");
    let meta = workspace_file::read_meta(&workspace_file::meta(&workspace)).unwrap();
    assert_eq!(meta.annotator.as_deref(), Some("alice"));
    let file = workspace_file::export(&workspace, false).unwrap();
    assert_eq!(
        workspace_file::import(&file).unwrap().annotator(),
        Some("alice")
    );
}

#[test]
fn a_provenance_that_does_not_fit_its_text_is_refused_naming_the_candidate() {
    let json = native_json::export(&curated()).unwrap();
    let beyond = json.replacen("\"end\": 19", "\"end\": 99", 1);
    assert!(matches!(
        native_json::import(&beyond),
        Err(ImportError::Curation(_))
    ));
    let message = native_json::import(&beyond).unwrap_err().to_string();
    assert!(
        message.contains("candidate 2") && message.contains("outside the text"),
        "{message}"
    );
    let candidates = json.find("\"candidates\"").unwrap();
    let (head, tail) = json.split_at(candidates);
    let stranger = format!("{head}{}", tail.replacen("\"bob\"", "\"dave\"", 1));
    let message = native_json::import(&stranger).unwrap_err().to_string();
    assert!(message.contains("\"dave\""), "{message}");
}

#[test]
fn files_compared_are_each_one_annotators_named_after_the_file_unless_they_say() {
    use article_annotator::formats::open::{open, open_native, NamedText, OpenContext};
    let labels = LabelSet::default_set();
    let doccano =
        r#"{"id": "m", "text": "Ann Lee met Bob Day in Paris.", "label": [[0, 7, "Person"]]}"#;
    let named = native_json::export(&version("m", TEXT, Some("carol"), &[])).unwrap();
    let unnamed = native_json::export(&version("m", TEXT, None, &[])).unwrap();
    let files = [
        NamedText::new("bob.jsonl", doccano),
        NamedText::new("whatever.json", named.clone()),
    ];
    let context = OpenContext {
        labels: &labels,
        anchor: None,
        by_file: true,
    };
    let who = |documents: &[(AnnotatedDocument, bool)]| -> Vec<Option<String>> {
        documents
            .iter()
            .map(|(a, _)| a.document.annotator.clone())
            .collect()
    };
    let opened = open(&files, context, |_, _| ());
    assert_eq!(
        who(&opened.documents),
        [Some("bob".into()), Some("carol".into())]
    );
    let in_page = open_native(&[NamedText::new("dave.json", unnamed.clone())], true).unwrap();
    assert_eq!(who(&in_page.documents), [Some("dave".into())]);
    // Opened as usual, a file is nobody's in particular.
    let as_usual = open_native(&[NamedText::new("dave.json", unnamed)], false).unwrap();
    assert_eq!(who(&as_usual.documents), [None]);
}

#[test]
fn the_worker_works_out_the_agreement_of_the_versions_it_is_sent() {
    use article_annotator::formats::protocol::{handle, Request, Response};
    let alice = version("m", TEXT, None, &[(0, 7), (12, 19)]);
    let bob = version("m", TEXT, Some("bob"), &[(0, 7), (16, 19)]);
    let alone = version("n", "Only alice has this.", None, &[]);
    let request = Request::Agree {
        documents: DocumentBatch::of([(&alice, false), (&bob, false), (&alone, false)]),
        annotators: vec!["alice".into(), "bob".into(), "alice".into()],
    };
    let Response::Agreement(summary) = handle(request, |_| ()) else {
        panic!("an agreement");
    };
    assert_eq!(summary.annotators, ["alice", "bob"]);
    assert_eq!(summary.alone, 1);
    assert_eq!(summary.documents.len(), 1);
    assert_eq!(summary.documents[0].position, 0);
    let pair = &summary.pairs[0];
    // One of two spans alike: exact F1 0.5; both overlap: 1.0.
    assert_eq!((pair.exact.f1, pair.overlap.f1), (500, 1000));
    assert_eq!(summary.documents[0].exact_f1, 500);
    assert_eq!(pair.labels[0].label, "Person");
}

#[test]
fn exports_name_the_user_as_the_annotator_of_their_own_versions() {
    let mut workspace = workspace_of(vec![
        version("m", TEXT, None, &[(0, 7)]),
        version("m", TEXT, Some("bob"), &[]),
    ]);
    assert_eq!(workspace.exported(0).unwrap().document.annotator, None);
    workspace.set_annotator("alice");
    let annotator = |i: usize| workspace.exported(i).unwrap().document.annotator.clone();
    assert_eq!(annotator(0).as_deref(), Some("alice"));
    assert_eq!(annotator(1).as_deref(), Some("bob"));
    let json = native_json::export(&workspace.exported(0).unwrap()).unwrap();
    assert!(json.contains("\"annotator\": \"alice\""), "{json}");
    // The workspace itself keeps the user's version as theirs, whatever their name becomes.
    assert_eq!(workspace.entries()[0].document.annotator, None);
}

#[test]
fn a_curated_version_stands_in_for_its_annotators_versions() {
    let mut workspace = workspace_of(vec![
        version("m", TEXT, Some("alice"), &[(0, 7)]),
        version("m", TEXT, Some("bob"), &[(12, 19)]),
        version("other", "Another text.", None, &[]),
    ]);
    assert_eq!(workspace.superseded(), [false, false, false]);
    workspace.add(vec![(curated(), false)]).unwrap();
    assert_eq!(workspace.superseded(), [true, true, false, false]);
}
