//! The state of a grid: the rows it shows, the selection, the editor and
//! its messages.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

use super::contract::{At, Editor, RowSpec, SheetRef, Style};
use super::keys::{Pos, Range};

/// The rows of `rows` not folded away: a row under a collapsed heading
/// (by the heading's key) is left out; the heading stays.
pub fn unfolded(rows: &[RowSpec], collapsed: &HashSet<String>) -> Vec<usize> {
    let folded = |row: &RowSpec| {
        row.style != Style::Group && row.section.is_some_and(|heading| collapsed.contains(&rows[heading].key))
    };
    rows.iter().enumerate().filter(|(_, row)| !folded(row)).map(|(index, _)| index).collect()
}

/// A sheet with the rows it shows. `rev` counts the layouts a grid has
/// had: its rows are keyed by it, so that nothing outlives the layout it
/// was built for.
#[derive(Clone)]
pub struct Layout {
    pub rev: u64,
    pub sheet: SheetRef,
    /// The index in the sheet's rows of each row shown.
    pub rows: Arc<[usize]>,
}

impl PartialEq for Layout {
    fn eq(&self, other: &Layout) -> bool {
        self.rev == other.rev
    }
}

impl Layout {
    /// The sheet's cell at a grid position, if there is one.
    pub fn at(&self, pos: Pos) -> Option<At> {
        let row = *self.rows.get(pos.row)?;
        (pos.col < self.sheet.columns().len()).then_some(At { row, col: pos.col })
    }

    /// Rows shown and columns.
    pub fn size(&self) -> (usize, usize) {
        (self.rows.len(), self.sheet.columns().len())
    }
}

/// The selection, the editor and the messages of a grid.
#[derive(Clone, Copy)]
pub struct GridState {
    /// The active cell: where typing goes, and one corner of the selection.
    pub active: RwSignal<Pos>,
    /// The selection's other corner, which Shift+moves and dragging move
    /// (the active cell itself when one cell is selected).
    pub end: RwSignal<Pos>,
    /// The editor open on the active cell, with the text or list it started from.
    pub editing: RwSignal<Option<Editor>>,
    /// A message about the active cell, such as why an input was refused.
    pub message: RwSignal<Option<String>>,
    /// The message line under the grid: how the last edit was entered (a
    /// full year spread over the open months); kept while moving around.
    pub status: RwSignal<Option<String>>,
    /// Whether the keyboard is in the grid: then the active cell takes the
    /// focus whenever it is rendered anew (after a scroll away and back, or
    /// a new layout), and never takes it from a control outside the grid.
    pub has_focus: StoredValue<bool>,
}

impl GridState {
    pub fn new() -> GridState {
        GridState {
            active: RwSignal::new(Pos::default()),
            end: RwSignal::new(Pos::default()),
            editing: RwSignal::new(None),
            message: RwSignal::new(None),
            status: RwSignal::new(None),
            has_focus: StoredValue::new(false),
        }
    }

    /// The selected range, untracked: for what acts on it.
    pub fn range(&self) -> Range {
        Range::spanning(self.active.get_untracked(), self.end.get_untracked())
    }

    /// The selected columns of shown row `row`, tracked.
    pub fn selected_in(&self, row: usize) -> Option<(usize, usize)> {
        let range = Range::spanning(self.active.get(), self.end.get());
        (range.top..=range.bottom).contains(&row).then_some((range.left, range.right))
    }

    /// Makes `pos` the active cell, or with `extend` the selection's far
    /// corner, so that the range grows from the active cell. Closes the
    /// editor and the message.
    pub fn select(&self, pos: Pos, extend: bool) {
        self.editing.set(None);
        self.message.set(None);
        if !extend {
            self.active.set(pos);
        }
        self.end.set(pos);
    }

    /// Keeps the selection within a grid of `rows` × `cols`, after rows were folded away.
    pub fn clamp(&self, rows: usize, cols: usize) {
        let inside =
            |pos: Pos| Pos { row: pos.row.min(rows.saturating_sub(1)), col: pos.col.min(cols.saturating_sub(1)) };
        let (active, end) = (self.active.get_untracked(), self.end.get_untracked());
        if inside(active) != active || inside(end) != end {
            self.active.set(inside(active));
            self.end.set(inside(end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::grid::contract::Topic;

    #[test]
    fn rows_under_a_collapsed_heading_are_left_out() {
        let row = |key: &str, style, section| RowSpec {
            key: key.into(),
            label: key.into(),
            style,
            section,
            topic: Topic::Plan,
        };
        let rows = vec![
            row("a", Style::Group, Some(0)),
            row("a1", Style::Line, Some(0)),
            row("b", Style::Group, Some(2)),
            row("b1", Style::Line, Some(2)),
            row("total", Style::Total, None),
        ];
        assert_eq!(unfolded(&rows, &HashSet::new()), vec![0, 1, 2, 3, 4]);
        assert_eq!(unfolded(&rows, &HashSet::from(["a".to_owned()])), vec![0, 2, 3, 4]);
    }
}
