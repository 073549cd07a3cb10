//! `annotations check <input> [--for <format>]`: every problem that stops the file from being
//! opened (spans outside their text, not what their text says, edged with whitespace, broken
//! store rules), and with `--for`, what that format cannot hold (spaCy and CoNLL: spans that
//! overlap, and boundaries inside a word). Offsets are Unicode code points.

use std::process::ExitCode;

use article_annotator::model::{Document, LabelSet};

use super::error::CliError;
use super::input::records;
use super::Options;

/// "1 span", "2 spans".
fn counted(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// Checks the input file; fails with each problem listed.
pub fn check(options: &Options) -> Result<ExitCode, CliError> {
    let (format, documents) = records(options)?;
    let target = options.to.filter(|to| to.drops_overlaps());
    let mut problems = 0;
    let mut spans = 0;
    for document in &documents {
        let text = Document::new("", "", &document.text);
        let mut found = document.span_problems(&text);
        if found.is_empty() {
            let store = document.clone().into_annotated(&LabelSet::default_set());
            found.extend(store.err());
            if target.is_some() {
                found.extend(document.alignment_problems());
            }
        }
        for problem in &found {
            println!("{}: {problem}", options.input.display());
        }
        problems += found.len();
        spans += document.spans.len();
    }
    if problems > 0 {
        println!("{}", counted(problems, "problem", "problems"));
        return Ok(ExitCode::FAILURE);
    }
    let written = options
        .to
        .map(|to| format!("; {} can hold it", to.title()))
        .unwrap_or_default();
    println!(
        "{}: ok ({}, {}, {}){written}",
        options.input.display(),
        format.title(),
        counted(documents.len(), "document", "documents"),
        counted(spans, "span", "spans"),
    );
    Ok(ExitCode::SUCCESS)
}
