//! Label colours: only CSS hex colours pass (they end up in a stylesheet), and highlight
//! text takes black or white, whichever meets WCAG AA contrast on the label's colour.

/// Relative luminance of a `#rrggbb` (or `#rgb`) colour, as WCAG 2 defines it.
pub fn luminance(color: &str) -> f64 {
    let hex = sanitized_color(color);
    let digits: Vec<u32> = hex
        .trim_start_matches('#')
        .chars()
        .filter_map(|c| c.to_digit(16))
        .collect();
    let channels: [u32; 3] = match digits.as_slice() {
        [r, g, b] | [r, g, b, _] => [r * 17, g * 17, b * 17],
        [r1, r2, g1, g2, b1, b2, ..] => [r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2],
        _ => [0xdd; 3],
    };
    let linear = |channel: u32| {
        let c = f64::from(channel) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(channels[0]) + 0.7152 * linear(channels[1]) + 0.0722 * linear(channels[2])
}

/// WCAG 2 contrast ratio between two colours (1 to 21).
pub fn contrast_ratio(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Black or white, whichever reads better on `background`: always at least 4.5:1 (WCAG AA).
pub fn text_color_on(background: &str) -> &'static str {
    if contrast_ratio(background, "#000000") >= contrast_ratio(background, "#ffffff") {
        "#000000"
    } else {
        "#ffffff"
    }
}

/// Colours given, in turn, to labels added by an import.
pub const NEW_LABEL_COLORS: [&str; 6] = [
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
    fn highlight_text_meets_wcag_aa_on_any_colour() {
        for color in [
            "#ffc9a0", "#a8e6b4", "#a9d4ff", "#777777", "#767676", "#123456", "#ff0000", "#fff",
            "#000",
        ] {
            let text = text_color_on(color);
            assert!(contrast_ratio(color, text) >= 4.5, "{color} with {text}");
        }
        assert_eq!(text_color_on("#ffc9a0"), "#000000");
        assert_eq!(text_color_on("#123456"), "#ffffff");
        assert!((contrast_ratio("#000", "#fff") - 21.0).abs() < 1e-9);
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
