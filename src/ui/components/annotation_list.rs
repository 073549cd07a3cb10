//! The side panel: every annotation in text order (text, label, position in code points).
//! Only the rows in view are rendered (see `visible_rows`).

use std::rc::Rc;

use yew::prelude::*;

use super::label_styles::color_class;
use crate::model::statistics::{label_statistics, workspace_statistics, LabelStatistics};
use crate::model::{Annotation, AnnotationId, Document, Entry, LabelSet};
use crate::ui::hooks::use_css_property::use_css_property;
use crate::ui::visible_rows::visible_rows;

/// Height of one row in CSS pixels (the stylesheet's `.entries li` uses the same).
const ROW_PX: usize = 44;
/// Height of the scrolling list in CSS pixels (the stylesheet's `.entries` max-height).
const VIEWPORT_PX: usize = 640;

/// Props of [`AnnotationList`].
#[derive(Properties, PartialEq)]
pub struct AnnotationListProps {
    /// The document, for span texts.
    pub document: Rc<Document>,
    /// Labels, for names and colours.
    pub labels: Rc<LabelSet>,
    /// All annotations in text order.
    pub annotations: Rc<[Annotation]>,
    /// Every document of the workspace, for corpus statistics (the open one's spans are
    /// `annotations`).
    pub corpus: Rc<Vec<Rc<Entry>>>,
    /// The open document's position in `corpus`.
    pub current: usize,
    /// The selected annotation.
    pub selected: Option<AnnotationId>,
    /// An entry was clicked.
    pub onpick: Callback<AnnotationId>,
}

/// The list of annotations.
#[function_component(AnnotationList)]
pub fn annotation_list(props: &AnnotationListProps) -> Html {
    let scroll_top = use_state(|| 0_usize);
    let onscroll = {
        let scroll_top = scroll_top.clone();
        Callback::from(move |event: Event| {
            if let Some(list) = event.target_dyn_into::<web_sys::Element>() {
                scroll_top.set(list.scroll_top().max(0) as usize);
            }
        })
    };
    let rows = visible_rows(*scroll_top, props.annotations.len(), ROW_PX, VIEWPORT_PX);
    let items = props.annotations[rows.clone()]
        .iter()
        .zip(rows.clone())
        .map(|(annotation, row)| render_row(props, annotation, row));
    let entries_ref = use_node_ref();
    let height = format!("{}px", props.annotations.len() * ROW_PX);
    use_css_property(&entries_ref, "height", height);
    // On narrow screens the list folds away under its heading (the wide layout ignores this).
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let class = classes!("panel", (!*open).then_some("folded"));
    html! {
        <aside {class} aria-label="Annotations">
            <h2>{ format!("Annotations ({})", props.annotations.len()) }</h2>
            <button type="button" class="panel-toggle" aria-expanded={open.to_string()}
                aria-controls="annotation-entries" onclick={ontoggle}>
                { if *open { "Hide annotations" } else { "Show annotations" } }
            </button>
            if props.annotations.is_empty() {
                <p class="hint">{ "Select text in the article, then press a label key (1 Person, 2 Place, 3 Event) or click a label." }</p>
            }
            <div class="entries-scroll" id="annotation-entries" {onscroll}>
                <ol class="entries" ref={entries_ref}>{ for items }</ol>
            </div>
            <StatisticsTable document={props.document.clone()} labels={props.labels.clone()}
                annotations={props.annotations.clone()} corpus={props.corpus.clone()}
                current={props.current} />
        </aside>
    }
}

/// Props of [`StatisticsTable`].
#[derive(Properties, PartialEq)]
struct StatisticsProps {
    document: Rc<Document>,
    labels: Rc<LabelSet>,
    annotations: Rc<[Annotation]>,
    corpus: Rc<Vec<Rc<Entry>>>,
    current: usize,
}

/// Spans and distinct strings per label, in this document and (with several documents) in the
/// whole corpus; folded away until asked for and only counted while open, so edits stay cheap
/// on large documents.
#[function_component(StatisticsTable)]
fn statistics_table(props: &StatisticsProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            if let Some(details) = event.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                open.set(details.open());
            }
        })
    };
    let in_corpus = props.corpus.len() > 1;
    let (rows, corpus_rows): (Vec<LabelStatistics>, Vec<LabelStatistics>) = if *open {
        let here = label_statistics(&props.document, &props.labels, &props.annotations);
        let corpus = if in_corpus {
            workspace_statistics(&props.labels, &props.corpus)
        } else {
            Vec::new()
        };
        (here, corpus)
    } else {
        (Vec::new(), Vec::new())
    };
    let rows = rows.iter().enumerate().map(|(at, row)| {
        html! {
            <tr>
                <th scope="row">
                    <span class={classes!("swatch", color_class(row.label))}></span>
                    { props.labels.name_of(row.label).to_owned() }
                </th>
                <td>{ row.spans }</td>
                <td>{ row.distinct }</td>
                if let Some(corpus) = corpus_rows.get(at) {
                    <td class="corpus-spans">{ corpus.spans }</td>
                    <td class="corpus-distinct">{ corpus.distinct }</td>
                }
            </tr>
        }
    });
    html! {
        <details class="statistics" {ontoggle}>
            <summary>{ "Statistics" }</summary>
            <table>
                <thead>
                    if in_corpus {
                        <tr><td></td><th scope="colgroup" colspan="2">{ "This document" }</th><th scope="colgroup" colspan="2">{ format!("All {} documents", props.corpus.len()) }</th></tr>
                    }
                    <tr><th scope="col">{ "Label" }</th><th scope="col">{ "Spans" }</th><th scope="col">{ "Distinct" }</th>
                    if in_corpus {
                        <th scope="col">{ "Spans" }</th><th scope="col">{ "Distinct" }</th>
                    }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </details>
    }
}

fn render_row(props: &AnnotationListProps, annotation: &Annotation, row: usize) -> Html {
    let id = annotation.id;
    let text = props
        .document
        .slice(annotation.range())
        .unwrap_or_default()
        .to_owned();
    html! {
        <AnnotationRow key={id.0} annotation={*annotation} {row} {text}
            label={props.labels.name_of(annotation.label).to_owned()}
            selected={props.selected == Some(id)} onpick={props.onpick.clone()} />
    }
}

/// Props of [`AnnotationRow`].
#[derive(Properties, PartialEq)]
struct AnnotationRowProps {
    annotation: Annotation,
    /// Its position in the list, which places it.
    row: usize,
    text: String,
    label: String,
    selected: bool,
    onpick: Callback<AnnotationId>,
}

/// One annotation of the list.
#[function_component(AnnotationRow)]
fn annotation_row(props: &AnnotationRowProps) -> Html {
    let annotation = props.annotation;
    let id = annotation.id;
    let position = format!("{}–{}", annotation.start, annotation.end);
    let class = classes!("entry", props.selected.then_some("selected"));
    let onclick = props.onpick.reform(move |_: MouseEvent| id);
    let row_ref = use_node_ref();
    use_css_property(&row_ref, "top", format!("{}px", props.row * ROW_PX));
    html! {
        <li ref={row_ref}>
            <button type="button" {class} {onclick} data-ann={id.0.to_string()} title={props.text.clone()}>
                <span class={classes!("swatch", color_class(annotation.label))}></span>
                <span class="entry-text">{ props.text.clone() }</span>
                <span class="entry-label">{ props.label.clone() }</span>
                <span class="entry-position" title="Code point offsets">{ position }</span>
            </button>
        </li>
    }
}
