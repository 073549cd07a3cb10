//! Autosave: every change is saved as soon as it is painted (one save at a time, see
//! `flows::autosave`); the page being left queues the last changes at once; a store cleared
//! while the page is open gets the whole workspace written again; an unmounted app writes
//! nothing more.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use super::use_latest::Latest;
use crate::ui::browser::after_paint::after_next_paint;
use crate::ui::browser::indexed_db;
use crate::ui::flows::autosave::{self, SaveQueue, Saved, Snapshot};
use crate::ui::state::{Notice, SaveAction, ViewAction};
use crate::ui::wording;

/// Saves after each change of `revision` while `on`.
#[hook]
pub fn use_autosave(latest: Latest, snapshot: Rc<RefCell<Snapshot>>, revision: u64, on: bool) {
    let queue = use_memo((), |_| Rc::new(SaveQueue::default()));
    let save = {
        let (latest, snapshot, queue) = (latest.clone(), snapshot.clone(), Rc::clone(&*queue));
        Rc::new(move |whole: bool| {
            let for_state = latest.clone();
            let dispatcher = latest.borrow().dispatcher();
            queue.request(
                whole,
                snapshot.clone(),
                move || {
                    let state = for_state.borrow().clone();
                    state.saving.on.then(|| state.workspace.clone())
                },
                move |saved| {
                    dispatcher.dispatch(match saved {
                        Ok(Saved::Changes) => SaveAction::Saved.into(),
                        Ok(Saved::Whole) => {
                            ViewAction::Notify(Notice::error(wording::STORE_LOST)).into()
                        }
                        Err(error) => SaveAction::Failed(error.to_string()).into(),
                    })
                },
            );
        })
    };
    {
        // An unmounted app writes nothing more.
        let queue = Rc::clone(&*queue);
        use_effect_with((), move |_| move || queue.close());
    }
    {
        let save = Rc::clone(&save);
        use_effect_with(revision, move |_| {
            if on {
                after_next_paint(move || save(false));
            }
        });
    }
    {
        // Storage cleared while the page is open: the store holds nothing of the workspace
        // any more, so all of it is written again, to a new database.
        let save = Rc::clone(&save);
        use_effect_with((), move |_| {
            indexed_db::on_lost(move || save(true));
            indexed_db::clear_on_lost
        });
    }
    use_effect_with((), move |_| {
        // A page left before a save has committed must not lose the change: the write is
        // queued on the open connection before the page goes.
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "pagehide", move |_| {
                let state = latest.borrow().clone();
                if state.saving.on {
                    autosave::save_on_exit(&state.workspace, &snapshot);
                }
            })
        });
        move || drop(listener)
    });
}
