//! The page's side of the dataset converters ([`crate::formats::protocol`]). In the built app
//! they run in a Web Worker started on first use, so their code is not part of the page's
//! first load; with the `inline-formats` feature (browser tests) they run in the page.
//! Requests and answers cross as structured values (`serde-wasm-bindgen`).

use crate::formats::protocol::{Request, Response};

/// How long a request may take before the user is told it failed.
#[cfg(not(feature = "inline-formats"))]
const ANSWER_TIMEOUT_MS: u32 = 120_000;

/// Sends `request` to the converters and waits for their answer; `interim` hears what comes
/// before it (`Progress` and `Documents` while they open many documents).
#[cfg(feature = "inline-formats")]
pub async fn ask(request: Request, interim: impl Fn(Response) + 'static) -> Response {
    crate::formats::protocol::handle(request, interim)
}

/// Sends `request` to the converters and waits for their answer; `interim` hears what comes
/// before it (`Progress` and `Documents` while they open many documents), each in a task of
/// its own.
#[cfg(not(feature = "inline-formats"))]
pub async fn ask(request: Request, interim: impl Fn(Response) + 'static) -> Response {
    match worker::Client::shared() {
        Ok(client) => client.send(request, Box::new(interim)).await,
        Err(message) => failed(format!("the converters could not start: {message}")),
    }
}

/// Starts the converters' worker if it is not running, so the first file opened does not wait
/// for its code to load (called when the user points at Open… or drags files over the page).
pub fn warm_up() {
    #[cfg(not(feature = "inline-formats"))]
    let _ = worker::Client::shared();
}

#[cfg(not(feature = "inline-formats"))]
fn failed(message: impl Into<String>) -> Response {
    Response::Failed {
        message: message.into(),
    }
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
    use crate::formats::protocol::{Envelope, Request, Response};

    thread_local! {
        static CLIENT: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
    }

    /// A request waiting for its answer.
    struct Waiter {
        resolve: js_sys::Function,
        interim: Box<dyn Fn(Response)>,
        answer: Rc<RefCell<Option<Response>>>,
    }

    type Pending = Rc<RefCell<HashMap<u32, Waiter>>>;

    /// Answers a waiter and forgets it.
    fn answer(pending: &Pending, id: u32, response: Response) {
        if let Some(waiter) = pending.borrow_mut().remove(&id) {
            *waiter.answer.borrow_mut() = Some(response);
            let _ = waiter.resolve.call0(&JsValue::NULL);
        }
    }

    /// The running worker, the requests sent before it was ready, and those awaiting answers.
    pub struct Client {
        worker: Worker,
        ready: Rc<Cell<bool>>,
        queued: Rc<RefCell<Vec<JsValue>>>,
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
            // Trunk builds the worker for `importScripts`; static/formats-loader.js loads it
            // and its wasm. A file of the app's own, not a blob, so the page's
            // Content-Security-Policy (worker-src 'self') lets it start.
            let worker = Worker::new("formats-loader.js").map_err(|e| format!("{e:?}"))?;
            let ready = Rc::new(Cell::new(false));
            let queued: Rc<RefCell<Vec<JsValue>>> = Rc::default();
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
                        for message in queued.borrow_mut().drain(..) {
                            let _ = worker.post_message(&message);
                        }
                        return;
                    }
                    let Ok(envelope) = serde_wasm_bindgen::from_value::<Envelope<Response>>(data)
                    else {
                        return;
                    };
                    match envelope.body {
                        interim @ (Response::Progress { .. } | Response::Documents(_)) => {
                            if let Some(waiter) = pending.borrow().get(&envelope.id) {
                                (waiter.interim)(interim);
                            }
                        }
                        response => answer(&pending, envelope.id, response),
                    }
                })
            };
            let onerror = {
                let pending = pending.clone();
                Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
                    // The worker is gone: answer everyone, and start afresh next time.
                    let ids: Vec<u32> = pending.borrow().keys().copied().collect();
                    for id in ids {
                        let message = "the converters stopped unexpectedly; nothing was changed";
                        answer(&pending, id, failed(message));
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

        /// Sends one request and waits for its answer (a failure after the timeout).
        pub async fn send(&self, request: Request, interim: Box<dyn Fn(Response)>) -> Response {
            let id = self.next_id.get();
            self.next_id.set(id + 1);
            let message = match serde_wasm_bindgen::to_value(&Envelope { id, body: request }) {
                Ok(message) => message,
                Err(error) => return failed(format!("the request could not be sent: {error}")),
            };
            let slot = Rc::new(RefCell::new(None));
            let pending = self.pending.clone();
            let answered = js_sys::Promise::new(&mut |resolve, _reject| {
                let waiter = Waiter {
                    resolve,
                    interim: Box::new(|_| ()),
                    answer: Rc::clone(&slot),
                };
                pending.borrow_mut().insert(id, waiter);
            });
            if let Some(waiter) = self.pending.borrow_mut().get_mut(&id) {
                waiter.interim = interim;
            }
            let timeout = {
                let pending = self.pending.clone();
                Timeout::new(ANSWER_TIMEOUT_MS, move || {
                    answer(
                        &pending,
                        id,
                        failed("the converters did not answer in time"),
                    );
                })
            };
            if self.ready.get() {
                let _ = self.worker.post_message(&message);
            } else {
                self.queued.borrow_mut().push(message);
            }
            let _ = JsFuture::from(answered).await;
            drop(timeout);
            let response = slot.borrow_mut().take();
            response.unwrap_or_else(|| failed("the converters gave no answer"))
        }
    }
}
