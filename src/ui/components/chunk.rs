//! A chunk of the article's paragraphs: skipped by layout and paint while off screen, and
//! rendered as one plain run of text until it first comes near the view. Offsets in
//! `data-start` are code points.

use std::rc::Rc;

use yew::prelude::*;

use super::paragraph::ParagraphView;
use crate::model::line_estimate::estimated_lines;
use crate::model::paragraph_spans::ChunkSpans;
use crate::model::suggestions::{SharedSuggestions, Suggestion};
use crate::model::{AnnotationId, Document, LabelSet};
use crate::ui::browser::near_on_scroll::NearOnScroll;
use crate::ui::browser::viewport;
use crate::ui::hooks::use_css_property::use_css_property;
use crate::ui::hooks::use_line_height::use_line_height;

/// Props of [`ChunkView`]; equal props mean no re-render of its paragraphs.
#[derive(Properties)]
pub struct ChunkProps {
    /// Render highlights at once, without waiting to come near the viewport.
    pub eager: bool,
    /// Measure this chunk's height for every chunk's estimate (the first chunk).
    pub calibrates: bool,
    /// The document (compared by address).
    pub document: Rc<Document>,
    /// Indices of the paragraphs in this chunk.
    pub paragraphs: std::ops::Range<usize>,
    /// The annotations of each of those paragraphs (compared by address).
    pub spans: ChunkSpans,
    /// Labels, for names.
    pub labels: Rc<LabelSet>,
    /// The selected annotation, if it overlaps this chunk.
    pub selected: Option<AnnotationId>,
    /// All suggestions (compared by address); each paragraph takes its own.
    pub suggestions: Rc<[Suggestion]>,
    /// The article's scroll watch, which renders a chunk a jump lands near in the jump's frame.
    pub near_on_scroll: Rc<NearOnScroll>,
}

impl PartialEq for ChunkProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.suggestions, &other.suggestions)
            && Rc::ptr_eq(&self.near_on_scroll, &other.near_on_scroll)
            && self.eager == other.eager
            && self.calibrates == other.calibrates
            && Rc::ptr_eq(&self.document, &other.document)
            && self.paragraphs == other.paragraphs
            && Rc::ptr_eq(&self.spans, &other.spans)
            && self.labels == other.labels
            && self.selected == other.selected
    }
}

/// A group of paragraphs, skipped by layout and paint while off screen. Until it first comes
/// within a viewport of the visible area (or holds the selected annotation) it renders its text
/// as one plain run: the same text and offsets, without the highlights' elements.
#[function_component(ChunkView)]
pub fn chunk_view(props: &ChunkProps) -> Html {
    let near = use_state_eq(|| false);
    let node = use_node_ref();
    {
        // Watched until near: by an IntersectionObserver (the page scrolled a little, or laid
        // out anew) and on each scroll event (a jump, painted in its own frame).
        let near = near.clone();
        let node = node.clone();
        let near_on_scroll = Rc::clone(&props.near_on_scroll);
        use_effect_with(*near, move |&is_near| {
            let element = node.cast::<web_sys::Element>().filter(|_| !is_near);
            let watching = element.map(|element| {
                let on_near: Rc<dyn Fn()> = Rc::new(move || near.set(true));
                let observed = Rc::clone(&on_near);
                (
                    viewport::watch_near_viewport(&element, move || observed()),
                    near_on_scroll.watch(element, on_near),
                )
            });
            move || drop(watching)
        });
    }
    let text = props.document.shared_text();
    let paragraphs = &props.document.paragraphs()[props.paragraphs.clone()];
    // While skipped off screen, the chunk is as tall as its estimated lines at the pixels per
    // estimated line the first chunk measured (static/style.css).
    let lines = estimated_lines(paragraphs);
    use_css_property(&node, "--lines", lines.to_string());
    use_line_height(&node, props.calibrates, lines);
    if !(props.eager || *near || props.selected.is_some()) {
        let (Some(first), Some(last)) = (paragraphs.first(), paragraphs.last()) else {
            return html! {};
        };
        let start = first.chars.start.to_string();
        let plain = text[first.bytes.start..last.bytes.end].to_owned();
        return html! {
            <div class="chunk pending" ref={node}><span data-start={start}>{ plain }</span></div>
        };
    }
    let views = props
        .paragraphs
        .clone()
        .zip(paragraphs)
        .zip(props.spans.iter());
    let views = views.map(|((index, paragraph), spans)| {
        let selected = props
            .selected
            .filter(|id| spans.iter().any(|a| a.id == *id));
        let all = &props.suggestions;
        let first = all.partition_point(|s| s.end <= paragraph.chars.start);
        let last = all.partition_point(|s| s.start < paragraph.chars.end);
        let suggestions = SharedSuggestions::within(all, first..last.max(first));
        html! {
            <ParagraphView
                key={index}
                text={Rc::clone(&text)}
                paragraph={paragraph.clone()}
                spans={Rc::clone(spans)}
                labels={Rc::clone(&props.labels)}
                {selected}
                {suggestions}
            />
        }
    });
    // The first eager chunk is laid out at once (static/style.css says why).
    let class = classes!("chunk", props.eager.then_some("eager"));
    html! { <div {class} ref={node}>{ for views }</div> }
}
