//! The undo history of one document: the steps a user made, each undone by applying its
//! inverse. Steps name annotations by id, with offsets in Unicode code points, and label-set
//! changes as the whole set before and after.

use std::rc::Rc;

use super::annotation::Annotation;
use super::label::{LabelId, LabelSet};

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

/// How much of a saved history could be kept: the steps that replay onto the saved spans and
/// labels, newest first; older undo steps (and later redo steps) past the first that does not
/// fit are left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HistoryFit {
    /// Undo steps left out.
    pub undo_dropped: usize,
    /// Redo steps left out.
    pub redo_dropped: usize,
}

impl HistoryFit {
    /// Whether every saved step was kept.
    pub fn is_whole(&self) -> bool {
        self.undo_dropped == 0 && self.redo_dropped == 0
    }

    /// How many steps were left out.
    pub fn dropped(&self) -> usize {
        self.undo_dropped + self.redo_dropped
    }
}
