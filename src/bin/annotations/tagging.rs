//! The tagger on the command line: `train`, `tag`, `eval` and `cv`. Offsets are Unicode code
//! points, start inclusive, end exclusive.

use std::process::ExitCode;

use article_annotator::model::AnnotatedDocument;
use article_annotator::tagger::evaluate::{learning_curve, Counts};
use article_annotator::tagger::examples::{example_of, predictions_for};
use article_annotator::tagger::{self, model_file, Example, Model, Scores, TrainOptions};

use super::error::CliError;
use super::input::open_file;
use super::{export_documents, files, Options};

/// The documents of every input, in order.
fn open_all(options: &Options) -> Result<Vec<AnnotatedDocument>, CliError> {
    let mut documents = Vec::new();
    for input in &options.inputs {
        documents.extend(open_file(input, options)?);
    }
    Ok(documents)
}

fn examples(documents: &[AnnotatedDocument]) -> Vec<Example> {
    documents.iter().map(example_of).collect()
}

/// How to train: the defaults, with `--seed` if given.
fn training(options: &Options) -> TrainOptions {
    let default = TrainOptions::default();
    TrainOptions {
        seed: options.seed.unwrap_or(default.seed),
        ..default
    }
}

/// The model in the file `--model` names.
fn read_model(options: &Options) -> Result<Model, CliError> {
    let path = options
        .model
        .as_deref()
        .ok_or_else(|| CliError::Other(format!("{} needs --model <model.bin>", options.command)))?;
    let bytes = std::fs::read(path).map_err(|error| CliError::Read(path.to_path_buf(), error))?;
    model_file::from_bytes(&bytes).map_err(|error| CliError::Tagger(path.to_path_buf(), error))
}

/// `train <files…> -o model.bin`: learns from every span of the files.
pub fn train(options: &Options) -> Result<ExitCode, CliError> {
    let output = options
        .output
        .as_deref()
        .ok_or_else(|| CliError::Other("train needs -o <model.bin>".into()))?;
    let documents = open_all(options)?;
    let model = tagger::train(&examples(&documents), &[], training(options))
        .map_err(|error| CliError::Tagger(options.input.clone(), error))?;
    files::write_all(&[(output.to_path_buf(), &model_file::to_bytes(&model))])?;
    let learned: Vec<String> = model
        .labels
        .iter()
        .zip(&model.spans_per_label)
        .map(|(label, spans)| format!("{spans} {label}"))
        .collect();
    eprintln!(
        "wrote {}: learned from {} spans ({}) in {} documents",
        output.display(),
        model.spans_per_label.iter().sum::<usize>(),
        learned.join(", "),
        model.documents
    );
    Ok(ExitCode::SUCCESS)
}

/// `tag --model model.bin <file> --to <format>`: the file's spans kept, the model's added.
pub fn tag(options: &Options) -> Result<ExitCode, CliError> {
    let to = options
        .to
        .ok_or_else(|| CliError::Other("tag needs --to <format>".into()))?;
    let model = read_model(options)?;
    let mut documents = open_file(&options.input, options)?;
    let mut added = 0;
    for document in &mut documents {
        let (predictions, missing) = predictions_for(&model, document);
        if !missing.is_empty() {
            eprintln!(
                "{}: the document has no label {}; the model predicts only the others",
                document.document.id,
                missing.join(", ")
            );
        }
        for prediction in predictions {
            if let Some(label) = document.labels.by_name(&prediction.label) {
                let range = prediction.start..prediction.end;
                if document
                    .store
                    .add(&document.document, range, label.id)
                    .is_ok()
                {
                    added += 1;
                }
            }
        }
    }
    eprintln!(
        "added {added} predicted spans to {} documents",
        documents.len()
    );
    export_documents(options, to, &documents)
}

/// `eval --model model.bin <gold…>`: the model's scores on the files' spans.
pub fn eval(options: &Options) -> Result<ExitCode, CliError> {
    let model = read_model(options)?;
    let documents = open_all(options)?;
    print_scores(
        &tagger::evaluate(&model, &examples(&documents)),
        options.json,
    );
    Ok(ExitCode::SUCCESS)
}

/// `cv <files…> --folds k`: k-fold cross-validation by document.
pub fn cv(options: &Options) -> Result<ExitCode, CliError> {
    let documents = open_all(options)?;
    let examples = examples(&documents);
    let refused = |error| CliError::Tagger(options.input.clone(), error);
    let started = std::time::Instant::now();
    let scores = tagger::cross_validate(&examples, options.folds, None, training(options))
        .map_err(refused)?;
    let took = started.elapsed();
    print_scores(&scores, options.json);
    if options.curve && !options.json {
        let baseline =
            article_annotator::tagger::baseline::dictionary_baseline(&examples, options.folds);
        println!("the dictionary suggestions (Suggest) on the same folds:");
        print_scores(&baseline, false);
        let curve = learning_curve(&examples, options.folds, &scores, training(options))
            .map_err(refused)?;
        println!("learning curve (micro F1 by training documents per fold):");
        for (size, f1) in curve {
            println!("{size:>6} {f1:.3}");
        }
    }
    eprintln!(
        "{}-fold cross-validation: {:.1} s ({} trainings)",
        options.folds,
        took.as_secs_f64(),
        options.folds
    );
    Ok(ExitCode::SUCCESS)
}

fn counts_json(counts: &Counts) -> serde_json::Value {
    serde_json::json!({
        "precision": counts.precision(), "recall": counts.recall(), "f1": counts.f1(),
        "support": counts.support(), "true_positives": counts.true_positives,
        "false_positives": counts.false_positives, "false_negatives": counts.false_negatives,
    })
}

/// The table of scores (exact span match), or the same numbers as JSON.
fn print_scores(scores: &Scores, json: bool) {
    if json {
        let per_label: serde_json::Map<String, serde_json::Value> = scores
            .per_label
            .iter()
            .map(|(label, counts)| (label.clone(), counts_json(counts)))
            .collect();
        let all = serde_json::json!({
            "match": "exact span (start, end, label)", "offsets": "unicode code points",
            "documents": scores.documents, "per_label": per_label,
            "micro": counts_json(&scores.micro()),
        });
        println!("{all:#}");
        return;
    }
    println!(
        "exact span match over {} documents\n{:<16} {:>9} {:>7} {:>7} {:>8}",
        scores.documents, "label", "precision", "recall", "f1", "support"
    );
    let micro = scores.micro();
    for (label, counts) in scores
        .per_label
        .iter()
        .map(|(l, c)| (l.as_str(), c))
        .chain([("micro", &micro)])
    {
        println!(
            "{label:<16} {:>9.3} {:>7.3} {:>7.3} {:>8}",
            counts.precision(),
            counts.recall(),
            counts.f1(),
            counts.support()
        );
    }
}
