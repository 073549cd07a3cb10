//! Applies the saved theme and mounts the app on the page's `<body>`.

fn main() {
    article_annotator::ui::browser::theme::apply_saved();
    yew::Renderer::<article_annotator::ui::App>::new().render();
}
