//! An HTML article reduced to its text with the browser's `DOMParser`: scripts, styles and
//! other non-text elements are dropped, block elements become paragraphs. Nothing is ever
//! rendered or run; the parsed document is inert.

use std::fmt;

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Node, SupportedType};

use crate::formats::html_depth::{nesting_depth, MOST_LEVELS};
use crate::formats::plain_text::tidy_extracted;

/// Elements whose content is not article text.
const DROPPED: &str =
    "script, style, noscript, template, iframe, object, svg, head, nav, footer, form";

/// Elements that start a new paragraph.
const BLOCKS: [&str; 22] = [
    "P",
    "DIV",
    "SECTION",
    "ARTICLE",
    "HEADER",
    "MAIN",
    "ASIDE",
    "BLOCKQUOTE",
    "PRE",
    "UL",
    "OL",
    "LI",
    "TABLE",
    "TR",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "FIGCAPTION",
    "HR",
];

/// Why an HTML page could not be reduced to text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlError {
    /// Its elements nest past [`MOST_LEVELS`].
    TooDeep,
    /// The browser's parser failed.
    Parser(String),
}

impl fmt::Display for HtmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooDeep => write!(
                f,
                "its elements are nested more than {MOST_LEVELS} levels deep, far past any \
                 article; parsing it would hold up the page for many seconds"
            ),
            Self::Parser(reason) => write!(f, "it could not be parsed ({reason})"),
        }
    }
}

impl std::error::Error for HtmlError {}

/// The page's title and its text, paragraphs separated by blank lines.
pub fn extract(html: &str) -> Result<(String, String), HtmlError> {
    if nesting_depth(html) > MOST_LEVELS {
        return Err(HtmlError::TooDeep);
    }
    let fail = |error: wasm_bindgen::JsValue| HtmlError::Parser(format!("{error:?}"));
    let parsed = DomParser::new()
        .map_err(fail)?
        .parse_from_string(html, SupportedType::TextHtml)
        .map_err(fail)?;
    let title = parsed.title().trim().to_owned();
    let dropped = parsed.query_selector_all(DROPPED).map_err(fail)?;
    for index in 0..dropped.length() {
        if let Some(node) = dropped.item(index) {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
    }
    let mut text = String::new();
    if let Some(body) = parsed.body() {
        collect(&body, &mut text);
    }
    Ok((title, tidy_extracted(&text)))
}

fn collect(node: &Node, out: &mut String) {
    let children = node.child_nodes();
    for index in 0..children.length() {
        let Some(child) = children.item(index) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => {
                let text = child.text_content().unwrap_or_default();
                out.push_str(&text.replace(['\n', '\r', '\t'], " "));
            }
            Node::ELEMENT_NODE => {
                let tag = child
                    .dyn_ref::<web_sys::Element>()
                    .map(|element| element.tag_name().to_ascii_uppercase())
                    .unwrap_or_default();
                if tag == "BR" {
                    out.push('\n');
                    continue;
                }
                let block = BLOCKS.contains(&tag.as_str());
                if block {
                    out.push_str("\n\n");
                }
                collect(&child, out);
                if block {
                    out.push_str("\n\n");
                }
            }
            _ => {}
        }
    }
}
