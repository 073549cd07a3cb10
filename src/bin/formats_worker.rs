//! The dataset converters' Web Worker. The page posts `{id, body: Request}` and the worker
//! answers `{id, body: Response}` from `protocol::handle` — any number of `Progress` and `Documents` first —
//! as structured values (`serde-wasm-bindgen`), after first posting `"ready"`. Built by Trunk
//! as a worker (see `index.html`); offsets are Unicode code points.

#[cfg(target_arch = "wasm32")]
fn main() {
    use article_annotator::formats::protocol::{self, Envelope, Request, Response};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let post = |id: u32, body: Response| {
            // If posting failed, the page reports the request as unanswered after its timeout.
            if let Ok(message) = serde_wasm_bindgen::to_value(&Envelope { id, body }) {
                let _ = replies.post_message(&message);
            }
        };
        let envelope = serde_wasm_bindgen::from_value::<Envelope<Request>>(event.data());
        let response = match envelope {
            Ok(Envelope { id, body }) => (id, protocol::handle(body, |interim| post(id, interim))),
            Err(error) => (
                0,
                Response::Failed {
                    message: format!("the converters could not read the request: {error}"),
                },
            ),
        };
        post(response.0, response.1);
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let _ = scope.post_message(&"ready".into());
    // The engine optimizes what runs often: the first file the user picks meets warm code.
    let _ = article_annotator::formats::warm_up::warm_up();
    let _ = article_annotator::formats::warm_up::warm_up_tagger();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "formats-worker runs in the browser; the page starts it when a dataset format is used"
    );
}
