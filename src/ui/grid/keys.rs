//! The keyboard of a spreadsheet: which key does what, and where each
//! move lands. Pure, so it is tested natively.

/// A cell position among the rows shown (folded rows left out) and the
/// columns, from the top left.
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

/// Where a key moves the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// By rows and columns: arrows, Tab, Enter.
    Step { rows: isize, cols: isize },
    /// To the edge of the data in a direction (Ctrl+arrows): the last
    /// filled cell before a blank one, or the next filled cell after blanks.
    Edge { rows: isize, cols: isize },
    /// The first column of the row (Home).
    RowStart,
    /// The last column of the row (End).
    RowEnd,
    /// The top left cell (Ctrl+Home).
    First,
    /// The bottom right cell (Ctrl+End).
    Last,
    /// A screen of rows up (−1) or down (1): PageUp, PageDown.
    Page(isize),
}

/// What a key does in a grid cell that is not being edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// Move the selection. `extend` grows it from the active cell instead
    /// (Shift). `traps`: the grid keeps the key at its edge; Tab does not,
    /// so the keyboard can leave the grid.
    Move {
        motion: Motion,
        extend: bool,
        traps: bool,
    },
    /// Enter: opens a list, else moves down (up with `back`, Shift+Enter).
    Enter {
        back: bool,
    },
    /// Start editing: with the cell's value (F2, Alt+↓) or with typed text.
    Edit(Option<String>),
    /// Clear the selected cells (Delete, Backspace).
    Clear,
    /// Select every cell (Ctrl+A).
    SelectAll,
    Undo,
    Redo,
}

/// The action of a key press, if the grid handles it.
pub fn key_action(key: &str, shift: bool, ctrl_or_meta: bool, alt: bool) -> Option<KeyAction> {
    let go = |motion| Some(KeyAction::Move { motion, extend: shift, traps: true });
    let arrow = |rows, cols| if ctrl_or_meta { Motion::Edge { rows, cols } } else { Motion::Step { rows, cols } };
    match key {
        "ArrowDown" if alt => Some(KeyAction::Edit(None)),
        "ArrowUp" => go(arrow(-1, 0)),
        "ArrowDown" => go(arrow(1, 0)),
        "ArrowLeft" => go(arrow(0, -1)),
        "ArrowRight" => go(arrow(0, 1)),
        "Home" => go(if ctrl_or_meta { Motion::First } else { Motion::RowStart }),
        "End" => go(if ctrl_or_meta { Motion::Last } else { Motion::RowEnd }),
        "PageUp" => go(Motion::Page(-1)),
        "PageDown" => go(Motion::Page(1)),
        "Tab" => {
            let motion = Motion::Step { rows: 0, cols: if shift { -1 } else { 1 } };
            Some(KeyAction::Move { motion, extend: false, traps: false })
        }
        "Enter" => Some(KeyAction::Enter { back: shift }),
        "F2" => Some(KeyAction::Edit(None)),
        "Delete" | "Backspace" => Some(KeyAction::Clear),
        _ if ctrl_or_meta => match key.to_lowercase().as_str() {
            "a" => Some(KeyAction::SelectAll),
            "z" if shift => Some(KeyAction::Redo),
            "z" => Some(KeyAction::Undo),
            "y" => Some(KeyAction::Redo),
            _ => None,
        },
        _ if alt => None,
        typed if typed.chars().count() == 1 => Some(KeyAction::Edit(Some(typed.to_owned()))),
        _ => None,
    }
}

/// What a move needs to know of the grid: its size in rows and columns,
/// how many rows a screen holds, and which cells are blank.
pub struct Extent<'a> {
    pub rows: usize,
    pub cols: usize,
    pub page: usize,
    pub blank: &'a dyn Fn(Pos) -> bool,
}

/// Where `motion` from `from` lands; `None` when it would leave the grid
/// (a step past the edge), to be left to the browser or ignored.
pub fn destination(motion: Motion, from: Pos, extent: &Extent) -> Option<Pos> {
    if extent.rows == 0 || extent.cols == 0 {
        return None;
    }
    let (last_row, last_col) = (extent.rows - 1, extent.cols - 1);
    let at = |row, col| Some(Pos { row, col });
    match motion {
        Motion::Step { rows, cols } => {
            let step = |at: usize, by: isize, len: usize| at.checked_add_signed(by).filter(|t| *t < len);
            Some(Pos { row: step(from.row, rows, extent.rows)?, col: step(from.col, cols, extent.cols)? })
        }
        Motion::Edge { rows, cols } => Some(edge(from, rows, cols, extent)),
        Motion::RowStart => at(from.row, 0),
        Motion::RowEnd => at(from.row, last_col),
        Motion::First => at(0, 0),
        Motion::Last => at(last_row, last_col),
        Motion::Page(pages) => {
            let by = pages.saturating_mul(extent.page.max(1) as isize);
            at(from.row.saturating_add_signed(by).min(last_row), from.col)
        }
    }
}

/// Excel's Ctrl+arrow: from a filled cell with a filled neighbour, the last
/// filled cell of the run; otherwise the next filled cell, or the edge.
fn edge(from: Pos, rows: isize, cols: isize, extent: &Extent) -> Pos {
    let next = |pos: Pos| {
        let row = pos.row.checked_add_signed(rows).filter(|r| *r < extent.rows)?;
        let col = pos.col.checked_add_signed(cols).filter(|c| *c < extent.cols)?;
        Some(Pos { row, col })
    };
    let filled = |pos: Pos| !(extent.blank)(pos);
    let Some(first) = next(from) else { return from };
    let mut pos = first;
    if filled(from) && filled(first) {
        while let Some(after) = next(pos).filter(|after| filled(*after)) {
            pos = after;
        }
    } else {
        while !filled(pos) {
            match next(pos) {
                Some(after) => pos = after,
                None => break,
            }
        }
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(rows: isize, cols: isize, extend: bool) -> Option<KeyAction> {
        Some(KeyAction::Move { motion: Motion::Step { rows, cols }, extend, traps: true })
    }

    #[test]
    fn keys_map_to_spreadsheet_actions() {
        assert_eq!(key_action("ArrowDown", false, false, false), step(1, 0, false));
        assert_eq!(key_action("ArrowLeft", true, false, false), step(0, -1, true));
        let tab_back = Motion::Step { rows: 0, cols: -1 };
        assert_eq!(
            key_action("Tab", true, false, false),
            Some(KeyAction::Move { motion: tab_back, extend: false, traps: false })
        );
        assert_eq!(key_action("F2", false, false, false), Some(KeyAction::Edit(None)));
        assert_eq!(key_action("ArrowDown", false, false, true), Some(KeyAction::Edit(None)));
        assert_eq!(key_action("Enter", true, false, false), Some(KeyAction::Enter { back: true }));
        assert_eq!(key_action("7", false, false, false), Some(KeyAction::Edit(Some("7".into()))));
        assert_eq!(key_action("-", false, false, false), Some(KeyAction::Edit(Some("-".into()))));
        assert_eq!(key_action("c", false, true, false), None);
        assert_eq!(key_action("Shift", true, false, false), None);
        assert_eq!(key_action("Delete", false, false, false), Some(KeyAction::Clear));
        assert_eq!(key_action("Z", true, true, false), Some(KeyAction::Redo));
        assert_eq!(key_action("z", false, true, false), Some(KeyAction::Undo));
        assert_eq!(key_action("a", false, true, false), Some(KeyAction::SelectAll));
    }

    #[test]
    fn home_end_and_pages_move_like_excel_and_shift_extends() {
        let go = |motion, extend| Some(KeyAction::Move { motion, extend, traps: true });
        assert_eq!(key_action("Home", false, false, false), go(Motion::RowStart, false));
        assert_eq!(key_action("End", true, false, false), go(Motion::RowEnd, true));
        assert_eq!(key_action("Home", true, true, false), go(Motion::First, true));
        assert_eq!(key_action("End", false, true, false), go(Motion::Last, false));
        assert_eq!(key_action("PageDown", true, false, false), go(Motion::Page(1), true));
        assert_eq!(key_action("ArrowUp", true, true, false), go(Motion::Edge { rows: -1, cols: 0 }, true));

        let extent = Extent { rows: 100, cols: 16, page: 20, blank: &|_| false };
        let from = Pos { row: 50, col: 5 };
        let to = |motion| destination(motion, from, &extent);
        assert_eq!(to(Motion::RowStart), Some(Pos { row: 50, col: 0 }));
        assert_eq!(to(Motion::RowEnd), Some(Pos { row: 50, col: 15 }));
        assert_eq!(to(Motion::First), Some(Pos { row: 0, col: 0 }));
        assert_eq!(to(Motion::Last), Some(Pos { row: 99, col: 15 }));
        assert_eq!(to(Motion::Page(1)), Some(Pos { row: 70, col: 5 }));
        assert_eq!(to(Motion::Page(-3)), Some(Pos { row: 0, col: 5 }), "a page up stops at the top");
        assert_eq!(destination(Motion::Page(1), Pos { row: 95, col: 0 }, &extent), Some(Pos { row: 99, col: 0 }));
        assert_eq!(destination(Motion::Step { rows: 0, cols: 1 }, Pos { row: 0, col: 15 }, &extent), None);
    }

    #[test]
    fn ctrl_arrows_jump_to_the_edge_of_the_data() {
        // Column 0 is blank on rows 3–5 and 9: runs 0–2, 6–8, 10–11.
        let blank = |pos: Pos| pos.col == 0 && matches!(pos.row, 3..=5 | 9);
        let extent = Extent { rows: 12, cols: 3, page: 5, blank: &blank };
        let down = |row| destination(Motion::Edge { rows: 1, cols: 0 }, Pos { row, col: 0 }, &extent);
        let up = |row| destination(Motion::Edge { rows: -1, cols: 0 }, Pos { row, col: 0 }, &extent);
        assert_eq!(down(0), Some(Pos { row: 2, col: 0 }), "to the end of the run");
        assert_eq!(down(2), Some(Pos { row: 6, col: 0 }), "over the blanks to the next filled cell");
        assert_eq!(down(6), Some(Pos { row: 8, col: 0 }));
        assert_eq!(down(10), Some(Pos { row: 11, col: 0 }));
        assert_eq!(down(11), Some(Pos { row: 11, col: 0 }), "at the edge it stays");
        assert_eq!(up(11), Some(Pos { row: 10, col: 0 }));
        assert_eq!(up(10), Some(Pos { row: 8, col: 0 }));
        assert_eq!(up(4), Some(Pos { row: 2, col: 0 }), "from a blank cell to the next filled one");
        let right = destination(Motion::Edge { rows: 0, cols: 1 }, Pos { row: 0, col: 0 }, &extent);
        assert_eq!(right, Some(Pos { row: 0, col: 2 }));
        let dense = Extent { rows: 12, cols: 3, page: 5, blank: &|_| false };
        assert_eq!(
            destination(Motion::Edge { rows: 1, cols: 0 }, Pos::default(), &dense),
            Some(Pos { row: 11, col: 0 })
        );
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
