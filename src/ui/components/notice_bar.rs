//! Toasts: confirmations and errors the user should read. A confirmation goes away by itself
//! after a few seconds; an error stays until dismissed.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::ui::state::Notice;

/// Props of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    /// The message, if any.
    pub notice: Option<Notice>,
    /// The close button was pressed.
    pub ondismiss: Callback<()>,
}

/// How long a confirmation stays.
const CONFIRMATION_MS: u32 = 6_000;

/// Shows the current message, if any.
#[function_component(NoticeBar)]
pub fn notice_bar(props: &NoticeBarProps) -> Html {
    {
        let ondismiss = props.ondismiss.clone();
        use_effect_with(props.notice.clone(), move |notice| {
            let timer = notice
                .as_ref()
                .filter(|notice| !notice.is_error)
                .map(|_| Timeout::new(CONFIRMATION_MS, move || ondismiss.emit(())));
            move || drop(timer)
        });
    }
    let Some(notice) = &props.notice else {
        return html! { <div class="notice empty" role="status"></div> };
    };
    let class = classes!("notice", notice.is_error.then_some("error"));
    let role = if notice.is_error { "alert" } else { "status" };
    let ondismiss = props.ondismiss.reform(|_: MouseEvent| ());
    html! {
        <div {class} {role}>
            <span class="notice-text">{ notice.text.clone() }</span>
            <button type="button" class="dismiss" aria-label="Dismiss" onclick={ondismiss}>{ "×" }</button>
        </div>
    }
}
