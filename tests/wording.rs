//! What the user is told, built from what an action did.
#![cfg(not(target_arch = "wasm32"))]

use article_annotator::model::LabelSet;
use article_annotator::ui::wording::label_import;

#[test]
fn a_label_import_says_every_key_it_moved_or_could_not_give() {
    let before = LabelSet::default_set();
    let imported = LabelSet::from_specs([
        ("Place", "#123456", Some('9')),
        ("Event", "#a9d4ff", Some('1')),
        ("Date", "#abcdef", Some('d')),
    ]);
    let after = before.merged(&imported);
    assert_eq!(
        label_import(&before, &imported, &after),
        "Imported the labels: \u{201c}Place\u{201d} now has key 9 (was 2); \u{201c}Event\u{201d} \
         keeps key 3: 1 belongs to \u{201c}Person\u{201d}; added \u{201c}Date\u{201d} (key d); \
         1 colour changed; Undo takes it back"
    );
    assert_eq!(
        label_import(&before, &before, &before),
        "Imported the labels: they were already the same"
    );
}
