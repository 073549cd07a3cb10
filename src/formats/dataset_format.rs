//! Every format the app reads or writes, found by file name and content (reading a file in
//! its format is `format_import`'s, writing it `export`'s). Offsets in every format are
//! Unicode code points.

use serde_json::Value;

use super::native_json;

/// A file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    /// The app's own JSON.
    Native,
    /// doccano JSONL.
    Doccano,
    /// Label Studio task JSON.
    LabelStudio,
    /// Prodigy / spaCy JSONL with tokens.
    Prodigy,
    /// spaCy training offsets.
    Spacy,
    /// CoNLL tags, IOB2 (import also reads IOB1 and BILOU).
    Iob2,
    /// CoNLL tags, BILOU.
    Bilou,
    /// CoNLL tags, IOB2, with no `-DOCSTART-` line (doccano's CoNLL import refuses it).
    ConllPlain,
    /// doccano JSONL with offsets in UTF-16 code units, as doccano's editor counts them.
    DoccanoUtf16,
    /// brat standoff `.txt` + `.ann`.
    Brat,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// A plain `.txt` or `.md` article.
    Text,
    /// An HTML article (read in the browser only).
    Html,
}

/// The formats offered in the Export menu, in its order.
pub const EXPORT_FORMATS: [Format; 11] = [
    Format::Native,
    Format::Doccano,
    Format::DoccanoUtf16,
    Format::LabelStudio,
    Format::Prodigy,
    Format::Spacy,
    Format::Iob2,
    Format::Bilou,
    Format::ConllPlain,
    Format::Brat,
    Format::W3c,
];

impl Format {
    /// The name used on the command line (`--to doccano`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Native => "native",
            Self::Doccano => "doccano",
            Self::LabelStudio => "label-studio",
            Self::Prodigy => "prodigy",
            Self::Spacy => "spacy",
            Self::Iob2 => "iob2",
            Self::Bilou => "bilou",
            Self::ConllPlain => "conll-plain",
            Self::DoccanoUtf16 => "doccano-utf16",
            Self::Brat => "brat",
            Self::W3c => "w3c",
            Self::Text => "text",
            Self::Html => "html",
        }
    }

    /// The name shown in the Export menu.
    pub fn title(self) -> &'static str {
        match self {
            Self::Native => "Native JSON",
            Self::Doccano => "doccano JSONL",
            Self::LabelStudio => "Label Studio JSON",
            Self::Prodigy => "Prodigy / spaCy JSONL",
            Self::Spacy => "spaCy training offsets",
            Self::Iob2 => "CoNLL IOB2",
            Self::Bilou => "CoNLL BILOU",
            Self::ConllPlain => "CoNLL IOB2, plain (for doccano)",
            Self::DoccanoUtf16 => "doccano JSONL, UTF-16 offsets (for its editor)",
            Self::Brat => "brat standoff (.txt + .ann)",
            Self::W3c => "W3C Web Annotation",
            Self::Text => "Plain text",
            Self::Html => "HTML",
        }
    }

    /// What the exported file's name ends with, after the document's id.
    pub fn file_suffix(self) -> &'static str {
        match self {
            Self::Native => ".annotations.json",
            Self::Doccano => ".doccano.jsonl",
            Self::LabelStudio => ".label-studio.json",
            Self::Prodigy => ".prodigy.jsonl",
            Self::Spacy => ".spacy.json",
            Self::Iob2 => ".iob2.conll",
            Self::Bilou => ".bilou.conll",
            Self::ConllPlain => ".plain.conll",
            Self::DoccanoUtf16 => ".doccano-utf16.jsonl",
            Self::Brat => ".ann",
            Self::W3c => ".w3c.jsonld",
            Self::Text => ".txt",
            Self::Html => ".html",
        }
    }

    /// The format with this command-line name.
    pub fn from_name(name: &str) -> Option<Self> {
        EXPORT_FORMATS
            .into_iter()
            .chain([Self::Text, Self::Html])
            .find(|format| format.name() == name)
    }

    /// Whether an export leaves overlapping spans out (spaCy entities and tags cannot hold them).
    pub fn drops_overlaps(self) -> bool {
        matches!(
            self,
            Self::Spacy | Self::Iob2 | Self::Bilou | Self::ConllPlain
        )
    }

    /// Whether import needs the text the annotations were made on.
    pub fn needs_text(self) -> bool {
        matches!(self, Self::Brat | Self::W3c)
    }

    /// The format of a file, from its name and, for JSON, its content.
    pub fn detect(file_name: &str, content: &str) -> Option<Self> {
        let extension = extension(file_name);
        match extension.as_str() {
            "jsonl" | "ndjson" => return Some(Self::detect_lines(content)),
            "conll" | "iob" | "iob2" | "bio" if is_bilou(content) => return Some(Self::Bilou),
            named => {
                if let Some(format) = Self::named_by(named) {
                    return Some(format);
                }
            }
        }
        if native_json::looks_native(content) {
            return Some(Self::Native);
        }
        match serde_json::from_str::<Value>(content) {
            Ok(value) => Self::detect_json(&value),
            // A broken JSON file: the native reader names where it breaks.
            Err(_) if matches!(extension.as_str(), "json" | "jsonld") => Some(Self::Native),
            Err(_) => None,
        }
    }

    /// The format a file's extension alone says (JSON lines need a look at the content).
    fn named_by(extension: &str) -> Option<Self> {
        match extension {
            "ann" => Some(Self::Brat),
            "conll" | "iob" | "iob2" | "bio" => Some(Self::Iob2),
            "bilou" | "bioes" => Some(Self::Bilou),
            "txt" | "md" | "markdown" => Some(Self::Text),
            _ if super::HTML_EXTENSIONS.contains(&extension) => Some(Self::Html),
            _ => None,
        }
    }

    /// Whether [`Self::detect`] finds the app's own format, looking no further than it must
    /// (so the page can ask without the other formats' detection in its WebAssembly).
    pub fn is_native(file_name: &str, content: &str) -> bool {
        let extension = extension(file_name);
        !matches!(extension.as_str(), "jsonl" | "ndjson")
            && Self::named_by(&extension).is_none()
            && native_json::looks_native(content)
    }

    fn detect_lines(content: &str) -> Self {
        let first = content.lines().find(|line| !line.trim().is_empty());
        let value: Value = first
            .and_then(|line| serde_json::from_str(line).ok())
            .unwrap_or_default();
        if value.get("tokens").is_some() || value.get("spans").is_some() {
            Self::Prodigy
        } else {
            Self::Doccano
        }
    }

    /// The JSON format of `value`, from the keys of its object or of its array's first item.
    fn detect_json(value: &Value) -> Option<Self> {
        let item = match value {
            Value::Array(items) => items.first()?,
            other => other,
        };
        if item.is_array() {
            Some(Self::Spacy)
        } else if ["@context", "@graph", "target"]
            .iter()
            .any(|key| item.get(key).is_some())
        {
            Some(Self::W3c)
        } else if item.get("data").is_some() || super::label_studio::looks_min(item) {
            Some(Self::LabelStudio)
        } else if item.get("format").is_some() {
            Some(Self::Native)
        } else {
            None
        }
    }
}

/// Whether a tag file tags with BILOU (or BIOES): some tag begins `U-`, `L-`, `S-` or `E-`.
fn is_bilou(content: &str) -> bool {
    content.lines().any(|line| {
        let tag = line.rsplit(['\t', ' ']).next().unwrap_or("");
        ["U-", "L-", "S-", "E-"].iter().any(|p| tag.starts_with(p))
    })
}

/// A file name's extension, in lower case ("" if it has none).
fn extension(file_name: &str) -> String {
    let lower = file_name.to_ascii_lowercase();
    lower
        .rsplit_once('.')
        .map_or("", |(_, extension)| extension)
        .to_owned()
}
