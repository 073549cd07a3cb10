//! One stylesheet for the label colours: class `l<id>` sets `--hl` (the colour), `--on-hl`
//! (black or white text, whichever meets WCAG AA on it) and `--mark-line` (an underline style
//! per label, so no label is told apart by colour alone); class `o<id>` sets `--outer` (the
//! outer label of a nested highlight). Colours are sanitized hex values, ids are numbers:
//! nothing else reaches the CSS. The rules live in a constructed stylesheet adopted by the
//! document (CSSOM), not in a `<style>` element, so the Content-Security-Policy can refuse
//! every inline style.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::colors::text_color_on;
use crate::model::{LabelId, LabelSet};

/// Class giving an element its label's colour as `--hl`.
pub fn color_class(label: LabelId) -> String {
    format!("l{}", label.0)
}

/// Class giving an element its outer label's colour as `--outer`.
pub fn outer_class(label: LabelId) -> String {
    format!("o{}", label.0)
}

/// Underline styles given to labels in list order, repeating after four.
const LINE_STYLES: [&str; 4] = ["solid", "dashed", "dotted", "double"];

/// The CSS rules for every label.
pub fn label_css(labels: &LabelSet) -> String {
    labels
        .iter()
        .enumerate()
        .map(|(index, label)| {
            format!(
                ".{} {{ --hl: {color}; --on-hl: {text}; --mark-line: {line}; }} .{} {{ --outer: {color}; }}\n",
                color_class(label.id),
                outer_class(label.id),
                color = label.color,
                text = text_color_on(&label.color),
                line = LINE_STYLES[index % LINE_STYLES.len()],
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

/// The label colour classes, kept in a stylesheet of their own while mounted; renders
/// nothing.
#[function_component(LabelStyles)]
pub fn label_styles(props: &LabelStylesProps) -> Html {
    let sheet = use_mut_ref(|| None::<web_sys::CssStyleSheet>);
    {
        let sheet = sheet.clone();
        use_effect_with((), move |_| {
            *sheet.borrow_mut() = adopt_sheet();
            move || {
                if let Some(own) = sheet.borrow_mut().take() {
                    drop_sheet(&own);
                }
            }
        });
    }
    use_effect_with(Rc::clone(&props.labels), move |labels| {
        if let Some(own) = sheet.borrow().as_ref() {
            // Only sanitized colours and numbers: the rules always parse.
            let _ = own.replace_sync(&label_css(labels));
        }
    });
    Html::default()
}

/// The document's adopted stylesheets, as an array.
fn adopted() -> Option<(web_sys::Document, js_sys::Array)> {
    let document = web_sys::window()?.document()?;
    let list = js_sys::Reflect::get(&document, &"adoptedStyleSheets".into()).ok()?;
    Some((document, js_sys::Array::from(&list)))
}

/// A new stylesheet, adopted by the document.
fn adopt_sheet() -> Option<web_sys::CssStyleSheet> {
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    let (document, list) = adopted()?;
    list.push(&sheet);
    js_sys::Reflect::set(&document, &"adoptedStyleSheets".into(), &list).ok()?;
    Some(sheet)
}

/// Takes `sheet` off the document's adopted stylesheets.
fn drop_sheet(sheet: &web_sys::CssStyleSheet) {
    if let Some((document, list)) = adopted() {
        let own: &wasm_bindgen::JsValue = sheet.as_ref();
        let kept: js_sys::Array = list.iter().filter(|s| s != own).collect();
        let _ = js_sys::Reflect::set(&document, &"adoptedStyleSheets".into(), &kept);
    }
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
            css.contains(".l0 { --hl: #ffc9a0; --on-hl: #000000; --mark-line: solid; } .o0 { --outer: #ffc9a0; }"),
            "{css}"
        );
        assert!(
            css.contains(".l1 { --hl: #dddddd; --on-hl: #000000; --mark-line: dashed; }"),
            "{css}"
        );
        assert!(!css.contains("red"));
    }
}
