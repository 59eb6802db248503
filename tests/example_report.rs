//! The example plan reproduces the figures of the April 2023 report
//! (shared/domain.md, "Figures in the April 2023 report to reproduce").

use kalkyl::model::example::april_2023;
use kalkyl::model::number::format_amount;
use kalkyl::model::{Engine, Kind, LineId, Row, Series, Span, Unit};

/// Report columns: outcome YTD 2022, outcome YTD 2023, budget YTD, forecast full year, budget full year.
const COLUMNS: [(Series, Span); 5] = [
    (Series::LastYear, Span::YearToDate),
    (Series::Outcome, Span::YearToDate),
    (Series::Budget, Span::YearToDate),
    (Series::Forecast, Span::FullYear),
    (Series::Budget, Span::FullYear),
];

fn tkr(engine: &Engine, row: Row) -> [String; 5] {
    COLUMNS
        .map(|(series, span)| format_amount(engine.value(row, series, span).unwrap(), Unit::Tkr).replace('\u{a0}', " "))
}

fn line(engine: &Engine, name: &str) -> Row {
    let line = engine.plan().lines.iter().find(|line| line.name == name).unwrap();
    Row::Line(line.id)
}

#[test]
fn computed_total_costs_and_result_match_the_report() {
    let engine = Engine::new(april_2023()).unwrap();
    assert_eq!(tkr(&engine, Row::Total(Kind::Cost)), ["444 186", "456 682", "490 111", "1 415 753", "1 449 802"]);
    assert_eq!(tkr(&engine, Row::Result), ["18 145", "14 576", "\u{2212}6 840", "0", "0"]);
}

#[test]
fn named_cost_lines_match_the_report() {
    let engine = Engine::new(april_2023()).unwrap();
    let expected = [
        ("Personalkostnader", ["179 371", "179 983", "205 993", "540 354", "597 395"]),
        ("Konsultkostnader", ["46 197", "40 254", "45 502", "139 305", "137 258"]),
        ("IT-tjänster, IT-program och licenser", ["112 879", "112 833", "120 367", "371 402", "361 101"]),
        ("Kostnad utvecklingsprojekt", ["42 333", "29 107", "30 486", "71 510", "91 510"]),
    ];
    for (name, figures) in expected {
        assert_eq!(tkr(&engine, line(&engine, name)), figures, "{name}");
    }
    // Other costs are what the named lines leave of the total: 94 505 tkr in 2023.
    assert_eq!(tkr(&engine, line(&engine, "Övriga kostnader"))[1], "94 505");
}

#[test]
fn totals_follow_an_edited_budget_exactly() {
    let mut engine = Engine::new(april_2023()).unwrap();
    let consultants = LineId(2);
    let amount = "150000000.01".parse().unwrap();
    engine.execute(kalkyl::model::Command::fill_year(consultants, Series::Budget, amount)).unwrap();
    let total = engine.value(Row::Total(Kind::Cost), Series::Budget, Span::FullYear).unwrap();
    assert_eq!(total, "1462544000.01".parse().unwrap(), "1 449 802 − 137 258 + 150 000.00001 tkr");
    assert_eq!(engine.value(Row::Line(consultants), Series::Budget, Span::FullYear), Ok(amount));
    engine.undo().unwrap();
    assert_eq!(tkr(&engine, Row::Total(Kind::Cost))[4], "1 449 802");
}
