//! The workspace model: many documents under one label set, each with its own history, done
//! marks, corpus-wide "tag all" as one undo step, and the workspace file. Offsets are code
//! points.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/documents.rs"]
mod documents;

use article_annotator::formats::history_json;
use article_annotator::formats::recovery;
use article_annotator::formats::workspace_file::{self, WorkspaceFileError};
use article_annotator::model::statistics::workspace_statistics;
use article_annotator::model::suggestions::suggestions;
use article_annotator::model::{
    AnnotatedDocument, Document, LabelId, LabelSet, StatusFilter, Workspace, WorkspaceError,
};
use documents::{doc, range_of, tag};

const PERSON: LabelId = LabelId(0);
const PLACE: LabelId = LabelId(1);

fn texts(workspace: &Workspace, index: usize) -> Vec<String> {
    let annotated = workspace.annotated(index).expect("document");
    annotated
        .annotations_with_text()
        .expect("in range")
        .into_iter()
        .map(|(a, text)| format!("{}:{text}", annotated.labels.name_of(a.label)))
        .collect()
}

/// Three documents: the first two mention Bagheri, the third has a span crossing one.
fn three() -> Workspace {
    let mut workspace = Workspace::new(doc("a", "Bagheri met Shoigu. Bagheri left."));
    workspace
        .add(vec![
            (
                doc(
                    "b",
                    "Later, Bagheri spoke in Moscow 😀 about Bagheri’s trip.",
                ),
                false,
            ),
            (doc("c", "Ali Bagheri Kani and Bagheri again."), false),
        ])
        .expect("added");
    workspace
}

#[test]
fn each_document_keeps_its_spans_and_history_while_others_are_open() {
    let mut workspace = three();
    assert_eq!(workspace.len(), 3);
    tag(&mut workspace, "Shoigu", PERSON);
    workspace.open_at(1).expect("opened b");
    assert_eq!(workspace.store().len(), 0);
    tag(&mut workspace, "Moscow", PLACE);
    workspace.open_at(0).expect("back to a");
    assert_eq!(texts(&workspace, 0), ["Person:Shoigu"]);
    assert_eq!(texts(&workspace, 1), ["Place:Moscow"]);
    assert_eq!(
        workspace.undo(),
        Ok(Some(range_of("Bagheri met Shoigu", "Shoigu")))
    );
    assert!(
        workspace.store().is_empty(),
        "undo works on a's own history"
    );
    assert_eq!(texts(&workspace, 1), ["Place:Moscow"], "b is untouched");
    let counts: Vec<usize> = workspace.summaries().iter().map(|s| s.spans).collect();
    assert_eq!(counts, [0, 1, 0]);
    assert_eq!(workspace.open_at(7), Err(WorkspaceError::NoDocument(7)));
}

#[test]
fn added_documents_bring_their_labels_in_by_name() {
    let mut workspace = three();
    let text = "Tehran, 5 May";
    let labels = LabelSet::from_specs([("Date", "#ffeeaa", None), ("Place", "#00ff00", None)]);
    let document = Document::new("d", "D", text);
    let mut store = article_annotator::model::AnnotationStore::new();
    store
        .add(&document, range_of(text, "5 May"), LabelId(0))
        .expect("date");
    store
        .add(&document, range_of(text, "Tehran"), LabelId(1))
        .expect("place");
    let dated = AnnotatedDocument {
        document: document.into(),
        labels: labels.into(),
        store,
    };
    let first = workspace.add(vec![(dated, true)]).expect("added");
    assert!(workspace.is_done(3), "its done mark comes with it");
    assert_eq!(first, 3);
    let names: Vec<&str> = workspace.labels().iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Person", "Place", "Event", "Date"]);
    assert_eq!(texts(&workspace, 3), ["Place:Tehran", "Date:5 May"]);
}

#[test]
fn done_marks_filter_the_way_next_and_previous_go() {
    let mut workspace = three();
    workspace.open_at(1).expect("b");
    workspace.set_done(true);
    workspace.open_at(0).expect("a");
    assert_eq!(workspace.neighbour(true, StatusFilter::All), Some(1));
    assert_eq!(workspace.neighbour(true, StatusFilter::ToDo), Some(2));
    assert_eq!(
        workspace.neighbour(false, StatusFilter::All),
        Some(2),
        "wraps round"
    );
    assert_eq!(workspace.neighbour(true, StatusFilter::Done), Some(1));
    workspace.set_done(true);
    workspace.open_at(1).expect("b");
    workspace.set_done(true);
    assert_eq!(workspace.neighbour(true, StatusFilter::ToDo), Some(2));
    workspace.open_at(2).expect("c");
    assert_eq!(workspace.neighbour(true, StatusFilter::ToDo), None);
    let done: Vec<bool> = workspace.summaries().iter().map(|s| s.done).collect();
    assert_eq!(done, [true, true, false]);
}

#[test]
fn removing_a_document_opens_a_neighbour_and_never_the_last_one() {
    let mut workspace = three();
    workspace.open_at(1).expect("b");
    tag(&mut workspace, "Moscow", PLACE);
    let removed = workspace.remove(1).expect("removed");
    assert_eq!(removed.document.id, "b");
    assert_eq!(removed.store.len(), 1, "the removed document as it was");
    assert_eq!(workspace.len(), 2);
    assert_eq!(workspace.document().id, "c");
    assert_eq!(workspace.current(), 1);
    workspace.remove(0).expect("removed a");
    assert_eq!(workspace.remove(0), Err(WorkspaceError::NoDocument(0)));
}

#[test]
fn tag_all_across_the_corpus_is_one_undo_step() {
    let mut workspace = three();
    workspace.open_at(2).expect("c");
    tag(&mut workspace, "Ali Bagheri Kani", PERSON);
    workspace.open_at(0).expect("a");
    let tally = workspace.tag_all("Bagheri", PERSON, true, true);
    assert_eq!(
        tally.added,
        2 + 1 + 1,
        "both in a, one in b (not Bagheri’s), one in c"
    );
    assert_eq!(tally.refused, 1, "inside Ali Bagheri Kani, same label");
    assert_eq!(tally.documents, 3);
    assert_eq!(texts(&workspace, 1), ["Person:Bagheri"]);
    assert_eq!(workspace.undo().map(|r| r.is_some()), Ok(true));
    assert!(workspace.store().is_empty());
    assert!(texts(&workspace, 1).is_empty());
    assert_eq!(
        texts(&workspace, 2),
        ["Person:Ali Bagheri Kani"],
        "c's own span stays"
    );
    assert_eq!(workspace.redo().map(|r| r.is_some()), Ok(true));
    assert_eq!(texts(&workspace, 1), ["Person:Bagheri"]);
    assert_eq!(texts(&workspace, 2).len(), 2);
    // After another edit, undo takes back only that edit, then this document's part.
    tag(&mut workspace, "Shoigu", PERSON);
    workspace.undo().expect("undo Shoigu");
    workspace.undo().expect("undo a's part");
    assert!(workspace.store().is_empty());
    assert_eq!(texts(&workspace, 1), ["Person:Bagheri"], "b keeps its part");
}

#[test]
fn labels_other_documents_use_are_never_taken_away() {
    let mut workspace = three();
    let (with_date, date) = workspace.labels().added("Date").expect("added");
    workspace.set_labels(with_date);
    workspace.open_at(1).expect("b");
    tag(&mut workspace, "Moscow", date);
    workspace.open_at(0).expect("a");
    let refused = workspace.undo();
    assert_eq!(
        refused,
        Err(WorkspaceError::LabelInUse {
            label: "Date".into(),
            documents: 1
        })
    );
    assert!(workspace.labels().get(date).is_some(), "nothing changed");
    assert!(matches!(
        workspace.delete_label(date),
        Err(WorkspaceError::LabelInUse { .. })
    ));
    assert_eq!(
        workspace.delete_label(PLACE),
        Ok(0),
        "unused elsewhere: deleted"
    );
}

#[test]
fn strings_labeled_elsewhere_are_suggested_in_the_open_document() {
    let mut workspace = three();
    workspace.open_at(1).expect("b");
    tag(&mut workspace, "Moscow", PLACE);
    tag(&mut workspace, "Bagheri", PERSON);
    workspace.open_at(2).expect("c");
    let elsewhere = workspace.labeled_elsewhere();
    let open = workspace.open_document();
    let found = suggestions(&open.document, &open.store, &elsewhere, &[]);
    let words: Vec<&str> = found
        .iter()
        .filter_map(|s| open.document.slice(s.range()))
        .collect();
    assert_eq!(words, ["Bagheri", "Bagheri"]);
    assert!(found.iter().all(|s| s.label == PERSON));
}

#[test]
fn corpus_statistics_sum_spans_and_count_distinct_strings_across_documents() {
    let mut workspace = three();
    workspace.tag_all("Bagheri", PERSON, true, true);
    workspace.open_at(1).expect("b");
    tag(&mut workspace, "Moscow", PLACE);
    let rows = workspace_statistics(workspace.labels(), workspace.entries());
    assert_eq!((rows[0].spans, rows[0].distinct), (5, 1));
    assert_eq!((rows[1].spans, rows[1].distinct), (1, 1));
    assert_eq!((rows[2].spans, rows[2].distinct), (0, 0));
}

#[test]
fn the_workspace_file_round_trips_and_refuses_what_does_not_fit() {
    let mut workspace = three();
    tag(&mut workspace, "Shoigu", PERSON);
    workspace.open_at(1).expect("b");
    tag(&mut workspace, "Moscow", PLACE);
    workspace.set_done(true);
    let file = workspace_file::export(&workspace, false).expect("written");
    assert!(file.contains("\"offset_unit\":\"codepoint\""));
    let back = workspace_file::import(&file).expect("read");
    assert_eq!(back.len(), 3);
    assert_eq!(back.current(), 1);
    assert!(back.is_done(1) && !back.is_done(0));
    for index in 0..3 {
        assert_eq!(texts(&back, index), texts(&workspace, index));
    }
    let done_only = workspace_file::import(&workspace_file::export(&workspace, true).expect("w"))
        .expect("read");
    assert_eq!(done_only.len(), 1);
    assert_eq!(texts(&done_only, 0), ["Place:Moscow"]);

    let meta = workspace_file::read_meta(&workspace_file::meta(&workspace)).expect("meta");
    assert_eq!(meta.done, [false, true, false]);
    assert_eq!(
        workspace_file::assemble(meta, &[]).map(|_| ()),
        Err(WorkspaceFileError::MissingDocument(0))
    );
    let broken = file.replace("\"text\":\"Moscow\"", "\"text\":\"Moskva\"");
    assert!(matches!(
        workspace_file::import(&broken),
        Err(WorkspaceFileError::Document { index: 1, .. })
    ));
    assert!(matches!(
        workspace_file::import("{\"format\": \"article-annotator-workspace\""),
        Err(WorkspaceFileError::Json(_))
    ));
}

/// The workspace as the browser store keeps it: the header and each document's record.
fn stored(workspace: &Workspace) -> (String, Vec<String>) {
    let records = (0..workspace.len())
        .map(|i| history_json::write_record(&workspace.annotated(i).expect("doc")).expect("w"))
        .collect();
    (workspace_file::meta(workspace), records)
}

fn reloaded(workspace: &Workspace) -> Workspace {
    let (meta, records) = stored(workspace);
    workspace_file::assemble(workspace_file::read_meta(&meta).expect("meta"), &records)
        .expect("reloaded")
}

#[test]
fn a_reload_keeps_each_documents_undo_history_with_label_edits() {
    let mut workspace = three();
    // Label ids that are not 0, 1, 2 … in order: delete Event, add Date, move it first.
    workspace.delete_label(LabelId(2)).expect("deleted");
    let (with_date, date) = workspace.labels().added("Date").expect("added");
    workspace.set_labels(with_date);
    let moved = workspace.labels().moved(date, -2).expect("moved");
    workspace.set_labels(moved);
    tag(&mut workspace, "Shoigu", date);
    tag(&mut workspace, "Bagheri", PERSON);
    workspace.undo().expect("undo Bagheri");
    workspace.open_at(1).expect("b");
    tag(&mut workspace, "Moscow", PLACE);
    workspace.open_at(0).expect("a");

    let mut back = reloaded(&workspace);
    assert_eq!(back.labels(), workspace.labels(), "ids and order kept");
    assert_eq!(texts(&back, 0), ["Date:Shoigu"]);
    assert_eq!(
        back.redo().map(|r| r.is_some()),
        Ok(true),
        "the undone tag is redone"
    );
    assert_eq!(texts(&back, 0), ["Person:Bagheri", "Date:Shoigu"]);
    for _ in 0..2 {
        back.undo().expect("undo a tag");
    }
    assert!(back.store().is_empty());
    back.undo().expect("undo the move");
    back.undo().expect("undo adding Date");
    back.undo().expect("undo deleting Event");
    let names: Vec<&str> = back.labels().iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Person", "Place", "Event"]);
    back.open_at(1).expect("b");
    back.undo().expect("b's own history");
    assert!(back.store().is_empty());
}

#[test]
fn a_history_that_does_not_fit_its_spans_is_left_out() {
    let mut workspace = three();
    tag(&mut workspace, "Shoigu", PERSON);
    let (meta, mut records) = stored(&workspace);
    // The spans no longer hold what the history added: the history cannot be replayed.
    // (The store's records write spans as [id, start, end, label id].)
    records[0] = records[0].replace(r#""annotations":[[0,12,18,0]]"#, r#""annotations":[]"#);
    assert!(records[0].contains(r#""annotations":[]"#));
    let records: Vec<Option<String>> = records.into_iter().map(Some).collect();
    let recovered = recovery::recover(workspace_file::read_meta(&meta).expect("m"), &records);
    let mut back = recovered.workspace.expect("the document still opens");
    assert!(back.store().is_empty());
    assert_eq!(back.undo(), Ok(None), "no history to undo");
}
