//! One list of the structure: rename, reorder, remove and add members.

use leptos::prelude::*;

use super::store::use_store;
use super::structure::{Dimension, members, new_member};
use crate::model::structure::ItemId;
use crate::model::{Command, Kind};

/// The members of `dimension` under `title`; refusals go to `message`.
#[component]
pub fn DimensionList(dimension: Dimension, title: Signal<String>, message: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let list = Memo::new(move |_| store.read(|engine| members(engine.plan(), dimension)));
    let run = move |command: Command| {
        message.set(store.execute(command).err().map(|error| lang().command_error(&error)));
    };
    let row = move |(index, (item, name)): (usize, (ItemId, String))| {
        // The list's length changes while a row stays: read it, do not capture it.
        let last = move || index + 1 == list.with(Vec::len);
        view! {
            <li>
                <input
                    type="text"
                    value=name.clone()
                    aria-label=move || format!("{} {}", lang().name_label(), name)
                    on:change=move |ev| run(Command::Rename { item, name: event_target_value(&ev) })
                />
                <button title=move || lang().move_up() disabled=index == 0 on:click=move |_| run(Command::Move { item, to: index - 1 })>"↑"</button>
                <button title=move || lang().move_down() disabled=last on:click=move |_| run(Command::Move { item, to: index + 1 })>"↓"</button>
                <button title=move || lang().remove() class="remove" on:click=move |_| run(Command::Remove(item))>"✕"</button>
            </li>
        }
    };
    let new_name = RwSignal::new(String::new());
    let new_kind = RwSignal::new(Kind::Cost);
    let add = move || {
        let name = new_name.get_untracked();
        let item = store.read(|engine| new_member(engine.plan(), dimension, name, new_kind.get_untracked()));
        if let Some(item) = item {
            let index = list.with_untracked(Vec::len);
            run(Command::Insert { index, item: Box::new(item) });
            if message.with_untracked(Option::is_none) {
                new_name.set(String::new());
            }
        }
    };
    let kind_select = (dimension == Dimension::Category).then(|| {
        view! {
            <select aria-label=move || lang().kind_label() on:change=move |ev| new_kind.set(if event_target_value(&ev) == "revenue" { Kind::Revenue } else { Kind::Cost })>
                <option value="cost">{move || lang().kind_name(Kind::Cost)}</option>
                <option value="revenue">{move || lang().kind_name(Kind::Revenue)}</option>
            </select>
        }
    });
    let adder = (dimension != Dimension::Line).then(|| {
        view! {
            <form class="add" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <input type="text" prop:value=move || new_name.get() placeholder=move || lang().new_name() on:input=move |ev| new_name.set(event_target_value(&ev)) />
                {kind_select}
                <button type="submit">{move || lang().add()}</button>
            </form>
        }
    });
    view! {
        <section class="dimension" data-dimension=format!("{dimension:?}").to_lowercase()>
            <h2>{title}</h2>
            <ol>
                <For each=move || list.get().into_iter().enumerate() key=|(index, (item, name))| (*index, *item, name.clone()) children=row />
            </ol>
            {adder}
        </section>
    }
}
