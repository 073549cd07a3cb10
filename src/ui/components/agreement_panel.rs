//! The Agreement panel: every pair of annotators' exact-match and overlap span F1 and token κ
//! as a matrix, one pair's figures per label, and the documents sortable by how well their
//! annotators agree, each one click from being opened; and Curate, which makes the open
//! document's curated version by a strategy. Figures arrive in thousandths (see
//! `agreement::summary`), so the page formats no floats.

use std::rc::Rc;

use yew::prelude::*;

use crate::agreement::merge::Strategy;
use crate::agreement::summary::{DocumentRow, PairRow, Scores};
use crate::model::order;
use crate::ui::state::curation::CurationAction;
use crate::ui::state::{Action, AgreementView, DocumentAction};
use crate::ui::wording::decimal;

/// Props of [`AgreementPanel`].
#[derive(Properties, PartialEq)]
pub struct AgreementPanelProps {
    /// The figures, once worked out.
    pub agreement: Option<Rc<AgreementView>>,
    /// The open document's position.
    pub current: usize,
    /// Dispatches an action.
    pub dispatch: Callback<Action>,
}

/// How the document list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    LeastAgreed,
    MostAgreed,
    Title,
}

/// κ in thousandths as "0.812" or "−0.105".
fn signed(kappa: Option<i16>) -> String {
    match kappa {
        None => "undefined".to_owned(),
        Some(k) if k < 0 => format!("−{}", decimal(usize::from(k.unsigned_abs()))),
        Some(k) => decimal(usize::from(k.unsigned_abs())),
    }
}

fn f1(scores: &Scores) -> String {
    decimal(usize::from(scores.f1))
}

/// The matrix: a cell per ordered pair (the same figures either way round), each a button that
/// shows that pair's labels below.
fn matrix(view: &AgreementView, selected: &UseStateHandle<usize>) -> Html {
    let names = &view.summary.annotators;
    let pair_of = |a: usize, b: usize| {
        let (first, second) = (a.min(b), a.max(b));
        view.summary
            .pairs
            .iter()
            .position(|p| p.first == first && p.second == second)
    };
    let rows = names.iter().enumerate().map(|(a, name)| {
        let cells = (0..names.len()).map(|b| {
            let Some(at) = pair_of(a, b).filter(|_| a != b) else {
                return html! { <td class="diagonal">{ "—" }</td> };
            };
            let pair = &view.summary.pairs[at];
            let onclick = {
                let selected = selected.clone();
                Callback::from(move |_: MouseEvent| selected.set(at))
            };
            // The figures' names are read out, not shown: the caption says them once.
            let who = format!(
                "{} and {}: exact F1 ",
                names[pair.first], names[pair.second]
            );
            html! {
                <td class={classes!((at == **selected).then_some("selected"))}>
                    <button type="button" class="pair" {onclick}>
                        <span class="visually-hidden">{ who }</span>
                        <span class="exact">{ f1(&pair.exact) }</span>
                        <span class="visually-hidden">{ ", overlap F1 " }</span>
                        <span class="overlap">{ f1(&pair.overlap) }</span>
                        <span class="visually-hidden">{ ", " }</span>
                        <span class="kappa">{ format!("κ {}", signed(pair.kappa)) }</span>
                    </button>
                </td>
            }
        });
        html! { <tr><th scope="row">{ name.clone() }</th>{ for cells }</tr> }
    });
    html! {
        <table class="agreement-matrix">
            <caption>{ "Each cell: exact-match F1, overlap F1, token κ (a token takes the label of the outermost span over it)" }</caption>
            <thead><tr><th></th>{ for names.iter().map(|n| html! { <th scope="col">{ n.clone() }</th> }) }</tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// One pair's figures per label.
fn labels(view: &AgreementView, pair: &PairRow) -> Html {
    let names = &view.summary.annotators;
    let rows = pair.labels.iter().map(|row| {
        html! {
            <tr>
                <td>{ row.label.clone() }</td>
                <td>{ decimal(usize::from(row.exact.precision)) }</td>
                <td>{ decimal(usize::from(row.exact.recall)) }</td>
                <td>{ f1(&row.exact) }</td>
                <td>{ f1(&row.overlap) }</td>
                <td>{ row.spans }</td>
            </tr>
        }
    });
    html! {
        <table class="agreement-labels">
            <caption>{ format!("{} (reference) and {}, {} documents", names[pair.first], names[pair.second], pair.documents) }</caption>
            <thead><tr><th>{ "label" }</th><th>{ "exact P" }</th><th>{ "exact R" }</th><th>{ "exact F1" }</th><th>{ "overlap F1" }</th><th>{ "spans" }</th></tr></thead>
            <tbody>
                { for rows }
                <tr class="micro">
                    <td>{ "all labels" }</td>
                    <td>{ decimal(usize::from(pair.exact.precision)) }</td>
                    <td>{ decimal(usize::from(pair.exact.recall)) }</td>
                    <td>{ f1(&pair.exact) }</td>
                    <td>{ f1(&pair.overlap) }</td>
                    <td>{ pair.labels.iter().map(|l| l.spans).sum::<usize>() }</td>
                </tr>
            </tbody>
        </table>
    }
}

/// The documents in the chosen order, each opening its first version when clicked.
fn documents(props: &AgreementPanelProps, view: &AgreementView, sort: Sort) -> Html {
    let mut rows: Vec<&DocumentRow> = view.summary.documents.iter().collect();
    match sort {
        Sort::LeastAgreed => order::sort_by_key(&mut rows, |r| r.exact_f1),
        Sort::MostAgreed => order::sort_by_key(&mut rows, |r| std::cmp::Reverse(r.exact_f1)),
        Sort::Title => order::sort_by(&mut rows, |a, b| a.title.cmp(&b.title)),
    }
    let rows = rows.into_iter().map(|row| {
        let index = view.positions.get(row.position).copied();
        let open = index.is_some_and(|i| i == props.current);
        let onclick = props.dispatch.reform(move |_: MouseEvent| {
            DocumentAction::Open(index.unwrap_or_default()).into()
        });
        html! {
            <tr class={classes!(open.then_some("open"))}>
                <td><button type="button" class="open-document" {onclick}>{ row.title.clone() }</button></td>
                <td>{ row.annotators }</td>
                <td>{ decimal(usize::from(row.exact_f1)) }</td>
            </tr>
        }
    });
    html! {
        <table class="agreement-documents">
            <thead><tr><th>{ "document" }</th><th>{ "annotators" }</th><th>{ "mean exact F1" }</th></tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// The strategy choices for `annotators` annotators: everyone, majority, at least 1 … n − 1.
fn strategies(annotators: usize) -> Vec<Strategy> {
    let mut all = vec![Strategy::Majority, Strategy::Everyone];
    all.extend((1..annotators.max(2)).map(Strategy::AtLeast));
    all
}

/// The panel.
#[function_component(AgreementPanel)]
pub fn agreement_panel(props: &AgreementPanelProps) -> Html {
    let selected = use_state(|| 0usize);
    let sort = use_state(|| Sort::LeastAgreed);
    let strategy = use_state(|| Strategy::Majority);
    let Some(view) = props.agreement.as_deref() else {
        return html! {
            <section class="agreement-panel" aria-label="Agreement">
                <h2>{ "Agreement" }</h2>
                <p role="status">{ "Working out the agreement…" }</p>
            </section>
        };
    };
    let summary = &view.summary;
    let count = summary.annotators.len();
    let choices = strategies(count);
    let onstrategy = {
        let (strategy, choices) = (strategy.clone(), choices.clone());
        Callback::from(move |event: Event| {
            let picked = event
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|select| usize::try_from(select.selected_index()).ok());
            if let Some(&picked) = picked.and_then(|i| choices.get(i)) {
                strategy.set(picked);
            }
        })
    };
    let chosen = *strategy;
    let oncurate = props
        .dispatch
        .reform(move |_: MouseEvent| CurationAction::Curate(chosen).into());
    let sorting = |to: Sort, label: &str| {
        let sort = sort.clone();
        let pressed = (*sort == to).to_string();
        html! {
            <button type="button" aria-pressed={pressed} onclick={move |_: MouseEvent| sort.set(to)}>{ label.to_owned() }</button>
        }
    };
    let alone = match summary.alone {
        0 => String::new(),
        1 => " 1 document only one annotator has is left out.".to_owned(),
        n => format!(" {n} documents only one annotator has are left out."),
    };
    html! {
        <section class="agreement-panel" aria-label="Agreement">
            <h2>{ "Agreement" }</h2>
            if count < 2 {
                <p>{ "Compare… two annotators’ files or more of the same documents to see how they agree." }</p>
            } else {
                <p class="agreement-scope">{ format!("{count} annotators, {} documents in common.{alone}", summary.documents.len()) }</p>
                { matrix(view, &selected) }
                if let Some(pair) = summary.pairs.get(*selected).or(summary.pairs.first()) {
                    { labels(view, pair) }
                }
                <div class="agreement-sort" role="group" aria-label="Sort the documents">
                    { sorting(Sort::LeastAgreed, "Least agreement first") }
                    { sorting(Sort::MostAgreed, "Most agreement first") }
                    { sorting(Sort::Title, "By title") }
                </div>
                { documents(props, view, *sort) }
            }
            <div class="curate-controls">
                <label>{ "Merge at once what " }
                    <select class="strategy" onchange={onstrategy}>
                        { for choices.iter().map(|s| html! {
                            <option selected={*s == chosen}>{ strategy_name(*s) }</option>
                        }) }
                    </select>
                    { " marked" }
                </label>
                <button type="button" class="curate" onclick={oncurate}
                    title="Open the open document's curated version, making it from every annotator's version first; then j / k step through the disagreements and 1–9, b, 0 settle each">{ "Curate this document" }</button>
            </div>
        </section>
    }
}

/// How a strategy reads in the choice.
fn strategy_name(strategy: Strategy) -> String {
    match strategy {
        Strategy::Majority => "a majority of the annotators".to_owned(),
        Strategy::Everyone => "every annotator".to_owned(),
        Strategy::AtLeast(1) => "at least 1 annotator".to_owned(),
        Strategy::AtLeast(k) => format!("at least {k} annotators"),
    }
}
