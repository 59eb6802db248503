//! One amount cell of the income statement: shows a figure, edits a budget.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use super::cell_editor::CellEditor;
use super::grid::{Grid, KeyAction, Pos, key_action, use_grid};
use super::report::Column;
use super::store::{Store, use_store};
use crate::model::number::{format_amount, format_exact, parse_amount};
use crate::model::{Amount, Row};

/// A cell of `column` on `row`, at `pos` in the grid.
#[component]
pub fn ReportCell(row: Row, column: Column, pos: Pos) -> impl IntoView {
    let store = use_store();
    let grid = use_grid();
    let amount = Memo::new(move |_| store.read(|engine| engine.value(row, column.series(), column.span())));
    let text = move || match amount.get() {
        Ok(amount) => format_amount(amount, store.unit.get()),
        Err(_) => store.lang.get().out_of_range().into(),
    };
    let editable = column.editable(row);
    let active = Memo::new(move |_| grid.active.get() == pos);
    let editing = move || active.get() && grid.editing.with(Option::is_some);

    let cell = NodeRef::<html::Td>::new();
    Effect::new(move |_| {
        if active.get()
            && grid.editing.with(Option::is_none)
            && let Some(cell) = cell.get()
        {
            let _ = cell.focus();
        }
    });

    // Sets the cell from typed text; `false` (with a message) when refused.
    let commit = move |input: &str| -> bool {
        let lang = store.lang.get_untracked();
        let result = parse_amount(input, store.unit.get_untracked())
            .map_err(|error| lang.amount_error(error, input))
            .and_then(|amount| match column.edit(row, amount) {
                Some(command) => store.execute(command).map_err(|error| lang.command_error(&error).into()),
                None => Err(lang.computed_cell().into()),
            });
        let done = result.is_ok();
        grid.message.set(result.err());
        if done {
            grid.editing.set(None);
        }
        done
    };

    let on_keydown = move |ev: KeyboardEvent| {
        if grid.editing.with_untracked(Option::is_some) {
            return;
        }
        let Some(action) = key_action(&ev.key(), ev.shift_key(), ev.ctrl_key() || ev.meta_key(), ev.alt_key()) else {
            return;
        };
        match action {
            KeyAction::Move { rows, cols, traps } => {
                if grid.step(rows, cols, traps) {
                    ev.prevent_default();
                }
            }
            KeyAction::Edit(typed) => {
                ev.prevent_default();
                start_editing(store, grid, editable, typed, amount.get_untracked().ok());
            }
            KeyAction::Clear => {
                ev.prevent_default();
                commit("0");
            }
        }
    };

    let editor = move || {
        editing().then(|| {
            let initial = grid.editing.get_untracked().unwrap_or_default();
            view! { <CellEditor initial commit /> }
        })
    };
    let message = move || {
        active.get().then(|| grid.message.get()).flatten().map(|message| {
            view! { <span class="cell-message" role="alert">{message}</span> }
        })
    };
    view! {
        <td
            node_ref=cell
            role="gridcell"
            class:computed=!editable
            class:active=move || active.get()
            data-col=column.key()
            tabindex=move || if active.get() { "0" } else { "-1" }
            aria-readonly=(!editable).to_string()
            aria-selected=move || active.get().to_string()
            on:click=move |_| if !active.get_untracked() { grid.select(pos) }
            on:dblclick=move |_| start_editing(store, grid, editable, None, amount.get_untracked().ok())
            on:keydown=on_keydown
        >
            <span class="value" class:hidden=editing>{text}</span>
            {editor}
            {message}
        </td>
    }
}

/// Opens the editor on the active cell, or says why the cell cannot be typed in.
fn start_editing(store: Store, grid: Grid, editable: bool, typed: Option<String>, current: Option<Amount>) {
    if !editable {
        grid.message.set(Some(store.lang.get_untracked().computed_cell().into()));
        return;
    }
    let unit = store.unit.get_untracked();
    let initial = typed.or_else(|| current.map(|amount| format_exact(amount, unit))).unwrap_or_default();
    grid.message.set(None);
    grid.editing.set(Some(initial));
}
