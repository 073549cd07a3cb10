//! The `annotations` command: convert and check dataset files without a browser.
//! Offsets in every format are Unicode code points.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Output;

#[path = "support/cli.rs"]
mod cli;
use cli::{run, scratch};

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn convert_writes_the_same_bytes_as_the_app() {
    let input = tests_dir().join("golden/mini.annotations.json");
    let output = run(&["convert", input.to_str().unwrap(), "--to", "doccano"]);
    assert!(output.status.success());
    let golden = std::fs::read_to_string(tests_dir().join("golden/mini.doccano.jsonl")).unwrap();
    assert_eq!(stdout(&output), golden);
}

#[test]
fn brat_goes_to_a_directory_and_comes_back() {
    let input = tests_dir().join("golden/mini.annotations.json");
    let dir = scratch("brat");
    let output = run(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "brat",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let ann = dir.join("mini.ann");
    assert!(dir.join("mini.txt").exists());
    let back = run(&["convert", ann.to_str().unwrap(), "--to", "spacy"]);
    assert!(back.status.success(), "{back:?}");
    // brat's .txt has \n line ends (brat 1.3 counts \r\n as one character): the same spans
    // come back, in that text.
    let golden = std::fs::read_to_string(tests_dir().join("golden/mini.spacy.json")).unwrap();
    let entities = |json: &str| -> (String, Vec<(String, String)>) {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let text = value[0][0].as_str().unwrap().to_owned();
        let chars: Vec<char> = text.chars().collect();
        let spans = value[0][1]["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let (s, e, l) = (
                    e[0].as_u64().unwrap() as usize,
                    e[1].as_u64().unwrap() as usize,
                    e[2].as_str().unwrap(),
                );
                (chars[s..e].iter().collect(), l.to_owned())
            })
            .collect();
        (text, spans)
    };
    let (text, spans) = entities(&stdout(&back));
    let (golden_text, golden_spans) = entities(&golden);
    assert_eq!(text, golden_text.replace("\r\n", "\n"));
    let crlf = |spans: Vec<(String, String)>| -> Vec<(String, String)> {
        spans
            .into_iter()
            .map(|(t, l)| (t.replace("\r\n", "\n"), l))
            .collect()
    };
    assert_eq!(spans, crlf(golden_spans));
    assert!(String::from_utf8_lossy(&back.stderr)
        .contains("left out (overlaps a longer span): mini Place 85–91"));
    let refused = run(&["convert", input.to_str().unwrap(), "--to", "brat"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("-o <directory>"));
}

#[test]
fn check_passes_a_clean_file_and_lists_each_problem_of_a_bad_one() {
    let clean = scratch("clean").join("clean.jsonl");
    std::fs::write(
        &clean,
        "{\"text\": \"Shoigu met Bagheri\", \"label\": [[0, 6, \"Person\"]]}\n",
    )
    .unwrap();
    let output = run(&["check", clean.to_str().unwrap()]);
    assert!(output.status.success(), "{output:?}");
    assert!(stdout(&output).contains("ok (doccano JSONL, 1 document, 1 span)"));

    let bad = scratch("bad").join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"text\": \"Shoigu met Bagheri\", \"label\": [[0, 6, \"Person\"], [2, 9, \"Event\"], [11, 15, \"Person\"]]}\n",
    )
    .unwrap();
    // doccano holds crossing spans and boundaries inside words; CoNLL cannot.
    let output = run(&["check", bad.to_str().unwrap()]);
    assert!(output.status.success(), "{output:?}");
    assert!(stdout(&output).ends_with("ok (doccano JSONL, 1 document, 3 spans)\n"));
    let output = run(&["check", bad.to_str().unwrap(), "--for", "iob2"]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines.len(), 5, "{report}");
    assert!(lines[0].ends_with("line 1, span 2 (Event 2–9): it overlaps span 1; spaCy entities and CoNLL tags cannot hold both"), "{report}");
    assert!(
        lines[1].contains("its boundary at 2 falls inside a word"),
        "{report}"
    );
    assert!(
        lines[2].contains("its boundary at 9 falls inside a word"),
        "{report}"
    );
    assert!(
        lines[3].contains("span 3 (Person 11–15): its boundary at 15"),
        "{report}"
    );
    assert_eq!(lines[4], "4 problems");
}

#[test]
fn check_reports_offsets_that_do_not_match_and_convert_writes_nothing() {
    let bad = scratch("mismatch").join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"text\": \"Iran\", \"label\": [[0, 9, \"Place\"]]}\n",
    )
    .unwrap();
    let output = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output)
        .contains("line 1, span 1 (Place 0–9): its offsets lie outside the text (4 code points)"));
    let out = bad.with_extension("conll");
    let output = run(&[
        "convert",
        bad.to_str().unwrap(),
        "--to",
        "iob2",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing was written"));
    assert!(!out.exists());
}

#[test]
fn w3c_reads_against_the_text_given() {
    let dir = scratch("w3c");
    // The article the annotations were made on, \r\n line ends and all.
    let article = dir.join("mini.txt");
    let native = std::fs::read_to_string(tests_dir().join("golden/mini.annotations.json")).unwrap();
    let native: serde_json::Value = serde_json::from_str(&native).unwrap();
    std::fs::write(&article, native["document"]["text"].as_str().unwrap()).unwrap();
    let w3c = tests_dir().join("golden/mini.w3c.jsonld");
    let without = run(&["check", w3c.to_str().unwrap()]);
    assert!(!without.status.success());
    assert!(String::from_utf8_lossy(&without.stderr).contains("need the text they were made on"));
    let with = run(&[
        "convert",
        w3c.to_str().unwrap(),
        "--text",
        article.to_str().unwrap(),
        "--to",
        "bilou",
    ]);
    assert!(with.status.success(), "{with:?}");
    let golden = std::fs::read_to_string(tests_dir().join("golden/mini.bilou.conll")).unwrap();
    assert_eq!(stdout(&with), golden);
}

#[test]
fn usage_errors_exit_with_two() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(
        run(&["convert", "x.json", "--to", "yaml"]).status.code(),
        Some(2)
    );
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file under `dir`, relative to it, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("listed")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn brat_file_names_never_leave_the_folder_and_never_collide() {
    let dir = scratch("brat-ids");
    let input = dir.join("evil.jsonl");
    let escape = std::env::temp_dir().join(format!("annotations-escape-{}", std::process::id()));
    let lines = [
        r#"{"text": "Shoigu", "label": [[0, 6, "Person"]], "id": "../x"}"#.to_owned(),
        format!(
            r#"{{"text": "Bagheri", "label": [], "id": "{}"}}"#,
            escape.display()
        ),
        r#"{"text": "Moscow", "label": [], "id": "same"}"#.to_owned(),
        r#"{"text": "Tehran", "label": [], "id": "same"}"#.to_owned(),
    ];
    std::fs::write(&input, lines.join("\n")).unwrap();
    let out = dir.join("out");
    let output = run(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "brat",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    assert!(!dir.join("x.txt").exists() && !dir.join("x.ann").exists());
    assert!(!escape.with_extension("txt").exists());
    let names = listing(&out);
    assert_eq!(names.len(), 8, "{names:?}");
    assert!(names.contains(&"x.txt".to_owned()));
    assert!(names.contains(&"same.txt".to_owned()) && names.contains(&"same-2.txt".to_owned()));
    assert_eq!(
        std::fs::read_to_string(out.join("same-2.txt")).unwrap(),
        "Tehran"
    );
}

#[test]
fn a_failed_write_leaves_every_target_as_it_was() {
    let input = tests_dir().join("golden/mini.annotations.json");
    let dir = scratch("atomic");
    // The .ann cannot be written (a folder has its name): the .txt must not be written either.
    std::fs::create_dir_all(dir.join("mini.ann")).unwrap();
    let output = run(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "brat",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("nothing was written"),
        "{output:?}"
    );
    assert_eq!(listing(&dir), ["mini.ann"], "no .txt and no partial files");

    let target = dir.join("kept.conll");
    std::fs::write(&target, "old\n").unwrap();
    let bad = dir.join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"text\": \"Iran\", \"label\": [[0, 9, \"Place\"]]}\n",
    )
    .unwrap();
    let output = run(&[
        "convert",
        bad.to_str().unwrap(),
        "--to",
        "iob2",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old\n");
    let good = run(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "iob2",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert!(good.status.success(), "{good:?}");
    let golden = std::fs::read_to_string(tests_dir().join("golden/mini.iob2.conll")).unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), golden);
    assert!(listing(&dir).iter().all(|name| !name.ends_with(".partial")));
}

#[test]
fn text_that_is_not_utf8_is_refused_unless_its_encoding_is_given() {
    let dir = scratch("latin1");
    let article = dir.join("cafe.txt");
    std::fs::write(&article, b"Caf\xE9 M\xFCller met Shoigu.\n").unwrap();
    let refused = run(&["convert", article.to_str().unwrap(), "--to", "native"]);
    assert!(!refused.status.success());
    let message = stderr(&refused);
    assert!(
        message.contains("cafe.txt: it is not UTF-8 text: byte 0xE9 at offset 3 (line 1)")
            && message.contains("Café Müller")
            && message.contains("--encoding windows-1252"),
        "{message}"
    );
    assert!(stdout(&refused).is_empty());
    let read = run(&[
        "convert",
        article.to_str().unwrap(),
        "--to",
        "native",
        "--encoding",
        "windows-1252",
    ]);
    assert!(read.status.success(), "{read:?}");
    assert!(stdout(&read).contains("\"text\": \"Café Müller met Shoigu.\\n\""));

    let bom = dir.join("bom.jsonl");
    std::fs::write(
        &bom,
        b"\xEF\xBB\xBF{\"text\": \"Shoigu\", \"label\": [[0, 6, \"Person\"]]}\n",
    )
    .unwrap();
    let checked = run(&["check", bom.to_str().unwrap()]);
    assert!(checked.status.success(), "{checked:?}");
}

#[test]
fn agree_and_merge_read_one_file_per_annotator() {
    let file = |name: &str| tests_dir().join(format!("fixtures/agreement/{name}.jsonl"));
    let (a, b, c) = (file("alice"), file("bob"), file("carol"));
    let [a, b, c] = [&a, &b, &c].map(|p| p.to_str().unwrap().to_owned());
    let agreed = run(&["agree", &a, &b, &c, "--json"]);
    assert!(agreed.status.success());
    let report: serde_json::Value = serde_json::from_str(&stdout(&agreed)).unwrap();
    assert_eq!(report["pairs"].as_array().unwrap().len(), 3);
    assert_eq!(report["pairs"][0]["documents"], 21);
    assert_eq!(report["pairs"][0]["exact"]["possible"], 521);
    let out = scratch("merge").join("curated.jsonl");
    let merged = run(&[
        "merge",
        "--strategy",
        "majority",
        &a,
        &b,
        &c,
        "--to",
        "doccano",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        merged.status.success(),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    let curated = std::fs::read_to_string(&out).unwrap();
    assert_eq!(curated.lines().count(), 21);
    // Every span two of the three marked exactly is in; alice's file is the gold, and every
    // curated span is one at least two marked, so alice agrees with nearly all of them.
    let back = run(&["agree", out.to_str().unwrap(), &a, "--json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&back)).unwrap();
    assert_eq!(report["pairs"][0]["documents"], 21);
    assert!(report["pairs"][0]["exact"]["recall"].as_f64().unwrap() > 0.95);
    let one = run(&["agree", &a]);
    assert!(!one.status.success(), "one annotator is refused");
    // As the workspace file, each curated document keeps where its spans came from.
    let out = scratch("merge").join("curated.workspace.json");
    let merged = run(&["merge", &a, &b, &c, "-o", out.to_str().unwrap()]);
    assert!(merged.status.success());
    let workspace = std::fs::read_to_string(&out).unwrap();
    let workspace: serde_json::Value = serde_json::from_str(&workspace).unwrap();
    let first = &workspace["documents"][0];
    let curation = &first["document"]["curation"];
    assert_eq!(
        curation["annotators"],
        serde_json::json!(["alice", "bob", "carol"])
    );
    assert_eq!(curation["strategy"], "majority");
    let sources = first["annotations"][0]["sources"].as_array().unwrap();
    assert!(
        sources.len() >= 2,
        "a merged span comes from two annotators or more"
    );
}

#[test]
fn check_lets_a_native_file_nest_its_spans_and_names_a_bilou_file_as_such() {
    let mini = tests_dir().join("golden/mini.annotations.json");
    let mini = mini.to_str().unwrap();
    let output = run(&["check", mini]);
    assert!(output.status.success(), "{output:?}");
    assert!(stdout(&output).contains("ok (Native JSON, 1 document, 8 spans)"));
    let output = run(&["check", mini, "--for", "spacy"]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(
        report.contains("span 8 (Place 87–93): it overlaps span 7"),
        "{report}"
    );
    assert!(report.ends_with("\n1 problem\n"), "{report}");
    let bilou = tests_dir().join("golden/mini.bilou.conll");
    let output = run(&["check", bilou.to_str().unwrap()]);
    assert!(stdout(&output).contains("ok (CoNLL BILOU, 1 document, 7 spans)"));
}
