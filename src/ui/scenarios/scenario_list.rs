//! The plan's scenarios: choose, rename, duplicate, remove, export; add one.

use leptos::prelude::*;

use super::edits::{create, duplicate, save, scenario};
use super::run;
use super::scenario_file::export_scenario;
use super::words::base_words;
use crate::model::Command;
use crate::model::scenario::{Base, ScenarioId};
use crate::ui::store::use_store;

/// Each scenario with its base and what can be done to it, and a form for a new one.
#[component]
pub fn ScenarioList(
    current: Memo<Option<ScenarioId>>,
    chosen: RwSignal<Option<ScenarioId>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let new_name = RwSignal::new(String::new());
    let new_base = RwSignal::new(String::new());
    let list = move || {
        let scenarios = store.read(|e| {
            e.plan()
                .scenarios
                .iter()
                .map(|s| (s.id, s.name.clone(), base_words(e.plan(), s.base, lang())))
                .collect::<Vec<_>>()
        });
        scenarios.into_iter().map(|(id, name, base)| {
            let rename = move |ev| {
                let name = event_target_value(&ev);
                run(store, message, |e| {
                    let mut s = scenario(e, id).ok_or(crate::model::CommandError::UnknownScenario(id))?;
                    s.name = name.trim().into();
                    save(e, vec![s])
                });
            };
            let copy_name = format!("{name} {}", lang().copy_suffix());
            view! {
                <li data-scenario=id.0 class:current=move || current.get() == Some(id)>
                    <input type="radio" name="scenario" aria-label=lang().choose_scenario() prop:checked=move || current.get() == Some(id) on:change=move |_| chosen.set(Some(id)) />
                    <input class="name" type="text" value=name aria-label=lang().scenario_name() on:change=rename />
                    <span class="base">{lang().on_base(&base)}</span>
                    <button data-action="duplicate" on:click=move |_| run(store, message, |e| duplicate(e, id, &copy_name))>{lang().duplicate()}</button>
                    <button data-action="remove" on:click=move |_| run(store, message, |_| Ok(Command::RemoveScenario(id)))>{lang().remove()}</button>
                    <button data-action="export-scenario" on:click=move |_| export_scenario(store, id)>{lang().export_scenario()}</button>
                </li>
            }
        }).collect_view()
    };
    let bases = move || {
        let options = store.read(|e| e.plan().scenarios.iter().map(|s| (s.id.0, s.name.clone())).collect::<Vec<_>>());
        options.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let base = new_base.get_untracked().parse().ok().map_or(Base::Budget, |id| Base::Scenario(ScenarioId(id)));
        let name = new_name.get_untracked();
        run(store, message, |e| create(e, &name, base));
        if message.get_untracked().is_none() {
            new_name.set(String::new());
            chosen.set(store.peek(|e| e.plan().scenarios.last().map(|s| s.id)));
        }
    };
    view! {
        <div class="scenario-list">
            <h2>{move || lang().view_scenarios()}</h2>
            <ul>{list}</ul>
            <form class="new-scenario" on:submit=add>
                <label>{move || lang().scenario_name()}
                    <input type="text" data-field="scenario-name" prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev)) />
                </label>
                <label>{move || lang().base_label()}
                    <select data-field="scenario-base" on:change=move |ev| new_base.set(event_target_value(&ev))>
                        <option value="">{move || lang().base_budget()}</option>
                        {bases}
                    </select>
                </label>
                <button type="submit">{move || lang().new_scenario()}</button>
            </form>
        </div>
    }
}
