//! One sort for the page's code: the lists the page puts in order go through here, sorted as
//! indices under a comparison behind a reference, so the page's WebAssembly holds one copy of
//! the standard library's sort. Each `sort_by_key` on its own element type or key closure compiled
//! a copy of its own (12 copies, 45 KB before optimization). Sorts are stable.

use std::cmp::Ordering;

/// The indices `0..len` in the order `compare` puts them (stable: equal ones keep theirs).
#[inline(never)]
pub fn order_of(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Sorts `items` by `compare`, stably.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = order_of(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` by the key `key` gives each, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}
