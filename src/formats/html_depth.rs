//! How deeply an HTML file nests its elements, found by a cheap scan before the browser
//! parses it: Blink's parser takes tens of seconds on a file that nests elements thousands
//! deep (it flattens past 512 levels), during which the page cannot respond. No offsets here.

/// Deepest nesting the app reads; real articles stay far below it.
pub const MOST_LEVELS: usize = 2_000;

/// Elements that never hold content.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag may be left out: they are not counted, so unclosed paragraphs and
/// list items do not read as nesting.
const OPTIONAL_END: [&str; 13] = [
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup",
];

/// Elements whose content is raw text, skipped to their end tag.
const RAW_TEXT: [&str; 5] = ["script", "style", "textarea", "title", "xmp"];

/// The deepest nesting of counted elements in `html`, stopping once it passes `MOST_LEVELS`.
pub fn nesting_depth(html: &str) -> usize {
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    while let Some(found) = lower[at..].find('<') {
        let start = at + found + 1;
        if lower[start..].starts_with("!--") {
            at = lower[start..]
                .find("-->")
                .map_or(lower.len(), |end| start + end + 3);
            continue;
        }
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_end = lower[name_start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(lower.len(), |end| name_start + end);
        let name = &lower[name_start..name_end];
        let tag_end = lower[name_end..]
            .find('>')
            .map_or(lower.len(), |end| name_end + end + 1);
        at = tag_end;
        if name.is_empty() || VOID.contains(&name) || OPTIONAL_END.contains(&name) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if RAW_TEXT.contains(&name) {
            // Past its end tag too: the element opens and closes here.
            let end = format!("</{name}");
            let closed = lower[at..]
                .find(&end)
                .map_or(lower.len(), |found| at + found);
            at = lower[closed..]
                .find('>')
                .map_or(lower.len(), |end| closed + end + 1);
        } else if !lower[..tag_end].ends_with("/>") {
            depth += 1;
            deepest = deepest.max(depth);
            if deepest > MOST_LEVELS {
                break;
            }
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_real_nesting_and_not_what_only_looks_like_it() {
        let article = "<html><head><title><div></title><script>if (a<b) '<div>'</script></head>\
            <body><!-- <div><div> --><article><p>One<p>Two<br><img src=x><ul><li>a<li>b</ul>\
            <div><span>deep</span></div></article></body></html>";
        assert_eq!(nesting_depth(article), 5, "html, body, article, div, span");
        let deep = "<div>".repeat(100_000) + "x" + &"</div>".repeat(100_000);
        assert_eq!(
            nesting_depth(&deep),
            MOST_LEVELS + 1,
            "stops once past the limit"
        );
        let paragraphs = "<p>Unclosed paragraph. ".repeat(10_000);
        assert_eq!(nesting_depth(&paragraphs), 0);
    }
}
