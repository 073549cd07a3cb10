//! The root component: wires the store to the document list, article, toolbar, annotation
//! list, keyboard and autosave.

use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::after_paint::after_next_paint;
use super::annotation_list::AnnotationList;
use super::article::Article;
use super::autosave::{self, SaveQueue, Saved, Snapshot};
use super::document_list::DocumentList;
use super::dom;
use super::exporting::{self, ExportChoice};
use super::file_reading;
use super::help_overlay::HelpOverlay;
use super::importing;
use super::keys::{self, Modifiers, Shortcut};
use super::label_editor::LabelEditor;
use super::label_styles::LabelStyles;
use super::notice_bar::NoticeBar;
use super::paste_box::PasteBox;
use super::set_aside_bar::SetAsideBar;
use super::startup;
use super::state::{Action, AppState, LabelEdit, Notice};
use super::tab_lock::{self, Claim};
use super::theme;
use super::toolbar::Toolbar;
use super::workspace_store;
use crate::formats::file_names::safe_stem;
use crate::formats::{label_set, plain_text, Format};
use crate::model::suggestions::{suggestions, Suggestion};
use crate::model::word_caret;
use crate::model::{
    Annotation, AnnotationId, DocumentSummary, Entry, LabelId, OverlapPolicy, Workspace,
};

/// How long after the last change suggestions are worked out.
const SUGGESTIONS_DELAY_MS: u32 = 150;

/// What the user is told once the workspace was written again after the storage was cleared.
const STORE_LOST: &str = "This browser's storage for the page was cleared while it was open \
    (by the browser's settings, its developer tools or to free space). The whole workspace \
    has been saved again; export it if you meant to remove it.";

/// The whole application.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(startup::initial_state);
    let article_ref = use_node_ref();
    // The newest state, for listeners registered once.
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    // Whether Alt was held when the latest selection was made (keeps exact characters).
    let alt_selection = use_mut_ref(|| false);
    {
        let alt_selection = alt_selection.clone();
        use_effect_with((), move |_| {
            let listener = dom::listen_on_document("mouseup", move |event| {
                if let Some(event) = event.dyn_ref::<MouseEvent>() {
                    *alt_selection.borrow_mut() = event.alt_key();
                }
            });
            move || drop(listener)
        });
    }

    {
        let dispatcher = state.dispatcher();
        let article_ref = article_ref.clone();
        let latest = latest.clone();
        let alt_selection = alt_selection.clone();
        use_effect_with((), move |_| {
            let listener = dom::listen_on_document("keydown", move |event| {
                if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                    let state = latest.borrow().clone();
                    let exact = *alt_selection.borrow();
                    on_key(event, &state, &article_ref, exact, &dispatcher);
                }
            });
            move || drop(listener)
        });
    }

    // What the browser store holds, so each save writes only what changed.
    let snapshot = use_mut_ref(Snapshot::default);
    // One save at a time, each started once its change is painted.
    let saves = use_mut_ref(|| Rc::new(SaveQueue::default()));
    let save = {
        let latest = latest.clone();
        let snapshot = snapshot.clone();
        let saves = Rc::clone(&saves.borrow());
        Rc::new(move |whole: bool| {
            let for_state = latest.clone();
            let dispatcher = latest.borrow().dispatcher();
            saves.request(
                whole,
                snapshot.clone(),
                move || {
                    let state = for_state.borrow().clone();
                    state.autosave.then(|| state.workspace.clone())
                },
                move |saved| {
                    dispatcher.dispatch(match saved {
                        Ok(Saved::Changes) => Action::Saved,
                        Ok(Saved::Whole) => Action::Notify(Notice::error(STORE_LOST)),
                        Err(reason) => Action::SavingFailed(reason),
                    })
                },
            );
        })
    };
    {
        let dispatcher = state.dispatcher();
        let snapshot = snapshot.clone();
        // Held while the app runs: the tab that holds it is the one that saves.
        let lock = use_mut_ref(|| None);
        use_effect_with((), move |_| {
            let held = lock.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let saves = match tab_lock::claim().await {
                    Claim::Granted(lock) => {
                        *held.borrow_mut() = Some(lock);
                        true
                    }
                    Claim::HeldElsewhere => false,
                };
                match startup::restore(saves).await {
                    Ok(restored) => {
                        *snapshot.borrow_mut() = restored.snapshot;
                        dispatcher.dispatch(Action::Restore(Box::new(restored.workspace)));
                        if !restored.set_aside.is_empty() {
                            dispatcher.dispatch(Action::SetAside(restored.set_aside.into()));
                        }
                        if let Some(notice) = restored.notice {
                            dispatcher.dispatch(Action::Notify(Notice::error(notice)));
                        }
                        if let Some(reason) = restored.saving_off {
                            dispatcher.dispatch(Action::SavingOff(reason));
                        } else if !saves {
                            dispatcher.dispatch(Action::SavingOff(startup::OTHER_TAB.into()));
                        }
                    }
                    Err(reason) => dispatcher.dispatch(Action::SavingOff(reason)),
                }
            });
            move || drop(lock.borrow_mut().take())
        });
    }

    {
        // Storage cleared while the page is open: the store holds nothing of the workspace
        // any more, so all of it is written again, to a new database.
        let save = Rc::clone(&save);
        use_effect_with((), move |_| {
            workspace_store::on_lost(move || save(true));
            workspace_store::clear_on_lost
        });
    }

    {
        let latest = latest.clone();
        let snapshot = snapshot.clone();
        use_effect_with((), move |_| {
            // A reload or closed tab within the autosave delay must not lose the last change:
            // the write is queued on the open connection before the page goes.
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "pagehide", move |_| {
                    let state = latest.borrow().clone();
                    if state.autosave {
                        autosave::save_on_exit(&state.workspace, &snapshot);
                    }
                })
            });
            move || drop(listener)
        });
    }

    {
        // An unmounted app writes nothing more.
        let saves = Rc::clone(&saves.borrow());
        use_effect_with((), move |_| move || saves.close());
    }
    {
        let save = Rc::clone(&save);
        let saves_on = state.autosave;
        use_effect_with(state.revision, move |_| {
            if saves_on {
                after_next_paint(move || save(false));
            }
        });
    }

    {
        // Suggestions are worked out a moment after the latest change, off the edit's frame.
        let state = state.clone();
        // Strings labeled in the other documents, kept while those documents do not change.
        let elsewhere_cache = use_mut_ref(|| None::<ElsewhereCache>);
        use_effect_with(
            (
                state.revision,
                state.show_suggestions,
                Rc::clone(&state.rejected),
            ),
            move |(_, show, rejected)| {
                let rejected = Rc::clone(rejected);
                let pending = show.then(|| {
                    Timeout::new(SUGGESTIONS_DELAY_MS, move || {
                        // Timed as a User Timing measure, for the benchmark.
                        let found = dom::measured("suggestions", || {
                            let workspace = &state.workspace;
                            let elsewhere = labeled_elsewhere(workspace, &elsewhere_cache);
                            let open = &workspace.open;
                            suggestions(&open.document, &open.store, &elsewhere, &rejected)
                        });
                        state.dispatch(Action::SetSuggestions(found.into()));
                    })
                });
                move || drop(pending)
            },
        );
    }

    let onaccept = {
        let dispatcher = state.dispatcher();
        Callback::from(move |suggestion| dispatcher.dispatch(Action::AcceptSuggestion(suggestion)))
    };

    let all_annotations: Rc<[Annotation]> = {
        let state = state.clone();
        (*use_memo(state.revision, move |_| {
            state
                .workspace
                .open
                .store
                .iter()
                .copied()
                .collect::<Rc<[_]>>()
        }))
        .clone()
    };

    let onselect = {
        let dispatcher = state.dispatcher();
        use_callback((), move |id: Option<AnnotationId>, _| {
            dispatcher.dispatch(id.map_or(Action::Deselect, Action::Select));
        })
    };
    let onpick = {
        let dispatcher = state.dispatcher();
        use_callback((), move |id: AnnotationId, _| {
            dispatcher.dispatch(Action::Reveal(id))
        })
    };
    {
        // After the render that applied the selection, so the flash class is not overwritten.
        let article_ref = article_ref.clone();
        use_effect_with(state.reveal, move |reveal| {
            if let (Some(reveal), Some(article)) = (reveal, article_ref.cast::<web_sys::Element>())
            {
                dom::scroll_to_and_flash(&article, reveal.id.0);
            }
        });
    }
    let ontag = {
        let dispatcher = state.dispatcher();
        let article_ref = article_ref.clone();
        let alt_selection = alt_selection.clone();
        Callback::from(move |label: LabelId| {
            let selection = dom::take_selected_range(&article_ref);
            let exact = *alt_selection.borrow();
            dispatcher.dispatch(Action::Tag {
                label,
                selection,
                exact,
            });
        })
    };
    let dispatch = |action: Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(action.clone()))
    };
    let onopen = {
        let dispatcher = state.dispatcher();
        let latest = latest.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            open_files(files, latest.clone(), dispatcher.clone());
        })
    };
    {
        // Files dropped anywhere on the page open like picked ones.
        let dispatcher = state.dispatcher();
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let over = dom::listen_on_document("dragover", |event| event.prevent_default());
            let on_drop = dom::listen_on_document("drop", move |event| {
                let Some(files) = event
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|event| event.data_transfer())
                    .and_then(|transfer| transfer.files())
                else {
                    return;
                };
                event.prevent_default();
                let files = dom::files_of(&files);
                if !files.is_empty() {
                    open_files(files, latest.clone(), dispatcher.clone());
                }
            });
            move || drop((over, on_drop))
        });
    }
    let onexport = {
        let state = state.clone();
        Callback::from(move |choice: ExportChoice| {
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let notice = exporting::export_as(choice, &state.workspace).await;
                state.dispatch(Action::Notify(notice));
            });
        })
    };
    let onexportall = onexport.reform(|_: MouseEvent| ExportChoice {
        format: Format::Native,
        corpus: true,
        only_done: false,
    });
    let onpasted = {
        let state = state.clone();
        Callback::from(move |(title, text): (String, String)| {
            state.dispatch(pasted_document(&state, &title, &text));
        })
    };
    let onremovedocument = {
        let state = state.clone();
        Callback::from(move |index: usize| {
            let Some(annotated) = state.workspace.annotated(index) else {
                return;
            };
            let question = format!(
                "Remove “{}” and its {} annotations from the workspace? Export it first to keep it.",
                annotated.document.title,
                annotated.store.len()
            );
            if dom::confirm(&question) {
                state.dispatch(Action::RemoveDocument(index));
            }
        })
    };
    let summaries: Rc<[DocumentSummary]> = {
        let workspace = state.workspace.clone();
        (*use_memo(state.revision, move |_| {
            workspace.summaries().into_iter().collect::<Rc<[_]>>()
        }))
        .clone()
    };
    let oncopy = {
        let state = state.clone();
        Callback::from(move |_| {
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let notice = exporting::copy_json(&state.workspace.open).await;
                state.dispatch(Action::Notify(notice));
            });
        })
    };

    let onlabeledit = {
        let dispatcher = state.dispatcher();
        Callback::from(move |edit| dispatcher.dispatch(Action::EditLabels(edit)))
    };
    let onlabelexport = {
        let state = state.clone();
        Callback::from(move |_| {
            let json = label_set::export(&state.workspace.open.labels);
            let name = format!("{}.labels.json", safe_stem(&state.document().id));
            let notice = match dom::download(&name, "application/json", &json) {
                Ok(()) => Notice::info(format!("Exported the labels to {name}")),
                Err(error) => Notice::error(error.to_string()),
            };
            state.dispatch(Action::Notify(notice));
        })
    };
    let onlabelimport = {
        let dispatcher = state.dispatcher();
        Callback::from(move |file: web_sys::File| {
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let read = file_reading::read_text(&file)
                    .await
                    .map_err(|e| e.to_string());
                let action = match read
                    .and_then(|json| label_set::import(&json).map_err(|e| e.to_string()))
                {
                    Ok(labels) => Action::EditLabels(LabelEdit::Import(labels)),
                    Err(error) => Action::Notify(Notice::error(format!(
                        "{} was not read: {error}",
                        file.name()
                    ))),
                };
                dispatcher.dispatch(action);
            });
        })
    };

    let dark = use_state(theme::is_dark);
    let ontheme = {
        let dark = dark.clone();
        Callback::from(move |_: MouseEvent| dark.set(theme::toggle()))
    };

    let document = state.document().clone();
    let labels = state.workspace.open.labels.clone();
    let store = &state.workspace.open.store;
    let counts = labels
        .iter()
        .map(|label| {
            let count = store.iter().filter(|a| a.label == label.id).count();
            format!("{} {count}", label.name)
        })
        .collect::<Vec<_>>()
        .join(" · ");

    html! {
        <div class="app">
            <LabelStyles labels={labels.clone()} />
            <header class="header">
                <div class="header-text">
                    <h1 class="title">{ document.title.clone() }</h1>
                    <p class="counts" aria-live="polite">
                        { format!("{} annotations · {counts}", store.len()) }
                    </p>
                </div>
                <div class="header-actions">
                    <button type="button" class="help-button" aria-keyshortcuts="?"
                        onclick={dispatch(Action::ToggleHelp).reform(|_: MouseEvent| ())}>{ "Shortcuts (?)" }</button>
                    <button type="button" class="theme-toggle" aria-pressed={(*dark).to_string()}
                        onclick={ontheme}>{ "Dark theme" }</button>
                </div>
            </header>
            <section class="tools" aria-label="Annotation tools">
                <Toolbar
                    documents={state.workspace.len()}
                    corpus_scope={state.corpus_scope}
                    ontogglescope={dispatch(Action::ToggleCorpusScope)}
                    labels={labels.clone()}
                    can_undo={store.can_undo()}
                    can_redo={store.can_redo()}
                    has_selected={state.selected.is_some()}
                    {ontag}
                    onundo={dispatch(Action::Undo)}
                    onredo={dispatch(Action::Redo)}
                    onremove={dispatch(Action::RemoveSelected)}
                    snap_to_words={state.snap_to_words}
                    ontogglesnap={dispatch(Action::ToggleSnapToWords)}
                    ontagall={dispatch(Action::TagAllOccurrences)}
                    show_suggestions={state.show_suggestions}
                    suggestion_count={state.suggestions.len()}
                    ontogglesuggestions={dispatch(Action::ToggleSuggestions)}
                    onacceptall={dispatch(Action::AcceptAllSuggestions)}
                    match_case={state.match_case}
                    ontogglecase={dispatch(Action::ToggleMatchCase)}
                    label_editor_open={state.label_editor_open}
                    ontogglelabels={dispatch(Action::ToggleLabelEditor)}
                    any_overlap={store.policy() == OverlapPolicy::Any}
                    ontoggleoverlap={dispatch(Action::ToggleAnyOverlap)}
                    {onexport}
                    {oncopy}
                    {onopen}
                />
            </section>
            if let Some(reason) = state.saving_failed.clone() {
                <div class="saving-warning" role="alert">
                    <span>{ format!("Saving stopped: {reason}. Your work is kept in this tab while it stays open.") }</span>
                    <button type="button" class="export-everything" onclick={onexportall}>{ "Export everything" }</button>
                </div>
            }
            if !state.set_aside.is_empty() {
                <SetAsideBar records={state.set_aside.clone()} ondone={dispatcher_callback(&state, Action::SetAside)} />
            }
            if let Some((done, total)) = state.progress {
                <div class="import-progress" role="status">
                    if total == 0 {
                        <span>{ "Reading the files…" }</span>
                        <progress />
                    } else {
                        <span>{ format!("Adding documents: {done} of {total}…") }</span>
                        <progress value={done.to_string()} max={total.to_string()} />
                    }
                </div>
            }
            if state.paste_box_open {
                <PasteBox onadd={onpasted} onclose={dispatch(Action::TogglePasteBox)} />
            }
            if state.label_editor_open {
                <LabelEditor
                    labels={labels.clone()}
                    annotations={all_annotations.clone()}
                    generation={state.label_refusals}
                    onedit={onlabeledit}
                    onexport={onlabelexport}
                    onimport={onlabelimport}
                />
            }
            <NoticeBar notice={state.notice.clone()} ondismiss={dispatch(Action::DismissNotice)} />
            if state.help_open {
                <HelpOverlay onclose={dispatch(Action::ToggleHelp)} />
            }
            <main class="workspace">
                <DocumentList
                    {summaries}
                    current={state.workspace.current()}
                    filter={state.filter}
                    onopen={dispatcher_callback(&state, Action::OpenDocument)}
                    onstep={dispatcher_callback(&state, |forward| Action::StepDocument { forward })}
                    ontoggledone={dispatch(Action::ToggleDone)}
                    onfilter={dispatcher_callback(&state, Action::SetFilter)}
                    onremove={onremovedocument}
                    onpaste={dispatch(Action::TogglePasteBox)}
                />
                <p id="article-keys" class="visually-hidden">
                    { "Arrow keys select words, Shift with an arrow grows the selection, a label key tags it, Tab moves between annotations, question mark lists every shortcut." }
                </p>
                if state.loading {
                    <p class="article loading" role="status">{ "Opening your saved work…" }</p>
                } else {
                <Article
                    document={document.clone()}
                    labels={labels.clone()}
                    paragraph_spans={state.paragraph_spans.clone()}
                    selected={state.selected_annotation()}
                    {onselect}
                    suggestions={state.suggestions.clone()}
                    {onaccept}
                    node_ref={article_ref}
                />
                }
                <AnnotationList
                    {document}
                    {labels}
                    corpus={state.workspace.shared_entries()}
                    current={state.workspace.current()}
                    annotations={all_annotations}
                    selected={state.selected}
                    {onpick}
                />
            </main>
            <footer class="footer">
                { "Default article: Mehr News Agency, licensed under CC BY 4.0. Offsets are Unicode code points." }
            </footer>
        </div>
    }
}

/// The strings labeled in documents other than the open one, with the workspace's document
/// list and the open document's position they were gathered from.
type ElsewhereCache = (Rc<Vec<Rc<Entry>>>, usize, Rc<[(String, LabelId)]>);

/// The strings labeled in the other documents: from `cache` while those documents are the
/// same (their list is shared until one of them changes), else gathered anew.
fn labeled_elsewhere(
    workspace: &Workspace,
    cache: &std::cell::RefCell<Option<ElsewhereCache>>,
) -> Rc<[(String, LabelId)]> {
    let entries = workspace.shared_entries();
    let current = workspace.current();
    let mut cache = cache.borrow_mut();
    match &*cache {
        Some((kept, at, strings)) if Rc::ptr_eq(kept, &entries) && *at == current => {
            Rc::clone(strings)
        }
        _ => {
            let strings: Rc<[(String, LabelId)]> = workspace.labeled_elsewhere().into();
            *cache = Some((entries, current, Rc::clone(&strings)));
            strings
        }
    }
}

/// A callback that dispatches the action `make` builds from its argument.
fn dispatcher_callback<T: 'static>(
    state: &UseReducerHandle<AppState>,
    make: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatcher = state.dispatcher();
    Callback::from(move |value| dispatcher.dispatch(make(value)))
}

/// The action that adds a pasted text as a new document.
fn pasted_document(state: &AppState, title: &str, text: &str) -> Action {
    if text.trim().is_empty() {
        return Action::Notify(Notice::error("Paste some text first: the box is empty"));
    }
    let title = title.trim();
    let mut record = plain_text::import(text, "pasted");
    record.id = format!("pasted-{}", state.workspace.len() + 1);
    if !title.is_empty() {
        record.title = title.to_owned();
    }
    match record.into_annotated(&state.workspace.open.labels) {
        Ok(annotated) => Action::AddDocuments {
            message: format!("Added “{}”", annotated.document.title),
            documents: vec![(annotated, false)],
        },
        Err(error) => Action::Notify(Notice::error(format!("The text was not added: {error}"))),
    }
}

/// Adds picked or dropped files to the workspace, reporting progress on long imports. A
/// failure only shows a message.
fn open_files(
    files: Vec<web_sys::File>,
    latest: Rc<std::cell::RefCell<UseReducerHandle<AppState>>>,
    dispatcher: UseReducerDispatcher<AppState>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let current = latest.borrow().workspace.open.clone();
        let progress = {
            let dispatcher = dispatcher.clone();
            move |progress| dispatcher.dispatch(Action::SetProgress(progress))
        };
        dispatcher.dispatch(Action::SetProgress(Some((0, 0))));
        let opened = importing::open_files(&files, &current, progress).await;
        dispatcher.dispatch(Action::SetProgress(None));
        match opened {
            Ok(opened) => dispatcher.dispatch(Action::AddDocuments {
                documents: opened.documents,
                message: opened.message,
            }),
            Err(error) => dispatcher.dispatch(Action::Notify(Notice::error(error.to_string()))),
        }
    });
}

/// Turns a key press into an action.
fn on_key(
    event: &KeyboardEvent,
    state: &AppState,
    article_ref: &NodeRef,
    exact: bool,
    dispatcher: &UseReducerDispatcher<AppState>,
) {
    if event.is_composing() || dom::is_typing_target(event) {
        return;
    }
    let modifiers = Modifiers {
        command: event.ctrl_key() || event.meta_key(),
        shift: event.shift_key(),
        alt: event.alt_key(),
    };
    let Some(shortcut) = keys::shortcut(&event.key(), modifiers) else {
        return;
    };
    let article = article_ref.cast::<web_sys::Element>();
    let in_article = article
        .as_ref()
        .zip(
            event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
        )
        .is_some_and(|(article, target)| article.contains(Some(&target)));
    let under_selection = || -> Option<Suggestion> {
        let range = dom::selected_range(article.as_ref()?)?;
        state
            .suggestions
            .iter()
            .find(|s| s.start <= range.start && range.end <= s.end)
            .copied()
    };
    let action = match shortcut {
        Shortcut::Help => Action::ToggleHelp,
        Shortcut::Accept | Shortcut::Label('x') if !state.help_open => {
            let Some(suggestion) = under_selection() else {
                if shortcut == Shortcut::Accept {
                    return;
                }
                return label_key('x', state, article_ref, exact, event, dispatcher);
            };
            dom::clear_selection();
            if shortcut == Shortcut::Accept {
                Action::AcceptSuggestion(suggestion)
            } else {
                Action::RejectSuggestion(suggestion)
            }
        }
        Shortcut::Deselect if state.help_open => Action::ToggleHelp,
        _ if state.help_open => return,
        Shortcut::Accept => return,
        Shortcut::Document { forward } => Action::StepDocument { forward },
        // n and p step through documents unless a label is bound to them.
        Shortcut::Label(key @ ('n' | 'p')) if state.workspace.open.labels.by_key(key).is_none() => {
            Action::StepDocument {
                forward: key == 'n',
            }
        }
        Shortcut::Label(key) => {
            return label_key(key, state, article_ref, exact, event, dispatcher)
        }
        Shortcut::Undo => Action::Undo,
        Shortcut::Redo => Action::Redo,
        Shortcut::Remove => Action::RemoveSelected,
        Shortcut::Deselect => {
            dom::clear_selection();
            Action::Deselect
        }
        Shortcut::Word { forward, extend } => {
            let Some(article) = article.filter(|_| in_article) else {
                return;
            };
            let current = dom::selected_range(&article)
                .or_else(|| state.selected_annotation().map(|a| a.range()));
            let document = state.document();
            if let Some(range) = word_caret::step(document, current, forward, extend) {
                dom::select_offsets(&article, range);
            }
            event.prevent_default();
            return;
        }
        Shortcut::Annotation { forward } => {
            let Some(article) = article.filter(|_| in_article) else {
                return;
            };
            let Some(id) = neighbour_annotation(state, dom::selected_range(&article), forward)
            else {
                // Past the last annotation, Tab leaves the article as usual.
                return;
            };
            dom::clear_selection();
            Action::Reveal(id)
        }
    };
    event.prevent_default();
    dispatcher.dispatch(action);
}

/// Applies the label bound to `key` to the selection (or the selected annotation).
fn label_key(
    key: char,
    state: &AppState,
    article_ref: &NodeRef,
    exact: bool,
    event: &KeyboardEvent,
    dispatcher: &UseReducerDispatcher<AppState>,
) {
    if state.workspace.open.labels.by_key(key).is_none() {
        return;
    }
    let selection = dom::take_selected_range(article_ref);
    event.prevent_default();
    dispatcher.dispatch(Action::LabelKey {
        key,
        selection,
        exact,
    });
}

/// The annotation after (or before) the selected one, or after the text selection's start,
/// in text order.
fn neighbour_annotation(
    state: &AppState,
    text_selection: Option<std::ops::Range<usize>>,
    forward: bool,
) -> Option<AnnotationId> {
    let store = &state.workspace.open.store;
    let selected = state
        .selected_annotation()
        .filter(|_| text_selection.is_none());
    let at = |a: &Annotation| a.text_order();
    match (selected, text_selection, forward) {
        (Some(current), _, true) => store.iter().find(|a| at(a) > at(&current)),
        (Some(current), _, false) => store.iter().rev().find(|a| at(a) < at(&current)),
        (None, Some(range), true) => store.iter().find(|a| a.start >= range.start),
        (None, Some(range), false) => store.iter().rev().find(|a| a.start < range.start),
        (None, None, true) => store.iter().next(),
        (None, None, false) => store.iter().next_back(),
    }
    .map(|a| a.id)
}
