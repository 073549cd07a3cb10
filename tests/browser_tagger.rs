//! Browser tests for the tagger in the page (the converters run inline here): it learns from
//! the workspace and pre-annotates a new document (Shift+M); a prediction is accepted with
//! Enter or refused with x; the review queue answers by keys (y, n, Space, u); the model is
//! still there after the app is mounted again. Offsets are code points.
#![cfg(target_arch = "wasm32")]

#[path = "support/browser_app.rs"]
mod browser_app;

use browser_app::*;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Four annotated reports in doccano's JSONL (start, end, label per span).
fn training_file() -> String {
    let reports = [
        "Alice Moore met Bob Stone in Berlin on Monday.",
        "Bob Stone and Alice Moore spoke in Paris on Tuesday.",
        "In Berlin, Alice Moore thanked Bob Stone.",
        "Bob Stone flew from Paris to Berlin with Alice Moore.",
    ];
    let mut lines = Vec::new();
    for text in reports {
        let mut spans = Vec::new();
        for (name, label) in [
            ("Alice Moore", "Person"),
            ("Bob Stone", "Person"),
            ("Berlin", "Place"),
            ("Paris", "Place"),
        ] {
            if let Some(byte) = text.find(name) {
                let start = text[..byte].chars().count();
                spans.push(serde_json::json!([
                    start,
                    start + name.chars().count(),
                    label
                ]));
            }
        }
        lines.push(serde_json::json!({"text": text, "label": spans}).to_string());
    }
    lines.join("\n")
}

/// Waits (up to 20 seconds: training runs in the page here, unoptimized) until `ready`.
async fn wait_long(ready: impl FnMut() -> bool) -> bool {
    wait_for(1000, ready).await
}

/// Selects the whole text of the predicted mark that reads `text`.
fn select_prediction(app: &Mounted, text: &str) {
    let mark = app
        .all(".article mark.predicted")
        .into_iter()
        .find(|m| m.text_content().as_deref() == Some(text))
        .unwrap_or_else(|| panic!("{text} is predicted"));
    let node = mark.first_child().expect("text node");
    select_range(&node, 0, &node, text.encode_utf16().count() as u32);
}

fn counts(app: &Mounted) -> String {
    app.texts(".counts").concat()
}

#[wasm_bindgen_test]
async fn the_tagger_pre_annotates_and_its_predictions_are_accepted_refused_and_reviewed() {
    reset_storage().await;
    let app = mount().await;
    open_file(&app, "reports.jsonl", &training_file()).await;
    assert!(
        wait_until(|| app
            .texts("nav.documents h2")
            .concat()
            .starts_with("Documents (5)"))
        .await
    );
    let text = "On Friday Alice Moore visited Berlin with Bob Stone.";
    open_file(&app, "new.txt", text).await;
    assert!(wait_until(|| app.texts(".title").concat() == text).await);
    assert!(
        counts(&app).starts_with("0 annotations"),
        "{}",
        counts(&app)
    );

    press("M", false, true).await;
    assert!(
        wait_long(|| !app.all(".article mark.predicted").is_empty()).await,
        "predictions shown"
    );
    let predicted = app.texts(".article mark.predicted");
    for name in ["Alice Moore", "Berlin", "Bob Stone"] {
        assert!(
            predicted.iter().any(|p| p == name),
            "{name} in {predicted:?}"
        );
    }
    assert!(app.all(".article mark.predicted").iter().all(|m| m
        .get_attribute("title")
        .is_some_and(|t| t.starts_with("Predicted "))));

    // x refuses the prediction under the selection; Enter accepts one.
    select_prediction(&app, "Berlin");
    press("x", false, false).await;
    assert!(
        wait_until(|| !app
            .texts(".article mark.predicted")
            .contains(&"Berlin".to_owned()))
        .await
    );
    assert!(counts(&app).starts_with("0 annotations"));
    select_prediction(&app, "Alice Moore");
    press("Enter", false, false).await;
    assert!(wait_until(|| counts(&app).starts_with("1 annotations")).await);
    assert_eq!(
        app.texts(".article mark.hl[data-label=Person]"),
        ["Alice Moore"]
    );

    // The review queue: y accepts, u takes the answer back, n refuses, Esc stops.
    let left = app.all(".article mark.predicted").len();
    app.click_and_render(".model-toggle").await;
    app.click_and_render(".model-panel .review-start").await;
    assert!(wait_until(|| !app.all(".model-panel .review").is_empty()).await);
    let review = app.texts(".model-panel .review").concat();
    assert!(
        review.contains(&format!("Prediction 1 of {left}")),
        "{review}"
    );
    press("y", false, false).await;
    assert!(wait_until(|| counts(&app).starts_with("2 annotations")).await);
    press("u", false, false).await;
    assert!(wait_until(|| counts(&app).starts_with("1 annotations")).await);
    assert_eq!(
        app.all(".article mark.predicted").len(),
        left,
        "undone: shown again"
    );
    press("n", false, false).await;
    assert!(wait_until(|| app.all(".article mark.predicted").len() == left - 1).await);
    assert!(counts(&app).starts_with("1 annotations"));
    press("Escape", false, false).await;
    assert!(wait_until(|| app.all(".model-panel .review").is_empty()).await);

    // Scored on a held-out gold file: a table for that file, and the workspace as it was.
    let listed = app.texts("nav.documents h2").concat();
    let gold = r#"{"text": "Alice Moore and Bob Stone met in Paris.", "label": [[0, 11, "Person"], [16, 25, "Person"], [33, 38, "Place"]]}"#;
    pick_files_into(
        &app,
        ".model-panel .evaluate-on input",
        &[text_file("gold.jsonl", gold)],
    )
    .await;
    assert!(
        wait_long(|| !app.all(".model-panel table caption").is_empty()).await,
        "scored"
    );
    let caption = app.texts(".model-panel table caption").concat();
    assert_eq!(
        caption,
        "Held out: gold.jsonl, 1 documents, exact span match"
    );
    let micro = app
        .texts(".model-panel tbody tr")
        .last()
        .cloned()
        .unwrap_or_default();
    assert!(
        micro.starts_with("micro") && micro.ends_with('3'),
        "{micro}"
    );
    assert_eq!(
        app.texts("nav.documents h2").concat(),
        listed,
        "nothing added"
    );

    // The model is saved with the workspace: mounted again, the app still has it.
    let learned = app.texts(".model-panel").concat();
    assert!(learned.contains("Learned from"), "{learned}");
    TimeoutFuture::new(600).await;
    drop(app);
    let again = mount().await;
    again.click_and_render(".model-toggle").await;
    assert!(
        wait_until(|| again
            .texts(".model-panel")
            .concat()
            .contains("Learned from"))
        .await,
        "{}",
        again.texts(".model-panel").concat()
    );
}
