//! The newest state, for listeners that are registered once and outlive a render.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::state::AppState;

/// A shared cell that always holds the store's newest handle.
pub type Latest = Rc<RefCell<UseReducerHandle<AppState>>>;

/// Keeps the newest handle of `state` in one cell for the app's whole life.
#[hook]
pub fn use_latest(state: &UseReducerHandle<AppState>) -> Latest {
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    latest
}
