//! What the app tells the user, worded in one place: summaries built from what an action did,
//! and the fixed messages. Error texts come from each error type's `Display`.

use crate::formats::overlaps::SkippedSpan;
use crate::formats::Format;
use crate::model::order;
use crate::model::workspace::CorpusTally;
use crate::model::{AnnotatedDocument, LabelSet, WorkspaceError};
use crate::ui::state::Settings;

/// The text with its first letter upper-cased, for messages built from error texts (which
/// start with an English word; ASCII only, so the page carries no Unicode case tables for it).
pub fn capitalize(text: &str) -> String {
    let mut capitalized = text.to_owned();
    if let Some(first) = capitalized.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    capitalized
}

/// Thousandths as "0.812" (integers only: the page formats no floats).
pub fn decimal(per_mille: usize) -> String {
    format!("{}.{:03}", per_mille / 1000, per_mille % 1000)
}

/// An undo or redo was refused.
pub fn not_undone(error: &WorkspaceError) -> String {
    format!("Not undone: {error}")
}

/// Documents could not join the workspace.
pub fn nothing_added(error: &WorkspaceError) -> String {
    format!("Nothing was added: {error}")
}

/// Next or previous found no other document.
pub const NO_OTHER_DOCUMENT: &str = "No other document to go to";

/// Accept all tagged the suggestions.
pub fn accepted_suggestions(added: usize) -> String {
    format!("Accepted {added} suggestions; one Undo takes them back")
}

/// A document left the workspace.
pub fn removed_document(title: &str, annotations: usize) -> String {
    format!("Removed “{title}” and its {annotations} annotations from the workspace")
}

/// The question before a document leaves the workspace.
pub fn remove_document_question(title: &str, annotations: usize) -> String {
    format!(
        "Remove “{title}” and its {annotations} annotations from the workspace? Export it first to keep it."
    )
}

/// A label and its spans were deleted.
pub fn deleted_label(name: &str, spans: usize) -> String {
    format!("Deleted the label “{name}” and its {spans} spans; Undo brings them back")
}

/// What "Tag all" did.
pub fn tagged_all(tally: &CorpusTally, needle: &str, label: &str, settings: Settings) -> String {
    let scope = if settings.corpus_scope {
        format!(" in {} documents", tally.documents)
    } else {
        String::new()
    };
    let case = if settings.match_case {
        "matching case"
    } else {
        "ignoring case"
    };
    let mut message = format!(
        "Tagged {} more “{needle}” as {label} (whole words, {case}){scope}",
        tally.added
    );
    if tally.refused > 0 {
        message.push_str(&format!(
            "; skipped {} that would break the overlap rule",
            tally.refused
        ));
    }
    if tally.added > 0 {
        message.push_str("; one Undo takes them all back");
    }
    message
}

/// What to tell the user about opened documents: which, from where ("name (format)" per
/// file), how many annotations, labels they added, and the files that were not opened.
pub fn opened(
    opened: &[&AnnotatedDocument],
    current: &LabelSet,
    sources: &[String],
    refusals: &[String],
) -> String {
    let annotations: usize = opened.iter().map(|a| a.store.len()).sum();
    let annotations = match annotations {
        1 => "1 annotation".to_owned(),
        count => format!("{count} annotations"),
    };
    let sources = sources.join(", ");
    let mut message = match opened {
        [one] => format!(
            "Opened “{}” from {sources} with {annotations}",
            one.document.title
        ),
        many => format!(
            "Added {} documents from {sources} with {annotations}",
            many.len()
        ),
    };
    let mut added: Vec<&str> = opened
        .iter()
        .flat_map(|a| a.labels.iter())
        .filter(|label| current.by_name(&label.name).is_none())
        .map(|label| label.name.as_str())
        .collect();
    order::sort(&mut added);
    added.dedup();
    if !added.is_empty() {
        message.push_str(&format!("; new labels: {}", added.join(", ")));
    }
    if !refusals.is_empty() {
        message.push_str(&format!("; not opened: {}", refusals.join("; ")));
    }
    message
}

/// What to say when no file could be opened.
pub fn refused(refusals: &[String]) -> String {
    if refusals.is_empty() {
        "no file was given".into()
    } else {
        refusals.join("; ")
    }
}

/// A corpus export of only the documents marked done found none.
pub const NOTHING_DONE: &str = "No document is marked done yet, so there is nothing to export";

/// Most spans listed in the question before a lossy download.
const LISTED_SPANS: usize = 12;

/// The question before a download that leaves spans out.
pub fn left_out_question(format: Format, left_out: &[SkippedSpan]) -> String {
    let mut question = format!(
        "{} cannot hold overlapping spans. These {} spans overlap longer ones and will be left out:\n",
        format.title(),
        left_out.len()
    );
    for span in left_out.iter().take(LISTED_SPANS) {
        question.push_str(&format!(
            "\n• {} “{}” ({}–{}) in {}",
            span.label, span.text, span.start, span.end, span.title
        ));
    }
    if left_out.len() > LISTED_SPANS {
        question.push_str(&format!("\n… and {} more", left_out.len() - LISTED_SPANS));
    }
    question.push_str("\n\nDownload without them?");
    question
}

/// The user declined a lossy download.
pub fn export_cancelled(format: Format) -> String {
    format!(
        "{} export cancelled; nothing was downloaded",
        format.title()
    )
}

/// What an export wrote.
pub fn exported(
    annotations: usize,
    documents: usize,
    format: Format,
    names: &str,
    left_out: usize,
) -> String {
    let from = match documents {
        1 => String::new(),
        many => format!(" from {many} documents"),
    };
    let mut message = format!(
        "Exported {annotations} annotations{from} as {} to {names}",
        format.title(),
    );
    if left_out > 0 {
        message.push_str(&format!(" ({left_out} overlapping spans left out)"));
    }
    message
}

/// Copy JSON worked.
pub fn copied(annotations: usize) -> String {
    format!("Copied the JSON of {annotations} annotations to the clipboard")
}

/// The label set was downloaded.
pub fn labels_exported(name: &str) -> String {
    format!("Exported the labels to {name}")
}

/// A label set file could not be read.
pub fn labels_not_read(file: &str, error: &dyn std::fmt::Display) -> String {
    format!("{file} was not read: {error}")
}

/// The paste box was empty.
pub const PASTE_EMPTY: &str = "Paste some text first: the box is empty";

/// A pasted text joined the workspace.
pub fn pasted(title: &str) -> String {
    format!("Added “{title}”")
}

/// A pasted text could not be added.
pub fn not_pasted(error: &dyn std::fmt::Display) -> String {
    format!("The text was not added: {error}")
}

/// Why a tab does not save while another one is open.
pub const OTHER_TAB: &str = "the workspace is open in another tab, which saves it; this tab \
    does not. Close the other tab and reload this one to save here, or use Export everything";

/// What the user is told once the workspace was written again after the storage was cleared.
pub const STORE_LOST: &str = "This browser's storage for the page was cleared while it was open \
    (by the browser's settings, its developer tools or to free space). The whole workspace \
    has been saved again; export it if you meant to remove it.";

/// The warning while saving is stopped.
pub fn saving_stopped(reason: &str) -> String {
    format!("Saving stopped: {reason}. Your work is kept in this tab while it stays open.")
}

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

mod curation;
mod tagger;
pub use curation::*;
pub use tagger::*;
