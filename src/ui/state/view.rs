//! Reducing changes of what the view shows (selection, panels, filter, suggestions, messages,
//! progress) and of the settings. Nothing saved changes here; a change that changes nothing
//! returns the same `Rc`.

use std::rc::Rc;

use super::{tagger, AppState, Reveal, Setting, ViewAction};
use crate::model::suggestions::Suggestion;

/// The state with `change` made to a copy, or the same `Rc` if `unchanged`.
fn changed_if(
    state: Rc<AppState>,
    unchanged: bool,
    change: impl FnOnce(&mut AppState),
) -> Rc<AppState> {
    if unchanged {
        return state;
    }
    let mut next = (*state).clone();
    change(&mut next);
    Rc::new(next)
}

/// Applies one change of the view.
pub fn reduce(state: Rc<AppState>, action: ViewAction) -> Rc<AppState> {
    match action {
        ViewAction::Select(id) => {
            let selected = state.workspace.store().get(id).map(|_| id);
            let same = state.view.selected == selected;
            changed_if(state, same, |next| next.view.selected = selected)
        }
        ViewAction::Reveal(id) => {
            let missing = state.workspace.store().get(id).is_none();
            changed_if(state, missing, |next| {
                let sequence = next.view.reveal.map_or(0, |r| r.sequence + 1);
                next.view.selected = Some(id);
                next.view.reveal = Some(Reveal { id, sequence });
            })
        }
        ViewAction::Deselect => {
            let same = state.view.selected.is_none();
            changed_if(state, same, |next| next.view.selected = None)
        }
        ViewAction::SetFilter(filter) => {
            let same = state.view.filter == filter;
            changed_if(state, same, |next| next.view.filter = filter)
        }
        ViewAction::TogglePasteBox => {
            changed_if(state, false, |next| next.view.panels.paste_box ^= true)
        }
        ViewAction::ToggleLabelEditor => {
            changed_if(state, false, |next| next.view.panels.label_editor ^= true)
        }
        ViewAction::ToggleHelp => changed_if(state, false, |next| next.view.panels.help ^= true),
        ViewAction::ToggleModelPanel => {
            changed_if(state, false, |next| next.view.panels.model ^= true)
        }
        ViewAction::ToggleAgreementPanel => {
            changed_if(state, false, |next| next.view.panels.agreement ^= true)
        }
        ViewAction::SetAgreement(agreement) => {
            let same = state.view.agreement.as_ref() == Some(&agreement);
            changed_if(state, same, |next| next.view.agreement = Some(agreement))
        }
        ViewAction::SetSuggestions(suggestions) => {
            let ignored = !state.settings.show_suggestions || state.view.dictionary == suggestions;
            changed_if(state, ignored, |next| {
                next.view.dictionary = suggestions;
                tagger::show(next);
            })
        }
        ViewAction::RejectSuggestion(suggestion) => {
            let mut next = (*without_suggestion(state, suggestion)).clone();
            tagger::answered(&mut next, &suggestion, false);
            let rejected = Rc::make_mut(&mut next.view.rejected);
            if let Err(at) = rejected.binary_search(&suggestion) {
                rejected.insert(at, suggestion);
            }
            Rc::new(next)
        }
        ViewAction::SetProgress(progress) => {
            let same = state.view.progress == progress;
            changed_if(state, same, |next| next.view.progress = progress)
        }
        ViewAction::SetAside(records) => {
            let same = state.view.set_aside == records;
            changed_if(state, same, |next| next.view.set_aside = records)
        }
        ViewAction::Notify(notice) => state.with_notice(Some(notice)),
        ViewAction::DismissNotice => state.with_notice(None),
    }
}

/// Applies one change of the settings.
pub fn setting(state: Rc<AppState>, setting: Setting) -> Rc<AppState> {
    changed_if(state, false, |next| {
        let settings = &mut next.settings;
        match setting {
            Setting::ToggleSnapToWords => settings.snap_to_words ^= true,
            Setting::ToggleCorpusScope => settings.corpus_scope ^= true,
            Setting::ToggleMatchCase => settings.match_case ^= true,
            Setting::ToggleSuggestions => {
                settings.show_suggestions ^= true;
                next.view.dictionary = Rc::from([]);
                tagger::show(next);
            }
        }
    })
}

/// The state without `suggestion` among those shown (a prediction or a string labeled
/// elsewhere).
pub fn without_suggestion(state: Rc<AppState>, suggestion: Suggestion) -> Rc<AppState> {
    if !state.view.suggestions.contains(&suggestion) {
        return state;
    }
    let without = |list: &Rc<[Suggestion]>| -> Rc<[Suggestion]> {
        list.iter().filter(|s| **s != suggestion).copied().collect()
    };
    let mut next = (*state).clone();
    next.view.dictionary = without(&state.view.dictionary);
    next.view.predictions = without(&state.view.predictions);
    tagger::show(&mut next);
    Rc::new(next)
}
