//! The tagger's hash maps and sets: their keys are features (hashes already) or short words,
//! looked up tens of thousands of times per document, so they are mixed with a multiply
//! rather than hashed with SipHash (which was a fifth of tagging a document). No input here
//! is chosen by an adversary who could profit from collisions: a document only slows itself.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use super::features::Feature;

/// A map keyed by feature. Iteration order is not relied on: the model file sorts its
/// features.
pub type FeatureMap<V> = HashMap<Feature, V, BuildHasherDefault<QuickHasher>>;

/// A set of words or phrases (lower case, words joined by one space).
pub type WordSet = HashSet<String, BuildHasherDefault<QuickHasher>>;

/// A set of words written in the source.
pub type StaticWords = HashSet<&'static str, BuildHasherDefault<QuickHasher>>;

/// A map keyed by word or phrase. Iteration order is not relied on: the model file sorts its
/// phrases.
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<QuickHasher>>;

/// The hasher of these maps: a multiply and shift per 64 bits of the key.
#[derive(Default)]
pub struct QuickHasher(u64);

impl std::hash::Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word) ^ self.0.rotate_left(8));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.write_u64(u64::from(byte) ^ self.0.rotate_left(8));
    }

    fn write_u64(&mut self, value: u64) {
        let mixed = (value ^ (value >> 31)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = mixed ^ (mixed >> 29);
    }
}
