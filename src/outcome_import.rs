//! Importing outcome (utfall) from a spreadsheet: a CSV or XLSX table whose
//! rows name lines and whose columns hold months. The user chooses the
//! columns, sees what will change, and applies it as one undoable command;
//! rows that match no line are listed, never dropped silently.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Xlsx};

use crate::model::command::Cell;
use crate::model::number::parse_amount;
use crate::model::{Amount, AmountError, Command, LineId, Month, Plan, Series, Unit};

/// The most cells a table may have, counted over the range its values use
/// (rows × columns): a table is held whole, as text, in the browser's memory.
pub const MAX_CELLS: usize = 2_000_000;

/// A table of text cells, as read from a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
}

/// Why a file could not be read as a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// Not a table this reader understands, with the reader's reason.
    Unreadable(String),
    /// The range the values use is larger than [`MAX_CELLS`]: its rows and columns.
    TooLarge { rows: usize, columns: usize },
}

impl Table {
    /// The number of columns: the longest row's.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Column `c`'s heading, when the first row holds headings.
    fn heading(&self, c: usize, header: bool) -> Option<&str> {
        header.then(|| self.rows.first()?.get(c)).flatten().map(|h| h.trim()).filter(|h| !h.is_empty())
    }

    /// Column `c` as a person names it: its letter, with its heading when
    /// the first row holds headings (`B · jan`).
    pub fn label(&self, c: usize, header: bool) -> String {
        match self.heading(c, header) {
            Some(heading) => format!("{} · {heading}", column_name(c)),
            None => column_name(c),
        }
    }

    /// The column `query` names: a label as [`Table::label`] writes it, a
    /// heading (case aside), a letter (`B`, `xfd`), or the one heading that
    /// contains it. `None` for none, or for several.
    pub fn find(&self, query: &str, header: bool) -> Option<usize> {
        let query = query.trim();
        let query = query.split_once(" · ").map_or(query, |(letters, _)| letters).to_lowercase();
        let width = self.width();
        let heading = |c: usize| self.heading(c, header).map(str::to_lowercase);
        (0..width)
            .find(|c| heading(*c).as_deref() == Some(query.as_str()))
            .or_else(|| column_index(&query).filter(|c| *c < width))
            .or_else(|| {
                let mut containing = (0..width).filter(|c| heading(*c).is_some_and(|h| h.contains(&query)));
                containing.next().filter(|_| containing.next().is_none())
            })
            .filter(|_| !query.is_empty())
    }

    /// The first `limit` columns whose label contains `query` (case aside),
    /// as suggestions while a column is typed.
    pub fn matches(&self, query: &str, header: bool, limit: usize) -> Vec<usize> {
        let query = query.trim().to_lowercase();
        (0..self.width()).filter(|c| self.label(*c, header).to_lowercase().contains(&query)).take(limit).collect()
    }
}

/// A column's name as spreadsheets write it: A … Z, AA … XFD.
pub fn column_name(index: usize) -> String {
    let mut name = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        name.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    name.iter().rev().map(|b| char::from(*b)).collect()
}

/// The 0-based column a name like `B` or `xfd` names.
pub fn column_index(name: &str) -> Option<usize> {
    if name.is_empty() || name.len() > 5 || !name.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let number = name.bytes().fold(0, |n, b| n * 26 + usize::from(b.to_ascii_uppercase() - b'A' + 1));
    Some(number - 1)
}

/// Rows of cells as they are read, within [`MAX_CELLS`]: past it only the
/// size is counted, to say how large the table is.
#[derive(Default)]
struct Rows {
    rows: Vec<Vec<String>>,
    /// The row being read, and how many fields it has (kept or not).
    row: Vec<String>,
    fields: usize,
    count: usize,
    width: usize,
    cells: usize,
}

impl Rows {
    fn field(&mut self, text: String) {
        self.fields += 1;
        if self.cells + self.fields <= MAX_CELLS {
            self.row.push(text);
        }
    }

    /// Ends a row; a row of empty fields is no row.
    fn end(&mut self) {
        let (row, fields) = (std::mem::take(&mut self.row), std::mem::take(&mut self.fields));
        if fields == row.len() && row.iter().all(String::is_empty) {
            return;
        }
        (self.count, self.width, self.cells) = (self.count + 1, self.width.max(fields), self.cells + fields);
        if self.cells <= MAX_CELLS {
            self.rows.push(row);
        }
    }

    fn table(self) -> Result<Table, TableError> {
        if self.cells > MAX_CELLS {
            return Err(TableError::TooLarge { rows: self.count, columns: self.width });
        }
        Ok(Table { rows: self.rows })
    }
}

/// Reads CSV as Swedish and English spreadsheets write it: separated by
/// semicolons, tabs or commas (whichever the first line has most of), fields
/// optionally in double quotes, with or without a byte order mark. Refused
/// over [`MAX_CELLS`].
pub fn read_csv(text: &str) -> Result<Table, TableError> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or_default();
    let separator = [';', '\t', ','].into_iter().max_by_key(|s| first.matches(*s).count()).unwrap_or(';');
    let mut rows = Rows::default();
    let (mut field, mut quoted) = (String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (c, false) if c == separator => rows.field(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                rows.field(std::mem::take(&mut field));
                rows.end();
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || rows.fields > 0 {
        rows.field(field);
        rows.end();
    }
    rows.table()
}

fn unreadable(error: impl ToString) -> TableError {
    TableError::Unreadable(error.to_string())
}

/// Reads the first sheet of an XLSX workbook; numbers become plain text.
/// The sheet's cells are streamed first, without trusting the size the sheet
/// declares: only when the range its values use is within [`MAX_CELLS`] is
/// the table built.
pub fn read_xlsx(bytes: &[u8]) -> Result<Table, TableError> {
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let sheet = workbook.sheet_names().first().cloned().ok_or_else(|| unreadable("the workbook has no sheet"))?;
    let mut reader = workbook.worksheet_cells_reader(&sheet).map_err(unreadable)?;
    let mut cells = Vec::new();
    let (mut rows, mut columns) = (0, 0);
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let text = text(cell.get_value());
        if text.is_empty() {
            continue;
        }
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize, column as usize);
        (rows, columns) = (rows.max(row + 1), columns.max(column + 1));
        cells.push((row, column, text));
        if cells.len() > MAX_CELLS {
            break; // too many whatever the range: no need to read on
        }
    }
    if rows.saturating_mul(columns) > MAX_CELLS {
        return Err(TableError::TooLarge { rows, columns });
    }
    let mut table = vec![vec![String::new(); columns]; rows];
    for (row, column, text) in cells {
        table[row][column] = text;
    }
    Ok(Table { rows: table })
}

fn text(cell: &DataRef<'_>) -> String {
    match cell {
        DataRef::Empty => String::new(),
        DataRef::Float(f) => f.to_string(),
        DataRef::Int(i) => i.to_string(),
        other => Data::from(other.clone()).to_string(),
    }
}

/// Which columns hold what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// Whether the first row names the columns.
    pub header: bool,
    /// The column with the line's name.
    pub line: usize,
    /// The column of each month, January first; `None` leaves the month as it is.
    pub months: [Option<usize>; 12],
    /// The unit the amounts are in.
    pub unit: Unit,
}

const MONTH_NAMES: [[&str; 3]; 12] = [
    ["jan", "januari", "january"],
    ["feb", "februari", "february"],
    ["mar", "mars", "march"],
    ["apr", "april", "april"],
    ["maj", "may", "maj"],
    ["jun", "juni", "june"],
    ["jul", "juli", "july"],
    ["aug", "augusti", "august"],
    ["sep", "september", "september"],
    ["okt", "oktober", "october"],
    ["nov", "november", "november"],
    ["dec", "december", "december"],
];

/// A first guess: month columns found by their header (`jan`, `Februari`,
/// `3`, `2023-04` …), the line in the first column; amounts in kronor.
pub fn guess(table: &Table) -> Mapping {
    let header = table.rows.first().cloned().unwrap_or_default();
    let month_of = |name: &str| -> Option<usize> {
        let name = name.trim().to_lowercase();
        let number = name.rsplit(['-', '/', ' ']).next().and_then(|n| n.parse::<usize>().ok());
        MONTH_NAMES
            .iter()
            .position(|names| names.contains(&name.as_str()))
            .or(number.filter(|n| (1..=12).contains(n)).map(|n| n - 1))
    };
    let mut months = [None; 12];
    for (column, name) in header.iter().enumerate() {
        if let Some(month) = month_of(name) {
            months[month].get_or_insert(column);
        }
    }
    let found = months.iter().any(Option::is_some);
    let line = (0..header.len()).find(|c| !months.contains(&Some(*c))).unwrap_or(0);
    Mapping { header: found, line, months, unit: Unit::Kr }
}

/// A cell that is not an amount, with its place (0-based row and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadCell {
    pub row: usize,
    pub col: usize,
    pub text: String,
    pub error: AmountError,
}

/// What an import would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    /// The outcome cells to set.
    pub cells: Vec<(Cell, Amount)>,
    /// Lines found, with their row in the file.
    pub matched: Vec<(usize, LineId)>,
    /// Rows whose name matches no line: their row and name.
    pub unmatched: Vec<(usize, String)>,
    /// Cells that are not amounts; while there are any, nothing is applied.
    pub bad: Vec<BadCell>,
}

impl Preview {
    /// The command that applies the import, if it can be applied.
    pub fn command(&self) -> Option<Command> {
        (self.bad.is_empty() && !self.cells.is_empty()).then(|| Command::SetAmounts(self.cells.clone()))
    }
}

/// What importing `table` with `mapping` into `plan` would change. Lines are
/// matched by name, without regard to case; empty rows are skipped and empty
/// month cells leave the month as it is.
pub fn preview(plan: &Plan, table: &Table, mapping: &Mapping) -> Preview {
    let by_name: HashMap<String, LineId> =
        plan.lines.iter().rev().map(|line| (line.name.trim().to_lowercase(), line.id)).collect();
    let mut preview = Preview::default();
    for (r, row) in data_rows(table, mapping) {
        let name = row.get(mapping.line).map(|n| n.trim()).unwrap_or_default();
        let Some(&line) = by_name.get(&name.to_lowercase()) else {
            preview.unmatched.push((r, name.to_owned()));
            continue;
        };
        preview.matched.push((r, line));
        for (month, column) in Month::all().zip(mapping.months) {
            let Some(text) = column.and_then(|c| row.get(c)).filter(|t| !t.trim().is_empty()) else { continue };
            match parse_amount(text, mapping.unit) {
                Ok(amount) => preview.cells.push((Cell { line, series: Series::Outcome, month }, amount)),
                Err(error) => preview.bad.push(BadCell { row: r, col: column.unwrap_or(0), text: text.clone(), error }),
            }
        }
    }
    preview
}

/// The rows that hold data, with their 0-based index in the table: after
/// the heading, if any, and not empty.
fn data_rows<'a>(table: &'a Table, mapping: &Mapping) -> impl Iterator<Item = (usize, &'a Vec<String>)> {
    let skip = usize::from(mapping.header);
    table.rows.iter().enumerate().skip(skip).filter(|(_, row)| !row.iter().all(|cell| cell.trim().is_empty()))
}

/// A few rows of a table as a mapping reads them, to show before importing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sample {
    /// The columns shown: the line's, then each mapped month's.
    pub columns: Vec<usize>,
    /// The first rows that hold data: their 0-based index and the cells of `columns`.
    pub rows: Vec<(usize, Vec<String>)>,
    /// How many rows hold data.
    pub total: usize,
    /// How many columns the table has.
    pub width: usize,
}

/// The first `count` data rows of `table`, in the columns `mapping` reads.
pub fn sample(table: &Table, mapping: &Mapping, count: usize) -> Sample {
    let columns: Vec<usize> = std::iter::once(mapping.line).chain(mapping.months.iter().flatten().copied()).collect();
    let cells = |row: &Vec<String>| columns.iter().map(|c| row.get(*c).cloned().unwrap_or_default()).collect();
    let rows = data_rows(table, mapping).take(count).map(|(r, row)| (r, cells(row))).collect();
    Sample { rows, total: data_rows(table, mapping).count(), width: table.width(), columns }
}
