//! Entity labels (Person, Place, Event, …): a name, a highlight colour and a hotkey.

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
    fn only_hex_colours_pass() {
        assert_eq!(sanitized_color("#A8E6B4"), "#a8e6b4");
        assert_eq!(sanitized_color("#fff"), "#fff");
        assert_eq!(sanitized_color("red"), FALLBACK_COLOR);
        assert_eq!(sanitized_color("#fff} body{display:none"), FALLBACK_COLOR);
        assert_eq!(sanitized_color("#ggg"), FALLBACK_COLOR);
    }
}
