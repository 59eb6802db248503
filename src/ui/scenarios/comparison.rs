//! Scenarios side by side against the plan's budget.

use leptos::prelude::*;

use super::compare_sheet::{CompareSheet, Figures};
use crate::model::scenario::ScenarioId;
use crate::ui::grid::{SheetGrid, SheetRef};
use crate::ui::store::use_store;

/// Checkboxes that choose the scenarios, and the comparison on the grid.
#[component]
pub fn Comparison() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    // Unticked scenarios; every scenario is compared until unticked.
    let hidden = RwSignal::new(Vec::<ScenarioId>::new());
    let scenarios =
        move || store.read(|e| e.plan().scenarios.iter().map(|s| (s.id, s.name.clone())).collect::<Vec<_>>());
    let sheet = Memo::new(move |_| {
        let fmt = store.fmt();
        let chosen: Vec<Figures> = scenarios()
            .into_iter()
            .filter(|(id, _)| !hidden.get().contains(id))
            .map(|(id, _)| Figures::Scenario(id))
            .collect();
        SheetRef::new(store.read(|engine| CompareSheet::new(engine, Figures::Budget, &chosen, fmt)))
    });
    let boxes = move || {
        scenarios().into_iter().map(|(id, name)| {
            let toggle = move |ev| {
                let on = event_target_checked(&ev);
                hidden.update(|h| if on { h.retain(|x| *x != id) } else { h.push(id) });
            };
            view! { <label><input type="checkbox" data-compare=id.0 prop:checked=move || !hidden.get().contains(&id) on:change=toggle />{name}</label> }
        }).collect_view()
    };
    view! {
        <div class="comparison">
            <h3>{move || lang().comparison()}</h3>
            <fieldset class="compare-choice"><legend>{move || lang().compare_which()}</legend>{boxes}</fieldset>
            <div class="scenario-grid" id="comparison">
                <SheetGrid sheet id="comparison-grid" label=Signal::derive(move || lang().comparison()) />
            </div>
        </div>
    }
}
