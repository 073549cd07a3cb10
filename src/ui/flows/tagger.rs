//! The tagger's flows: training on the workspace, pre-annotating the open document, k-fold
//! evaluation — each a request to the converters' worker, so the page never waits on them —
//! and keeping the model: in the browser store beside the workspace, and as a file to export
//! and import. Offsets are Unicode code points.

use std::rc::Rc;

use crate::formats::protocol::{DocumentBatch, DocumentData, Request, Response};
use crate::model::suggestions::Suggestion;
use crate::model::{AnnotatedDocument, Workspace};
use crate::tagger::model_record::{ModelRecord, MODEL_KEY};
use crate::tagger::protocol::{TaggerRequest, TaggerResponse};
use crate::ui::browser::{downloads, file_reading, indexed_db, worker_client};
use crate::ui::error::AppError;
use crate::ui::flows::open_files::open_files;
use crate::ui::state::tagger::{Evaluation, TrainedModel};
use crate::ui::wording;

/// Folds of the evaluation.
pub const FOLDS: usize = 5;

/// The documents the tagger learns from: those marked done, or every document with spans
/// while none is done; of a document that has a curated version, that version alone.
pub fn training_documents(workspace: &Workspace) -> Vec<DocumentData> {
    let superseded = workspace.superseded();
    let all: Vec<(AnnotatedDocument, bool)> = (0..workspace.len())
        .filter(|&i| !superseded[i])
        .filter_map(|i| Some((workspace.annotated(i)?, workspace.is_done(i))))
        .collect();
    let any_done = all.iter().any(|(_, done)| *done);
    all.iter()
        .filter(|(a, done)| if any_done { *done } else { !a.store.is_empty() })
        .map(|(a, done)| DocumentData::of(a, *done))
        .collect()
}

async fn ask(request: TaggerRequest) -> Result<TaggerResponse, AppError> {
    match worker_client::ask(Request::Tagger(request), |_| ()).await {
        Response::Tagger(answer) => Ok(answer),
        Response::Failed { message } => Err(AppError::Converters(message)),
        _ => Err(unexpected()),
    }
}

/// The worker answered with something no tagger request asks for.
fn unexpected() -> AppError {
    AppError::Converters("the tagger answered another request".into())
}

/// A model trained on `documents`.
pub async fn train(documents: Vec<DocumentData>) -> Result<TrainedModel, AppError> {
    if documents.is_empty() {
        return Err(AppError::Converters(wording::NOTHING_TO_LEARN.into()));
    }
    match ask(TaggerRequest::Train {
        documents: DocumentBatch::pack(&documents),
    })
    .await?
    {
        TaggerResponse::Trained { model, summary } => Ok(TrainedModel {
            bytes: model.into(),
            summary,
        }),
        _ => Err(unexpected()),
    }
}

/// The model's predictions for `document` as suggestions in its labels, and the model's
/// labels it does not have.
pub async fn predict(
    model: &TrainedModel,
    document: &AnnotatedDocument,
) -> Result<(Rc<[Suggestion]>, Vec<String>), AppError> {
    let mut all = predict_many(model, std::slice::from_ref(document)).await?;
    let (_, suggestions, missing) = all.pop().ok_or_else(unexpected)?;
    Ok((suggestions, missing))
}

/// Per document (in order), its id, the model's predictions as suggestions in its labels,
/// and the model's labels it does not have.
pub async fn predict_many(
    model: &TrainedModel,
    documents: &[AnnotatedDocument],
) -> Result<Vec<(String, Rc<[Suggestion]>, Vec<String>)>, AppError> {
    let request = TaggerRequest::Predict {
        model: model.bytes.to_vec(),
        documents: DocumentBatch::of(documents.iter().map(|d| (d, false))),
    };
    let TaggerResponse::Predicted { documents: answers } = ask(request).await? else {
        return Err(unexpected());
    };
    let labels = documents.first().map(|d| Rc::clone(&d.labels));
    Ok(answers
        .into_iter()
        .map(|(id, predictions, missing)| {
            let suggestions = predictions
                .iter()
                .filter_map(|p| {
                    Some(Suggestion {
                        start: p.start,
                        end: p.end,
                        label: labels.as_ref()?.by_name(&p.label)?.id,
                        confidence: Some((p.confidence * 1000.0).round().clamp(0.0, 1000.0) as u16),
                    })
                })
                .collect();
            (id, suggestions, missing)
        })
        .collect())
}

/// The model after learning from answers about spans of `text` at once.
pub async fn learn(
    model: &TrainedModel,
    text: String,
    answers: Vec<(usize, usize, String, bool)>,
) -> Result<TrainedModel, AppError> {
    let request = TaggerRequest::Update {
        model: model.bytes.to_vec(),
        text,
        answers,
    };
    match ask(request).await? {
        TaggerResponse::Trained { model, summary } => Ok(TrainedModel {
            bytes: model.into(),
            summary,
        }),
        _ => Err(unexpected()),
    }
}

/// k-fold cross-validation by document over `documents`, and a learning curve.
pub async fn evaluate(documents: Vec<DocumentData>) -> Result<Evaluation, AppError> {
    let request = TaggerRequest::Evaluate {
        documents: DocumentBatch::pack(&documents),
        folds: FOLDS,
    };
    evaluation(ask(request).await?, None)
}

/// The model's scores on the documents of a held-out gold file (any format Open… reads);
/// the workspace is not changed.
pub async fn evaluate_on(
    model: &TrainedModel,
    file: &web_sys::File,
    current: &AnnotatedDocument,
) -> Result<Evaluation, AppError> {
    let opened = open_files(std::slice::from_ref(file), current, Rc::new(|_| ()), false).await?;
    let documents: Vec<DocumentData> = opened
        .documents
        .iter()
        .map(|(document, done)| DocumentData::of(document, *done))
        .collect();
    let request = TaggerRequest::Score {
        model: model.bytes.to_vec(),
        documents: DocumentBatch::pack(&documents),
    };
    evaluation(ask(request).await?, Some(file.name()))
}

/// An evaluation as the panel shows it, from the worker's answer.
fn evaluation(answer: TaggerResponse, held_out: Option<String>) -> Result<Evaluation, AppError> {
    let TaggerResponse::Evaluated {
        per_label,
        documents,
        folds,
        curve,
    } = answer
    else {
        return Err(unexpected());
    };
    Ok(Evaluation {
        per_label,
        documents,
        folds,
        curve: curve
            .into_iter()
            .map(|(n, f1)| (n, (f1 * 1000.0).round() as u16))
            .collect(),
        held_out,
    })
}

/// Keeps the model in the browser store beside the workspace.
pub async fn save(model: &TrainedModel) -> Result<(), AppError> {
    let record = ModelRecord::new(model.summary.clone(), &model.bytes).to_json();
    indexed_db::write(&indexed_db::Writes::put(vec![(
        MODEL_KEY.to_owned(),
        record,
    )]))
    .await?;
    Ok(())
}

/// The model the browser store keeps, if there is one that can be read.
pub async fn load() -> Option<TrainedModel> {
    let record = indexed_db::read(&[MODEL_KEY.to_owned()])
        .await
        .ok()?
        .pop()??;
    let (summary, bytes) = ModelRecord::from_json(&record).ok()?;
    Some(TrainedModel {
        bytes: bytes.into(),
        summary,
    })
}

/// The name of an exported model file.
pub const MODEL_FILE: &str = "article-annotator.model";

/// Downloads the model file.
pub fn export(model: &TrainedModel) -> Result<String, AppError> {
    downloads::download_bytes(MODEL_FILE, "application/octet-stream", &model.bytes)?;
    Ok(wording::exported_model(MODEL_FILE))
}

/// The model in a picked file, or why it is refused (nothing changes then).
pub async fn import(file: &web_sys::File) -> Result<TrainedModel, AppError> {
    let name = file.name();
    let refused = |error: &dyn std::fmt::Display| {
        AppError::Converters(wording::refused_model(&name, &error.to_string()))
    };
    let bytes = file_reading::read_bytes(file)
        .await
        .map_err(|e| refused(&e))?;
    // The worker reads it: the model reader stays out of the page's WebAssembly.
    match ask(TaggerRequest::Read { model: bytes }).await {
        Ok(TaggerResponse::Trained { model, summary }) => Ok(TrainedModel {
            bytes: model.into(),
            summary,
        }),
        Ok(_) => Err(unexpected()),
        Err(AppError::Converters(message)) => Err(refused(&message)),
        Err(other) => Err(other),
    }
}
