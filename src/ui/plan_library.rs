//! The plans in this browser, and earlier versions of the open one.

use leptos::prelude::*;

use super::store::use_store;
use crate::model::Plan;
use crate::storage::{self, Entry};

/// Open, duplicate and delete plans (a deletion can be undone for a while),
/// and restore an earlier version of the open plan.
#[component]
pub fn PlanLibrary() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let message = RwSignal::new(None::<String>);
    let deleted = RwSignal::new(None::<Plan>);
    let fail = move |failure: storage::StorageFailure| message.set(Some(lang().storage_failure(&failure).to_owned()));
    let row = move |entry: Entry| {
        let id = entry.id.clone();
        let is_open = Memo::new(move |_| store.plan_id() == id);
        let open = move || is_open.get();
        let (open_id, copy_id, delete_id, rename_id) =
            (entry.id.clone(), entry.id.clone(), entry.id.clone(), entry.id.clone());
        view! {
            <li class:current=open data-plan=entry.id.clone()>
                <input
                    class="name"
                    type="text"
                    value=entry.name.clone()
                    aria-label=move || lang().plan_name()
                    on:change=move |ev| message.set(store.rename(&rename_id, event_target_value(&ev)).err())
                />
                <span class="saved">{move || lang().saved_at(entry.saved.as_deref())}</span>
                <button disabled=open on:click=move |_| { if let Err(f) = store.open_plan(&open_id) { fail(f) } }>{move || lang().open()}</button>
                <button on:click=move |_| { if let Err(f) = store.duplicate(&copy_id, lang().copy_suffix()) { fail(f) } }>{move || lang().duplicate()}</button>
                <button disabled=open on:click=move |_| match store.delete(&delete_id) {
                    Ok(plan) => deleted.set(Some(plan)),
                    Err(f) => fail(f),
                }>{move || lang().remove()}</button>
            </li>
        }
    };
    let undo_delete = move |_| {
        if let Some(plan) = deleted.get_untracked() {
            match store.undelete(&plan) {
                Ok(()) => deleted.set(None),
                Err(f) => fail(f),
            }
        }
    };
    let backups = move || {
        store.library.track();
        let id = store.plan_id();
        storage::backups(&id)
            .into_iter()
            .map(|backup| {
                let name = lang().backup_name(&backup);
                view! {
                    <li>
                        <span>{name}</span>
                        <button on:click=move |_| {
                            let backup = backup.clone();
                            leptos::task::spawn_local(async move { message.set(store.restore(backup).await.err()) });
                        }>{move || lang().restore()}</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <aside class="library" aria-label=move || lang().plans()>
            <h2>{move || lang().plans()}</h2>
            {move || message.get().map(|text| view! { <p role="alert" class="library-message">{text}</p> })}
            {move || deleted.get().map(|plan| view! {
                <p class="deleted" role="status">
                    {lang().deleted(&plan.name)} " "
                    <button on:click=undo_delete>{lang().undo()}</button>
                </p>
            })}
            <ul class="plans">
                <For each=move || store.library.get().plans key=|entry| (entry.id.clone(), entry.name.clone(), entry.revision) children=row />
            </ul>
            <h3>{move || lang().backups_title()}</h3>
            <ul class="backups">{backups}</ul>
        </aside>
    }
}
