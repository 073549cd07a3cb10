//! The tagger's effects: the saved model read back at startup, retraining in the worker by
//! itself a moment after the workspace changes (once a model exists), and the Model panel's
//! actions (train, pre-annotate, evaluate, export and import the model). None of them waits on
//! the page: the worker trains and predicts.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::use_latest::Latest;
use crate::ui::flows::tagger;
use crate::ui::state::tagger::TrainedModel;
use crate::ui::state::{AppState, Notice, TaggerAction, TaggerStatus, ViewAction};

/// How long after the latest change the model retrains, in milliseconds.
const RETRAIN_AFTER_MS: u32 = 2_000;

/// The Model panel's actions.
#[derive(Clone, PartialEq)]
pub struct ModelActions {
    /// Train on the workspace now.
    pub train: Callback<()>,
    /// Pre-annotate the open document.
    pub pre_annotate: Callback<()>,
    /// Pre-annotate every document not marked done.
    pub pre_annotate_all: Callback<()>,
    /// Cross-validate on the workspace.
    pub evaluate: Callback<()>,
    /// Download the model file.
    pub export: Callback<()>,
    /// A picked model file.
    pub import: Callback<web_sys::File>,
}

/// Trains on the newest workspace and keeps the model (in the store too, when saving is on).
fn train_now(latest: &Latest) {
    train(latest, false);
}

/// Trains as `train_now` does; then pre-annotates the open document if `then_predict` or if
/// it shows predictions (which the new model may change).
fn train(latest: &Latest, then_predict: bool) {
    let state = latest.borrow().clone();
    if state.tagger.status != TaggerStatus::Idle {
        return;
    }
    let revision = state.revision;
    let documents = tagger::training_documents(&state.workspace);
    state.dispatch(TaggerAction::Started(TaggerStatus::Training).into());
    let latest = latest.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match tagger::train(documents).await {
            Ok(model) => {
                let model = Rc::new(model);
                let state = latest.borrow().clone();
                state.dispatch(TaggerAction::Trained(Rc::clone(&model), Some(revision)).into());
                if state.saving.on {
                    if let Err(error) = tagger::save(&model).await {
                        state.dispatch(ViewAction::Notify(Notice::error(error.to_string())).into());
                    }
                }
                if then_predict || !state.view.predictions.is_empty() {
                    pre_annotate(&latest, &model);
                }
            }
            Err(error) => {
                let state = latest.borrow().clone();
                state.dispatch(TaggerAction::Failed(error.to_string()).into());
            }
        }
    });
}

/// Sends the answers given so far (accepted and rejected predictions) to the model to learn
/// from at once; the model is then current for the workspace as it is.
fn learn_answers(latest: &Latest) {
    let state = latest.borrow().clone();
    let Some(model) = state.tagger.model.clone() else {
        return;
    };
    let taken = state.tagger.answers.len();
    let Some((document, ..)) = state.tagger.answers.first().cloned() else {
        return;
    };
    // One document's answers per request; the rest follow.
    let mine: Vec<_> = state
        .tagger
        .answers
        .iter()
        .take_while(|a| a.0 == document)
        .map(|(_, start, end, label, accepted)| (*start, *end, label.clone(), *accepted))
        .collect();
    let count = mine.len().min(taken);
    let workspace = &state.workspace;
    let text = (0..workspace.len())
        .filter_map(|i| workspace.annotated(i))
        .find(|a| a.document.id == document)
        .map(|a| a.document.text().to_owned());
    state.dispatch(TaggerAction::AnswersTaken(count).into());
    let Some(text) = text else {
        return;
    };
    let revision = state.revision;
    state.dispatch(TaggerAction::Started(TaggerStatus::Training).into());
    let latest = latest.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let answer = tagger::learn(&model, text, mine).await;
        let state = latest.borrow().clone();
        match answer {
            Ok(model) => {
                let model = Rc::new(model);
                state.dispatch(TaggerAction::Trained(Rc::clone(&model), Some(revision)).into());
                if state.saving.on {
                    let _ = tagger::save(&model).await;
                }
            }
            Err(error) => state.dispatch(TaggerAction::Failed(error.to_string()).into()),
        }
    });
}

/// Documents asked about per request while pre-annotating many.
const PER_REQUEST: usize = 10;

/// Asks the model for the spans of every document not marked done, a few at a time, with
/// progress; each document shows its predictions when opened.
fn pre_annotate_all(latest: &Latest) {
    let state = latest.borrow().clone();
    let Some(model) = state.tagger.model.clone() else {
        state.dispatch(TaggerAction::Failed(crate::ui::wording::TRAIN_FIRST.into()).into());
        return;
    };
    let workspace = &state.workspace;
    let documents: Vec<_> = (0..workspace.len())
        .filter(|&i| !workspace.is_done(i))
        .filter_map(|i| workspace.annotated(i))
        .collect();
    let total = documents.len();
    state.dispatch(TaggerAction::Started(TaggerStatus::Predicting).into());
    let latest = latest.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let mut done = 0;
        let mut found = 0;
        for chunk in documents.chunks(PER_REQUEST) {
            let answer = tagger::predict_many(&model, chunk).await;
            let state = latest.borrow().clone();
            match answer {
                Ok(answers) => {
                    done += chunk.len();
                    found += answers.iter().map(|(_, s, _)| s.len()).sum::<usize>();
                    let documents = answers.into_iter().map(|(id, s, _)| (id, s)).collect();
                    let progress = Some((done, total));
                    state.dispatch(
                        TaggerAction::PredictedMany {
                            documents,
                            progress,
                        }
                        .into(),
                    );
                }
                Err(error) => {
                    state.dispatch(TaggerAction::Failed(error.to_string()).into());
                    break;
                }
            }
        }
        let state = latest.borrow().clone();
        let documents = Vec::new();
        state.dispatch(
            TaggerAction::PredictedMany {
                documents,
                progress: None,
            }
            .into(),
        );
        let said = crate::ui::wording::pre_annotated(done, found);
        state.dispatch(ViewAction::Notify(Notice::info(said)).into());
    });
}

/// Asks the model for the open document's spans.
fn pre_annotate(latest: &Latest, model: &Rc<TrainedModel>) {
    let state = latest.borrow().clone();
    let document = state.workspace.open_document();
    state.dispatch(TaggerAction::Started(TaggerStatus::Predicting).into());
    let (latest, model) = (latest.clone(), Rc::clone(model));
    wasm_bindgen_futures::spawn_local(async move {
        let answer = tagger::predict(&model, &document).await;
        let state = latest.borrow().clone();
        let action = match answer {
            Ok((predictions, missing)) => TaggerAction::Predicted {
                document: document.document.id.clone(),
                predictions,
                missing,
            },
            Err(error) => TaggerAction::Failed(error.to_string()),
        };
        state.dispatch(action.into());
    });
}

/// The tagger's effects and the Model panel's actions.
#[hook]
pub fn use_tagger(latest: Latest, state: &AppState) -> Rc<ModelActions> {
    let loading = state.saving.loading;
    {
        let latest = latest.clone();
        use_effect_with(loading, move |loading| {
            if !*loading {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(model) = tagger::load().await {
                        let state = latest.borrow().clone();
                        if state.tagger.model.is_none() {
                            state.dispatch(TaggerAction::Trained(Rc::new(model), None).into());
                        }
                    }
                });
            }
        });
    }
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let latest = latest.clone();
        // Waits while the tagger is busy (an evaluation, say) and arms again when it is done.
        let stale = state.tagger.model.is_some()
            && state.tagger.trained_at != state.revision
            && state.tagger.status == TaggerStatus::Idle;
        use_effect_with((state.revision, stale), move |&(_, stale)| {
            *timer.borrow_mut() =
                stale.then(|| Timeout::new(RETRAIN_AFTER_MS, move || train_now(&latest)));
        });
    }
    {
        let latest = latest.clone();
        let ready = state.tagger.status == TaggerStatus::Idle && state.tagger.model.is_some();
        let waiting = state.tagger.answers.len();
        use_effect_with((waiting, ready), move |&(waiting, ready)| {
            if waiting > 0 && ready {
                learn_answers(&latest);
            }
        });
    }
    let actions = (*use_memo((), move |_| Rc::new(model_actions(latest)))).clone();
    {
        let pre_annotate = actions.pre_annotate.clone();
        use_effect_with(state.tagger.requested, move |&requested| {
            if requested > 0 {
                pre_annotate.emit(());
            }
        });
    }
    actions
}

fn model_actions(latest: Latest) -> ModelActions {
    let with = |run: fn(&Latest)| {
        let latest = latest.clone();
        Callback::from(move |()| run(&latest))
    };
    ModelActions {
        train: with(train_now),
        pre_annotate: with(|latest| {
            let state = latest.borrow().clone();
            match state.tagger.model.clone() {
                Some(model) => pre_annotate(latest, &model),
                None => train(latest, true),
            }
        }),
        pre_annotate_all: with(pre_annotate_all),
        evaluate: with(|latest| {
            let state = latest.borrow().clone();
            let documents = tagger::training_documents(&state.workspace);
            state.dispatch(TaggerAction::Started(TaggerStatus::Evaluating).into());
            let latest = latest.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let action = match tagger::evaluate(documents).await {
                    Ok(evaluation) => TaggerAction::Evaluated(Rc::new(evaluation)),
                    Err(error) => TaggerAction::Failed(error.to_string()),
                };
                latest.borrow().dispatch(action.into());
            });
        }),
        export: with(|latest| {
            let state = latest.borrow().clone();
            let Some(model) = state.tagger.model.clone() else {
                return;
            };
            let notice = match tagger::export(&model) {
                Ok(said) => Notice::info(said),
                Err(error) => Notice::error(error.to_string()),
            };
            state.dispatch(ViewAction::Notify(notice).into());
        }),
        import: {
            let latest = latest.clone();
            Callback::from(move |file: web_sys::File| {
                let latest = latest.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let state = latest.borrow().clone();
                    match tagger::import(&file).await {
                        Ok(model) => {
                            let model = Rc::new(model);
                            state.dispatch(TaggerAction::Trained(Rc::clone(&model), None).into());
                            let said = crate::ui::wording::imported_model(&file.name());
                            state.dispatch(ViewAction::Notify(Notice::info(said)).into());
                            if state.saving.on {
                                let _ = tagger::save(&model).await;
                            }
                        }
                        Err(error) => state
                            .dispatch(ViewAction::Notify(Notice::error(error.to_string())).into()),
                    }
                });
            })
        },
    }
}
