//! What a key press does, as a pure function of the key, its modifiers and what the page knows
//! at that moment (the selection, the open panels, the state). The keyboard hook only reads
//! the DOM, calls [`key_command`] and carries out the answer. Offsets are code points.

use std::ops::Range;

use super::keys::{shortcut, Modifiers, Shortcut};
use super::state::curation::CurationAction;
use super::state::review::ReviewAction;
use super::state::{Action, AppState, DocumentAction, EditAction, TaggerAction, ViewAction};
use crate::agreement::curation::Decision;
use crate::model::suggestions::Suggestion;
use crate::model::word_caret;
use crate::model::{Annotation, AnnotationId};

/// What the page knows at a key press.
#[derive(Debug, Clone, Copy)]
pub struct KeyContext<'a> {
    /// The key went to the article (arrows and Tab act only there).
    pub in_article: bool,
    /// The text selected in the article, if any.
    pub text_selection: Option<&'a Range<usize>>,
    /// Alt was held when the selection was made (keep exact characters).
    pub exact: bool,
    /// The state.
    pub state: &'a AppState,
}

/// What to do for a key press; the key's default action is prevented for each of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyCommand {
    /// Dispatch `action`; with `clear_selection`, clear the browser's selection first (its
    /// text is about to be re-rendered, or the selection was used up).
    Dispatch {
        /// The action.
        action: Action,
        /// Clear the selection first.
        clear_selection: bool,
    },
    /// Select this range of the article, as a word step does.
    Select(Range<usize>),
    /// Nothing more (an arrow key at the article's first or last word).
    Consume,
}

fn dispatch(action: impl Into<Action>) -> Option<KeyCommand> {
    Some(KeyCommand::Dispatch {
        action: action.into(),
        clear_selection: false,
    })
}

fn dispatch_clearing(action: impl Into<Action>) -> Option<KeyCommand> {
    Some(KeyCommand::Dispatch {
        action: action.into(),
        clear_selection: true,
    })
}

/// What `key` (a `KeyboardEvent.key`) with `modifiers` does; `None` leaves the key to the
/// browser (Tab past the last annotation leaves the article, say).
pub fn key_command(key: &str, modifiers: Modifiers, context: KeyContext) -> Option<KeyCommand> {
    let shortcut = shortcut(key, modifiers)?;
    let state = context.state;
    let help_open = state.view.panels.help;
    let labels = state.workspace.labels();
    let under_selection = || -> Option<Suggestion> {
        let range = context.text_selection?;
        state
            .view
            .suggestions
            .iter()
            .find(|s| s.start <= range.start && range.end <= s.end)
            .copied()
    };
    let label_key = |key: char| {
        labels.by_key(key)?;
        dispatch_clearing(EditAction::LabelKey {
            key,
            selection: context.text_selection.cloned(),
            exact: context.exact,
        })
    };
    let reviewing = state.view.review.is_some() && !help_open;
    let curating = state.view.curation.is_some() && !help_open && !reviewing;
    let decide = |decision| dispatch_clearing(CurationAction::Decide(decision));
    match shortcut {
        Shortcut::Help => dispatch(ViewAction::ToggleHelp),
        // While curating, j k 1…9 0 b u and Esc step through and settle the disagreements.
        Shortcut::Label(key @ ('j' | 'k')) if curating => dispatch(CurationAction::Step {
            forward: key == 'j',
        }),
        Shortcut::Label(digit @ '1'..='9') if curating => {
            decide(Decision::Take(digit as usize - '1' as usize))
        }
        Shortcut::Label('0') if curating => decide(Decision::Neither),
        Shortcut::Label('b') if curating => decide(Decision::Both),
        Shortcut::Label('u') if curating => dispatch_clearing(CurationAction::TakeBack),
        Shortcut::Deselect if curating => dispatch(CurationAction::Stop),
        // While reviewing, y n u Space and Esc answer the queue, before any label key.
        Shortcut::Label('y') if reviewing => dispatch_clearing(ReviewAction::Accept),
        Shortcut::Label('n') if reviewing => dispatch_clearing(ReviewAction::Reject),
        Shortcut::Label('u') if reviewing => dispatch_clearing(ReviewAction::Undo),
        Shortcut::Space if reviewing => dispatch(ReviewAction::Skip),
        Shortcut::Deselect if reviewing => dispatch(ReviewAction::Stop),
        Shortcut::Space => None,
        Shortcut::Accept if !help_open => {
            dispatch_clearing(EditAction::AcceptSuggestion(under_selection()?))
        }
        Shortcut::Label('x') if !help_open => match under_selection() {
            Some(suggestion) => dispatch_clearing(ViewAction::RejectSuggestion(suggestion)),
            None => label_key('x'),
        },
        Shortcut::Deselect if help_open => dispatch(ViewAction::ToggleHelp),
        _ if help_open => None,
        Shortcut::Accept => None,
        Shortcut::Document { forward } => dispatch(DocumentAction::Step { forward }),
        // n and p step through documents unless a label is bound to them.
        Shortcut::Label(key @ ('n' | 'p')) if labels.by_key(key).is_none() => {
            dispatch(DocumentAction::Step {
                forward: key == 'n',
            })
        }
        // Shift+M pre-annotates the open document unless a label is bound to it.
        Shortcut::Label('M') if labels.by_key('M').is_none() => {
            dispatch(TaggerAction::RequestPrediction)
        }
        Shortcut::Label(key) => label_key(key),
        Shortcut::Undo => dispatch(EditAction::Undo),
        Shortcut::Redo => dispatch(EditAction::Redo),
        Shortcut::Remove => dispatch(EditAction::RemoveSelected),
        Shortcut::Deselect => dispatch_clearing(ViewAction::Deselect),
        Shortcut::Word { forward, extend } if context.in_article => {
            let current = context
                .text_selection
                .cloned()
                .or_else(|| state.selected_annotation().map(|a| a.range()));
            let step = word_caret::step(state.document(), current, forward, extend);
            Some(step.map_or(KeyCommand::Consume, KeyCommand::Select))
        }
        Shortcut::Annotation { forward } if context.in_article => {
            let id = neighbour_annotation(state, context.text_selection, forward)?;
            dispatch_clearing(ViewAction::Reveal(id))
        }
        Shortcut::Word { .. } | Shortcut::Annotation { .. } => None,
    }
}

/// The annotation after (or before) the selected one, or after the text selection's start,
/// in text order.
fn neighbour_annotation(
    state: &AppState,
    text_selection: Option<&Range<usize>>,
    forward: bool,
) -> Option<AnnotationId> {
    let store = state.workspace.store();
    let selected = state
        .selected_annotation()
        .filter(|_| text_selection.is_none());
    let at = |a: &Annotation| a.text_order();
    match (selected, text_selection, forward) {
        (Some(current), _, true) => store.iter().find(|a| at(a) > at(&current)),
        (Some(current), _, false) => store.iter().rev().find(|a| at(a) < at(&current)),
        (None, Some(range), true) => store.iter().find(|a| a.start >= range.start),
        (None, Some(range), false) => store.iter().rev().find(|a| a.start < range.start),
        (None, None, true) => store.iter().next(),
        (None, None, false) => store.iter().next_back(),
    }
    .map(|a| a.id)
}
