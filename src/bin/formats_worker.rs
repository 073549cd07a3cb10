//! The dataset converters' Web Worker. The page posts `"<id>\n<request JSON>"`; the worker
//! answers `"<id>\n<response JSON>"` from [`service::handle`], after first posting `"ready"`.
//! Built by Trunk as a worker (see `index.html`); offsets are Unicode code points.

#[cfg(target_arch = "wasm32")]
fn main() {
    use article_annotator::formats::service;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(message) = event.data().as_string() else {
            return;
        };
        let (id, request) = message.split_once('\n').unwrap_or(("0", &message));
        let response = service::handle(request);
        // If posting failed, the page would report the request as unanswered after its timeout.
        let _ = replies.post_message(&format!("{id}\n{response}").into());
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let _ = scope.post_message(&"ready".into());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "formats-worker runs in the browser; the page starts it when a dataset format is used"
    );
}
