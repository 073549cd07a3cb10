//! The page header: the open document's title, its span counts per label, the shortcut list
//! button and the theme toggle.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::browser::theme;
use crate::ui::hooks::use_actions::Actions;
use crate::ui::state::ViewAction;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The open document's title.
    pub title: String,
    /// "N annotations · Person 3 · …".
    pub counts: String,
    /// The app's callbacks.
    pub actions: Rc<Actions>,
}

/// The header.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let dark = use_state(theme::is_dark);
    let ontheme = {
        let (dark, toggle) = (dark.clone(), props.actions.toggle_theme.clone());
        Callback::from(move |_: MouseEvent| dark.set(toggle.emit(())))
    };
    html! {
        <header class="header">
            <div class="header-text">
                <h1 class="title">{ props.title.clone() }</h1>
                <p class="counts" aria-live="polite">{ props.counts.clone() }</p>
            </div>
            <div class="header-actions">
                <button type="button" class="help-button" aria-keyshortcuts="?"
                    onclick={props.actions.on::<MouseEvent>(ViewAction::ToggleHelp)}>{ "Shortcuts (?)" }</button>
                <button type="button" class="theme-toggle" aria-pressed={(*dark).to_string()}
                    onclick={ontheme}>{ "Dark theme" }</button>
            </div>
        </header>
    }
}
