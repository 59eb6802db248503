//! Which rows and columns the grid renders, and where it scrolls: the
//! geometry of virtualisation. Rows have one fixed height and columns fixed
//! widths, so a position is arithmetic, whatever the size of the sheet.

use std::ops::Range;

use super::keys::Pos;

/// The height of every body row, in CSS pixels (the stylesheet gets it from here).
pub const ROW_HEIGHT: f64 = 28.0;
/// Rows rendered above and below those on screen, so that scrolling
/// shows rows already there.
const OVERSCAN_ROWS: usize = 8;
/// Columns rendered on each side of those on screen.
const OVERSCAN_COLS: usize = 1;

/// The scroll area: its scroll offsets and the size of what it shows, in CSS pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Viewport {
    pub top: f64,
    pub left: f64,
    pub width: f64,
    pub height: f64,
}

/// The fixed geometry of a sheet: the header row's height, the body rows'
/// height, the label column's width and where every column after it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Geometry {
    pub head: f64,
    pub row: f64,
    pub label: f64,
    /// The left edge of each column from the end of the label column, and
    /// at last the end of the last column.
    edges: Vec<f64>,
}

impl Geometry {
    pub fn new(head: f64, row: f64, label: f64, widths: impl IntoIterator<Item = f64>) -> Geometry {
        let mut edges = vec![0.0];
        for width in widths {
            edges.push(edges.last().copied().unwrap_or_default() + width);
        }
        Geometry { head, row, label, edges }
    }

    /// The width of the whole table.
    pub fn width(&self) -> f64 {
        self.label + self.span(0..self.edges.len() - 1)
    }

    /// The width of a range of columns.
    fn span(&self, cols: Range<usize>) -> f64 {
        self.edges[cols.end] - self.edges[cols.start]
    }

    fn columns(&self) -> usize {
        self.edges.len() - 1
    }

    /// How many rows a screen holds: the step of PageUp and PageDown.
    pub fn page(&self, view: &Viewport) -> usize {
        (((view.height - self.head) / self.row).floor() as usize).max(1)
    }
}

/// What the grid renders: rows by their index among the rows shown, in
/// order, and a run of columns. The rows on screen with some overscan, and
/// always the active cell, so that it keeps the keyboard focus while the
/// user scrolls away from it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Window {
    pub rows: Vec<usize>,
    pub cols: Range<usize>,
}

impl Window {
    /// The window of `view` over `count` rows, keeping `active`.
    pub fn of(view: &Viewport, geometry: &Geometry, count: usize, active: Pos) -> Window {
        let first = (view.top / geometry.row).floor().max(0.0) as usize;
        let end = ((view.top + view.height - geometry.head) / geometry.row).ceil().max(0.0) as usize;
        let mut rows: Vec<usize> = (first.saturating_sub(OVERSCAN_ROWS)..(end + OVERSCAN_ROWS).min(count)).collect();
        if active.row < count && !rows.contains(&active.row) {
            let at = rows.partition_point(|row| *row < active.row);
            rows.insert(at, active.row);
        }
        let columns = geometry.columns();
        let shown = |col: usize| {
            geometry.edges[col + 1] > view.left && geometry.edges[col] < view.left + view.width - geometry.label
        };
        let first = (0..columns).find(|col| shown(*col)).unwrap_or(0);
        let end = (first..columns).take_while(|col| shown(*col)).last().map_or(first, |last| last + 1);
        let mut cols = first.saturating_sub(OVERSCAN_COLS)..(end + OVERSCAN_COLS).min(columns);
        if active.col < columns {
            cols = cols.start.min(active.col)..cols.end.max(active.col + 1);
        }
        Window { rows, cols }
    }

    /// The height of the rows left out just before rendered row `row`.
    pub fn gap_before(&self, row: usize, geometry: &Geometry) -> f64 {
        let at = self.rows.partition_point(|r| *r < row);
        let previous = if at == 0 { 0 } else { self.rows[at - 1] + 1 };
        row.saturating_sub(previous) as f64 * geometry.row
    }

    /// The height of the rows left out after the last rendered one, of `count`.
    pub fn gap_after(&self, count: usize, geometry: &Geometry) -> f64 {
        let rendered = self.rows.last().map_or(0, |last| last + 1);
        count.saturating_sub(rendered) as f64 * geometry.row
    }

    /// The width of the columns left out before the rendered ones.
    pub fn left_gap(&self, geometry: &Geometry) -> f64 {
        geometry.span(0..self.cols.start.min(geometry.columns()))
    }

    /// The width of the columns left out after the rendered ones.
    pub fn right_gap(&self, geometry: &Geometry) -> f64 {
        let columns = geometry.columns();
        geometry.span(self.cols.end.min(columns)..columns)
    }
}

/// The scroll offsets that bring the cell at `pos` fully into view, below
/// the frozen header row and right of the frozen label column, moving as
/// little as possible.
pub fn scroll_to_show(view: &Viewport, geometry: &Geometry, pos: Pos) -> Viewport {
    let mut to = *view;
    let top = pos.row as f64 * geometry.row;
    let bottom = geometry.head + top + geometry.row;
    if bottom > to.top + to.height {
        to.top = bottom - to.height;
    }
    if top < to.top {
        to.top = top;
    }
    if pos.col < geometry.columns() {
        let (left, right) = (geometry.edges[pos.col], geometry.edges[pos.col + 1]);
        if geometry.label + right > to.left + to.width {
            to.left = geometry.label + right - to.width;
        }
        if left < to.left {
            to.left = left;
        }
    }
    to
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 16 columns of 100 px after a 250 px label column, a 40 px header.
    fn geometry() -> Geometry {
        Geometry::new(40.0, ROW_HEIGHT, 250.0, [100.0; 16])
    }

    fn view(top: f64, left: f64) -> Viewport {
        Viewport { top, left, width: 1000.0, height: 600.0 }
    }

    #[test]
    fn only_the_rows_and_columns_on_screen_are_rendered() {
        let geometry = geometry();
        assert_eq!(geometry.width(), 1850.0);
        // At the top: rows 0–19 show (560 px below the header), 8 more below.
        let window = Window::of(&view(0.0, 0.0), &geometry, 2_400, Pos::default());
        assert_eq!(window.rows, (0..28).collect::<Vec<_>>());
        assert_eq!(window.cols, 0..9, "750 px show columns 0–7, one more rendered");
        assert_eq!(window.gap_after(2_400, &geometry), (2_400 - 28) as f64 * ROW_HEIGHT);
        assert_eq!(window.right_gap(&geometry), 700.0);

        // Scrolled to row 1 000 and 5 columns right, the active cell far above.
        let window = Window::of(&view(28_000.0, 500.0), &geometry, 2_400, Pos { row: 3, col: 0 });
        assert_eq!(window.rows[0], 3, "the active row is kept");
        assert_eq!(window.rows[1], 992);
        assert_eq!(*window.rows.last().unwrap(), 1_027);
        assert_eq!(window.gap_before(3, &geometry), 3.0 * ROW_HEIGHT);
        assert_eq!(window.gap_before(992, &geometry), 988.0 * ROW_HEIGHT);
        assert_eq!(window.gap_before(993, &geometry), 0.0);
        assert_eq!(window.cols, 0..14, "the active column 0 and columns 4–13");
        assert_eq!(window.left_gap(&geometry), 0.0);

        let short = Window::of(&view(0.0, 0.0), &geometry, 5, Pos::default());
        assert_eq!(short.rows, vec![0, 1, 2, 3, 4]);
        assert_eq!(short.gap_after(5, &geometry), 0.0);
    }

    #[test]
    fn the_active_cell_is_scrolled_into_view_below_the_frozen_header_and_labels() {
        let geometry = geometry();
        let at_top = view(0.0, 0.0);
        assert_eq!(scroll_to_show(&at_top, &geometry, Pos { row: 5, col: 3 }), at_top, "on screen: no scroll");
        let down = scroll_to_show(&at_top, &geometry, Pos { row: 100, col: 0 });
        assert_eq!(down.top, 40.0 + 101.0 * ROW_HEIGHT - 600.0, "the row's bottom at the screen's");
        let up = scroll_to_show(&view(5_000.0, 0.0), &geometry, Pos { row: 10, col: 0 });
        assert_eq!(up.top, 10.0 * ROW_HEIGHT, "the row's top under the header");
        let right = scroll_to_show(&at_top, &geometry, Pos { row: 0, col: 15 });
        assert_eq!(right.left, 250.0 + 1_600.0 - 1_000.0);
        let left = scroll_to_show(&view(0.0, 900.0), &geometry, Pos { row: 0, col: 2 });
        assert_eq!(left.left, 200.0, "the column right of the frozen labels");
        assert_eq!(geometry.page(&at_top), 20);
    }
}
