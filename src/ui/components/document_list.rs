//! The document list: every document of the workspace with its title, span count and done
//! mark, a status filter, next / previous, "mark done", and adding or removing documents. Only
//! the rows near the scrolled view are rendered (see `visible_rows`), so a corpus of thousands
//! costs an edit no more than a few documents.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{DocumentSummary, StatusFilter};
use crate::ui::browser::after_paint::after_frame;
use crate::ui::hooks::use_actions::Actions;
use crate::ui::hooks::use_css_property::use_css_property;
use crate::ui::state::{DocumentAction, ViewAction};
use crate::ui::visible_rows::visible_rows;

/// Height of one row in CSS pixels (the stylesheet's `.document-entries li` uses the same).
const ROW_PX: usize = 44;
/// Height of the scrolling list in CSS pixels (the stylesheet's `.document-entries` max-height).
const VIEWPORT_PX: usize = 560;

/// Props of [`DocumentList`].
#[derive(Properties, PartialEq)]
pub struct DocumentListProps {
    /// Every document, in workspace order.
    pub summaries: Rc<[DocumentSummary]>,
    /// The open document's position.
    pub current: usize,
    /// Which documents are listed.
    pub filter: StatusFilter,
    /// The app's callbacks.
    pub actions: Rc<Actions>,
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
        let onclick = props.actions.filter.reform(move |_: MouseEvent| filter);
        html! {
            <button type="button" aria-pressed={(props.filter == filter).to_string()}
                data-filter={name} {onclick}>{ name }</button>
        }
    });
    let listed: Vec<&DocumentSummary> = props
        .summaries
        .iter()
        .filter(|summary| props.filter.admits(summary.done))
        .collect();
    let scroll_top = use_state(|| 0_usize);
    let list_ref = use_node_ref();
    {
        // The open document's row scrolls into view when another document opens, once the
        // frame that shows it is painted: asking the list where it is scrolled and how tall it
        // is in the middle of the render would lay the new document out there and then (12 ms
        // at 100 KB), and a height heard before the list grew would scroll it for nothing.
        let position = listed.iter().position(|s| s.index == props.current);
        let list_ref = list_ref.clone();
        let scroll_top = scroll_top.clone();
        use_effect_with(props.current, move |_| {
            if let Some(row) = position {
                after_frame(move || {
                    let Some(list) = list_ref.cast::<web_sys::Element>() else {
                        return;
                    };
                    let shown = list.scroll_top().max(0) as usize;
                    let height = (list.client_height().max(0) as usize).max(ROW_PX);
                    let top = row * ROW_PX;
                    if top < shown || top + ROW_PX > shown + height {
                        let target = top.saturating_sub(height / 2);
                        list.set_scroll_top(target as i32);
                        scroll_top.set(target);
                    }
                });
            }
        });
    }
    let onscroll = {
        let scroll_top = scroll_top.clone();
        Callback::from(move |event: Event| {
            if let Some(list) = event.target_dyn_into::<web_sys::Element>() {
                scroll_top.set(list.scroll_top().max(0) as usize);
            }
        })
    };
    let shown = visible_rows(*scroll_top, listed.len(), ROW_PX, VIEWPORT_PX);
    let rows = listed[shown.clone()]
        .iter()
        .zip(shown)
        .map(|(summary, row)| {
            html! {
                <DocumentRow key={summary.index} summary={(*summary).clone()} {row}
                    current={summary.index == props.current} can_remove={props.summaries.len() > 1}
                    onopen={props.actions.open_document.clone()} onremove={props.actions.remove_document.clone()} />
            }
        });
    let entries_ref = use_node_ref();
    use_css_property(
        &entries_ref,
        "height",
        format!("{}px", listed.len() * ROW_PX),
    );
    html! {
        <nav class="documents" aria-label="Documents">
            <h2>{ format!("Documents ({}) · {done} done", props.summaries.len()) }</h2>
            <div class="document-actions">
                <button type="button" class="mark-done" aria-pressed={open_done.to_string()}
                    title="Mark the open document done (or not done)"
                    onclick={props.actions.on::<MouseEvent>(DocumentAction::ToggleDone)}>
                    { if open_done { "Done ✓" } else { "Mark done" } }
                </button>
                <button type="button" class="previous-document" title="Previous document ([ or p)"
                    aria-keyshortcuts="[ p" onclick={props.actions.step_document.reform(|_: MouseEvent| false)}>{ "‹ Prev" }</button>
                <button type="button" class="next-document" title="Next document (] or n)"
                    aria-keyshortcuts="] n" onclick={props.actions.step_document.reform(|_: MouseEvent| true)}>{ "Next ›" }</button>
                <button type="button" class="paste-toggle" title="Add a document by pasting its text"
                    onclick={props.actions.on::<MouseEvent>(ViewAction::TogglePasteBox)}>{ "Paste text…" }</button>
            </div>
            <div class="status-filter" role="group" aria-label="Show documents">{ for filters }</div>
            <div class="document-scroll" ref={list_ref} {onscroll}>
                <ol class="document-entries" ref={entries_ref}>{ for rows }</ol>
            </div>
        </nav>
    }
}

/// Whose version a document is, after its count: " · bob", " · curated", or nothing for the
/// user's own.
fn version_of(document: &crate::model::Document) -> String {
    match (&document.annotator, document.is_curated()) {
        (_, true) => " · curated".to_owned(),
        (Some(name), false) => format!(" · {name}"),
        (None, false) => String::new(),
    }
}

/// Props of [`DocumentRow`].
#[derive(Properties, PartialEq)]
struct DocumentRowProps {
    summary: DocumentSummary,
    /// Its position in the list as filtered, which places it.
    row: usize,
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
    let title = summary.document.title.clone();
    let remove_title = format!("Remove “{title}” from the workspace");
    let row_ref = use_node_ref();
    use_css_property(&row_ref, "top", format!("{}px", props.row * ROW_PX));
    html! {
        <li ref={row_ref}>
            <button type="button" {class} aria-current={props.current.then_some("true")}
                data-index={index.to_string()} title={title.clone()}
                onclick={props.onopen.reform(move |_: MouseEvent| index)}>
                <span class="document-title">{ title }</span>
                <span class="document-count">{ spans_text(summary.spans) }{ version_of(&summary.document) }</span>
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
