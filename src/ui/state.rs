//! The one UI store: the workspace of documents (one of them open) plus what the user has
//! selected. `Action` is the list of things a user can do; `reduce` is the only place state
//! changes.

use std::ops::Range;
use std::rc::Rc;

use yew::Reducible;

use super::set_aside::AsideRecord;
use super::wording;

use crate::model::snapping::{snap, Snap};
use crate::model::suggestions::Suggestion;
use crate::model::{
    AnnotatedDocument, Annotation, AnnotationId, AnnotationStore, Document, EditError, LabelId,
    LabelSet, OverlapPolicy, ParagraphSpans, StatusFilter, Workspace, WorkspaceError,
};

/// A message shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Whether it reports a failure.
    pub is_error: bool,
    /// What to tell the user.
    pub text: String,
}

impl Notice {
    /// A failure the user should know about.
    pub fn error(text: impl Into<String>) -> Self {
        Self {
            is_error: true,
            text: text.into(),
        }
    }

    /// A confirmation.
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            is_error: false,
            text: text.into(),
        }
    }
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

/// Everything a user can do. Selections are code point ranges of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
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
        /// Keep the selection's exact characters (Alt was held) instead of snapping to words.
        exact: bool,
    },
    /// Switch between snapping selections to whole words and keeping exact characters.
    ToggleSnapToWords,
    /// Switch the overlap policy between nested-only and any overlap (saved with the document).
    ToggleAnyOverlap,
    /// Select an annotation.
    Select(AnnotationId),
    /// Select an annotation and scroll its highlight into view with a flash.
    Reveal(AnnotationId),
    /// Select nothing.
    Deselect,
    /// Remove the selected annotation.
    RemoveSelected,
    /// Undo the latest change.
    Undo,
    /// Redo the latest undone change.
    Redo,
    /// Replace the whole workspace with the saved one read at startup; saving starts.
    Restore(Box<Workspace>),
    /// Saving is off for this tab (the saved work could not be read, or another tab saves it):
    /// show why, keep working in memory.
    SavingOff(String),
    /// Add documents to the workspace and open the first of them.
    AddDocuments {
        /// The documents, in order, each with its done mark.
        documents: Vec<(AnnotatedDocument, bool)>,
        /// What to tell the user.
        message: String,
    },
    /// Open the document at this position.
    OpenDocument(usize),
    /// Open the next (or previous) document the list's filter shows.
    StepDocument {
        /// Next rather than previous.
        forward: bool,
    },
    /// Mark the open document done, or not done.
    ToggleDone,
    /// Show only documents with this status in the list.
    SetFilter(StatusFilter),
    /// Remove the document at this position from the workspace.
    RemoveDocument(usize),
    /// Show or hide the box for pasting a new document.
    TogglePasteBox,
    /// Switch "Tag all" between the open document and the whole corpus.
    ToggleCorpusScope,
    /// How far an import of many documents has come: (done, total); `None` when it ended.
    SetProgress(Option<(usize, usize)>),
    /// Saving failed: show why, keep working in memory.
    SavingFailed(String),
    /// Saving worked (again).
    Saved,
    /// Change the labels.
    EditLabels(LabelEdit),
    /// Show or hide suggestions.
    ToggleSuggestions,
    /// New suggestions, computed after the latest change.
    SetSuggestions(Rc<[Suggestion]>),
    /// Tag a suggestion as it suggests.
    AcceptSuggestion(Suggestion),
    /// Hide a suggestion for good.
    RejectSuggestion(Suggestion),
    /// Tag every suggestion, as one undo step.
    AcceptAllSuggestions,
    /// Tag every other whole-word occurrence of the selected annotation's text with its label.
    TagAllOccurrences,
    /// Switch tagging all occurrences between matching case and ignoring it.
    ToggleMatchCase,
    /// Show or hide the label editor.
    ToggleLabelEditor,
    /// Show or hide the list of keyboard shortcuts.
    ToggleHelp,
    /// The saved records kept aside because they could not be opened (none once deleted).
    SetAside(Rc<[AsideRecord]>),
    /// Show a message.
    Notify(Notice),
    /// Hide the message.
    DismissNotice,
}

/// The whole UI state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppState {
    /// Every document; the open one with its labels and annotations is `workspace.open`.
    pub workspace: Workspace,
    /// Which annotations each paragraph shows.
    pub paragraph_spans: ParagraphSpans,
    /// The annotation the user selected.
    pub selected: Option<AnnotationId>,
    /// The message on show.
    pub notice: Option<Notice>,
    /// Counts changes to the annotations; autosave and derived views key on it.
    pub revision: u64,
    /// False until saved work was read, and for good when it could not be read, so autosave
    /// never overwrites it.
    pub autosave: bool,
    /// Whether the saved work is still being read.
    pub loading: bool,
    /// Why the latest save failed, while it keeps failing.
    pub saving_failed: Option<String>,
    /// Which documents the list shows.
    pub filter: StatusFilter,
    /// Whether "Tag all" reaches every document.
    pub corpus_scope: bool,
    /// Whether the box for pasting a new document is open.
    pub paste_box_open: bool,
    /// How far a running import has come: (documents done, total).
    pub progress: Option<(usize, usize)>,
    /// The latest request to scroll to an annotation; a new request has a new sequence number.
    pub reveal: Option<Reveal>,
    /// Whether selections grow to whole words (else they keep their exact characters).
    pub snap_to_words: bool,
    /// Whether the label editor is open.
    pub label_editor_open: bool,
    /// Counts refused label edits, so the editor's fields are reset to the labels as they are.
    pub label_refusals: u64,
    /// Whether the list of keyboard shortcuts is shown.
    pub help_open: bool,
    /// Whether tagging all occurrences matches case.
    pub match_case: bool,
    /// Whether suggestions are shown.
    pub show_suggestions: bool,
    /// The suggestions on show, in text order (empty while hidden).
    pub suggestions: Rc<[Suggestion]>,
    /// Suggestions the user rejected, sorted; not suggested again while this document is open.
    pub rejected: Rc<Vec<Suggestion>>,
    /// Saved records that could not be opened, kept aside in the store.
    pub set_aside: Rc<[AsideRecord]>,
}

/// A request to scroll to an annotation's highlight and flash it, carried out after rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reveal {
    /// The annotation to show.
    pub id: AnnotationId,
    /// Distinguishes repeated requests for the same annotation.
    pub sequence: u64,
}

impl AppState {
    /// State for a workspace of this one document; autosave starts on.
    pub fn new(annotated: AnnotatedDocument) -> Self {
        Self::of_workspace(Workspace::new(annotated))
    }

    /// State for a workspace; autosave starts on.
    pub fn of_workspace(workspace: Workspace) -> Self {
        let open = &workspace.open;
        let paragraph_spans = ParagraphSpans::build(&open.document, &open.store);
        Self {
            workspace,
            paragraph_spans,
            selected: None,
            notice: None,
            revision: 0,
            autosave: true,
            loading: false,
            saving_failed: None,
            filter: StatusFilter::All,
            corpus_scope: false,
            paste_box_open: false,
            progress: None,
            reveal: None,
            snap_to_words: true,
            label_editor_open: false,
            label_refusals: 0,
            help_open: false,
            match_case: true,
            show_suggestions: false,
            suggestions: Rc::from([]),
            rejected: Rc::default(),
            set_aside: Rc::from([]),
        }
    }

    /// The document shown.
    pub fn document(&self) -> &Rc<Document> {
        &self.workspace.open.document
    }

    /// The selected annotation, if it still exists.
    pub fn selected_annotation(&self) -> Option<Annotation> {
        self.selected
            .and_then(|id| self.workspace.open.store.get(id))
    }

    fn tag(
        self: Rc<Self>,
        label: LabelId,
        selection: Option<Range<usize>>,
        exact: bool,
    ) -> Rc<Self> {
        let mode = if exact || !self.snap_to_words {
            Snap::Graphemes
        } else {
            Snap::Words
        };
        match (selection, self.selected) {
            (Some(range), _) => self.edit(true, |store, document| {
                // Out of range stays as it was, so the store reports it.
                let snapped = snap(document, range.clone(), mode).unwrap_or(range);
                store.add(document, snapped, label)
            }),
            (None, Some(id)) => self.edit(true, |store, _| store.relabel(id, label)),
            (None, None) => self,
        }
    }

    /// Runs one store edit; on success refreshes the paragraphs it touched.
    fn edit(
        self: Rc<Self>,
        select_result: bool,
        edit: impl FnOnce(&mut AnnotationStore, &Document) -> Result<Annotation, EditError>,
    ) -> Rc<Self> {
        let mut next = (*self).clone();
        let document = Rc::clone(&next.workspace.open.document);
        match edit(&mut next.workspace.open.store, &document) {
            Ok(annotation) => {
                next.selected = select_result.then_some(annotation.id);
                next.changed(annotation.range());
                Rc::new(next)
            }
            Err(EditError::Empty | EditError::Unchanged) => self,
            Err(error) => self.with_notice(Some(Notice::error(capitalize(&error.to_string())))),
        }
    }

    fn history(
        self: Rc<Self>,
        step: impl FnOnce(&mut Workspace) -> Result<Option<Range<usize>>, WorkspaceError>,
    ) -> Rc<Self> {
        let mut next = (*self).clone();
        let touched = match step(&mut next.workspace) {
            Ok(Some(touched)) => touched,
            Ok(None) => return self,
            Err(error) => {
                return self.with_notice(Some(Notice::error(format!("Not undone: {error}"))))
            }
        };
        next.changed(touched);
        if next.selected_annotation().is_none() {
            next.selected = None;
        }
        Rc::new(next)
    }

    fn changed(&mut self, touched: Range<usize>) {
        self.paragraph_spans.refresh(
            &self.workspace.open.document,
            &self.workspace.open.store,
            touched,
        );
        self.revision += 1;
        self.notice = None;
    }

    fn without_suggestion(self: Rc<Self>, suggestion: Suggestion) -> Rc<Self> {
        let kept: Rc<[Suggestion]> = self
            .suggestions
            .iter()
            .filter(|s| **s != suggestion)
            .copied()
            .collect();
        Rc::new(Self {
            suggestions: kept,
            ..(*self).clone()
        })
    }

    fn accept_all_suggestions(self: Rc<Self>) -> Rc<Self> {
        if self.suggestions.is_empty() {
            return self;
        }
        let mut next = (*self).clone();
        let document = Rc::clone(self.document());
        let spans = self.suggestions.iter().map(|s| (s.range(), s.label));
        let tally = next.workspace.open.store.add_all(&document, spans);
        if tally.added > 0 {
            next.changed(tally.touched);
        }
        next.suggestions = Rc::from([]);
        next.notice = Some(Notice::info(format!(
            "Accepted {} suggestions; one Undo takes them back",
            tally.added
        )));
        Rc::new(next)
    }

    fn tag_all_occurrences(self: Rc<Self>) -> Rc<Self> {
        let Some(selected) = self.selected_annotation() else {
            return self;
        };
        let document = Rc::clone(self.document());
        let Some(needle) = document.slice(selected.range()) else {
            return self;
        };
        let mut next = (*self).clone();
        let tally =
            next.workspace
                .tag_all(needle, selected.label, self.match_case, self.corpus_scope);
        let scope = if self.corpus_scope {
            format!(" in {} documents", tally.documents)
        } else {
            String::new()
        };
        let name = self.workspace.open.labels.name_of(selected.label);
        let case = if self.match_case {
            "matching case"
        } else {
            "ignoring case"
        };
        let mut message = format!(
            "Tagged {} more “{needle}” as {name} (whole words, {case}){scope}",
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
            next.changed(tally.touched_open);
        }
        next.notice = Some(Notice::info(message));
        Rc::new(next)
    }

    /// Opens the document at `index`, keeping the one that was open.
    fn open_document(self: Rc<Self>, index: usize) -> Rc<Self> {
        if index == self.workspace.current() {
            return self;
        }
        let mut workspace = self.workspace.clone();
        match workspace.open_at(index) {
            Ok(()) => self.with_workspace(workspace, None),
            Err(error) => self.with_notice(Some(Notice::error(capitalize(&error.to_string())))),
        }
    }

    fn add_documents(
        self: Rc<Self>,
        documents: Vec<(AnnotatedDocument, bool)>,
        message: String,
    ) -> Rc<Self> {
        let mut workspace = self.workspace.clone();
        let added = workspace
            .add(documents)
            .and_then(|first| workspace.open_at(first));
        match added {
            Ok(()) => self.with_workspace(workspace, Some(Notice::info(message))),
            Err(error) => {
                self.with_notice(Some(Notice::error(format!("Nothing was added: {error}"))))
            }
        }
    }

    fn remove_document(self: Rc<Self>, index: usize) -> Rc<Self> {
        let mut workspace = self.workspace.clone();
        let Ok(removed) = workspace.remove(index) else {
            return self;
        };
        let notice = Notice::info(format!(
            "Removed “{}” and its {} annotations from the workspace",
            removed.document.title,
            removed.store.len()
        ));
        self.with_workspace(workspace, Some(notice))
    }

    /// Fresh view state for `workspace`'s open document, keeping the user's settings; counts
    /// as a change, so it is saved.
    fn with_workspace(self: Rc<Self>, workspace: Workspace, notice: Option<Notice>) -> Rc<Self> {
        Rc::new(Self {
            revision: self.revision + 1,
            notice,
            autosave: self.autosave,
            saving_failed: self.saving_failed.clone(),
            filter: self.filter,
            corpus_scope: self.corpus_scope,
            snap_to_words: self.snap_to_words,
            match_case: self.match_case,
            show_suggestions: self.show_suggestions,
            progress: self.progress,
            set_aside: Rc::clone(&self.set_aside),
            ..Self::of_workspace(workspace)
        })
    }

    fn edit_labels(self: Rc<Self>, edit: LabelEdit) -> Rc<Self> {
        let labels = &self.workspace.open.labels;
        let edited = match edit {
            LabelEdit::Delete(id) => {
                let mut next = (*self).clone();
                return match next.workspace.delete_label(id) {
                    Ok(removed) => {
                        let name = labels.name_of(id).to_owned();
                        next.paragraph_spans = ParagraphSpans::build(
                            &next.workspace.open.document,
                            &next.workspace.open.store,
                        );
                        next.changed(0..0);
                        if next.selected_annotation().is_none() {
                            next.selected = None;
                        }
                        next.notice = Some(Notice::info(format!(
                            "Deleted the label “{name}” and its {removed} spans; Undo brings them back"
                        )));
                        Rc::new(next)
                    }
                    Err(error) => {
                        self.with_notice(Some(Notice::error(capitalize(&error.to_string()))))
                    }
                };
            }
            LabelEdit::Add(name) => labels.added(&name).map(|(set, _)| set),
            LabelEdit::Rename(id, name) => labels.renamed(id, &name),
            LabelEdit::Recolor(id, color) => labels.recoloured(id, &color),
            LabelEdit::SetKey(id, key) => labels.with_key(id, key),
            LabelEdit::Move(id, by) => labels.moved(id, by),
            LabelEdit::Import(imported) => {
                let merged = labels.merged(&imported);
                let said = Notice::info(wording::label_import(labels, &imported, &merged));
                if merged == **labels {
                    return self.with_notice(Some(said));
                }
                let mut next = (*self).clone();
                next.workspace.open.set_labels(merged);
                next.changed(0..0);
                next.notice = Some(said);
                return Rc::new(next);
            }
        };
        match edited {
            Ok(set) if set == **labels => self,
            Ok(set) => {
                let mut next = (*self).clone();
                next.workspace.open.set_labels(set);
                next.changed(0..0);
                Rc::new(next)
            }
            // The refused value still shows in the editor's field; a new generation resets it.
            Err(error) => Rc::new(Self {
                notice: Some(Notice::error(capitalize(&error.to_string()))),
                label_refusals: self.label_refusals + 1,
                ..(*self).clone()
            }),
        }
    }

    fn with_selected(self: Rc<Self>, selected: Option<AnnotationId>) -> Rc<Self> {
        if self.selected == selected {
            return self;
        }
        Rc::new(Self {
            selected,
            ..(*self).clone()
        })
    }

    fn with_notice(self: Rc<Self>, notice: Option<Notice>) -> Rc<Self> {
        if self.notice == notice {
            return self;
        }
        Rc::new(Self {
            notice,
            ..(*self).clone()
        })
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Tag {
                label,
                selection,
                exact,
            } => self.tag(label, selection, exact),
            Action::LabelKey {
                key,
                selection,
                exact,
            } => match self.workspace.open.labels.by_key(key) {
                Some(label) => {
                    let label = label.id;
                    self.tag(label, selection, exact)
                }
                None => self,
            },
            Action::ToggleAnyOverlap => {
                let mut next = (*self).clone();
                let policy = match next.workspace.open.store.policy() {
                    OverlapPolicy::NestedDifferentLabels => OverlapPolicy::Any,
                    OverlapPolicy::Any => OverlapPolicy::NestedDifferentLabels,
                };
                next.workspace.open.store.set_policy(policy);
                // The policy is part of the saved document.
                next.revision += 1;
                Rc::new(next)
            }
            Action::ToggleSnapToWords => Rc::new(Self {
                snap_to_words: !self.snap_to_words,
                ..(*self).clone()
            }),
            Action::Select(id) => {
                let exists = self.workspace.open.store.get(id).is_some();
                self.with_selected(exists.then_some(id))
            }
            Action::Reveal(id) if self.workspace.open.store.get(id).is_some() => {
                let sequence = self.reveal.map_or(0, |r| r.sequence + 1);
                Rc::new(Self {
                    selected: Some(id),
                    reveal: Some(Reveal { id, sequence }),
                    ..(*self).clone()
                })
            }
            Action::Reveal(_) => self,
            Action::Deselect => self.with_selected(None),
            Action::RemoveSelected => match self.selected {
                Some(id) => self.edit(false, |store, _| store.remove(id)),
                None => self,
            },
            Action::Undo => self.history(Workspace::undo),
            Action::Redo => self.history(Workspace::redo),
            Action::Restore(workspace) => {
                let mut restored = Self::of_workspace(*workspace);
                restored.revision = self.revision + 1;
                Rc::new(restored)
            }
            Action::SavingOff(reason) => Rc::new(Self {
                loading: false,
                autosave: false,
                saving_failed: Some(reason),
                ..(*self).clone()
            }),
            Action::AddDocuments { documents, message } => self.add_documents(documents, message),
            Action::OpenDocument(index) => self.open_document(index),
            Action::StepDocument { forward } => {
                match self.workspace.neighbour(forward, self.filter) {
                    Some(index) => self.open_document(index),
                    None => self.with_notice(Some(Notice::info("No other document to go to"))),
                }
            }
            Action::ToggleDone => {
                let mut next = (*self).clone();
                next.workspace.set_done(!self.workspace.open_is_done());
                next.revision += 1;
                Rc::new(next)
            }
            Action::SetFilter(filter) => Rc::new(Self {
                filter,
                ..(*self).clone()
            }),
            Action::RemoveDocument(index) => self.remove_document(index),
            Action::TogglePasteBox => Rc::new(Self {
                paste_box_open: !self.paste_box_open,
                ..(*self).clone()
            }),
            Action::ToggleCorpusScope => Rc::new(Self {
                corpus_scope: !self.corpus_scope,
                ..(*self).clone()
            }),
            Action::SetProgress(progress) => Rc::new(Self {
                progress,
                ..(*self).clone()
            }),
            Action::SavingFailed(reason) if self.saving_failed.as_ref() != Some(&reason) => {
                Rc::new(Self {
                    saving_failed: Some(reason),
                    ..(*self).clone()
                })
            }
            Action::SavingFailed(_) => self,
            Action::Saved if self.saving_failed.is_some() => Rc::new(Self {
                saving_failed: None,
                ..(*self).clone()
            }),
            Action::Saved => self,
            Action::EditLabels(edit) => self.edit_labels(edit),
            Action::ToggleLabelEditor => Rc::new(Self {
                label_editor_open: !self.label_editor_open,
                ..(*self).clone()
            }),
            Action::ToggleSuggestions => Rc::new(Self {
                show_suggestions: !self.show_suggestions,
                suggestions: Rc::from([]),
                ..(*self).clone()
            }),
            Action::SetSuggestions(suggestions) if self.show_suggestions => Rc::new(Self {
                suggestions,
                ..(*self).clone()
            }),
            Action::SetSuggestions(_) => self,
            Action::AcceptSuggestion(suggestion) => {
                let next = self.without_suggestion(suggestion);
                next.edit(false, |store, document| {
                    store.add(document, suggestion.range(), suggestion.label)
                })
            }
            Action::RejectSuggestion(suggestion) => {
                let mut next = (*self.without_suggestion(suggestion)).clone();
                let rejected = Rc::make_mut(&mut next.rejected);
                if let Err(at) = rejected.binary_search(&suggestion) {
                    rejected.insert(at, suggestion);
                }
                Rc::new(next)
            }
            Action::AcceptAllSuggestions => self.accept_all_suggestions(),
            Action::TagAllOccurrences => self.tag_all_occurrences(),
            Action::ToggleMatchCase => Rc::new(Self {
                match_case: !self.match_case,
                ..(*self).clone()
            }),
            Action::ToggleHelp => Rc::new(Self {
                help_open: !self.help_open,
                ..(*self).clone()
            }),
            Action::SetAside(records) if records.is_empty() && self.set_aside.is_empty() => self,
            Action::SetAside(set_aside) => Rc::new(Self {
                set_aside,
                ..(*self).clone()
            }),
            Action::Notify(notice) => self.with_notice(Some(notice)),
            Action::DismissNotice => self.with_notice(None),
        }
    }
}

/// The text with its first letter upper-cased, for messages built from error texts (which
/// start with an English word; ASCII only, so the page carries no Unicode case tables for it).
pub(crate) fn capitalize(text: &str) -> String {
    let mut capitalized = text.to_owned();
    if let Some(first) = capitalized.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    capitalized
}
