//! The bars between the toolbar and the article: saving stopped (with Export everything) and
//! how far an import has come.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::hooks::use_actions::Actions;
use crate::ui::wording;

/// Props of [`SavingWarning`].
#[derive(Properties, PartialEq)]
pub struct SavingWarningProps {
    /// Why saving stopped.
    pub reason: String,
    /// The app's callbacks.
    pub actions: Rc<Actions>,
}

/// Saving stopped: why, and a way to keep the work.
#[function_component(SavingWarning)]
pub fn saving_warning(props: &SavingWarningProps) -> Html {
    let onclick = props.actions.export_everything.reform(|_: MouseEvent| ());
    html! {
        <div class="saving-warning" role="alert">
            <span>{ wording::saving_stopped(&props.reason) }</span>
            <button type="button" class="export-everything" {onclick}>{ "Export everything" }</button>
        </div>
    }
}

/// Props of [`ImportProgress`].
#[derive(Properties, PartialEq)]
pub struct ImportProgressProps {
    /// Documents added so far, and in all (0 of 0 while the files are read).
    pub done: usize,
    /// Documents in all.
    pub total: usize,
}

/// How far an import has come.
#[function_component(ImportProgress)]
pub fn import_progress(props: &ImportProgressProps) -> Html {
    html! {
        <div class="import-progress" role="status">
            if props.total == 0 {
                <span>{ "Reading the files…" }</span>
                <progress />
            } else {
                <span>{ format!("Adding documents: {} of {}…", props.done, props.total) }</span>
                <progress value={props.done.to_string()} max={props.total.to_string()} />
            }
        </div>
    }
}
