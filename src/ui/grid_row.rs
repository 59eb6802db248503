//! One row of a sheet grid: its label and a cell a column.

use leptos::prelude::*;

use super::grid::Pos;
use super::grid_cell::GridCell;
use super::sheet::{Column, SheetRow, Style};
use super::store::use_store;

/// A row at `index` among the visible rows.
#[component]
pub fn GridRow(index: usize, row: SheetRow, columns: Memo<Vec<Column>>) -> impl IntoView {
    let store = use_store();
    let class = match row.style {
        Style::Line => "line",
        Style::Group => "group",
        Style::Total => "total",
        Style::Result => "result",
    };
    let label = match (row.style, row.section) {
        (Style::Group, Some(group)) => {
            let expanded = move || !store.collapsed.with(|collapsed| collapsed.contains(&group));
            let title = move || store.lang.get().toggle_group(expanded());
            view! {
                <button class="toggle" aria-expanded=move || expanded().to_string() title=title on:click=move |_| store.toggle(group)>
                    <span aria-hidden="true">{move || if expanded() { "▾" } else { "▸" }}</span>
                </button>
                {row.label.clone()}
            }
            .into_any()
        }
        _ => row.label.clone().into_any(),
    };
    let parts = row.parts.clone();
    let cells = move || {
        columns
            .get()
            .into_iter()
            .enumerate()
            .map(|(col, column)| {
                let pos = Pos { row: index, col };
                view! { <GridCell pos row=row.row measure=column.measure key=column.key parts=parts.clone() /> }
            })
            .collect_view()
    };
    view! {
        <tr class=class data-row=row.key.clone() aria-rowindex=index + 2>
            <th scope="row" class="label">{label}</th>
            {cells}
        </tr>
    }
}
