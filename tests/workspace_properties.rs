//! Property test: random sequences of label edits (add, rename, delete) interleaved with span
//! edits, undo and redo, tag all and moves between documents keep every invariant in every
//! document, and always give a workspace that opens whole after a reload (written as the
//! browser store writes it, read back); undoing and redoing everything after the reload keeps
//! them too. Offsets are code points. `PROPERTY_CASES` sets the number of cases (CI runs the
//! default; run it by hand with more).
#![cfg(not(target_arch = "wasm32"))]

use std::ops::Range;

use article_annotator::formats::recovery;
use article_annotator::formats::{history_json, workspace_file};
use article_annotator::model::{
    AnnotatedDocument, AnnotationStore, Document, LabelId, OverlapPolicy, Workspace,
};
use proptest::prelude::*;
use text_strategy::any_text;

#[path = "support/text_strategy.rs"]
mod text_strategy;

/// Cases per run: `PROPERTY_CASES`, else 300.
fn cases() -> u32 {
    std::env::var("PROPERTY_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

/// One thing a user does.
#[derive(Debug, Clone)]
enum Step {
    AddLabel(u8),
    RenameLabel(usize, u8),
    DeleteLabel(usize),
    Tag(usize, usize, usize),
    Remove(usize),
    Relabel(usize, usize),
    Undo,
    Redo,
    Open(usize),
    TagAll(usize, bool),
    Reload,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        2 => any::<u8>().prop_map(Step::AddLabel),
        1 => (0usize..8, any::<u8>()).prop_map(|(l, n)| Step::RenameLabel(l, n)),
        2 => (0usize..8).prop_map(Step::DeleteLabel),
        6 => (0usize..64, 0usize..64, 0usize..8).prop_map(|(a, b, l)| Step::Tag(a, b, l)),
        2 => (0usize..16).prop_map(Step::Remove),
        2 => (0usize..16, 0usize..8).prop_map(|(k, l)| Step::Relabel(k, l)),
        4 => Just(Step::Undo),
        2 => Just(Step::Redo),
        3 => (0usize..3).prop_map(Step::Open),
        1 => (0usize..16, any::<bool>()).prop_map(|(k, all)| Step::TagAll(k, all)),
        1 => Just(Step::Reload),
    ]
}

fn label_at(workspace: &Workspace, k: usize) -> Option<LabelId> {
    let labels: Vec<LabelId> = workspace.labels().iter().map(|l| l.id).collect();
    (!labels.is_empty()).then(|| labels[k % labels.len()])
}

fn span_at(workspace: &Workspace, k: usize) -> Option<(Range<usize>, LabelId, u32)> {
    let store = &workspace.store();
    let span = store.iter().nth(k % store.len().max(1))?;
    Some((span.range(), span.label, span.id.0))
}

/// Every invariant of every document: spans in range, trimmed, unique, by the overlap policy
/// (a store rebuilt from them accepts them all), and every label in the workspace's set.
fn check(workspace: &Workspace) -> Result<(), TestCaseError> {
    for index in 0..workspace.len() {
        let annotated = workspace.annotated(index).expect("document");
        for span in annotated.store.iter() {
            prop_assert!(
                annotated.labels.get(span.label).is_some(),
                "document {index}: span {span:?} has no label"
            );
        }
        let rebuilt = AnnotationStore::from_saved(
            &annotated.document,
            annotated.store.iter().copied(),
            annotated.store.policy(),
        );
        prop_assert!(rebuilt.is_ok(), "document {index}: {:?}", rebuilt.err());
    }
    Ok(())
}

/// The workspace as the browser store keeps it, read back; it must open whole.
fn reloaded(workspace: &Workspace) -> Result<Workspace, TestCaseError> {
    let records: Vec<Option<String>> = (0..workspace.len())
        .map(|i| {
            let annotated = workspace.annotated(i).expect("document");
            Some(history_json::write_record(&annotated).expect("written"))
        })
        .collect();
    let meta = workspace_file::read_meta(&workspace_file::meta(workspace)).expect("meta");
    let recovered = recovery::recover(meta, &records);
    prop_assert!(recovered.set_aside.is_empty(), "{:?}", recovered.set_aside);
    let back = recovered.workspace.expect("opens");
    prop_assert_eq!(back.len(), workspace.len());
    prop_assert_eq!(back.current(), workspace.current());
    prop_assert_eq!(&back.labels(), &workspace.labels());
    for index in 0..workspace.len() {
        let (was, now) = (workspace.annotated(index), back.annotated(index));
        let spans = |a: Option<AnnotatedDocument>| {
            a.expect("document")
                .store
                .iter()
                .map(|s| (s.range(), s.label))
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(spans(was), spans(now), "document {}", index);
    }
    Ok(back)
}

fn apply(workspace: &mut Workspace, step: &Step) -> Result<(), TestCaseError> {
    match step {
        Step::AddLabel(n) => {
            if let Ok((set, _)) = workspace.labels().added(&format!("L{}", n % 6)) {
                workspace.set_labels(set);
            }
        }
        Step::RenameLabel(k, n) => {
            if let Some(id) = label_at(workspace, *k) {
                if let Ok(set) = workspace.labels().renamed(id, &format!("R{}", n % 6)) {
                    workspace.set_labels(set);
                }
            }
        }
        Step::DeleteLabel(k) => {
            if let Some(id) = label_at(workspace, *k) {
                let _ = workspace.delete_label(id);
            }
        }
        Step::Tag(a, b, l) => {
            let document = workspace.document().clone();
            let len = document.char_len();
            let (start, end) = ((*a).min(*b).min(len), (*a).max(*b).min(len));
            if let Some(label) = label_at(workspace, *l) {
                let _ = workspace.store_mut().add(&document, start..end, label);
            }
        }
        Step::Remove(k) => {
            if let Some((_, _, id)) = span_at(workspace, *k) {
                let id = article_annotator::model::AnnotationId(id);
                let _ = workspace.store_mut().remove(id);
            }
        }
        Step::Relabel(k, l) => {
            if let (Some((_, _, id)), Some(label)) =
                (span_at(workspace, *k), label_at(workspace, *l))
            {
                let id = article_annotator::model::AnnotationId(id);
                let _ = workspace.store_mut().relabel(id, label);
            }
        }
        Step::Undo => drop(workspace.undo()),
        Step::Redo => drop(workspace.redo()),
        Step::Open(index) => {
            let _ = workspace.open_at(index % workspace.len());
        }
        Step::TagAll(k, across) => {
            if let Some((range, label, _)) = span_at(workspace, *k) {
                let document = workspace.document().clone();
                if let Some(needle) = document.slice(range) {
                    workspace.tag_all(needle, label, true, *across);
                }
            }
        }
        Step::Reload => *workspace = reloaded(workspace)?,
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn label_and_span_edits_undo_and_redo_keep_every_invariant_and_always_reload(
        texts in proptest::collection::vec(any_text(), 3),
        any_overlap in any::<bool>(),
        steps in proptest::collection::vec(step(), 0..40),
    ) {
        let documents: Vec<AnnotatedDocument> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let mut annotated = AnnotatedDocument::new(Document::new(format!("d{i}"), "D", text));
                if any_overlap && i == 1 {
                    annotated.store.set_policy(OverlapPolicy::Any);
                }
                annotated
            })
            .collect();
        let mut documents = documents.into_iter();
        let mut workspace = Workspace::new(documents.next().expect("first"));
        workspace
            .add(documents.map(|d| (d, false)).collect())
            .expect("added");
        for step in &steps {
            apply(&mut workspace, step)?;
            check(&workspace)?;
        }
        // After a reload, every document's whole history still replays within the invariants.
        let mut back = reloaded(&workspace)?;
        for index in 0..back.len() {
            back.open_at(index).expect("open");
            while let Ok(Some(_)) = back.undo() {
                check(&back)?;
            }
            while let Ok(Some(_)) = back.redo() {
                check(&back)?;
            }
        }
        reloaded(&back)?;
    }
}
