//! Applies the saved theme and mounts the app on the page's `<body>`.

fn main() {
    article_annotator::ui::theme::apply_saved();
    yew::Renderer::<article_annotator::ui::App>::new().render();
}
