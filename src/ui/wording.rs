//! What the app tells the user, worded in one place: summaries built from what an action did.

use crate::model::LabelSet;

fn key_name(key: Option<char>) -> String {
    key.map_or("none".to_owned(), |key| key.to_string())
}

/// What importing a label set changed: labels added with their keys, keys that moved, keys
/// the file asked for but another label holds, and how many colours changed.
pub fn label_import(before: &LabelSet, imported: &LabelSet, after: &LabelSet) -> String {
    let mut parts = Vec::new();
    let mut recoloured = 0;
    for label in imported.iter() {
        let Some(now) = after.by_name(&label.name) else {
            continue;
        };
        match before.by_name(&label.name) {
            None => parts.push(format!(
                "added \u{201c}{}\u{201d} (key {})",
                now.name,
                key_name(now.key)
            )),
            Some(old) => {
                if old.key != now.key {
                    parts.push(format!(
                        "\u{201c}{}\u{201d} now has key {} (was {})",
                        now.name,
                        key_name(now.key),
                        key_name(old.key)
                    ));
                }
                recoloured += usize::from(old.color != now.color);
            }
        }
        if let Some(wanted) = label.key.filter(|key| Some(*key) != now.key) {
            let holder = after
                .by_key(wanted)
                .map_or("another label", |l| l.name.as_str());
            parts.push(format!(
                "\u{201c}{}\u{201d} keeps key {}: {wanted} belongs to \u{201c}{holder}\u{201d}",
                now.name,
                key_name(now.key)
            ));
        }
    }
    if recoloured > 0 {
        parts.push(format!(
            "{recoloured} {} changed",
            if recoloured == 1 { "colour" } else { "colours" }
        ));
    }
    if parts.is_empty() {
        "Imported the labels: they were already the same".to_owned()
    } else {
        format!(
            "Imported the labels: {}; Undo takes it back",
            parts.join("; ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
