//! File names made from document ids, safe to write anywhere: no path separators, no `..`,
//! no control or reserved characters, no device names (`CON`, `NUL`, …), not empty, not too
//! long; and unique within one export (`article`, `article-2`, …, compared ignoring case, as
//! Windows and macOS file systems do). Ids themselves are untouched; only names are made here.

use std::collections::HashSet;

/// Longest stem kept, in characters.
const MAX_STEM: usize = 100;

/// Stems that name a device on Windows, whatever follows a dot.
const DEVICES: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A file stem for `id` that cannot leave the folder it is written in: each character that is
/// not a letter, digit, `-`, `_` or an inner `.` becomes `_`; leading and trailing dots and
/// spaces go; a device name gets a `_` in front; an empty result is `document`.
pub fn safe_stem(id: &str) -> String {
    let replaced: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(MAX_STEM)
        .collect();
    let trimmed = replaced.trim_matches(|c| c == '.' || c == '_');
    // Inner runs of dots could still read as `..` to a careless reader of the name.
    let mut stem = String::with_capacity(trimmed.len());
    for c in trimmed.chars() {
        if !(c == '.' && stem.ends_with('.')) {
            stem.push(c);
        }
    }
    if stem.is_empty() {
        return "document".to_owned();
    }
    let device = stem.split('.').next().unwrap_or("");
    if DEVICES.iter().any(|d| d.eq_ignore_ascii_case(device)) {
        stem.insert(0, '_');
    }
    stem
}

/// Hands out stems no other file of the same export has.
#[derive(Debug, Default)]
pub struct UniqueStems {
    taken: HashSet<String>,
}

impl UniqueStems {
    /// A new, empty set of names.
    pub fn new() -> Self {
        Self::default()
    }

    /// A safe stem for `id` that no earlier call returned: `id`'s own if free, else with
    /// `-2`, `-3`, … after it.
    pub fn claim(&mut self, id: &str) -> String {
        let base = safe_stem(id);
        let mut stem = base.clone();
        let mut number = 1;
        while !self.taken.insert(stem.to_lowercase()) {
            number += 1;
            stem = format!("{base}-{number}");
        }
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_never_leave_their_folder() {
        assert_eq!(safe_stem("../x"), "x");
        assert_eq!(safe_stem("/etc/passwd"), "etc_passwd");
        assert_eq!(safe_stem("..\\..\\boot.ini"), "boot.ini");
        assert_eq!(safe_stem("a/../../b"), "a_._._b");
        assert_eq!(safe_stem("C:\\Windows"), "C__Windows");
        assert_eq!(safe_stem("..."), "document");
        assert_eq!(safe_stem(""), "document");
        assert_eq!(safe_stem("a\u{0}b\nc"), "a_b_c");
        assert_eq!(safe_stem("con"), "_con");
        assert_eq!(safe_stem("NUL.tar"), "_NUL.tar");
        assert_eq!(safe_stem("iran-russia 2024"), "iran-russia_2024");
        assert_eq!(safe_stem("東京😀"), "東京");
        assert_eq!(safe_stem(&"x".repeat(500)).chars().count(), MAX_STEM);
    }

    #[test]
    fn each_stem_is_claimed_once_ignoring_case() {
        let mut stems = UniqueStems::new();
        assert_eq!(stems.claim("article"), "article");
        assert_eq!(stems.claim("article"), "article-2");
        assert_eq!(stems.claim("Article"), "Article-3");
        assert_eq!(stems.claim("../article"), "article-4");
        assert_eq!(stems.claim("article-2"), "article-2-2");
    }
}
