//! The article: one memoized component per paragraph, so an edit re-renders only the
//! paragraphs whose spans changed. Text is rendered as text nodes, never as HTML.

use std::rc::Rc;

use yew::prelude::*;

use super::dom;
use super::label_styles::{color_class, outer_class};
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
    }
}

/// One paragraph, cut into plain runs and highlights.
#[function_component(ParagraphView)]
pub fn paragraph_view(props: &ParagraphProps) -> Html {
    let runs = segments(&props.text, &props.paragraph, &props.spans);
    html! {
        <div class="para">{ for runs.iter().map(|segment| render_run(props, segment)) }</div>
    }
}

fn render_run(props: &ParagraphProps, segment: &Segment) -> Html {
    let text = props.text[segment.bytes.clone()].to_owned();
    let start = segment.chars.start.to_string();
    let Some(top) = segment.covering.last() else {
        return html! { <span data-start={start}>{ text }</span> };
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
    html! {
        <mark {class} data-label={name} data-ann={annotation} data-start={start}>{ text }</mark>
    }
}
