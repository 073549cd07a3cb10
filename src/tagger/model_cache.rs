//! The worker's model, kept between requests: the one last read or made, by its file's
//! checksum, so pre-annotating again or learning from an answer does not read the file again.

use std::cell::RefCell;
use std::rc::Rc;

use super::model_file;
use super::protocol::{ModelSummary, TaggerFailure, TaggerResponse};
use super::Model;

thread_local! {
    /// The model last read or made, by its file's checksum (the file's last 8 bytes).
    static LAST: RefCell<Option<(Vec<u8>, Rc<Model>)>> = const { RefCell::new(None) };
}

/// A model file's checksum, its last 8 bytes: the cache's key.
fn checksum_of(bytes: &[u8]) -> Vec<u8> {
    bytes[bytes.len().saturating_sub(8)..].to_vec()
}

/// The kept model if it is the one of `bytes`; taken out of the cache when `take`.
fn kept(bytes: &[u8], take: bool) -> Option<Rc<Model>> {
    let key = checksum_of(bytes);
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        let model = last
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, m)| Rc::clone(m))?;
        if take {
            *last = None;
        }
        Some(model)
    })
}

/// Keeps `model`, whose file is `bytes`, as the one last read.
fn keep(bytes: &[u8], model: Rc<Model>) {
    LAST.with(|last| *last.borrow_mut() = Some((checksum_of(bytes), model)));
}

fn read(bytes: &[u8]) -> Result<Model, TaggerFailure> {
    model_file::from_bytes(bytes).map_err(TaggerFailure::Tagger)
}

/// The model of `bytes`, read once per model.
pub(super) fn cached(bytes: &[u8]) -> Result<Rc<Model>, TaggerFailure> {
    if let Some(model) = kept(bytes, false) {
        return Ok(model);
    }
    let model = Rc::new(read(bytes)?);
    keep(bytes, Rc::clone(&model));
    Ok(model)
}

/// The model of `bytes` to change: the cached one itself when it is that model (an update
/// does not copy every weight), else read from `bytes`.
pub(super) fn owned(bytes: &[u8]) -> Result<Model, TaggerFailure> {
    match kept(bytes, true) {
        Some(model) => Ok(Rc::try_unwrap(model).unwrap_or_else(|shared| (*shared).clone())),
        None => read(bytes),
    }
}

/// The answer with a model just made, which is kept as the one last read: the next request
/// (pre-annotating, say) does not read the file it was sent back as.
pub(super) fn trained(model: Model) -> TaggerResponse {
    let bytes = model_file::to_bytes(&model);
    let summary = ModelSummary::of(&model);
    keep(&bytes, Rc::new(model));
    TaggerResponse::Trained {
        model: bytes,
        summary,
    }
}
