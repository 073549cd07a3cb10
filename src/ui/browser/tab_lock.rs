//! One tab at a time saves the workspace, so two tabs never overwrite each other's work: the
//! Web Locks API gives the lock to the first tab, and a later tab opens the saved work without
//! saving. Browsers without the API let every tab save. (web-sys keeps Web Locks behind its
//! unstable flag, so the calls go through `Reflect`.)

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The lock's name.
const LOCK_NAME: &str = "article-annotator.workspace";

/// The lock, held until dropped.
pub struct TabLock {
    release: Option<Function>,
}

impl Drop for TabLock {
    fn drop(&mut self) {
        if let Some(release) = self.release.take() {
            let _ = release.call0(&JsValue::NULL);
        }
    }
}

/// Who may save.
pub enum Claim {
    /// This tab saves (holding the lock, if the browser has locks).
    Granted(TabLock),
    /// Another tab holds the lock.
    HeldElsewhere,
}

/// Asks for the lock without waiting for another tab to let it go.
pub async fn claim() -> Claim {
    let no_locks = || Claim::Granted(TabLock { release: None });
    let Some(window) = web_sys::window() else {
        return no_locks();
    };
    let locks = Reflect::get(&window.navigator(), &"locks".into()).unwrap_or(JsValue::UNDEFINED);
    let Some(request) = Reflect::get(&locks, &"request".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return no_locks();
    };
    let decide: Rc<RefCell<Option<Function>>> = Rc::default();
    let release: Rc<RefCell<Option<Function>>> = Rc::default();
    let decided = {
        let decide = Rc::clone(&decide);
        Promise::new(&mut |resolve, _| *decide.borrow_mut() = Some(resolve))
    };
    let callback = {
        let release = Rc::clone(&release);
        Closure::once_into_js(move |lock: JsValue| -> JsValue {
            let granted = !lock.is_null();
            // The lock is held until this promise settles.
            let held = granted
                .then(|| Promise::new(&mut |resolve, _| *release.borrow_mut() = Some(resolve)));
            if let Some(decide) = decide.borrow_mut().take() {
                let _ = decide.call1(&JsValue::NULL, &granted.into());
            }
            held.map_or(JsValue::NULL, JsValue::from)
        })
    };
    let options = Object::new();
    let _ = Reflect::set(&options, &"ifAvailable".into(), &true.into());
    if request
        .call3(&locks, &LOCK_NAME.into(), &options, &callback)
        .is_err()
    {
        return no_locks();
    }
    let granted = JsFuture::from(decided)
        .await
        .ok()
        .and_then(|value| value.as_bool())
        .unwrap_or(true);
    if granted {
        Claim::Granted(TabLock {
            release: release.borrow_mut().take(),
        })
    } else {
        Claim::HeldElsewhere
    }
}
