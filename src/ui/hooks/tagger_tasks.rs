//! The tagger's tasks, each a request to the worker started with the newest state: train,
//! learn from the latest answers at once, pre-annotate the open document or every document to
//! do. The tagger's hook and the Model panel start them.

use std::rc::Rc;

use super::use_latest::Latest;
use crate::ui::flows::tagger;
use crate::ui::state::tagger::TrainedModel;
use crate::ui::state::{Notice, TaggerAction, TaggerStatus, ViewAction};

/// Trains on the newest workspace and keeps the model (in the store too, when saving is on).
pub fn train_now(latest: &Latest) {
    train(latest, false);
}

/// Trains as `train_now` does; then pre-annotates the open document if `then_predict` or if
/// it shows predictions (which the new model may change).
pub fn train(latest: &Latest, then_predict: bool) {
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
pub fn learn_answers(latest: &Latest) {
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
        .find(|a| a.document.version_key() == document)
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
pub fn pre_annotate_all(latest: &Latest) {
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
pub fn pre_annotate(latest: &Latest, model: &Rc<TrainedModel>) {
    let state = latest.borrow().clone();
    let document = state.workspace.open_document();
    state.dispatch(TaggerAction::Started(TaggerStatus::Predicting).into());
    let (latest, model) = (latest.clone(), Rc::clone(model));
    wasm_bindgen_futures::spawn_local(async move {
        let answer = tagger::predict(&model, &document).await;
        let state = latest.borrow().clone();
        let action = match answer {
            Ok((predictions, missing)) => TaggerAction::Predicted {
                document: document.document.version_key(),
                predictions,
                missing,
            },
            Err(error) => TaggerAction::Failed(error.to_string()),
        };
        state.dispatch(action.into());
    });
}
