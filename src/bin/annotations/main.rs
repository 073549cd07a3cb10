//! `annotations`: the app's format converters on the command line, for pipelines.
//!
//!     annotations convert <input> --to <format> [-o <path>] [--text <file>]
//!     annotations check <input> [--text <file>]
//!
//! Offsets in every format are Unicode code points, start inclusive, end exclusive.

mod files;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use article_annotator::formats::overlaps;
use article_annotator::formats::text_encoding::Encoding;
use article_annotator::formats::{
    export, export_document, import, BaseText, ExportedFile, Format, Imported, LabeledText,
};
use article_annotator::model::{Document, LabelSet};

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

fn parse(args: &[String]) -> Result<Options, String> {
    let mut positional = Vec::new();
    let (mut to, mut output, mut text) = (None, None, None);
    let mut encoding = Encoding::Utf8;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().cloned().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--to" => {
                let name = value()?;
                to = Some(Format::from_name(&name).ok_or(format!("unknown format {name:?}"))?);
            }
            "-o" | "--output" => output = Some(PathBuf::from(value()?)),
            "--text" => text = Some(PathBuf::from(value()?)),
            "--encoding" => {
                let name = value()?;
                encoding =
                    Encoding::from_name(&name).ok_or(format!("unknown encoding {name:?}"))?;
            }
            "-h" | "--help" => return Err(String::new()),
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
        _ => Err(String::new()),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or(String::new(), |name| name.to_string_lossy().into_owned())
}

/// The input's documents, or a message naming what is wrong.
fn load(options: &Options) -> Result<(Format, Imported), String> {
    let name = file_name(&options.input);
    let read = |path: &Path| files::read_text(path, options.encoding);
    let content = read(&options.input)?;
    let format = Format::detect(&name, &content).ok_or_else(|| {
        format!(
            "{}: not in a format this tool reads",
            options.input.display()
        )
    })?;
    let text_path = options
        .text
        .clone()
        .or_else(|| (format == Format::Brat).then(|| options.input.with_extension("txt")));
    let text = text_path.as_deref().map(read).transpose()?;
    let stem = options
        .input
        .file_stem()
        .map_or(String::new(), |stem| stem.to_string_lossy().into_owned());
    let base = text.as_deref().map(|text| BaseText {
        id: &stem,
        title: &stem,
        text,
    });
    let imported = import(format, &name, &content, base)
        .map_err(|error| format!("{}: {error}", options.input.display()))?;
    Ok((format, imported))
}

fn documents_of(imported: &Imported) -> Result<Vec<LabeledText>, String> {
    match imported {
        Imported::Native(annotated) => Ok(vec![
            LabeledText::from_annotated(annotated).map_err(|e| e.to_string())?
        ]),
        Imported::Documents(documents) => Ok(documents.clone()),
    }
}

fn check(options: &Options) -> Result<ExitCode, String> {
    let (format, imported) = load(options)?;
    let documents = documents_of(&imported)?;
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

fn convert(options: &Options) -> Result<ExitCode, String> {
    let to = options.to.ok_or("convert needs --to <format>")?;
    let (_, imported) = load(options)?;
    let documents = documents_of(&imported)?;
    for document in &documents {
        if let Some(problem) = document
            .span_problems(&Document::new("", "", &document.text))
            .first()
        {
            return Err(format!(
                "{}: {problem}; nothing was written",
                options.input.display()
            ));
        }
    }
    let stem = options
        .input
        .file_stem()
        .map_or("export".into(), |stem| stem.to_string_lossy().into_owned());
    let files: Vec<ExportedFile> = match (&imported, to) {
        (Imported::Native(annotated), _) => export_document(to, annotated),
        (Imported::Documents(_), Format::Native) => match documents.as_slice() {
            [document] => {
                let annotated = document
                    .clone()
                    .into_annotated(&LabelSet::default_set())
                    .map_err(|error| error.to_string())?;
                export_document(to, &annotated)
            }
            _ => {
                return Err(format!(
                    "native JSON holds one document; this file has {}",
                    documents.len()
                ))
            }
        },
        _ => export(to, &documents, &stem),
    }
    .map_err(|error| error.to_string())?;
    if to.drops_overlaps() {
        for skipped in overlaps::unrepresentable(&documents) {
            eprintln!(
                "left out (overlaps a longer span): {} {} {}–{} {:?}",
                skipped.document, skipped.label, skipped.start, skipped.end, skipped.text
            );
        }
    }
    write_files(&files, options.output.as_deref(), to == Format::Brat)?;
    Ok(ExitCode::SUCCESS)
}

fn write_files(
    files: &[ExportedFile],
    output: Option<&Path>,
    always_dir: bool,
) -> Result<(), String> {
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
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
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
        (_, None) => Err("this format writes several files: give -o <directory>".into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse(&args) {
        Ok(options) => options,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("{message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match options.command.as_str() {
        "convert" => convert(&options),
        "check" => check(&options),
        other => Err(format!("unknown command {other:?}\n{USAGE}")),
    };
    result.unwrap_or_else(|message| {
        eprintln!("{message}");
        ExitCode::FAILURE
    })
}
