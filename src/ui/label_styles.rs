//! One stylesheet for the label colours: class `l<id>` sets `--hl`, class `o<id>` sets
//! `--outer` (the outer label of a nested highlight). Highlights then carry a class instead of
//! an inline style each. Colours are sanitized hex values, ids are numbers: nothing else
//! reaches the CSS.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{LabelId, LabelSet};

/// Class giving an element its label's colour as `--hl`.
pub fn color_class(label: LabelId) -> String {
    format!("l{}", label.0)
}

/// Class giving an element its outer label's colour as `--outer`.
pub fn outer_class(label: LabelId) -> String {
    format!("o{}", label.0)
}

/// The CSS rules for every label.
pub fn label_css(labels: &LabelSet) -> String {
    labels
        .iter()
        .map(|label| {
            format!(
                ".{} {{ --hl: {color}; }} .{} {{ --outer: {color}; }}\n",
                color_class(label.id),
                outer_class(label.id),
                color = label.color
            )
        })
        .collect()
}

/// Props of [`LabelStyles`].
#[derive(Properties, PartialEq)]
pub struct LabelStylesProps {
    /// The labels whose colours to define.
    pub labels: Rc<LabelSet>,
}

/// A `<style>` element with the label colour classes.
#[function_component(LabelStyles)]
pub fn label_styles(props: &LabelStylesProps) -> Html {
    html! { <style>{ label_css(&props.labels) }</style> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rule_pair_per_label_with_sanitized_colours() {
        let labels =
            LabelSet::from_specs([("Person", "#FFC9A0", None), ("Evil", "red;}*{x", None)]);
        let css = label_css(&labels);
        assert!(
            css.contains(".l0 { --hl: #ffc9a0; } .o0 { --outer: #ffc9a0; }"),
            "{css}"
        );
        assert!(css.contains(".l1 { --hl: #dddddd; }"), "{css}");
        assert!(!css.contains("red"));
    }
}
