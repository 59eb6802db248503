//! The keyboard and selection model of a spreadsheet grid, shared by its cells.

use leptos::prelude::*;

/// A cell position: row and column, from the top left of the visible grid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Pos {
    pub row: usize,
    pub col: usize,
}

/// A rectangle of cells, both corners included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub top: usize,
    pub left: usize,
    pub bottom: usize,
    pub right: usize,
}

impl Range {
    /// The rectangle spanned by two corners.
    pub fn spanning(a: Pos, b: Pos) -> Range {
        Range { top: a.row.min(b.row), left: a.col.min(b.col), bottom: a.row.max(b.row), right: a.col.max(b.col) }
    }

    pub fn contains(&self, pos: Pos) -> bool {
        (self.top..=self.bottom).contains(&pos.row) && (self.left..=self.right).contains(&pos.col)
    }

    /// Every position, row by row.
    pub fn positions(self) -> impl Iterator<Item = Pos> {
        (self.top..=self.bottom).flat_map(move |row| (self.left..=self.right).map(move |col| Pos { row, col }))
    }
}

/// What a key does in a grid cell that is not being edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// Move by rows and columns. `extend` grows the selection (Shift+arrow)
    /// instead of moving it. `traps`: the grid keeps the key at its edge
    /// (arrows); Tab does not, so the keyboard can leave the grid.
    Move { rows: isize, cols: isize, extend: bool, traps: bool },
    /// Start editing: with the cell's value (F2) or with typed text.
    Edit(Option<String>),
    /// Clear the selected cells (Delete, Backspace).
    Clear,
}

/// The action of a key press, if the grid handles it.
pub fn key_action(key: &str, shift: bool, ctrl_or_meta: bool, alt: bool) -> Option<KeyAction> {
    let step = |rows, cols| Some(KeyAction::Move { rows, cols, extend: shift, traps: true });
    match key {
        "ArrowUp" => step(-1, 0),
        "ArrowDown" => step(1, 0),
        "ArrowLeft" => step(0, -1),
        "ArrowRight" => step(0, 1),
        "Tab" => Some(KeyAction::Move { rows: 0, cols: if shift { -1 } else { 1 }, extend: false, traps: false }),
        "Enter" => Some(KeyAction::Move { rows: if shift { -1 } else { 1 }, cols: 0, extend: false, traps: true }),
        "F2" => Some(KeyAction::Edit(None)),
        "Delete" | "Backspace" => Some(KeyAction::Clear),
        _ if ctrl_or_meta || alt => None,
        typed if typed.chars().count() == 1 => Some(KeyAction::Edit(Some(typed.to_owned()))),
        _ => None,
    }
}

/// The shared state of a grid: the selection, the editor and a message.
#[derive(Clone, Copy)]
pub struct Grid {
    /// The active cell: where typing goes, and one corner of the selection.
    pub active: RwSignal<Pos>,
    /// The selection's other corner, which Shift+arrows and dragging move
    /// (the active cell itself when one cell is selected).
    pub end: RwSignal<Pos>,
    /// The editor's starting text while the active cell is being edited.
    pub editing: RwSignal<Option<String>>,
    /// A message about the active cell, such as why an input was refused.
    pub message: RwSignal<Option<String>>,
    /// The message line under the grid: how the last edit was entered (a
    /// full year spread over the open months); kept while moving around.
    pub status: RwSignal<Option<String>>,
    /// The size of the grid: rows and columns.
    pub size: Signal<(usize, usize)>,
}

impl Grid {
    pub fn new(size: Signal<(usize, usize)>) -> Grid {
        Grid {
            active: RwSignal::new(Pos::default()),
            end: RwSignal::new(Pos::default()),
            editing: RwSignal::new(None),
            message: RwSignal::new(None),
            status: RwSignal::new(None),
            size,
        }
    }

    /// The selected range.
    pub fn range(&self) -> Range {
        Range::spanning(self.active.get(), self.end.get())
    }

    /// Whether `pos` is in the selected range.
    pub fn is_selected(&self, pos: Pos) -> bool {
        self.range().contains(pos)
    }

    /// Makes `pos` the active cell, or with `extend` the selection's far
    /// corner, so that the range grows from the active cell.
    pub fn select(&self, pos: Pos, extend: bool) {
        self.editing.set(None);
        self.message.set(None);
        if !extend {
            self.active.set(pos);
        }
        self.end.set(pos);
    }

    /// Moves the active cell, or with `extend` the selection's far corner;
    /// `false` when the move would leave the grid and should be left to the
    /// browser (Tab at the edge).
    pub fn step(&self, rows: isize, cols: isize, extend: bool, traps: bool) -> bool {
        let (height, width) = self.size.get_untracked();
        let pos = if extend { self.end.get_untracked() } else { self.active.get_untracked() };
        let target = |at: usize, by: isize, len: usize| at.checked_add_signed(by).filter(|t| *t < len);
        match (target(pos.row, rows, height), target(pos.col, cols, width)) {
            (Some(row), Some(col)) => {
                self.select(Pos { row, col }, extend);
                true
            }
            _ => traps,
        }
    }
}

/// The grid provided by the enclosing table.
pub fn use_grid() -> Grid {
    expect_context::<Grid>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_spreadsheet_actions() {
        let step = |rows, cols, extend| Some(KeyAction::Move { rows, cols, extend, traps: true });
        assert_eq!(key_action("ArrowDown", false, false, false), step(1, 0, false));
        assert_eq!(key_action("ArrowLeft", true, false, false), step(0, -1, true));
        let tab_back = Some(KeyAction::Move { rows: 0, cols: -1, extend: false, traps: false });
        assert_eq!(key_action("Tab", true, false, false), tab_back);
        assert_eq!(key_action("F2", false, false, false), Some(KeyAction::Edit(None)));
        assert_eq!(
            key_action("Enter", true, false, false),
            Some(KeyAction::Move { rows: -1, cols: 0, extend: false, traps: true })
        );
        assert_eq!(key_action("7", false, false, false), Some(KeyAction::Edit(Some("7".into()))));
        assert_eq!(key_action("-", false, false, false), Some(KeyAction::Edit(Some("-".into()))));
        assert_eq!(key_action("c", false, true, false), None);
        assert_eq!(key_action("Shift", true, false, false), None);
        assert_eq!(key_action("Delete", false, false, false), Some(KeyAction::Clear));
    }

    #[test]
    fn a_range_spans_its_corners_in_any_order() {
        let range = Range::spanning(Pos { row: 3, col: 1 }, Pos { row: 1, col: 2 });
        assert_eq!(range, Range { top: 1, left: 1, bottom: 3, right: 2 });
        assert_eq!(range.positions().count(), 6);
        assert!(range.contains(Pos { row: 2, col: 2 }));
        assert!(!range.contains(Pos { row: 0, col: 2 }));
    }
}
