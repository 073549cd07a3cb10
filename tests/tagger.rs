//! The tagger: it learns names from annotated documents and finds them in new text; its
//! confidences are probabilities; its model file survives a round trip and refuses what is not
//! one; its evaluation counts exact span matches. Offsets are Unicode code points.

#[path = "support/documents.rs"]
mod documents;

use std::collections::HashSet;
use std::path::Path;

use article_annotator::formats::native_json;
use article_annotator::model::{AnnotatedDocument, LabelSet};
use article_annotator::tagger::evaluate::Counts;
use article_annotator::tagger::examples::{example_of, predictions_for};
use article_annotator::tagger::perceptron::{allowed, Lattice, Transitions};
use article_annotator::tagger::{
    cross_validate, evaluate, model_file, predict, train, Example, TaggerError, TrainOptions,
};
use documents::{doc, range_of};

/// The Wikinews documents of GUM (see tests/fixtures/wikinews-gum/README.md), in name order.
fn corpus_documents() -> Vec<AnnotatedDocument> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wikinews-gum");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let json = std::fs::read_to_string(path).expect("readable");
            native_json::import(&json).expect("a native file")
        })
        .collect()
}

/// The same documents as training examples.
fn corpus() -> Vec<Example> {
    corpus_documents().iter().map(example_of).collect()
}

fn example(text: &str, spans: &[(&str, &str)]) -> Example {
    Example {
        text: text.to_owned(),
        spans: spans
            .iter()
            .map(|(needle, label)| (range_of(text, needle), (*label).to_owned()))
            .collect(),
    }
}

fn quick() -> TrainOptions {
    TrainOptions {
        epochs: 5,
        seed: 1,
        models: 1,
        dropout: 0.2,
    }
}

#[test]
fn it_learns_names_from_a_few_documents_and_finds_them_in_new_text() {
    let corpus = corpus();
    let model = train(&corpus[..12], &[], quick()).expect("trained");
    assert_eq!(model.labels, ["Person", "Place", "Event"]);
    let found = predict(
        &model,
        "On Monday, Prime Minister John Smith flew from London to Paris.",
        None,
    );
    let spans: Vec<(&str, usize, usize)> = found
        .iter()
        .map(|p| (p.label.as_str(), p.start, p.end))
        .collect();
    assert!(spans.contains(&("Person", 26, 36)), "{spans:?}");
    assert!(spans.contains(&("Place", 47, 53)), "{spans:?}");
    assert!(spans.contains(&("Place", 57, 62)), "{spans:?}");
    assert!(found.iter().all(|p| (0.0..=1.0).contains(&p.confidence)));
}

#[test]
fn held_out_documents_score_well_above_chance() {
    let corpus = corpus();
    let model = train(&corpus[7..], &[], quick()).expect("trained");
    let scores = evaluate(&model, &corpus[..7]);
    let micro = scores.micro();
    assert_eq!(scores.documents, 7);
    assert!(micro.f1() > 0.45, "micro F1 {:.3}", micro.f1());
}

#[test]
fn nested_spans_of_another_label_are_learned_and_predicted() {
    let text = "The Vietnam War ended. Veterans of the Vietnam War met.";
    let one = example(text, &[("Vietnam War", "Event"), ("Vietnam", "Place")]);
    let mut second = one.clone();
    second.spans.push((39..50, "Event".into()));
    second.spans.push((39..46, "Place".into()));
    let model = train(&[one, second], &[], quick()).expect("trained");
    let found: HashSet<(usize, usize, String)> = predict(&model, text, None)
        .into_iter()
        .map(|p| (p.start, p.end, p.label))
        .collect();
    for expected in [
        (4, 15, "Event"),
        (4, 11, "Place"),
        (39, 50, "Event"),
        (39, 46, "Place"),
    ] {
        let key = (expected.0, expected.1, expected.2.to_owned());
        assert!(found.contains(&key), "{expected:?} not in {found:?}");
    }
}

#[test]
fn a_span_probability_is_its_paths_share_of_all_paths() {
    // Two labels, three tokens, arbitrary scores: brute force over every allowed tag sequence.
    let emissions: Vec<Vec<f32>> = vec![
        vec![0.0, 1.5, -0.5, 0.3, 0.1],
        vec![0.0, 0.2, 1.1, -0.7, 0.4],
        vec![0.0, -0.3, 0.6, 0.9, -1.0],
    ];
    let transitions: Transitions = (0..6)
        .map(|from| {
            (0..5)
                .map(|to| ((from * 5 + to) % 7) as f32 * 0.1 - 0.3)
                .collect()
        })
        .collect();
    let score = |path: &[usize]| {
        let mut s = 0.0f64;
        for (t, &tag) in path.iter().enumerate() {
            let from = if t == 0 { 5 } else { path[t - 1] };
            s += f64::from(transitions[from][tag]) + f64::from(emissions[t][tag]);
        }
        s.exp()
    };
    let mut all = Vec::new();
    for a in 0..5 {
        for b in 0..5 {
            for c in 0..5 {
                let path = [a, b, c];
                let ok = allowed(None, a) && allowed(Some(a), b) && allowed(Some(b), c);
                if ok {
                    all.push(path);
                }
            }
        }
    }
    let z: f64 = all.iter().map(|p| score(p)).sum();
    let lattice = Lattice::new(&emissions, &transitions);
    // Tokens 0..2 as one span of label 0: tags B-0 I-0, then anything but I-0.
    let expected: f64 = all
        .iter()
        .filter(|p| p[0] == 1 && p[1] == 2 && p[2] != 2)
        .map(|p| score(p))
        .sum::<f64>()
        / z;
    assert!((lattice.span_probability(0, 2, 0) - expected).abs() < 1e-9);
    // Token 2 alone as label 1: anything that lets B-1 start there.
    let expected: f64 = all
        .iter()
        .filter(|p| p[2] == 3)
        .map(|p| score(p))
        .sum::<f64>()
        / z;
    assert!((lattice.span_probability(2, 3, 1) - expected).abs() < 1e-9);
}

#[test]
fn a_model_file_survives_a_round_trip_and_refuses_what_is_not_one() {
    let corpus = corpus();
    let model = train(&corpus[..4], &[], quick()).expect("trained");
    let bytes = model_file::to_bytes(&model);
    assert_eq!(model_file::from_bytes(&bytes), Ok(model));
    assert_eq!(
        model_file::from_bytes(b"{\"not\": \"a model\"}"),
        Err(TaggerError::NotAModel)
    );
    assert_eq!(
        model_file::from_bytes(&bytes[..bytes.len() - 1]),
        Err(TaggerError::Truncated)
    );
    assert_eq!(
        model_file::from_bytes(&bytes[..30]),
        Err(TaggerError::Truncated)
    );
    let mut damaged = bytes.clone();
    damaged[40] ^= 0x55;
    assert!(model_file::from_bytes(&damaged).is_err());
    let mut other = bytes.clone();
    other[8] = 9;
    assert_eq!(
        model_file::from_bytes(&other),
        Err(TaggerError::Version { found: 9 })
    );
    assert!(TaggerError::Version { found: 9 }
        .to_string()
        .contains("version 9"));
    // The page's check (mark, version, checksum) refuses what the reader refuses.
    assert_eq!(model_file::check(&bytes), Ok(()));
    for bad in [
        &b"{\"not\": \"a model\"}"[..],
        &bytes[..bytes.len() - 1],
        &bytes[..30],
        &damaged,
        &other,
    ] {
        assert_eq!(
            model_file::check(bad),
            model_file::from_bytes(bad).map(|_| ())
        );
    }
}

#[test]
fn the_worker_reads_a_picked_model_file_for_the_page_and_refuses_what_is_not_one() {
    use article_annotator::tagger::protocol::{
        handle, ModelSummary, TaggerRequest, TaggerResponse,
    };
    let model = train(&corpus()[..4], &[], quick()).expect("trained");
    let bytes = model_file::to_bytes(&model);
    let answer = handle(TaggerRequest::Read {
        model: bytes.clone(),
    });
    assert_eq!(
        answer,
        Ok(TaggerResponse::Trained {
            model: bytes,
            summary: ModelSummary::of(&model),
        })
    );
    let refused = handle(TaggerRequest::Read {
        model: b"{\"not\": \"a model\"}".to_vec(),
    })
    .expect_err("refused");
    assert_eq!(refused.to_string(), TaggerError::NotAModel.to_string());
}

#[test]
fn the_worker_scores_a_model_on_held_out_documents_as_evaluate_does() {
    use article_annotator::formats::protocol::{DocumentBatch, DocumentData};
    use article_annotator::tagger::protocol::{handle, TaggerRequest, TaggerResponse};
    let annotated = corpus_documents();
    let (train_on, held_out) = annotated.split_at(30);
    let examples: Vec<Example> = train_on.iter().map(example_of).collect();
    let model = train(&examples, &[], quick()).expect("trained");
    let gold: Vec<Example> = held_out.iter().map(example_of).collect();
    let expected = evaluate(&model, &gold);
    let documents: Vec<DocumentData> = held_out.iter().map(|d| DocumentData::of(d, true)).collect();
    let answer = handle(TaggerRequest::Score {
        model: model_file::to_bytes(&model),
        documents: DocumentBatch::pack(&documents),
    });
    let Ok(TaggerResponse::Evaluated {
        per_label,
        documents,
        folds,
        curve,
    }) = answer
    else {
        panic!("scored: {answer:?}");
    };
    assert_eq!((documents, folds, curve.len()), (5, 0, 0));
    assert_eq!(per_label, expected.per_label);
    assert!(
        expected.micro().true_positives > 0,
        "it finds some of the held-out spans"
    );
}

#[test]
fn training_without_spans_says_what_it_needs() {
    let empty = example("Nothing is annotated here.", &[]);
    let error = train(&[empty], &[], quick()).expect_err("refused");
    assert_eq!(error, TaggerError::NoSpans);
    assert!(error.to_string().contains("annotate"));
    let folds = cross_validate(&corpus()[..3], 5, None, quick()).expect_err("refused");
    assert_eq!(
        folds,
        TaggerError::TooFewDocuments {
            documents: 3,
            folds: 5
        }
    );
}

#[test]
fn evaluation_counts_exact_matches_only() {
    let text = "Alice Moore visited Berlin with Bob.";
    let training = example(
        text,
        &[
            ("Alice Moore", "Person"),
            ("Berlin", "Place"),
            ("Bob", "Person"),
        ],
    );
    // No dropout: the model is to learn these two documents by heart, so what is counted is
    // known.
    let exact = TrainOptions {
        dropout: 0.0,
        ..quick()
    };
    let model = train(&[training.clone(), training], &[], exact).expect("trained");
    // Gold that differs from what the model learned: one boundary moved, one label changed.
    let gold = example(
        text,
        &[("Alice", "Person"), ("Berlin", "Event"), ("Bob", "Person")],
    );
    let scores = evaluate(&model, &[gold]);
    let person = scores
        .per_label
        .iter()
        .find(|(l, _)| l == "Person")
        .expect("Person")
        .1;
    assert_eq!(
        person,
        Counts {
            true_positives: 1,
            false_positives: 1,
            false_negatives: 1
        }
    );
    let micro = scores.micro();
    assert_eq!(
        (
            micro.true_positives,
            micro.false_positives,
            micro.false_negatives
        ),
        (1, 2, 2)
    );
    // F1 = 2 TP / (2 TP + FP + FN) = 2 / 6.
    assert!((micro.f1() - 1.0 / 3.0).abs() < 1e-12);
}

#[test]
fn predictions_take_only_the_labels_and_places_a_document_allows() {
    let text = "Alice Moore visited Berlin with Bob during the Berlin Festival.";
    let training = example(
        text,
        &[
            ("Alice Moore", "Person"),
            ("Berlin", "Place"),
            ("Bob", "Person"),
            ("Berlin Festival", "Event"),
        ],
    );
    let model = train(&[training.clone(), training], &[], quick()).expect("trained");
    let all = LabelSet::default_set();
    let event = all.by_name("Event").expect("Event").id;
    let labels = all.without(event).expect("removed");
    let mut document: AnnotatedDocument = doc("d", text);
    document.labels = std::rc::Rc::new(labels);
    let person = document.labels.by_name("Person").expect("Person").id;
    document
        .store
        .add(&document.document, range_of(text, "Alice Moore"), person)
        .expect("added");
    let (predictions, missing) = predictions_for(&model, &document);
    assert_eq!(missing, ["Event"]);
    assert!(predictions.iter().all(|p| p.label != "Event"));
    assert!(
        !predictions.iter().any(|p| p.start == 0 && p.end == 11),
        "already annotated"
    );
    assert!(predictions
        .iter()
        .any(|p| p.label == "Person" && p.start == 32));
}

/// Prints how well confidences match precision on held-out folds (run by hand with
/// `cargo test --release --test tagger calibration -- --ignored --nocapture`).
#[test]
#[ignore]
fn calibration() {
    let corpus = corpus();
    let mut bins = [(0usize, 0usize, 0.0f64); 10];
    for fold in 0..5 {
        let train_set: Vec<Example> = corpus
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 != fold)
            .map(|(_, e)| e.clone())
            .collect();
        let model = train(&train_set, &[], TrainOptions::default()).expect("trained");
        for (_, example) in corpus.iter().enumerate().filter(|(i, _)| i % 5 == fold) {
            let gold: HashSet<(usize, usize, &str)> = example
                .spans
                .iter()
                .map(|(r, l)| (r.start, r.end, l.as_str()))
                .collect();
            for p in predict(&model, &example.text, None) {
                let bin = ((p.confidence * 10.0) as usize).min(9);
                bins[bin].1 += 1;
                bins[bin].2 += p.confidence;
                if gold.contains(&(p.start, p.end, p.label.as_str())) {
                    bins[bin].0 += 1;
                }
            }
        }
    }
    let total: usize = bins.iter().map(|b| b.1).sum();
    let mut ece = 0.0;
    for (i, (right, all, sum)) in bins.iter().enumerate() {
        if *all > 0 {
            let (precision, mean) = (*right as f64 / *all as f64, sum / *all as f64);
            ece += (precision - mean).abs() * *all as f64 / total as f64;
            println!(
                "bin {i}: {all} predictions, mean confidence {mean:.3}, precision {precision:.3}"
            );
        }
    }
    println!("expected calibration error {ece:.3}");
}

#[test]
fn training_is_the_same_on_every_run_for_a_seed() {
    let corpus = corpus();
    let one = model_file::to_bytes(&train(&corpus[..6], &[], quick()).expect("trained"));
    let two = model_file::to_bytes(&train(&corpus[..6], &[], quick()).expect("trained"));
    assert_eq!(one, two);
    let other = TrainOptions { seed: 2, ..quick() };
    let three = model_file::to_bytes(&train(&corpus[..6], &[], other).expect("trained"));
    assert_ne!(one, three, "the seed orders the sentences");
    let model = train(&corpus[..6], &[], quick()).expect("trained");
    let text = &corpus[20].text;
    assert_eq!(predict(&model, text, None), predict(&model, text, None));
}

#[test]
fn predictions_never_split_a_token_and_fit_the_overlap_policy() {
    use article_annotator::formats::tokens::tokenize;
    let corpus = corpus();
    let model = train(&corpus[..20], &[], quick()).expect("trained");
    for example in &corpus[20..] {
        let starts: HashSet<usize> = tokenize(&example.text, &[])
            .iter()
            .map(|t| t.start)
            .collect();
        let ends: HashSet<usize> = tokenize(&example.text, &[]).iter().map(|t| t.end).collect();
        let chars: Vec<char> = example.text.chars().collect();
        for p in predict(&model, &example.text, None) {
            // A span starts where a token starts and ends where one ends, or before a
            // possessive the tokenizer keeps with its word ("Obama" of "Obama's").
            assert!(starts.contains(&p.start), "{p:?} starts inside a token");
            let possessive = matches!(chars.get(p.end), Some('\'' | '’'))
                && matches!(chars.get(p.end + 1), Some('s' | 'S'));
            assert!(
                ends.contains(&p.end) || possessive,
                "{p:?} ends inside a token"
            );
        }
        let document = doc("held-out", &example.text);
        let (found, _) = predictions_for(&model, &document);
        let mut store = document.store.clone();
        let labels = document.labels.clone();
        for p in &found {
            let label = labels.by_name(&p.label).expect("label").id;
            store
                .add(&document.document, p.start..p.end, label)
                .expect("every prediction fits beside the others");
        }
    }
}

#[test]
fn one_accepted_or_rejected_span_is_learned_at_once() {
    use article_annotator::tagger::update::{learn_answers, Answer};
    let corpus = corpus();
    let mut model = train(&corpus[..8], &[], quick()).expect("trained");
    let text = "The delegates met in the hall. Then zorblat quinx spoke about the plan.";
    let name = range_of(text, "zorblat quinx");
    let has = |model: &_, range: &std::ops::Range<usize>, label: &str| {
        predict(model, text, None)
            .iter()
            .any(|p| p.start == range.start && p.end == range.end && p.label == label)
    };
    assert!(
        !has(&model, &name, "Person"),
        "a lower-case unknown name is not found at first"
    );
    let accepted = Answer {
        range: name.clone(),
        label: "Person".into(),
        accepted: true,
    };
    assert_eq!(
        learn_answers(&mut model, text, std::slice::from_ref(&accepted)),
        1
    );
    assert!(has(&model, &name, "Person"), "found once accepted");
    assert_eq!(
        learn_answers(&mut model, text, &[accepted]),
        0,
        "nothing more to learn"
    );
    let rejected = Answer {
        range: name.clone(),
        label: "Person".into(),
        accepted: false,
    };
    assert_eq!(learn_answers(&mut model, text, &[rejected]), 1);
    assert!(!has(&model, &name, "Person"), "gone once rejected");
}
