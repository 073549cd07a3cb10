//! Golden files: a small hand-checked article (emoji, CJK, RTL, CRLF, a span across a line
//! break, a nested span) exported in every format must match `tests/golden/` byte for byte.
//! Offsets in every file are Unicode code points.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/export_one.rs"]
mod export_one;
use export_one::export_document;

use article_annotator::formats::{import, Format, Imported};
use article_annotator::model::AnnotatedDocument;

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");

fn golden(name: &str) -> String {
    std::fs::read_to_string(format!("{GOLDEN}/{name}")).expect("golden file")
}

fn mini() -> AnnotatedDocument {
    let content = golden("mini.annotations.json");
    match import(Format::Native, "mini.annotations.json", &content, None) {
        Ok(Imported::Native(annotated)) => annotated,
        other => panic!("not a native document: {other:?}"),
    }
}

fn assert_golden(format: Format, files: &[&str]) {
    let exported = export_document(format, &mini()).expect("exported");
    let names: Vec<&str> = exported.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, files, "{format:?} file names");
    for file in &exported {
        assert_eq!(
            file.content,
            golden(&file.name),
            "{format:?}: {} differs",
            file.name
        );
    }
}

#[test]
fn native_json_matches_its_golden_file() {
    assert_golden(Format::Native, &["mini.annotations.json"]);
}

#[test]
fn doccano_matches_its_golden_file() {
    assert_golden(Format::Doccano, &["mini.doccano.jsonl"]);
}

#[test]
fn doccano_with_utf16_offsets_matches_its_golden_file_and_reads_back_as_code_points() {
    assert_golden(Format::DoccanoUtf16, &["mini.doccano-utf16.jsonl"]);
    let name = "mini.doccano-utf16.jsonl";
    let documents = match import(
        Format::detect(name, &golden(name)).unwrap(),
        name,
        &golden(name),
        None,
    ) {
        Ok(Imported::Documents(documents)) => documents,
        other => panic!("not read: {other:?}"),
    };
    let spans = |annotated: &AnnotatedDocument| -> Vec<(usize, usize)> {
        annotated.store.iter().map(|a| (a.start, a.end)).collect()
    };
    let read = documents[0].clone().into_annotated(&mini().labels).unwrap();
    assert_eq!(spans(&read), spans(&mini()));
}

#[test]
fn label_studio_matches_its_golden_file() {
    assert_golden(Format::LabelStudio, &["mini.label-studio.json"]);
}

#[test]
fn prodigy_matches_its_golden_file() {
    assert_golden(Format::Prodigy, &["mini.prodigy.jsonl"]);
}

#[test]
fn spacy_offsets_match_their_golden_file() {
    assert_golden(Format::Spacy, &["mini.spacy.json"]);
}

#[test]
fn conll_iob2_and_bilou_match_their_golden_files() {
    assert_golden(Format::Iob2, &["mini.iob2.conll"]);
    assert_golden(Format::Bilou, &["mini.bilou.conll"]);
    assert_golden(Format::ConllPlain, &["mini.plain.conll"]);
    // The same tags as the delimited file, without the delimiter and its blank line.
    let delimited = golden("mini.iob2.conll");
    let plain = delimited
        .strip_prefix("-DOCSTART- -X- O O\n\n")
        .expect("delimited");
    assert_eq!(golden("mini.plain.conll"), plain);
}

#[test]
fn brat_matches_its_golden_files() {
    assert_golden(Format::Brat, &["mini.txt", "mini.ann"]);
}

#[test]
fn w3c_matches_its_golden_file() {
    assert_golden(Format::W3c, &["mini.w3c.jsonld"]);
}

#[test]
fn every_golden_file_is_recognised_as_its_format() {
    let cases = [
        ("mini.annotations.json", Format::Native),
        ("mini.doccano.jsonl", Format::Doccano),
        ("mini.label-studio.json", Format::LabelStudio),
        ("mini.prodigy.jsonl", Format::Prodigy),
        ("mini.spacy.json", Format::Spacy),
        ("mini.iob2.conll", Format::Iob2),
        ("mini.ann", Format::Brat),
        ("mini.w3c.jsonld", Format::W3c),
        ("mini.txt", Format::Text),
    ];
    for (name, format) in cases {
        assert_eq!(Format::detect(name, &golden(name)), Some(format), "{name}");
        // Renamed to a bare .json, the content still tells the JSON formats apart.
        if name.ends_with(".json") || name.ends_with(".jsonld") {
            assert_eq!(
                Format::detect("upload.json", &golden(name)),
                Some(format),
                "{name}"
            );
        }
    }
}
