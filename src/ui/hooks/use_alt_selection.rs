//! Whether Alt was held when the latest selection was made with the mouse: such a selection
//! keeps its exact characters instead of snapping to words.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::browser::events;

/// The Alt key of the latest mouse-up, updated while the app runs.
#[hook]
pub fn use_alt_selection() -> Rc<Cell<bool>> {
    let alt = use_memo((), |_| Rc::new(Cell::new(false)));
    {
        let alt = Rc::clone(&alt);
        use_effect_with((), move |_| {
            let listener = events::listen_on_document("mouseup", move |event| {
                if let Some(event) = event.dyn_ref::<MouseEvent>() {
                    alt.set(event.alt_key());
                }
            });
            move || drop(listener)
        });
    }
    Rc::clone(&alt)
}
