//! What the curation panel shows of the session, worked out once per change (which version
//! stands in the disagreement on show, how many are settled), and the article scrolled to the
//! disagreement on show whenever it changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::agreement::curation::{self, Disagreement};
use crate::model::Provenance;
use crate::ui::browser::viewport;
use crate::ui::state::AppState;

/// The disagreement on show and how curating goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurationView {
    /// The disagreement on show.
    pub disagreement: Disagreement,
    /// Its position (from 0).
    pub at: usize,
    /// How many disagreements there are.
    pub count: usize,
    /// How many are settled.
    pub settled: usize,
    /// The version that stands there now, if a decision took one.
    pub taken: Option<usize>,
    /// The curator settled it with no span.
    pub left_empty: bool,
    /// The curated version's provenance.
    pub provenance: Rc<Provenance>,
}

/// The view of the running session, if any; the article follows the disagreement on show.
#[hook]
pub fn use_curation(state: &AppState, article: NodeRef) -> Option<Rc<CurationView>> {
    let at = state.view.curation.as_ref().map(|s| s.at);
    let view = {
        let workspace = state.workspace.clone();
        let session = state.view.curation.clone();
        use_memo((state.revision, at), move |_| {
            let session = session?;
            let provenance = workspace.document().provenance.clone()?;
            let annotated = workspace.open_document();
            let disagreement = session.current()?.clone();
            let settled = session
                .disagreements
                .iter()
                .filter(|d| curation::is_settled(&annotated, &provenance, d))
                .count();
            Some(Rc::new(CurationView {
                taken: curation::taken(&annotated, &provenance, &disagreement),
                left_empty: provenance.is_left_empty(&disagreement.extent),
                at: session.at,
                count: session.disagreements.len(),
                settled,
                disagreement,
                provenance,
            }))
        })
    };
    let start = view.as_ref().as_ref().map(|v| v.disagreement.extent.start);
    use_effect_with(start, move |start| {
        if let (Some(start), Some(article)) = (start, article.cast::<web_sys::Element>()) {
            viewport::scroll_to_offset(&article, *start);
        }
    });
    (*view).clone()
}
