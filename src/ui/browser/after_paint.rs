//! Running work once the browser has painted the current change and is idle: from the next
//! frame, in the first idle period after it (so the work never delays input or the frame
//! after), or after a short wait where neither comes (a hidden tab paints no frames).

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long to wait for a frame before running anyway, in milliseconds.
const NO_FRAME_MS: u32 = 100;

/// Runs `work` once: in the first idle period after the next frame, or after
/// [`NO_FRAME_MS`], whichever comes first.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    let work = Rc::new(Cell::new(Some(work)));
    let run = {
        let work = Rc::clone(&work);
        move || {
            if let Some(work) = work.take() {
                work();
            }
        }
    };
    let from_frame = run.clone();
    let frame = Closure::once_into_js(move || {
        let idle = Closure::once_into_js(from_frame);
        if let Some(window) = web_sys::window() {
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(NO_FRAME_MS);
            let _ = window.request_idle_callback_with_options(idle.unchecked_ref(), &options);
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(frame.unchecked_ref());
    }
    Timeout::new(NO_FRAME_MS, run).forget();
}

/// Runs `work` in a task of its own once the next frame has been painted, when the page's
/// layout is up to date: what it reads of the layout (a scroll position, a height) costs no
/// layout of its own, as it would in the middle of a render.
pub fn after_frame(work: impl FnOnce() + 'static) {
    let frame = Closure::once_into_js(move || Timeout::new(0, work).forget());
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(frame.unchecked_ref());
    }
}
