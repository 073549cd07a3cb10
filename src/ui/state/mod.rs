//! The one UI store. Its state is grouped by what it is for: what is saved (the workspace),
//! what the view shows of it, the user's settings, and how saving goes. `Action` is grouped the
//! same way ([`action`]); [`reduce`] is the only place state changes, and an action that
//! changes nothing returns the same `Rc`, so nothing re-renders. Cloning the state is cheap:
//! the documents and lists are shared behind `Rc` until something changes them.

pub mod action;
pub mod curation;
mod documents;
mod edits;
pub mod review;
pub mod tagger;
mod view;

use std::rc::Rc;

use yew::Reducible;

pub use action::{Action, DocumentAction, EditAction, LabelEdit, SaveAction, Setting, ViewAction};
pub use curation::AgreementView;
pub use tagger::{TaggerAction, TaggerState, TaggerStatus};

use crate::model::suggestions::Suggestion;
use crate::model::{
    AnnotatedDocument, Annotation, AnnotationId, Document, ParagraphSpans, StatusFilter, Workspace,
};
use crate::ui::flows::set_aside::AsideRecord;

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

/// A request to scroll to an annotation's highlight and flash it, carried out after rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reveal {
    /// The annotation to show.
    pub id: AnnotationId,
    /// Distinguishes repeated requests for the same annotation.
    pub sequence: u64,
}

/// The panels that can be open beside the article; moving between documents keeps them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panels {
    /// The label editor.
    pub label_editor: bool,
    /// The list of keyboard shortcuts.
    pub help: bool,
    /// The box for pasting a new document.
    pub paste_box: bool,
    /// The Model panel (the tagger).
    pub model: bool,
    /// The Agreement panel (several annotators).
    pub agreement: bool,
}

/// What the view shows of the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// Which annotations each paragraph of the open document shows.
    pub paragraph_spans: ParagraphSpans,
    /// The annotation the user selected.
    pub selected: Option<AnnotationId>,
    /// The latest request to scroll to an annotation.
    pub reveal: Option<Reveal>,
    /// The message on show.
    pub notice: Option<Notice>,
    /// Which documents the list shows.
    pub filter: StatusFilter,
    /// Which panels are open.
    pub panels: Panels,
    /// Counts refused label edits, so the editor's fields are reset to the labels as they are.
    pub label_refusals: u64,
    /// The suggestions on show, in text order: the tagger's predictions and, while Suggest
    /// is on, strings labeled elsewhere (see `tagger::shown`).
    pub suggestions: Rc<[Suggestion]>,
    /// Strings labeled elsewhere that recur here (empty while Suggest is off).
    pub dictionary: Rc<[Suggestion]>,
    /// The tagger's predictions for the open document, left to accept or reject.
    pub predictions: Rc<[Suggestion]>,
    /// Suggestions the user rejected, sorted; not suggested again while this document is open.
    pub rejected: Rc<Vec<Suggestion>>,
    /// The review queue, while the user goes through the predictions one at a time.
    pub review: Option<review::Review>,
    /// How far a running import has come: (documents done, total).
    pub progress: Option<(usize, usize)>,
    /// Saved records that could not be opened, kept aside in the store.
    pub set_aside: Rc<[AsideRecord]>,
    /// The annotators' agreement, as last worked out.
    pub agreement: Option<Rc<AgreementView>>,
    /// Curating the open curated version, while the user steps through its disagreements.
    pub curation: Option<curation::Session>,
}

/// How the user works; kept for the whole session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Whether selections grow to whole words (else they keep their exact characters).
    pub snap_to_words: bool,
    /// Whether tagging all occurrences matches case.
    pub match_case: bool,
    /// Whether "Tag all" reaches every document.
    pub corpus_scope: bool,
    /// Whether suggestions are shown.
    pub show_suggestions: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            snap_to_words: true,
            match_case: true,
            corpus_scope: false,
            show_suggestions: false,
        }
    }
}

/// How saving goes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saving {
    /// False until saved work was read, and for good when it could not be read, so autosave
    /// never overwrites it.
    pub on: bool,
    /// Whether the saved work is still being read.
    pub loading: bool,
    /// Why the latest save failed (or saving is off), while it does.
    pub failed: Option<String>,
}

/// The whole UI state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppState {
    /// What is saved: every document, the labels, the done marks.
    pub workspace: Workspace,
    /// What the view shows of it.
    pub view: View,
    /// How the user works.
    pub settings: Settings,
    /// How saving goes.
    pub saving: Saving,
    /// The tagger.
    pub tagger: TaggerState,
    /// Counts changes to what is saved; autosave and derived views key on it.
    pub revision: u64,
}

impl AppState {
    /// State for a workspace of this one document; saving starts on.
    pub fn new(annotated: AnnotatedDocument) -> Self {
        Self::of_workspace(Workspace::new(annotated))
    }

    /// State for a workspace; saving starts on.
    pub fn of_workspace(workspace: Workspace) -> Self {
        let paragraph_spans = ParagraphSpans::build(workspace.document(), workspace.store());
        Self {
            workspace,
            view: View {
                paragraph_spans,
                selected: None,
                reveal: None,
                notice: None,
                filter: StatusFilter::All,
                panels: Panels::default(),
                label_refusals: 0,
                suggestions: Rc::from([]),
                dictionary: Rc::from([]),
                predictions: Rc::from([]),
                rejected: Rc::default(),
                review: None,
                progress: None,
                set_aside: Rc::from([]),
                agreement: None,
                curation: None,
            },
            settings: Settings::default(),
            saving: Saving {
                on: true,
                loading: false,
                failed: None,
            },
            tagger: TaggerState::default(),
            revision: 0,
        }
    }

    /// The document shown.
    pub fn document(&self) -> &Rc<Document> {
        self.workspace.document()
    }

    /// The selected annotation, if it still exists.
    pub fn selected_annotation(&self) -> Option<Annotation> {
        self.view
            .selected
            .and_then(|id| self.workspace.store().get(id))
    }

    /// The same state with the message shown (the same `Rc` if it already is).
    fn with_notice(self: Rc<Self>, notice: Option<Notice>) -> Rc<Self> {
        if self.view.notice == notice {
            return self;
        }
        let mut next = (*self).clone();
        next.view.notice = notice;
        Rc::new(next)
    }

    /// After a change of the open document's spans in `touched` (code points): the paragraphs
    /// there are refreshed, the change is counted, the message goes.
    fn changed(&mut self, touched: std::ops::Range<usize>) {
        self.view.paragraph_spans.refresh(
            self.workspace.document(),
            self.workspace.store(),
            touched,
        );
        self.revision += 1;
        self.view.notice = None;
        // A prediction the document now holds as a span (accepted, or tagged by hand) goes.
        let store = self.workspace.store();
        let held = |s: &Suggestion| store.overlapping(s.range()).any(|a| a.range() == s.range());
        if self.view.predictions.iter().any(held) {
            self.view.predictions = self
                .view
                .predictions
                .iter()
                .filter(|s| !held(s))
                .copied()
                .collect();
            tagger::show(self);
        }
    }

    /// Fresh view state for another open document (or another workspace), keeping the panels,
    /// filter, progress, records set aside, settings and saving; counts as a change.
    fn with_workspace(self: Rc<Self>, workspace: Workspace, notice: Option<Notice>) -> Rc<Self> {
        let mut next = Self::of_workspace(workspace);
        next.view.notice = notice;
        next.view.filter = self.view.filter;
        next.view.panels = self.view.panels;
        next.view.progress = self.view.progress;
        next.view.set_aside = Rc::clone(&self.view.set_aside);
        next.view.agreement = self.view.agreement.clone();
        next.view.label_refusals = self.view.label_refusals;
        next.settings = self.settings;
        next.saving = self.saving.clone();
        next.tagger = self.tagger.clone();
        next.tagger.missing = Vec::new();
        tagger::carry_predictions(&self, &mut next);
        curation::resume(&mut next, false);
        next.revision = self.revision + 1;
        Rc::new(next)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(action) => edits::reduce(self, action),
            Action::Document(action) => documents::reduce(self, action),
            Action::View(action) => view::reduce(self, action),
            Action::Setting(setting) => view::setting(self, setting),
            Action::Save(action) => documents::save(self, action),
            Action::Tagger(action) => tagger::reduce(self, action),
            Action::Review(action) => review::reduce(self, action),
            Action::Curation(action) => curation::reduce(self, action),
        }
    }
}
