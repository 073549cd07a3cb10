//! The document list: every document of the workspace with its title, span count and done
//! mark, a status filter, next / previous, "mark done", and adding or removing documents.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{DocumentSummary, StatusFilter};

/// Props of [`DocumentList`].
#[derive(Properties, PartialEq)]
pub struct DocumentListProps {
    /// Every document, in workspace order.
    pub summaries: Rc<[DocumentSummary]>,
    /// The open document's position.
    pub current: usize,
    /// Which documents are listed.
    pub filter: StatusFilter,
    /// A document was picked.
    pub onopen: Callback<usize>,
    /// Next (true) or previous (false) was pressed.
    pub onstep: Callback<bool>,
    /// "Mark done" was pressed.
    pub ontoggledone: Callback<()>,
    /// A status filter was chosen.
    pub onfilter: Callback<StatusFilter>,
    /// A document's remove button was pressed.
    pub onremove: Callback<usize>,
    /// "Paste text…" was pressed.
    pub onpaste: Callback<()>,
}

/// The list of documents, beside the article.
#[function_component(DocumentList)]
pub fn document_list(props: &DocumentListProps) -> Html {
    let done = props.summaries.iter().filter(|s| s.done).count();
    let open_done = props
        .summaries
        .get(props.current)
        .is_some_and(|summary| summary.done);
    let filters = [
        (StatusFilter::All, "All"),
        (StatusFilter::ToDo, "To do"),
        (StatusFilter::Done, "Done"),
    ]
    .map(|(filter, name)| {
        let onclick = props.onfilter.reform(move |_: MouseEvent| filter);
        html! {
            <button type="button" aria-pressed={(props.filter == filter).to_string()}
                data-filter={name} {onclick}>{ name }</button>
        }
    });
    let rows = props
        .summaries
        .iter()
        .filter(|summary| props.filter.admits(summary.done))
        .map(|summary| {
            html! {
                <DocumentRow key={summary.index} summary={summary.clone()}
                    current={summary.index == props.current} can_remove={props.summaries.len() > 1}
                    onopen={props.onopen.clone()} onremove={props.onremove.clone()} />
            }
        });
    html! {
        <nav class="documents" aria-label="Documents">
            <h2>{ format!("Documents ({}) · {done} done", props.summaries.len()) }</h2>
            <div class="document-actions">
                <button type="button" class="mark-done" aria-pressed={open_done.to_string()}
                    title="Mark the open document done (or not done)"
                    onclick={props.ontoggledone.reform(|_: MouseEvent| ())}>
                    { if open_done { "Done ✓" } else { "Mark done" } }
                </button>
                <button type="button" class="previous-document" title="Previous document ([ or p)"
                    aria-keyshortcuts="[ p" onclick={props.onstep.reform(|_: MouseEvent| false)}>{ "‹ Prev" }</button>
                <button type="button" class="next-document" title="Next document (] or n)"
                    aria-keyshortcuts="] n" onclick={props.onstep.reform(|_: MouseEvent| true)}>{ "Next ›" }</button>
                <button type="button" class="paste-toggle" title="Add a document by pasting its text"
                    onclick={props.onpaste.reform(|_: MouseEvent| ())}>{ "Paste text…" }</button>
            </div>
            <div class="status-filter" role="group" aria-label="Show documents">{ for filters }</div>
            <ol class="document-entries">{ for rows }</ol>
        </nav>
    }
}

/// Props of [`DocumentRow`].
#[derive(Properties, PartialEq)]
struct DocumentRowProps {
    summary: DocumentSummary,
    current: bool,
    can_remove: bool,
    onopen: Callback<usize>,
    onremove: Callback<usize>,
}

/// One document; re-rendered only when its own numbers change.
#[function_component(DocumentRow)]
fn document_row(props: &DocumentRowProps) -> Html {
    let summary = &props.summary;
    let index = summary.index;
    let class = classes!("document-entry", props.current.then_some("current"));
    let title = summary.title.to_string();
    let remove_title = format!("Remove “{title}” from the workspace");
    html! {
        <li>
            <button type="button" {class} aria-current={props.current.then_some("true")}
                data-index={index.to_string()} title={title.clone()}
                onclick={props.onopen.reform(move |_: MouseEvent| index)}>
                <span class="document-title">{ title }</span>
                <span class="document-count">{ spans_text(summary.spans) }</span>
                if summary.done {
                    <span class="document-done" aria-label="done">{ "✓" }</span>
                }
            </button>
            if props.can_remove {
                <button type="button" class="document-remove" title={remove_title.clone()}
                    aria-label={remove_title}
                    onclick={props.onremove.reform(move |_: MouseEvent| index)}>{ "×" }</button>
            }
        </li>
    }
}

/// "1 span", "2 spans".
fn spans_text(count: usize) -> String {
    match count {
        1 => "1 span".to_owned(),
        _ => format!("{count} spans"),
    }
}
