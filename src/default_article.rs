//! The article the app opens on when nothing is saved: Mehr News Agency, CC BY 4.0 (the
//! licence line is part of the text and stays in it).

use crate::model::Document;

/// The embedded article's text, exactly as shipped in `static/articles/`.
pub const TEXT: &str = include_str!("../static/articles/iran-russia-military-cooperation.txt");

/// The embedded default article.
pub fn document() -> Document {
    Document::new(
        "iran-russia-military-cooperation",
        "Iran and Russia stress military cooperation",
        TEXT,
    )
}
