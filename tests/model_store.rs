//! The annotation store's invariants and its undo/redo history (offsets in code points).

use article_annotator::default_article;
use article_annotator::model::{
    AnnotatedDocument, AnnotationId, AnnotationStore, Document, EditError, LabelId, OverlapPolicy,
};

const PERSON: LabelId = LabelId(0);
const PLACE: LabelId = LabelId(1);

fn find(document: &Document, needle: &str) -> std::ops::Range<usize> {
    let byte = document.text().find(needle).expect("needle in text");
    let start = document.indexed().char_of_byte(byte).expect("boundary");
    start..start + needle.chars().count()
}

fn texts(document: &Document, store: &AnnotationStore) -> Vec<String> {
    store
        .iter()
        .map(|a| {
            document
                .slice(a.range())
                .unwrap_or("<out of range>")
                .to_owned()
        })
        .collect()
}

#[test]
fn adds_a_person_on_the_seed_article_with_code_point_offsets() {
    let document = default_article::document();
    let mut store = AnnotationStore::new();
    let range = find(&document, "Sergei Shoigu");
    let added = store.add(&document, range.clone(), PERSON).expect("added");
    assert_eq!(added.range(), range);
    assert_eq!(document.slice(added.range()), Some("Sergei Shoigu"));
    // "TEHRAN – " has a 3-byte dash, so byte and code point offsets differ here.
    assert_ne!(
        document.indexed().byte_of_char(added.start),
        Some(added.start)
    );
}

#[test]
fn trims_surrounding_whitespace_and_refuses_whitespace_only() {
    let document = Document::new("d", "D", "met  Valery Gerasimov \u{a0}\n today");
    let mut store = AnnotationStore::new();
    let added = store.add(&document, 3..24, PERSON).expect("added");
    assert_eq!(document.slice(added.range()), Some("Valery Gerasimov"));
    assert_eq!(store.add(&document, 21..25, PERSON), Err(EditError::Empty));
    assert_eq!(store.len(), 1);
}

#[test]
fn refuses_out_of_range_and_the_same_span_with_the_same_label() {
    let document = Document::new("d", "D", "Moscow and Tehran");
    let mut store = AnnotationStore::new();
    assert!(matches!(
        store.add(&document, 11..40, PLACE),
        Err(EditError::OutOfRange { len: 17, .. })
    ));
    let first = store.add(&document, 0..6, PLACE).expect("added");
    assert_eq!(
        store.add(&document, 0..7, PLACE),
        Err(EditError::Duplicate(first.id))
    );
    store
        .add(&document, 0..6, PERSON)
        .expect("another label on the same span is allowed");
    assert_eq!(store.len(), 2);
}

#[test]
fn relabel_and_remove_check_their_target() {
    let document = Document::new("d", "D", "Bagheri met Shoigu");
    let mut store = AnnotationStore::new();
    let a = store.add(&document, 0..7, PERSON).expect("added");
    assert_eq!(store.relabel(a.id, PERSON), Err(EditError::Unchanged));
    assert_eq!(store.relabel(a.id, PLACE).map(|a| a.label), Ok(PLACE));
    assert_eq!(
        store.remove(AnnotationId(99)),
        Err(EditError::Unknown(AnnotationId(99)))
    );
    assert_eq!(store.remove(a.id).map(|a| a.id), Ok(a.id));
    assert!(store.is_empty());
}

#[test]
fn undo_and_redo_walk_every_change_back_and_forth() {
    let document = Document::new("d", "D", "Bagheri met Shoigu in Moscow");
    let mut store = AnnotationStore::new();
    let bagheri = store.add(&document, 0..7, PERSON).expect("added");
    let moscow = store.add(&document, 22..28, PERSON).expect("added");
    store.relabel(moscow.id, PLACE).expect("relabeled");
    store.remove(bagheri.id).expect("removed");
    let after_all = store.clone();

    assert_eq!(store.undo().map(|c| c.touched), Some(0..7));
    assert_eq!(texts(&document, &store), ["Bagheri", "Moscow"]);
    assert_eq!(store.undo().map(|c| c.touched), Some(22..28));
    assert_eq!(store.get(moscow.id).map(|a| a.label), Some(PERSON));
    assert_eq!(store.undo().map(|c| c.touched), Some(22..28));
    assert_eq!(store.undo().map(|c| c.touched), Some(0..7));
    assert!(store.is_empty());
    assert_eq!(store.undo(), None);
    assert!(!store.can_undo());

    while store.redo().is_some() {}
    assert_eq!(
        store.iter().collect::<Vec<_>>(),
        after_all.iter().collect::<Vec<_>>()
    );
    assert!(!store.can_redo());
}

#[test]
fn a_new_change_after_undo_clears_redo() {
    let document = Document::new("d", "D", "Bagheri met Shoigu");
    let mut store = AnnotationStore::new();
    store.add(&document, 0..7, PERSON).expect("added");
    store.undo();
    assert!(store.can_redo());
    store.add(&document, 12..18, PERSON).expect("added");
    assert!(!store.can_redo());
    assert_eq!(texts(&document, &store), ["Shoigu"]);
}

#[test]
fn keeps_text_order_outer_span_first_and_finds_overlaps() {
    let document = Document::new(
        "d",
        "D",
        "joint drills at the Kharbmaidon training ground in Tajikistan",
    );
    let mut store = AnnotationStore::new();
    store.add(&document, 51..61, PLACE).expect("added");
    store.add(&document, 20..31, PLACE).expect("added");
    store.add(&document, 0..47, LabelId(2)).expect("added");
    assert_eq!(
        texts(&document, &store),
        [
            "joint drills at the Kharbmaidon training ground",
            "Kharbmaidon",
            "Tajikistan"
        ]
    );
    let near_training: Vec<_> = store.overlapping(32..40).map(|a| a.start).collect();
    assert_eq!(near_training, [0], "only the long span covers 'training'");
    assert_eq!(store.overlapping(47..51).count(), 0);
}

#[test]
fn saved_annotations_are_checked_like_new_ones() {
    let document = Document::new("d", "D", "Bagheri met Shoigu");
    let saved = |start, end, id| article_annotator::model::Annotation {
        id: AnnotationId(id),
        start,
        end,
        label: PERSON,
    };
    let store = AnnotationStore::from_saved(
        &document,
        [saved(0, 7, 4), saved(12, 18, 9)],
        OverlapPolicy::default(),
    )
    .expect("valid");
    assert_eq!(store.len(), 2);
    assert!(!store.can_undo(), "loading is not an undoable change");
    let bad = |spans: Vec<_>| {
        AnnotationStore::from_saved(&document, spans, OverlapPolicy::default())
            .map(|_| ())
            .map_err(|(_, e)| e)
    };
    assert_eq!(bad(vec![saved(7, 12, 1)]), Err(EditError::Untrimmed));
    assert!(matches!(
        bad(vec![saved(12, 30, 1)]),
        Err(EditError::OutOfRange { .. })
    ));
    assert_eq!(
        bad(vec![saved(0, 7, 1), saved(12, 18, 1)]),
        Err(EditError::DuplicateId(AnnotationId(1)))
    );
    assert_eq!(
        bad(vec![saved(0, 7, 1), saved(0, 7, 2)]),
        Err(EditError::Duplicate(AnnotationId(1)))
    );
    // New ids continue after the largest saved one.
    let mut store = store;
    let next = store.add(&document, 8..11, PERSON).expect("added");
    assert_eq!(next.id, AnnotationId(10));
}

const EVENT: LabelId = LabelId(2);

#[test]
fn by_default_spans_nest_across_labels_but_never_cross_or_nest_within_one_label() {
    let document = Document::new(
        "d",
        "D",
        "joint drills at the Kharbmaidon training ground in Tajikistan",
    );
    let mut store = AnnotationStore::new();
    let event = store.add(&document, 0..47, EVENT).expect("the long Event");
    let place = store
        .add(&document, 20..47, PLACE)
        .expect("a Place inside the Event");
    store
        .add(&document, 20..31, PERSON)
        .expect("a Person inside the Place");
    assert_eq!(
        store.add(&document, 20..31, PLACE),
        Err(EditError::NestedSameLabel(place.id))
    );
    assert_eq!(
        store.add(&document, 0..12, EVENT),
        Err(EditError::NestedSameLabel(event.id))
    );
    assert_eq!(
        store.add(&document, 41..61, PLACE),
        Err(EditError::Crossing(event.id))
    );
    let tajikistan = store
        .add(&document, 51..61, PERSON)
        .expect("apart from the others");
    assert_eq!(
        store.relabel(tajikistan.id, PLACE).map(|a| a.label),
        Ok(PLACE)
    );
    let person = store
        .iter()
        .find(|a| a.label == PERSON)
        .map(|a| a.id)
        .expect("person");
    assert_eq!(
        store.relabel(person, PLACE),
        Err(EditError::NestedSameLabel(place.id))
    );
    assert!(EditError::Crossing(event.id)
        .to_string()
        .contains("not cross"));
    assert_eq!(store.len(), 4);
}

#[test]
fn the_any_policy_allows_crossing_but_not_exact_duplicates() {
    let document = Document::new("d", "D", "joint drills at the Kharbmaidon training ground");
    let mut store = AnnotationStore::with_policy(OverlapPolicy::Any);
    let first = store.add(&document, 0..31, EVENT).expect("added");
    store
        .add(&document, 20..47, EVENT)
        .expect("crossing allowed");
    store
        .add(&document, 6..12, EVENT)
        .expect("same-label nesting allowed");
    assert_eq!(
        store.add(&document, 0..31, EVENT),
        Err(EditError::Duplicate(first.id))
    );
    store.set_policy(OverlapPolicy::NestedDifferentLabels);
    assert!(matches!(
        store.add(&document, 16..40, PLACE),
        Err(EditError::Crossing(_))
    ));
}

#[test]
fn label_edits_and_span_edits_share_one_undo_history() {
    let mut annotated =
        AnnotatedDocument::new(Document::new("d", "D", "Shoigu met Bagheri in Moscow"));
    let document = annotated.document.clone();
    let (person, place) = (PERSON, PLACE);
    annotated
        .store
        .add(&document, 0..6, person)
        .expect("Shoigu");
    annotated
        .store
        .add(&document, 11..18, person)
        .expect("Bagheri");
    annotated
        .store
        .add(&document, 22..28, place)
        .expect("Moscow");
    let renamed = annotated
        .labels
        .renamed(place, "Location")
        .expect("renamed");
    annotated.set_labels(renamed);
    assert_eq!(annotated.labels.name_of(place), "Location");

    assert_eq!(annotated.delete_label(person), Ok(2));
    assert!(annotated.labels.get(person).is_none());
    assert_eq!(annotated.store.len(), 1);

    // One undo brings back the label and both of its spans.
    assert_eq!(annotated.undo(), Ok(Some(0..18)));
    assert_eq!(annotated.labels.name_of(person), "Person");
    assert_eq!(annotated.store.len(), 3);
    // The next undoes the rename, the next the last span.
    assert_eq!(annotated.undo(), Ok(Some(0..0)));
    assert_eq!(annotated.labels.name_of(place), "Place");
    assert_eq!(annotated.undo(), Ok(Some(22..28)));
    assert_eq!(annotated.store.len(), 2);
    while matches!(annotated.redo(), Ok(Some(_))) {}
    assert_eq!(annotated.labels.name_of(place), "Location");
    assert!(annotated.labels.get(person).is_none());
    assert_eq!(annotated.store.len(), 1);
}

#[test]
fn tagging_all_occurrences_is_one_undo_step_and_counts_what_it_skipped() {
    use article_annotator::model::occurrences::whole_word_occurrences;
    let text = "Bagheri met Shoigu. General Bagheri said the Bagheri Doctrine, Bagheri’s plan.";
    let document = Document::new("d", "D", text);
    let mut store = AnnotationStore::new();
    let doctrine = find(&document, "the Bagheri Doctrine");
    store
        .add(&document, doctrine, PLACE)
        .expect("an Event-like span");
    let first = find(&document, "Bagheri");
    store.add(&document, first, PERSON).expect("first");
    // A Place around the second one: a Person nested in another label is allowed.
    let general = find(&document, "General Bagheri");
    store.add(&document, general, PLACE).expect("outer");
    let occurrences = whole_word_occurrences(&document, "Bagheri", true);
    assert_eq!(occurrences.len(), 3, "Bagheri’s is not a whole-word match");
    let tally = store.add_all(&document, occurrences.into_iter().map(|r| (r, PERSON)));
    assert_eq!(tally.already, 1);
    assert_eq!(
        tally.added, 2,
        "inside General Bagheri and inside the Doctrine: nested, other label"
    );
    assert_eq!(tally.refused, 0);
    let second = text.find("Bagheri said").expect("second");
    let third = text.find("Bagheri Doctrine").expect("third") + "Bagheri".len();
    assert_eq!(
        tally.touched,
        second..third,
        "from the first added to the last (ASCII text)"
    );
    assert_eq!(store.len(), 5);
    store.undo();
    assert_eq!(store.len(), 3, "one undo takes all of them back");
    let mut same_label = AnnotationStore::new();
    same_label
        .add(&document, find(&document, "General Bagheri"), PERSON)
        .expect("outer Person");
    let tally = same_label.add_all(
        &document,
        whole_word_occurrences(&document, "Bagheri", true)
            .into_iter()
            .map(|r| (r, PERSON)),
    );
    assert_eq!(
        (tally.added, tally.refused),
        (2, 1),
        "a Person inside a Person is refused"
    );
}
