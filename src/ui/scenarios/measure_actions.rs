//! What can be done to one measure: move up or down, duplicate, switch,
//! delete, move to another scenario.

use leptos::prelude::*;

use super::edits::{MeasureEdit, edit_measure, move_measure};
use super::run;
use crate::model::scenario::ScenarioId;
use crate::ui::store::use_store;

/// A measure chosen from a list and the buttons that act on it.
#[component]
pub fn MeasureActions(id: ScenarioId, message: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let chosen = RwSignal::new(0usize);
    let target = RwSignal::new(None::<ScenarioId>);
    let measures = move || {
        let names = store.read(|e| {
            e.plan()
                .scenarios
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.measures.iter().map(|m| m.name.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        });
        names.into_iter().enumerate().map(|(i, name)| view! { <option value=i.to_string() selected=move || chosen.get() == i>{format!("{}. {name}", i + 1)}</option> }).collect_view()
    };
    let others = move || {
        let others = store.read(|e| {
            e.plan().scenarios.iter().filter(|s| s.id != id).map(|s| (s.id, s.name.clone())).collect::<Vec<_>>()
        });
        others.into_iter().map(|(id, name)| view! { <option value=id.0.to_string()>{name}</option> }).collect_view()
    };
    let act = move |edit: MeasureEdit| {
        let index = chosen.get_untracked();
        run(store, message, |e| edit_measure(e, id, index, edit));
        let moved = match edit {
            MeasureEdit::Up => index.saturating_sub(1),
            MeasureEdit::Down | MeasureEdit::Duplicate => index + 1,
            _ => index,
        };
        if message.get_untracked().is_none() {
            chosen.set(moved);
        }
    };
    let button = move |edit: MeasureEdit, key: &'static str| {
        view! { <button data-action=key on:click=move |_| act(edit)>{move || lang().measure_action(key)}</button> }
    };
    let move_to = move |_| {
        if let Some(to) = target.get_untracked() {
            run(store, message, |e| move_measure(e, id, chosen.get_untracked(), to));
        }
    };
    view! {
        <div class="measure-actions" role="group" aria-label=move || lang().measure_actions()>
            <label>{move || lang().measure_column("name")}
                <select data-field="measure" on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>{measures}</select>
            </label>
            {button(MeasureEdit::Up, "up")}
            {button(MeasureEdit::Down, "down")}
            {button(MeasureEdit::Toggle, "toggle")}
            {button(MeasureEdit::Duplicate, "duplicate")}
            {button(MeasureEdit::Delete, "delete")}
            <label>{move || lang().move_to()}
                <select data-field="move-to" on:change=move |ev| target.set(event_target_value(&ev).parse().ok().map(ScenarioId))>
                    <option value="">"–"</option>
                    {others}
                </select>
            </label>
            <button data-action="move" on:click=move_to>{move || lang().measure_action("move")}</button>
        </div>
    }
}
