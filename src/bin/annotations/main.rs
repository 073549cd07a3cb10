//! `annotations`: the app's format converters on the command line, for pipelines.
//!
//!     annotations convert <input> --to <format> [-o <path>] [--text <file>]
//!     annotations check <input> [--text <file>]
//!
//! Offsets in every format are Unicode code points, start inclusive, end exclusive.

mod error;
mod files;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use article_annotator::formats::export;
use article_annotator::formats::open::{self, NamedText, OpenContext};
use article_annotator::formats::text_encoding::Encoding;
use article_annotator::formats::{BaseText, ExportedFile, Format, Imported, LabeledText};
use article_annotator::model::{Document, LabelSet};
use error::CliError;

const USAGE: &str = "usage:
  annotations convert <input> --to <format> [-o <path>] [--text <file>] [--encoding <name>]
  annotations check <input> [--text <file>] [--encoding <name>]

formats: native, doccano, label-studio, prodigy, spacy, iob2, bilou, brat, w3c
  input format is found from the file's name and content; plain .txt/.md is an article
  brat: <name>.ann is read with <name>.txt beside it; written as <id>.txt + <id>.ann in -o <dir>
  w3c: annotations point into a text; give it with --text <file>
  -o: the output file (standard output if left out); written whole or not at all
  --encoding: utf-8 (the default; a byte-order mark is dropped) or windows-1252";

/// Parsed command-line options.
struct Options {
    command: String,
    input: PathBuf,
    to: Option<Format>,
    output: Option<PathBuf>,
    text: Option<PathBuf>,
    encoding: Encoding,
}

fn parse(args: &[String]) -> Result<Options, CliError> {
    let mut positional = Vec::new();
    let (mut to, mut output, mut text) = (None, None, None);
    let mut encoding = Encoding::Utf8;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .cloned()
                .ok_or_else(|| CliError::Usage(format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--to" => {
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
            "-h" | "--help" => return Err(CliError::Usage(String::new())),
            _ => positional.push(arg.clone()),
        }
    }
    match positional.as_slice() {
        [command, input] => Ok(Options {
            command: command.clone(),
            input: PathBuf::from(input),
            to,
            output,
            text,
            encoding,
        }),
        _ => Err(CliError::Usage(String::new())),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or(String::new(), |name| name.to_string_lossy().into_owned())
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map_or(String::new(), |stem| stem.to_string_lossy().into_owned())
}

/// The input as the open pipeline takes it: the file, the `.txt` beside a brat `.ann`, and
/// the text W3C annotations point into (`--text`).
struct Input {
    files: Vec<NamedText>,
    anchor: Option<(String, String)>,
}

impl Input {
    fn read(options: &Options) -> Result<Self, CliError> {
        let read = |path: &Path| files::read_text(path, options.encoding);
        let mut files = vec![NamedText::new(
            file_name(&options.input),
            read(&options.input)?,
        )];
        let brat = Format::detect(&files[0].name, &files[0].content) == Some(Format::Brat);
        if brat {
            let text = options
                .text
                .clone()
                .unwrap_or(options.input.with_extension("txt"));
            files.push(NamedText::new(
                format!("{}.txt", file_stem(&options.input)),
                read(&text)?,
            ));
        }
        let anchor = match (&options.text, brat) {
            (Some(text), false) => Some((file_stem(&options.input), read(text)?)),
            _ => None,
        };
        Ok(Self { files, anchor })
    }

    fn context<'a>(&'a self, labels: &'a LabelSet) -> OpenContext<'a> {
        OpenContext {
            labels,
            anchor: self.anchor.as_ref().map(|(stem, text)| BaseText {
                id: stem,
                title: stem,
                text,
            }),
        }
    }
}

/// The input's records, as its format states them (spans not checked yet).
fn records(options: &Options) -> Result<(Format, Vec<LabeledText>), CliError> {
    let input = Input::read(options)?;
    let labels = LabelSet::default_set();
    let refused = |error| CliError::Refused(options.input.clone(), Box::new(error));
    let (imported, format) =
        open::parse(&input.files[0], &input.files, input.context(&labels)).map_err(refused)?;
    let records = match imported {
        Imported::Native(annotated) => {
            vec![LabeledText::from_annotated(&annotated).map_err(|e| refused(e.into()))?]
        }
        Imported::Documents(records) => records,
    };
    Ok((format, records))
}

fn check(options: &Options) -> Result<ExitCode, CliError> {
    let (format, documents) = records(options)?;
    let mut problems = 0;
    let mut spans = 0;
    for document in &documents {
        let text = Document::new("", "", &document.text);
        let found = document.span_problems(&text);
        let found = if found.is_empty() {
            let store = document.clone().into_annotated(&LabelSet::default_set());
            let mut found: Vec<_> = store.err().into_iter().collect();
            found.extend(document.alignment_problems());
            found
        } else {
            found
        };
        for problem in &found {
            println!("{}: {problem}", options.input.display());
        }
        problems += found.len();
        spans += document.spans.len();
    }
    if problems > 0 {
        println!("{problems} problems");
        return Ok(ExitCode::FAILURE);
    }
    println!(
        "{}: ok ({}, {} documents, {spans} spans)",
        options.input.display(),
        format.title(),
        documents.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn convert(options: &Options) -> Result<ExitCode, CliError> {
    let to = options
        .to
        .ok_or_else(|| CliError::Other("convert needs --to <format>".into()))?;
    let input = Input::read(options)?;
    let labels = LabelSet::default_set();
    let opened = open::open(&input.files, input.context(&labels), |_, _| ());
    if let Some(refusal) = opened.refusals.into_iter().next() {
        return Err(CliError::Refused(
            options.input.clone(),
            Box::new(refusal.error),
        ));
    }
    if to == Format::Native && opened.documents.len() > 1 {
        return Err(CliError::Other(format!(
            "native JSON holds one document; this file has {}",
            opened.documents.len()
        )));
    }
    let exported = export::export(to, &opened.documents, false, 0)
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
            files::write_all(&[(path.to_path_buf(), file.content.as_str())])
        }
        (_, Some(dir)) => {
            let created = !dir.exists();
            std::fs::create_dir_all(dir)
                .map_err(|e| CliError::Write(dir.to_path_buf(), e.to_string()))?;
            let written = files::in_folder(dir, files).and_then(|paths| {
                let outputs: Vec<(PathBuf, &str)> = paths
                    .into_iter()
                    .zip(files)
                    .map(|(path, file)| (path, file.content.as_str()))
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
        "check" => check(&options),
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
