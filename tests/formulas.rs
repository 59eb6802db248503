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
    assert_eq!(
        engine.formula_error(LineId(2)),
        Some(&FormulaError::DivisionByZero { position: 3, month: Some(Month::JANUARY) })
    );
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

#[test]
fn a_division_by_zero_is_refused_when_entered_with_its_position_and_month() {
    let mut engine = engine();
    let before = engine.plan().clone();
    let refused = |position, month| Err(CommandError::Formula(FormulaError::DivisionByZero { position, month }));
    assert_eq!(set_formula(&mut engine, 1, "=1/0"), refused(2, Some(Month::JANUARY)));
    // fte is 10 but 12 in December: only December divides by zero.
    assert_eq!(set_formula(&mut engine, 1, "=1000 / (fte - 12)"), refused(6, Some(Month::DECEMBER)));
    assert_eq!(engine.plan(), &before);
    assert!(!engine.can_undo());
    assert_eq!(set_formula(&mut engine, 1, "=IF(fte = 12; 0; 1000 / (fte - 12))"), Ok(()), "a branch not taken");
}

/// A plan from a file can bring formulas that cannot be computed.
fn with_formulas(formulas: &[(u32, &str)]) -> Engine {
    let mut plan = april_2023();
    for (line, text) in formulas {
        plan.line_mut(LineId(*line)).unwrap().formula = Some((*text).into());
    }
    Engine::new(plan).unwrap()
}

#[test]
fn an_error_reaches_every_formula_and_total_that_uses_the_line() {
    let engine = with_formulas(&[(1, "=1/0"), (2, "=[Personalkostnader Ekonomi] + 1"), (3, "=5000")]);
    assert_eq!(engine.broken_lines(), [LineId(1), LineId(2)]);
    assert_eq!(
        engine.formula_error(LineId(2)),
        Some(&FormulaError::Broken { name: "Personalkostnader Ekonomi".into() })
    );
    let line = engine.plan().line(LineId(1)).unwrap();
    for row in [
        Row::Total(Group::All, Kind::Cost),
        Row::Result(Group::All),
        Row::Result(Group::Department(line.department)),
        Row::Total(Group::Category(line.category), Kind::Cost),
    ] {
        assert!(engine.errors(row).contains(&LineId(1)), "{row:?}");
    }
    assert_eq!(engine.errors(Row::Total(Group::All, Kind::Revenue)), [], "costs do not reach revenue");
    assert_eq!(engine.errors(Row::Line(LineId(3))), []);
}

#[test]
fn mending_a_formula_clears_the_errors_it_caused() {
    let mut engine = with_formulas(&[(1, "=1/0"), (2, "=[Personalkostnader Ekonomi] + 1")]);
    engine.execute(Command::SetFormula { line: LineId(1), formula: Some("=100".into()) }).unwrap();
    assert_eq!(engine.broken_lines(), []);
    assert_eq!(budget(&engine, 2, 0), Amount::kronor(101));
    assert_eq!(engine.errors(Row::Result(Group::All)), []);
    engine.undo().unwrap();
    assert_eq!(engine.broken_lines(), [LineId(1), LineId(2)]);
}

/// A plan of `count` lines on the example's first department and category,
/// `Rad 0` typed and each other line computed from the lines `names` gives.
fn chain(count: u32, names: impl Fn(u32) -> String) -> kalkyl::model::Plan {
    let mut plan = april_2023();
    let template = plan.lines[0].clone();
    plan.lines = (0..count)
        .map(|i| kalkyl::model::Line {
            id: LineId(i + 1),
            name: format!("Rad {i}"),
            formula: (i > 0).then(|| names(i)),
            ..template.clone()
        })
        .collect();
    plan.snapshots.clear();
    plan
}

#[test]
fn a_chain_of_ten_thousand_formulas_opens_and_follows_an_edit() {
    let plan = chain(10_000, |i| format!("=[Rad {}] + 1", i - 1));
    let mut engine = Engine::new(plan).unwrap();
    let last = engine.months(Row::Line(LineId(10_000)), Series::Budget).unwrap()[0];
    let cell = kalkyl::model::Cell { line: LineId(1), series: Series::Budget, month: Month::JANUARY };
    engine.execute(Command::SetAmounts(vec![(cell, Amount::ZERO)])).unwrap();
    assert_eq!(engine.months(Row::Line(LineId(10_000)), Series::Budget).unwrap()[0], Amount::kronor(9_999));
    assert_ne!(last, Amount::kronor(9_999));
    // A cycle closed at the far end is found and refused.
    let refused = engine.set_formula(LineId(1), Some("=[Rad 9999] * 2".into()));
    assert!(matches!(refused, Err(CommandError::Formula(FormulaError::Cycle { path })) if path.len() == 10_001));
}

#[test]
fn a_ladder_of_formulas_is_checked_visiting_each_line_once() {
    // Rad i = Rad i−1 + Rad i−1 up from Rad 0 (1 kr a month): 2^40 paths from
    // the top, 41 lines. Walking every path would never end.
    let mut plan = chain(42, |i| format!("=[Rad {}] + [Rad {}]", i - 1, i - 1));
    plan.lines[0].budget = [Amount::kronor(1); 12];
    plan.lines[41].formula = None;
    let mut engine = Engine::new(plan).unwrap();
    assert_eq!(engine.months(Row::Line(LineId(41)), Series::Budget).unwrap()[0], Amount::kronor(1 << 40));
    let cycle = engine.set_formula(LineId(1), Some("=[Rad 40] * 2".into()));
    assert!(matches!(cycle, Err(CommandError::Formula(FormulaError::Cycle { path })) if path.len() == 42));
    assert_eq!(engine.set_formula(LineId(42), Some("=[Rad 40] * 2".into())), Ok(()));
    assert_eq!(budget(&engine, 42, 0), Amount::kronor(1 << 41));
}

#[test]
fn a_formula_naming_a_line_whose_formula_does_not_compile_is_broken_too() {
    // Found by the overlay property test: a fresh calculation once computed
    // the naming line before the broken one, reading it as zero.
    let engine = with_formulas(&[(1, "=1 +"), (2, "=[Personalkostnader Ekonomi] + 1")]);
    assert_eq!(
        engine.formula_error(LineId(2)),
        Some(&FormulaError::Broken { name: "Personalkostnader Ekonomi".into() })
    );
    assert_eq!(budget(&engine, 2, 0), Amount::ZERO);
}
