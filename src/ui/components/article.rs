//! The article: one memoized component per paragraph, so an edit re-renders only the
//! paragraphs whose spans changed. Text is rendered as text nodes, never as HTML.

use std::rc::Rc;

use yew::prelude::*;

use super::label_styles::{color_class, outer_class};
use crate::model::line_estimate::estimated_lines;
use crate::model::paragraph_spans::ChunkSpans;
use crate::model::segments::{segments_with_cuts, Segment};
use crate::model::suggestions::{SharedSuggestions, Suggestion};
use crate::model::{Annotation, AnnotationId, Document, LabelSet, Paragraph, ParagraphSpans};
use crate::ui::browser::near_on_scroll::NearOnScroll;
use crate::ui::browser::{selection, viewport};
use crate::ui::hooks::use_css_property::use_css_property;
use crate::ui::hooks::use_line_height::use_line_height;

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
    /// Suggested spans in text order (compared by address).
    pub suggestions: Rc<[Suggestion]>,
    /// A suggestion was clicked.
    pub onaccept: Callback<Suggestion>,
    /// The article element, for reading the text selection.
    pub node_ref: NodeRef,
}

/// The article text with its highlights.
#[function_component(Article)]
pub fn article(props: &ArticleProps) -> Html {
    let onclick = {
        let onselect = props.onselect.clone();
        let onaccept = props.onaccept.clone();
        let node_ref = props.node_ref.clone();
        Callback::from(move |event: MouseEvent| {
            if selection::has_text_selection() {
                return;
            }
            let (Some(article), Some(target)) = (
                node_ref.cast::<web_sys::Element>(),
                event.target_dyn_into::<web_sys::Node>(),
            ) else {
                return;
            };
            if let Some(suggestion) = selection::suggestion_at(&target) {
                onaccept.emit(suggestion);
                return;
            }
            onselect.emit(selection::annotation_at(&target, &article).map(AnnotationId));
        })
    };
    let near_on_scroll = use_memo((), |_| NearOnScroll::new());
    let chunks = (0..props.paragraph_spans.chunk_count()).map(|chunk| {
        let per_chunk = props.paragraph_spans.per_chunk();
        let paragraphs =
            chunk * per_chunk..((chunk + 1) * per_chunk).min(props.document.paragraphs().len());
        let chars = props.document.paragraphs()[paragraphs.start].chars.start
            ..props.document.paragraphs()[paragraphs.end - 1].chars.end;
        let selected = props.selected.filter(|a| a.overlaps(&chars)).map(|a| a.id);
        html! {
            <ChunkView
                key={chunk}
                eager={chunk < EAGER_CHUNKS}
                calibrates={chunk == 0}
                document={Rc::clone(&props.document)}
                {paragraphs}
                spans={props.paragraph_spans.chunk(chunk)}
                labels={Rc::clone(&props.labels)}
                {selected}
                suggestions={Rc::clone(&props.suggestions)}
                near_on_scroll={Rc::clone(&near_on_scroll)}
            />
        }
    });
    html! {
        <div class="article" ref={props.node_ref.clone()} {onclick} role="region" tabindex="0"
            aria-label="Article text" aria-describedby="article-keys">
            { for chunks }
        </div>
    }
}

/// Chunks rendered in full from the start: the first screens, and all of a short article.
const EAGER_CHUNKS: usize = 2;

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
        // on each of thousands of them held as much again in the page's memory.
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
            <mark {class} data-start={start} data-suggestion={key} data-label={name}
                {title} aria-label={format!("{said}: {text}")}>{ text }</mark>
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
