//! Reading inputs and writing outputs for the command line, so that nothing is half-written:
//! text is UTF-8 (a byte-order mark is dropped) unless `--encoding` says otherwise; every
//! output is written to a temporary file beside its target and renamed into place only when
//! all of them are written, and file names must stay inside the output folder.

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use article_annotator::formats::text_encoding::{decode, Encoding};
use article_annotator::formats::ExportedFile;

use super::error::CliError;

/// The file's text in `encoding`, or a message naming the file and what is wrong.
pub fn read_text(path: &Path, encoding: Encoding) -> Result<String, CliError> {
    let bytes = fs::read(path).map_err(|error| CliError::Read(path.to_path_buf(), error))?;
    decode(&bytes, encoding).map_err(|error| CliError::NotUtf8(path.to_path_buf(), error))
}

/// A temporary name beside `target`, unique to this process.
fn temporary(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or("output".into(), |name| name.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.{}.partial", std::process::id()))
}

/// Writes `content` to a temporary file beside `target` and flushes it to disk.
fn write_temporary(target: &Path, content: &[u8]) -> Result<PathBuf, CliError> {
    let partial = temporary(target);
    let written = fs::File::create(&partial).and_then(|mut file| {
        file.write_all(content)?;
        file.sync_all()
    });
    match written {
        Ok(()) => Ok(partial),
        Err(error) => {
            let _ = fs::remove_file(&partial);
            Err(CliError::Write(target.to_path_buf(), error.to_string()))
        }
    }
}

/// Writes every (target, content) or none: all go to temporary files first, then each is
/// renamed over its target. On a failure the temporary files are removed and the targets are
/// as they were.
pub fn write_all(outputs: &[(PathBuf, &[u8])]) -> Result<(), CliError> {
    if let Some((folder, _)) = outputs.iter().find(|(target, _)| target.is_dir()) {
        return Err(CliError::Write(folder.clone(), "it is a folder".into()));
    }
    let mut written = Vec::with_capacity(outputs.len());
    for (target, content) in outputs {
        match write_temporary(target, content) {
            Ok(partial) => written.push((partial, target)),
            Err(error) => {
                for (partial, _) in &written {
                    let _ = fs::remove_file(partial);
                }
                return Err(error);
            }
        }
    }
    for (index, (partial, target)) in written.iter().enumerate() {
        if let Err(error) = fs::rename(partial, target) {
            for (partial, _) in &written[index..] {
                let _ = fs::remove_file(partial);
            }
            return Err(CliError::Write(target.to_path_buf(), error.to_string()));
        }
    }
    Ok(())
}

/// Where each exported file goes in `dir`; refused if a name would leave it.
pub fn in_folder(dir: &Path, files: &[ExportedFile]) -> Result<Vec<PathBuf>, CliError> {
    files
        .iter()
        .map(|file| {
            let mut parts = Path::new(&file.name).components();
            match (parts.next(), parts.next()) {
                (Some(Component::Normal(_)), None) => Ok(dir.join(&file.name)),
                _ => Err(CliError::Write(
                    dir.join(&file.name),
                    format!("{:?} would be written outside {}", file.name, dir.display()),
                )),
            }
        })
        .collect()
}
