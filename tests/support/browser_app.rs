//! Shared helpers for the browser tests: mount the App, select text as a mouse would, press
//! keys, pick files, read the autosaved export. DOM offsets are UTF-16; exports are code points.
#![allow(dead_code)] // each test binary uses a different subset

use article_annotator::formats::{history_json, native_json, workspace_file};
use article_annotator::ui::browser::indexed_db as workspace_store;
use article_annotator::ui::browser::local_storage::DOCUMENT_KEY;
use article_annotator::ui::flows::autosave::{document_key, META_KEY};
use article_annotator::ui::App;
use gloo_timers::future::TimeoutFuture;
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

pub fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

/// A mounted App in a fresh div; destroyed (listeners removed) when dropped.
pub struct Mounted {
    /// The div the App is mounted in.
    pub root: Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

impl Mounted {
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).expect("selector");
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .collect()
    }

    pub fn texts(&self, selector: &str) -> Vec<String> {
        self.all(selector)
            .iter()
            .map(|e| e.text_content().unwrap_or_default())
            .collect()
    }

    pub fn click(&self, selector: &str) {
        let element = self
            .root
            .query_selector(selector)
            .expect("selector")
            .expect("element exists");
        element.unchecked_into::<HtmlElement>().click();
    }

    /// Clicks the element and lets the page re-render.
    pub async fn click_and_render(&self, selector: &str) {
        self.click(selector);
        yew::scheduler::flush().await;
    }

    /// Selects the first occurrence of `needle` in the article as a mouse drag would.
    pub fn select_text(&self, needle: &str) {
        self.select_between(needle, needle);
    }

    /// Selects from the start of `from` to the end of `to`, which may lie in later runs.
    pub fn select_between(&self, from: &str, to: &str) {
        let (start_node, start) = self.locate(from, false);
        let (end_node, end) = self.locate(to, true);
        select_range(&start_node, start, &end_node, end);
    }

    /// The text node holding `needle` and the UTF-16 offset of its start (or end).
    pub fn locate(&self, needle: &str, end: bool) -> (web_sys::Node, u32) {
        let run = self
            .all(".article [data-start]")
            .into_iter()
            .find(|run| run.text_content().unwrap_or_default().contains(needle))
            .expect("needle rendered in one run");
        let text_node = run.first_child().expect("text node");
        let content = text_node.text_content().unwrap_or_default();
        let byte = content.find(needle).expect("needle") + if end { needle.len() } else { 0 };
        (text_node, content[..byte].encode_utf16().count() as u32)
    }
}

pub fn select_range(start_node: &web_sys::Node, start: u32, end_node: &web_sys::Node, end: u32) {
    let range = document().create_range().expect("range");
    range.set_start(start_node, start).expect("start");
    range.set_end(end_node, end).expect("end");
    let selection = web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .expect("selection");
    selection.remove_all_ranges().expect("clear");
    selection.add_range(&range).expect("add");
}

/// Empties localStorage and the IndexedDB workspace, as on a first visit.
pub async fn reset_storage() {
    // The previous test's app may still save its last change (the autosave delay is 300 ms);
    // let that land before clearing, so it cannot land after.
    TimeoutFuture::new(450).await;
    storage().clear().expect("clear");
    workspace_store::clear().await.expect("clear IndexedDB");
}

/// Waits (up to two seconds) until `ready` holds.
pub async fn wait_until(ready: impl FnMut() -> bool) -> bool {
    wait_for(100, ready).await
}

/// Waits up to `rounds` rounds of 20 ms until `ready` holds.
pub async fn wait_for(rounds: usize, mut ready: impl FnMut() -> bool) -> bool {
    for _ in 0..rounds {
        if ready() {
            return true;
        }
        TimeoutFuture::new(20).await;
        yew::scheduler::flush().await;
    }
    ready()
}

pub async fn mount() -> Mounted {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let mounted = Mounted {
        root,
        handle: Some(handle),
    };
    // The saved work is read from IndexedDB first.
    let loaded =
        wait_until(|| mounted.all(".loading").is_empty() && !mounted.all(".article").is_empty())
            .await;
    assert!(loaded, "the app finished opening the saved work");
    mounted
}

pub async fn press(key: &str, ctrl: bool, shift: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    document()
        .body()
        .expect("body")
        .dispatch_event(&event)
        .expect("dispatch");
    yew::scheduler::flush().await;
}

/// The saved workspace header, if any.
pub async fn saved_meta() -> Option<Value> {
    let records = workspace_store::read(&[META_KEY.to_owned()])
        .await
        .expect("read");
    let json = records.into_iter().next().flatten()?;
    Some(serde_json::from_str(&json).expect("saved header parses"))
}

/// The saved document at `index`, as its native JSON (the store keeps a compact record of it).
pub async fn saved_document(index: usize) -> Value {
    let records = workspace_store::read(&[document_key(index)])
        .await
        .expect("read");
    let json = records.into_iter().next().flatten().expect("saved");
    let meta = saved_meta().await.expect("a saved workspace");
    let meta = workspace_file::read_meta(&meta.to_string()).expect("header");
    let labels = std::rc::Rc::new(meta.labels);
    let (annotated, _) = history_json::read_record(&json, &labels).expect("a readable record");
    let native = native_json::export_compact(&annotated).expect("written");
    serde_json::from_str(&native).expect("saved JSON parses")
}

/// Waits out the autosave delay and returns the open document's saved native JSON.
pub async fn saved_export() -> Value {
    TimeoutFuture::new(600).await;
    let meta = saved_meta().await.expect("a saved workspace");
    let current = meta["current"].as_u64().expect("current") as usize;
    saved_document(current).await
}

pub fn python_slice(text: &str, start: &Value, end: &Value) -> String {
    let (start, end) = (
        start.as_u64().expect("start") as usize,
        end.as_u64().expect("end") as usize,
    );
    text.chars().skip(start).take(end - start).collect()
}

/// Picks `files` with the file input at `selector`, as the file dialog would.
pub async fn pick_files_into(app: &Mounted, selector: &str, files: &[web_sys::File]) {
    let transfer = web_sys::DataTransfer::new().expect("transfer");
    for file in files {
        transfer.items().add_with_file(file).expect("add");
    }
    let input: web_sys::HtmlInputElement = app
        .root
        .query_selector(selector)
        .expect("selector")
        .expect("file input")
        .unchecked_into();
    input.set_files(transfer.files().as_ref());
    let event = web_sys::Event::new("change").expect("event");
    input.dispatch_event(&event).expect("dispatch");
    // Reading the files is asynchronous.
    TimeoutFuture::new(100).await;
    yew::scheduler::flush().await;
}

/// Picks `files` with the Open control, as the file dialog would.
pub async fn pick_files(app: &Mounted, files: &[web_sys::File]) {
    pick_files_into(app, ".file-button input[type=file]", files).await;
}

/// Picks `file` with the Open control.
pub async fn pick_file(app: &Mounted, file: &web_sys::File) {
    pick_files(app, std::slice::from_ref(file)).await;
}

/// A file called `name` holding `contents`.
pub fn text_file(name: &str, contents: &str) -> web_sys::File {
    let parts = js_sys::Array::of1(&contents.into());
    web_sys::File::new_with_str_sequence(&parts, name).expect("file")
}

/// Picks a text file called `name` holding `contents`.
pub async fn open_file(app: &Mounted, name: &str, contents: &str) {
    pick_file(app, &text_file(name, contents)).await;
}

/// A mouse-up on the article, as at the end of a drag, with or without Alt held.
pub fn mouse_up(alt: bool) {
    let init = web_sys::MouseEventInit::new();
    init.set_alt_key(alt);
    init.set_bubbles(true);
    let event =
        web_sys::MouseEvent::new_with_mouse_event_init_dict("mouseup", &init).expect("event");
    document().dispatch_event(&event).expect("dispatch");
}

/// Saves a native file with this id, text and (start, end, label, text) spans, labeled
/// Person, Place and Event, as autosave would.
pub fn save_with_spans(id: &str, text: &str, spans: &[(usize, usize, &str, &str)]) {
    let annotations: Vec<Value> = spans
        .iter()
        .enumerate()
        .map(|(number, (start, end, label, text))| {
            serde_json::json!({"id": number, "start": start, "end": end, "label": label, "text": text})
        })
        .collect();
    let json = serde_json::json!({
        "format": "article-annotator", "version": 1, "offset_unit": "codepoint",
        "document": {"id": id, "title": id, "text": text},
        "labels": [{"name": "Person", "color": "#ffc9a0", "key": "1"},
                   {"name": "Place", "color": "#a8e6b4", "key": "2"},
                   {"name": "Event", "color": "#a9d4ff", "key": "3"}],
        "annotations": annotations
    });
    storage()
        .set_item(DOCUMENT_KEY, &json.to_string())
        .expect("save");
}

/// Lets the asynchronous export or copy finish and the page re-render.
pub async fn settle() {
    TimeoutFuture::new(50).await;
    yew::scheduler::flush().await;
}

pub fn eval(script: &str) -> wasm_bindgen::JsValue {
    js_sys::eval(script).expect("script runs")
}

/// Downloads are recorded instead of saved, confirm dialogs answer `answer` and are recorded,
/// and the clipboard is a recorder.
pub fn record_browser(answer: bool) {
    eval(&format!(
        r#"
        window.__downloads = [];
        window.__questions = [];
        window.confirm = (message) => {{ window.__questions.push(message); return {answer}; }};
        if (!window.__hooked) {{
            window.__hooked = true;
            const click = HTMLAnchorElement.prototype.click;
            HTMLAnchorElement.prototype.click = function () {{
                if (this.download) {{ window.__downloads.push({{ name: this.download, href: this.href }}); return; }}
                return click.call(this);
            }};
            Object.defineProperty(navigator, 'clipboard', {{
                configurable: true,
                value: {{ writeText: async (text) => {{ window.__clipboard = text; }} }},
            }});
        }}
        "#
    ));
}

/// The recorded downloads as (file name, content).
pub async fn downloads() -> Vec<(String, String)> {
    let promise = eval(
        "Promise.all(window.__downloads.map(async (d) => [d.name, await (await fetch(d.href)).text()]))",
    );
    let list = wasm_bindgen_futures::JsFuture::from(promise.unchecked_into::<js_sys::Promise>())
        .await
        .expect("blobs read");
    js_sys::Array::from(&list)
        .iter()
        .map(|pair| {
            let pair = js_sys::Array::from(&pair);
            (
                pair.get(0).as_string().unwrap_or_default(),
                pair.get(1).as_string().unwrap_or_default(),
            )
        })
        .collect()
}

pub fn questions() -> Vec<String> {
    js_sys::Array::from(&eval("window.__questions"))
        .iter()
        .filter_map(|q| q.as_string())
        .collect()
}

/// Two short reports for workspace tests.
pub const ALPHA: &str = "Alpha report\n\nBagheri met Shoigu in Moscow.\n";
/// The second of them.
pub const BETA: &str = "Beta report\n\nBagheri flew to Tehran. Later Bagheri spoke.\n";

/// Mounts on a fresh workspace and adds the two reports by the file picker.
pub async fn with_two_reports() -> Mounted {
    reset_storage().await;
    let app = mount().await;
    pick_files(
        &app,
        &[text_file("alpha.txt", ALPHA), text_file("beta.md", BETA)],
    )
    .await;
    settle().await;
    app
}
