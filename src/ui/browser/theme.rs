//! Light and dark themes: the page follows `prefers-color-scheme` until the user picks one
//! with the toggle; the choice is kept in localStorage and set as `data-theme` on `<html>`.

/// localStorage key of the chosen theme (`"light"` or `"dark"`).
pub const THEME_KEY: &str = "article-annotator.theme";

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether the page shows the dark theme now.
pub fn is_dark() -> bool {
    match root()
        .and_then(|root| root.get_attribute("data-theme"))
        .as_deref()
    {
        Some("dark") => true,
        Some(_) => false,
        None => web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|query| query.matches()),
    }
}

/// Applies the saved choice, if any; called once at startup.
pub fn apply_saved() {
    let saved = storage().and_then(|s| s.get_item(THEME_KEY).ok().flatten());
    if let (Some(theme), Some(root)) = (saved.filter(|t| t == "light" || t == "dark"), root()) {
        let _ = root.set_attribute("data-theme", &theme);
    }
}

/// Switches to the other theme and remembers it; returns whether it is now dark.
pub fn toggle() -> bool {
    let dark = !is_dark();
    let theme = if dark { "dark" } else { "light" };
    if let Some(root) = root() {
        let _ = root.set_attribute("data-theme", theme);
    }
    if let Some(storage) = storage() {
        // Not saving the choice only means the next visit follows the system again.
        let _ = storage.set_item(THEME_KEY, theme);
    }
    dark
}
