//! One scenario: its measures on the grid, what can be done to them, its
//! budget against the base and the waterfall from base to scenario.

use leptos::prelude::*;

use super::compare_sheet::{CompareSheet, Figures};
use super::goal_seek_panel::GoalSeekPanel;
use super::measure_actions::MeasureActions;
use super::measure_form::MeasureForm;
use super::measure_sheet::MeasureSheet;
use super::steps::waterfall;
use crate::model::scenario::{ScenarioId, evaluate};
use crate::ui::charts::WaterfallChart;
use crate::ui::grid::{SheetGrid, SheetRef};
use crate::ui::store::use_store;

/// The editor of scenario `id`; refusals go to `message`.
#[component]
pub fn ScenarioEditor(id: ScenarioId, message: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let measures = Memo::new(move |_| {
        let fmt = store.fmt();
        SheetRef::new(store.read(|engine| MeasureSheet::new(engine, id, fmt)))
    });
    let result = Memo::new(move |_| {
        let fmt = store.fmt();
        SheetRef::new(
            store.read(|engine| CompareSheet::new(engine, Figures::BaseOf(id), &[Figures::Scenario(id)], fmt)),
        )
    });
    let name = move || {
        store.read(|e| e.plan().scenarios.iter().find(|s| s.id == id).map(|s| s.name.clone()).unwrap_or_default())
    };
    let chart = move || {
        let (unit, lang) = (store.unit.get(), lang());
        let bars = store.read(|engine| {
            let scenario = engine.plan().scenarios.iter().find(|s| s.id == id)?.clone();
            waterfall(engine, &scenario, &evaluate(engine, id).ok()?, lang).ok()
        })?;
        let description = lang.waterfall_description(&name(), bars.len().saturating_sub(2));
        Some(view! {
            <WaterfallChart id="scenario-waterfall".to_owned() title=lang.waterfall_title(&name()) description bars unit lang />
        })
    };
    view! {
        <div class="scenario-editor" data-editing=id.0>
            <h3>{move || lang().measures_of(&name())}</h3>
            <MeasureActions id message />
            <div class="scenario-grid" id="measures">
                <SheetGrid sheet=measures id="measures-grid" label=Signal::derive(move || lang().measures_of(&name())) />
            </div>
            <MeasureForm id message />
            <GoalSeekPanel id message />
            <h3>{move || lang().against_base()}</h3>
            <div class="scenario-grid" id="scenario-result">
                <SheetGrid sheet=result id="result-grid" label=Signal::derive(move || lang().against_base()) />
            </div>
            {chart}
        </div>
    }
}
