//! The root component: lays the page out. The state is the one store (`state`); effects are
//! hooks (`hooks`); the callbacks the components receive are made once (`use_actions`).

use std::rc::Rc;

use yew::prelude::*;

use super::components::agreement_panel::AgreementPanel;
use super::components::annotation_list::AnnotationList;
use super::components::article::Article;
use super::components::curation_panel::CurationPanel;
use super::components::document_list::DocumentList;
use super::components::header::Header;
use super::components::help_overlay::HelpOverlay;
use super::components::label_editor::LabelEditor;
use super::components::label_styles::LabelStyles;
use super::components::model_panel::ModelPanel;
use super::components::notice_bar::NoticeBar;
use super::components::paste_box::PasteBox;
use super::components::render_barrier::RenderBarrier;
use super::components::set_aside_bar::SetAsideBar;
use super::components::status_bars::{ImportProgress, SavingWarning};
use super::components::toolbar::Toolbar;
use super::flows::autosave::Snapshot;
use super::flows::startup;
use super::hooks::use_actions::use_actions;
use super::hooks::use_agreement::use_agreement;
use super::hooks::use_alt_selection::use_alt_selection;
use super::hooks::use_autosave::use_autosave;
use super::hooks::use_curation::use_curation;
use super::hooks::use_file_drop::use_file_drop;
use super::hooks::use_keyboard::use_keyboard;
use super::hooks::use_latest::use_latest;
use super::hooks::use_reveal::use_reveal;
use super::hooks::use_startup::use_startup;
use super::hooks::use_suggestions::use_suggestions;
use super::hooks::use_tagger::use_tagger;
use super::state::ViewAction;
use crate::model::statistics::spans_per_label;
use crate::model::{Annotation, DocumentSummary, OverlapPolicy};

/// The whole application.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(startup::initial_state);
    let article_ref = use_node_ref();
    let latest = use_latest(&state);
    let alt_selection = use_alt_selection();
    let actions = use_actions(
        latest.clone(),
        article_ref.clone(),
        Rc::clone(&alt_selection),
    );
    // What the browser store holds, so each save writes only what changed.
    let snapshot = use_mut_ref(Snapshot::default);
    use_startup(state.dispatcher(), snapshot.clone());
    use_autosave(latest.clone(), snapshot, state.revision, state.saving.on);
    use_suggestions(&state);
    let model_actions = use_tagger(latest.clone(), &state);
    use_agreement(latest.clone(), &state);
    let curation = use_curation(&state, article_ref.clone());
    use_keyboard(latest, article_ref.clone(), alt_selection);
    use_file_drop(actions.open_files.clone());
    use_reveal(state.view.reveal, article_ref.clone());

    let workspace = &state.workspace;
    let annotations: Rc<[Annotation]> = {
        let state = state.clone();
        (*use_memo(state.revision, move |_| {
            state.workspace.store().iter().copied().collect::<Rc<[_]>>()
        }))
        .clone()
    };
    let summaries: Rc<[DocumentSummary]> = {
        let workspace = workspace.clone();
        (*use_memo(state.revision, move |_| {
            Rc::<[DocumentSummary]>::from(workspace.summaries())
        }))
        .clone()
    };
    let document = Rc::clone(state.document());
    let doc_key = Rc::as_ptr(&document) as usize;
    let labels = Rc::clone(workspace.labels());
    let store = workspace.store();
    let (view, settings) = (&state.view, state.settings);
    let counts = spans_per_label(&labels, &annotations)
        .iter()
        .map(|(label, spans)| format!("{} {spans}", labels.name_of(*label)))
        .collect::<Vec<_>>()
        .join(" · ");
    let version = match (&document.annotator, document.is_curated()) {
        (_, true) => Some(AttrValue::from("curated version")),
        (Some(name), false) => Some(AttrValue::from(format!("{name}’s version"))),
        (None, false) => None,
    };

    html! {
        <div class="app">
            <LabelStyles labels={labels.clone()} />
            // No frame shows one document's title with another's text (see render_barrier.rs).
            <RenderBarrier key={doc_key} />
            <Header title={document.title.clone()} actions={actions.clone()} {version}
                annotator={workspace.annotator().map(AttrValue::from)}
                counts={format!("{} annotations · {counts}", store.len())} />
            <section class="tools" aria-label="Annotation tools">
                <Toolbar actions={actions.clone()} labels={labels.clone()}
                    documents={workspace.len()} corpus_scope={settings.corpus_scope}
                    can_undo={store.can_undo()} can_redo={store.can_redo()}
                    has_selected={view.selected.is_some()} snap_to_words={settings.snap_to_words}
                    show_suggestions={settings.show_suggestions}
                    suggestion_count={view.suggestions.len()} match_case={settings.match_case}
                    label_editor_open={view.panels.label_editor} model_open={view.panels.model}
                    agreement_open={view.panels.agreement}
                    any_overlap={store.policy() == OverlapPolicy::Any} />
            </section>
            if let Some(reason) = state.saving.failed.clone() {
                <SavingWarning {reason} actions={actions.clone()} />
            }
            if !view.set_aside.is_empty() {
                <SetAsideBar records={view.set_aside.clone()}
                    ondone={actions.dispatch.reform(|records| ViewAction::SetAside(records).into())} />
            }
            if let Some((done, total)) = view.progress {
                <ImportProgress {done} {total} />
            }
            if view.panels.paste_box {
                <PasteBox onadd={actions.paste.clone()} onclose={actions.close_paste.clone()} />
            }
            if view.panels.label_editor {
                <LabelEditor labels={labels.clone()} annotations={annotations.clone()}
                    generation={view.label_refusals} onedit={actions.edit_labels.clone()}
                    onexport={actions.export_labels.clone()} onimport={actions.import_labels.clone()} />
            }
            if view.panels.model {
                <ModelPanel tagger={state.tagger.clone()} actions={model_actions.clone()}
                    current={state.tagger.trained_at == state.revision}
                    predictions={view.predictions.len()} dispatch={actions.dispatch.clone()}
                    review={view.review.clone()} document={document.clone()} labels={labels.clone()} />
            }
            if view.panels.agreement {
                <AgreementPanel agreement={view.agreement.clone()} current={workspace.current()}
                    dispatch={actions.dispatch.clone()} />
            }
            if let Some(curation) = curation {
                <CurationPanel view={curation} document={document.clone()} labels={labels.clone()}
                    dispatch={actions.dispatch.clone()} />
            }
            <NoticeBar notice={view.notice.clone()} ondismiss={actions.dismiss_notice.clone()} />
            if view.panels.help {
                <HelpOverlay onclose={actions.close_help.clone()} />
            }
            <main class="workspace">
                <DocumentList {summaries} current={workspace.current()} filter={view.filter}
                    actions={actions.clone()} />
                <p id="article-keys" class="visually-hidden">
                    { "Arrow keys select words, Shift with an arrow grows the selection, a label key tags it, Tab moves between annotations, question mark lists every shortcut." }
                </p>
                if state.saving.loading {
                    <p class="article loading" role="status">{ "Opening your saved work…" }</p>
                } else {
                    <Article document={document.clone()} labels={labels.clone()}
                        paragraph_spans={view.paragraph_spans.clone()}
                        selected={state.selected_annotation()} onselect={actions.select.clone()}
                        suggestions={view.suggestions.clone()} onaccept={actions.accept.clone()}
                        node_ref={article_ref} />
                }
                <AnnotationList {document} {labels} corpus={workspace.shared_entries()}
                    current={workspace.current()} {annotations} selected={view.selected}
                    onpick={actions.reveal.clone()} />
            </main>
            <footer class="footer">
                { "Default article: Mehr News Agency, licensed under CC BY 4.0. Offsets are Unicode code points." }
            </footer>
        </div>
    }
}
