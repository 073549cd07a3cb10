//! The article: its paragraphs in memoized chunks (`chunk.rs`) of memoized paragraphs
//! (`paragraph.rs`), so an edit re-renders only the paragraphs whose spans changed. Text is
//! rendered as text nodes, never as HTML.

use std::rc::Rc;

use yew::prelude::*;

use super::chunk::ChunkView;
use crate::model::suggestions::Suggestion;
use crate::model::{Annotation, AnnotationId, Document, LabelSet, ParagraphSpans};
use crate::ui::browser::near_on_scroll::NearOnScroll;
use crate::ui::browser::selection;

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
