//! Entity labels (Person, Place, Event, …): a name, a highlight colour and a hotkey, and the
//! edits a user makes to the set. Every edit returns a new set, so the old one can be kept for
//! undo.

use std::fmt;

/// Identifies a label independently of its name, so a rename touches no annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LabelId(pub u32);

/// One entity label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Identity used by annotations.
    pub id: LabelId,
    /// Name written in exports, e.g. "Person".
    pub name: String,
    /// Highlight colour as a CSS hex colour, e.g. "#ffd8a8".
    pub color: String,
    /// Key that applies the label, e.g. '1'.
    pub key: Option<char>,
}

/// The labels of a document, in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelSet {
    labels: Vec<Label>,
}

impl LabelSet {
    /// Builds a set from labels given as (name, colour, key), numbering their ids in order.
    pub fn from_specs<'a>(
        specs: impl IntoIterator<Item = (&'a str, &'a str, Option<char>)>,
    ) -> Self {
        let labels = specs
            .into_iter()
            .zip(0..)
            .map(|((name, color, key), id)| Label {
                id: LabelId(id),
                name: name.to_owned(),
                color: sanitized_color(color),
                key,
            })
            .collect();
        Self { labels }
    }

    /// Person (1), Place (2) and Event (3).
    pub fn default_set() -> Self {
        Self::from_specs([
            ("Person", "#ffc9a0", Some('1')),
            ("Place", "#a8e6b4", Some('2')),
            ("Event", "#a9d4ff", Some('3')),
        ])
    }

    /// This set plus a label for each name it lacks, with a colour from a palette and the next
    /// free digit key.
    pub fn with_names<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut set = self.clone();
        for name in names {
            if set.by_name(name).is_some() {
                continue;
            }
            let next = set.labels.len();
            let key = "4567890".chars().find(|key| set.by_key(*key).is_none());
            set.labels.push(Label {
                id: LabelId(set.labels.iter().map(|l| l.id.0 + 1).max().unwrap_or(0)),
                name: name.to_owned(),
                color: NEW_LABEL_COLORS[next % NEW_LABEL_COLORS.len()].to_owned(),
                key,
            });
        }
        set
    }

    /// All labels in display order.
    pub fn iter(&self) -> impl Iterator<Item = &Label> {
        self.labels.iter()
    }

    /// The label with this id.
    pub fn get(&self, id: LabelId) -> Option<&Label> {
        self.labels.iter().find(|label| label.id == id)
    }

    /// The label bound to this key.
    pub fn by_key(&self, key: char) -> Option<&Label> {
        self.labels.iter().find(|label| label.key == Some(key))
    }

    /// The label with this exact name.
    pub fn by_name(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|label| label.name == name)
    }

    /// The label's name, or "?" for an id not in the set.
    pub fn name_of(&self, id: LabelId) -> &str {
        self.get(id).map_or("?", |label| label.name.as_str())
    }
}

/// Why a label edit was refused; the set is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelError {
    /// The name is empty or only whitespace.
    EmptyName,
    /// Another label already has this name.
    NameTaken(String),
    /// Another label already uses this key.
    KeyTaken {
        /// The key.
        key: char,
        /// The label that has it.
        label: String,
    },
    /// The key is kept for the app (`?` shows the shortcuts) or is whitespace.
    ReservedKey(char),
    /// No label has this id.
    Unknown(LabelId),
    /// Saved label ids do not fit the labels: not one each, or one repeats.
    BadIds,
}

impl fmt::Display for LabelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyName => write!(f, "a label needs a name"),
            Self::NameTaken(name) => write!(f, "there is already a label called {name:?}"),
            Self::KeyTaken { key, label } => write!(f, "key {key:?} already applies {label:?}"),
            Self::ReservedKey(key) => write!(f, "key {key:?} is kept for the app"),
            Self::Unknown(id) => write!(f, "no label has id {}", id.0),
            Self::BadIds => write!(f, "the saved label ids do not fit the labels"),
        }
    }
}

impl std::error::Error for LabelError {}

impl LabelSet {
    fn position(&self, id: LabelId) -> Result<usize, LabelError> {
        self.labels
            .iter()
            .position(|label| label.id == id)
            .ok_or(LabelError::Unknown(id))
    }

    fn checked_name(&self, name: &str, except: Option<LabelId>) -> Result<String, LabelError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(LabelError::EmptyName);
        }
        match self.by_name(name) {
            Some(other) if Some(other.id) != except => Err(LabelError::NameTaken(name.to_owned())),
            _ => Ok(name.to_owned()),
        }
    }

    /// The same labels with these ids, in order, as a saved set gives them back; refused unless
    /// there is one id per label and none repeats.
    pub fn with_ids(&self, ids: &[LabelId]) -> Result<Self, LabelError> {
        let unique: std::collections::HashSet<&LabelId> = ids.iter().collect();
        if ids.len() != self.labels.len() || unique.len() != ids.len() {
            return Err(LabelError::BadIds);
        }
        let labels = self
            .labels
            .iter()
            .zip(ids)
            .map(|(label, id)| Label {
                id: *id,
                ..label.clone()
            })
            .collect();
        Ok(Self { labels })
    }

    /// The set with a new label called `name`, coloured from the palette and bound to the next
    /// free digit key, and the new label's id.
    pub fn added(&self, name: &str) -> Result<(Self, LabelId), LabelError> {
        let name = self.checked_name(name, None)?;
        let set = self.with_names([name.as_str()]);
        let id = set.by_name(&name).map_or(LabelId(0), |label| label.id);
        Ok((set, id))
    }

    /// The set with label `id` renamed (spans keep it: they refer to the id).
    pub fn renamed(&self, id: LabelId, name: &str) -> Result<Self, LabelError> {
        let at = self.position(id)?;
        let name = self.checked_name(name, Some(id))?;
        let mut set = self.clone();
        set.labels[at].name = name;
        Ok(set)
    }

    /// The set with label `id` in another colour (a CSS hex colour; anything else is grey).
    pub fn recoloured(&self, id: LabelId, color: &str) -> Result<Self, LabelError> {
        let at = self.position(id)?;
        let mut set = self.clone();
        set.labels[at].color = sanitized_color(color);
        Ok(set)
    }

    /// The set with label `id` bound to `key`, or to no key.
    pub fn with_key(&self, id: LabelId, key: Option<char>) -> Result<Self, LabelError> {
        let at = self.position(id)?;
        if let Some(key) = key {
            if key == '?' || key.is_whitespace() {
                return Err(LabelError::ReservedKey(key));
            }
            if let Some(other) = self.by_key(key).filter(|other| other.id != id) {
                return Err(LabelError::KeyTaken {
                    key,
                    label: other.name.clone(),
                });
            }
        }
        let mut set = self.clone();
        set.labels[at].key = key;
        Ok(set)
    }

    /// The set with label `id` moved `by` places (negative is earlier), within bounds.
    pub fn moved(&self, id: LabelId, by: isize) -> Result<Self, LabelError> {
        let at = self.position(id)?;
        let to = at.saturating_add_signed(by).min(self.labels.len() - 1);
        let mut set = self.clone();
        let label = set.labels.remove(at);
        set.labels.insert(to, label);
        Ok(set)
    }

    /// The set without label `id`.
    pub fn without(&self, id: LabelId) -> Result<Self, LabelError> {
        let at = self.position(id)?;
        let mut set = self.clone();
        set.labels.remove(at);
        Ok(set)
    }

    /// The set after importing `other`: labels with a known name take its colour (and its key
    /// when that key is free), new names are added; labels it lacks stay, as spans use them.
    pub fn merged(&self, other: &LabelSet) -> Self {
        let mut set = self.with_names(other.iter().map(|label| label.name.as_str()));
        for imported in other.iter() {
            let Some(at) = set.labels.iter().position(|l| l.name == imported.name) else {
                continue;
            };
            set.labels[at].color = imported.color.clone();
            let id = set.labels[at].id;
            if let Ok(keyed) = set.with_key(id, imported.key) {
                set = keyed;
            }
        }
        set
    }
}

/// Relative luminance of a `#rrggbb` (or `#rgb`) colour, as WCAG 2 defines it.
pub fn luminance(color: &str) -> f64 {
    let hex = sanitized_color(color);
    let digits: Vec<u32> = hex
        .trim_start_matches('#')
        .chars()
        .filter_map(|c| c.to_digit(16))
        .collect();
    let channels: [u32; 3] = match digits.as_slice() {
        [r, g, b] | [r, g, b, _] => [r * 17, g * 17, b * 17],
        [r1, r2, g1, g2, b1, b2, ..] => [r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2],
        _ => [0xdd; 3],
    };
    let linear = |channel: u32| {
        let c = f64::from(channel) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(channels[0]) + 0.7152 * linear(channels[1]) + 0.0722 * linear(channels[2])
}

/// WCAG 2 contrast ratio between two colours (1 to 21).
pub fn contrast_ratio(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Black or white, whichever reads better on `background`: always at least 4.5:1 (WCAG AA).
pub fn text_color_on(background: &str) -> &'static str {
    if contrast_ratio(background, "#000000") >= contrast_ratio(background, "#ffffff") {
        "#000000"
    } else {
        "#ffffff"
    }
}

/// Colours given, in turn, to labels added by an import.
const NEW_LABEL_COLORS: [&str; 6] = [
    "#f5c2e7", "#fde68a", "#c4b5fd", "#99f6e4", "#fecaca", "#d9f99d",
];

/// Colour used for a label whose colour is not a CSS hex colour.
pub const FALLBACK_COLOR: &str = "#dddddd";

/// `color` if it is a CSS hex colour (`#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`), else the
/// fallback: colours end up in a stylesheet, so nothing else may pass.
pub fn sanitized_color(color: &str) -> String {
    let digits = color.strip_prefix('#').unwrap_or("");
    let valid =
        matches!(digits.len(), 3 | 4 | 6 | 8) && digits.chars().all(|c| c.is_ascii_hexdigit());
    if valid {
        color.to_ascii_lowercase()
    } else {
        FALLBACK_COLOR.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_labels_have_keys_one_two_three() {
        let labels = LabelSet::default_set();
        assert_eq!(labels.by_key('1').map(|l| l.name.as_str()), Some("Person"));
        assert_eq!(labels.by_key('2').map(|l| l.name.as_str()), Some("Place"));
        assert_eq!(labels.by_key('3').map(|l| l.name.as_str()), Some("Event"));
        assert!(labels.by_key('4').is_none());
        assert_eq!(labels.by_name("Place").map(|l| l.id), Some(LabelId(1)));
    }

    #[test]
    fn new_names_become_labels_with_the_next_free_keys() {
        let labels = LabelSet::default_set().with_names(["Place", "Organization", "Date", "Date"]);
        let names: Vec<_> = labels.iter().map(|l| (l.name.as_str(), l.key)).collect();
        assert_eq!(
            names,
            [
                ("Person", Some('1')),
                ("Place", Some('2')),
                ("Event", Some('3')),
                ("Organization", Some('4')),
                ("Date", Some('5'))
            ]
        );
        assert_eq!(labels.by_name("Date").map(|l| l.id), Some(LabelId(4)));
    }

    #[test]
    fn edits_check_names_and_keys() {
        let labels = LabelSet::default_set();
        let (labels, org) = labels.added(" Organization ").expect("added");
        assert_eq!(
            labels.get(org).map(|l| (l.name.as_str(), l.key)),
            Some(("Organization", Some('4')))
        );
        assert_eq!(
            labels.added("Place"),
            Err(LabelError::NameTaken("Place".into()))
        );
        assert_eq!(labels.renamed(org, "  "), Err(LabelError::EmptyName));
        let renamed = labels.renamed(org, "Org").expect("renamed");
        assert_eq!(renamed.name_of(org), "Org");
        assert_eq!(
            labels.with_key(org, Some('1')),
            Err(LabelError::KeyTaken {
                key: '1',
                label: "Person".into()
            })
        );
        assert_eq!(
            labels.with_key(org, Some('?')),
            Err(LabelError::ReservedKey('?'))
        );
        let unkeyed = labels.with_key(LabelId(0), None).expect("unbound");
        assert!(unkeyed.by_key('1').is_none());
        let moved = labels.moved(org, -2).expect("moved");
        let names: Vec<&str> = moved.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Person", "Organization", "Place", "Event"]);
        assert_eq!(
            labels.moved(LabelId(0), -5).expect("moved"),
            labels,
            "stays first"
        );
        assert_eq!(
            labels
                .recoloured(org, "url(x)")
                .expect("grey")
                .get(org)
                .map(|l| l.color.as_str()),
            Some(FALLBACK_COLOR)
        );
        assert!(labels
            .without(LabelId(1))
            .expect("removed")
            .by_name("Place")
            .is_none());
        assert_eq!(
            labels.without(LabelId(9)),
            Err(LabelError::Unknown(LabelId(9)))
        );
    }

    #[test]
    fn merging_an_imported_set_updates_colours_and_adds_names() {
        let imported = LabelSet::from_specs([
            ("Place", "#123456", Some('9')),
            ("Date", "#abcdef", Some('1')),
        ]);
        let merged = LabelSet::default_set().merged(&imported);
        let rows: Vec<(&str, &str, Option<char>)> = merged
            .iter()
            .map(|l| (l.name.as_str(), l.color.as_str(), l.key))
            .collect();
        assert_eq!(
            rows,
            [
                ("Person", "#ffc9a0", Some('1')),
                ("Place", "#123456", Some('9')),
                ("Event", "#a9d4ff", Some('3')),
                ("Date", "#abcdef", Some('4'))
            ]
        );
    }

    #[test]
    fn highlight_text_meets_wcag_aa_on_any_colour() {
        for color in [
            "#ffc9a0", "#a8e6b4", "#a9d4ff", "#777777", "#767676", "#123456", "#ff0000", "#fff",
            "#000",
        ] {
            let text = text_color_on(color);
            assert!(contrast_ratio(color, text) >= 4.5, "{color} with {text}");
        }
        assert_eq!(text_color_on("#ffc9a0"), "#000000");
        assert_eq!(text_color_on("#123456"), "#ffffff");
        assert!((contrast_ratio("#000", "#fff") - 21.0).abs() < 1e-9);
    }

    #[test]
    fn only_hex_colours_pass() {
        assert_eq!(sanitized_color("#A8E6B4"), "#a8e6b4");
        assert_eq!(sanitized_color("#fff"), "#fff");
        assert_eq!(sanitized_color("red"), FALLBACK_COLOR);
        assert_eq!(sanitized_color("#fff} body{display:none"), FALLBACK_COLOR);
        assert_eq!(sanitized_color("#ggg"), FALLBACK_COLOR);
    }
}
