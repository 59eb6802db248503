//! CSV and XLSX exports, read back as a spreadsheet would.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use kalkyl::export::{csv, guarded, xlsx};
use kalkyl::model::example::april_2023;
use kalkyl::model::{Engine, Series};
use kalkyl::ui::i18n::Lang;
use kalkyl::ui::sheet::View;

fn engine() -> Engine {
    let mut plan = april_2023();
    plan.lines[0].name = "=HYPERLINK(\"http://x\")".into();
    Engine::new(plan).unwrap()
}

#[test]
fn csv_opens_in_swedish_excel() {
    let text = csv(&engine(), View::Result, Lang::Sv);
    assert!(text.starts_with('\u{feff}'), "UTF-8 with a byte order mark");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Rad (kr);Utfall ack april 2022;Utfall ack april 2023;Budget ack april 2023;Avvikelse jan–april;Prognos helår 2023;Budget helår 2023;Avvikelse prognos/budget helår"
    );
    let total = lines.iter().find(|line| line.starts_with("Summa kostnader;")).unwrap();
    assert_eq!(*total, "Summa kostnader;444186000;456682000;490111000;33429000;1415753000;1449802000;34049000");
    let result = lines.iter().find(|line| line.starts_with("Resultat;")).unwrap();
    assert!(result.contains(";-6840000;"), "negative numbers stay numbers: {result}");
}

#[test]
fn text_that_looks_like_a_formula_is_guarded() {
    let text = csv(&engine(), View::Monthly(Series::Budget), Lang::Sv);
    assert!(text.contains("\r\n\"'=HYPERLINK(\"\"http://x\"\")\";"), "quoted, escaped and guarded");
    for risky in ["=1+1", "+46", "-x", "@SUM(A1)", "\tx", "\rx"] {
        assert!(guarded(risky).starts_with('\''), "{risky:?}");
    }
    assert_eq!(guarded("Konsulter"), "Konsulter");
}

#[test]
fn the_workbook_has_a_sheet_a_view_with_numbers_as_numbers() {
    let bytes = xlsx(&engine(), Lang::Sv).unwrap();
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let views = ["Resultat", "Budget per månad", "Utfall och prognos", "Indikatorer"];
    let allocation =
        ["Kunder och nycklar", "Fördelning", "Prislista", "Fakturering", "Återreglering", "Nyckeljämförelse"];
    assert_eq!(workbook.sheet_names(), [views.as_slice(), allocation.as_slice()].concat());
    let indicators = workbook.worksheet_range("Indikatorer").unwrap();
    let sick_leave = indicators.rows().find(|row| row[0] == Data::String("Sjukfrånvaro".into())).unwrap();
    assert!(sick_leave.contains(&Data::String("5,7\u{a0}%".into())), "indicator values as shown: {sick_leave:?}");
    assert!(sick_leave.contains(&Data::String("■ Röd".into())), "with their status in words");
    let charges = workbook.worksheet_range("Fördelning").unwrap();
    let check = charges.rows().find(|row| row[0] == Data::String("Kontroll: Σ kunder mot pool".into())).unwrap();
    assert_eq!(check[1], Data::String("Σ = pool, differens 0 kr".into()), "the allocation pages are sheets too");
    let result = workbook.worksheet_range("Resultat").unwrap();
    let row = result.rows().find(|row| row[0] == Data::String("Summa kostnader".into())).unwrap();
    assert_eq!(row[6], Data::Float(1_449_802_000.0));
    let outcome = workbook.worksheet_range("Utfall och prognos").unwrap();
    let operations = outcome.rows().find(|row| row[0] == Data::String("Summa förvaltning".into())).unwrap();
    assert_eq!(operations[3], Data::Float(22_331_000.0), "deviation Jan–April of operations");
    let budget = workbook.worksheet_range("Budget per månad").unwrap();
    assert!(budget.rows().any(|row| row[0] == Data::String("'=HYPERLINK(\"http://x\")".into())));
}
