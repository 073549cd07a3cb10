//! Keyboard shortcuts: which key does what. Pure, so it is tested natively.

/// What a key press asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// A label hotkey (or any other single character; the store decides if it is bound).
    Label(char),
    /// Ctrl+Z.
    Undo,
    /// Ctrl+Shift+Z or Ctrl+Y.
    Redo,
    /// Delete or Backspace.
    Remove,
    /// Escape.
    Deselect,
    /// Arrow right or left: select the next or previous word; with Shift, grow or shrink the
    /// selection by a word. Only while the article has focus.
    Word {
        /// Right, not left.
        forward: bool,
        /// Shift was held.
        extend: bool,
    },
    /// Tab or Shift+Tab: the next or previous annotation. Only while the article has focus.
    Annotation {
        /// Tab, not Shift+Tab.
        forward: bool,
    },
    /// `?`: show or hide the list of shortcuts.
    Help,
    /// Enter: accept the suggestion under the selection.
    Accept,
    /// `]` or `[`: the next or previous document (so do `n` and `p` while no label has them).
    Document {
        /// `]`, not `[`.
        forward: bool,
    },
    /// Space: skip in the review queue.
    Space,
}

/// Every shortcut as (keys, what they do), for the `?` overlay and the README.
pub const SHORTCUTS: [(&str, &str); 18] = [
    ("Tab to the article", "start annotating from the keyboard"),
    ("→ / ←", "select the next / previous word"),
    ("Shift+→ / Shift+←", "grow / shrink the selection by a word"),
    (
        "1 2 3 … (a label's key)",
        "tag the selection, or relabel the selected annotation",
    ),
    (
        "Alt while selecting with the mouse",
        "keep exact characters instead of whole words",
    ),
    ("Tab / Shift+Tab", "select the next / previous annotation"),
    ("Delete or Backspace", "remove the selected annotation"),
    ("Esc", "clear the selection; close this list"),
    ("Ctrl+Z", "undo"),
    ("Ctrl+Shift+Z or Ctrl+Y", "redo"),
    ("Enter (on a suggested word)", "accept the suggestion"),
    ("x (on a suggested word)", "reject the suggestion"),
    (
        "Shift+M",
        "pre-annotate: the model's predictions as suggestions",
    ),
    (
        "y / n / Space / u / Esc (reviewing)",
        "accept / reject / skip / take back / stop, one prediction at a time",
    ),
    (
        "j / k · 1…9 / b / 0 · u · Esc (curating)",
        "next / previous disagreement · take a version / both / neither · take the last back · stop",
    ),
    (
        "] or n / [ or p",
        "next / previous document (n and p unless a label has them)",
    ),
    ("?", "show or hide this list"),
    ("Files dropped on the page", "add them to the workspace"),
];

/// The modifier keys held during a key press.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Modifiers {
    /// Ctrl, or Cmd on a Mac.
    pub command: bool,
    /// Shift.
    pub shift: bool,
    /// Alt.
    pub alt: bool,
}

/// Maps a `KeyboardEvent.key` value and its modifiers to a shortcut.
pub fn shortcut(key: &str, modifiers: Modifiers) -> Option<Shortcut> {
    if modifiers.command {
        return match key.to_ascii_lowercase().as_str() {
            "z" if modifiers.shift => Some(Shortcut::Redo),
            "z" => Some(Shortcut::Undo),
            "y" if !modifiers.shift => Some(Shortcut::Redo),
            _ => None,
        };
    }
    match key {
        "Delete" | "Backspace" => Some(Shortcut::Remove),
        "Escape" => Some(Shortcut::Deselect),
        _ if modifiers.alt => None,
        "ArrowRight" | "ArrowLeft" => Some(Shortcut::Word {
            forward: key == "ArrowRight",
            extend: modifiers.shift,
        }),
        "Tab" => Some(Shortcut::Annotation {
            forward: !modifiers.shift,
        }),
        "?" => Some(Shortcut::Help),
        " " if !modifiers.shift => Some(Shortcut::Space),
        "Enter" => Some(Shortcut::Accept),
        "]" | "[" => Some(Shortcut::Document {
            forward: key == "]",
        }),
        _ => {
            let mut chars = key.chars();
            match (chars.next(), chars.next()) {
                (Some(ch), None) if !ch.is_whitespace() => Some(Shortcut::Label(ch)),
                _ => None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: Modifiers = Modifiers {
        command: false,
        shift: false,
        alt: false,
    };
    const CTRL: Modifiers = Modifiers {
        command: true,
        shift: false,
        alt: false,
    };
    const CTRL_SHIFT: Modifiers = Modifiers {
        command: true,
        shift: true,
        alt: false,
    };

    #[test]
    fn digits_are_label_keys() {
        assert_eq!(shortcut("1", NONE), Some(Shortcut::Label('1')));
        assert_eq!(shortcut("3", NONE), Some(Shortcut::Label('3')));
    }

    #[test]
    fn undo_and_both_redo_chords() {
        assert_eq!(shortcut("z", CTRL), Some(Shortcut::Undo));
        assert_eq!(shortcut("Z", CTRL_SHIFT), Some(Shortcut::Redo));
        assert_eq!(shortcut("y", CTRL), Some(Shortcut::Redo));
        assert_eq!(shortcut("1", CTRL), None, "Ctrl+1 belongs to the browser");
    }

    #[test]
    fn delete_backspace_escape_and_named_keys() {
        assert_eq!(shortcut("Delete", NONE), Some(Shortcut::Remove));
        assert_eq!(shortcut("Backspace", NONE), Some(Shortcut::Remove));
        assert_eq!(shortcut("Escape", NONE), Some(Shortcut::Deselect));
        assert_eq!(shortcut("Shift", NONE), None);
        // Space only skips in the review queue; elsewhere the key map leaves it to the browser.
        assert_eq!(shortcut(" ", NONE), Some(Shortcut::Space));
    }

    #[test]
    fn arrows_tab_and_question_mark() {
        let shift = Modifiers {
            shift: true,
            ..NONE
        };
        assert_eq!(
            shortcut("ArrowLeft", NONE),
            Some(Shortcut::Word {
                forward: false,
                extend: false
            })
        );
        assert_eq!(
            shortcut("ArrowRight", shift),
            Some(Shortcut::Word {
                forward: true,
                extend: true
            })
        );
        assert_eq!(
            shortcut("ArrowRight", CTRL),
            None,
            "Ctrl+arrow stays the browser's"
        );
        assert_eq!(
            shortcut("Tab", shift),
            Some(Shortcut::Annotation { forward: false })
        );
        assert_eq!(shortcut("?", shift), Some(Shortcut::Help));
        assert_eq!(
            shortcut("]", NONE),
            Some(Shortcut::Document { forward: true })
        );
        assert_eq!(
            shortcut("[", NONE),
            Some(Shortcut::Document { forward: false })
        );
        assert_eq!(shortcut("ArrowUp", NONE), None);
    }
}
