//! Invariants of the engine for any plan and any sequence of edits.
#![cfg(not(target_arch = "wasm32"))] // property tests run natively

use kalkyl::model::command::Cell;
use kalkyl::model::spread::{split_by, split_evenly};
use kalkyl::model::structure::ItemId;
use std::collections::HashMap;

use kalkyl::model::{
    Activity, Amount, CategoryId, Changes, Command, DepartmentId, DriverId, Engine, Group, Kind, Line, LineId, Month,
    Monthly, Overflow, Plan, Refresh, Row, Series,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

mod common;
use common::{amount, forecast, formula_text, monthly, plan};

fn series() -> impl Strategy<Value = Series> {
    prop::sample::select(Series::ALL.to_vec())
}

/// An edit; it may name missing lines or computed cells, which must be refused.
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)] // a test's own edits; size is of no concern
enum Edit {
    Command(Command),
    Formula(LineId, Option<String>),
    CloseMonth,
}

fn edit() -> impl Strategy<Value = Edit> {
    let cell = (0u32..10, series(), 0usize..12).prop_map(|(line, series, month)| Cell {
        line: LineId(line),
        series,
        month: Month::from_index(month).unwrap(),
    });
    prop_oneof![
        4 => prop::collection::vec((cell, amount()), 1..6).prop_map(|cells| Edit::Command(Command::SetAmounts(cells))),
        2 => (0u32..10, forecast()).prop_map(|(line, forecast)| Edit::Command(Command::SetForecast { line: LineId(line), forecast })),
        2 => (0u32..10, prop::option::of(formula_text()))
            .prop_map(|(line, formula)| Edit::Formula(LineId(line), formula)),
        2 => (0u32..3, 0usize..12, -1_000_000i64..1_000_000).prop_map(|(driver, month, q)| {
            let month = Month::from_index(month).unwrap();
            Edit::Command(Command::SetQuantities(vec![(DriverId(driver), month, Decimal::new(q, 2))]))
        }),
        1 => Just(Edit::CloseMonth),
        2 => (item_id(), prop_oneof![
            Just(None),
            (0usize..5).prop_map(Some),
        ]).prop_map(|(item, to)| Edit::Command(match to {
            Some(to) => Command::Move { item, to },
            None => Command::Remove(item),
        })),
        1 => (item_id(), "[a-z ]{0,8}").prop_map(|(item, name)| Edit::Command(Command::Rename { item, name })),
    ]
}

fn item_id() -> impl Strategy<Value = ItemId> {
    prop_oneof![
        (0u32..4).prop_map(|id| ItemId::Department(DepartmentId(id))),
        (0u32..4).prop_map(|id| ItemId::Category(CategoryId(id))),
        (0u32..3).prop_map(|id| ItemId::Driver(DriverId(id))),
        (0u32..10).prop_map(|id| ItemId::Line(LineId(id))),
    ]
}

fn run(engine: &mut Engine, edit: Edit) -> Result<(), kalkyl::model::CommandError> {
    match edit {
        Edit::Command(command) => engine.execute(command),
        Edit::Formula(line, formula) => engine.set_formula(line, formula),
        Edit::CloseMonth => engine.close_month(),
    }
}

fn groups(plan: &Plan) -> Vec<Group> {
    let mut groups = vec![Group::All, Group::Activity(Activity::Operations), Group::Activity(Activity::Development)];
    for department in &plan.departments {
        groups.push(Group::Department(department.id));
        groups.extend(Activity::ALL.map(|a| Group::DepartmentActivity(department.id, a)));
    }
    groups.extend(plan.categories.iter().map(|c| Group::Category(c.id)));
    groups
}

fn rows(plan: &Plan) -> Vec<Row> {
    let mut rows: Vec<Row> = plan.lines.iter().map(|line| Row::Line(line.id)).collect();
    for group in groups(plan) {
        rows.extend([Row::Total(group, Kind::Cost), Row::Total(group, Kind::Revenue), Row::Result(group)]);
    }
    rows
}

/// Every figure of the engine equals that of a fresh, full calculation.
fn assert_same_figures(engine: &Engine) {
    let fresh = Engine::new(engine.plan().clone()).unwrap();
    assert_eq!(engine.broken_lines(), fresh.broken_lines());
    for row in rows(engine.plan()) {
        for series in Series::ALL {
            assert_eq!(engine.months(row, series), fresh.months(row, series), "{row:?} {series:?}");
        }
        assert_eq!(engine.errors(row), fresh.errors(row), "errors reaching {row:?}");
    }
    for line in &engine.plan().lines {
        assert_eq!(engine.formula_error(line.id), fresh.formula_error(line.id), "{}", line.name);
    }
}

/// Every row's figures, series by series, and the formula errors reaching it.
type Shown = HashMap<Row, (Vec<Result<Monthly, Overflow>>, Vec<LineId>)>;

fn shown(engine: &Engine) -> Shown {
    let figures = |row| Series::ALL.iter().map(|series| engine.months(row, *series)).collect();
    rows(engine.plan()).into_iter().map(|row| (row, (figures(row), engine.errors(row)))).collect()
}

/// Unless the structure changed, every row whose figures or errors differ
/// from `before` is among the reported ones; a refused edit reports nothing.
fn assert_reported(engine: &Engine, before: &Shown, refresh: Refresh, done: bool) {
    if !done {
        assert!(refresh.is_empty(), "a refused edit changes nothing: {refresh:?}");
        return;
    }
    if refresh.structure {
        return;
    }
    for (row, now) in shown(engine) {
        if before.get(&row) != Some(&now) {
            assert!(refresh.rows.contains(&row), "{row:?} changed but was not reported");
        }
    }
}

proptest! {
    #![proptest_config(common::config("engine_properties"))]

    #[test]
    fn totals_are_the_sum_of_their_lines(plan in plan()) {
        let engine = Engine::new(plan.clone()).unwrap();
        let in_group = |line: &Line, group: Group| match group {
            Group::All => true,
            Group::Department(d) => line.department == d,
            Group::Activity(a) => line.activity == a,
            Group::DepartmentActivity(d, a) => line.department == d && line.activity == a,
            Group::Category(c) => line.category == c,
        };
        for group in groups(&plan) {
            for kind in Kind::ALL {
                for series in Series::ALL {
                    let total = engine.months(Row::Total(group, kind), series).unwrap();
                    for (month, total) in total.iter().enumerate() {
                        let parts = plan.lines.iter().filter(|l| plan.kind(l) == kind && in_group(l, group));
                        let parts = parts.map(|l| engine.months(Row::Line(l.id), series).unwrap()[month]);
                        prop_assert_eq!(*total, Amount::checked_sum(parts).unwrap());
                    }
                }
            }
        }
    }

    #[test]
    fn incremental_recalculation_equals_a_full_one_and_undo_restores(
        plan in plan(),
        edits in prop::collection::vec(edit(), 0..12),
    ) {
        common::edit_undo_redo(&plan, edits, run, assert_same_figures)?;
    }

    #[test]
    fn every_row_an_edit_changes_is_reported(
        plan in plan(),
        edits in prop::collection::vec(edit(), 0..12),
    ) {
        let mut engine = Engine::new(plan).unwrap();
        prop_assert!(engine.take_refresh().structure, "a plan just opened is shown anew");
        let mut applied = 0;
        for edit in edits {
            let before = shown(&engine);
            let done = run(&mut engine, edit).is_ok();
            applied += usize::from(done);
            let refresh = engine.take_refresh();
            assert_reported(&engine, &before, refresh, done);
        }
        for _ in 0..applied {
            let before = shown(&engine);
            engine.undo().unwrap();
            let refresh = engine.take_refresh();
            assert_reported(&engine, &before, refresh, true);
        }
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
    fn an_overlay_equals_the_plan_with_its_changes_computed_whole(
        plan in plan(),
        budgets in prop::collection::vec((0u32..10, monthly()), 0..4),
        quantities in prop::option::of(prop::array::uniform12((-1_000_000i64..1_000_000).prop_map(|q| Decimal::new(q, 3)))),
    ) {
        let base = Engine::new(plan.clone()).unwrap();
        let mut changed = plan.clone();
        let mut changes = Changes::default();
        for (line, months) in budgets {
            if let Some(line) = changed.line_mut(LineId(line)).filter(|line| line.formula.is_none()) {
                line.budget = months;
                changes.budgets.insert(line.id, months);
            }
        }
        if let Some(months) = quantities {
            changed.drivers[0].months = months;
            changes.drivers.insert(changed.drivers[0].id, months);
        }
        let Ok(whole) = Engine::new(changed.clone()) else { return Ok(()) };
        let overlay = base.overlay(&changes).unwrap();
        for row in rows(&changed) {
            for series in Series::ALL {
                prop_assert_eq!(base.overlay_months(&overlay, row, series), whole.months(row, series), "{:?} {:?}", row, series);
            }
        }
    }

    #[test]
    fn a_proportional_split_sums_exactly_and_each_part_is_within_an_ore(
        total in amount(),
        weights in prop::collection::vec((0i64..1_000_000_000, 0u32..5).prop_map(|(w, scale)| Decimal::new(w, scale)), 1..60),
    ) {
        prop_assume!(weights.iter().any(|w| !w.is_zero()));
        let parts = split_by(total, &weights).unwrap();
        prop_assert_eq!(Amount::checked_sum(parts.iter().copied()).unwrap(), total);
        let sum: Decimal = weights.iter().sum();
        for (part, weight) in parts.iter().zip(&weights) {
            // |part − total × weight / sum| < 1 öre, compared without rounding: × sum.
            let exact = total.decimal() * *weight;
            let gap = (part.decimal() * sum - exact).abs();
            prop_assert!(gap < sum / Decimal::from(100), "{part} for weight {weight}");
        }
    }

    #[test]
    fn typed_text_never_panics(text in ".{0,40}") {
        let _ = kalkyl::model::number::parse_amount(&text, kalkyl::model::Unit::Tkr);
    }

    #[test]
    fn no_formula_text_panics_the_engine(plan in plan(), text in prop_oneof![formula_text(), "=[-+*/();,<>=0-9a-z\\[\\] ]{0,60}"]) {
        let mut engine = Engine::new(plan).unwrap();
        let before = engine.plan().clone();
        if engine.set_formula(LineId(0), Some(text)).is_err() {
            prop_assert_eq!(engine.plan(), &before);
        }
    }
}
