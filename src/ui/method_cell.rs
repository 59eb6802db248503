//! The forecast method of a line, chosen from a list.

use leptos::prelude::*;

use super::store::use_store;
use rust_decimal::Decimal;

use crate::model::forecast::to_ore;
use crate::model::period::closed_count;
use crate::model::{Amount, Command, Driver, Engine, Forecast, LineId, Row, Series};

/// The methods a user can pick for `line`. The manual one starts from the
/// line's current forecast, so switching to it changes no figure; volume ×
/// price on a driver keeps the line's price, or starts from the price that
/// makes the remaining months equal their budget.
fn choices(store: super::store::Store, line: LineId) -> Vec<Forecast> {
    store.read(|engine| {
        let months = engine.months(Row::Line(line), Series::Forecast).unwrap_or_default();
        let mut choices = vec![Forecast::Budget, Forecast::RunRate, Forecast::LastYear, Forecast::Manual { months }];
        let current = engine.plan().line(line).map(|line| line.forecast.clone());
        for driver in &engine.plan().drivers {
            let price = match &current {
                Some(Forecast::Driver { driver: d, price }) if *d == driver.id => *price,
                _ => budget_price(engine, line, driver).unwrap_or(Amount::ZERO),
            };
            choices.push(Forecast::Driver { driver: driver.id, price });
        }
        choices
    })
}

/// The remaining budget of `line` per unit of `driver` over the open months.
fn budget_price(engine: &Engine, line: LineId, driver: &Driver) -> Option<Amount> {
    let open = closed_count(engine.plan().closed_through);
    let budget = engine.months(Row::Line(line), Series::Budget).ok()?;
    let amount = Amount::checked_sum(budget[open..].iter().copied()).ok()?;
    let volume = driver.months[open..].iter().try_fold(Decimal::ZERO, |sum, q| sum.checked_add(*q))?;
    let price = amount.decimal().checked_div(volume)?;
    to_ore(price).ok()
}

fn same_method(a: &Forecast, b: &Forecast) -> bool {
    match (a, b) {
        (Forecast::Driver { driver: x, .. }, Forecast::Driver { driver: y, .. }) => x == y,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

/// A list of forecast methods; a change is one undoable command.
#[component]
pub fn MethodCell(line: LineId) -> impl IntoView {
    let store = use_store();
    let current = Memo::new(move |_| store.read(|engine| engine.plan().line(line).map(|line| line.forecast.clone())));
    let options = move || {
        let lang = store.lang.get();
        choices(store, line)
            .iter()
            .enumerate()
            .map(|(index, choice)| {
                let selected = current.with(|current| current.as_ref().is_some_and(|c| same_method(c, choice)));
                let name = match choice {
                    Forecast::Driver { driver, .. } => store.read(|engine| {
                        let driver = engine.plan().driver(*driver).map_or("", |d| d.name.as_str()).to_owned();
                        format!("{} ({driver})", lang.method_name(choice))
                    }),
                    _ => lang.method_name(choice).to_owned(),
                };
                view! { <option value=index.to_string() selected=selected>{name}</option> }
            })
            .collect_view()
    };
    let on_change = move |ev| {
        let index: usize = event_target_value(&ev).parse().unwrap_or(usize::MAX);
        if let Some(forecast) = choices(store, line).into_iter().nth(index) {
            let _ = store.execute(Command::SetForecast { line, forecast });
        }
    };
    view! {
        <select class="method" tabindex="-1" aria-label=move || store.lang.get().method() on:change=on_change>
            {options}
        </select>
    }
}
