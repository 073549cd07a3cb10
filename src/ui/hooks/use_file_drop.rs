//! Files dropped anywhere on the page open like picked ones.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::browser::{events, worker_client};

/// Calls `on_files` with the files of every drop on the page.
#[hook]
pub fn use_file_drop(on_files: Callback<Vec<web_sys::File>>) {
    use_effect_with((), move |_| {
        // Files on their way: start the converters' worker, which opens them.
        let over = events::listen_on_document("dragover", |event| {
            event.prevent_default();
            worker_client::warm_up();
        });
        let on_drop = events::listen_on_document("drop", move |event| {
            let Some(files) = event
                .dyn_ref::<web_sys::DragEvent>()
                .and_then(|event| event.data_transfer())
                .and_then(|transfer| transfer.files())
            else {
                return;
            };
            event.prevent_default();
            let files = events::files_of(&files);
            if !files.is_empty() {
                on_files.emit(files);
            }
        });
        move || drop((over, on_drop))
    });
}
