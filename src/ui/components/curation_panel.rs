//! The curation panel: the disagreement on show, each distinct version of it side by side — its
//! key, who marked it, and the passage with that version's spans highlighted (with the spans
//! its annotators agreed on around it) — which one stands now, and how far curating has come. Text is rendered as text, never as HTML; offsets are code
//! points.

use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use super::label_styles::color_class;
use crate::agreement::curation::{Choice, Decision};
use crate::model::{order, Document, LabelSet, SourcedSpan};
use crate::ui::hooks::use_curation::CurationView;
use crate::ui::state::curation::CurationAction;
use crate::ui::state::Action;

/// Props of [`CurationPanel`].
#[derive(Properties, PartialEq)]
pub struct CurationPanelProps {
    /// The session as shown.
    pub view: Rc<CurationView>,
    /// The curated version.
    pub document: Rc<Document>,
    /// The labels, for colours.
    pub labels: Rc<LabelSet>,
    /// Dispatches an action.
    pub dispatch: Callback<Action>,
}

/// Code points of context shown either side of a disagreement.
const CONTEXT: usize = 60;

/// The passage shown around `extent`.
fn window(document: &Document, extent: &Range<usize>) -> Range<usize> {
    extent.start.saturating_sub(CONTEXT)..(extent.end + CONTEXT).min(document.char_len())
}

/// The passage `window` with `spans` highlighted (the innermost span wins where they nest).
fn passage(
    document: &Document,
    labels: &LabelSet,
    window: Range<usize>,
    spans: &[&SourcedSpan],
) -> Html {
    let (from, to) = (window.start, window.end);
    let mut cuts = vec![from, to];
    cuts.extend(spans.iter().flat_map(|s| [s.start, s.end]));
    cuts.retain(|&c| (from..=to).contains(&c));
    order::sort(&mut cuts);
    cuts.dedup();
    let runs = cuts.windows(2).map(|pair| {
        let (start, end) = (pair[0], pair[1]);
        let text = document.slice(start..end).unwrap_or_default().to_owned();
        let inner = spans
            .iter()
            .filter(|s| s.start <= start && end <= s.end)
            .min_by_key(|s| s.end - s.start);
        match inner {
            Some(span) => {
                let class = labels
                    .by_name(&span.label)
                    .map(|l| color_class(l.id))
                    .unwrap_or_default();
                let said = format!("{}: {text}", span.label);
                html! { <mark class={classes!("hl", class)} data-label={span.label.clone()} aria-label={said}>{ text }</mark> }
            }
            None => html! { <span>{ text }</span> },
        }
    });
    let before = if from > 0 { "…" } else { "" };
    let after = if to < document.char_len() { "…" } else { "" };
    html! { <p class="context">{ before }{ for runs }{ after }</p> }
}

fn choice_view(props: &CurationPanelProps, number: usize, choice: &Choice) -> Html {
    let view = &props.view;
    let who: Vec<&str> = choice
        .annotators
        .iter()
        .filter_map(|&i| view.provenance.annotators.get(i).map(String::as_str))
        .collect();
    let spans: Vec<&SourcedSpan> = choice
        .spans
        .iter()
        .map(|&i| &view.provenance.spans[i])
        .collect();
    // Their spans merged at once around it, too: the whole of their version of the passage.
    let shown = window(&props.document, &view.disagreement.extent);
    let agreed = view.provenance.spans.iter().filter(|s| {
        view.provenance.is_agreed(s)
            && s.start < shown.end
            && shown.start < s.end
            && s.annotators.iter().any(|a| choice.annotators.contains(a))
    });
    let highlighted: Vec<&SourcedSpan> = spans.iter().copied().chain(agreed).collect();
    let what = if spans.is_empty() {
        "marked nothing here".to_owned()
    } else {
        spans
            .iter()
            .map(|s| {
                let text = props.document.slice(s.range()).unwrap_or_default();
                format!("{} “{text}”", s.label)
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let taken = view.taken == Some(number) || (spans.is_empty() && view.left_empty);
    let onclick = props
        .dispatch
        .reform(move |_: MouseEvent| CurationAction::Decide(Decision::Take(number)).into());
    html! {
        <li class={classes!("choice", taken.then_some("taken"))}>
            <button type="button" class="take" {onclick}
                aria-label={format!("{}: take {}’s version", number + 1, who.join(" and "))}>
                <kbd>{ number + 1 }</kbd>
            </button>
            <div>
                <p class="who">{ who.join(", ") }{ " — " }{ what }{ if taken { " (taken)" } else { "" } }</p>
                { passage(&props.document, &props.labels, shown, &highlighted) }
            </div>
        </li>
    }
}

/// The panel.
#[function_component(CurationPanel)]
pub fn curation_panel(props: &CurationPanelProps) -> Html {
    let view = &props.view;
    let on = |action: CurationAction| props.dispatch.reform(move |_: MouseEvent| action.into());
    let who = view.provenance.annotators.join(", ");
    let state = match (view.taken, view.left_empty) {
        (Some(_), _) => "settled",
        (None, true) => "settled with no span",
        (None, false) if view.settled == view.count => "settled",
        (None, false) => "open",
    };
    html! {
        <section class="curation-panel" aria-label="Curation">
            <h2>{ "Curating" }</h2>
            <p class="curation-progress" role="status" aria-live="polite">
                { format!("Disagreement {} of {} ({state}) · {} of {} settled · merged at once: {} of {who}", view.at + 1, view.count, view.settled, view.count, view.provenance.strategy) }
            </p>
            <ol class="choices">
                { for view.disagreement.choices.iter().enumerate().map(|(n, c)| choice_view(props, n, c)) }
            </ol>
            <div class="curation-actions">
                <button type="button" class="both" onclick={on(CurationAction::Decide(Decision::Both))}><kbd>{ "b" }</kbd>{ " Both" }</button>
                <button type="button" class="neither" onclick={on(CurationAction::Decide(Decision::Neither))}><kbd>{ "0" }</kbd>{ " Neither" }</button>
                <button type="button" onclick={on(CurationAction::Step { forward: false })}><kbd>{ "k" }</kbd>{ " Previous" }</button>
                <button type="button" onclick={on(CurationAction::Step { forward: true })}><kbd>{ "j" }</kbd>{ " Next" }</button>
                <button type="button" onclick={on(CurationAction::TakeBack)}><kbd>{ "u" }</kbd>{ " Take back" }</button>
                <button type="button" class="stop" onclick={on(CurationAction::Stop)}><kbd>{ "Esc" }</kbd>{ " Stop" }</button>
            </div>
        </section>
    }
}
