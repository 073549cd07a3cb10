//! What the app says about several annotators: comparing their files, curating a document and
//! each curation decision.

use crate::model::workspace::Mismatch;

/// Compare… added versions; some may have been left out.
pub fn compared(opened: &str, mismatches: &[Mismatch]) -> String {
    if mismatches.is_empty() {
        return format!("{opened}. The Agreement panel compares the annotators");
    }
    let named: Vec<String> = mismatches
        .iter()
        .map(|m| format!("{}’s “{}”", m.annotator, m.id))
        .collect();
    format!(
        "{opened}. Left out, as a document of the same id has another text: {}",
        named.join(", ")
    )
}

/// Compare… left every version out.
pub fn nothing_compared(mismatches: &[Mismatch]) -> String {
    format!(
        "Nothing was compared: {}",
        compared("", mismatches).trim_start_matches(". ")
    )
}

/// Curate found too few versions of the open document.
pub const ONE_VERSION: &str =
    "Only one annotator has this document: Compare… another annotator’s file of it first";

/// Curate on a curated version whose annotators agreed on every span.
pub const NOTHING_TO_CURATE: &str =
    "Nothing to curate here: enough annotators marked every span alike, so all were merged at once";

/// A curated version was made and opened.
pub fn curating(title: &str, merged: usize, strategy: &str, disagreements: usize) -> String {
    let left = match disagreements {
        0 => "no disagreement is left".to_owned(),
        1 => "1 disagreement is left: 1–9 takes a version, b both, 0 neither".to_owned(),
        n => format!(
            "{n} disagreements are left: 1–9 takes a version, b both, 0 neither, j / k steps"
        ),
    };
    format!("Curating “{title}”: {merged} spans merged at once ({strategy}); {left}")
}

/// Every disagreement is settled.
pub fn all_settled(count: usize) -> String {
    format!("All {count} disagreements are settled. The curated version exports like any document")
}

/// "Both" could not take every candidate.
pub fn not_all_taken(refused: usize) -> String {
    match refused {
        1 => "1 span was not taken: it overlaps another in a way this document does not allow (Allow any overlap lets it)".to_owned(),
        n => format!("{n} spans were not taken: they overlap others in a way this document does not allow (Allow any overlap lets them)"),
    }
}

/// A curation decision named a label that is gone.
pub fn label_gone(name: &str) -> String {
    format!("“{name}” is no longer a label, so its span was not taken")
}
