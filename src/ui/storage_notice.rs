//! A visible notice when the plan could not be saved or opened from storage.

use leptos::prelude::*;

use super::store::use_store;

/// Shows the current storage problem until the user dismisses it.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let store = use_store();
    move || {
        store.storage_failure.get().map(|failure| {
            let lang = store.lang.get();
            view! {
                <div class="notice" role="alert">
                    <span>{lang.storage_failure(&failure)}</span>
                    <button on:click=move |_| store.storage_failure.set(None)>{lang.dismiss()}</button>
                </div>
            }
        })
    }
}
