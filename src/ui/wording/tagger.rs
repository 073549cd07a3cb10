//! What the page says about the tagger.

/// "1 span" / "2 spans".
fn spans(n: usize) -> String {
    if n == 1 {
        "1 span".to_owned()
    } else {
        format!("{n} spans")
    }
}

/// Pre-annotation came back.
pub fn predicted(count: usize, missing: &[String]) -> String {
    let mut said = match count {
        0 => "The model found nothing new in this document".to_owned(),
        n => format!(
            "The model suggests {}: Enter or a click accepts one, x rejects it",
            spans(n)
        ),
    };
    if !missing.is_empty() {
        said.push_str(&format!(
            ". It also knows {}, which this workspace no longer has, and predicts only the others",
            missing.join(", ")
        ));
    }
    said
}

/// Predictions above a threshold were accepted.
pub fn accepted_predictions(added: usize, percent: u16) -> String {
    format!(
        "Accepted {} predicted at {percent}% or more; one Undo takes them back",
        spans(added)
    )
}

/// What the model learned from.
pub fn learned_from(spans_count: usize, documents: usize, per_label: &str) -> String {
    let documents = if documents == 1 {
        "1 document".to_owned()
    } else {
        format!("{documents} documents")
    };
    format!(
        "Learned from {} in {documents}: {per_label}",
        spans(spans_count)
    )
}

/// A model was imported.
pub fn imported_model(name: &str) -> String {
    format!("Opened the model “{name}”")
}

/// A model file was refused.
pub fn refused_model(name: &str, reason: &str) -> String {
    format!("{name} was not opened: {reason}; the current model is kept")
}

/// The model was exported.
pub fn exported_model(name: &str) -> String {
    format!("Downloaded {name}")
}

/// Many documents were pre-annotated.
pub fn pre_annotated(documents: usize, found: usize) -> String {
    let documents = if documents == 1 {
        "1 document".to_owned()
    } else {
        format!("{documents} documents")
    };
    format!(
        "Pre-annotated {documents}: {} to review; each document shows its own when opened",
        spans(found)
    )
}

/// Pre-annotating needs a model.
pub const TRAIN_FIRST: &str = "Train the model first: it learns from your annotations";

/// Nothing to train on yet.
pub const NOTHING_TO_LEARN: &str =
    "The tagger needs annotated spans to learn from: annotate a few names first";

/// Which documents the tagger learns from.
pub const LEARNS_FROM: &str =
    "It learns from the documents marked done, or from every annotated document while none is";
