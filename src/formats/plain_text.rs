//! Plain articles (`.txt`, `.md`, and HTML once the browser has reduced it to text): a new
//! document with no spans. The text is kept exactly as written; offsets into it are
//! Unicode code points.

use super::labeled_text::{LabeledText, Place};

/// Longest title taken from an article's first line, in code points.
const TITLE_CHARS: usize = 80;

/// A document for `text`, identified by the file's name and titled by its first line.
pub fn import(text: &str, file_name: &str) -> LabeledText {
    let stem = super::file_stem(file_name);
    let first_line = text
        .lines()
        .map(|line| line.trim().trim_start_matches('#').trim())
        .find(|line| !line.is_empty())
        .unwrap_or(stem);
    let mut title: String = first_line.chars().take(TITLE_CHARS).collect();
    if first_line.chars().nth(TITLE_CHARS).is_some() {
        title.push('…');
    }
    LabeledText {
        id: stem.to_owned(),
        title,
        text: text.to_owned(),
        spans: Vec::new(),
        annotator: None,
        reading: None,
        place: Place::File,
    }
}

/// A text as it is when read from HTML: runs of blank lines become one, lines are trimmed.
pub fn tidy_extracted(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let paragraphs: Vec<String> = lines
        .split(|line| line.is_empty())
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| paragraph.join("\n"))
        .collect();
    paragraphs.join("\n\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_the_first_line_and_text_is_untouched() {
        let text = "\n# Iran and Russia  \r\nBody with 😀.\r\n";
        let document = import(text, "mehr.news.md");
        assert_eq!(document.id, "mehr.news");
        assert_eq!(document.title, "Iran and Russia");
        assert_eq!(document.text, text);
    }

    #[test]
    fn extracted_html_text_keeps_paragraphs_and_drops_indentation() {
        let extracted = "\n\n   Title  \n\n\n\n  First   paragraph\n  goes on\n\n\nSecond\n";
        assert_eq!(
            tidy_extracted(extracted),
            "Title\n\nFirst paragraph\ngoes on\n\nSecond\n"
        );
    }
}
