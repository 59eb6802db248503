//! The plans in this browser, and earlier versions of the open one.

use std::future::Future;

use leptos::prelude::*;

use super::store::{Store, use_store};
use crate::model::Plan;
use crate::storage::{Entry, StorageFailure};

/// Open, duplicate and delete plans (a deletion can be undone for a while),
/// and restore an earlier version of the open plan.
#[component]
pub fn PlanLibrary() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let message = RwSignal::new(None::<String>);
    let deleted = RwSignal::new(None::<Plan>);
    let row = move |entry: Entry| {
        let id = entry.id.clone();
        let is_open = Memo::new(move |_| store.plan_id() == id);
        let open = move || is_open.get();
        let (open_id, copy_id, delete_id, rename_id) =
            (entry.id.clone(), entry.id.clone(), entry.id.clone(), entry.id.clone());
        let on_rename = move |ev| {
            let (id, name) = (rename_id.clone(), event_target_value(&ev));
            leptos::task::spawn_local(async move { message.set(store.rename(id, name).await.err()) });
        };
        let on_delete = move |_| {
            let id = delete_id.clone();
            run(store, message, async move {
                deleted.set(Some(store.delete(id).await?));
                Ok(())
            });
        };
        view! {
            <li class:current=open data-plan=entry.id.clone()>
                <input class="name" type="text" value=entry.name.clone() aria-label=move || lang().plan_name() on:change=on_rename />
                <span class="saved">{move || lang().saved_at(entry.saved.as_deref())}</span>
                <button disabled=open on:click=move |_| run(store, message, store.open_plan(open_id.clone()))>{move || lang().open()}</button>
                <button on:click=move |_| run(store, message, store.duplicate(copy_id.clone(), lang().copy_suffix()))>{move || lang().duplicate()}</button>
                <button disabled=open on:click=on_delete>{move || lang().remove()}</button>
            </li>
        }
    };
    let undo_delete = move |_| {
        if let Some(plan) = deleted.get_untracked() {
            run(store, message, async move {
                store.undelete(plan).await?;
                deleted.set(None);
                Ok(())
            });
        }
    };
    let backups =
        move || {
            let id = store.plan_id();
            store.library.with(|index| index.backups(&id)).into_iter().map(|backup| {
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
                <For each=move || store.library.get().plans key=|entry| entry.clone() children=row />
            </ul>
            <h3>{move || lang().backups_title()}</h3>
            <ul class="backups">{backups}</ul>
        </aside>
    }
}

/// Runs a storage action of the list; a failure is shown in its message line.
fn run(
    store: Store,
    message: RwSignal<Option<String>>,
    action: impl Future<Output = Result<(), StorageFailure>> + 'static,
) {
    leptos::task::spawn_local(async move {
        if let Err(failure) = action.await {
            message.set(Some(store.lang.get_untracked().storage_failure(&failure).to_owned()));
        }
    });
}
