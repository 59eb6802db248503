//! The current view as a spreadsheet grid: selection, copy, paste and clear.

use leptos::ev::{ClipboardEvent, KeyboardEvent};
use leptos::prelude::*;

use super::grid::{Grid, Pos};
use super::grid_row::GridRow;
use super::sheet::{Column, SheetRow, Style, Target, figure, sheet, target};
use super::store::{Store, use_store};
use crate::model::Command;
use crate::model::number::{clipboard_text, parse_block};

/// The rows and columns on screen, with collapsed groups left out.
#[derive(Clone, Copy)]
struct Visible {
    rows: Memo<Vec<SheetRow>>,
    columns: Memo<Vec<Column>>,
}

impl Visible {
    /// Where typing into the cell at `pos` goes, if it is typed at all.
    fn target(self, store: Store, pos: Pos) -> Option<Target> {
        let row = self.rows.with_untracked(|rows| rows.get(pos.row).map(|r| r.row))?;
        let measure = self.columns.with_untracked(|columns| columns.get(pos.col).map(|c| c.measure))?;
        store.read(|engine| target(engine.plan(), row, measure))
    }
}

/// The grid of the store's current view.
#[component]
pub fn SheetGrid() -> impl IntoView {
    let store = use_store();
    let sheet = Memo::new(move |_| {
        let (view, lang) = (store.view.get(), store.lang.get());
        store.read(|engine| sheet(view, engine.plan(), lang))
    });
    let rows = Memo::new(move |_| {
        let collapsed = store.collapsed.get();
        let folded = |row: &SheetRow| row.style != Style::Group && row.section.is_some_and(|g| collapsed.contains(&g));
        sheet.with(|sheet| sheet.rows.iter().filter(|row| !folded(row)).cloned().collect::<Vec<_>>())
    });
    let columns = Memo::new(move |_| sheet.with(|sheet| sheet.columns.clone()));
    let visible = Visible { rows, columns };
    let grid = Grid::new(Signal::derive(move || (rows.with(Vec::len), columns.with(Vec::len))));
    provide_context(grid);
    // A new view or another plan starts at the top left, with no message.
    Effect::new(move |_| {
        store.view.track();
        store.plan_id();
        grid.select(Pos::default(), false);
    });

    let on_keydown = move |ev: KeyboardEvent| {
        let editing = grid.editing.with_untracked(Option::is_some);
        if !editing && matches!(ev.key().as_str(), "Delete" | "Backspace") {
            ev.prevent_default();
            clear(store, grid, visible);
        }
    };
    let on_copy = move |ev: ClipboardEvent| {
        if grid.editing.with_untracked(Option::is_none)
            && let Some(data) = ev.clipboard_data()
        {
            let _ = data.set_data("text/plain", &copy_text(store, grid, visible));
            ev.prevent_default();
        }
    };
    let on_paste = move |ev: ClipboardEvent| {
        if grid.editing.with_untracked(Option::is_none)
            && let Some(text) = ev.clipboard_data().and_then(|data| data.get_data("text/plain").ok())
        {
            ev.prevent_default();
            paste(store, grid, visible, &text);
        }
    };

    let headers = move || {
        columns
            .get()
            .into_iter()
            .map(|column| view! { <th scope="col" data-col=column.key>{column.label}</th> })
            .collect_view()
    };
    view! {
        <table
            class="grid"
            role="grid"
            aria-rowcount=move || rows.with(Vec::len) + 1
            aria-colcount=move || columns.with(Vec::len) + 1
            aria-multiselectable="true"
            on:keydown=on_keydown
            on:copy=on_copy
            on:paste=on_paste
        >
            <thead>
                <tr aria-rowindex="1">
                    <th scope="col" class="label">{move || store.lang.get().line_header()}</th>
                    {headers}
                </tr>
            </thead>
            <tbody>
                // A row is kept only while all it was made from is the same:
                // its place, and the whole sheet row (cells capture its parts).
                <For
                    each=move || rows.get().into_iter().enumerate()
                    key=|(index, row)| (*index, row.clone())
                    children=move |(index, row)| view! { <GridRow index row columns /> }
                />
            </tbody>
        </table>
        <p class="status-line" role="status">{move || grid.status.get()}</p>
    }
}

/// Clears every typed cell of the selection, to zero or of its formula, as one command.
fn clear(store: Store, grid: Grid, visible: Visible) {
    let targets: Vec<_> = grid.range().positions().filter_map(|pos| visible.target(store, pos)).collect();
    let mut commands: Vec<Command> = store.read(|engine| targets.iter().map(|t| t.clear(engine.plan())).collect());
    commands.dedup();
    let lang = store.lang.get_untracked();
    let message = if commands.is_empty() {
        Some(lang.computed_cell().to_owned())
    } else {
        store.execute(Command::Batch(commands)).err().map(|error| lang.command_error(&error))
    };
    grid.message.set(message);
}

/// The selection as tab-separated text, exact amounts in the display unit.
fn copy_text(store: Store, grid: Grid, visible: Visible) -> String {
    let range = grid.range();
    let unit = store.unit.get_untracked();
    let (rows, columns) = (visible.rows.get_untracked(), visible.columns.get_untracked());
    store.read(|engine| {
        (range.top..=range.bottom)
            .map(|r| {
                (range.left..=range.right)
                    .map(|c| match figure(engine, rows[r].row, columns[c].measure) {
                        Some(Ok(amount)) => clipboard_text(amount, unit),
                        _ => String::new(),
                    })
                    .collect::<Vec<_>>()
                    .join("\t")
            })
            .collect::<Vec<_>>()
            .join("\r\n")
    })
}

/// Pastes a tab-separated block at the active cell, whole or not at all.
fn paste(store: Store, grid: Grid, visible: Visible, text: &str) {
    let lang = store.lang.get_untracked();
    let block = match parse_block(text, store.unit.get_untracked()) {
        Ok(block) => block,
        Err(error) => return grid.message.set(Some(lang.block_error(&error))),
    };
    let start = grid.active.get_untracked();
    let width = block.iter().map(Vec::len).max().unwrap_or(0);
    let mut cells = Vec::new();
    let mut fill = None;
    for (r, values) in block.iter().enumerate() {
        for (c, amount) in values.iter().enumerate() {
            let pos = Pos { row: start.row + r, col: start.col + c };
            let entry = visible.target(store, pos).and_then(|target| store.read(|e| target.entry(e.plan(), *amount)));
            match entry {
                None => return grid.message.set(Some(lang.block_misfit(block.len(), width))),
                Some(Err(error)) => return grid.message.set(Some(lang.command_error(&error))),
                Some(Ok(entry)) => {
                    cells.extend(entry.cells);
                    fill = fill.or(entry.fill);
                }
            }
        }
    }
    match store.execute(Command::SetAmounts(cells)) {
        Ok(()) => {
            grid.select(start, false);
            grid.end.set(Pos { row: start.row + block.len() - 1, col: start.col + width - 1 });
            let closed = store.read(|engine| engine.plan().closed_through);
            grid.status.set(fill.map(|fill| lang.year_filled(fill, closed)));
        }
        Err(error) => grid.message.set(Some(lang.command_error(&error))),
    }
}
