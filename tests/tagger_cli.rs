//! The tagger on the command line: `train`, `tag`, `eval`, `cv`, and what they refuse.
//! Offsets are Unicode code points.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

#[path = "support/cli.rs"]
mod cli;
use cli::{run, scratch};

fn corpus(count: usize) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wikinews-gum");
    let mut paths: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    paths.sort();
    paths.truncate(count);
    paths
}

fn text(output: &[u8]) -> String {
    String::from_utf8_lossy(output).into_owned()
}

#[test]
fn train_then_tag_a_text_file_then_eval() {
    let dir = scratch("train");
    let model = dir.join("model.bin");
    let files = corpus(12);
    let mut args = vec!["train"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["-o", model.to_str().unwrap()]);
    let trained = run(&args);
    assert!(trained.status.success(), "{}", text(&trained.stderr));
    assert!(text(&trained.stderr).contains("in 12 documents"));
    assert!(model.exists());

    let article = dir.join("briefing.txt");
    std::fs::write(
        &article,
        "Prime Minister John Smith flew from London to Paris.",
    )
    .unwrap();
    let tagged = run(&[
        "tag",
        "--model",
        model.to_str().unwrap(),
        article.to_str().unwrap(),
        "--to",
        "native",
    ]);
    assert!(tagged.status.success(), "{}", text(&tagged.stderr));
    let json: serde_json::Value = serde_json::from_slice(&tagged.stdout).expect("native JSON");
    assert_eq!(json["document"]["id"], "briefing");
    let spans: Vec<(String, u64, u64)> = json["annotations"]
        .as_array()
        .expect("annotations")
        .iter()
        .map(|a| {
            (
                a["text"].as_str().unwrap().to_owned(),
                a["start"].as_u64().unwrap(),
                a["end"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(spans.contains(&("John Smith".into(), 15, 25)), "{spans:?}");
    assert!(spans.contains(&("London".into(), 36, 42)), "{spans:?}");

    let mut args = vec!["eval", "--model", model.to_str().unwrap(), "--json"];
    let gold = corpus(14);
    args.extend(gold[12..].iter().map(String::as_str));
    let scores = run(&args);
    assert!(scores.status.success(), "{}", text(&scores.stderr));
    let json: serde_json::Value = serde_json::from_slice(&scores.stdout).expect("JSON");
    assert_eq!(json["documents"], 2);
    let micro = &json["micro"];
    let (tp, fp, fn_) = (
        micro["true_positives"].as_f64().unwrap(),
        micro["false_positives"].as_f64().unwrap(),
        micro["false_negatives"].as_f64().unwrap(),
    );
    let f1 = micro["f1"].as_f64().unwrap();
    assert!((f1 - 2.0 * tp / (2.0 * tp + fp + fn_)).abs() < 1e-12);
    assert!(f1 > 0.3, "micro F1 {f1}");
}

#[test]
fn cv_prints_the_table_per_label() {
    let mut args = vec!["cv", "--folds", "2"];
    let files = corpus(6);
    args.extend(files.iter().map(String::as_str));
    let output = run(&args);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let table = text(&output.stdout);
    assert!(
        table.starts_with("exact span match over 6 documents"),
        "{table}"
    );
    for row in ["Person", "Place", "Event", "micro"] {
        assert!(
            table.lines().any(|l| l.starts_with(row)),
            "{row} missing: {table}"
        );
    }
}

#[test]
fn a_bad_model_or_nothing_to_learn_is_refused_and_nothing_is_written() {
    let dir = scratch("bad");
    let bad = dir.join("bad.bin");
    std::fs::write(&bad, b"AANERMDL\x01\x00\x00\x00 cut").unwrap();
    let article = dir.join("a.txt");
    std::fs::write(&article, "Alice met Bob.").unwrap();
    let out = dir.join("out.json");
    let tagged = run(&[
        "tag",
        "--model",
        bad.to_str().unwrap(),
        article.to_str().unwrap(),
        "--to",
        "native",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(!tagged.status.success());
    assert!(
        text(&tagged.stderr).contains("cut short"),
        "{}",
        text(&tagged.stderr)
    );
    assert!(!out.exists());

    let model = dir.join("model.bin");
    let trained = run(&[
        "train",
        article.to_str().unwrap(),
        "-o",
        model.to_str().unwrap(),
    ]);
    assert!(!trained.status.success());
    assert!(
        text(&trained.stderr).contains("needs annotated spans"),
        "{}",
        text(&trained.stderr)
    );
    assert!(!model.exists());

    let folds = run(&["cv", "--folds", "1", article.to_str().unwrap()]);
    assert_eq!(folds.status.code(), Some(2));
}
