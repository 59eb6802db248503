//! "Starta nästa år": a plan for next year from the open one, in the library.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::model::next_year::{Basis, Index, NextYear};
use crate::model::number::parse_number;
use crate::model::plan::CategoryId;
use crate::model::{Kind, Selection};
use crate::ui::store::use_store;

/// The indexes of next year: wages on personnel costs, prices on every
/// other cost line.
pub fn indexes(plan: &crate::model::Plan, wages: Decimal, prices: Decimal) -> Vec<Index> {
    let personnel: Vec<CategoryId> = plan
        .categories
        .iter()
        .filter(|c| c.kind == Kind::Cost && c.name.starts_with("Personal"))
        .map(|c| c.id)
        .collect();
    let others: Vec<CategoryId> =
        plan.categories.iter().filter(|c| c.kind == Kind::Cost && !personnel.contains(&c.id)).map(|c| c.id).collect();
    [(personnel, wages), (others, prices)]
        .into_iter()
        .filter(|(categories, percent)| !categories.is_empty() && !percent.is_zero())
        .map(|(categories, percent)| Index { selection: Selection { categories, ..Selection::default() }, percent })
        .collect()
}

/// Name, basis (budget or forecast) and the wage and price indexes; "Skapa"
/// adds the plan to the library and opens it.
#[component]
pub fn NextYearDialog(open: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let year = store.peek(|e| e.plan().year + 1);
    let name = RwSignal::new(format!("Budget {year}"));
    let forecast = RwSignal::new(false);
    let wages = RwSignal::new("3,5".to_owned());
    let prices = RwSignal::new("2".to_owned());
    let error = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang();
        let read = |text: String| parse_number(&text).map_err(|e| l.amount_error(e, &text));
        let (wages, prices) = match (read(wages.get_untracked()), read(prices.get_untracked())) {
            (Ok(w), Ok(p)) => (w, p),
            (Err(why), _) | (_, Err(why)) => return error.set(Some(why)),
        };
        let basis = if forecast.get_untracked() { Basis::Forecast } else { Basis::Budget };
        let plan = store.peek(|e| {
            e.next_year(&NextYear { name: name.get_untracked(), basis, indexes: indexes(e.plan(), wages, prices) })
        });
        match plan.map_err(|e| l.next_year_error(&e)).and_then(|p| store.open_new(p).map_err(|e| l.command_error(&e))) {
            Ok(()) => open.set(false),
            Err(why) => error.set(Some(why)),
        }
    };
    view! {
        <form class="next-year" role="dialog" aria-label=move || lang().start_next_year() on:submit=create>
            <h3>{move || lang().start_next_year()}</h3>
            {move || error.get().map(|text| view! { <p role="alert">{text}</p> })}
            <label>{move || lang().plan_name()}
                <input type="text" data-field="next-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <label><input type="radio" name="basis" prop:checked=move || !forecast.get() on:change=move |_| forecast.set(false) />{move || lang().basis_budget()}</label>
            <label><input type="radio" name="basis" data-field="basis-forecast" prop:checked=move || forecast.get() on:change=move |_| forecast.set(true) />{move || lang().basis_forecast()}</label>
            <label>{move || lang().wage_index()}
                <input type="text" data-field="wages" prop:value=move || wages.get() on:input=move |ev| wages.set(event_target_value(&ev)) />
            </label>
            <label>{move || lang().price_index()}
                <input type="text" data-field="prices" prop:value=move || prices.get() on:input=move |ev| prices.set(event_target_value(&ev)) />
            </label>
            <button type="submit" data-action="create-next-year">{move || lang().create()}</button>
            <button type="button" on:click=move |_| open.set(false)>{move || lang().cancel()}</button>
        </form>
    }
}
