//! The bar that stays while saved records are kept aside because they could not be opened:
//! it says how many and why, downloads them as they are, and deletes them once the user says
//! so (asked first).

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::browser::{dialogs, downloads, indexed_db as workspace_store};
use crate::ui::flows::set_aside::{self, AsideRecord};

/// Props of [`SetAsideBar`].
#[derive(Properties, PartialEq)]
pub struct SetAsideBarProps {
    /// The records kept aside.
    pub records: Rc<[AsideRecord]>,
    /// The records left after a deletion (none).
    pub ondone: Callback<Rc<[AsideRecord]>>,
}

/// Shows the records kept aside with Export and Delete.
#[function_component(SetAsideBar)]
pub fn set_aside_bar(props: &SetAsideBarProps) -> Html {
    let failure = use_state(|| None::<String>);
    let onexport = {
        let records = Rc::clone(&props.records);
        let failure = failure.clone();
        Callback::from(move |_: MouseEvent| {
            let downloaded = set_aside::download(&records)
                .map_err(|e| e.to_string())
                .and_then(|(name, mime, bytes)| {
                    downloads::download_bytes(&name, mime, &bytes).map_err(|e| e.to_string())
                });
            failure.set(downloaded.err());
        })
    };
    let ondelete = {
        let records = Rc::clone(&props.records);
        let ondone = props.ondone.clone();
        let failure = failure.clone();
        Callback::from(move |_: MouseEvent| {
            let question = format!(
                "Delete the {} records kept aside from this browser for good? Export them first \
                 to keep them.",
                records.len()
            );
            if !dialogs::confirm(&question) {
                return;
            }
            let keys: Vec<String> = records.iter().map(|r| r.stored_as.clone()).collect();
            let ondone = ondone.clone();
            let failure = failure.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match workspace_store::write(&workspace_store::Writes::delete(keys)).await {
                    Ok(()) => ondone.emit(Rc::from([])),
                    Err(error) => failure.set(Some(error.to_string())),
                }
            });
        })
    };
    let reasons: Vec<String> = props
        .records
        .iter()
        .map(|record| record.reason.clone())
        .collect();
    let count = props.records.len();
    html! {
        <div class="set-aside" role="alert">
            <span>
                { format!(
                    "{count} saved {} could not be opened and {} kept aside in this browser, as {} ({}).",
                    if count == 1 { "record" } else { "records" },
                    if count == 1 { "is" } else { "are" },
                    if count == 1 { "it was" } else { "they were" },
                    reasons.join("; ")
                ) }
                if let Some(error) = (*failure).clone() {
                    { format!(" {error}.") }
                }
            </span>
            <button type="button" class="export-set-aside" onclick={onexport}>{ "Export them as they are" }</button>
            <button type="button" class="delete-set-aside" onclick={ondelete}>{ "Delete them…" }</button>
        </div>
    }
}
