//! One paragraph of the article, cut into plain runs, highlights and suggestions. Text is
//! rendered as text nodes, never as HTML; offsets in `data-start` are code points.

use std::rc::Rc;

use yew::prelude::*;

use super::label_styles::{color_class, outer_class};
use crate::model::segments::{segments_with_cuts, Segment};
use crate::model::suggestions::SharedSuggestions;
use crate::model::{Annotation, AnnotationId, LabelSet, Paragraph};

/// Props of [`ParagraphView`]; equal props mean no re-render.
#[derive(Properties)]
pub struct ParagraphProps {
    /// The whole document text (shared, not copied).
    pub text: Rc<str>,
    /// Which part of the text this paragraph is.
    pub paragraph: Paragraph,
    /// Annotations overlapping this paragraph.
    pub spans: Rc<[Annotation]>,
    /// Labels, for colours and names.
    pub labels: Rc<LabelSet>,
    /// The selected annotation, if it overlaps this paragraph.
    pub selected: Option<AnnotationId>,
    /// Suggestions overlapping this paragraph.
    pub suggestions: SharedSuggestions,
}

impl PartialEq for ParagraphProps {
    fn eq(&self, other: &Self) -> bool {
        // The text is compared by address: `Rc<str>`'s `==` compares contents, which cost a
        // whole-document memcmp per paragraph per render. One document's text is one allocation.
        Rc::ptr_eq(&self.text, &other.text)
            && self.paragraph == other.paragraph
            && self.spans == other.spans
            && self.labels == other.labels
            && self.selected == other.selected
            && self.suggestions == other.suggestions
    }
}

/// One paragraph, cut into plain runs and highlights.
#[function_component(ParagraphView)]
pub fn paragraph_view(props: &ParagraphProps) -> Html {
    let cuts: Vec<usize> = props
        .suggestions
        .iter()
        .flat_map(|s| [s.start, s.end])
        .collect();
    let runs = segments_with_cuts(&props.text, &props.paragraph, &props.spans, &cuts);
    html! {
        <div class={classes!("para", props.paragraph.piece.then_some("piece"))}>
            { for runs.iter().map(|segment| render_run(props, segment)) }
        </div>
    }
}

fn render_run(props: &ParagraphProps, segment: &Segment) -> Html {
    let text = props.text[segment.bytes.clone()].to_owned();
    let start = segment.chars.start.to_string();
    let Some(top) = segment.covering.last() else {
        let suggested = props
            .suggestions
            .iter()
            .find(|s| s.start <= segment.chars.start && segment.chars.end <= s.end);
        let Some(suggestion) = suggested else {
            return html! { <span data-start={start}>{ text }</span> };
        };
        let name = props.labels.name_of(suggestion.label).to_owned();
        let mut key = format!(
            "{}:{}:{}",
            suggestion.start, suggestion.end, suggestion.label.0
        );
        // A prediction of the tagger is drawn apart from strings labeled elsewhere, and says
        // its confidence on hover. A suggestion's name is in its accessible name only: a title
        // or a `data-label` on each of thousands of them held as much again in the page's
        // memory (Yew keeps every attribute to compare). A prediction keeps its `data-label`.
        let (kind, said, title) = match suggestion.confidence {
            Some(per_mille) => {
                key.push_str(&format!(":{per_mille}"));
                let said = format!("Predicted {name} ({}%)", per_mille / 10);
                ("predicted", said.clone(), Some(said))
            }
            None => ("suggested", format!("Suggested {name}"), None),
        };
        let class = classes!(kind, color_class(suggestion.label));
        return html! {
            <mark {class} data-start={start} data-suggestion={key}
                data-label={title.is_some().then_some(name)} {title} aria-label={format!("{said}: {text}")}>{ text }</mark>
        };
    };
    let name = props.labels.name_of(top.label).to_owned();
    let outer = segment.covering[0];
    let nested = segment.covering.len() > 1;
    let selected = props
        .selected
        .is_some_and(|id| segment.covering.iter().any(|a| a.id == id));
    let class = classes!(
        "hl",
        color_class(top.label),
        nested.then(|| classes!("nested", outer_class(outer.label))),
        selected.then_some("selected"),
    );
    let annotation = top.id.0.to_string();
    let accessible_name = format!("{name}: {text}");
    html! {
        <mark {class} data-label={name} data-ann={annotation} data-start={start}
            aria-label={accessible_name}>{ text }</mark>
    }
}
