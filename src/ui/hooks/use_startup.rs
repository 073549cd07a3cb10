//! Startup: claims the right to save (one tab at a time), reads the saved work and hands it to
//! the store, with what the user should know; the lock is held while the app runs.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::browser::tab_lock::{self, Claim};
use crate::ui::flows::autosave::Snapshot;
use crate::ui::flows::startup;
use crate::ui::state::{AppState, Notice, SaveAction, ViewAction};
use crate::ui::wording;

/// Reads the saved work once, at mount; `snapshot` learns what the store holds.
#[hook]
pub fn use_startup(dispatcher: UseReducerDispatcher<AppState>, snapshot: Rc<RefCell<Snapshot>>) {
    let lock = use_mut_ref(|| None);
    use_effect_with((), move |_| {
        let held = lock.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let saves = match tab_lock::claim().await {
                Claim::Granted(lock) => {
                    *held.borrow_mut() = Some(lock);
                    true
                }
                Claim::HeldElsewhere => false,
            };
            match startup::restore(saves).await {
                Ok(restored) => {
                    *snapshot.borrow_mut() = restored.snapshot;
                    dispatcher.dispatch(SaveAction::Restore(Box::new(restored.workspace)).into());
                    if !restored.set_aside.is_empty() {
                        dispatcher.dispatch(ViewAction::SetAside(restored.set_aside.into()).into());
                    }
                    if let Some(notice) = restored.notice {
                        dispatcher.dispatch(ViewAction::Notify(Notice::error(notice)).into());
                    }
                    if let Some(reason) = restored.saving_off {
                        dispatcher.dispatch(SaveAction::Off(reason).into());
                    } else if !saves {
                        dispatcher.dispatch(SaveAction::Off(wording::OTHER_TAB.into()).into());
                    }
                }
                Err(unsaved) => dispatcher.dispatch(SaveAction::Off(unsaved.to_string()).into()),
            }
        });
        move || drop(lock.borrow_mut().take())
    });
}
