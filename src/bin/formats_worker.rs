//! The dataset converters' Web Worker. The page posts `[id, …request parts]` (an array of
//! strings, see `service::Request::to_parts`); the worker answers `[id, …response parts]`
//! from `service::handle`, after first posting `"ready"`. Built by Trunk as a worker (see
//! `index.html`); offsets are Unicode code points.

#[cfg(target_arch = "wasm32")]
fn main() {
    use article_annotator::formats::service::{self, Request, Response};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::JsValue;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(message) = event.data().dyn_into::<js_sys::Array>().ok() else {
            return;
        };
        let mut parts: Vec<String> = message.iter().filter_map(|p| p.as_string()).collect();
        let id = if parts.is_empty() {
            String::new()
        } else {
            parts.remove(0)
        };
        let response = match Request::from_parts(parts) {
            Some(request) => service::handle(request),
            None => Response::Failed {
                message: "the converters could not read the request".into(),
            },
        };
        let answer: js_sys::Array = std::iter::once(id)
            .chain(response.to_parts())
            .map(JsValue::from)
            .collect();
        // If posting failed, the page would report the request as unanswered after its timeout.
        let _ = replies.post_message(&answer);
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
