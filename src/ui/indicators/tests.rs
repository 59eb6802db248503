//! The Indikatorer sheet against the April 2023 report.

use super::IndicatorSheet;
use crate::model::example::april_2023;
use crate::model::indicator::{IndicatorEdit, Slot, ValueCell};
use crate::model::{Command, Engine, IndicatorId, Unit};
use crate::ui::grid::{Access, At, Content, Editor, Fmt, Sheet, Status, Style};
use crate::ui::i18n::Lang;

const SV: Fmt = Fmt { unit: Unit::Tkr, lang: Lang::Sv };
const EN: Fmt = Fmt { unit: Unit::Tkr, lang: Lang::En };

fn example() -> Engine {
    Engine::new(april_2023()).unwrap()
}

fn id(engine: &Engine, name: &str) -> IndicatorId {
    engine.plan().indicators.iter().find(|i| i.name == name).unwrap().id
}

/// The cell of an indicator by name and a column by key.
fn at(engine: &Engine, sheet: &IndicatorSheet, name: &str, col: &str) -> At {
    let key = format!("indicator-{}", id(engine, name).0);
    let row = sheet.rows().iter().position(|r| r.key == key).unwrap();
    At { row, col: sheet.columns().iter().position(|c| c.key == col).unwrap() }
}

fn text(engine: &Engine, sheet: &IndicatorSheet, name: &str, col: &str) -> String {
    sheet.show(engine, at(engine, sheet, name, col), SV).content.text(SV)
}

#[test]
fn tables_are_grouped_by_perspective_and_periodicity_with_the_report_headings() {
    let engine = example();
    let sheet = IndicatorSheet::new(&engine, Lang::Sv);
    let labels: Vec<&str> = sheet.columns().iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Utfall förra året", "Utfall", "Mål", "Prognos helår", "Årsmål", "R12", "Status"]);
    let groups: Vec<&str> = sheet.rows().iter().filter(|r| r.style == Style::Group).map(|r| r.label.as_str()).collect();
    assert_eq!(groups[..3], ["Kund och ägare – År", "Kund och ägare – Tertial", "Kund och ägare – Månad"]);
    assert!(groups.contains(&"Ekonomi – Månad"), "{groups:?}");
    let heading = sheet.rows().iter().position(|r| r.key == "group-1-tertial").unwrap();
    let show = |col: usize| sheet.show(&engine, At { row: heading, col }, SV).content.text(SV);
    assert_eq!((show(0), show(1), show(2)), ("Utfall T1 2022".into(), "Utfall T1 2023".into(), "Mål T1 2023".into()));
    assert_eq!(show(5), "", "a tertial table has no R12");
    let month = sheet.rows().iter().position(|r| r.key == "group-1-month").unwrap();
    assert_eq!(sheet.show(&engine, At { row: month, col: 5 }, SV).content.text(SV), "R12 apr 2023");
    let nki = at(&engine, &sheet, "Nöjd Kund Index (NKI)", "outcome");
    assert_eq!(sheet.rows()[nki.row].section, Some(0), "an indicator folds under its table");
}

#[test]
fn figures_and_statuses_are_as_printed() {
    let engine = example();
    let sheet = IndicatorSheet::new(&engine, Lang::Sv);
    let nki = "Nöjd Kund Index (NKI)";
    assert_eq!(text(&engine, &sheet, nki, "last-year"), "66,9\u{a0}%");
    assert_eq!(text(&engine, &sheet, nki, "outcome"), "70\u{a0}%");
    assert_eq!(text(&engine, &sheet, nki, "status"), "● Grön");
    let sick = "Sjukfrånvaro";
    let figures: Vec<String> = ["last-year", "outcome", "target", "forecast", "annual-target"]
        .iter()
        .map(|col| text(&engine, &sheet, sick, col))
        .collect();
    assert_eq!(figures, ["4,6\u{a0}%", "5,7\u{a0}%", "5\u{a0}%", "5,5\u{a0}%", "5\u{a0}%"]);
    assert_eq!(text(&engine, &sheet, sick, "status"), "■ Röd", "5,7 % is more than 5 % above 5 %");
    assert_eq!(text(&engine, &sheet, "Pedagogiska datorer", "outcome"), "45\u{a0}089");
    assert_eq!(text(&engine, &sheet, "Avtalsföljsamhet", "outcome"), "99,2\u{a0}%");
    assert_eq!(text(&engine, &sheet, "Inköpsvolym", "status"), "▲ Gul", "755 against 750, lower is better");
    assert_eq!(text(&engine, &sheet, "Lönespecifikationer", "r12"), "724\u{a0}646");
    let sla = "Efterlevnad servicenivå - SLA";
    assert_eq!(text(&engine, &sheet, sla, "last-year"), "–", "not reported, never 0");
    assert_eq!(text(&engine, &sheet, "Frisknärvaro", "status"), "○ Kan inte bedömas", "no target");
    let cell = sheet.show(&engine, at(&engine, &sheet, sick, "status"), SV);
    assert_eq!(cell.content, Content::Status { status: Status::Red, label: "■ Röd".into() });
    let title = cell.title.unwrap();
    assert!(title.contains("Status apr 2023: ■ Röd – målet är inte nått: 5,7\u{a0}% mot 5\u{a0}%"), "{title}");
    assert!(title.contains("Prognos helår: ■ Röd"), "{title}");
    assert!(title.contains("planens standardregel") && title.contains("gul inom 5 %"), "{title}");
    assert!(title.contains("lägre är bättre"), "{title}");
    let english = sheet.show(&engine, at(&engine, &sheet, sick, "status"), EN);
    assert!(english.title.unwrap().contains("the plan's default rule"));
}

#[test]
fn computed_figures_say_so_and_refuse_typing() {
    let engine = example();
    let sheet = IndicatorSheet::new(&engine, Lang::Sv);
    let cost = at(&engine, &sheet, "Kostnad per lönespecifikation (exempel)", "outcome");
    let shown = sheet.show(&engine, cost, SV);
    assert_eq!(shown.access, Access::Computed);
    assert!(shown.title.unwrap().starts_with("Beräknas med formeln =SUM("));
    assert!(sheet.edit(&engine, cost, SV).unwrap_err().contains("formeln"));
    assert_eq!(sheet.clear(&engine, cost), None);
    let status = at(&engine, &sheet, "Sjukfrånvaro", "status");
    assert!(sheet.edit(&engine, status, SV).unwrap_err().contains("regeln"));
    let r12 = at(&engine, &sheet, "Pedagogiska datorer", "r12");
    assert_eq!(sheet.show(&engine, r12, SV).content, Content::Empty);
}

#[test]
fn typing_a_value_is_one_command_and_bad_text_is_refused() {
    let mut engine = example();
    let sheet = IndicatorSheet::new(&engine, Lang::Sv);
    let sick = id(&engine, "Sjukfrånvaro");
    let outcome = at(&engine, &sheet, "Sjukfrånvaro", "outcome");
    assert_eq!(sheet.show(&engine, outcome, SV).access, Access::Typed);
    let Ok(Editor::Text { text, hint: Some(hint) }) = sheet.edit(&engine, outcome, SV) else { panic!("a text field") };
    assert_eq!(text, "5,7");
    assert!(hint.contains("(%)"), "{hint}");
    let entry = sheet.enter(&engine, outcome, "4,9 %", SV).unwrap();
    let cell = ValueCell { indicator: sick, slot: Slot::Outcome(3) };
    let value = Some(rust_decimal::Decimal::new(49, 1));
    assert_eq!(entry.command, Command::Indicator(IndicatorEdit::SetValues(vec![(cell, value)])));
    assert_eq!(sheet.enter(&engine, outcome, "4.9", SV).unwrap().command, entry.command, "English notation");
    assert_eq!(sheet.enter(&engine, outcome, "abc", SV).unwrap_err(), "”abc”: inte ett tal i enheten %.");
    engine.execute(entry.command).unwrap();
    assert_eq!(text_of(&engine, &sheet, "Sjukfrånvaro", "status"), "● Grön");
    assert_eq!(sheet.clear(&engine, outcome), Some(Command::Indicator(IndicatorEdit::SetValues(vec![(cell, None)]))));
    engine.undo().unwrap();
    assert_eq!(text_of(&engine, &sheet, "Sjukfrånvaro", "status"), "■ Röd");
}

fn text_of(engine: &Engine, sheet: &IndicatorSheet, name: &str, col: &str) -> String {
    text(engine, sheet, name, col)
}
