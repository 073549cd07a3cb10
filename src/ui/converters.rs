//! The page's side of the dataset converters ([`crate::formats::service`]). In the built app
//! they run in a Web Worker started on first use, so their code is not part of the page's
//! first load; with the `inline-formats` feature (browser tests) they run in the page.

use crate::formats::service::{Request, Response};

/// How long a request may take before the user is told it failed.
#[cfg(not(feature = "inline-formats"))]
const ANSWER_TIMEOUT_MS: u32 = 120_000;

/// Sends `request` to the converters and waits for their answer.
#[cfg(feature = "inline-formats")]
pub async fn ask(request: &Request) -> Response {
    crate::formats::service::handle(request.clone())
}

/// Sends `request` to the converters and waits for their answer.
#[cfg(not(feature = "inline-formats"))]
pub async fn ask(request: &Request) -> Response {
    match worker::Client::shared() {
        Ok(client) => Response::from_parts(&client.send(request.to_parts()).await),
        Err(error) => Response::Failed {
            message: format!("the converters could not start: {error}"),
        },
    }
}

/// A `failed` answer as the worker would send it.
#[cfg(not(feature = "inline-formats"))]
fn failed(message: &str) -> js_sys::Array {
    let response = Response::Failed {
        message: message.to_owned(),
    };
    response
        .to_parts()
        .iter()
        .map(wasm_bindgen::JsValue::from)
        .collect()
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
        queued: Rc<RefCell<Vec<js_sys::Array>>>,
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
            // Trunk builds the worker for `importScripts`; static/formats-loader.js loads it
            // and its wasm. A file of the app's own, not a blob, so the page's
            // Content-Security-Policy (worker-src 'self') lets it start.
            let script = "formats-loader.js";
            let worker = Worker::new(script).map_err(fail)?;

            let ready = Rc::new(Cell::new(false));
            let queued: Rc<RefCell<Vec<js_sys::Array>>> = Rc::default();
            let pending: Pending = Rc::default();
            let onmessage = {
                let (worker, ready, queued, pending) = (
                    worker.clone(),
                    ready.clone(),
                    queued.clone(),
                    pending.clone(),
                );
                Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                    let data = event.data();
                    if data.as_string().as_deref() == Some("ready") {
                        ready.set(true);
                        for request in queued.borrow_mut().drain(..) {
                            let _ = worker.post_message(&request);
                        }
                        return;
                    }
                    // An answer: [id, …response parts].
                    let Some(answer) = data.dyn_ref::<js_sys::Array>() else {
                        return;
                    };
                    let id = answer.shift().as_string().and_then(|id| id.parse().ok());
                    if let Some(resolve) = id.and_then(|id| pending.borrow_mut().remove(&id)) {
                        let _ = resolve.call1(&JsValue::NULL, answer);
                    }
                })
            };
            let onerror = {
                let pending = pending.clone();
                Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
                    // The worker is gone: answer everyone, and start afresh next time.
                    let answer = failed("the converters stopped unexpectedly; nothing was changed");
                    for (_, resolve) in pending.borrow_mut().drain() {
                        let _ = resolve.call1(&JsValue::NULL, &answer);
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

        /// Sends one request's parts and waits for the answer's (a `failed` one after the
        /// timeout).
        pub async fn send(&self, request: Vec<String>) -> Vec<String> {
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
                        let _ = resolve.call1(&JsValue::NULL, &answer);
                    }
                })
            };
            let message: js_sys::Array = std::iter::once(id.to_string())
                .chain(request)
                .map(JsValue::from)
                .collect();
            if self.ready.get() {
                let _ = self.worker.post_message(&message);
            } else {
                self.queued.borrow_mut().push(message);
            }
            let answer = JsFuture::from(answered).await;
            drop(timeout);
            let answer = answer.ok().and_then(|a| a.dyn_into::<js_sys::Array>().ok());
            let answer = answer.unwrap_or_else(|| failed("the converters gave no answer"));
            answer.iter().filter_map(|part| part.as_string()).collect()
        }
    }
}
