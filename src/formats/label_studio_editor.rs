//! A span's text as Label Studio's editor writes it: each line break as a backslash and an
//! `n`, while its offsets (Unicode code points) count the characters themselves.

use super::labeled_text::LabeledText;

/// How Label Studio's editor writes a span's text: each line-break character (`\r` or `\n`)
/// as a backslash and an `n`, while the offsets count the characters themselves.
fn as_editor_writes(text: &str) -> String {
    text.replace(['\r', '\n'], "\\n")
}

/// Each span whose text is the editor's rendering of what its offsets select takes the text
/// itself, so the check against the offsets holds; any other difference is left to refuse.
pub fn mend_editor_text(document: &mut LabeledText) {
    if !document
        .spans
        .iter()
        .any(|span| span.text.as_deref().is_some_and(|t| t.contains("\\n")))
    {
        return;
    }
    let starts: Vec<usize> = document.text.char_indices().map(|(at, _)| at).collect();
    let byte = |offset: usize| {
        starts
            .get(offset)
            .copied()
            .or((offset == starts.len()).then_some(document.text.len()))
    };
    for span in &mut document.spans {
        let (Some(from), Some(to)) = (byte(span.start), byte(span.end)) else {
            continue;
        };
        let Some(selected) = document.text.get(from..to) else {
            continue;
        };
        if span.text.as_deref() == Some(&as_editor_writes(selected)) {
            span.text = Some(selected.to_owned());
        }
    }
}
