//! The tabs that switch between the views of the plan.

use leptos::prelude::*;

use super::sheet::View;
use super::store::use_store;
use crate::model::Series;

/// Result, budget by month and outcome with forecast; the monthly view also
/// chooses which series it shows.
#[component]
pub fn ViewTabs() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let tab = move |view: View, label: fn(super::i18n::Lang) -> &'static str, key: &'static str| {
        let current = move || std::mem::discriminant(&store.view.get()) == std::mem::discriminant(&view);
        view! {
            <button
                role="tab"
                data-view=key
                aria-selected=move || current().to_string()
                on:click=move |_| if !current() { store.view.set(view) }
            >
                {move || label(lang())}
            </button>
        }
    };
    let series_select = move || {
        let View::Monthly(shown) = store.view.get() else { return None };
        let options = Series::ALL.map(|series| {
            view! { <option value=series.index().to_string() selected=series == shown>{move || lang().series_name(series)}</option> }
        });
        let on_change = move |ev| {
            let chosen = event_target_value(&ev).parse::<usize>().ok().and_then(|i| Series::ALL.get(i).copied());
            if let Some(series) = chosen {
                store.view.set(View::Monthly(series));
            }
        };
        Some(view! {
            <label class="series">
                {move || lang().series_label()} " "
                <select data-control="series" on:change=on_change>{options}</select>
            </label>
        })
    };
    view! {
        <nav class="views">
            <div role="tablist" aria-label=move || lang().views_label()>
                {tab(View::Result, super::i18n::Lang::view_result, "result")}
                {tab(View::Monthly(Series::Budget), super::i18n::Lang::view_monthly, "monthly")}
                {tab(View::Outcome, super::i18n::Lang::view_outcome, "outcome")}
                {tab(View::Structure, super::i18n::Lang::view_structure, "structure")}
                {tab(View::Indicators, super::i18n::Lang::view_indicators, "indicators")}
                {tab(View::Allocation(Default::default()), super::i18n::Lang::view_allocation, "allocation")}
                {tab(View::Scenarios, super::i18n::Lang::view_scenarios, "scenarios")}
            </div>
            {series_select}
        </nav>
    }
}
