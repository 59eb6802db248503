//! The income statement as a keyboard-driven grid.

use leptos::prelude::*;

use super::grid::Grid;
use super::report::{Column, rows};
use super::report_row::ReportRow;
use super::store::use_store;

/// The income statement: lines, totals and result in the report's columns.
#[component]
pub fn ReportTable() -> impl IntoView {
    let store = use_store();
    let rows = Memo::new(move |_| store.read(|engine| rows(engine.plan())));
    let grid = Grid::new(Signal::derive(move || (rows.with(Vec::len), Column::ALL.len())));
    provide_context(grid);

    let caption = move || {
        let lang = store.lang.get();
        let name = store.read(|engine| engine.plan().name.clone());
        format!("{} – {name}, {}", lang.income_statement(), store.unit.get().symbol())
    };
    let headers = move || {
        let lang = store.lang.get();
        store.read(|engine| {
            Column::ALL
                .map(|column| view! { <th scope="col" data-col=column.key()>{column.label(lang, engine.plan())}</th> })
                .to_vec()
        })
    };

    view! {
        <table class="grid" role="grid" aria-rowcount=move || rows.with(Vec::len) + 1>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col" class="label">{move || store.lang.get().line_header()}</th>
                    {headers}
                </tr>
            </thead>
            <tbody>
                <For
                    each=move || rows.get().into_iter().enumerate()
                    key=|(index, row)| (*index, *row)
                    children=move |(index, row)| view! { <ReportRow index row /> }
                />
            </tbody>
        </table>
    }
}
