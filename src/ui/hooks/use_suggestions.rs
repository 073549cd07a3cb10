//! Suggestions, worked out a moment after the latest change (off the edit's own frame) while
//! they are shown: strings labeled anywhere in the workspace, wherever they recur unannotated.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::model::suggestions::suggestions_expected;
use crate::model::{Entry, LabelId, Workspace};
use crate::ui::browser::timing;
use crate::ui::state::{AppState, ViewAction};

/// How long after the last change suggestions are worked out.
const SUGGESTIONS_DELAY_MS: u32 = 150;

/// The strings labeled in the documents other than the open one, with those documents'
/// entries they were gathered from (an entry that changed is another allocation; holding them
/// keeps their addresses from being reused).
type ElsewhereCache = (Vec<Rc<Entry>>, Rc<[(String, LabelId)]>);

/// Works out the suggestions after each change while they are shown.
#[hook]
pub fn use_suggestions(state: &UseReducerHandle<AppState>) {
    let cache = use_mut_ref(|| None::<ElsewhereCache>);
    let state = state.clone();
    let show = state.settings.show_suggestions;
    let rejected = Rc::clone(&state.view.rejected);
    use_effect_with(
        (state.revision, show, rejected),
        move |(_, show, rejected)| {
            let rejected = Rc::clone(rejected);
            let pending = show.then(|| {
                Timeout::new(SUGGESTIONS_DELAY_MS, move || {
                    // Timed as a User Timing measure, for the benchmark.
                    let found = timing::measured("suggestions", || {
                        let workspace = &state.workspace;
                        let elsewhere = labeled_elsewhere(workspace, &cache);
                        suggestions_expected(
                            workspace.document(),
                            workspace.store(),
                            &elsewhere,
                            &rejected,
                            // As many as last time, and room for an edit's few more.
                            state.view.dictionary.len() + 16,
                        )
                    });
                    state.dispatch(ViewAction::SetSuggestions(found.into()).into());
                })
            });
            move || drop(pending)
        },
    );
}

/// The strings labeled in the other documents: from `cache` while those documents are the
/// same (their list is shared until one of them changes), else gathered anew.
fn labeled_elsewhere(
    workspace: &Workspace,
    cache: &RefCell<Option<ElsewhereCache>>,
) -> Rc<[(String, LabelId)]> {
    let current = workspace.current();
    let others: Vec<Rc<Entry>> = workspace
        .entries()
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != current)
        .map(|(_, entry)| Rc::clone(entry))
        .collect();
    let same = |kept: &[Rc<Entry>]| {
        kept.len() == others.len() && kept.iter().zip(&others).all(|(a, b)| Rc::ptr_eq(a, b))
    };
    let mut cache = cache.borrow_mut();
    match &*cache {
        Some((kept, strings)) if same(kept) => Rc::clone(strings),
        _ => {
            let strings: Rc<[(String, LabelId)]> = workspace.labeled_elsewhere().into();
            *cache = Some((others, Rc::clone(&strings)));
            strings
        }
    }
}
