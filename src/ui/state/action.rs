//! Everything a user (or the app on their behalf) can do, grouped as the state is: edits of
//! what is saved, moves between documents, what the view shows, settings, and saving.
//! Selections are code point ranges of the open document.

use std::ops::Range;
use std::rc::Rc;

use super::curation::CurationAction;
use super::review::ReviewAction;
use super::{Notice, TaggerAction};
use crate::model::suggestions::Suggestion;
use crate::model::{AnnotatedDocument, AnnotationId, LabelId, LabelSet, StatusFilter, Workspace};
use crate::ui::flows::set_aside::AsideRecord;

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Change the open document's spans, or the labels.
    Edit(EditAction),
    /// Add, open, mark or remove documents.
    Document(DocumentAction),
    /// Change what the view shows.
    View(ViewAction),
    /// Change how the user works.
    Setting(Setting),
    /// Saving started, stopped, failed or worked.
    Save(SaveAction),
    /// The tagger trained, predicted, evaluated or failed.
    Tagger(TaggerAction),
    /// A key of the review queue.
    Review(ReviewAction),
    /// A key or button of curation.
    Curation(CurationAction),
}

/// A change to what is saved: spans and labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditAction {
    /// Apply a label: to the text selection if there is one, else to the selected annotation.
    Tag {
        /// The label to apply.
        label: LabelId,
        /// The selected text, if any.
        selection: Option<Range<usize>>,
        /// Keep the selection's exact characters (Alt was held) instead of snapping to words.
        exact: bool,
    },
    /// Same as `Tag`, for the label bound to this key (nothing if no label has the key).
    LabelKey {
        /// The key pressed.
        key: char,
        /// The selected text, if any.
        selection: Option<Range<usize>>,
        /// Keep the selection's exact characters.
        exact: bool,
    },
    /// Remove the selected annotation.
    RemoveSelected,
    /// Undo the latest change.
    Undo,
    /// Redo the latest undone change.
    Redo,
    /// Switch the overlap policy between nested-only and any overlap (saved with the document).
    ToggleAnyOverlap,
    /// Change the labels.
    Labels(LabelEdit),
    /// Tag a suggestion as it suggests.
    AcceptSuggestion(Suggestion),
    /// Tag every suggestion, as one undo step.
    AcceptAllSuggestions,
    /// Tag every prediction of the tagger at this confidence (per mille) or more, as one
    /// undo step.
    AcceptPredictionsAbove(u16),
    /// Tag every other whole-word occurrence of the selected annotation's text with its label.
    TagAllOccurrences,
}

/// A change to the label set; each is one undo step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelEdit {
    /// Add a label with this name.
    Add(String),
    /// Rename a label.
    Rename(LabelId, String),
    /// Give a label another colour (CSS hex).
    Recolor(LabelId, String),
    /// Bind a label to a key, or to none.
    SetKey(LabelId, Option<char>),
    /// Move a label up (negative) or down in the list.
    Move(LabelId, isize),
    /// Delete a label and the spans that use it.
    Delete(LabelId),
    /// Merge an imported label set.
    Import(LabelSet),
}

/// A change to the workspace's documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentAction {
    /// Add documents, each with its done mark, and open the first of them.
    Add {
        /// The documents, in order.
        documents: Vec<(AnnotatedDocument, bool)>,
        /// What to tell the user.
        message: String,
    },
    /// Add annotators' versions of documents (Compare…), leaving out each whose id names a
    /// document with another text, and show the Agreement panel.
    Compare {
        /// The versions, in order, each naming its annotator.
        documents: Vec<(AnnotatedDocument, bool)>,
        /// What to tell the user.
        message: String,
    },
    /// Set the user's name as an annotator (blank: none).
    SetAnnotator(String),
    /// Open the document at this position.
    Open(usize),
    /// Open the next (or previous) document the list's filter shows.
    Step {
        /// Next rather than previous.
        forward: bool,
    },
    /// Mark the open document done, or not done.
    ToggleDone,
    /// Remove the document at this position.
    Remove(usize),
}

/// A change to what the view shows; nothing saved changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewAction {
    /// Select an annotation.
    Select(AnnotationId),
    /// Select an annotation and scroll its highlight into view with a flash.
    Reveal(AnnotationId),
    /// Select nothing.
    Deselect,
    /// Show only documents with this status in the list.
    SetFilter(StatusFilter),
    /// Show or hide the box for pasting a new document.
    TogglePasteBox,
    /// Show or hide the label editor.
    ToggleLabelEditor,
    /// Show or hide the list of keyboard shortcuts.
    ToggleHelp,
    /// Show or hide the Model panel.
    ToggleModelPanel,
    /// Show or hide the Agreement panel.
    ToggleAgreementPanel,
    /// The annotators' agreement, worked out again.
    SetAgreement(Rc<super::AgreementView>),
    /// New suggestions, computed after the latest change.
    SetSuggestions(Rc<[Suggestion]>),
    /// Hide a suggestion for good.
    RejectSuggestion(Suggestion),
    /// How far an import of many documents has come: (done, total); `None` when it ended.
    SetProgress(Option<(usize, usize)>),
    /// The saved records kept aside because they could not be opened (none once deleted).
    SetAside(Rc<[AsideRecord]>),
    /// Show a message.
    Notify(Notice),
    /// Hide the message.
    DismissNotice,
}

/// A setting of how the user works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// Switch between snapping selections to whole words and keeping exact characters.
    ToggleSnapToWords,
    /// Switch "Tag all" between the open document and the whole corpus.
    ToggleCorpusScope,
    /// Switch tagging all occurrences between matching case and ignoring it.
    ToggleMatchCase,
    /// Show or hide suggestions.
    ToggleSuggestions,
}

/// What happened to saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveAction {
    /// Replace the whole workspace with the saved one read at startup; saving starts.
    Restore(Box<Workspace>),
    /// Saving is off for this tab (the saved work could not be read, or another tab saves
    /// it): show why, keep working in memory.
    Off(String),
    /// Saving failed: show why, keep working in memory.
    Failed(String),
    /// Saving worked (again).
    Saved,
}

impl From<EditAction> for Action {
    fn from(action: EditAction) -> Self {
        Self::Edit(action)
    }
}

impl From<DocumentAction> for Action {
    fn from(action: DocumentAction) -> Self {
        Self::Document(action)
    }
}

impl From<ViewAction> for Action {
    fn from(action: ViewAction) -> Self {
        Self::View(action)
    }
}

impl From<Setting> for Action {
    fn from(setting: Setting) -> Self {
        Self::Setting(setting)
    }
}

impl From<TaggerAction> for Action {
    fn from(action: TaggerAction) -> Self {
        Self::Tagger(action)
    }
}

impl From<ReviewAction> for Action {
    fn from(action: ReviewAction) -> Self {
        Self::Review(action)
    }
}

impl From<CurationAction> for Action {
    fn from(action: CurationAction) -> Self {
        Self::Curation(action)
    }
}

impl From<SaveAction> for Action {
    fn from(action: SaveAction) -> Self {
        Self::Save(action)
    }
}
