//! Exports controllers open in a spreadsheet: CSV for Swedish Excel and an
//! XLSX workbook with one sheet a view. Amounts are exact kronor; numbers stay
//! numbers, and text is guarded against formula injection.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::model::Unit;
use crate::model::number::plain;
use crate::model::{Engine, Row, Series};
use crate::ui::allocation::AllocationPage;
use crate::ui::grid::{At, Content, Fmt, Sheet, Style};
use crate::ui::i18n::Lang;
use crate::ui::indicators::IndicatorSheet;
use crate::ui::sheet::{Measure, PlanSheet, View, figure};

/// The views a workbook holds, one sheet each.
const VIEWS: [View; 3] = [View::Result, View::Monthly(Series::Budget), View::Outcome];

/// A cell of an export.
enum Value {
    Text(String),
    Number(rust_decimal::Decimal),
    Empty,
}

/// The cells of a view: a header row, then a row for each sheet row.
fn table(engine: &Engine, view: View, lang: Lang) -> (PlanSheet, Vec<Vec<Value>>) {
    let sheet = PlanSheet::new(view, engine.plan(), lang);
    let mut rows = Vec::with_capacity(sheet.rows().len() + 1);
    let header =
        std::iter::once(format!("{} (kr)", lang.line_header())).chain(sheet.columns().iter().map(|c| c.label.clone()));
    rows.push(header.map(Value::Text).collect());
    for (index, row) in sheet.rows().iter().enumerate() {
        let mut cells = vec![Value::Text(row.label.clone())];
        cells.extend(sheet.measures().iter().map(|measure| cell(engine, sheet.source(index), *measure, lang)));
        rows.push(cells);
    }
    (sheet, rows)
}

/// The cells of any sheet as it shows them: a header row, then a row for
/// each sheet row; amounts exact in kronor, errors as their text.
fn sheet_table(engine: &Engine, sheet: &dyn Sheet, lang: Lang) -> Vec<Vec<Value>> {
    let fmt = Fmt { unit: Unit::Kr, lang };
    let label = format!("{} (kr)", sheet.label_column().label);
    let header = std::iter::once(label).chain(sheet.columns().iter().map(|c| c.label.clone()));
    let mut rows = vec![header.map(Value::Text).collect::<Vec<_>>()];
    for (row, spec) in sheet.rows().iter().enumerate() {
        let cells = (0..sheet.columns().len()).map(|col| match sheet.show(engine, At { row, col }, fmt).content {
            Content::Amount(amount) => Value::Number(amount.decimal()),
            Content::Number { value, .. } => Value::Number(value),
            Content::Empty => Value::Empty,
            content => Value::Text(content.text(fmt)),
        });
        rows.push(std::iter::once(Value::Text(spec.label.clone())).chain(cells).collect());
    }
    rows
}

/// Which rows of a table are bold: the header, and the rows that are not lines.
fn strong_rows(sheet: &dyn Sheet) -> Vec<bool> {
    std::iter::once(true).chain(sheet.rows().iter().map(|row| row.style != Style::Line)).collect()
}

fn cell(engine: &Engine, row: Row, measure: Measure, lang: Lang) -> Value {
    match (figure(engine, row, measure), row) {
        (Some(Ok(amount)), _) => Value::Number(amount.decimal()),
        (Some(Err(_)), _) => Value::Text(lang.out_of_range().into()),
        (None, Row::Line(id)) => {
            engine.plan().line(id).map_or(Value::Empty, |l| Value::Text(lang.method_name(&l.forecast).into()))
        }
        (None, _) => Value::Empty,
    }
}

/// A text cell that a spreadsheet will not take for a formula: text starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`.
pub fn guarded(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

fn csv_field(value: &Value) -> String {
    match value {
        Value::Number(number) => plain(*number),
        Value::Empty => String::new(),
        Value::Text(text) => {
            let text = guarded(text);
            if text.contains([';', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text }
        }
    }
}

/// The view as CSV for Swedish Excel: UTF-8 with a byte order mark,
/// semicolons between fields, decimal commas and CRLF line ends.
pub fn csv(engine: &Engine, view: View, lang: Lang) -> String {
    let rows = match view {
        View::Allocation(page) => sheet_table(engine, &*page.sheet(engine, lang), lang),
        View::Indicators => sheet_table(engine, &IndicatorSheet::new(engine, lang), lang),
        _ => table(engine, view, lang).1,
    };
    let lines: Vec<String> = rows.iter().map(|row| row.iter().map(csv_field).collect::<Vec<_>>().join(";")).collect();
    format!("\u{feff}{}\r\n", lines.join("\r\n"))
}

/// A workbook with one sheet a view: numbers as numbers in a Swedish number
/// format, bold totals, the header row and label column frozen.
pub fn xlsx(engine: &Engine, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let number = Format::new().set_num_format("#,##0.00");
    let bold = Format::new().set_bold();
    let bold_number = Format::new().set_bold().set_num_format("#,##0.00");
    let mut tables: Vec<(String, Vec<bool>, Vec<Vec<Value>>)> = Vec::new();
    for view in VIEWS {
        let (sheet, rows) = table(engine, view, lang);
        tables.push((sheet_name(view, lang).to_owned(), strong_rows(&sheet), rows));
    }
    let indicators = IndicatorSheet::new(engine, lang);
    tables.push((lang.view_indicators().to_owned(), strong_rows(&indicators), sheet_table(engine, &indicators, lang)));
    for page in AllocationPage::ALL {
        let sheet = page.sheet(engine, lang);
        tables.push((lang.page_name(page).to_owned(), strong_rows(&*sheet), sheet_table(engine, &*sheet, lang)));
    }
    for (name, strong, rows) in tables {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(name)?;
        for (r, cells) in rows.iter().enumerate() {
            let strong = strong.get(r).copied().unwrap_or(false);
            let row = u32::try_from(r).unwrap_or(u32::MAX);
            for (c, value) in cells.iter().enumerate() {
                let col = u16::try_from(c).unwrap_or(u16::MAX);
                match value {
                    Value::Number(n) => {
                        let n = n.to_string().parse::<f64>().unwrap_or_default();
                        worksheet.write_number_with_format(row, col, n, if strong { &bold_number } else { &number })?
                    }
                    Value::Text(text) if strong => {
                        worksheet.write_string_with_format(row, col, guarded(text), &bold)?
                    }
                    Value::Text(text) => worksheet.write_string(row, col, guarded(text))?,
                    Value::Empty => worksheet,
                };
            }
        }
        worksheet.set_column_width(0, 40)?;
        worksheet.set_freeze_panes(1, 1)?;
    }
    workbook.save_to_buffer()
}

fn sheet_name(view: View, lang: Lang) -> &'static str {
    match view {
        View::Result => lang.view_result(),
        View::Monthly(_) => lang.view_monthly(),
        View::Outcome | View::Structure | View::Indicators | View::Allocation(_) | View::Scenarios => {
            lang.view_outcome()
        }
    }
}
