//! Importing outcome from CSV and XLSX files.

use kalkyl::model::example::april_2023;
use kalkyl::model::{Amount, AmountError, Engine, LineId, Month, Row, Series, Unit};
use kalkyl::outcome_import::{guess, preview, read_csv, read_xlsx};

const CSV: &str = "\u{feff}Konto;jan;feb;mar;apr;maj\r\nPersonalkostnader Ekonomi;4 500 000;4 600 000,50;;4 700 000;4 800 000\r\n\"Konsultkostnader Ekonomi\";1 000 000;1 000 000;1 000 000;1 000 000;\r\nLokalhyra;5;5;5;5;5\r\n\r\n";

#[test]
fn a_csv_from_swedish_excel_is_read_and_mapped_by_its_header() {
    let table = read_csv(CSV);
    assert_eq!(table.rows.len(), 4);
    assert_eq!(table.rows[1][2], "4 600 000,50");
    let mapping = guess(&table);
    assert!(mapping.header);
    assert_eq!(mapping.line, 0);
    assert_eq!(mapping.months[..5], [Some(1), Some(2), Some(3), Some(4), Some(5)]);
    assert_eq!(mapping.months[5], None);
    assert_eq!(mapping.unit, Unit::Kr);
}

#[test]
fn the_preview_lists_changes_and_unmatched_rows_and_applies_as_one_step() {
    let mut engine = Engine::new(april_2023()).unwrap();
    let table = read_csv(CSV);
    let preview = preview(engine.plan(), &table, &guess(&table));
    assert_eq!(preview.matched, vec![(1, LineId(1)), (2, LineId(2))]);
    assert_eq!(preview.unmatched, vec![(3, "Lokalhyra".to_owned())], "listed, not dropped");
    assert_eq!(preview.cells.len(), 4 + 4, "empty cells leave their month as it is");
    assert!(preview.bad.is_empty());
    let before = engine.plan().clone();
    engine.execute(preview.command().unwrap()).unwrap();
    let outcome = engine.months(Row::Line(LineId(1)), Series::Outcome).unwrap();
    assert_eq!(outcome[1], "4600000.5".parse::<Amount>().unwrap());
    assert_eq!(outcome[4], Amount::kronor(4_800_000), "May's outcome, ready for closing May");
    engine.undo().unwrap();
    assert_eq!(engine.plan(), &before);
}

#[test]
fn a_cell_that_is_not_an_amount_blocks_the_import() {
    let engine = Engine::new(april_2023()).unwrap();
    let table = read_csv("Rad;jan\nPersonalkostnader Ekonomi;12,3,4\n");
    let preview = preview(engine.plan(), &table, &guess(&table));
    assert_eq!(preview.bad.len(), 1);
    assert_eq!((preview.bad[0].row, preview.bad[0].col, preview.bad[0].error), (1, 1, AmountError::NotANumber));
    assert_eq!(preview.command(), None);
}

#[test]
fn an_xlsx_workbook_is_read_from_its_first_sheet() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Rad").unwrap();
    sheet.write_string(0, 1, "Januari").unwrap();
    sheet.write_string(1, 0, "Personalkostnader HR").unwrap();
    sheet.write_number(1, 1, 3_900_000.25).unwrap();
    let table = read_xlsx(&workbook.save_to_buffer().unwrap()).unwrap();
    let engine = Engine::new(april_2023()).unwrap();
    let mapping = guess(&table);
    assert_eq!(mapping.months[0], Some(1));
    let preview = preview(engine.plan(), &table, &mapping);
    let line = engine.plan().lines.iter().find(|l| l.name == "Personalkostnader HR").unwrap().id;
    assert_eq!(
        preview.cells,
        vec![(
            kalkyl::model::Cell { line, series: Series::Outcome, month: Month::JANUARY },
            "3900000.25".parse().unwrap()
        )]
    );
    assert!(read_xlsx(b"not a workbook").is_err());
}
