//! Reading a command's input through the one open pipeline: the file, the `.txt` beside a
//! brat `.ann`, and the text W3C annotations point into (`--text`).

use std::path::Path;

use article_annotator::formats::open::{self, NamedText, OpenContext};
use article_annotator::formats::{BaseText, Format, Imported, LabeledText};
use article_annotator::model::{AnnotatedDocument, LabelSet};

use super::error::CliError;
use super::{files, Options};

pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or(String::new(), |name| name.to_string_lossy().into_owned())
}

pub fn file_stem(path: &Path) -> String {
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
        Self::read_file(&options.input, options)
    }

    fn read_file(input: &Path, options: &Options) -> Result<Self, CliError> {
        let read = |path: &Path| files::read_text(path, options.encoding);
        let mut files = vec![NamedText::new(file_name(input), read(input)?)];
        let brat = Format::detect(&files[0].name, &files[0].content) == Some(Format::Brat);
        if brat {
            let text = options.text.clone().unwrap_or(input.with_extension("txt"));
            files.push(NamedText::new(
                format!("{}.txt", file_stem(input)),
                read(&text)?,
            ));
        }
        let anchor = match (&options.text, brat) {
            (Some(text), false) => Some((file_stem(input), read(text)?)),
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
            by_file: false,
        }
    }
}

/// The input's records, as its format states them (spans not checked yet).
pub fn records(options: &Options) -> Result<(Format, Vec<LabeledText>), CliError> {
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

/// The documents of the file at `input`, refused whole if anything in it is wrong.
pub fn open_file(input: &Path, options: &Options) -> Result<Vec<AnnotatedDocument>, CliError> {
    let read = Input::read_file(input, options)?;
    let labels = LabelSet::default_set();
    let opened = open::open(&read.files, read.context(&labels), |_, _| ());
    if let Some(refusal) = opened.refusals.into_iter().next() {
        return Err(CliError::Refused(
            input.to_path_buf(),
            Box::new(refusal.error),
        ));
    }
    Ok(opened.documents.into_iter().map(|(d, _)| d).collect())
}
