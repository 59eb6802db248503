//! Invariants of the engine for any plan and any sequence of edits.

use kalkyl::model::command::Cell;
use kalkyl::model::spread::split_evenly;
use kalkyl::model::{Amount, Command, Engine, Forecast, Kind, Line, LineId, Month, Monthly, Plan, Row, Series};
use proptest::prelude::*;

fn amount() -> impl Strategy<Value = Amount> {
    // Any amount to the öre within ±10^15 kr.
    (-100_000_000_000_000_000i128..=100_000_000_000_000_000).prop_map(|ore| Amount::from_ore(ore).unwrap())
}

fn monthly() -> impl Strategy<Value = Monthly> {
    prop::array::uniform12(amount())
}

fn line(id: u32) -> impl Strategy<Value = Line> {
    (any::<bool>(), monthly(), monthly(), monthly(), prop::option::of(monthly())).prop_map(
        move |(cost, budget, outcome, last_year, manual)| Line {
            id: LineId(id),
            name: format!("line {id}"),
            kind: if cost { Kind::Cost } else { Kind::Revenue },
            budget,
            outcome,
            last_year,
            forecast: manual.map_or(Forecast::Budget, |months| Forecast::Manual { months }),
        },
    )
}

fn plan() -> impl Strategy<Value = Plan> {
    (0usize..8, prop::option::of(0usize..12))
        .prop_flat_map(|(count, closed)| {
            let lines: Vec<_> = (0..count as u32).map(line).collect();
            (lines, Just(closed))
        })
        .prop_map(|(lines, closed)| Plan {
            name: "generated".into(),
            year: 2024,
            closed_through: closed.and_then(Month::from_index),
            lines,
        })
}

fn series() -> impl Strategy<Value = Series> {
    prop::sample::select(Series::ALL.to_vec())
}

/// Edits that may name missing lines or computed cells: those must be refused.
fn command() -> impl Strategy<Value = Command> {
    let cell = (0u32..10, series(), 0usize..12).prop_map(|(line, series, month)| Cell {
        line: LineId(line),
        series,
        month: Month::from_index(month).unwrap(),
    });
    prop::collection::vec((cell, amount()), 1..6).prop_map(Command::SetAmounts)
}

fn rows(plan: &Plan) -> Vec<Row> {
    let mut rows: Vec<Row> = plan.lines.iter().map(|line| Row::Line(line.id)).collect();
    rows.extend([Row::Total(Kind::Cost), Row::Total(Kind::Revenue), Row::Result]);
    rows
}

/// Every figure of the engine equals that of a fresh, full calculation.
fn assert_same_figures(engine: &Engine) {
    let fresh = Engine::new(engine.plan().clone()).unwrap();
    for row in rows(engine.plan()) {
        for series in Series::ALL {
            assert_eq!(engine.months(row, series), fresh.months(row, series), "{row:?} {series:?}");
        }
    }
}

proptest! {
    #[test]
    fn totals_are_the_sum_of_their_lines(plan in plan()) {
        let engine = Engine::new(plan.clone()).unwrap();
        for kind in Kind::ALL {
            for series in Series::ALL {
                let total = engine.months(Row::Total(kind), series).unwrap();
                for (month, total) in total.iter().enumerate() {
                    let parts = plan.lines.iter().filter(|l| l.kind == kind).map(|l| {
                        engine.months(Row::Line(l.id), series).unwrap()[month]
                    });
                    prop_assert_eq!(*total, Amount::checked_sum(parts).unwrap());
                }
            }
        }
    }

    #[test]
    fn incremental_recalculation_equals_a_full_one_and_undo_restores(
        plan in plan(),
        commands in prop::collection::vec(command(), 0..12),
    ) {
        let mut engine = Engine::new(plan.clone()).unwrap();
        let mut applied = 0;
        for command in commands {
            let before = engine.plan().clone();
            match engine.execute(command) {
                Ok(()) => applied += 1,
                Err(_) => prop_assert_eq!(engine.plan(), &before, "a refused command changes nothing"),
            }
            assert_same_figures(&engine);
        }
        let after = engine.plan().clone();
        for _ in 0..applied {
            prop_assert!(engine.undo().unwrap());
        }
        prop_assert!(!engine.undo().unwrap());
        prop_assert_eq!(engine.plan(), &plan);
        assert_same_figures(&engine);
        for _ in 0..applied {
            prop_assert!(engine.redo().unwrap());
        }
        prop_assert_eq!(engine.plan(), &after);
    }

    #[test]
    fn an_even_split_sums_exactly(total in amount(), parts in 1usize..400) {
        let split = split_evenly(total, parts);
        prop_assert_eq!(split.len(), parts);
        prop_assert_eq!(Amount::checked_sum(split.iter().copied()).unwrap(), total);
        let ore: Vec<i128> = split.iter().map(|a| a.ore()).collect();
        prop_assert!(ore.iter().max().unwrap() - ore.iter().min().unwrap() <= 1, "parts differ by at most an öre");
    }

    #[test]
    fn typed_text_never_panics(text in ".{0,40}") {
        let _ = kalkyl::model::number::parse_amount(&text, kalkyl::model::Unit::Tkr);
    }
}
