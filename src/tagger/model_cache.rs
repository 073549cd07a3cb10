//! The worker's model, kept between requests: the one last read or made, by its file's
//! checksum, so pre-annotating again or learning from an answer does not read the file again.

use super::model_file;
use super::protocol::{ModelSummary, TaggerFailure, TaggerResponse};
use super::Model;

thread_local! {
    /// The model last read, by its file's checksum (the file's last 8 bytes): pre-annotating
    /// again with the same model does not read half a megabyte again.
    static LAST: std::cell::RefCell<Option<(Vec<u8>, std::rc::Rc<Model>)>> =
        const { std::cell::RefCell::new(None) };
}

/// A model file's checksum, its last 8 bytes: the cache's key.
fn checksum_of(bytes: &[u8]) -> Vec<u8> {
    bytes[bytes.len().saturating_sub(8)..].to_vec()
}

/// The model of `bytes`, read once per model.
pub(super) fn cached(bytes: &[u8]) -> Result<std::rc::Rc<Model>, TaggerFailure> {
    let key = checksum_of(bytes);
    if let Some(model) = LAST.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, m)| std::rc::Rc::clone(m))
    }) {
        return Ok(model);
    }
    let model = std::rc::Rc::new(model_file::from_bytes(bytes).map_err(TaggerFailure::Tagger)?);
    LAST.with(|last| *last.borrow_mut() = Some((key, std::rc::Rc::clone(&model))));
    Ok(model)
}

/// The model of `bytes` to change: the cached one itself when it is that model (an update
/// does not copy every weight), else read from `bytes`.
pub(super) fn owned(bytes: &[u8]) -> Result<Model, TaggerFailure> {
    let key = checksum_of(bytes);
    let kept = LAST.with(|last| {
        let mut last = last.borrow_mut();
        match last.take() {
            Some((k, model)) if k == key => Some(model),
            other => {
                *last = other;
                None
            }
        }
    });
    match kept {
        Some(model) => {
            Ok(std::rc::Rc::try_unwrap(model).unwrap_or_else(|shared| (*shared).clone()))
        }
        None => model_file::from_bytes(bytes).map_err(TaggerFailure::Tagger),
    }
}

/// The answer with a model just made, which is kept as the one last read: the next request
/// (pre-annotating, say) does not read the file it was sent back as.
pub(super) fn trained(model: Model) -> TaggerResponse {
    let bytes = model_file::to_bytes(&model);
    let summary = ModelSummary::of(&model);
    let key = checksum_of(&bytes);
    LAST.with(|last| *last.borrow_mut() = Some((key, std::rc::Rc::new(model))));
    TaggerResponse::Trained {
        model: bytes,
        summary,
    }
}
