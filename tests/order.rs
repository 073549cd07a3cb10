//! The app's one sort (`model::order`) orders as the standard library's stable sort does.
#![cfg(not(target_arch = "wasm32"))]

use article_annotator::model::order;
use proptest::prelude::*;

proptest! {
    #[test]
    fn it_sorts_stably_as_the_standard_sort_does(items in prop::collection::vec((0u8..6, any::<u16>()), 0..200)) {
        let mut ours = items.clone();
        order::sort_by_key(&mut ours, |(key, _)| *key);
        let mut theirs = items.clone();
        theirs.sort_by_key(|(key, _)| *key);
        prop_assert_eq!(&ours, &theirs);
        let mut natural = items.clone();
        order::sort(&mut natural);
        theirs = items.clone();
        theirs.sort();
        prop_assert_eq!(natural, theirs);
        let indices = order::order_of(items.len(), &|a, b| items[b].cmp(&items[a]));
        let mut expected: Vec<usize> = (0..items.len()).collect();
        expected.sort_by(|&a, &b| items[b].cmp(&items[a]));
        prop_assert_eq!(indices, expected);
    }
}
