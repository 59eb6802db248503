//! Forecast accuracy: the forecast made at each closing against today's.

use leptos::prelude::*;

use super::store::use_store;
use crate::model::number::format_amount;
use crate::model::{Amount, Group, Kind, Row, Series, Span};

/// A table of the full-year cost forecast made at each closed month, against
/// the forecast now (the outcome, once the year is closed).
#[component]
pub fn ForecastAccuracy() -> impl IntoView {
    let store = use_store();
    let rows = move || {
        let (lang, unit) = (store.lang.get(), store.unit.get());
        store.read(|engine| {
            let now = engine.value(Row::Total(Group::All, Kind::Cost), Series::Forecast, Span::FullYear);
            engine
                .plan()
                .snapshots
                .iter()
                .map(|snapshot| {
                    let then = engine.snapshot_total(snapshot, Kind::Cost);
                    let difference = match (now, then) {
                        (Ok(now), Ok(then)) => now.checked_sub(then).ok(),
                        _ => None,
                    };
                    let show = |amount: Option<Amount>| {
                        amount.map_or_else(|| lang.out_of_range().to_owned(), |a| format_amount(a, unit))
                    };
                    view! {
                        <tr>
                            <th scope="row">{lang.month(snapshot.closed)}</th>
                            <td>{show(then.ok())}</td>
                            <td>{show(now.ok())}</td>
                            <td>{show(difference)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let lang = move || store.lang.get();
    let has_snapshots = move || store.read(|engine| !engine.plan().snapshots.is_empty());
    view! {
        <section class="accuracy">
            <h2>{move || lang().accuracy_title()}</h2>
            <Show when=has_snapshots fallback=move || view! { <p>{move || lang().no_snapshots()}</p> }>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || lang().closed_month()}</th>
                            <th scope="col">{move || lang().forecast_then()}</th>
                            <th scope="col">{move || lang().forecast_now()}</th>
                            <th scope="col">{move || lang().difference()}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </section>
    }
}
