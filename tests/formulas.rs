//! Line formulas and drivers in the engine.

use kalkyl::model::example::april_2023;
use kalkyl::model::formula::FormulaError;
use kalkyl::model::{
    Amount, Command, CommandError, Driver, DriverId, Engine, Group, Kind, LineId, Month, Row, Series, Span,
};
use rust_decimal::Decimal;

/// The example plan with a driver "fte", 10 each month but 12 in December.
fn engine() -> Engine {
    let mut plan = april_2023();
    let mut months = [Decimal::from(10); 12];
    months[11] = Decimal::from(12);
    plan.drivers.push(Driver { id: DriverId(1), name: "fte".into(), unit: "årsarbetare".into(), months });
    Engine::new(plan).unwrap()
}

fn budget(engine: &Engine, line: u32, month: usize) -> Amount {
    engine.months(Row::Line(LineId(line)), Series::Budget).unwrap()[month]
}

fn set_formula(engine: &mut Engine, line: u32, text: &str) -> Result<(), CommandError> {
    engine.set_formula(LineId(line), Some(text.into()))
}

#[test]
fn a_formula_computes_the_budget_month_by_month_and_totals_include_it() {
    let mut engine = engine();
    let total_before = engine.value(Row::Total(Group::All, Kind::Cost), Series::Budget, Span::FullYear).unwrap();
    let line_before = engine.value(Row::Line(LineId(1)), Series::Budget, Span::FullYear).unwrap();
    set_formula(&mut engine, 1, "=fte * 55000").unwrap();
    assert_eq!(budget(&engine, 1, 0), Amount::kronor(550_000));
    assert_eq!(budget(&engine, 1, 11), Amount::kronor(660_000));
    let line = engine.value(Row::Line(LineId(1)), Series::Budget, Span::FullYear).unwrap();
    assert_eq!(line, Amount::kronor(550_000 * 11 + 660_000));
    let total = engine.value(Row::Total(Group::All, Kind::Cost), Series::Budget, Span::FullYear).unwrap();
    assert_eq!(total, total_before.checked_sub(line_before).unwrap().checked_add(line).unwrap());
}

#[test]
fn formulas_follow_the_lines_and_drivers_they_name() {
    let mut engine = engine();
    set_formula(&mut engine, 2, "=[Personalkostnader Ekonomi] * 0,1").unwrap();
    set_formula(&mut engine, 3, "=ROUND([Konsultkostnader Ekonomi] + fte; 0)").unwrap();
    let cell = kalkyl::model::Cell { line: LineId(1), series: Series::Budget, month: Month::JANUARY };
    engine.execute(Command::SetAmounts(vec![(cell, Amount::kronor(1_000_000))])).unwrap();
    assert_eq!(budget(&engine, 2, 0), Amount::kronor(100_000));
    assert_eq!(budget(&engine, 3, 0), Amount::kronor(100_010));
    engine.execute(Command::SetQuantities(vec![(DriverId(1), Month::JANUARY, Decimal::from(20))])).unwrap();
    assert_eq!(budget(&engine, 3, 0), Amount::kronor(100_020));
    // What was computed incrementally is what a fresh calculation gives.
    let fresh = Engine::new(engine.plan().clone()).unwrap();
    for line in 1..=5 {
        assert_eq!(budget(&engine, line, 0), budget(&fresh, line, 0), "line {line}");
    }
    // Undoing the driver and the typed budget brings every formula back.
    engine.undo().unwrap();
    engine.undo().unwrap();
    let fresh = Engine::new(engine.plan().clone()).unwrap();
    assert_ne!(budget(&engine, 2, 0), Amount::kronor(100_000));
    for line in 1..=5 {
        assert_eq!(budget(&engine, line, 0), budget(&fresh, line, 0), "line {line}");
    }
}

#[test]
fn a_wrong_formula_is_refused_with_what_and_where() {
    let mut engine = engine();
    let before = engine.plan().clone();
    assert_eq!(
        set_formula(&mut engine, 1, "=fte * pris"),
        Err(CommandError::Formula(FormulaError::UnknownName { name: "pris".into(), position: 7 }))
    );
    assert!(matches!(set_formula(&mut engine, 1, "=fte *"), Err(CommandError::Formula(FormulaError::Syntax { .. }))));
    assert_eq!(engine.plan(), &before);
    assert!(!engine.can_undo());
}

#[test]
fn a_circular_formula_is_refused() {
    let mut engine = engine();
    set_formula(&mut engine, 1, "=[Konsultkostnader Ekonomi] * 2").unwrap();
    let error = set_formula(&mut engine, 2, "=[Personalkostnader Ekonomi] + 1").unwrap_err();
    let CommandError::Formula(FormulaError::Cycle { path }) = error else { panic!("{error:?}") };
    assert_eq!(path.first(), path.last());
    assert!(path.contains(&"Personalkostnader Ekonomi".to_owned()));
    assert_eq!(engine.plan().line(LineId(2)).unwrap().formula, None);
}

#[test]
fn an_error_in_one_formula_does_not_stop_the_rest_of_the_plan() {
    // As a file could bring it: a formula naming a driver that is gone.
    let mut plan = april_2023();
    plan.lines[0].formula = Some("=headcount * 1000".into());
    plan.lines[1].formula = Some("=1 / 0".into());
    plan.lines[2].formula = Some("=5000".into());
    let engine = Engine::new(plan).unwrap();
    assert!(matches!(engine.formula_error(LineId(1)), Some(FormulaError::UnknownName { .. })));
    assert_eq!(engine.formula_error(LineId(2)), Some(&FormulaError::DivisionByZero));
    assert_eq!(budget(&engine, 1, 0), Amount::ZERO);
    assert_eq!(budget(&engine, 3, 0), Amount::kronor(5000));
    assert_eq!(engine.formula_error(LineId(3)), None);
}

#[test]
fn removing_a_formula_brings_back_the_typed_budget() {
    let mut engine = engine();
    let typed = budget(&engine, 1, 0);
    set_formula(&mut engine, 1, "=1").unwrap();
    assert_eq!(budget(&engine, 1, 0), Amount::kronor(1));
    engine.set_formula(LineId(1), None).unwrap();
    assert_eq!(budget(&engine, 1, 0), typed);
}
