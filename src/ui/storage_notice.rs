//! A visible notice when the plan could not be saved or opened from storage,
//! with what the user can do about it right there.

use leptos::prelude::*;

use super::files::export;
use super::store::use_store;
use crate::storage::StorageFailure;

/// Shows the current storage problem: export when saving fails, reload or
/// keep a copy when another tab saved the plan.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let store = use_store();
    move || {
        store.storage_failure.get().map(|failure| {
            let lang = store.lang.get();
            let actions = match failure {
                StorageFailure::Conflict { .. } => view! {
                    <button on:click=move |_| leptos::task::spawn_local(async move {
                        if let Err(failure) = store.reload().await { store.storage_failure.set(Some(failure)) }
                    })>{lang.reload()}</button>
                    <button on:click=move |_| store.save_as_copy(lang.copy_suffix())>{lang.keep_as_copy()}</button>
                }
                .into_any(),
                StorageFailure::Full | StorageFailure::Unavailable => {
                    view! { <button on:click=move |_| export(store)>{lang.export_file()}</button> }.into_any()
                }
                StorageFailure::Unreadable(_) => ().into_any(),
            };
            let conflict = matches!(failure, StorageFailure::Conflict { .. });
            view! {
                <div class="notice storage" role="alert" data-failure=format!("{failure:?}")>
                    <span>{lang.storage_failure(&failure)}</span>
                    {actions}
                    {(!conflict).then(|| view! { <button on:click=move |_| store.storage_failure.set(None)>{lang.dismiss()}</button> })}
                </div>
            }
        })
    }
}
