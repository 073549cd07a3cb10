//! Browser tests for data safety: a saved workspace with one bad record opens the rest and
//! keeps that record aside (exportable as it was), and a store cleared while the page is open
//! gets the whole workspace written again. Offsets are code points.
#![cfg(target_arch = "wasm32")]

#[path = "support/browser_app.rs"]
mod browser_app;

use article_annotator::ui::browser::indexed_db::{self as workspace_store, Writes};
use article_annotator::ui::flows::autosave::{document_key, META_KEY};
use browser_app::*;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn keys() -> Vec<String> {
    workspace_store::keys().await.expect("keys")
}

#[wasm_bindgen_test]
async fn one_unreadable_document_is_set_aside_and_the_rest_opens_and_saves() {
    let app = with_two_reports().await;
    app.select_text("Moscow");
    press("2", false, false).await;
    TimeoutFuture::new(600).await;
    drop(app);
    // The embedded article's record is damaged; alpha and beta are fine.
    let damaged = "{\"format\":\"article-annotator\",\"version\":1,\"document\":";
    workspace_store::write(&Writes::put(vec![(document_key(0), damaged.to_owned())]))
        .await
        .expect("damaged");
    let app = mount().await;
    settle().await;
    let titles = app.texts(".document-entry .document-title");
    assert_eq!(titles, ["Alpha report", "Beta report"]);
    assert_eq!(app.texts(".title"), ["Alpha report"]);
    assert_eq!(app.texts(".entries .entry-text").len(), 1, "Moscow kept");
    let notice = app.texts(".notice").concat();
    assert!(
        notice.contains("1 of the saved documents could not be opened and is kept aside")
            && notice.contains("document 1:")
            && notice.contains("the other 2 opened"),
        "{notice}"
    );
    let bar = app.texts(".set-aside").concat();
    assert!(bar.contains("1 saved record could not be opened"), "{bar}");
    assert!(app.texts(".saving-warning").is_empty(), "saving stays on");

    // The store was written again whole: two documents, and the damaged one aside as it was.
    let meta = saved_meta().await.expect("meta");
    assert_eq!(meta["done"].as_array().map(Vec::len), Some(2));
    let aside: Vec<String> = keys()
        .await
        .into_iter()
        .filter(|k| k.starts_with("aside:document:0:"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(!keys().await.contains(&document_key(2)), "no stale record");

    record_browser(true);
    app.click_and_render(".export-set-aside").await;
    let files = downloads().await;
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "set-aside-document-0.json");
    assert_eq!(files[0].1, damaged, "exported exactly as it was");

    // A reload shows the set-aside record again, until deleted.
    drop(app);
    let app = mount().await;
    settle().await;
    assert_eq!(app.texts(".document-entry").len(), 2);
    assert!(!app.texts(".set-aside").is_empty());
    record_browser(true);
    app.click(".delete-set-aside");
    settle().await;
    TimeoutFuture::new(100).await;
    yew::scheduler::flush().await;
    assert!(app.texts(".set-aside").is_empty());
    assert!(questions()[0].contains("Delete the 1 records kept aside"));
    assert!(keys().await.iter().all(|k| !k.starts_with("aside:")));
}

#[wasm_bindgen_test]
async fn a_lost_header_still_opens_every_document() {
    let app = with_two_reports().await;
    TimeoutFuture::new(600).await;
    drop(app);
    workspace_store::write(&Writes::put(vec![(
        META_KEY.to_owned(),
        "{not json".to_owned(),
    )]))
    .await
    .expect("damaged header");
    let app = mount().await;
    settle().await;
    assert_eq!(app.texts(".document-entry").len(), 3);
    let notice = app.texts(".notice").concat();
    assert!(
        notice.contains("The workspace header could not be read"),
        "{notice}"
    );
    assert!(keys().await.iter().any(|k| k.starts_with("aside:meta:")));
    let meta = saved_meta().await.expect("a new header");
    assert_eq!(meta["done"].as_array().map(Vec::len), Some(3));
}

/// Deletes the database as the browser's "clear site data" does, waiting up to two seconds.
async fn delete_database() -> bool {
    let promise = eval(
        r#"new Promise((resolve) => {
            const request = indexedDB.deleteDatabase('article-annotator');
            request.onsuccess = () => resolve(true);
            request.onerror = () => resolve(false);
            setTimeout(() => resolve(false), 2000);
        })"#,
    );
    let done = wasm_bindgen_futures::JsFuture::from(promise.unchecked_into::<js_sys::Promise>())
        .await
        .expect("settles");
    done.as_bool() == Some(true)
}

#[wasm_bindgen_test]
async fn storage_cleared_while_open_gets_the_whole_workspace_written_again() {
    let app = with_two_reports().await;
    app.select_text("Moscow");
    press("2", false, false).await;
    TimeoutFuture::new(600).await;
    assert!(delete_database().await, "the deletion is not blocked");
    // The app notices, writes everything again and says so.
    let told = wait_until(|| app.texts(".notice").concat().contains("was cleared")).await;
    assert!(told, "{}", app.texts(".notice").concat());
    let meta = saved_meta().await.expect("saved again");
    assert_eq!(meta["done"].as_array().map(Vec::len), Some(3));
    let alpha = saved_document(1).await;
    assert_eq!(alpha["document"]["title"], "Alpha report");
    assert_eq!(alpha["annotations"][0]["text"], "Moscow");
    assert!(saved_document(0).await["document"]["text"].is_string());
    assert!(saved_document(2).await["document"]["text"].is_string());
}

/// A file of raw bytes called `name`.
fn bytes_file(name: &str, bytes: &[u8]) -> web_sys::File {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    web_sys::File::new_with_buffer_source_sequence(&parts, name).expect("file")
}

#[wasm_bindgen_test]
async fn text_that_is_not_utf8_opens_only_if_the_user_says_how_to_read_it() {
    reset_storage().await;
    let app = mount().await;
    let latin1 = b"Caf\xE9 M\xFCller\n\nShoigu met Bagheri.\n";
    record_browser(false);
    pick_file(&app, &bytes_file("cafe.txt", latin1)).await;
    settle().await;
    let asked = questions();
    assert_eq!(asked.len(), 1);
    assert!(
        asked[0].contains("byte 0xE9 at offset 3 (line 1)") && asked[0].contains("Windows-1252"),
        "{asked:?}"
    );
    let refused = app.texts(".notice.error").concat();
    assert!(
        refused.contains("cafe.txt was not opened: it is not UTF-8 text"),
        "{refused}"
    );
    assert_eq!(app.texts(".document-entry").len(), 1, "nothing was added");

    record_browser(true);
    pick_file(&app, &bytes_file("cafe.txt", latin1)).await;
    settle().await;
    assert_eq!(app.texts(".title"), ["Café Müller"]);
    assert!(app
        .texts(".article")
        .concat()
        .contains("Shoigu met Bagheri."));

    let bom = b"\xEF\xBB\xBFBOM report\n\nBagheri.\n";
    pick_file(&app, &bytes_file("bom.txt", bom)).await;
    settle().await;
    assert_eq!(
        app.texts(".title"),
        ["BOM report"],
        "the byte-order mark is dropped"
    );
}

#[wasm_bindgen_test]
async fn files_with_the_same_name_become_documents_with_ids_of_their_own() {
    reset_storage().await;
    let app = mount().await;
    pick_files(
        &app,
        &[
            text_file("article.txt", ALPHA),
            text_file("article.txt", BETA),
        ],
    )
    .await;
    settle().await;
    assert_eq!(app.texts(".document-entry").len(), 3);
    record_browser(true);
    let corpus_box: web_sys::HtmlInputElement = app
        .root
        .query_selector(".export-corpus")
        .expect("selector")
        .expect("checkbox")
        .unchecked_into();
    corpus_box.click();
    yew::scheduler::flush().await;
    app.click(".export-menu button[data-format=brat]");
    settle().await;
    TimeoutFuture::new(200).await;
    let promise = eval(
        "fetch(window.__downloads[0].href).then(r => r.arrayBuffer()).then(b => new TextDecoder('latin1').decode(b))",
    );
    let zip = wasm_bindgen_futures::JsFuture::from(promise.unchecked_into::<js_sys::Promise>())
        .await
        .expect("zip read")
        .as_string()
        .expect("text");
    for name in [
        "article.txt",
        "article-2.txt",
        "article.ann",
        "article-2.ann",
    ] {
        assert_eq!(
            zip.matches(name).count(),
            2,
            "{name}: local header and directory"
        );
    }
}

#[wasm_bindgen_test]
async fn files_with_no_text_are_refused_by_name() {
    reset_storage().await;
    let app = mount().await;
    pick_files(
        &app,
        &[
            text_file("empty.txt", ""),
            text_file(
                "blank.html",
                "<html><body><script>1</script>  </body></html>",
            ),
        ],
    )
    .await;
    settle().await;
    TimeoutFuture::new(100).await;
    yew::scheduler::flush().await;
    let refused = app.texts(".notice.error").concat();
    assert!(
        refused.contains("empty.txt") && refused.contains("the file is empty"),
        "{refused}"
    );
    assert!(
        refused.contains("blank.html was not opened: it holds no text"),
        "{refused}"
    );
    assert_eq!(app.texts(".document-entry").len(), 1, "nothing was added");
}

#[wasm_bindgen_test]
async fn downloads_are_named_from_safe_ids() {
    reset_storage().await;
    save_with_spans(
        "../../evil/x",
        "Shoigu met Bagheri.",
        &[(0, 6, "Person", "Shoigu")],
    );
    let app = mount().await;
    record_browser(true);
    app.click("[data-format=native]");
    settle().await;
    app.click_and_render(".labels-toggle").await;
    app.click(".label-files button");
    settle().await;
    let names: Vec<String> = downloads()
        .await
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(names, ["evil_x.annotations.json", "evil_x.labels.json"]);
}

#[wasm_bindgen_test]
async fn a_write_of_many_records_lands_whole_with_its_deletes() {
    reset_storage().await;
    // More records than one chunk of puts: the later chunks are queued from the earlier
    // ones' success, in the same transaction.
    let records: Vec<(String, String)> = (0..300)
        .map(|i| (format!("test:{i:03}"), format!("record {i}")))
        .collect();
    workspace_store::write(&Writes::put(records))
        .await
        .expect("written");
    let mut writes = Writes::put(vec![("test:300".into(), "record 300".into())]);
    writes.remove = (0..150).map(|i| format!("test:{i:03}")).collect();
    workspace_store::write(&writes).await.expect("written");
    let kept: Vec<String> = keys()
        .await
        .into_iter()
        .filter(|k| k.starts_with("test:"))
        .collect();
    let expected: Vec<String> = (150..=300).map(|i| format!("test:{i:03}")).collect();
    assert_eq!(kept, expected);
    let read = workspace_store::read(&["test:299".to_owned()])
        .await
        .expect("read");
    assert_eq!(read, [Some("record 299".to_owned())]);
    reset_storage().await;
}
