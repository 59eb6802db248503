//! One row of a grid: a gap for the rows left out above it, its label and
//! the cells of the columns rendered.

use leptos::prelude::*;

use super::contract::{At, Style};
use super::controller::use_grid;
use super::grid_cell::GridCell;
use super::keys::Pos;
use super::window::{Geometry, ROW_HEIGHT, Window};

fn px(value: f64) -> String {
    format!("{value}px")
}

/// The row shown at `index`, of the grid's layout when it was rendered.
#[component]
pub fn GridRow(index: usize, window: Memo<Window>, geometry: Memo<Geometry>) -> impl IntoView {
    let grid = use_grid();
    let (store, state) = (grid.store, grid.state);
    let layout = grid.layout.get_untracked();
    let sheet_row = layout.rows[index];
    let spec = layout.sheet.rows()[sheet_row].clone();
    let gap = move || window.with(|w| geometry.with(|g| w.gap_before(index, g)));
    let left_gap = move || window.with(|w| geometry.with(|g| px(w.left_gap(g))));
    let right_gap = move || window.with(|w| geometry.with(|g| px(w.right_gap(g))));
    // The selected columns of this row, and its active one: a cell only
    // re-renders when they change for its row.
    let selected = Memo::new(move |_| state.selected_in(index));
    let active = Memo::new(move |_| {
        let active = state.active.get();
        (active.row == index).then_some(active.col)
    });
    let class = match spec.style {
        Style::Line => "line",
        Style::Group => "group",
        Style::Total => "total",
        Style::Result => "result",
    };
    let toggle = (spec.style == Style::Group).then(|| {
        let key = StoredValue::new(spec.key.clone());
        let expanded = move || !store.collapsed.with(|collapsed| key.with_value(|key| collapsed.contains(key)));
        let title = move || store.lang.get().toggle_group(expanded());
        view! {
            <button class="toggle" aria-expanded=move || expanded().to_string() title=title on:click=move |_| key.with_value(|key| store.toggle(key))>
                <span aria-hidden="true">{move || if expanded() { "▾" } else { "▸" }}</span>
            </button>
        }
    });
    let (sheet, topic) = (layout.sheet.clone(), spec.topic);
    let cell = move |col: usize| {
        let key = sheet.columns()[col].key.clone();
        let (at, pos) = (At { row: sheet_row, col }, Pos { row: index, col });
        view! { <GridCell sheet=sheet.clone() at pos key topic selected active /> }
    };
    let label = spec.label.clone();
    view! {
        {move || (gap() > 0.0).then(|| view! {
            <tr class="gap" aria-hidden="true">
                <td colspan="3" style:height=move || px(gap())></td>
            </tr>
        })}
        <tr class=class data-row=spec.key aria-rowindex=index + 2 style:height=px(ROW_HEIGHT)>
            <th scope="row" class="label" title=label>
                {toggle}
                <span class="label-text">{spec.label}</span>
            </th>
            <td class="gap" aria-hidden="true" style:width=left_gap></td>
            <For each=move || window.with(|window| window.cols.clone()) key=|col| *col children=cell />
            <td class="gap" aria-hidden="true" style:width=right_gap></td>
        </tr>
    }
}
