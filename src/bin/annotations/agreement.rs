//! Agreement and merging on the command line: `agree` and `merge`. Each file is one
//! annotator's (named by its file stem); documents are matched by id, else by identical text.
//! Offsets are Unicode code points, start inclusive, end exclusive.

use std::process::ExitCode;
use std::rc::Rc;

use article_annotator::agreement::curation;
use article_annotator::agreement::kappa::token_labels;
use article_annotator::agreement::merge::Strategy;
use article_annotator::agreement::{agreement, align, Aligned, Span, Tally};
use article_annotator::formats::Format;
use article_annotator::model::{LabelSet, OverlapPolicy};
use serde_json::{json, Value};

use super::error::CliError;
use super::input::{file_stem, open_file};
use super::{export_documents, Options};

/// Every input's documents, each input one annotator named by its file stem, matched.
fn aligned(options: &Options) -> Result<Aligned, CliError> {
    if options.inputs.len() < 2 {
        return Err(CliError::Usage(format!(
            "{} needs two annotators' files or more",
            options.command
        )));
    }
    let mut annotators = Vec::new();
    for input in &options.inputs {
        annotators.push((file_stem(input), open_file(input, options)?));
    }
    let aligned = align(&annotators);
    for mismatch in &aligned.mismatches {
        eprintln!(
            "left out: {}'s document {:?} (its text is not the text of the document of that id)",
            mismatch.annotator, mismatch.id
        );
    }
    Ok(aligned)
}

fn tally_json(tally: &Tally) -> Value {
    json!({
        "precision": tally.precision(), "recall": tally.recall(), "f1": tally.f1(),
        "matched": tally.matched, "actual": tally.actual, "possible": tally.possible,
    })
}

/// `agree <a> <b> [<c>…] [--json] [--tokens]`: every pair's agreement.
pub fn agree(options: &Options) -> Result<ExitCode, CliError> {
    let aligned = aligned(options)?;
    let report = agreement(&aligned);
    let names = &report.annotators;
    if options.json {
        let pairs: Vec<Value> = report
            .pairs
            .iter()
            .map(|p| {
                let per_label: serde_json::Map<String, Value> = p
                    .per_label
                    .iter()
                    .map(|(label, a)| {
                        let value = json!({"exact": tally_json(&a.exact), "overlap": tally_json(&a.overlap)});
                        (label.clone(), value)
                    })
                    .collect();
                let per_document: Vec<Value> = p
                    .per_document
                    .iter()
                    .map(|(i, f1)| json!({"id": aligned.documents[*i].document.id, "exact_f1": f1}))
                    .collect();
                json!({
                    "first": names[p.first], "second": names[p.second], "documents": p.documents,
                    "exact": tally_json(&p.exact), "overlap": tally_json(&p.overlap),
                    "kappa": p.kappa, "per_label": per_label, "per_document": per_document,
                })
            })
            .collect();
        let mut out = json!({"unit": "Unicode code points", "annotators": names, "pairs": pairs});
        if options.tokens {
            out["token_labels"] = token_json(&aligned);
        }
        println!("{out}");
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} documents, {} annotators; the first of each pair is the reference",
        aligned.documents.len(),
        names.len()
    );
    println!("pair                  docs  exact P  exact R  exact F1  overlap F1  token kappa");
    for p in &report.pairs {
        let kappa = p
            .kappa
            .map_or("undefined".to_owned(), |k| format!("{k:.3}"));
        let pair = format!("{} / {}", names[p.first], names[p.second]);
        println!(
            "{pair:<20} {:>5}  {:>7.3}  {:>7.3}  {:>8.3}  {:>10.3}  {kappa:>11}",
            p.documents,
            p.exact.precision(),
            p.exact.recall(),
            p.exact.f1(),
            p.overlap.f1()
        );
    }
    println!("per label: exact F1 / overlap F1");
    for p in &report.pairs {
        for (label, a) in &p.per_label {
            let pair = format!("{} / {}", names[p.first], names[p.second]);
            println!(
                "{pair:<20} {label:<14} {:.3} / {:.3}",
                a.exact.f1(),
                a.overlap.f1()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Per annotator, per document they have, each token's label ("O" for none).
fn token_json(aligned: &Aligned) -> Value {
    let mut out = serde_json::Map::new();
    for (who, name) in aligned.annotators.iter().enumerate() {
        let mut documents = serde_json::Map::new();
        for document in &aligned.documents {
            if let Some(spans) = &document.versions[who] {
                let labels: Vec<&str> = token_labels(document.document.text(), spans)
                    .into_iter()
                    .map(|l| l.unwrap_or("O"))
                    .collect();
                documents.insert(document.document.id.clone(), json!(labels));
            }
        }
        out.insert(name.clone(), Value::Object(documents));
    }
    Value::Object(out)
}

/// `merge --strategy <s> <a> <b> [<c>…] [-o <path>] [--to <format>]`: per document, the spans
/// enough annotators marked exactly; the rest are counted as left to curate.
pub fn merge(options: &Options) -> Result<ExitCode, CliError> {
    let name = options.strategy.as_deref().unwrap_or("majority");
    let strategy = Strategy::from_name(name).ok_or_else(|| {
        CliError::Usage(format!(
            "unknown strategy {name:?}: everyone, majority or at-least-K"
        ))
    })?;
    let aligned = aligned(options)?;
    let (mut agreed, mut disputed, mut refused) = (0, 0, 0);
    let mut documents = Vec::new();
    for document in &aligned.documents {
        let versions: Vec<(String, Vec<Span>)> = aligned
            .annotators
            .iter()
            .zip(&document.versions)
            .filter_map(|(name, spans)| Some((name.clone(), spans.clone()?)))
            .collect();
        let names = versions
            .iter()
            .flat_map(|(_, s)| s.iter().map(|s| s.label.as_str()));
        let labels = Rc::new(LabelSet::default_set().with_names(names));
        let policy = OverlapPolicy::Any;
        let curated = curation::start(
            &document.document,
            &versions,
            (strategy, name),
            &labels,
            policy,
        );
        if let Some(provenance) = &curated.document.provenance {
            let merged = provenance
                .spans
                .iter()
                .filter(|s| provenance.is_agreed(s))
                .count();
            agreed += curated.store.len();
            refused += merged - curated.store.len();
            disputed += provenance.spans.len() - merged;
        }
        documents.push(curated);
    }
    eprintln!(
        "merged by {name}: {agreed} spans agreed, {disputed} left to curate, in {} documents",
        documents.len()
    );
    if refused > 0 {
        eprintln!("{refused} agreed spans could not be kept (not a valid span of the text)");
    }
    export_documents(options, options.to.unwrap_or(Format::Native), &documents)
}
