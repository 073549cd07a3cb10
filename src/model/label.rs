//! Entity labels (Person, Place, Event, …): a name, a highlight colour and a hotkey, and the
//! edits a user makes to the set. Every edit returns a new set, so the old one can be kept for
//! undo. Colours and their contrast are in `colors`.

use std::fmt;

use super::colors::{sanitized_color, NEW_LABEL_COLORS};

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
