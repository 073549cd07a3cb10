//! Keeps Yew's scheduler from handing a frame to the browser halfway through showing another
//! document. Yew 0.23 yields after 16 ms of work whenever no render is queued, even while
//! updates of children's props still are: a frame could then paint the new title over the old
//! text. Mounted anew for each document (keyed by it), this component queues a render of itself
//! while it first renders. Being the newest component, its render is the last the scheduler
//! takes, so a render stays queued, and the scheduler does not yield, until every component
//! showing the document has rendered it. The rest of the page is updated in place, not mounted
//! anew (which cost a second style pass and a collection of the old nodes on every switch).

use yew::prelude::*;

/// Renders nothing; see the module's comment.
#[function_component(RenderBarrier)]
pub fn render_barrier() -> Html {
    let queued = use_mut_ref(|| false);
    let render = use_force_update();
    if !std::mem::replace(&mut *queued.borrow_mut(), true) {
        render.force_update();
    }
    html! {}
}
