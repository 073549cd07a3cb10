//! Labels and their edits: default keys, names that become new labels, renaming, keys,
//! reordering, deleting, merging an imported set.
#![cfg(not(target_arch = "wasm32"))]

use article_annotator::model::colors::FALLBACK_COLOR;
use article_annotator::model::{LabelError, LabelId, LabelSet};

#[test]
fn default_labels_have_keys_one_two_three() {
    let labels = LabelSet::default_set();
    assert_eq!(labels.by_key('1').map(|l| l.name.as_str()), Some("Person"));
    assert_eq!(labels.by_key('2').map(|l| l.name.as_str()), Some("Place"));
    assert_eq!(labels.by_key('3').map(|l| l.name.as_str()), Some("Event"));
    assert!(labels.by_key('4').is_none());
    assert_eq!(labels.by_name("Place").map(|l| l.id), Some(LabelId(1)));
}

#[test]
fn new_names_become_labels_with_the_next_free_keys() {
    let labels = LabelSet::default_set().with_names(["Place", "Organization", "Date", "Date"]);
    let names: Vec<_> = labels.iter().map(|l| (l.name.as_str(), l.key)).collect();
    assert_eq!(
        names,
        [
            ("Person", Some('1')),
            ("Place", Some('2')),
            ("Event", Some('3')),
            ("Organization", Some('4')),
            ("Date", Some('5'))
        ]
    );
    assert_eq!(labels.by_name("Date").map(|l| l.id), Some(LabelId(4)));
}

#[test]
fn edits_check_names_and_keys() {
    let labels = LabelSet::default_set();
    let (labels, org) = labels.added(" Organization ").expect("added");
    assert_eq!(
        labels.get(org).map(|l| (l.name.as_str(), l.key)),
        Some(("Organization", Some('4')))
    );
    assert_eq!(
        labels.added("Place"),
        Err(LabelError::NameTaken("Place".into()))
    );
    assert_eq!(labels.renamed(org, "  "), Err(LabelError::EmptyName));
    let renamed = labels.renamed(org, "Org").expect("renamed");
    assert_eq!(renamed.name_of(org), "Org");
    assert_eq!(
        labels.with_key(org, Some('1')),
        Err(LabelError::KeyTaken {
            key: '1',
            label: "Person".into()
        })
    );
    assert_eq!(
        labels.with_key(org, Some('?')),
        Err(LabelError::ReservedKey('?'))
    );
    let unkeyed = labels.with_key(LabelId(0), None).expect("unbound");
    assert!(unkeyed.by_key('1').is_none());
    let moved = labels.moved(org, -2).expect("moved");
    let names: Vec<&str> = moved.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Person", "Organization", "Place", "Event"]);
    assert_eq!(
        labels.moved(LabelId(0), -5).expect("moved"),
        labels,
        "stays first"
    );
    assert_eq!(
        labels
            .recoloured(org, "url(x)")
            .expect("grey")
            .get(org)
            .map(|l| l.color.as_str()),
        Some(FALLBACK_COLOR)
    );
    assert!(labels
        .without(LabelId(1))
        .expect("removed")
        .by_name("Place")
        .is_none());
    assert_eq!(
        labels.without(LabelId(9)),
        Err(LabelError::Unknown(LabelId(9)))
    );
}

#[test]
fn merging_an_imported_set_updates_colours_and_adds_names() {
    let imported = LabelSet::from_specs([
        ("Place", "#123456", Some('9')),
        ("Date", "#abcdef", Some('1')),
    ]);
    let merged = LabelSet::default_set().merged(&imported);
    let rows: Vec<(&str, &str, Option<char>)> = merged
        .iter()
        .map(|l| (l.name.as_str(), l.color.as_str(), l.key))
        .collect();
    assert_eq!(
        rows,
        [
            ("Person", "#ffc9a0", Some('1')),
            ("Place", "#123456", Some('9')),
            ("Event", "#a9d4ff", Some('3')),
            ("Date", "#abcdef", Some('4'))
        ]
    );
}
