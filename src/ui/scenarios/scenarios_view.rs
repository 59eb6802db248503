//! The Scenarier view: the list, the chosen scenario's editor and the comparison.

use leptos::prelude::*;

use super::comparison::Comparison;
use super::next_year_dialog::NextYearDialog;
use super::scenario_editor::ScenarioEditor;
use super::scenario_list::ScenarioList;
use crate::model::scenario::ScenarioId;
use crate::ui::store::use_store;

/// The plan's scenarios, one of them open for editing, and the comparison;
/// the example with scenarios and next year's plan a click away.
#[component]
pub fn ScenariosView() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let chosen = RwSignal::new(None::<ScenarioId>);
    let message = RwSignal::new(None::<String>);
    let next_year = RwSignal::new(false);
    // The chosen scenario while it exists, else the first.
    let current = Memo::new(move |_| {
        store.read(|engine| {
            let scenarios = &engine.plan().scenarios;
            let wanted = chosen.get().filter(|id| scenarios.iter().any(|s| s.id == *id));
            wanted.or(scenarios.first().map(|s| s.id))
        })
    });
    let open_example = move |_| {
        let _ = store.open_new(crate::model::example::budget_2024());
    };
    view! {
        <section class="scenarios" aria-label=move || lang().view_scenarios()>
            <div class="scenario-bar">
                <button data-action="open-example" on:click=open_example>{move || lang().open_example()}</button>
                <button data-action="next-year" on:click=move |_| next_year.set(true)>{move || lang().start_next_year()}</button>
            </div>
            <Show when=move || next_year.get()>
                <NextYearDialog open=next_year />
            </Show>
            {move || message.get().map(|text| view! { <p role="alert" class="scenario-message">{text}</p> })}
            <ScenarioList current chosen message />
            {move || current.get().map(|id| view! { <ScenarioEditor id message /> })}
            <Comparison />
        </section>
    }
}
