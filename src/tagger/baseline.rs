//! The baseline the tagger must beat: the app's dictionary suggestions (Suggest), which mark
//! every whole-word recurrence of a string labeled in the training documents, scored on the
//! same folds and by the same exact span match as the tagger.

use super::evaluate::{in_fold, Scores};
use super::train::{labels_of, Example};
use crate::model::suggestions::suggestions;
use crate::model::{AnnotationStore, Document, LabelId};

/// k-fold cross-validation of the dictionary suggestions by document.
pub fn dictionary_baseline(examples: &[Example], folds: usize) -> Scores {
    let labels = labels_of(examples);
    let mut pooled = Scores::default();
    for name in &labels {
        pooled.label(name);
    }
    for fold in 0..folds.max(1) {
        let mut known: Vec<(String, LabelId)> = Vec::new();
        for (_, example) in examples
            .iter()
            .enumerate()
            .filter(|(i, _)| !in_fold(*i, fold, folds))
        {
            let chars: Vec<char> = example.text.chars().collect();
            for (range, label) in &example.spans {
                let Some(index) = labels.iter().position(|l| l == label) else {
                    continue;
                };
                let string: String = chars[range.clone()].iter().collect();
                known.push((string, LabelId(index as u32)));
            }
        }
        for (_, example) in examples
            .iter()
            .enumerate()
            .filter(|(i, _)| in_fold(*i, fold, folds))
        {
            let document = Document::new("", "", &example.text);
            let found = suggestions(&document, &AnnotationStore::new(), &known, &[]);
            let found = found
                .iter()
                .map(|s| (s.start, s.end, labels[s.label.0 as usize].as_str()));
            pooled.count(example, found);
            pooled.documents += 1;
        }
    }
    pooled
}
