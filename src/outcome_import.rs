//! Importing outcome (utfall) from a spreadsheet: a CSV or XLSX table whose
//! rows name lines and whose columns hold months. The user chooses the
//! columns, sees what will change, and applies it as one undoable command;
//! rows that match no line are listed, never dropped silently.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::model::command::Cell;
use crate::model::number::parse_amount;
use crate::model::{Amount, AmountError, Command, LineId, Month, Plan, Series, Unit};

/// A table of text cells, as read from a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// Reads CSV as Swedish and English spreadsheets write it: separated by
/// semicolons, tabs or commas (whichever the first line has most of), fields
/// optionally in double quotes, with or without a byte order mark.
pub fn read_csv(text: &str) -> Table {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or_default();
    let separator = [';', '\t', ','].into_iter().max_by_key(|s| first.matches(*s).count()).unwrap_or(';');
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (c, false) if c == separator => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                let blank = row.iter().all(String::is_empty);
                let row = std::mem::take(&mut row);
                if !blank {
                    rows.push(row);
                }
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Table { rows }
}

/// Reads the first sheet of an XLSX workbook; numbers become plain text.
pub fn read_xlsx(bytes: &[u8]) -> Result<Table, String> {
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e: calamine::XlsxError| e.to_string())?;
    let range = workbook.worksheet_range_at(0).ok_or("the workbook has no sheet")?.map_err(|e| e.to_string())?;
    let text = |cell: &Data| match cell {
        Data::Empty => String::new(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => other.to_string(),
    };
    Ok(Table { rows: range.rows().map(|row| row.iter().map(text).collect()).collect() })
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
    let mut preview = Preview::default();
    let skip = usize::from(mapping.header);
    for (r, row) in table.rows.iter().enumerate().skip(skip) {
        let name = row.get(mapping.line).map(|n| n.trim()).unwrap_or_default();
        if row.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let wanted = name.to_lowercase();
        let Some(line) = plan.lines.iter().find(|line| line.name.trim().to_lowercase() == wanted) else {
            preview.unmatched.push((r, name.to_owned()));
            continue;
        };
        preview.matched.push((r, line.id));
        for (month, column) in Month::all().zip(mapping.months) {
            let Some(text) = column.and_then(|c| row.get(c)).filter(|t| !t.trim().is_empty()) else { continue };
            match parse_amount(text, mapping.unit) {
                Ok(amount) => preview.cells.push((Cell { line: line.id, series: Series::Outcome, month }, amount)),
                Err(error) => preview.bad.push(BadCell { row: r, col: column.unwrap_or(0), text: text.clone(), error }),
            }
        }
    }
    preview
}
