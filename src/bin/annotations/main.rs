//! `annotations`: the app's format converters on the command line, for pipelines.
//!
//!     annotations convert <input> --to <format> [-o <path>] [--text <file>]
//!     annotations check <input> [--for <format>] [--text <file>]
//!     annotations train <files…> -o model.bin [--seed N]
//!     annotations tag --model model.bin <file> --to <format> [-o <path>]
//!     annotations eval --model model.bin <gold…>
//!     annotations cv <files…> [--folds 5] [--seed N]
//!     annotations agree <a> <b> [<c>…] [--json]
//!     annotations merge --strategy majority <a> <b> <c> [-o curated.json]
//!
//! Offsets in every format are Unicode code points, start inclusive, end exclusive.

mod agreement;
mod check;
mod error;
mod files;
mod input;
mod tagging;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use article_annotator::formats::export;
use article_annotator::formats::text_encoding::Encoding;
use article_annotator::formats::{ExportedFile, Format};
use article_annotator::model::AnnotatedDocument;
use error::CliError;
use input::open_file;

const USAGE: &str = "usage:
  annotations convert <input> --to <format> [-o <path>] [--text <file>] [--encoding <name>]
  annotations check <input> [--for <format>] [--text <file>] [--encoding <name>]
  annotations train <files…> -o <model.bin> [--seed <n>]
  annotations tag --model <model.bin> <file> --to <format> [-o <path>]
  annotations eval --model <model.bin> <gold files…> [--json]
  annotations cv <files…> [--folds <k>] [--json] [--curve] [--seed <n>]
  annotations agree <a> <b> [<c>…] [--json] [--tokens]
  annotations merge [--strategy everyone|majority|at-least-K] <a> <b> [<c>…] [-o <path>] [--to <format>]

formats: native, doccano, doccano-utf16, label-studio, prodigy, spacy, iob2, bilou,
  conll-plain, brat, w3c
  input format is found from the file's name and content; plain .txt/.md is an article
  brat: <name>.ann is read with <name>.txt beside it; written as <id>.txt + <id>.ann in -o <dir>
  w3c: annotations point into a text; give it with --text <file>
  -o: the output file (standard output if left out); written whole or not at all
  check --for: also what that format cannot hold (spaCy and CoNLL: overlapping spans, and
  boundaries inside a word)
  --seed: the training's seed (its order of sentences and its dropout; default 7)
  --encoding: utf-8 (the default; a byte-order mark is dropped) or windows-1252
  train / tag / eval / cv: the tagger learns from the spans of any importable files;
  tag keeps a file's spans and adds the model's (a .txt's document id is its file stem)
  agree / merge: each file is one annotator's, named by its file stem; documents match by id,
  else by identical text; --tokens adds each token's label (what token kappa compares)";

/// Parsed command-line options.
struct Options {
    command: String,
    input: PathBuf,
    inputs: Vec<PathBuf>,
    to: Option<Format>,
    output: Option<PathBuf>,
    text: Option<PathBuf>,
    encoding: Encoding,
    model: Option<PathBuf>,
    folds: usize,
    json: bool,
    curve: bool,
    /// The training seed (`--seed`), else the default's.
    seed: Option<u64>,
    /// The merge strategy's name (`--strategy`).
    strategy: Option<String>,
    /// Whether `agree --json` also gives each token's label.
    tokens: bool,
}

fn parse(args: &[String]) -> Result<Options, CliError> {
    let mut positional = Vec::new();
    let (mut to, mut output, mut text, mut model) = (None, None, None, None);
    let (mut folds, mut json, mut curve, mut seed) = (5, false, false, None);
    let (mut strategy, mut tokens) = (None, false);
    let mut encoding = Encoding::Utf8;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .cloned()
                .ok_or_else(|| CliError::Usage(format!("{arg} needs a value")))
        };
        match arg.as_str() {
            // `check --for <format>`: the format the file is to be written in.
            "--to" | "--for" => {
                let name = value()?;
                let unknown = || CliError::Usage(format!("unknown format {name:?}"));
                to = Some(Format::from_name(&name).ok_or_else(unknown)?);
            }
            "-o" | "--output" => output = Some(PathBuf::from(value()?)),
            "--text" => text = Some(PathBuf::from(value()?)),
            "--encoding" => {
                let name = value()?;
                let unknown = || CliError::Usage(format!("unknown encoding {name:?}"));
                encoding = Encoding::from_name(&name).ok_or_else(unknown)?;
            }
            "--model" => model = Some(PathBuf::from(value()?)),
            "--folds" => {
                let given = value()?;
                let bad =
                    || CliError::Usage(format!("--folds needs a number from 2, not {given:?}"));
                folds = given.parse().ok().filter(|&k| k >= 2).ok_or_else(bad)?;
            }
            "--seed" => {
                let given = value()?;
                let bad = || CliError::Usage(format!("--seed needs a whole number, not {given:?}"));
                seed = Some(given.parse().map_err(|_| bad())?);
            }
            "--json" => json = true,
            "--tokens" => tokens = true,
            "--strategy" => strategy = Some(value()?),
            "--curve" => curve = true,
            "-h" | "--help" => return Err(CliError::Usage(String::new())),
            _ => positional.push(arg.clone()),
        }
    }
    let many = matches!(
        positional.first().map(String::as_str),
        Some("train" | "eval" | "cv" | "agree" | "merge")
    );
    match positional.as_slice() {
        [command, inputs @ ..] if (many && !inputs.is_empty()) || inputs.len() == 1 => {
            Ok(Options {
                command: command.clone(),
                input: PathBuf::from(&inputs[0]),
                inputs: inputs.iter().map(PathBuf::from).collect(),
                to,
                output,
                text,
                encoding,
                model,
                folds,
                json,
                curve,
                seed,
                strategy,
                tokens,
            })
        }
        _ => Err(CliError::Usage(String::new())),
    }
}

fn convert(options: &Options) -> Result<ExitCode, CliError> {
    let to = options
        .to
        .ok_or_else(|| CliError::Other("convert needs --to <format>".into()))?;
    let documents = open_file(&options.input, options)?;
    export_documents(options, to, &documents)
}

/// Writes `documents` as `to` where the options say.
fn export_documents(
    options: &Options,
    to: Format,
    documents: &[AnnotatedDocument],
) -> Result<ExitCode, CliError> {
    let documents: Vec<(AnnotatedDocument, bool)> =
        documents.iter().map(|d| (d.clone(), false)).collect();
    // Native JSON holds one document; several are written as one workspace file.
    let exported = export::export(to, &documents, false, 0)
        .map_err(|error| CliError::Refused(options.input.clone(), Box::new(error)))?;
    for skipped in &exported.left_out {
        eprintln!(
            "left out (overlaps a longer span): {} {} {}–{} {:?}",
            skipped.document, skipped.label, skipped.start, skipped.end, skipped.text
        );
    }
    write_files(
        &exported.files,
        options.output.as_deref(),
        to == Format::Brat,
    )?;
    Ok(ExitCode::SUCCESS)
}

fn write_files(
    files: &[ExportedFile],
    output: Option<&Path>,
    always_dir: bool,
) -> Result<(), CliError> {
    match (files, output) {
        ([file], None) if !always_dir => {
            print!("{}", file.content);
            Ok(())
        }
        ([file], Some(path)) if !always_dir => {
            files::write_all(&[(path.to_path_buf(), file.content.as_bytes())])
        }
        (_, Some(dir)) => {
            let created = !dir.exists();
            std::fs::create_dir_all(dir)
                .map_err(|e| CliError::Write(dir.to_path_buf(), e.to_string()))?;
            let written = files::in_folder(dir, files).and_then(|paths| {
                let outputs: Vec<(PathBuf, &[u8])> = paths
                    .into_iter()
                    .zip(files)
                    .map(|(path, file)| (path, file.content.as_bytes()))
                    .collect();
                files::write_all(&outputs)?;
                Ok(outputs)
            });
            match written {
                Ok(outputs) => {
                    for (path, _) in outputs {
                        eprintln!("wrote {}", path.display());
                    }
                    Ok(())
                }
                Err(error) => {
                    if created {
                        // Only if still empty: nothing of the user's is ever removed.
                        let _ = std::fs::remove_dir(dir);
                    }
                    Err(error)
                }
            }
        }
        (_, None) => Err(CliError::Other(
            "this format writes several files: give -o <directory>".into(),
        )),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = parse(&args).and_then(|options| match options.command.as_str() {
        "convert" => convert(&options),
        "check" => check::check(&options),
        "train" => tagging::train(&options),
        "tag" => tagging::tag(&options),
        "eval" => tagging::eval(&options),
        "cv" => tagging::cv(&options),
        "agree" => agreement::agree(&options),
        "merge" => agreement::merge(&options),
        other => Err(CliError::Usage(format!("unknown command {other:?}"))),
    });
    result.unwrap_or_else(|error| match error {
        CliError::Usage(message) => {
            if !message.is_empty() {
                eprintln!("{message}");
            }
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
        error => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    })
}
