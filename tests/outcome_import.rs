//! Importing outcome from CSV and XLSX files.

use kalkyl::model::example::april_2023;
use kalkyl::model::{Amount, AmountError, Engine, LineId, Month, Row, Series, Unit};
use kalkyl::outcome_import::{
    MAX_CELLS, TableError, column_index, column_name, guess, preview, read_csv, read_xlsx, sample,
};

const CSV: &str = "\u{feff}Konto;jan;feb;mar;apr;maj\r\nPersonalkostnader Ekonomi;4 500 000;4 600 000,50;;4 700 000;4 800 000\r\n\"Konsultkostnader Ekonomi\";1 000 000;1 000 000;1 000 000;1 000 000;\r\nLokalhyra;5;5;5;5;5\r\n\r\n";

#[test]
fn a_csv_from_swedish_excel_is_read_and_mapped_by_its_header() {
    let table = read_csv(CSV).unwrap();
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
    let table = read_csv(CSV).unwrap();
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
    let table = read_csv("Rad;jan\nPersonalkostnader Ekonomi;12,3,4\n").unwrap();
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
    assert!(matches!(read_xlsx(b"not a workbook"), Err(TableError::Unreadable(_))));
}

#[test]
fn columns_are_named_as_spreadsheets_name_them() {
    for (index, name) in [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")] {
        assert_eq!(column_name(index), name);
        assert_eq!(column_index(name), Some(index));
        assert_eq!(column_index(&name.to_lowercase()), Some(index));
    }
    assert_eq!(column_index(""), None);
    assert_eq!(column_index("A1"), None);
}

#[test]
fn a_column_is_found_by_its_heading_or_its_letter() {
    let table = read_csv("Konto;Januari;Februari;Mars\nx;1;2;3\n").unwrap();
    assert_eq!(table.label(1, true), "B · Januari");
    assert_eq!(table.label(1, false), "B");
    assert_eq!(table.find("B · Januari", true), Some(1));
    assert_eq!(table.find("februari", true), Some(2));
    assert_eq!(table.find("d", true), Some(3), "a letter");
    assert_eq!(table.find("mar", true), Some(3), "the one heading containing it");
    assert_eq!(table.find("ar", true), None, "three headings contain it");
    assert_eq!(table.find("Q", true), None, "past the last column");
    assert_eq!(table.find("  ", true), None);
    assert_eq!(table.matches("ar", true, 2), vec![1, 2]);
}

/// 200 000 columns, as in the report that froze the tab: read, guessed and
/// sampled without anything growing with the width but the table itself.
#[test]
fn a_very_wide_table_is_mapped_and_sampled() {
    const WIDTH: usize = 200_000;
    let header: Vec<String> = std::iter::once("Konto".to_owned()).chain((1..WIDTH).map(|c| format!("k{c}"))).collect();
    let mut text = header.join(";") + "\n";
    for name in ["Personalkostnader Ekonomi", "Lokalhyra", "Konsultkostnader Ekonomi"] {
        text += &format!("{name};{}\n", vec!["7"; WIDTH - 1].join(";"));
    }
    let table = read_csv(&text).unwrap();
    assert_eq!(table.width(), WIDTH);
    let mut mapping = guess(&table);
    assert!(mapping.months.iter().all(Option::is_none), "no heading names a month");
    mapping.header = true;
    mapping.months[0] = table.find("k150000", true);
    assert_eq!(mapping.months[0], Some(150_000));
    let shown = sample(&table, &mapping, 2);
    assert_eq!((shown.total, shown.width, shown.columns.clone()), (3, WIDTH, vec![0, 150_000]));
    assert_eq!(
        shown.rows,
        vec![(1, vec!["Personalkostnader Ekonomi".into(), "7".into()]), (2, vec!["Lokalhyra".into(), "7".into()])]
    );
    let engine = Engine::new(april_2023()).unwrap();
    let preview = preview(engine.plan(), &table, &mapping);
    assert_eq!((preview.matched.len(), preview.cells.len(), preview.unmatched.len()), (2, 2, 1));
}

#[test]
fn a_table_of_more_cells_than_the_limit_is_refused_with_its_size() {
    let empty = format!("{}\n", ";".repeat(MAX_CELLS));
    assert_eq!(read_csv(&empty), Err(TableError::TooLarge { rows: 1, columns: MAX_CELLS + 1 }), "even empty");
    let rows = "1;2\n".repeat(MAX_CELLS / 2 + 1);
    assert_eq!(read_csv(&rows), Err(TableError::TooLarge { rows: MAX_CELLS / 2 + 1, columns: 2 }));
    assert!(read_csv(&"1;2\n".repeat(MAX_CELLS / 2)).is_ok(), "at the limit");
}

/// A 5 KB workbook with values only at A1 and XFD1048576: the range it uses
/// is the whole sheet, refused before anything of that size is allocated.
#[test]
fn a_sparse_workbook_spanning_the_whole_sheet_is_refused_with_its_size() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile/sparse.xlsx")).unwrap();
    assert!(bytes.len() < 10_000);
    assert_eq!(read_xlsx(&bytes), Err(TableError::TooLarge { rows: 1_048_576, columns: 16_384 }));
}
