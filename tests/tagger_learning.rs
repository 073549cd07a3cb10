//! The tagger's non-local features (what a document says about its own words) and its
//! training guards (feature dropout, the mean of several perceptrons). Offsets are Unicode
//! code points.

use article_annotator::tagger::document_words::{capital_runs, document_words, Run};
use article_annotator::tagger::learn::PRUNE;
use article_annotator::tagger::sentences::sentences;
use article_annotator::tagger::{train, Example, TrainOptions};

fn words(text: &str) -> (Vec<String>, Vec<String>) {
    let words: Vec<String> = sentences(text, &[])
        .into_iter()
        .flat_map(|s| s.words)
        .collect();
    let lower = words.iter().map(|w| w.to_lowercase()).collect();
    (words, lower)
}

#[test]
fn a_run_of_capitalized_words_may_hold_of_between_two_of_them() {
    let (w, l) = words("a storm in the Bay of Bengal hit Odisha of all places");
    let runs = capital_runs(&w, &l);
    let bay = w.iter().position(|x| x == "Bay").expect("Bay");
    for (at, token) in (bay..bay + 3).enumerate() {
        assert_eq!(
            runs[token],
            Some(Run {
                at,
                len: 3,
                last: bay + 2
            }),
            "{}",
            w[token]
        );
    }
    let odisha = w.iter().position(|x| x == "Odisha").expect("Odisha");
    // "of" after the last capitalized word of a run, with no capitalized word after it, is
    // not part of the run.
    assert_eq!(runs[odisha].map(|r| r.len), Some(1));
    assert_eq!(runs[odisha + 1], None);
    assert_eq!(runs[0], None);
}

#[test]
fn a_document_remembers_where_its_words_stood_elsewhere() {
    let text = "Valeska Paris left the ship. Later, Paris spoke to Professor Eastman. \
                Prime Minister John Key agreed.";
    let document = document_words(&sentences(text, &[]));
    assert!(document.run_last.contains("paris"), "Paris ended a run");
    assert!(document.run_first.contains("valeska"));
    assert!(
        !document.run_first.contains("paris"),
        "a run of one is no run"
    );
    assert!(document.after_title.contains("eastman"));
    assert!(document.after_first_name.contains("key"), "after John");
    assert!(
        !document.after_first_name.contains("paris"),
        "Valeska is no known first name"
    );
    assert!(document.capitalized.contains("paris"));
    assert!(document.lower.contains("ship"));
}

fn tiny_corpus() -> Vec<Example> {
    let texts = [
        (
            "Alice Moore visited Berlin with Bob Stone.",
            vec![(0, 11, "Person"), (20, 26, "Place"), (32, 41, "Person")],
        ),
        (
            "Carol Lee flew to Paris and met Dan Brown there.",
            vec![(0, 9, "Person"), (18, 23, "Place"), (32, 41, "Person")],
        ),
        (
            "In Rome, Erin Hall spoke.",
            vec![(3, 7, "Place"), (9, 18, "Person")],
        ),
    ];
    texts
        .iter()
        .map(|(text, spans)| Example {
            text: (*text).to_owned(),
            spans: spans
                .iter()
                .map(|&(s, e, l)| (s..e, l.to_owned()))
                .collect(),
        })
        .collect()
}

#[test]
fn several_perceptrons_make_one_model_by_their_mean() {
    let corpus = tiny_corpus();
    let one = |seed| TrainOptions {
        epochs: 3,
        seed,
        models: 1,
        dropout: 0.2,
    };
    let first = train(&corpus, &[], one(5)).expect("trained");
    let second = train(&corpus, &[], one(1005)).expect("trained");
    let both = train(
        &corpus,
        &[],
        TrainOptions {
            models: 2,
            ..one(5)
        },
    )
    .expect("trained");
    assert_ne!(
        first.weights, second.weights,
        "each perceptron has its own order"
    );
    // A single perceptron's model is pruned too: a feature it left out weighed less than
    // PRUNE everywhere, so the mean is exact where both kept a feature, and within PRUNE / 2
    // where one did not.
    let mut exact = 0;
    for (feature, mean) in &both.weights {
        let (a, b) = (first.weights.get(feature), second.weights.get(feature));
        let tolerance = if a.is_some() && b.is_some() {
            exact += 1;
            1e-5
        } else {
            PRUNE / 2.0 + 1e-5
        };
        for (k, value) in mean.iter().enumerate() {
            let expected = (a.map_or(0.0, |w| w[k]) + b.map_or(0.0, |w| w[k])) / 2.0;
            assert!((value - expected).abs() < tolerance, "{feature:x}[{k}]");
        }
        assert!(
            mean.iter().any(|v| v.abs() >= PRUNE),
            "{feature:x} is pruned"
        );
    }
    assert!(exact > 10, "{exact} features in both");
    let t = |m: &article_annotator::tagger::Model| m.transitions[0][0][1];
    assert!((t(&both) - (t(&first) + t(&second)) / 2.0).abs() < 1e-5);
}

#[test]
fn dropout_changes_what_is_learned_and_stays_deterministic() {
    let corpus = tiny_corpus();
    let options = |dropout| TrainOptions {
        epochs: 3,
        seed: 3,
        models: 1,
        dropout,
    };
    let plain = train(&corpus, &[], options(0.0)).expect("trained");
    let dropped = train(&corpus, &[], options(0.5)).expect("trained");
    let again = train(&corpus, &[], options(0.5)).expect("trained");
    assert_ne!(plain.weights, dropped.weights);
    assert_eq!(dropped.weights, again.weights);
}

#[test]
fn a_name_after_an_abbreviation_or_an_initial_stays_in_its_sentence() {
    let text =
        "Under Prof. Patrizia Ettorre. Mario J. Lucero lives in St. Louis.\nIt is D.C. Today";
    let split: Vec<String> = sentences(text, &[])
        .iter()
        .map(|s| s.words.join(" "))
        .collect();
    assert_eq!(
        split,
        [
            "Under Prof . Patrizia Ettorre .",
            "Mario J . Lucero lives in St . Louis .",
            "It is D.C .",
            "Today"
        ]
    );
}
