//! The keyboard: one listener on the page reads the key, the DOM selection and where the key
//! went, asks the pure keyboard map (`key_commands`) what to do, and does it.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::use_latest::Latest;
use crate::ui::browser::{events, selection};
use crate::ui::key_commands::{key_command, KeyCommand, KeyContext};
use crate::ui::keys::Modifiers;

/// Turns key presses on the page into actions while the app runs.
#[hook]
pub fn use_keyboard(latest: Latest, article: NodeRef, alt_selection: Rc<Cell<bool>>) {
    use_effect_with((), move |_| {
        let listener = events::listen_on_document("keydown", move |event| {
            let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if event.is_composing() || events::is_typing_target(event) {
                return;
            }
            let state = latest.borrow().clone();
            let article = article.cast::<web_sys::Element>();
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            let in_article = article
                .as_ref()
                .zip(target)
                .is_some_and(|(article, target)| article.contains(Some(&target)));
            let text_selection = article.as_ref().and_then(selection::selected_range);
            let modifiers = Modifiers {
                command: event.ctrl_key() || event.meta_key(),
                shift: event.shift_key(),
                alt: event.alt_key(),
            };
            let context = KeyContext {
                in_article,
                text_selection: text_selection.as_ref(),
                exact: alt_selection.get(),
                state: &state,
            };
            let Some(command) = key_command(&event.key(), modifiers, context) else {
                return;
            };
            event.prevent_default();
            match command {
                KeyCommand::Dispatch {
                    action,
                    clear_selection,
                } => {
                    if clear_selection {
                        selection::clear_selection();
                    }
                    state.dispatch(action);
                }
                KeyCommand::Select(range) => {
                    if let Some(article) = &article {
                        selection::select_offsets(article, range);
                    }
                }
                KeyCommand::Consume => {}
            }
        });
        move || drop(listener)
    });
}
