//! Bad dataset files are refused whole, with a typed error naming the line and the span.
//! Offsets are Unicode code points.
#![cfg(not(target_arch = "wasm32"))]

use article_annotator::formats::{
    import, BaseText, Format, FormatError, Imported, LabeledText, Place, SpanProblem,
};
use article_annotator::model::{LabelSet, OverlapPolicy};

/// Imports and turns every document into an annotated one, as the app does.
fn open(format: Format, name: &str, content: &str) -> Result<usize, FormatError> {
    let base = BaseText {
        id: "doc",
        title: "Doc",
        text: "Sergei Shoigu met Bagheri in Moscow.\n",
    };
    match import(format, name, content, format.needs_text().then_some(base))? {
        Imported::Native(annotated) => Ok(annotated.store.len()),
        Imported::Documents(documents) => {
            let mut count = 0;
            for document in documents {
                count += document
                    .into_annotated(&LabelSet::default_set())?
                    .store
                    .len();
            }
            Ok(count)
        }
    }
}

fn message(result: Result<usize, FormatError>) -> String {
    result.expect_err("refused").to_string()
}

#[test]
fn empty_files_are_refused_for_every_dataset_format() {
    for format in [
        Format::Native,
        Format::Doccano,
        Format::LabelStudio,
        Format::Prodigy,
        Format::Spacy,
        Format::Iob2,
        Format::W3c,
    ] {
        assert_eq!(
            open(format, "f", "  \n"),
            Err(FormatError::Empty),
            "{format:?}"
        );
    }
    // An empty .ann is a brat document without spans: its text is in the .txt.
    assert_eq!(open(Format::Brat, "f.ann", ""), Ok(0));
}

#[test]
fn truncated_json_names_the_line() {
    let doccano = "{\"text\": \"ok\", \"label\": []}\n{\"text\": \"Sergei\", \"label\": [[0, 6";
    let error = open(Format::Doccano, "d.jsonl", doccano).expect_err("refused");
    assert!(
        matches!(
            error,
            FormatError::Syntax {
                place: Place::Line(2),
                ..
            }
        ),
        "{error:?}"
    );
    assert!(message(open(
        Format::LabelStudio,
        "t.json",
        "[{\"data\": {\"text\": "
    ))
    .contains("EOF"));
    assert!(matches!(
        open(
            Format::Spacy,
            "s.json",
            "[[\"text\", {\"entities\": [[0, 4, \"Place\"]]}]"
        ),
        Err(FormatError::Syntax { .. })
    ));
}

#[test]
fn wrong_types_are_refused() {
    let error = message(open(
        Format::Doccano,
        "d.jsonl",
        "{\"text\": 42, \"label\": []}",
    ));
    assert_eq!(error, "line 1: \"text\" must be a string");
    let error = message(open(
        Format::Prodigy,
        "p.jsonl",
        "{\"text\": \"a\", \"spans\": [{\"start\": \"0\"}]}",
    ));
    assert_eq!(error, "line 1: \"start\" must be a whole number");
    let error = message(open(
        Format::Doccano,
        "d.jsonl",
        "{\"text\": \"a\", \"label\": [[0, 1]]}",
    ));
    assert_eq!(error, "line 1: [0,1] is not [start, end, \"label\"]");
    let error = message(open(
        Format::LabelStudio,
        "t.json",
        "[{\"data\": {\"text\": 7}}]",
    ));
    assert_eq!(error, "record 1: \"text\" must be a string");
}

#[test]
fn offsets_out_of_range_name_the_line_and_span() {
    let doccano = "{\"text\": \"Moscow\", \"label\": [[0, 6, \"Place\"]]}\n\
                   {\"text\": \"Tehran\", \"label\": [[0, 6, \"Place\"], [2, 60, \"Place\"]]}";
    assert_eq!(
        open(Format::Doccano, "d.jsonl", doccano),
        Err(FormatError::Span {
            place: Place::Line(2),
            span: 2,
            label: "Place".into(),
            start: 2,
            end: 60,
            problem: SpanProblem::OutOfRange { length: 6 },
        })
    );
    let error = message(open(
        Format::Spacy,
        "s.json",
        "[[\"Iran\", {\"entities\": [[3, 1, \"Place\"]]}]]",
    ));
    assert_eq!(
        error,
        "record 1, span 1 (Place 3–1): its end is not after its start"
    );
}

#[test]
fn a_span_whose_text_differs_from_its_offsets_is_refused() {
    let task = r#"[{"data": {"text": "Sergei Shoigu met Bagheri"}, "annotations": [{"result": [
        {"from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 6, "text": "Sergei", "labels": ["Person"]}},
        {"from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 7, "end": 13, "text": "Bagheri", "labels": ["Person"]}}]}]}]"#;
    assert_eq!(
        message(open(Format::LabelStudio, "t.json", task)),
        "record 1, span 2 (Person 7–13): its offsets select \"Shoigu\", but its text is \"Bagheri\""
    );
    let ann =
        "T1\tPerson 0 13\tSergei Shoigu\nR1\tMeets Arg1:T1 Arg2:T2\nT2\tPlace 29 35\tTehran\n";
    assert_eq!(
        message(open(Format::Brat, "doc.ann", ann)),
        "line 3, span 2 (Place 29–35): its offsets select \"Moscow\", but its text is \"Tehran\""
    );
    let w3c = r#"{"type": "Annotation", "body": {"type": "TextualBody", "purpose": "tagging", "value": "Place"},
        "target": {"selector": [{"type": "TextQuoteSelector", "exact": "Moscow"},
                                {"type": "TextPositionSelector", "start": 18, "end": 25}]}}"#;
    assert!(message(open(Format::W3c, "a.jsonld", w3c)).contains("select \"Bagheri\""));
}

#[test]
fn whitespace_at_a_span_edge_is_refused() {
    let line = "{\"text\": \"met Bagheri here\", \"label\": [[3, 11, \"Person\"]]}";
    assert!(message(open(Format::Doccano, "d.jsonl", line)).contains("whitespace"));
}

#[test]
fn prodigy_token_indices_must_match_offsets() {
    let line = r#"{"text": "Sergei Shoigu", "tokens": [
        {"text": "Sergei", "start": 0, "end": 6, "id": 0, "ws": true},
        {"text": "Shoigu", "start": 7, "end": 13, "id": 1, "ws": false}],
        "spans": [{"start": 0, "end": 13, "token_start": 0, "token_end": 0, "label": "Person"}]}"#;
    assert_eq!(
        message(open(Format::Prodigy, "p.jsonl", &line.replace('\n', ""))),
        "line 1, span 1 (Person 0–13): its tokens 0 to 0 do not start and end where it does"
    );
}

#[test]
fn bad_conll_tags_name_their_line() {
    let conll = "-DOCSTART- -X- O O\n\nSergei\tB-Person\nShoigu\tL-Place\n";
    assert_eq!(
        message(open(Format::Bilou, "x.conll", conll)),
        "line 4: \"L-Place\" ends an entity that was never begun"
    );
    let conll = "Sergei\tB-Person\nShoigu\n";
    assert!(message(open(Format::Iob2, "x.conll", conll)).starts_with("line 2:"));
    let conll = "Sergei\tX-\n";
    assert!(message(open(Format::Iob2, "x.conll", conll)).contains("not an IOB2 or BILOU tag"));
}

#[test]
fn iob1_tags_are_read_as_entities() {
    let conll = "Sergei\tI-Person\nShoigu\tI-Person\nmet\tO\nBagheri\tI-Person\n";
    let Ok(Imported::Documents(documents)) = import(Format::Iob2, "x.conll", conll, None) else {
        panic!("read");
    };
    let spans: Vec<(usize, usize)> = documents[0]
        .spans
        .iter()
        .map(|s| (s.start, s.end))
        .collect();
    assert_eq!(documents[0].text, "Sergei Shoigu met Bagheri");
    assert_eq!(spans, [(0, 13), (18, 25)]);
}

#[test]
fn unknown_labels_are_added_as_new_labels() {
    let line = "{\"text\": \"NATO met in Brussels\", \"label\": [[0, 4, \"Organization\"], [12, 20, \"Place\"]]}";
    let Ok(Imported::Documents(documents)) = import(Format::Doccano, "d.jsonl", line, None) else {
        panic!("read");
    };
    let annotated = documents[0]
        .clone()
        .into_annotated(&LabelSet::default_set())
        .expect("valid");
    let names: Vec<&str> = annotated.labels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Person", "Place", "Event", "Organization"]);
    assert_eq!(
        annotated.labels.by_name("Organization").and_then(|l| l.key),
        Some('4')
    );
}

#[test]
fn crossing_spans_switch_the_document_to_any_overlap_and_duplicates_are_refused() {
    let record = |spans: &[(usize, usize, &str)]| LabeledText {
        id: "d".into(),
        title: "D".into(),
        text: "Sergei Shoigu met".into(),
        spans: spans
            .iter()
            .map(
                |&(start, end, label)| article_annotator::formats::SpanRecord {
                    start,
                    end,
                    label: label.into(),
                    text: None,
                },
            )
            .collect(),
        annotator: None,
        reading: None,
        place: Place::Line(7),
    };
    let crossing = record(&[(0, 13, "Person"), (7, 17, "Event")]);
    let annotated = crossing
        .into_annotated(&LabelSet::default_set())
        .expect("kept");
    assert_eq!(annotated.store.policy(), OverlapPolicy::Any);
    assert_eq!(annotated.store.len(), 2);
    let duplicate = record(&[(0, 6, "Person"), (0, 6, "Person")]);
    let error = duplicate
        .into_annotated(&LabelSet::default_set())
        .expect_err("refused");
    assert!(
        error
            .to_string()
            .starts_with("line 7, span 2 (Person 0–6):"),
        "{error}"
    );
}

#[test]
fn w3c_and_brat_without_their_text_say_what_is_missing() {
    for format in [Format::W3c, Format::Brat] {
        let error = import(format, "a", "{}", None).expect_err("refused");
        assert!(matches!(error, FormatError::MissingText(_)), "{error:?}");
    }
}

#[test]
fn unrecognised_content_is_not_guessed() {
    assert_eq!(Format::detect("notes.bin", "\u{0}\u{1}binary"), None);
    assert_eq!(Format::detect("data", "{\"hello\": 1}"), None);
}

#[test]
fn half_imports_are_refused_whole_with_the_record_named() {
    let task = |value: &str| {
        format!(
            r#"[{{"data": {{"text": "Sergei Shoigu met Bagheri"}}, "annotations": [{{"result": [
                {{"type": "labels", "value": {{"start": 0, "end": 13, "labels": ["Person"]}}}},
                {{"type": "labels", "value": {value}}}]}}]}}]"#
        )
    };
    let good = task(r#"{"start": 18, "end": 25, "labels": ["Person"]}"#);
    assert_eq!(open(Format::LabelStudio, "t.json", &good), Ok(2));
    assert_eq!(
        message(open(
            Format::LabelStudio,
            "t.json",
            &task(r#"{"start": 18, "end": 25, "labels": []}"#)
        )),
        "record 1: the \"labels\" result at 18–25 names no label"
    );
    assert_eq!(
        message(open(Format::LabelStudio, "t.json", &task("null"))),
        "record 1: a \"labels\" result needs its \"value\""
    );
    let spacy = r#"[["Sergei Shoigu", {"entities": [[0, 13, "Person"]]}], ["Bagheri", {"entities": null}]]"#;
    assert_eq!(
        message(open(Format::Spacy, "s.json", spacy)),
        "record 2: \"entities\" must be an array (it is null; write [] for none)"
    );
    assert_eq!(
        open(Format::Spacy, "s.json", r#"[["Bagheri", {}]]"#),
        Ok(0),
        "no entities key: no spans, as spaCy reads it"
    );
}

#[test]
fn an_ann_that_is_not_brat_is_refused_at_its_first_bad_line() {
    let ann = "T1\tPerson 0 6\tSergei\n#1\tAnnotatorNotes T1\tok\n\u{7f}ELF\u{1}\u{2}garbage\n";
    assert_eq!(
        message(open(Format::Brat, "doc.ann", ann)),
        "line 3: not a brat annotation line (T, R, E, A, M, N, * or # followed by an id and a tab)"
    );
    let fine =
        "T1\tPerson 0 6\tSergei\nR1\tOrigin Arg1:T1 Arg2:T1\n*\tEquiv T1 T1\n\nA1\tNegated T1\n";
    assert_eq!(open(Format::Brat, "doc.ann", fine), Ok(1));
}

#[test]
fn an_empty_text_and_a_nameless_label_are_refused() {
    assert_eq!(open(Format::Text, "empty.txt", ""), Err(FormatError::Empty));
    assert_eq!(
        open(Format::Text, "blank.md", " \n\n"),
        Err(FormatError::Empty)
    );
    assert_eq!(
        message(open(
            Format::Doccano,
            "d.jsonl",
            r#"{"text": "Sergei Shoigu", "label": [[0, 6, " "]]}"#
        )),
        "line 1, span 1 (  0–6): its label has no name"
    );
    let native = r##"{"format": "article-annotator", "version": 1, "offset_unit": "codepoint",
        "document": {"id": "a", "title": "a", "text": "Shoigu"},
        "labels": [{"name": "Person", "color": "#fff", "key": "1"}, {"name": "", "color": "#fff", "key": null}],
        "annotations": []}"##;
    assert_eq!(
        message(open(Format::Native, "a.json", native)),
        "label 2 has no name"
    );
}

#[test]
fn a_cut_short_json_file_is_called_that_not_a_broken_native_file() {
    let whole = r#"[{"data": {"text": "Sergei Shoigu"}, "annotations": []}]"#;
    let cut = &whole[..30];
    for format in [Format::LabelStudio, Format::Native, Format::Spacy] {
        let said = message(open(format, "tasks.json", cut));
        assert!(
            said.starts_with("the file: it is not valid JSON (EOF while parsing")
                && said.ends_with("it ends early, so it may have been cut short"),
            "{format:?}: {said}"
        );
    }
    assert_eq!(Format::detect("tasks.json", cut), Some(Format::Native));
}

#[test]
fn doccano_offsets_in_utf16_are_read_as_the_file_says_and_a_split_character_is_refused() {
    // "😀 Moscow": Moscow is 2–8 in code points, 3–9 in UTF-16 code units.
    let line = |unit: &str, start: usize, end: usize| {
        format!("{{\"text\": \"😀 Moscow\", \"label\": [[{start}, {end}, \"Place\"]], \"offset_unit\": \"{unit}\"}}")
    };
    assert_eq!(
        open(Format::Doccano, "d.jsonl", &line("utf16", 3, 9)),
        Ok(1)
    );
    assert_eq!(
        open(Format::Doccano, "d.jsonl", &line("codepoint", 2, 8)),
        Ok(1)
    );
    // The same numbers read in the wrong unit select " Mosco", which is not trimmed.
    assert!(open(Format::Doccano, "d.jsonl", &line("codepoint", 3, 9)).is_err());
    let split = message(open(Format::Doccano, "d.jsonl", &line("utf16", 1, 9)));
    assert!(
        split.contains("line 1") && split.contains("span 1 (1–9 in UTF-16 code units)"),
        "{split}"
    );
    let unknown = message(open(Format::Doccano, "d.jsonl", &line("grapheme", 2, 8)));
    assert!(unknown.contains("\"grapheme\""), "{unknown}");
}
