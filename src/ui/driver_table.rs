//! Drivers' monthly quantities, typed per month.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::store::use_store;
use crate::model::number::{parse_number, plain};
use crate::model::{Command, DriverId, Month};

/// A table of every driver's twelve quantities; refusals go to `message`.
#[component]
pub fn DriverTable(message: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let drivers = Memo::new(move |_| {
        store.read(|engine| engine.plan().drivers.iter().map(|d| (d.id, d.name.clone())).collect::<Vec<_>>())
    });
    let quantity = move |driver: DriverId, month: Month| {
        store.read(|engine| engine.plan().driver(driver).map_or(Decimal::ZERO, |d| d.months[month.index()]))
    };
    let set = move |driver: DriverId, month: Month, text: String| {
        let result = parse_number(&text).map_err(|error| lang().amount_error(error, &text)).and_then(|value| {
            store.execute(Command::SetQuantities(vec![(driver, month, value)])).map_err(|e| lang().command_error(&e))
        });
        message.set(result.err());
    };
    let row = move |(driver, name): (DriverId, String)| {
        let cells = Month::all()
            .map(|month| {
                let label = format!("{name} {}", lang().month(month));
                let shown = move || plain(quantity(driver, month));
                view! {
                    <td>
                        <input
                            type="text"
                            inputmode="decimal"
                            data-month=month.number()
                            prop:value=shown
                            aria-label=label
                            on:change=move |ev| set(driver, month, event_target_value(&ev))
                        />
                    </td>
                }
            })
            .collect_view();
        view! { <tr data-driver=driver.0><th scope="row">{name.clone()}</th>{cells}</tr> }
    };
    let headers =
        move || Month::all().map(|month| view! { <th scope="col">{lang().month_short(month)}</th> }).collect_view();
    view! {
        <section class="drivers">
            <h2>{move || lang().driver_quantities()}</h2>
            <table>
                <thead><tr><th scope="col">{move || lang().drivers()}</th>{headers}</tr></thead>
                <tbody>
                    <For each=move || drivers.get() key=|(id, name)| (*id, name.clone()) children=row />
                </tbody>
            </table>
        </section>
    }
}
