//! Article Annotator: label Person / Place / Event spans in a news article, in the browser,
//! and export them as an NER dataset. Offsets are Unicode code points throughout.

pub mod agreement;
pub mod default_article;
pub mod formats;
pub mod model;
pub mod tagger;
pub mod ui;
