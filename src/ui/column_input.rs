//! Choosing a column of a table, however wide, by typing it.

use leptos::prelude::*;

use super::store::use_store;
use crate::outcome_import::Table;

/// The id of the list of suggested columns the inputs share.
pub const SUGGESTIONS: &str = "outcome-columns";

/// A column chosen by typing its letter (`B`), its heading or part of it,
/// with suggestions from the shared list; `typing` holds what is typed, for
/// the suggestions. `pick` gets the column, or `None` when the field is
/// emptied; a text that names no column is said so, and changes nothing.
#[component]
pub fn ColumnInput(
    /// What the column holds, as the user reads it: "jan".
    role: Signal<String>,
    column: Signal<Option<usize>>,
    table: RwSignal<Option<Table>>,
    header: Signal<bool>,
    typing: RwSignal<String>,
    pick: Callback<Option<usize>>,
) -> impl IntoView {
    let store = use_store();
    let unknown = RwSignal::new(None::<String>);
    let label = move || {
        let header = header.get();
        column.get().and_then(|c| table.with(|t| t.as_ref().map(|t| t.label(c, header)))).unwrap_or_default()
    };
    let chosen = move |typed: String| {
        if typed.trim().is_empty() {
            unknown.set(None);
            return pick.run(None);
        }
        match table.with_untracked(|t| t.as_ref().and_then(|t| t.find(&typed, header.get_untracked()))) {
            Some(c) => {
                unknown.set(None);
                pick.run(Some(c));
            }
            None => unknown.set(Some(typed)),
        }
    };
    view! {
        <label class="column" class:unknown=move || unknown.with(Option::is_some)>
            <span class="role">{role}</span>
            <input type="text" list=SUGGESTIONS prop:value=label autocomplete="off"
                on:focus=move |_| typing.set(String::new())
                on:input=move |ev| typing.set(event_target_value(&ev))
                on:change=move |ev| chosen(event_target_value(&ev)) />
            {move || unknown.get().map(|typed| view! { <span class="error">{store.lang.get().no_such_column(&typed)}</span> })}
        </label>
    }
}
