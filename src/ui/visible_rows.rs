//! Long lists render only the rows near their scrolled viewport: rows have one fixed height and
//! are placed absolutely, so 10,000 rows cost no more than 40.

use std::ops::Range;

/// Rows rendered above and below the visible ones.
const OVERSCAN_ROWS: usize = 10;

/// The rows of a list of `total` rows, `row_px` high each, to render when its viewport of
/// `viewport_px` is scrolled to `scroll_top`.
pub fn visible_rows(
    scroll_top: usize,
    total: usize,
    row_px: usize,
    viewport_px: usize,
) -> Range<usize> {
    let first = (scroll_top / row_px).saturating_sub(OVERSCAN_ROWS);
    let last = (scroll_top + viewport_px) / row_px + 1 + OVERSCAN_ROWS;
    first.min(total)..last.min(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_only_rows_near_the_viewport() {
        assert_eq!(visible_rows(0, 5, 44, 640), 0..5);
        assert_eq!(visible_rows(0, 10_000, 44, 640), 0..25);
        assert_eq!(visible_rows(440_000, 10_000, 44, 640), 9990..10_000);
        let middle = visible_rows(44_000, 10_000, 44, 640);
        assert!(middle.contains(&1000) && middle.len() <= 40, "{middle:?}");
    }
}
