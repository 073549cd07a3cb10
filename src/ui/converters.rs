//! The page's side of the dataset converters ([`crate::formats::service`]). In the built app
//! they run in a Web Worker started on first use, so their code is not part of the page's
//! first load; with the `inline-formats` feature (browser tests) they run in the page.

use crate::formats::service::{Request, Response};

/// How long a request may take before the user is told it failed.
#[cfg(not(feature = "inline-formats"))]
const ANSWER_TIMEOUT_MS: u32 = 120_000;

/// Sends `request` to the converters and waits for their answer.
pub async fn ask(request: &Request) -> Response {
    let json = match serde_json::to_string(request) {
        Ok(json) => json,
        Err(error) => {
            return Response::Failed {
                message: error.to_string(),
            }
        }
    };
    let answer = answer(json).await;
    serde_json::from_str(&answer).unwrap_or_else(|error| Response::Failed {
        message: format!("the converters' answer could not be read: {error}"),
    })
}

#[cfg(feature = "inline-formats")]
async fn answer(request: String) -> String {
    crate::formats::service::handle(&request)
}

#[cfg(not(feature = "inline-formats"))]
async fn answer(request: String) -> String {
    match worker::Client::shared() {
        Ok(client) => client.send(request).await,
        Err(error) => failed(&format!("the converters could not start: {error}")),
    }
}

/// A `failed` response as JSON.
#[cfg(not(feature = "inline-formats"))]
fn failed(message: &str) -> String {
    let response = Response::Failed {
        message: message.to_owned(),
    };
    serde_json::to_string(&response).unwrap_or_default()
}

#[cfg(not(feature = "inline-formats"))]
mod worker {
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;
    use std::rc::Rc;

    use gloo_timers::callback::Timeout;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{MessageEvent, Worker};

    use super::{failed, ANSWER_TIMEOUT_MS};

    thread_local! {
        static CLIENT: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
    }

    /// Requests waiting for an answer, by id: the function that resolves each one's promise.
    type Pending = Rc<RefCell<HashMap<u32, js_sys::Function>>>;

    /// The running worker, the requests sent before it was ready, and those awaiting answers.
    pub struct Client {
        worker: Worker,
        ready: Rc<Cell<bool>>,
        queued: Rc<RefCell<Vec<String>>>,
        pending: Pending,
        next_id: Cell<u32>,
        _onmessage: Closure<dyn FnMut(MessageEvent)>,
        _onerror: Closure<dyn FnMut(web_sys::Event)>,
    }

    impl Client {
        /// The page's worker, started now if it is not running.
        pub fn shared() -> Result<Rc<Self>, String> {
            if let Some(client) = CLIENT.with(|c| c.borrow().clone()) {
                return Ok(client);
            }
            let client = Rc::new(Self::start()?);
            CLIENT.with(|c| *c.borrow_mut() = Some(client.clone()));
            Ok(client)
        }

        fn start() -> Result<Self, String> {
            let fail = |error: JsValue| format!("{error:?}");
            let base = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.base_uri().ok().flatten())
                .ok_or("no page address")?;
            let url = |file: &str| {
                web_sys::Url::new_with_base(file, &base)
                    .map(|url| url.href())
                    .map_err(fail)
            };
            // Trunk builds the worker for `importScripts`; a tiny script loads it and its wasm.
            let loader = format!(
                "importScripts({:?}); wasm_bindgen({:?});",
                url("formats-worker.js")?,
                url("formats-worker_bg.wasm")?
            );
            let parts = js_sys::Array::of1(&loader.into());
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("text/javascript");
            let blob =
                web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
            let script = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
            let worker = Worker::new(&script).map_err(fail)?;

            let ready = Rc::new(Cell::new(false));
            let queued: Rc<RefCell<Vec<String>>> = Rc::default();
            let pending: Pending = Rc::default();
            let onmessage = {
                let (worker, ready, queued, pending) = (
                    worker.clone(),
                    ready.clone(),
                    queued.clone(),
                    pending.clone(),
                );
                Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                    let Some(message) = event.data().as_string() else {
                        return;
                    };
                    if message == "ready" {
                        ready.set(true);
                        for request in queued.borrow_mut().drain(..) {
                            let _ = worker.post_message(&request.into());
                        }
                        return;
                    }
                    if let Some((id, response)) = message.split_once('\n') {
                        let resolve = id
                            .parse()
                            .ok()
                            .and_then(|id| pending.borrow_mut().remove(&id));
                        if let Some(resolve) = resolve {
                            let _ = resolve.call1(&JsValue::NULL, &response.into());
                        }
                    }
                })
            };
            let onerror = {
                let pending = pending.clone();
                Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
                    // The worker is gone: answer everyone, and start afresh next time.
                    let answer = failed("the converters stopped unexpectedly; nothing was changed");
                    for (_, resolve) in pending.borrow_mut().drain() {
                        let _ = resolve.call1(&JsValue::NULL, &answer.as_str().into());
                    }
                    CLIENT.with(|c| c.borrow_mut().take());
                })
            };
            worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
            worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
            Ok(Self {
                worker,
                ready,
                queued,
                pending,
                next_id: Cell::new(1),
                _onmessage: onmessage,
                _onerror: onerror,
            })
        }

        /// Sends one request and waits for its answer (a `failed` one after the timeout).
        pub async fn send(&self, request: String) -> String {
            let id = self.next_id.get();
            self.next_id.set(id + 1);
            let pending = self.pending.clone();
            let answered = js_sys::Promise::new(&mut |resolve, _reject| {
                pending.borrow_mut().insert(id, resolve);
            });
            let timeout = {
                let pending = self.pending.clone();
                Timeout::new(ANSWER_TIMEOUT_MS, move || {
                    if let Some(resolve) = pending.borrow_mut().remove(&id) {
                        let answer = failed("the converters did not answer in time");
                        let _ = resolve.call1(&JsValue::NULL, &answer.as_str().into());
                    }
                })
            };
            let message = format!("{id}\n{request}");
            if self.ready.get() {
                let _ = self.worker.post_message(&message.into());
            } else {
                self.queued.borrow_mut().push(message);
            }
            let answer = JsFuture::from(answered).await;
            drop(timeout);
            answer
                .ok()
                .and_then(|answer| answer.as_string())
                .unwrap_or_else(|| failed("the converters gave no answer"))
        }
    }
}
