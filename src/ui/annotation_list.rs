//! The side panel: every annotation in text order (text, label, position in code points).

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Annotation, AnnotationId, Document, LabelSet};

/// Props of [`AnnotationList`].
#[derive(Properties, PartialEq)]
pub struct AnnotationListProps {
    /// The document, for span texts.
    pub document: Rc<Document>,
    /// Labels, for names and colours.
    pub labels: Rc<LabelSet>,
    /// All annotations in text order.
    pub annotations: Rc<[Annotation]>,
    /// The selected annotation.
    pub selected: Option<AnnotationId>,
    /// An entry was clicked.
    pub onpick: Callback<AnnotationId>,
}

/// The list of annotations.
#[function_component(AnnotationList)]
pub fn annotation_list(props: &AnnotationListProps) -> Html {
    let items = props.annotations.iter().map(|annotation| {
        let id = annotation.id;
        let label = props.labels.get(annotation.label);
        let name = label.map_or("?", |l| l.name.as_str()).to_owned();
        let swatch = format!("background: {}", label.map_or("#ddd", |l| l.color.as_str()));
        let text = props
            .document
            .slice(annotation.range())
            .unwrap_or_default()
            .to_owned();
        let position = format!("{}–{}", annotation.start, annotation.end);
        let class = classes!("entry", (props.selected == Some(id)).then_some("selected"));
        let onclick = props.onpick.reform(move |_: MouseEvent| id);
        html! {
            <li key={id.0}>
                <button type="button" {class} {onclick} data-ann={id.0.to_string()}>
                    <span class="swatch" style={swatch}></span>
                    <span class="entry-text">{ text }</span>
                    <span class="entry-label">{ name }</span>
                    <span class="entry-position" title="Code point offsets">{ position }</span>
                </button>
            </li>
        }
    });
    html! {
        <aside class="panel" aria-label="Annotations">
            <h2>{ format!("Annotations ({})", props.annotations.len()) }</h2>
            if props.annotations.is_empty() {
                <p class="hint">{ "Select text in the article, then press a label key (1 Person, 2 Place, 3 Event) or click a label." }</p>
            }
            <ol class="entries">{ for items }</ol>
        </aside>
    }
}
