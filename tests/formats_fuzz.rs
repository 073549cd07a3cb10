//! Fuzzing every importer with mutated golden files (bytes flipped, inserted, deleted,
//! duplicated, truncated, spliced from another format): whatever the bytes, reading never
//! panics, and whatever is accepted is whole and valid — every span inside the text, with the
//! text its offsets select, under labels that exist. The same for the browser store's records,
//! workspace files and label sets. Offsets are code points. `FUZZ_CASES` sets the cases per
//! target (CI runs the default; run it by hand with more).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use article_annotator::formats::recovery;
use article_annotator::formats::text_encoding::{decode, Encoding};
use article_annotator::formats::{
    history_json, html_depth, import, label_set, native_json, workspace_file, BaseText, Format,
    Imported,
};
use article_annotator::model::{AnnotatedDocument, LabelSet};
use proptest::prelude::*;

/// Cases per target: `FUZZ_CASES`, else 400.
fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(400)
}

fn golden(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    std::fs::read(path).expect("golden file")
}

const GOLDEN: [&str; 10] = [
    "mini.annotations.json",
    "mini.doccano.jsonl",
    "mini.label-studio.json",
    "mini.prodigy.jsonl",
    "mini.spacy.json",
    "mini.iob2.conll",
    "mini.bilou.conll",
    "mini.ann",
    "mini.w3c.jsonld",
    "mini.txt",
];

/// One change to a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Duplicate(usize, usize),
    Truncate(usize),
    Splice(usize, usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let interesting = prop_oneof![
        Just(b"\"".to_vec()),
        Just(b"null".to_vec()),
        Just(b"[]".to_vec()),
        Just(b"{}".to_vec()),
        Just(b"-1".to_vec()),
        Just(b"99999999999999999999".to_vec()),
        Just(b"\t".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just("😀".as_bytes().to_vec()),
        Just(b"\xff\xfe".to_vec()),
        Just(b"B-".to_vec()),
        Just(b"T9\tPerson 0 3;2 9\t".to_vec()),
        proptest::collection::vec(any::<u8>(), 1..8),
    ];
    prop_oneof![
        3 => (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Flip(at, byte)),
        3 => (any::<usize>(), interesting).prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        2 => (any::<usize>(), 1usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
        1 => (any::<usize>(), 1usize..80).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
        1 => any::<usize>().prop_map(Mutation::Truncate),
        1 => (0usize..GOLDEN.len(), any::<usize>(), 1usize..120)
            .prop_map(|(other, at, n)| Mutation::Splice(other, at, n)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for mutation in mutations {
        let len = bytes.len().max(1);
        match mutation {
            Mutation::Flip(at, byte) => {
                if !bytes.is_empty() {
                    let at = at % bytes.len();
                    bytes[at] = *byte;
                }
            }
            Mutation::Insert(at, more) => {
                let at = at % len;
                let at = at.min(bytes.len());
                bytes.splice(at..at, more.iter().copied());
            }
            Mutation::Delete(at, n) => {
                let at = (at % len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Duplicate(at, n) => {
                let at = (at % len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(end..end, copy);
            }
            Mutation::Truncate(at) => bytes.truncate(at % len),
            Mutation::Splice(other, at, n) => {
                let donor = golden(GOLDEN[*other]);
                let from = at % donor.len().max(1);
                let piece = &donor[from..(from + n).min(donor.len())];
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, piece.iter().copied());
            }
        }
    }
    bytes
}

/// Every span of an accepted document lies in its text, selects its stated text, and has a
/// label of the document's set.
fn check_whole(annotated: &AnnotatedDocument) -> Result<(), TestCaseError> {
    let pairs = annotated.annotations_with_text();
    prop_assert!(pairs.is_ok(), "a span lies outside the text");
    for span in annotated.store.iter() {
        prop_assert!(span.start < span.end && span.end <= annotated.document.char_len());
        prop_assert!(
            annotated.labels.get(span.label).is_some(),
            "span without a label"
        );
        prop_assert!(!annotated.labels.name_of(span.label).trim().is_empty());
    }
    Ok(())
}

/// Reads `bytes` as the file `name` the way the app does, checking what it accepts.
fn read_as(name: &str, bytes: &[u8], base_text: &str) -> Result<(), TestCaseError> {
    let Ok(content) = decode(bytes, Encoding::Utf8) else {
        // Not UTF-8: refused before any format sees it (checked in text_encoding's tests).
        return Ok(());
    };
    let Some(format) = Format::detect(name, &content) else {
        return Ok(());
    };
    let base = BaseText {
        id: "mini",
        title: "mini",
        text: base_text,
    };
    let imported = import(format, name, &content, format.needs_text().then_some(base));
    let Ok(imported) = imported else {
        return Ok(());
    };
    match imported {
        Imported::Native(annotated) => check_whole(&annotated)?,
        Imported::Documents(documents) => {
            for document in documents {
                let stated: Vec<(usize, usize, Option<String>)> = document
                    .spans
                    .iter()
                    .map(|s| (s.start, s.end, s.text.clone()))
                    .collect();
                let text = document.text.clone();
                if let Ok(annotated) = document.into_annotated(&LabelSet::default_set()) {
                    check_whole(&annotated)?;
                    prop_assert_eq!(annotated.document.text(), text.as_str());
                    for (start, end, claimed) in stated {
                        if let Some(claimed) = claimed {
                            let found: String =
                                text.chars().skip(start).take(end - start).collect();
                            prop_assert_eq!(found, claimed, "accepted a span whose text differs");
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn every_importer_takes_any_bytes_without_panicking_or_half_reading(
        which in 0usize..GOLDEN.len(),
        mutations in proptest::collection::vec(mutation(), 1..6),
        mutate_text in any::<bool>(),
    ) {
        let name = GOLDEN[which];
        let bytes = mutate(golden(name), &mutations);
        let text_bytes = if mutate_text { mutate(golden("mini.txt"), &mutations) } else { golden("mini.txt") };
        let base_text = String::from_utf8_lossy(&text_bytes).into_owned();
        read_as(name, &bytes, &base_text)?;
        // The same bytes under another name: detection by content must hold up too.
        read_as("upload.json", &bytes, &base_text)?;
        read_as("upload.jsonl", &bytes, &base_text)?;
        let _ = html_depth::nesting_depth(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn store_records_workspace_files_and_label_sets_take_any_bytes(
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let native = golden("mini.annotations.json");
        let annotated = native_json::import(&String::from_utf8_lossy(&native)).expect("golden");
        let labels = std::rc::Rc::clone(&annotated.labels);
        let mut workspace = article_annotator::model::Workspace::new(annotated.clone());
        workspace.add(vec![(annotated.clone(), true)]).expect("two");
        let record = history_json::write_record(&annotated).expect("record");
        let file = workspace_file::export(&workspace, false).expect("file");
        for original in [record.clone(), file, label_set::export(&labels)] {
            let bytes = mutate(original.into_bytes(), &mutations);
            let Ok(text) = decode(&bytes, Encoding::Utf8) else { continue };
            if let Ok((read, _)) = history_json::read_record(&text, &labels) {
                check_whole(&read)?;
            }
            if let Ok(read) = workspace_file::import(&text) {
                for index in 0..read.len() {
                    check_whole(&read.annotated(index).expect("document"))?;
                }
            }
            if let Ok(meta) = workspace_file::read_meta(&text) {
                let recovered = recovery::recover(meta, &[Some(record.clone()), None]);
                if let Some(read) = recovered.workspace {
                    check_whole(&read.open_document())?;
                }
            }
            if let Ok(set) = label_set::import(&text) {
                prop_assert!(set.iter().all(|l| !l.name.trim().is_empty()));
            }
        }
    }
}
