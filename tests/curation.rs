//! Curating a document from three annotators' versions: what is merged at once, how
//! disagreements are grouped and offered, and what each decision does to the curated version.
//! Offsets are Unicode code points.

use std::rc::Rc;

use article_annotator::agreement::curation::{self, Decision, Disagreement};
use article_annotator::agreement::merge::Strategy;
use article_annotator::agreement::Span;
use article_annotator::model::{AnnotatedDocument, Document, LabelSet, OverlapPolicy};

const TEXT: &str = "John Smith met Ann Lee in New York at the Paris Summit today.";

fn span(text: &str, label: &str) -> Span {
    let start = TEXT[..TEXT.find(text).unwrap()].chars().count();
    Span {
        start,
        end: start + text.chars().count(),
        label: label.to_owned(),
    }
}

/// alice, bob and carol: all mark John Smith; alice and bob New York; they differ over Ann
/// Lee (alice "Ann Lee", bob "Lee", carol nothing) and over the summit (alice an Event, bob
/// a Place, carol the Event with "Paris" inside as a Place).
fn versions() -> Vec<(String, Vec<Span>)> {
    let person = span("John Smith", "Person");
    let york = span("New York", "Place");
    vec![
        (
            "alice".into(),
            vec![
                person.clone(),
                span("Ann Lee", "Person"),
                york.clone(),
                span("Paris Summit", "Event"),
            ],
        ),
        (
            "bob".into(),
            vec![
                person.clone(),
                span("Lee", "Person"),
                york,
                span("Paris Summit", "Place"),
            ],
        ),
        (
            "carol".into(),
            vec![
                person,
                span("Paris Summit", "Event"),
                span("Paris", "Place"),
            ],
        ),
    ]
}

fn curated(policy: OverlapPolicy) -> AnnotatedDocument {
    let labels = Rc::new(LabelSet::default_set());
    let document = Document::new("d", "D", TEXT).by(Some("alice".into()));
    curation::start(
        &document,
        &versions(),
        (Strategy::Majority, "majority"),
        &labels,
        policy,
    )
}

fn texts(annotated: &AnnotatedDocument) -> Vec<String> {
    annotated
        .annotations_with_text()
        .unwrap()
        .iter()
        .map(|(a, text)| format!("{text}/{}", annotated.labels.name_of(a.label)))
        .collect()
}

/// Applies `decision` to the disagreement at `at`, as the page does.
fn apply(annotated: &mut AnnotatedDocument, at: usize, decision: Decision) -> usize {
    let document = Rc::clone(&annotated.document);
    let provenance = document.provenance.clone().unwrap();
    let disagreement = &curation::disagreements(&provenance)[at];
    let decided = curation::decide(annotated, &provenance, disagreement, decision);
    let labels = Rc::clone(&annotated.labels);
    let add = decided
        .add
        .iter()
        .map(|(range, name)| (range.clone(), labels.by_name(name).unwrap().id));
    let tally = annotated.store.replace_all(&document, &decided.remove, add);
    let left = provenance.leaving_empty(disagreement.extent.clone(), decided.left_empty);
    annotated.document = Rc::new((*document).clone().curated(left));
    tally.refused
}

fn settled(annotated: &AnnotatedDocument) -> Vec<bool> {
    let provenance = annotated.document.provenance.clone().unwrap();
    curation::disagreements(&provenance)
        .iter()
        .map(|d| curation::is_settled(annotated, &provenance, d))
        .collect()
}

#[test]
fn the_majority_is_merged_at_once_and_every_span_keeps_who_marked_it() {
    let annotated = curated(OverlapPolicy::NestedDifferentLabels);
    assert_eq!(
        texts(&annotated),
        ["John Smith/Person", "New York/Place", "Paris Summit/Event"]
    );
    // Nothing to undo: the merge is where curation starts.
    assert!(!annotated.store.can_undo());
    let document = &annotated.document;
    assert_eq!(document.annotator, None, "the curator's own version");
    let provenance = document.provenance.as_ref().unwrap();
    assert_eq!(provenance.annotators, ["alice", "bob", "carol"]);
    assert_eq!(
        (provenance.strategy.as_str(), provenance.needed),
        ("majority", 2)
    );
    let john = span("John Smith", "Person");
    assert_eq!(
        provenance.sources_of(john.start, john.end, "Person"),
        ["alice", "bob", "carol"]
    );
    let summit = span("Paris Summit", "Event");
    assert_eq!(
        provenance.sources_of(summit.start, summit.end, "Event"),
        ["alice", "carol"]
    );
}

#[test]
fn overlapping_candidates_are_one_disagreement_offered_as_each_distinct_version() {
    let annotated = curated(OverlapPolicy::NestedDifferentLabels);
    let provenance = annotated.document.provenance.clone().unwrap();
    let found: Vec<Disagreement> = curation::disagreements(&provenance);
    assert_eq!(found.len(), 2, "{found:?}");
    let names = |d: &Disagreement| -> Vec<(Vec<usize>, Vec<String>)> {
        d.choices
            .iter()
            .map(|c| {
                let spans = c
                    .spans
                    .iter()
                    .map(|&i| provenance.spans[i].label.clone())
                    .collect();
                (c.annotators.clone(), spans)
            })
            .collect()
    };
    // Ann Lee: alice's, bob's, and carol's nothing.
    assert_eq!(
        found[0].extent,
        span("Ann Lee", "Person").start..span("Ann Lee", "Person").end
    );
    assert_eq!(
        names(&found[0]),
        [
            (vec![0], vec!["Person".to_owned()]),
            (vec![1], vec!["Person".to_owned()]),
            (vec![2], vec![])
        ]
    );
    // The summit: the Event is agreed, so what is left is bob's Place over it against
    // carol's Place inside it; alice marked neither.
    assert_eq!(
        names(&found[1]),
        [
            (vec![0], vec![]),
            (vec![1], vec!["Place".to_owned()]),
            (vec![2], vec!["Place".to_owned()])
        ]
    );
}

#[test]
fn a_decision_settles_its_disagreement_and_a_second_one_replaces_the_first() {
    let mut annotated = curated(OverlapPolicy::NestedDifferentLabels);
    assert_eq!(settled(&annotated), [false, false]);
    apply(&mut annotated, 0, Decision::Take(1));
    assert!(texts(&annotated).contains(&"Lee/Person".to_owned()));
    assert_eq!(settled(&annotated), [true, false]);
    // Changing one's mind: alice's version instead, in one undo step.
    apply(&mut annotated, 0, Decision::Take(0));
    let now = texts(&annotated);
    assert!(now.contains(&"Ann Lee/Person".to_owned()), "{now:?}");
    assert!(!now.contains(&"Lee/Person".to_owned()), "{now:?}");
    annotated.undo().unwrap();
    assert!(texts(&annotated).contains(&"Lee/Person".to_owned()));
    // Neither: no span, and the disagreement counts as settled.
    apply(&mut annotated, 0, Decision::Neither);
    assert!(!texts(&annotated).iter().any(|t| t.contains("Lee")));
    assert_eq!(settled(&annotated), [true, false]);
    // Taking a version again opens it up from "left empty".
    apply(&mut annotated, 0, Decision::Take(1));
    let provenance = annotated.document.provenance.clone().unwrap();
    assert!(provenance.left_empty.is_empty());
    assert_eq!(settled(&annotated), [true, false]);
}

#[test]
fn both_takes_every_candidate_the_overlap_policy_allows() {
    let mut annotated = curated(OverlapPolicy::NestedDifferentLabels);
    // "Ann Lee" and "Lee" are both Person: nested within one label is refused.
    assert_eq!(apply(&mut annotated, 0, Decision::Both), 1);
    // Paris inside the Paris Summit Place and Event: Paris Summit/Place nests with the Event,
    // but Paris/Place inside Paris Summit/Place is refused.
    assert_eq!(apply(&mut annotated, 1, Decision::Both), 1);
    let mut any = curated(OverlapPolicy::Any);
    assert_eq!(apply(&mut any, 0, Decision::Both), 0);
    assert_eq!(apply(&mut any, 1, Decision::Both), 0);
    assert_eq!(texts(&any).len(), 3 + 2 + 2);
}

#[test]
fn the_choice_taken_is_known_again_from_the_spans() {
    let mut annotated = curated(OverlapPolicy::NestedDifferentLabels);
    let provenance = annotated.document.provenance.clone().unwrap();
    let first = curation::disagreements(&provenance)[0].clone();
    assert_eq!(curation::taken(&annotated, &provenance, &first), None);
    apply(&mut annotated, 0, Decision::Take(1));
    assert_eq!(curation::taken(&annotated, &provenance, &first), Some(1));
    apply(&mut annotated, 0, Decision::Both);
    // Both could take only one of the two (they nest within one label): alice's.
    assert_eq!(curation::taken(&annotated, &provenance, &first), Some(0));
}
