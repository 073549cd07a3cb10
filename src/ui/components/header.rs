//! The page header: the open document's title, whose version it is, its span counts per label,
//! the user's name as an annotator, the shortcut list button and the theme toggle.

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
    /// Whose version the open document is ("bob's version", "curated"), if not the user's.
    pub version: Option<AttrValue>,
    /// The user's name as an annotator, if set.
    pub annotator: Option<AttrValue>,
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
    let onname = props.actions.set_annotator.reform(|event: Event| {
        event
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .map(|input| input.value())
            .unwrap_or_default()
    });
    html! {
        <header class="header">
            <div class="header-text">
                <h1 class="title">{ props.title.clone() }
                    if let Some(version) = props.version.clone() {
                        <span class="version-tag">{ version }</span>
                    }
                </h1>
                <p class="counts" aria-live="polite">{ props.counts.clone() }</p>
            </div>
            <div class="header-actions">
                <label class="annotator" title="Your name as an annotator: saved, and written into every export of your documents">
                    { "Annotator " }
                    <input type="text" class="annotator-name" placeholder="your name" size="12"
                        value={props.annotator.clone().unwrap_or_default()} onchange={onname} />
                </label>
                <button type="button" class="help-button" aria-keyshortcuts="?"
                    onclick={props.actions.on::<MouseEvent>(ViewAction::ToggleHelp)}>{ "Shortcuts (?)" }</button>
                <button type="button" class="theme-toggle" aria-pressed={(*dark).to_string()}
                    onclick={ontheme}>{ "Dark theme" }</button>
            </div>
        </header>
    }
}
