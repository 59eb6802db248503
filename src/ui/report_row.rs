//! One row of the income statement.

use leptos::prelude::*;

use super::grid::Pos;
use super::report::{Column, row_key, row_label};
use super::report_cell::ReportCell;
use super::store::use_store;
use crate::model::Row;

/// A row: its label and one cell a column.
#[component]
pub fn ReportRow(index: usize, row: Row) -> impl IntoView {
    let store = use_store();
    let label = move || store.read(|engine| row_label(row, store.lang.get(), engine.plan()));
    let class = match row {
        Row::Line(_) => "line",
        Row::Total(_) => "total",
        Row::Result => "result",
    };
    let cells = Column::ALL
        .iter()
        .enumerate()
        .map(|(col, column)| view! { <ReportCell row column=*column pos=Pos { row: index, col } /> })
        .collect_view();
    view! {
        <tr class=class data-row=row_key(row) aria-rowindex=index + 2>
            <th scope="row" class="label">{label}</th>
            {cells}
        </tr>
    }
}
