//! The keyboard and selection model of a spreadsheet grid, shared by its cells.

use leptos::prelude::*;

/// A cell position: row and column, from the top left.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Pos {
    pub row: usize,
    pub col: usize,
}

/// What a key does in a grid cell that is not being edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// Move by rows and columns. `traps`: the grid keeps the key at its edge
    /// (arrows); Tab does not, so the keyboard can leave the grid.
    Move { rows: isize, cols: isize, traps: bool },
    /// Start editing: with the cell's value (F2, Enter) or with typed text.
    Edit(Option<String>),
    /// Clear the cell (Delete, Backspace).
    Clear,
}

/// The action of a key press, if the grid handles it.
pub fn key_action(key: &str, shift: bool, ctrl_or_meta: bool, alt: bool) -> Option<KeyAction> {
    let step = |rows, cols| Some(KeyAction::Move { rows, cols, traps: true });
    match key {
        "ArrowUp" => step(-1, 0),
        "ArrowDown" => step(1, 0),
        "ArrowLeft" => step(0, -1),
        "ArrowRight" => step(0, 1),
        "Tab" => Some(KeyAction::Move { rows: 0, cols: if shift { -1 } else { 1 }, traps: false }),
        "Enter" | "F2" => Some(KeyAction::Edit(None)),
        "Delete" | "Backspace" => Some(KeyAction::Clear),
        _ if ctrl_or_meta || alt => None,
        typed if typed.chars().count() == 1 => Some(KeyAction::Edit(Some(typed.to_owned()))),
        _ => None,
    }
}

/// The shared state of a grid: the active cell, its editor and its message.
#[derive(Clone, Copy)]
pub struct Grid {
    pub active: RwSignal<Pos>,
    /// The editor's starting text while the active cell is being edited.
    pub editing: RwSignal<Option<String>>,
    /// A message about the active cell, such as why an input was refused.
    pub message: RwSignal<Option<String>>,
    /// The size of the grid: rows and columns.
    pub size: Signal<(usize, usize)>,
}

impl Grid {
    pub fn new(size: Signal<(usize, usize)>) -> Grid {
        Grid { active: RwSignal::new(Pos::default()), editing: RwSignal::new(None), message: RwSignal::new(None), size }
    }

    /// Makes `pos` the active cell, closing any editor and message.
    pub fn select(&self, pos: Pos) {
        self.editing.set(None);
        self.message.set(None);
        self.active.set(pos);
    }

    /// Moves the active cell; `false` when the move would leave the grid and
    /// should be left to the browser (Tab at the edge).
    pub fn step(&self, rows: isize, cols: isize, traps: bool) -> bool {
        let (height, width) = self.size.get_untracked();
        let pos = self.active.get_untracked();
        let target = |at: usize, by: isize, len: usize| at.checked_add_signed(by).filter(|t| *t < len);
        match (target(pos.row, rows, height), target(pos.col, cols, width)) {
            (Some(row), Some(col)) => {
                self.select(Pos { row, col });
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
        assert_eq!(
            key_action("ArrowDown", false, false, false),
            Some(KeyAction::Move { rows: 1, cols: 0, traps: true })
        );
        assert_eq!(key_action("Tab", true, false, false), Some(KeyAction::Move { rows: 0, cols: -1, traps: false }));
        assert_eq!(key_action("F2", false, false, false), Some(KeyAction::Edit(None)));
        assert_eq!(key_action("7", false, false, false), Some(KeyAction::Edit(Some("7".into()))));
        assert_eq!(key_action("-", false, false, false), Some(KeyAction::Edit(Some("-".into()))));
        assert_eq!(key_action("c", false, true, false), None);
        assert_eq!(key_action("Shift", true, false, false), None);
        assert_eq!(key_action("Delete", false, false, false), Some(KeyAction::Clear));
    }
}
