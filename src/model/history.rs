//! The undo history of one document: the steps a user made, each undone by applying its
//! inverse, and a saved history replayed onto saved spans only as far as it fits. Steps name
//! annotations by id, with offsets in Unicode code points, and label-set changes as the whole
//! set before and after.

use std::rc::Rc;

use super::annotation::Annotation;
use super::edit_error::EditError;
use super::label::{LabelId, LabelSet};
use super::store::{AnnotationStore, Change};

/// One recorded change; undo applies its inverse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// An annotation was added.
    Add(Annotation),
    /// An annotation was removed.
    Remove(Annotation),
    /// An annotation changed label.
    Relabel {
        /// The annotation.
        id: super::annotation::AnnotationId,
        /// Its label before.
        from: LabelId,
        /// Its label after.
        to: LabelId,
    },
    /// The label set changed; the store keeps both sets so undo can hand them back.
    Labels {
        /// The set before.
        before: Rc<LabelSet>,
        /// The set after.
        after: Rc<LabelSet>,
    },
    /// Several edits undone and redone as one step.
    Batch(Vec<Edit>),
}

impl Edit {
    /// Every annotation the step names, nested steps included.
    pub fn annotations(&self) -> Vec<Annotation> {
        match self {
            Self::Add(annotation) | Self::Remove(annotation) => vec![*annotation],
            Self::Relabel { .. } | Self::Labels { .. } => Vec::new(),
            Self::Batch(edits) => edits.iter().flat_map(Edit::annotations).collect(),
        }
    }

    /// The step that takes this one back.
    pub fn inverse(self) -> Self {
        match self {
            Self::Add(annotation) => Self::Remove(annotation),
            Self::Remove(annotation) => Self::Add(annotation),
            Self::Relabel { id, from, to } => Self::Relabel {
                id,
                from: to,
                to: from,
            },
            Self::Labels { before, after } => Self::Labels {
                before: after,
                after: before,
            },
            Self::Batch(edits) => Self::Batch(edits.into_iter().rev().map(Edit::inverse).collect()),
        }
    }

    /// The label set this step leaves in place, if it changes the set (the last one wins).
    pub fn labels_after(&self) -> Option<&Rc<LabelSet>> {
        match self {
            Self::Labels { after, .. } => Some(after),
            Self::Batch(edits) => edits.iter().rev().find_map(Edit::labels_after),
            Self::Add(_) | Self::Remove(_) | Self::Relabel { .. } => None,
        }
    }

    /// Labels of the spans this step brings in (added, or given by a relabel).
    pub fn labels_brought_in(&self) -> Vec<LabelId> {
        match self {
            Self::Add(annotation) => vec![annotation.label],
            Self::Relabel { to, .. } => vec![*to],
            Self::Remove(_) | Self::Labels { .. } => Vec::new(),
            Self::Batch(edits) => edits.iter().flat_map(Edit::labels_brought_in).collect(),
        }
    }

    /// The label with this id as a label set this step holds names it.
    pub fn label_named(&self, id: LabelId) -> Option<&str> {
        match self {
            Self::Labels { before, after } => [before, after]
                .into_iter()
                .find_map(|set| set.get(id).map(|label| label.name.as_str())),
            Self::Batch(edits) => edits.iter().find_map(|edit| edit.label_named(id)),
            Self::Add(_) | Self::Remove(_) | Self::Relabel { .. } => None,
        }
    }
}

impl AnnotationStore {
    /// Undoes the latest change; says what it touched.
    pub fn undo(&mut self) -> Option<Change> {
        let edit = self.undo.pop()?;
        let change = self.apply(edit.clone().inverse());
        self.redo.push(edit);
        Some(change)
    }

    /// Redoes the latest undone change; says what it touched.
    pub fn redo(&mut self) -> Option<Change> {
        let edit = self.redo.pop()?;
        let change = self.apply(edit.clone());
        self.undo.push(edit);
        Some(change)
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// The history, to save it: the steps to undo and to redo (oldest first) and the id the
    /// next annotation gets.
    pub fn history(&self) -> (&[Edit], &[Edit], u32) {
        (&self.undo, &self.redo, self.next_id)
    }

    /// Whether the latest step (to undo, or to redo) can be taken under `labels`: every span
    /// it brings back must have a label in the set it leaves. A label deleted since (perhaps
    /// while another document was open) refuses the step with [`EditError::UnknownLabel`].
    pub fn check_step(&self, undo: bool, labels: &LabelSet) -> Result<(), EditError> {
        let step = if undo {
            self.undo.last().cloned().map(Edit::inverse)
        } else {
            self.redo.last().cloned()
        };
        let Some(step) = step else {
            return Ok(());
        };
        match step.labels_after() {
            None => match step
                .labels_brought_in()
                .into_iter()
                .find(|id| labels.get(*id).is_none())
            {
                Some(id) => Err(EditError::UnknownLabel(id)),
                None => Ok(()),
            },
            Some(after) => {
                let after = Rc::clone(after);
                let mut walk = self.clone();
                walk.apply(step);
                walk.labels_known(&after)
            }
        }
    }

    /// Refuses spans whose label is not in `labels`.
    pub(super) fn labels_known(&self, labels: &LabelSet) -> Result<(), EditError> {
        match self
            .annotations
            .iter()
            .find(|a| labels.get(a.label).is_none())
        {
            Some(a) => Err(EditError::UnknownLabel(a.label)),
            None => Ok(()),
        }
    }

    /// The name a label with this id had in a label set this history keeps, if any: for
    /// messages about labels deleted since.
    pub fn label_named_in_history(&self, id: LabelId) -> Option<&str> {
        self.undo
            .iter()
            .chain(&self.redo)
            .rev()
            .find_map(|edit| edit.label_named(id))
    }

    /// How many steps can be undone and how many redone.
    pub fn history_depth(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    /// Whether there is an undone change to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies a new change and makes it the latest undo step.
    pub(super) fn record(&mut self, edit: Edit) {
        self.apply(edit.clone());
        self.undo.push(edit);
        self.redo.clear();
    }

    /// Carries out one edit on the annotations; says what it touched.
    pub(super) fn apply(&mut self, edit: Edit) -> Change {
        let spans = |touched| Change {
            touched,
            labels: None,
        };
        match edit {
            Edit::Add(annotation) => {
                self.insert(annotation);
                spans(annotation.range())
            }
            Edit::Remove(annotation) => {
                self.annotations.retain(|a| a.id != annotation.id);
                spans(annotation.range())
            }
            Edit::Relabel { id, to, .. } => {
                let Some(annotation) = self.annotations.iter_mut().find(|a| a.id == id) else {
                    return spans(0..0);
                };
                annotation.label = to;
                spans(annotation.range())
            }
            Edit::Labels { after, .. } => Change {
                touched: 0..0,
                labels: Some(after),
            },
            Edit::Batch(edits) => {
                let mut all = spans(0..0);
                for edit in edits {
                    let change = self.apply(edit);
                    all.touched = match (all.touched.is_empty(), change.touched.is_empty()) {
                        (true, _) => change.touched,
                        (false, true) => all.touched,
                        (false, false) => {
                            all.touched.start.min(change.touched.start)
                                ..all.touched.end.max(change.touched.end)
                        }
                    };
                    all.labels = change.labels.or(all.labels);
                }
                all
            }
        }
    }
}
