//! The forecast method of a line, chosen from a list.

use leptos::prelude::*;

use super::store::use_store;
use crate::model::{Command, Forecast, LineId, Row, Series};

/// The methods a user can pick for `line`: the manual one starts from the
/// line's current forecast, so switching to it changes no figure.
fn choices(store: super::store::Store, line: LineId) -> Vec<Forecast> {
    store.read(|engine| {
        let current = engine.plan().line(line).map(|line| line.forecast.clone());
        let months = engine.months(Row::Line(line), Series::Forecast).unwrap_or_default();
        let mut choices = vec![Forecast::Budget, Forecast::RunRate, Forecast::LastYear, Forecast::Manual { months }];
        if let Some(driver @ Forecast::Driver { .. }) = current {
            choices.push(driver);
        }
        choices
    })
}

fn same_method(a: &Forecast, b: &Forecast) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
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
                view! { <option value=index.to_string() selected=selected>{lang.method_name(choice)}</option> }
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
