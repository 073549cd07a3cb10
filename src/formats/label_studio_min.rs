//! Label Studio's JSON_MIN export: one flat object per task, its data fields (`text`, `id`, …)
//! beside the annotation's results under the Labels tag's name, `[{"id": 1, "text": …,
//! "label": [{"start": 0, "end": 13, "text": "Sergei Shoigu", "labels": ["Person"]}],
//! "annotator": "alice@example.org", "annotation_id": 1, …}]`. Offsets are **Unicode code
//! points**, start inclusive, end exclusive.

use super::format_error::FormatError;
use super::json_fields::Fields;
use super::label_studio::{labeled_spans, looks_like_spans, task_document, user_name};
use super::labeled_text::LabeledText;

/// One JSON_MIN task: every list of labeled spans it holds (whatever the Labels tag's name).
pub fn min_task(
    task: &Fields,
    default_id: impl Fn() -> String,
) -> Result<LabeledText, FormatError> {
    let place = task.place();
    let mut spans = Vec::new();
    for (_, value) in task.entries().filter(|(_, value)| looks_like_spans(value)) {
        for span in value.as_array().into_iter().flatten() {
            spans.extend(labeled_spans(&Fields::of(span, place, "a span")?)?);
        }
    }
    // The task's data fields are its own here.
    task_document(
        task,
        task,
        spans,
        user_name(task.get("annotator")),
        default_id,
    )
}
