//! The open plan's name and its file commands: export, import, the library.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::files::{export, export_csv, export_xlsx, import, read_outcome};
use super::store::use_store;
use crate::model::Command;

/// Name, export, import (a file chosen here or dropped on the page) and a
/// switch for the plan library; and when the plan was last exported.
#[component]
pub fn PlanMenu(
    library_open: RwSignal<bool>,
    import_over: RwSignal<bool>,
    outcome: RwSignal<Option<crate::outcome_import::Table>>,
) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let name = move || store.read(|engine| engine.plan().name.clone());
    let exported = move || {
        let id = store.plan_id();
        let when = store.library.with(|index| index.entry(&id).and_then(|entry| entry.exported.clone()));
        let nudge = when.is_none();
        let text = lang().exported_at(when.as_deref());
        let title = text.clone();
        view! { <span class="exported" class:nudge=nudge title=title>{text}</span> }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                import(store, file, import_over.get_untracked());
            }
            input.set_value("");
        }
    };
    let on_outcome = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read_outcome(store, file, outcome);
            }
            input.set_value("");
        }
    };
    view! {
        <div class="plan-menu">
            <input
                class="plan-name"
                type="text"
                prop:value=name
                aria-label=move || lang().plan_name()
                on:change=move |ev| { let _ = store.execute(Command::SetName(event_target_value(&ev))); }
            />
            <button on:click=move |_| export(store)>{move || lang().export_file()}</button>
            <label class="button">
                {move || lang().import_file()}
                <input type="file" accept=".json,application/json" data-control="import" on:change=on_file />
            </label>
            <button on:click=move |_| export_csv(store)>{move || lang().export_csv()}</button>
            <button on:click=move |_| export_xlsx(store)>{move || lang().export_xlsx()}</button>
            <label class="button">
                {move || lang().import_outcome()}
                <input type="file" accept=".csv,.txt,.xlsx" data-control="import-outcome" on:change=on_outcome />
            </label>
            <label class="import-over">
                <input type="checkbox" prop:checked=move || import_over.get() on:change=move |ev| import_over.set(event_target_checked(&ev)) />
                {move || lang().import_over()}
            </label>
            <button aria-expanded=move || library_open.get().to_string() on:click=move |_| library_open.update(|open| *open = !*open)>
                {move || lang().plans()}
            </button>
            {exported}
        </div>
    }
}
