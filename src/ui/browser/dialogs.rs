//! Asking the user a yes-or-no question.

/// Asks the user to confirm `message`; `false` if they decline or no dialog can be shown.
pub fn confirm(message: &str) -> bool {
    web_sys::window().is_some_and(|window| window.confirm_with_message(message).unwrap_or(false))
}
