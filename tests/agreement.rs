//! Agreement between annotators: hand-counted cases of each measure, the merge strategies,
//! matching documents, and the golden set's figures against the ones Python's references gave
//! (tests/fixtures/agreement/expected.json, from seqeval, nervaluate and scikit-learn).
//! Offsets are Unicode code points.

use article_annotator::agreement::kappa::{kappa, token_labels};
use article_annotator::agreement::merge::{merge, Strategy};
use article_annotator::agreement::overlap::{by_overlap, exact};
use article_annotator::agreement::{agreement, align, Span, Tally};
use article_annotator::formats::open::{open, NamedText, OpenContext};
use article_annotator::model::{AnnotatedDocument, Document, LabelSet};

fn span(start: usize, end: usize, label: &str) -> Span {
    Span {
        start,
        end,
        label: label.to_owned(),
    }
}

#[test]
fn exact_matches_count_each_span_once_and_f1_is_their_harmonic_mean() {
    let a = [
        span(0, 4, "Person"),
        span(10, 15, "Place"),
        span(20, 25, "Event"),
    ];
    let b = [
        span(0, 4, "Person"),
        span(0, 4, "Person"),
        span(10, 15, "Person"),
    ];
    let tally = exact(&a, &b);
    assert_eq!((tally.matched, tally.actual, tally.possible), (1, 3, 3));
    assert!((tally.f1() - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(Tally::default().f1(), 0.0);
}

#[test]
fn overlap_matches_take_the_closest_span_of_the_label_and_a_wrong_label_uses_one_up() {
    // "Rishi Sunak" against "Sunak": a match; "London" marked as an Event: used up, no match;
    // the second prediction inside the same gold span finds it taken.
    let a = [span(0, 11, "Person"), span(20, 26, "Place")];
    let b = [
        span(6, 11, "Person"),
        span(20, 26, "Event"),
        span(0, 5, "Person"),
    ];
    let tally = by_overlap(&a, &b);
    assert_eq!((tally.matched, tally.actual, tally.possible), (1, 3, 2));
    // Of two overlapping gold spans, the one with the closer boundaries is matched.
    let a = [span(0, 20, "Event"), span(5, 10, "Event")];
    let tally = by_overlap(&a, &[span(5, 11, "Event"), span(0, 19, "Event")]);
    assert_eq!(tally.matched, 2);
}

#[test]
fn kappa_is_one_minus_observed_over_chance_disagreement() {
    // 10 tokens: 8 agree; first gives P 4 times, second 4 times, each gives O 6 times.
    let p = Some("P");
    let first = [p, p, p, p, None, None, None, None, None, None];
    let second = [p, p, p, None, p, None, None, None, None, None];
    // Chance agreement (0.4·0.4 + 0.6·0.6) = 0.52; observed 0.8; κ = (0.8 − 0.52) / 0.48.
    let k = kappa(&first, &second).expect("defined");
    assert!((k - 0.28 / 0.48).abs() < 1e-12, "{k}");
    assert_eq!(kappa(&[None, None], &[None, None]), None);
}

#[test]
fn a_token_takes_the_label_of_the_outermost_span_over_its_first_code_point() {
    let text = "the Vietnam War ended";
    let spans = [span(4, 15, "Event"), span(4, 11, "Place")];
    assert_eq!(
        token_labels(text, &spans),
        [None, Some("Event"), Some("Event"), None]
    );
}

#[test]
fn merge_keeps_what_enough_annotators_marked_and_names_them() {
    let versions = vec![
        Some(vec![span(0, 4, "Person"), span(9, 14, "Place")]),
        Some(vec![span(0, 4, "Person"), span(9, 14, "Event")]),
        Some(vec![span(0, 4, "Person"), span(9, 14, "Place")]),
        None,
    ];
    let merged = merge(&versions, Strategy::Majority);
    let agreed: Vec<(&Span, &[usize])> = merged
        .agreed
        .iter()
        .map(|s| (&s.span, s.annotators.as_slice()))
        .collect();
    assert_eq!(
        agreed,
        [
            (&span(0, 4, "Person"), &[0, 1, 2][..]),
            (&span(9, 14, "Place"), &[0, 2][..])
        ]
    );
    assert_eq!(merged.disputed.len(), 1);
    assert_eq!(merge(&versions, Strategy::Everyone).agreed.len(), 1);
    assert_eq!(merge(&versions, Strategy::AtLeast(1)).agreed.len(), 3);
    assert_eq!(
        Strategy::from_name("at-least-2"),
        Some(Strategy::AtLeast(2))
    );
    assert_eq!(Strategy::from_name("at-least-0"), None);
    for strategy in [Strategy::Everyone, Strategy::Majority, Strategy::AtLeast(3)] {
        assert_eq!(Strategy::from_name(&strategy.name()), Some(strategy));
    }
}

fn plain(id: &str, text: &str) -> AnnotatedDocument {
    AnnotatedDocument::new(Document::new(id, id, text))
}

#[test]
fn documents_match_by_id_else_by_text_and_a_changed_text_is_left_out() {
    let annotators = vec![
        (
            "ann".to_owned(),
            vec![plain("a", "One."), plain("b", "Two.")],
        ),
        (
            "ben".to_owned(),
            vec![plain("a", "One, changed."), plain("x", "Two.")],
        ),
    ];
    let aligned = align(&annotators);
    assert_eq!(aligned.documents.len(), 2);
    assert_eq!(aligned.documents[0].versions[1], None);
    assert!(aligned.documents[1].versions.iter().all(Option::is_some));
    assert_eq!(aligned.mismatches.len(), 1);
    assert_eq!(aligned.mismatches[0].annotator, "ben");
}

fn open_annotator(name: &str) -> (String, Vec<AnnotatedDocument>) {
    let path = format!("tests/fixtures/agreement/{name}.jsonl");
    let content = std::fs::read_to_string(&path).expect("the golden set is in the tree");
    let labels = LabelSet::default_set();
    let context = OpenContext {
        labels: &labels,
        anchor: None,
        by_file: false,
    };
    let opened = open(
        &[NamedText::new(format!("{name}.jsonl"), content)],
        context,
        |_, _| (),
    );
    assert!(opened.refusals.is_empty(), "{path} opens whole");
    (
        name.to_owned(),
        opened.documents.into_iter().map(|(d, _)| d).collect(),
    )
}

#[test]
fn the_golden_set_gives_the_figures_seqeval_nervaluate_and_scikit_learn_gave() {
    let annotators: Vec<_> = ["alice", "bob", "carol"].map(open_annotator).into();
    let report = agreement(&align(&annotators));
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/agreement/expected.json").expect("expected"),
    )
    .expect("expected.json is JSON");
    let close = |ours: f64, theirs: &serde_json::Value, what: &str| {
        let theirs = theirs.as_f64().expect("a number");
        assert!(
            (ours - theirs).abs() < 1e-9,
            "{what}: ours {ours}, theirs {theirs}"
        );
    };
    let pairs = expected["pairs"].as_array().expect("pairs");
    assert_eq!(pairs.len(), report.pairs.len());
    for (theirs, ours) in pairs.iter().zip(&report.pairs) {
        let name = format!("{} / {}", theirs["first"], theirs["second"]);
        assert_eq!(theirs["first"], report.annotators[ours.first]);
        for (kind, tally) in [("exact", ours.exact), ("overlap", ours.overlap)] {
            close(
                tally.precision(),
                &theirs[kind]["precision"],
                &format!("{name} {kind} P"),
            );
            close(
                tally.recall(),
                &theirs[kind]["recall"],
                &format!("{name} {kind} R"),
            );
            close(
                tally.f1(),
                &theirs[kind]["f1"],
                &format!("{name} {kind} F1"),
            );
        }
        close(
            ours.kappa.expect("defined"),
            &theirs["kappa"],
            &format!("{name} kappa"),
        );
        for (label, a) in &ours.per_label {
            let theirs = &theirs["per_label"][label];
            close(
                a.exact.f1(),
                &theirs["exact"]["f1"],
                &format!("{name} {label} exact"),
            );
            close(
                a.overlap.f1(),
                &theirs["overlap"]["f1"],
                &format!("{name} {label} overlap"),
            );
        }
    }
}
