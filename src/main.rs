//! Mounts the app on the page's `<body>`.

fn main() {
    yew::Renderer::<article_annotator::ui::App>::new().render();
}
