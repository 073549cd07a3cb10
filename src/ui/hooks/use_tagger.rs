//! The tagger's effects: the saved model read back at startup, retraining in the worker by
//! itself a moment after the workspace changes (once a model exists), and the Model panel's
//! actions (train, pre-annotate, evaluate, export and import the model). None of them waits on
//! the page: the worker trains and predicts.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::tagger_tasks::{learn_answers, pre_annotate, pre_annotate_all, train, train_now};
use super::use_latest::Latest;
use crate::ui::error::AppError;
use crate::ui::flows::tagger;
use crate::ui::state::tagger::Evaluation;
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
    /// Score the model on a picked held-out gold file.
    pub evaluate_on: Callback<web_sys::File>,
    /// Download the model file.
    pub export: Callback<()>,
    /// A picked model file.
    pub import: Callback<web_sys::File>,
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
            evaluate_with(latest, async move { tagger::evaluate(documents).await });
        }),
        evaluate_on: {
            let latest = latest.clone();
            Callback::from(move |file: web_sys::File| {
                let state = latest.borrow().clone();
                let Some(model) = state.tagger.model.clone() else {
                    return;
                };
                let current = state.workspace.open_document();
                evaluate_with(&latest, async move {
                    tagger::evaluate_on(&model, &file, &current).await
                });
            })
        },
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

/// Says the tagger is evaluating, then shows what `evaluation` gives, or why it failed.
fn evaluate_with(
    latest: &Latest,
    evaluation: impl std::future::Future<Output = Result<Evaluation, AppError>> + 'static,
) {
    latest
        .borrow()
        .dispatch(TaggerAction::Started(TaggerStatus::Evaluating).into());
    let latest = latest.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let action = match evaluation.await {
            Ok(evaluation) => TaggerAction::Evaluated(Rc::new(evaluation)),
            Err(error) => TaggerAction::Failed(error.to_string()),
        };
        latest.borrow().dispatch(action.into());
    });
}
