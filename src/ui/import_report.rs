//! Why an imported file was refused: every problem, with its place.

use leptos::prelude::*;

use super::store::use_store;

/// The refusal of the last import, until dismissed.
#[component]
pub fn ImportReport() -> impl IntoView {
    let store = use_store();
    move || {
        store.import_report.get().map(|(title, details)| {
            let lang = store.lang.get();
            view! {
                <div class="notice import-report" role="alert">
                    <div>
                        <p>{title}</p>
                        <ul>{details.into_iter().map(|detail| view! { <li>{detail}</li> }).collect_view()}</ul>
                    </div>
                    <button on:click=move |_| store.import_report.set(None)>{lang.dismiss()}</button>
                </div>
            }
        })
    }
}
