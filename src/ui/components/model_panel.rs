//! The Model panel: what the tagger learned from, whether it is current, its actions
//! (train, pre-annotate, accept the surest predictions, evaluate, export and import the model)
//! and its latest evaluation with a learning curve. Numbers are shown with integer arithmetic,
//! so no float formatting enters the page.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Document, LabelSet};
use crate::tagger::evaluate::Counts;
use crate::ui::hooks::use_tagger::ModelActions;
use crate::ui::state::review::{Review, ReviewAction};
use crate::ui::state::tagger::Evaluation;
use crate::ui::state::{Action, EditAction, TaggerState, TaggerStatus, ViewAction};
use crate::ui::wording;
use crate::ui::wording::decimal;

/// Props of [`ModelPanel`].
#[derive(Properties, PartialEq)]
pub struct ModelPanelProps {
    /// The tagger's state.
    pub tagger: TaggerState,
    /// Whether the model has learned from the workspace as it is.
    pub current: bool,
    /// Predictions on show in the open document.
    pub predictions: usize,
    /// The panel's actions.
    pub actions: Rc<ModelActions>,
    /// Dispatches an action.
    pub dispatch: Callback<Action>,
    /// The review queue, while reviewing.
    pub review: Option<Review>,
    /// The open document, for the review's context.
    pub document: Rc<Document>,
    /// The labels, for the review's label names.
    pub labels: Rc<LabelSet>,
}

/// The prediction under review in its sentence's neighbourhood, and the keys.
fn review_view(props: &ModelPanelProps, review: &Review) -> Html {
    let Some(asked) = review.current() else {
        return html! {
            <div class="review" role="status">
                { format!("Reviewed all {} predictions. Esc or Stop ends the review; u takes the last answer back.", review.queue.len()) }
            </div>
        };
    };
    let text = props.document.text();
    let slice = |from: usize, to: usize| {
        props
            .document
            .slice(from..to)
            .unwrap_or_default()
            .to_owned()
    };
    let chars = text.chars().count();
    let before = slice(asked.start.saturating_sub(80), asked.start);
    let after = slice(asked.end, (asked.end + 80).min(chars));
    let percent = asked.confidence.unwrap_or(0) / 10;
    html! {
        <div class="review" role="status" aria-live="polite">
            <p>{ format!("Prediction {} of {} (least certain first): {} at {percent}%", review.answers.len() + 1, review.queue.len(), props.labels.name_of(asked.label)) }</p>
            <p class="context">{ "…" }{ before }<mark>{ slice(asked.start, asked.end) }</mark>{ after }{ "…" }</p>
            <p class="hint">{ "y accepts · n rejects · Space skips · u takes the last answer back · Esc stops" }</p>
        </div>
    }
}

/// `a / b` in thousandths, 0 when `b` is 0.
fn per_mille(a: usize, b: usize) -> usize {
    (a * 1000).checked_div(b).unwrap_or(0)
}

fn score_row(name: &str, c: &Counts) -> Html {
    let tp = c.true_positives;
    let precision = per_mille(tp, tp + c.false_positives);
    let recall = per_mille(tp, tp + c.false_negatives);
    let f1 = per_mille(2 * tp, 2 * tp + c.false_positives + c.false_negatives);
    html! {
        <tr>
            <td>{ name.to_owned() }</td>
            <td>{ decimal(precision) }</td>
            <td>{ decimal(recall) }</td>
            <td>{ decimal(f1) }</td>
            <td>{ c.support() }</td>
        </tr>
    }
}

/// The micro F1 against training documents, as a line.
fn curve(evaluation: &Evaluation) -> Html {
    if evaluation.curve.is_empty() {
        return html! {};
    }
    let (width, height, pad) = (240usize, 90usize, 18usize);
    let most = evaluation
        .curve
        .iter()
        .map(|(n, _)| *n)
        .max()
        .unwrap_or(1)
        .max(1);
    let points: Vec<String> = evaluation
        .curve
        .iter()
        .map(|(n, f1)| {
            let x = pad + n * (width - 2 * pad) / most;
            let y = height - pad - usize::from(*f1) * (height - 2 * pad) / 1000;
            format!("{x},{y}")
        })
        .collect();
    let label = evaluation
        .curve
        .iter()
        .map(|(n, f1)| format!("{n} documents: F1 {}", decimal(usize::from(*f1))))
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <svg class="curve" width={width.to_string()} height={height.to_string()} role="img"
            aria-label={format!("Learning curve, micro F1 against training documents per fold: {label}")}>
            <line x1={pad.to_string()} y1={(height - pad).to_string()} x2={(width - pad).to_string()} y2={(height - pad).to_string()} />
            <line x1={pad.to_string()} y1={pad.to_string()} x2={pad.to_string()} y2={(height - pad).to_string()} />
            <text x="0" y="12">{ "F1 1.0" }</text>
            <text x={(width - 70).to_string()} y={(height - 4).to_string()}>{ format!("{most} documents") }</text>
            <polyline points={points.join(" ")} />
        </svg>
    }
}

fn evaluation_view(evaluation: &Evaluation) -> Html {
    let mut micro = Counts::default();
    for (_, c) in &evaluation.per_label {
        micro.true_positives += c.true_positives;
        micro.false_positives += c.false_positives;
        micro.false_negatives += c.false_negatives;
    }
    html! {
        <>
            <table aria-label="Evaluation">
                <caption>{ match &evaluation.held_out {
                    Some(file) => format!("Held out: {file}, {} documents, exact span match", evaluation.documents),
                    None => format!("{}-fold cross-validation over {} documents, exact span match", evaluation.folds, evaluation.documents),
                } }</caption>
                <thead><tr><th scope="col">{ "label" }</th><th scope="col">{ "precision" }</th><th scope="col">{ "recall" }</th><th scope="col">{ "F1" }</th><th scope="col">{ "spans" }</th></tr></thead>
                <tbody>
                    { for evaluation.per_label.iter().map(|(name, c)| score_row(name, c)) }
                    { score_row("micro", &micro) }
                </tbody>
            </table>
            { curve(evaluation) }
        </>
    }
}

/// A file input's change: the picked file to `callback`, then the input emptied (so the same
/// file can be picked again).
fn picked(callback: &Callback<web_sys::File>) -> Callback<Event> {
    let callback = callback.clone();
    Callback::from(move |event: Event| {
        if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                callback.emit(file);
            }
            input.set_value("");
        }
    })
}

/// The tagger's panel.
#[function_component(ModelPanel)]
pub fn model_panel(props: &ModelPanelProps) -> Html {
    let threshold = use_state(|| 80u16);
    let tagger = &props.tagger;
    let busy = tagger.status != TaggerStatus::Idle;
    let status = match (tagger.status, &tagger.model) {
        (TaggerStatus::Training, _) => "Training in the background…".to_owned(),
        (TaggerStatus::Predicting, _) => "Pre-annotating…".to_owned(),
        (TaggerStatus::Evaluating, _) => "Evaluating in the background…".to_owned(),
        (_, None) => "No model yet: Train or Pre-annotate learns from your annotations.".to_owned(),
        (_, Some(_)) if props.current => "The model is current.".to_owned(),
        (_, Some(_)) => "The workspace changed: the model retrains in a moment.".to_owned(),
    };
    let learned = tagger.model.as_ref().map(|model| {
        let per_label = model
            .summary
            .labels
            .iter()
            .map(|(name, n)| format!("{name} {n}"))
            .collect::<Vec<_>>()
            .join(" · ");
        wording::learned_from(model.summary.spans(), model.summary.documents, &per_label)
    });
    let on_threshold = {
        let threshold = threshold.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .and_then(|input| input.value().parse::<u16>().ok());
            if let Some(value) = value {
                threshold.set(value.min(100));
            }
        })
    };
    let accept = {
        let percent = *threshold;
        props
            .dispatch
            .reform(move |_: MouseEvent| EditAction::AcceptPredictionsAbove(percent * 10).into())
    };
    let on_import = picked(&props.actions.import);
    let on_held_out = picked(&props.actions.evaluate_on);
    let click = |callback: &Callback<()>| callback.reform(|_: MouseEvent| ());
    html! {
        <section class="model-panel" aria-label="Model">
            <h2>{ "Model" }</h2>
            <p class="model-status" role="status">{ status }</p>
            if let Some(learned) = learned {
                <p>{ learned }</p>
            }
            <p class="hint">{ wording::LEARNS_FROM }</p>
            <div class="model-actions">
                <button type="button" class="train" disabled={busy} onclick={click(&props.actions.train)}>{ "Train now" }</button>
                <button type="button" class="pre-annotate" disabled={busy}
                    title="Shift+M" onclick={click(&props.actions.pre_annotate)}>{ "Pre-annotate (Shift+M)" }</button>
                <label>{ "Accept all at or above " }
                    <input type="number" class="threshold" min="0" max="100" value={threshold.to_string()} onchange={on_threshold} />
                    { "%" }</label>
                <button type="button" class="accept-above" disabled={props.predictions == 0} onclick={accept}>
                    { format!("Accept ({} shown)", props.predictions) }</button>
                <button type="button" class="pre-annotate-all" disabled={busy || tagger.model.is_none()}
                    onclick={click(&props.actions.pre_annotate_all)}>{ "Pre-annotate all to do" }</button>
                if props.review.is_some() {
                    <button type="button" class="review-stop" onclick={props.dispatch.reform(|_: MouseEvent| ReviewAction::Stop.into())}>{ "Stop reviewing" }</button>
                } else {
                    <button type="button" class="review-start" disabled={props.predictions == 0}
                        onclick={props.dispatch.reform(|_: MouseEvent| ReviewAction::Start.into())}>{ "Review one by one" }</button>
                }
                <button type="button" class="evaluate" disabled={busy} onclick={click(&props.actions.evaluate)}>{ "Evaluate (5-fold)" }</button>
                <label class={classes!("file-button", "evaluate-on", tagger.model.is_none().then_some("disabled"))}
                    title="Score the model on a gold file of any format Open… reads; the workspace stays as it is">
                    { "Evaluate on a file…" }
                    <input type="file" class="visually-hidden" disabled={busy || tagger.model.is_none()} onchange={on_held_out} />
                </label>
                <button type="button" class="export-model" disabled={tagger.model.is_none()} onclick={click(&props.actions.export)}>{ "Export model" }</button>
                <label class="file-button">
                    { "Import model…" }
                    <input type="file" class="visually-hidden" onchange={on_import} />
                </label>
                <button type="button" onclick={props.dispatch.reform(|_: MouseEvent| ViewAction::ToggleModelPanel.into())}>{ "Close" }</button>
            </div>
            if let Some((done, total)) = tagger.progress {
                <p class="pre-annotate-progress" role="status">
                    { format!("Pre-annotating: {done} of {total} documents… ") }
                    <progress value={done.to_string()} max={total.to_string()} />
                </p>
            }
            if let Some(review) = &props.review {
                { review_view(props, review) }
            }
            if let Some(evaluation) = &tagger.evaluation {
                { evaluation_view(evaluation) }
            }
        </section>
    }
}
