//! The article: one memoized component per paragraph, so an edit re-renders only the
//! paragraphs whose spans changed. Text is rendered as text nodes, never as HTML.

use std::rc::Rc;

use yew::prelude::*;

use super::dom;
use crate::model::segments::{segments, Segment};
use crate::model::{Annotation, AnnotationId, Document, LabelSet, Paragraph, ParagraphSpans};

/// Props of [`Article`].
#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    /// The document shown.
    pub document: Rc<Document>,
    /// Labels, for highlight colours and names.
    pub labels: Rc<LabelSet>,
    /// The annotations of each paragraph.
    pub paragraph_spans: ParagraphSpans,
    /// The selected annotation.
    pub selected: Option<Annotation>,
    /// Called with the clicked highlight, or `None` for a click on plain text.
    pub onselect: Callback<Option<AnnotationId>>,
    /// The article element, for reading the text selection.
    pub node_ref: NodeRef,
}

/// The article text with its highlights.
#[function_component(Article)]
pub fn article(props: &ArticleProps) -> Html {
    let onclick = {
        let onselect = props.onselect.clone();
        let node_ref = props.node_ref.clone();
        Callback::from(move |event: MouseEvent| {
            if dom::has_text_selection() {
                return;
            }
            let (Some(article), Some(target)) = (
                node_ref.cast::<web_sys::Element>(),
                event.target_dyn_into::<web_sys::Node>(),
            ) else {
                return;
            };
            onselect.emit(dom::annotation_at(&target, &article).map(AnnotationId));
        })
    };
    let text = props.document.shared_text();
    let paragraphs = props
        .document
        .paragraphs()
        .iter()
        .enumerate()
        .map(|(index, paragraph)| {
            let selected = props
                .selected
                .filter(|a| a.overlaps(&paragraph.chars))
                .map(|a| a.id);
            html! {
                <ParagraphView
                    key={index}
                    text={Rc::clone(&text)}
                    paragraph={paragraph.clone()}
                    spans={props.paragraph_spans.get(index)}
                    labels={Rc::clone(&props.labels)}
                    {selected}
                />
            }
        });
    html! {
        <div class="article" ref={props.node_ref.clone()} {onclick} aria-label="Article text">
            { for paragraphs }
        </div>
    }
}

/// Props of [`ParagraphView`]; equal props mean no re-render.
#[derive(Properties, PartialEq)]
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
}

/// One paragraph, cut into plain runs and highlights.
#[function_component(ParagraphView)]
pub fn paragraph_view(props: &ParagraphProps) -> Html {
    let runs = segments(&props.text, &props.paragraph, &props.spans);
    html! {
        <span class="para">{ for runs.iter().map(|segment| render_run(props, segment)) }</span>
    }
}

fn render_run(props: &ParagraphProps, segment: &Segment) -> Html {
    let text = props.text[segment.bytes.clone()].to_owned();
    let start = segment.chars.start.to_string();
    let end = segment.chars.end.to_string();
    let Some(top) = segment.covering.last() else {
        return html! { <span data-start={start} data-end={end}>{ text }</span> };
    };
    let label = props.labels.get(top.label);
    let name = label.map_or("?", |l| l.name.as_str()).to_owned();
    let color_of = |a: &Annotation| {
        props
            .labels
            .get(a.label)
            .map_or("#ddd", |l| l.color.as_str())
    };
    let nested = segment.covering.len() > 1;
    let style = format!(
        "--hl: {}; --outer: {}",
        color_of(top),
        color_of(&segment.covering[0])
    );
    let selected = props
        .selected
        .is_some_and(|id| segment.covering.iter().any(|a| a.id == id));
    let class = classes!(
        "hl",
        selected.then_some("selected"),
        nested.then_some("nested")
    );
    let annotation = top.id.0.to_string();
    html! {
        <mark {class} {style} data-label={name.clone()} title={name}
            data-start={start} data-end={end} data-ann={annotation}>{ text }</mark>
    }
}
