//! Elements waiting to come near the viewport, checked on each scroll event. A jump (the End
//! key, the scroll bar dragged, `scrollTop` set) fires its scroll event before the frame that
//! shows it is laid out, so what renders then is painted in that same frame; an
//! `IntersectionObserver` answers only after that frame, one frame late.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use web_sys::Element;

type Waiting = RefCell<Vec<(usize, Element, Rc<dyn Fn()>)>>;

/// The elements waiting, and the one scroll listener that checks them all.
pub struct NearOnScroll {
    waiting: Rc<Waiting>,
    next_key: Cell<usize>,
    _listener: Option<EventListener>,
}

/// Stops watching its element when dropped.
pub struct Watching {
    waiting: Rc<Waiting>,
    key: usize,
}

impl Drop for Watching {
    fn drop(&mut self) {
        if let Ok(mut waiting) = self.waiting.try_borrow_mut() {
            waiting.retain(|(key, _, _)| *key != self.key);
        }
    }
}

impl NearOnScroll {
    /// Listens for the page's scroll events (passive) until dropped.
    pub fn new() -> Self {
        let waiting: Rc<Waiting> = Rc::default();
        let listener = web_sys::window().map(|window| {
            let waiting = Rc::clone(&waiting);
            EventListener::new(&window, "scroll", move |_| on_scroll(&waiting))
        });
        Self {
            waiting,
            next_key: Cell::new(0),
            _listener: listener,
        }
    }

    /// Calls `on_near` at each scroll that leaves `element` within one viewport's height of the
    /// visible area, until the returned guard is dropped.
    pub fn watch(&self, element: Element, on_near: Rc<dyn Fn()>) -> Watching {
        let key = self.next_key.get();
        self.next_key.set(key + 1);
        self.waiting.borrow_mut().push((key, element, on_near));
        Watching {
            waiting: Rc::clone(&self.waiting),
            key,
        }
    }
}

impl Default for NearOnScroll {
    fn default() -> Self {
        Self::new()
    }
}

fn on_scroll(waiting: &Waiting) {
    let Some(height) = web_sys::window()
        .and_then(|window| window.inner_height().ok())
        .and_then(|height| height.as_f64())
    else {
        return;
    };
    // Every box is read before any callback runs: a callback renders, and a box read after
    // that would lay the page out again.
    let due: Vec<Rc<dyn Fn()>> = waiting
        .borrow()
        .iter()
        .filter(|(_, element, _)| {
            let rect = element.get_bounding_client_rect();
            rect.bottom() > -height && rect.top() < 2.0 * height
        })
        .map(|(_, _, on_near)| Rc::clone(on_near))
        .collect();
    for on_near in due {
        on_near();
    }
}
