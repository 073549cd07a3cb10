//! The annotators' agreement, worked out in the converters' worker (off the page's thread)
//! while the Agreement panel is open, again whenever an annotator's version or the user's name
//! changes (a curated version's edits do not count; see `Workspace::is_compared`).

use std::rc::Rc;

use yew::prelude::*;

use super::use_latest::Latest;
use crate::formats::protocol::{DocumentBatch, Request, Response};
use crate::model::AnnotatedDocument;
use crate::ui::browser::{timing, worker_client};
use crate::ui::state::{AgreementView, AppState, Notice, ViewAction};

/// What the latest request was worked out from: each version (by its entry's address) and the
/// user's name.
type Sent = (Vec<usize>, Option<String>);

/// Keeps the Agreement panel's figures current while it is open.
#[hook]
pub fn use_agreement(latest: Latest, state: &AppState) {
    let sent = use_mut_ref(|| None::<Sent>);
    let open = state.view.panels.agreement;
    use_effect_with((open, state.revision), move |(open, _)| {
        if !*open {
            return;
        }
        let state = latest.borrow().clone();
        let workspace = &state.workspace;
        let entries = workspace.entries();
        let positions: Vec<usize> = (0..entries.len())
            .filter(|&i| workspace.is_compared(i))
            .collect();
        let key: Sent = (
            positions
                .iter()
                .map(|&i| Rc::as_ptr(&entries[i]) as usize)
                .collect(),
            workspace.annotator().map(str::to_owned),
        );
        if sent.borrow().as_ref() == Some(&key) {
            return;
        }
        *sent.borrow_mut() = Some(key);
        // The benchmark times the agreement from here to the figures painted.
        timing::mark("agreement-asked");
        let versions: Vec<AnnotatedDocument> = positions
            .iter()
            .filter_map(|&i| workspace.annotated(i))
            .collect();
        let annotators = versions
            .iter()
            .map(|v| workspace.annotator_of(&v.document).to_owned())
            .collect();
        let request = Request::Agree {
            documents: DocumentBatch::of(versions.iter().map(|v| (v, false))),
            annotators,
        };
        timing::mark("agreement-sent");
        wasm_bindgen_futures::spawn_local(async move {
            let answer = worker_client::ask(request, |_| ()).await;
            timing::mark("agreement-answered");
            let action = match answer {
                Response::Agreement(summary) => {
                    ViewAction::SetAgreement(Rc::new(AgreementView { summary, positions }))
                }
                Response::Failed { message } => ViewAction::Notify(Notice::error(message)),
                _ => return,
            };
            state.dispatch(action.into());
        });
    });
}
