//! Splits one paragraph into runs of text that are covered by the same annotations, which is
//! what the renderer paints. Offsets are code points (`chars`) and UTF-8 bytes (`bytes`), both
//! absolute in the document.

use std::ops::Range;

use super::annotation::Annotation;
use super::document::Paragraph;
use crate::model::order;

/// A run of text and the annotations that cover all of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Code point range in the document.
    pub chars: Range<usize>,
    /// UTF-8 byte range in the document.
    pub bytes: Range<usize>,
    /// Covering annotations, outermost (longest) first; the last one is drawn on top.
    pub covering: Vec<Annotation>,
}

/// Cuts `paragraph` of `text` at every start and end of `spans`.
pub fn segments(text: &str, paragraph: &Paragraph, spans: &[Annotation]) -> Vec<Segment> {
    segments_with_cuts(text, paragraph, spans, &[])
}

/// The same, also cut at each offset of `extra_cuts` (where suggestions start and end).
pub fn segments_with_cuts(
    text: &str,
    paragraph: &Paragraph,
    spans: &[Annotation],
    extra_cuts: &[usize],
) -> Vec<Segment> {
    let chars = paragraph.chars.clone();
    let mut cuts: Vec<usize> = spans
        .iter()
        .flat_map(|a| [a.start, a.end])
        .chain(extra_cuts.iter().copied())
        .map(|offset| offset.clamp(chars.start, chars.end))
        .chain([chars.start, chars.end])
        .collect();
    order::sort(&mut cuts);
    cuts.dedup();

    let byte_cuts = bytes_of_chars(text, paragraph, &cuts);
    cuts.windows(2)
        .zip(byte_cuts.windows(2))
        .map(|(c, b)| {
            let mut covering: Vec<Annotation> = spans
                .iter()
                .filter(|a| a.start <= c[0] && c[1] <= a.end)
                .copied()
                .collect();
            order::sort_by_key(&mut covering, |a| std::cmp::Reverse(a.end - a.start));
            Segment {
                chars: c[0]..c[1],
                bytes: b[0]..b[1],
                covering,
            }
        })
        .collect()
}

/// Byte offsets of sorted code point offsets that lie within `paragraph`, in one pass.
fn bytes_of_chars(text: &str, paragraph: &Paragraph, sorted_chars: &[usize]) -> Vec<usize> {
    let mut result = Vec::with_capacity(sorted_chars.len());
    let mut wanted = sorted_chars.iter().peekable();
    let body = &text[paragraph.bytes.clone()];
    let positions = body
        .char_indices()
        .map(|(byte, _)| paragraph.bytes.start + byte)
        .chain([paragraph.bytes.end]);
    for (char_offset, byte) in (paragraph.chars.start..).zip(positions) {
        while wanted.next_if(|&&c| c == char_offset).is_some() {
            result.push(byte);
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::AnnotationId;
    use crate::model::document::Document;
    use crate::model::label::LabelId;

    fn span(id: u32, start: usize, end: usize) -> Annotation {
        Annotation {
            id: AnnotationId(id),
            start,
            end,
            label: LabelId(0),
        }
    }

    fn texts(doc: &Document, segments: &[Segment]) -> Vec<(String, Vec<u32>)> {
        segments
            .iter()
            .map(|s| {
                let ids = s.covering.iter().map(|a| a.id.0).collect();
                (doc.text()[s.bytes.clone()].to_owned(), ids)
            })
            .collect()
    }

    #[test]
    fn plain_paragraph_is_one_segment() {
        let doc = Document::new("d", "D", "first\nsecond");
        let segments = segments(doc.text(), &doc.paragraphs()[1], &[]);
        assert_eq!(texts(&doc, &segments), [("second".to_owned(), vec![])]);
        assert_eq!(segments[0].chars, 6..12);
    }

    #[test]
    fn nested_spans_cut_the_text_outermost_first() {
        let doc = Document::new("d", "D", "at the “Kharbmaidon training ground” 😀 now");
        let outer = span(1, 8, 35);
        let inner = span(2, 8, 19);
        let segments = segments(doc.text(), &doc.paragraphs()[0], &[outer, inner]);
        assert_eq!(
            texts(&doc, &segments),
            [
                ("at the “".to_owned(), vec![]),
                ("Kharbmaidon".to_owned(), vec![1, 2]),
                (" training ground".to_owned(), vec![1]),
                ("” 😀 now".to_owned(), vec![]),
            ]
        );
    }

    #[test]
    fn spans_crossing_paragraphs_are_clipped_to_each() {
        let doc = Document::new("d", "D", "Moscow\nTehran");
        let across = span(1, 3, 10);
        let first = segments(doc.text(), &doc.paragraphs()[0], &[across]);
        let second = segments(doc.text(), &doc.paragraphs()[1], &[across]);
        assert_eq!(texts(&doc, &first)[1], ("cow\n".to_owned(), vec![1]));
        assert_eq!(texts(&doc, &second)[0], ("Teh".to_owned(), vec![1]));
    }
}
