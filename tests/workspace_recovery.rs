//! Nothing lost over labels and histories: undo and redo never bring back a span whose label
//! was deleted, a saved history that does not fit is cut where it stops fitting, and a saved
//! workspace opens every document it can, listing the rest. Offsets are code points.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/documents.rs"]
mod documents;

use article_annotator::formats::history_json;
use article_annotator::formats::recovery;
use article_annotator::formats::workspace_file::{self, WorkspaceFileError};
use article_annotator::model::{LabelId, Workspace, WorkspaceError};
use documents::{doc, tag};

fn two() -> Workspace {
    let mut workspace = Workspace::new(doc("a", "Bagheri met Shoigu."));
    workspace
        .add(vec![(doc("b", "Later, Bagheri spoke in Moscow."), false)])
        .expect("added");
    workspace
}

/// Adds the label "Org" in the open document and returns its id.
fn add_org(workspace: &mut Workspace) -> LabelId {
    let (with_org, org) = workspace.labels().added("Org").expect("added");
    workspace.set_labels(with_org);
    org
}

fn stored(workspace: &Workspace) -> (String, Vec<Option<String>>) {
    let records = (0..workspace.len())
        .map(|i| {
            let annotated = workspace.annotated(i).expect("document");
            Some(history_json::write_record(&annotated).expect("written"))
        })
        .collect();
    (workspace_file::meta(workspace), records)
}

fn reloaded(workspace: &Workspace) -> recovery::Recovered {
    let (meta, records) = stored(workspace);
    recovery::recover(workspace_file::read_meta(&meta).expect("meta"), &records)
}

/// The issue's steps: a label deleted in one document while another's history still holds a
/// span of it.
fn org_deleted_while_b_remembers_it() -> (Workspace, LabelId) {
    let mut workspace = two();
    let org = add_org(&mut workspace);
    workspace.open_at(1).expect("b");
    tag(&mut workspace, "Moscow", org);
    let id = workspace.store().iter().next().expect("span").id;
    workspace.store_mut().remove(id).expect("removed");
    workspace.open_at(0).expect("a");
    assert_eq!(workspace.delete_label(org), Ok(0), "no span uses it");
    workspace.open_at(1).expect("b again");
    (workspace, org)
}

#[test]
fn undo_never_brings_back_a_span_whose_label_was_deleted() {
    let (mut workspace, org) = org_deleted_while_b_remembers_it();
    let before = workspace.clone();
    assert_eq!(
        workspace.undo(),
        Err(WorkspaceError::LabelGone(Some("Org".into())))
    );
    assert_eq!(workspace, before, "nothing changed");
    assert!(workspace.store().is_empty());
    assert!(workspace.labels().get(org).is_none());
    assert_eq!(
        WorkspaceError::LabelGone(Some("Org".into())).to_string(),
        "it would bring back a span labeled \u{201c}Org\u{201d}, a label deleted since"
    );
}

#[test]
fn a_reload_after_a_label_was_deleted_opens_everything_and_cuts_the_history_there() {
    let (workspace, _) = org_deleted_while_b_remembers_it();
    let recovered = reloaded(&workspace);
    assert!(recovered.set_aside.is_empty());
    let mut back = recovered.workspace.expect("opens");
    assert_eq!(back.len(), 2);
    assert_eq!(back.current(), 1);
    // b's history: [add Org span, remove it]; undoing the removal needs Org, so only that
    // step and the older one are cut.
    let fit = recovered.cut_histories;
    assert_eq!(fit.len(), 1);
    assert_eq!((fit[0].0, fit[0].1.undo_dropped), (1, 2));
    assert_eq!(back.undo(), Ok(None));
    back.open_at(0).expect("a keeps its own history");
    assert_eq!(
        back.undo().map(|r| r.is_some()),
        Ok(true),
        "undo the delete"
    );
    assert!(back.labels().by_name("Org").is_some());
}

#[test]
fn redoing_a_corpus_tag_all_whose_label_was_deleted_is_refused() {
    let mut workspace = two();
    let org = add_org(&mut workspace);
    // Only b holds "Moscow": the corpus step touches b alone.
    let tally = workspace.tag_all("Moscow", org, true, true);
    assert_eq!((tally.added, tally.documents), (1, 1));
    assert!(workspace.undo().expect("undone").is_some());
    assert_eq!(workspace.delete_label(org), Ok(0));
    let before = workspace.clone();
    assert_eq!(
        workspace.redo(),
        Err(WorkspaceError::LabelGone(Some("Org".into())))
    );
    assert_eq!(workspace, before);
    workspace.open_at(1).expect("b");
    assert!(workspace.store().is_empty(), "no span with a missing label");
}

#[test]
fn a_workspace_file_whose_history_names_a_missing_label_is_refused_whole() {
    let (workspace, _) = org_deleted_while_b_remembers_it();
    let (meta, records) = stored(&workspace);
    let records: Vec<String> = records.into_iter().flatten().collect();
    let meta = workspace_file::read_meta(&meta).expect("meta");
    assert_eq!(
        workspace_file::assemble(meta, &records).map(|_| ()),
        Err(WorkspaceFileError::History {
            index: 1,
            dropped: 2
        })
    );
}

#[test]
fn one_bad_record_costs_only_itself() {
    let mut workspace = two();
    workspace
        .add(vec![(doc("c", "Shoigu again."), true)])
        .expect("added");
    workspace.open_at(2).expect("c");
    tag(&mut workspace, "Shoigu", LabelId(0));
    let (meta, mut records) = stored(&workspace);
    records[0] = Some("{\"format\": \"article-annotator\", \"versi".into());
    let recovered = recovery::recover(workspace_file::read_meta(&meta).expect("meta"), &records);
    let back = recovered.workspace.expect("b and c open");
    assert_eq!(back.len(), 2);
    assert_eq!(back.current(), 1, "c is still the open document");
    assert!(back.is_done(1));
    assert_eq!(back.store().len(), 1);
    assert_eq!(recovered.set_aside.len(), 1);
    assert_eq!(recovered.set_aside[0].0, 0);
    assert!(recovered.set_aside[0]
        .1
        .to_string()
        .starts_with("document 1:"));

    records[1] = None;
    records[2] = Some("[]".into());
    let none = recovery::recover(workspace_file::read_meta(&meta).expect("m"), &records);
    assert!(none.workspace.is_none());
    assert_eq!(none.set_aside.len(), 3);
    assert_eq!(none.set_aside[1].1, WorkspaceFileError::MissingDocument(1));
}

#[test]
fn a_done_list_shorter_than_the_documents_is_refused() {
    let workspace = two();
    let file = workspace_file::export(&workspace, false).expect("written");
    let short = file.replace("\"done\":[false,false]", "\"done\":[false]");
    assert_ne!(short, file);
    assert_eq!(
        workspace_file::import(&short).map(|_| ()),
        Err(WorkspaceFileError::Count {
            marks: 1,
            documents: 2
        })
    );
}

#[test]
fn every_document_gets_an_id_of_its_own() {
    let mut workspace = Workspace::new(doc("article", "One."));
    workspace
        .add(vec![
            (doc("article", "Two."), false),
            (doc("article", "Three."), false),
            (doc("article-2", "Four."), false),
        ])
        .expect("added");
    workspace.remove(1).expect("removed");
    workspace
        .add(vec![(doc("article", "Five."), false)])
        .expect("added again");
    let ids: Vec<String> = workspace
        .summaries()
        .iter()
        .map(|s| s.document.id.clone())
        .collect();
    assert_eq!(
        ids,
        ["article", "article-3", "article-2-2", "article-2"],
        "unique after a removal too"
    );
    let texts: Vec<String> = workspace
        .summaries()
        .iter()
        .map(|s| s.document.text().to_owned())
        .collect();
    assert_eq!(texts, ["One.", "Three.", "Four.", "Five."]);
}

#[test]
fn records_written_by_the_previous_version_still_open_with_their_history() {
    // A record as the previous version wrote it: the native file with a "history" field.
    let old = r##"{"format":"article-annotator","version":1,"offset_unit":"codepoint","document":{"id":"a","title":"a","text":"Bagheri met Shoigu."},"labels":[{"name":"Person","color":"#ffc9a0","key":"1"},{"name":"Place","color":"#a8e6b4","key":"2"},{"name":"Event","color":"#a9d4ff","key":"3"}],"annotations":[{"id":0,"start":12,"end":18,"label":"Person","text":"Shoigu"}],"overlap_policy":"nested-different-labels","history":{"next_id":1,"undo":[{"add":[0,12,18,0]}],"redo":[]}}"##;
    let labels = std::rc::Rc::new(article_annotator::model::LabelSet::default_set());
    let (mut annotated, fit) = history_json::read_record(old, &labels).expect("read");
    assert!(fit.is_whole());
    assert_eq!(annotated.store.len(), 1);
    assert_eq!(annotated.undo(), Ok(Some(12..18)));
    // Written again, it takes the compact form and reads back the same.
    let record = history_json::write_record(&annotated).expect("written");
    assert!(record.starts_with(r#"{"format":"article-annotator-record","version":2,"offset_unit":"codepoint","document":{"id":"a","title":"a","text":"Bagheri met Shoigu."}"#), "{record}");
    let (back, fit) = history_json::read_record(&record, &labels).expect("read back");
    assert!(fit.is_whole());
    assert_eq!(back.store, annotated.store);
}
