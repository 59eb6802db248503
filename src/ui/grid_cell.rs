//! One cell of a sheet grid: shows a figure, edits a typed one.

use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::html;
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

use super::cell_editor::CellEditor;
use super::grid::{Grid, KeyAction, Pos, key_action, use_grid};
use super::method_cell::MethodCell;
use super::sheet::{Measure, Target, figure, target};
use super::store::{Store, use_store};
use crate::model::number::{format_amount, format_exact, format_rounded, parse_amount, rounded};
use crate::model::{Command, Row, Series};

/// The cell of `measure` on `row`, at `pos` in the grid. `parts` are the rows
/// shown as adding up to `row`, for a note where rounding makes them differ.
#[component]
pub fn GridCell(pos: Pos, row: Row, measure: Measure, key: String, parts: Vec<Row>) -> impl IntoView {
    let store = use_store();
    let grid = use_grid();
    let typed = Memo::new(move |_| store.read(|engine| target(engine.plan(), row, measure)));
    let amount = Memo::new(move |_| store.read(|engine| figure(engine, row, measure)));
    let formula_error = Memo::new(move |_| match (row, measure) {
        (Row::Line(line), Measure::Value(Series::Budget, _)) => {
            store.read(|engine| engine.formula_error(line).cloned())
        }
        _ => None,
    });
    let text = move || match (formula_error.get(), amount.get()) {
        (Some(_), _) => "#FEL".to_owned(),
        (None, Some(Ok(amount))) => format_amount(amount, store.unit.get()),
        (None, Some(Err(_))) => store.lang.get().out_of_range().into(),
        (None, None) => String::new(),
    };
    // A total that adds up a line whose formula has an error is incomplete.
    let incomplete = Memo::new(move |_| match row {
        Row::Line(_) => Vec::new(),
        _ if !measure.uses_budget() => Vec::new(),
        _ => store.read(|engine| {
            let names = engine.errors(row).into_iter().filter_map(|id| engine.plan().line(id));
            names.map(|line| line.name.clone()).collect()
        }),
    });
    let title = move || formula_error.get().map(|error| store.lang.get().formula_error(&error));
    let is_formula = move || matches!(typed.get(), Some(Target::Formula(_)));
    let note = Memo::new(move |_| rounding_note(store, row, measure, &parts));
    let active = Memo::new(move |_| grid.active.get() == pos);
    let selected = Memo::new(move |_| grid.is_selected(pos));
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
        let result = enter(store, typed.get_untracked(), input);
        let done = result.is_ok();
        match result {
            Ok(note) => {
                grid.message.set(None);
                grid.status.set(note);
            }
            Err(error) => grid.message.set(Some(error)),
        }
        if done {
            grid.editing.set(None);
        }
        done
    };

    let on_keydown = move |ev: KeyboardEvent| {
        // Keys typed into the method list or the editor are theirs.
        if ev.target() != ev.current_target() || grid.editing.with_untracked(Option::is_some) {
            return;
        }
        let Some(action) = key_action(&ev.key(), ev.shift_key(), ev.ctrl_key() || ev.meta_key(), ev.alt_key()) else {
            return;
        };
        match action {
            KeyAction::Move { rows, cols, extend, traps } => {
                if grid.step(rows, cols, extend, traps) {
                    ev.prevent_default();
                }
            }
            KeyAction::Edit(typed_text) => {
                ev.prevent_default();
                if measure == Measure::Method {
                    focus_control(cell);
                } else {
                    start_editing(store, grid, typed.get_untracked(), typed_text, amount.get_untracked());
                }
            }
            // Clearing is the grid's: it acts on the whole selection.
            KeyAction::Clear => {}
        }
    };
    let on_mousedown = move |ev: MouseEvent| {
        if !active.get_untracked() || ev.shift_key() {
            grid.select(pos, ev.shift_key());
        }
    };
    let on_mouseenter = move |ev: MouseEvent| {
        if ev.buttons() & 1 == 1 {
            grid.select(pos, true);
        }
    };

    let content = move || match (measure, row) {
        (Measure::Method, Row::Line(line)) => view! { <MethodCell line /> }.into_any(),
        _ => view! { <span class="value" class:hidden=editing>{text}</span> }.into_any(),
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
    let error_mark = move || {
        incomplete.with(|lines| {
            (!lines.is_empty()).then(|| {
                let text = store.lang.get().incomplete_total(lines);
                view! { <span class="incomplete" title=text.clone() aria-label=text>"⚠"</span> }
            })
        })
    };
    let note_mark = move || {
        note.get().map(|rows| {
            let text = store.lang.get().rounding_note(&rows);
            view! { <span class="rounding-note" title=text.clone() aria-label=text>"≈"</span> }
        })
    };
    view! {
        <td
            node_ref=cell
            role="gridcell"
            class:computed=move || typed.with(Option::is_none)
            class:formula=is_formula
            class:error=move || formula_error.with(Option::is_some)
            title=title
            class:active=move || active.get()
            class:selected=move || selected.get()
            data-col=key
            aria-colindex=pos.col + 2
            tabindex=move || if active.get() { "0" } else { "-1" }
            aria-readonly=move || typed.with(Option::is_none).to_string()
            aria-selected=move || selected.get().to_string()
            on:mousedown=on_mousedown
            on:mouseenter=on_mouseenter
            on:dblclick=move |_| start_editing(store, grid, typed.get_untracked(), None, amount.get_untracked())
            on:keydown=on_keydown
        >
            {error_mark}
            {note_mark}
            {content}
            {editor}
            {message}
        </td>
    }
}

/// Enters typed text into a cell: a formula (`=…`) or an amount. Returns a
/// note on how it was entered (a full year spread over the open months).
fn enter(store: Store, target: Option<Target>, input: &str) -> Result<Option<String>, String> {
    let lang = store.lang.get_untracked();
    let Some(target) = target else { return Err(lang.computed_cell().into()) };
    if input.trim_start().starts_with('=') {
        let line = target.formula_line().ok_or_else(|| lang.formula_only_budget().to_owned())?;
        return store.set_formula(line, Some(input.to_owned())).map(|()| None).map_err(|e| lang.command_error(&e));
    }
    let amount = parse_amount(input, store.unit.get_untracked()).map_err(|error| lang.amount_error(error, input))?;
    let entry = store.read(|engine| target.entry(engine.plan(), amount));
    let entry = entry.ok_or_else(|| lang.formula_cell().to_owned())?.map_err(|e| lang.command_error(&e))?;
    store.execute(Command::SetAmounts(entry.cells)).map_err(|e| lang.command_error(&e))?;
    let closed = store.read(|engine| engine.plan().closed_through);
    Ok(entry.fill.map(|fill| lang.year_filled(fill, closed)))
}

/// Opens the editor on the active cell, or says why the cell cannot be typed in.
fn start_editing(
    store: Store,
    grid: Grid,
    target: Option<Target>,
    typed: Option<String>,
    current: Option<Result<crate::model::Amount, crate::model::Overflow>>,
) {
    if target.is_none() {
        grid.message.set(Some(store.lang.get_untracked().computed_cell().into()));
        return;
    }
    let unit = store.unit.get_untracked();
    let current = match target {
        Some(Target::Formula(line)) => store.read(|engine| engine.plan().line(line).and_then(|l| l.formula.clone())),
        _ => current.and_then(Result::ok).map(|amount| format_exact(amount, unit)),
    };
    grid.message.set(None);
    grid.editing.set(Some(typed.or(current).unwrap_or_default()));
}

/// Moves focus to the control inside a cell (the method list).
fn focus_control(cell: NodeRef<html::Td>) {
    let control = cell.get().and_then(|td| td.query_selector("select").ok().flatten());
    if let Some(control) = control.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = control.focus();
    }
}

/// The rounded parts' sum, when it differs from the rounded total.
fn rounding_note(store: Store, row: Row, measure: Measure, parts: &[Row]) -> Option<String> {
    if parts.is_empty() {
        return None;
    }
    let unit = store.unit.get();
    store.read(|engine| {
        let shown = |row: Row| figure(engine, row, measure)?.ok().map(|amount| rounded(amount, unit));
        let total = shown(row)?;
        let sum = parts.iter().try_fold(Decimal::ZERO, |sum, part| sum.checked_add(shown(*part)?))?;
        (sum != total).then(|| format_rounded(sum, unit))
    })
}
