//! The model file: a little-endian binary, "AANERMDL", a version, the labels with what they
//! were learned from, the transitions, the weights, the gazetteer, and an FNV-1a checksum of
//! all before it, so a file that is cut short or damaged is refused, never half read.

use super::error::TaggerError;
use super::gazetteer::Gazetteer;
use super::hashing::WordMap;
use super::perceptron::{FeatureMap, Model, LAYERS};

/// The first bytes of every model file.
const MAGIC: &[u8; 8] = b"AANERMDL";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;

fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The bytes of `model`.
pub fn to_bytes(model: &Model) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    let u32_ = |out: &mut Vec<u8>, v: usize| out.extend((v as u32).to_le_bytes());
    let text = |out: &mut Vec<u8>, s: &str| {
        out.extend((s.len() as u32).to_le_bytes());
        out.extend(s.as_bytes());
    };
    out.extend(VERSION.to_le_bytes());
    u32_(&mut out, model.labels.len());
    for (label, spans) in model.labels.iter().zip(&model.spans_per_label) {
        text(&mut out, label);
        u32_(&mut out, *spans);
    }
    u32_(&mut out, model.documents);
    out.extend(model.consistent.iter().map(|&c| u8::from(c)));
    for value in model.transitions.iter().flatten().flatten() {
        out.extend(value.to_le_bytes());
    }
    let mut features: Vec<_> = model.weights.iter().collect();
    features.sort_by_key(|(f, _)| **f);
    u32_(&mut out, features.len());
    for (feature, weights) in features {
        out.extend(feature.to_le_bytes());
        for w in weights {
            out.extend(w.to_le_bytes());
        }
    }
    for phrases in model.gazetteer.entries() {
        let mut phrases: Vec<_> = phrases.iter().collect();
        phrases.sort();
        u32_(&mut out, phrases.len());
        for (phrase, documents) in phrases {
            text(&mut out, phrase);
            u32_(&mut out, *documents);
        }
    }
    let sum = checksum(&out);
    out.extend(sum.to_le_bytes());
    out
}

/// A reader over the file's bytes that refuses to read past the end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], TaggerError> {
        let end = self.at.checked_add(n).ok_or(TaggerError::Truncated)?;
        let slice = self.bytes.get(self.at..end).ok_or(TaggerError::Truncated)?;
        self.at = end;
        Ok(slice)
    }
    fn u32(&mut self) -> Result<usize, TaggerError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }
    fn f32(&mut self) -> Result<f32, TaggerError> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, TaggerError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    /// A count of items each at least `size` bytes long, refused if they cannot fit.
    fn count(&mut self, size: usize) -> Result<usize, TaggerError> {
        let n = self.u32()?;
        if n.saturating_mul(size) > self.bytes.len() - self.at {
            return Err(TaggerError::Truncated);
        }
        Ok(n)
    }
    fn text(&mut self) -> Result<String, TaggerError> {
        let n = self.count(1)?;
        let at = self.at;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| TaggerError::Corrupt { at })
    }
}

/// Whether `bytes` are a whole model file of this version (its mark, version and checksum),
/// without reading the model: the page's check of a saved model, which leaves the reading
/// to the worker.
pub fn check(bytes: &[u8]) -> Result<(), TaggerError> {
    body_of(bytes).map(|_| ())
}

/// The bytes before the checksum, once the mark, the version and the checksum are right.
fn body_of(bytes: &[u8]) -> Result<&[u8], TaggerError> {
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(TaggerError::NotAModel);
    }
    let version = Reader { bytes, at: 8 }.u32()?;
    if version != VERSION as usize {
        return Err(TaggerError::Version {
            found: version as u32,
        });
    }
    if bytes.len() < 20 {
        return Err(TaggerError::Truncated);
    }
    let (body, tail) = bytes.split_at(bytes.len() - 8);
    let mut sum = [0u8; 8];
    sum.copy_from_slice(tail);
    if checksum(body) != u64::from_le_bytes(sum) {
        return Err(TaggerError::Truncated);
    }
    Ok(body)
}

/// The model in `bytes`, or why they are not one.
pub fn from_bytes(bytes: &[u8]) -> Result<Model, TaggerError> {
    let body = body_of(bytes)?;
    let mut r = Reader {
        bytes: body,
        at: 12,
    };
    let count = r.count(8)?;
    let mut labels = Vec::with_capacity(count);
    let mut spans_per_label = Vec::with_capacity(count);
    for _ in 0..count {
        labels.push(r.text()?);
        spans_per_label.push(r.u32()?);
    }
    let mut model = Model::empty(labels);
    model.spans_per_label = spans_per_label;
    model.documents = r.u32()?;
    let at = r.at;
    model.consistent = r
        .take(count)?
        .iter()
        .map(|&b| match b {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(TaggerError::Corrupt { at }),
        })
        .collect::<Result<_, _>>()?;
    for layer in &mut model.transitions {
        for value in layer.iter_mut().flatten() {
            *value = r.f32()?;
        }
    }
    let width = LAYERS * (model.tags() - 1);
    let features = r.count(8 + 4 * width)?;
    let mut weights = FeatureMap::with_capacity_and_hasher(features, Default::default());
    for _ in 0..features {
        let feature = r.u64()?;
        let w = (0..width).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
        weights.insert(feature, w);
    }
    model.weights = weights;
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        let n = r.count(8)?;
        let mut phrases = WordMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let phrase = r.text()?;
            phrases.insert(phrase, r.u32()?);
        }
        entries.push(phrases);
    }
    if r.at != body.len() {
        return Err(TaggerError::Corrupt { at: r.at });
    }
    model.gazetteer = Gazetteer::from_entries(entries);
    Ok(model)
}
