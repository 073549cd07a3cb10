//! Every format round-trips: export → import gives the same spans (code point offsets, label),
//! on the seed article with 58 Person/Place/Event spans and on a text with emoji, CJK, RTL
//! and CRLF. Formats that cannot hold overlaps give the outermost spans and list the rest.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/export_one.rs"]
mod export_one;
use export_one::export_document;

#[path = "support/spans.rs"]
mod spans;

use article_annotator::formats::export::write_records;
use article_annotator::formats::overlaps::unrepresentable;
use article_annotator::formats::{import, BaseText, Format, Imported, LabeledText};
use article_annotator::model::{AnnotatedDocument, LabelSet};
use spans::{spans_of, Spans};

fn fixture(path: &str) -> AnnotatedDocument {
    let path = format!("{}/tests/{path}", env!("CARGO_MANIFEST_DIR"));
    let content = std::fs::read_to_string(&path).expect("fixture");
    match import(Format::Native, &path, &content, None) {
        Ok(Imported::Native(annotated)) => annotated,
        other => panic!("not a native document: {other:?}"),
    }
}

fn documents() -> Vec<AnnotatedDocument> {
    vec![
        fixture("fixtures/seed.annotations.json"),
        fixture("golden/mini.annotations.json"),
    ]
}

/// The spans without those a spaCy or CoNLL export must leave out.
fn outermost(annotated: &AnnotatedDocument) -> Spans {
    let record = LabeledText::from_annotated(annotated).expect("record");
    let skipped = unrepresentable(std::slice::from_ref(&record));
    assert!(
        !skipped.is_empty(),
        "each fixture has a nested span to skip"
    );
    spans_of(annotated)
        .into_iter()
        .filter(|(_, start, end)| !skipped.iter().any(|s| (s.start, s.end) == (*start, *end)))
        .collect()
}

/// Exports in `format` and reads the files back, as one annotated document.
fn round_trip(format: Format, annotated: &AnnotatedDocument) -> AnnotatedDocument {
    let files = export_document(format, annotated).expect("exported");
    let document = &annotated.document;
    let base = BaseText {
        id: &document.id,
        title: &document.title,
        text: document.text(),
    };
    let main = files.last().expect("a file");
    let base = format.needs_text().then_some(base);
    let detected = Format::detect(&main.name, &main.content).expect("recognised");
    match import(detected, &main.name, &main.content, base).expect("imported") {
        Imported::Native(annotated) => annotated,
        Imported::Documents(mut documents) => {
            assert_eq!(documents.len(), 1);
            documents
                .remove(0)
                .into_annotated(&LabelSet::default_set())
                .expect("valid spans")
        }
    }
}

#[test]
fn offset_formats_give_back_the_same_text_and_spans() {
    for annotated in documents() {
        for format in [
            Format::Native,
            Format::Doccano,
            Format::LabelStudio,
            Format::Prodigy,
            Format::Brat,
            Format::W3c,
        ] {
            let back = round_trip(format, &annotated);
            assert_eq!(
                back.document.text(),
                annotated.document.text(),
                "{format:?}"
            );
            assert_eq!(spans_of(&back), spans_of(&annotated), "{format:?}");
        }
    }
}

#[test]
fn ids_and_titles_survive_where_the_format_has_room() {
    let annotated = fixture("golden/mini.annotations.json");
    for format in [
        Format::Native,
        Format::Doccano,
        Format::LabelStudio,
        Format::Prodigy,
    ] {
        let back = round_trip(format, &annotated);
        assert_eq!(back.document.id, "mini", "{format:?}");
        assert_eq!(back.document.title, "A mini article", "{format:?}");
    }
}

#[test]
fn spacy_offsets_give_back_the_outermost_spans() {
    for annotated in documents() {
        let back = round_trip(Format::Spacy, &annotated);
        assert_eq!(back.document.text(), annotated.document.text());
        assert_eq!(spans_of(&back), outermost(&annotated));
    }
}

#[test]
fn conll_gives_back_the_outermost_spans_over_the_same_tokens() {
    let squeeze = |text: &str| text.split_whitespace().collect::<String>();
    for annotated in documents() {
        let want: Vec<(String, String)> = outermost(&annotated)
            .into_iter()
            .map(|(label, start, end)| {
                let text = annotated.document.slice(start..end).expect("in range");
                (label, squeeze(text))
            })
            .collect();
        for format in [Format::Iob2, Format::Bilou] {
            let back = round_trip(format, &annotated);
            let got: Vec<(String, String)> = spans_of(&back)
                .into_iter()
                .map(|(label, start, end)| {
                    (
                        label,
                        squeeze(back.document.slice(start..end).expect("in range")),
                    )
                })
                .collect();
            assert_eq!(got, want, "{format:?}");
            assert_eq!(
                squeeze(back.document.text()),
                squeeze(annotated.document.text()),
                "{format:?}: the tokens spell the article"
            );
        }
    }
}

#[test]
fn corpus_formats_hold_several_documents_in_one_file() {
    let records: Vec<LabeledText> = documents()
        .iter()
        .map(|a| LabeledText::from_annotated(a).expect("record"))
        .collect();
    for format in [
        Format::Doccano,
        Format::LabelStudio,
        Format::Prodigy,
        Format::Spacy,
        Format::Iob2,
    ] {
        let files = write_records(format, &records, "corpus").expect("exported");
        assert_eq!(files.len(), 1, "{format:?}");
        let Imported::Documents(back) =
            import(format, &files[0].name, &files[0].content, None).expect("imported")
        else {
            panic!("documents expected");
        };
        assert_eq!(back.len(), 2, "{format:?}");
        assert!(back[1].spans.len() <= records[1].spans.len(), "{format:?}");
        assert!(back[0].spans.len() >= 57, "{format:?}");
    }
}
