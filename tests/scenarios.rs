//! Scenarios: measures on top of a base, their steps and goal seek.
#![cfg(not(target_arch = "wasm32"))] // property tests run natively

use kalkyl::model::calc::Changes;
use kalkyl::model::example::{IT_AND_DEVELOPMENT, STAFF_AND_CONSULTANTS, april_2023, budget_2024};
use kalkyl::model::scenario::{
    Base, Change, Goal, GoalError, Measure, MeasureError, MeasureId, Risk, Scenario, ScenarioError, ScenarioId,
    evaluate, goal_seek, indicator_changes,
};
use kalkyl::model::{
    Activity, Amount, CategoryId, DepartmentId, DriverId, Engine, Group, Kind, LineId, Month, Plan, Row, Selection,
    Series, Span,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

mod common;

fn measure(id: u32, change: Change, from: Month) -> Measure {
    Measure { risk: Risk::Medium, ..Measure::new(MeasureId(id), &format!("Åtgärd {id}"), change, from) }
}

fn with_scenario(mut plan: Plan, measures: Vec<Measure>) -> Engine {
    plan.scenarios = vec![Scenario { id: ScenarioId(1), name: "A".into(), base: Base::Budget, measures }];
    Engine::new(plan).unwrap()
}

fn year(engine: &Engine, row: Row) -> Amount {
    engine.value(row, Series::Budget, Span::FullYear).unwrap()
}

const COSTS: Row = Row::Total(Group::All, Kind::Cost);
const RESULT: Row = Row::Result(Group::All);

fn cost_lines() -> Selection {
    Selection { kinds: vec![Kind::Cost], ..Selection::default() }
}

fn percent(n: i64) -> Decimal {
    Decimal::from(n)
}

#[test]
fn the_example_scenarios_meet_the_frame_in_two_ways_and_name_what_they_hit() {
    let engine = Engine::new(budget_2024()).unwrap();
    assert_eq!(engine.plan().year, 2024);
    for id in [STAFF_AND_CONSULTANTS, IT_AND_DEVELOPMENT] {
        let evaluation = evaluate(&engine, id).unwrap();
        assert!(evaluation.steps.len() >= 5);
        assert!(evaluation.steps.iter().all(|step| step.error.is_none()), "every measure applies");
        let cut = evaluation.year(&engine, COSTS).unwrap().checked_sub(year(&engine, COSTS)).unwrap();
        assert!(cut < Amount::kronor(-58_000_000) && cut > Amount::kronor(-62_000_000), "about −60 mnkr: {cut}");
        let steps = (0..evaluation.steps.len()).map(|i| evaluation.step(&engine, i, COSTS).unwrap());
        assert_eq!(steps.fold(Amount::ZERO, |sum, step| sum.checked_add(step).unwrap()), cut);
        let charges = evaluation.charges(&engine);
        assert!(charges.iter().any(|change| change.difference().is_some_and(|d| d < Amount::ZERO)));
        assert!(!evaluation.customers_hit(&engine, 0).is_empty(), "the first measure hits customers");
        let moved = indicator_changes(&engine, id);
        assert!(moved.iter().any(|change| change.change < Decimal::ZERO), "indicators move");
        let scenario = engine.plan().scenarios.iter().find(|s| s.id == id).unwrap();
        assert!(scenario.measures.iter().all(|m| !m.consequence.is_empty()));
    }
}

#[test]
fn customers_pay_what_the_pools_hold_under_a_scenario_and_effects_follow_the_switch() {
    let mut plan = budget_2024();
    let engine = Engine::new(plan.clone()).unwrap();
    let evaluation = evaluate(&engine, STAFF_AND_CONSULTANTS).unwrap();
    let first = evaluation.customers_hit(&engine, 0);
    let summed = first.iter().filter_map(|c| c.difference()).fold(Amount::ZERO, |s, d| s.checked_add(d).unwrap());
    assert!(summed < Amount::ZERO, "a cut lowers what customers pay: {summed}");
    let before = indicator_changes(&engine, STAFF_AND_CONSULTANTS);
    plan.scenarios[0].measures[0].enabled = false;
    let engine = Engine::new(plan).unwrap();
    let after = indicator_changes(&engine, STAFF_AND_CONSULTANTS);
    let sla = |changes: &[kalkyl::model::scenario::IndicatorChange]| {
        changes.iter().find(|c| c.indicator.0 == 6).map(|c| c.change)
    };
    assert_eq!(sla(&before), Some(Decimal::from(-3)));
    assert_eq!(sla(&after), None, "a switched-off measure moves nothing");
}

#[test]
fn a_cut_on_personnel_from_july_lowers_costs_by_half_a_years_share() {
    let personnel = Selection { categories: vec![CategoryId(1)], ..Selection::default() };
    let cut =
        measure(1, Change::Percent { selection: personnel, percent: percent(-10) }, Month::from_index(6).unwrap());
    let engine = with_scenario(april_2023(), vec![cut]);
    let evaluation = evaluate(&engine, ScenarioId(1)).unwrap();
    let personnel_row = Row::Total(Group::Category(CategoryId(1)), Kind::Cost);
    let july_on: Amount = {
        let months = engine.months(personnel_row, Series::Budget).unwrap();
        Amount::checked_sum(months[6..].iter().copied()).unwrap()
    };
    let expected = year(&engine, COSTS).decimal() - july_on.decimal() / Decimal::TEN;
    let costs = evaluation.year(&engine, COSTS).unwrap().decimal();
    assert!((costs - expected).abs() < Decimal::ONE, "{costs} against {expected}");
    assert_eq!(
        evaluation.step(&engine, 0, COSTS).unwrap(),
        evaluation.year(&engine, COSTS).unwrap().checked_sub(year(&engine, COSTS)).unwrap()
    );
}

#[test]
fn every_kind_of_measure_moves_the_budget_as_it_says() {
    let costs = vec![Kind::Cost];
    let ekonomi = Selection { departments: vec![DepartmentId(1)], kinds: costs.clone(), ..Selection::default() };
    let development = Selection { activities: vec![Activity::Development], kinds: costs, ..Selection::default() };
    let measures = vec![
        measure(1, Change::Amount { selection: ekonomi.clone(), amount: Amount::kronor(-1_200_000) }, Month::JANUARY),
        measure(
            2,
            Change::Transfer { from: development, to: ekonomi.clone(), amount: Amount::kronor(600_000) },
            Month::JANUARY,
        ),
        measure(3, Change::Index { selection: cost_lines(), percent: percent(2) }, Month::JANUARY),
        measure(
            4,
            Change::Fte {
                selection: ekonomi,
                driver: None,
                change: percent(-2),
                cost_per_fte: Amount::kronor(660_000),
            },
            Month::JULY,
        ),
    ];
    let engine = with_scenario(april_2023(), measures);
    let evaluation = evaluate(&engine, ScenarioId(1)).unwrap();
    assert!(evaluation.steps.iter().all(|step| step.error.is_none()));
    assert_eq!(evaluation.step(&engine, 0, COSTS).unwrap(), Amount::kronor(-1_200_000), "an amount a year, exactly");
    assert_eq!(evaluation.step(&engine, 1, COSTS).unwrap(), Amount::ZERO, "a transfer moves, it does not add");
    assert_eq!(evaluation.step(&engine, 3, COSTS).unwrap(), Amount::kronor(-660_000), "2 FTE for half a year");
    let index = evaluation.step(&engine, 2, COSTS).unwrap().decimal();
    let before = evaluation.year_after(&engine, 2, COSTS).unwrap().decimal();
    assert!((index - before / Decimal::from(50)).abs() < Decimal::ONE, "2 % of the costs at that point");
}

#[test]
fn bad_measures_are_refused_and_change_nothing() {
    let nothing = Selection { lines: vec![LineId(999)], ..Selection::default() };
    let personnel = Selection { categories: vec![CategoryId(1)], ..Selection::default() };
    let measures = vec![
        measure(1, Change::Percent { selection: nothing, percent: percent(-5) }, Month::JANUARY),
        measure(2, Change::Amount { selection: personnel, amount: Amount::kronor(-10_000_000_000) }, Month::JANUARY),
        measure(3, Change::Volume { driver: DriverId(7), percent: percent(5) }, Month::JANUARY),
    ];
    let engine = with_scenario(april_2023(), measures);
    let evaluation = evaluate(&engine, ScenarioId(1)).unwrap();
    let errors: Vec<_> = evaluation.steps.iter().map(|step| step.error.clone()).collect();
    assert_eq!(errors[0], Some(MeasureError::EmptySelection));
    assert!(matches!(errors[1], Some(MeasureError::NegativeCost(_))), "{:?}", errors[1]);
    assert_eq!(errors[2], Some(MeasureError::UnknownDriver(DriverId(7))));
    assert_eq!(evaluation.year(&engine, COSTS).unwrap(), year(&engine, COSTS));
}

#[test]
fn a_circular_base_is_an_error() {
    let mut plan = april_2023();
    plan.scenarios = vec![
        Scenario { id: ScenarioId(1), name: "A".into(), base: Base::Scenario(ScenarioId(2)), measures: vec![] },
        Scenario { id: ScenarioId(2), name: "B".into(), base: Base::Scenario(ScenarioId(1)), measures: vec![] },
    ];
    let engine = Engine::new(plan).unwrap();
    assert_eq!(
        evaluate(&engine, ScenarioId(1)).unwrap_err(),
        ScenarioError::CircularBase(vec!["A".into(), "B".into(), "A".into()])
    );
}

#[test]
fn goal_seek_finds_the_cut_that_meets_the_frame() {
    // The agency's frame for 2024: about 60 mnkr less in costs.
    let engine = with_scenario(april_2023(), vec![]);
    let target = year(&engine, COSTS).checked_sub(Amount::kronor(60_000_000)).unwrap();
    let consultants = Selection { categories: vec![CategoryId(2), CategoryId(3)], ..Selection::default() };
    let proposal =
        goal_seek(&engine, ScenarioId(1), Goal { row: COSTS, target }, consultants.clone(), Month::JANUARY).unwrap();
    assert_eq!(proposal.residual, Amount::ZERO);
    assert!(proposal.percent < Decimal::ZERO && proposal.percent > percent(-20), "{}", proposal.percent);
    let engine = with_scenario(april_2023(), vec![measure(1, proposal.change, Month::JANUARY)]);
    assert_eq!(evaluate(&engine, ScenarioId(1)).unwrap().year(&engine, COSTS).unwrap(), target);
    // The result rises as costs fall: 10 mnkr better from a cut on personnel.
    let personnel = Selection { categories: vec![CategoryId(1)], ..Selection::default() };
    let better = year(&engine, RESULT).checked_add(Amount::kronor(10_000_000)).unwrap();
    let proposal =
        goal_seek(&engine, ScenarioId(1), Goal { row: RESULT, target: better }, personnel, Month::JULY).unwrap();
    assert_eq!((proposal.reached, proposal.residual), (better, Amount::ZERO));
    let revenue_only = Selection { categories: vec![CategoryId(6)], ..Selection::default() };
    assert_eq!(
        goal_seek(&engine, ScenarioId(1), Goal { row: COSTS, target }, revenue_only, Month::JANUARY),
        Err(GoalError::NoEffect)
    );
    let far = Goal { row: COSTS, target: Amount::ZERO };
    assert!(matches!(
        goal_seek(&engine, ScenarioId(1), far, consultants, Month::JANUARY),
        Err(GoalError::Unreachable(_))
    ));
}

fn selection() -> impl Strategy<Value = Selection> {
    (prop::option::of(0u32..3), prop::option::of(0u32..3), prop::option::of(any::<bool>())).prop_map(
        |(department, category, development)| Selection {
            departments: department.map(DepartmentId).into_iter().collect(),
            categories: category.map(CategoryId).into_iter().collect(),
            activities: development
                .map(|d| if d { Activity::Development } else { Activity::Operations })
                .into_iter()
                .collect(),
            ..Selection::default()
        },
    )
}

fn change() -> impl Strategy<Value = Change> {
    let percent = (-5_000i64..5_000).prop_map(|p| Decimal::new(p, 2));
    let amount = (-1_000_000_000i64..1_000_000_000).prop_map(Amount::kronor);
    prop_oneof![
        (selection(), percent.clone()).prop_map(|(selection, percent)| Change::Percent { selection, percent }),
        (selection(), amount.clone()).prop_map(|(selection, amount)| Change::Amount { selection, amount }),
        (selection(), percent.clone()).prop_map(|(selection, percent)| Change::Index { selection, percent }),
        percent.clone().prop_map(|percent| Change::Volume { driver: DriverId(1), percent }),
        (selection(), -50i64..50, 0i64..2_000_000).prop_map(|(selection, change, cost)| Change::Fte {
            selection,
            driver: Some(DriverId(1)),
            change: Decimal::from(change),
            cost_per_fte: Amount::kronor(cost),
        }),
        (selection(), selection(), amount).prop_map(|(from, to, amount)| Change::Transfer { from, to, amount }),
    ]
}

fn measures() -> impl Strategy<Value = Vec<Measure>> {
    prop::collection::vec((change(), 0usize..12, any::<bool>()), 0..6).prop_map(|changes| {
        changes
            .into_iter()
            .enumerate()
            .map(|(i, (change, from, enabled))| Measure {
                enabled,
                ..measure(i as u32 + 1, change, Month::from_index(from).unwrap())
            })
            .collect()
    })
}

/// Every row of a generated plan: lines, and the totals and results of each group.
fn rows(plan: &Plan) -> Vec<Row> {
    let mut groups = vec![Group::All];
    groups.extend(plan.departments.iter().map(|d| Group::Department(d.id)));
    groups.extend(plan.categories.iter().map(|c| Group::Category(c.id)));
    let mut rows: Vec<Row> = plan.lines.iter().map(|line| Row::Line(line.id)).collect();
    for group in groups {
        rows.extend([Row::Total(group, Kind::Cost), Row::Total(group, Kind::Revenue), Row::Result(group)]);
    }
    rows
}

/// The plan with a scenario's changes written into it.
fn applied(plan: &Plan, changes: &Changes) -> Plan {
    let mut plan = plan.clone();
    for line in &mut plan.lines {
        if let Some(budget) = changes.budgets.get(&line.id) {
            line.budget = *budget;
        }
    }
    for driver in &mut plan.drivers {
        if let Some(months) = changes.drivers.get(&driver.id) {
            driver.months = *months;
        }
    }
    plan
}

proptest! {
    #![proptest_config(common::config("scenarios"))]

    #[test]
    fn a_scenario_is_its_base_with_its_measures_computed_whole(plan in common::plan(), measures in measures()) {
        let engine = with_scenario(plan.clone(), measures);
        let Ok(evaluation) = evaluate(&engine, ScenarioId(1)) else { return Ok(()) };
        let whole = Engine::new(applied(&plan, evaluation.changes())).unwrap();
        let last = evaluation.steps.len();
        for row in rows(&plan) {
            for series in Series::ALL {
                prop_assert_eq!(evaluation.months_after(&engine, last, row, series), whole.months(row, series));
            }
        }
    }

    #[test]
    fn the_steps_sum_exactly_to_scenario_minus_base(plan in common::plan(), measures in measures()) {
        let engine = with_scenario(plan.clone(), measures.clone());
        let Ok(evaluation) = evaluate(&engine, ScenarioId(1)) else { return Ok(()) };
        for row in rows(&plan) {
            let Ok(steps) = (0..measures.len()).map(|i| evaluation.step(&engine, i, row)).collect::<Result<Vec<_>, _>>() else { continue };
            let Ok(sum) = Amount::checked_sum(steps) else { continue };
            let Ok(difference) = evaluation.year(&engine, row).and_then(|end| end.checked_sub(year(&engine, row))) else { continue };
            prop_assert_eq!(sum, difference);
        }
    }

    #[test]
    fn no_measures_is_the_base_and_a_measure_switched_off_is_one_removed(plan in common::plan(), measures in measures(), off in any::<prop::sample::Index>()) {
        let engine = with_scenario(plan.clone(), vec![]);
        let evaluation = evaluate(&engine, ScenarioId(1)).unwrap();
        for row in rows(&plan) {
            prop_assert_eq!(evaluation.months_after(&engine, 0, row, Series::Budget), engine.months(row, Series::Budget));
        }
        if measures.is_empty() { return Ok(()) }
        let at = off.index(measures.len());
        let mut switched = measures.clone();
        switched[at].enabled = false;
        let mut removed = measures.clone();
        removed.remove(at);
        let switched = with_scenario(plan.clone(), switched);
        let removed = with_scenario(plan.clone(), removed);
        let (Ok(a), Ok(b)) = (evaluate(&switched, ScenarioId(1)), evaluate(&removed, ScenarioId(1))) else { return Ok(()) };
        prop_assert_eq!(a.changes(), b.changes());
    }

    #[test]
    fn goal_seek_meets_the_frame_within_the_residual_it_reports(plan in common::plan(), measures in measures(), target_share in 1i64..30) {
        let engine = with_scenario(plan, measures);
        let Ok(evaluation) = evaluate(&engine, ScenarioId(1)) else { return Ok(()) };
        let Ok(costs) = evaluation.year(&engine, COSTS) else { return Ok(()) };
        // Generated plans often have costs at or below zero, where a cut has
        // no frame to meet: those are not rejected (a long soak would run out
        // of cases), the frame is then a raise of their size instead.
        let share = if costs.decimal() > Decimal::ZERO { 100 - target_share } else { 100 + target_share };
        let Ok(target) = Amount::from_decimal((costs.decimal() * Decimal::new(share, 2)).round_dp(2)) else { return Ok(()) };

        match goal_seek(&engine, ScenarioId(1), Goal { row: COSTS, target }, cost_lines(), Month::JANUARY) {
            Ok(proposal) => {
                prop_assert_eq!(proposal.reached.checked_sub(target).unwrap(), proposal.residual);
                prop_assert!(proposal.residual.decimal().abs() < Decimal::ONE, "residual {}", proposal.residual);
            }
            Err(GoalError::NoEffect | GoalError::Unreachable(_) | GoalError::Measure(_)) => {}
            Err(other) => prop_assert!(false, "{:?}", other),
        }
    }
}

fn scenario(id: u32, base: Base, measures: Vec<Measure>) -> Scenario {
    Scenario { id: ScenarioId(id), name: format!("Scenario {id}"), base, measures }
}

#[test]
fn scenario_edits_are_checked_and_a_refused_one_changes_nothing() {
    use kalkyl::model::CommandError;
    let mut engine = Engine::new(april_2023()).unwrap();
    let cut = measure(1, Change::Percent { selection: cost_lines(), percent: percent(-2) }, Month::JANUARY);
    engine.save_scenario(scenario(1, Base::Budget, vec![cut.clone()])).unwrap();
    engine.save_scenario(scenario(2, Base::Scenario(ScenarioId(1)), vec![])).unwrap();
    let before = engine.plan().clone();

    let nothing = Selection { lines: vec![LineId(999)], ..Selection::default() };
    let empty = measure(2, Change::Percent { selection: nothing, percent: percent(-5) }, Month::JANUARY);
    assert_eq!(
        engine.save_scenario(scenario(1, Base::Budget, vec![cut.clone(), empty])),
        Err(CommandError::Measure(MeasureError::EmptySelection))
    );
    let circle = engine.save_scenario(scenario(1, Base::Scenario(ScenarioId(2)), vec![cut.clone()]));
    assert!(matches!(circle, Err(CommandError::CircularBase(names)) if names.len() == 3));
    assert_eq!(
        engine.save_scenario(scenario(2, Base::Budget, vec![cut])),
        Err(CommandError::DuplicateMeasure(MeasureId(1)))
    );
    assert_eq!(
        engine.execute(kalkyl::model::Command::RemoveScenario(ScenarioId(1))),
        Err(CommandError::ScenarioInUse { by: "Scenario 2".into() })
    );
    let department = kalkyl::model::structure::ItemId::Department(DepartmentId(1));
    let measure_on_ekonomi = measure(
        3,
        Change::Amount {
            selection: Selection { departments: vec![DepartmentId(1)], ..cost_lines() },
            amount: Amount::kronor(-1),
        },
        Month::JANUARY,
    );
    engine.save_scenario(scenario(2, Base::Budget, vec![measure_on_ekonomi])).unwrap();
    assert!(kalkyl::model::structure::users(engine.plan(), department).contains(&"Scenario 2: Åtgärd 3".to_owned()));
    engine.undo().unwrap();
    assert_eq!(engine.plan(), &before, "refused edits left nothing behind; the last one is undone");
    engine.undo().unwrap();
    engine.undo().unwrap();
    assert!(engine.plan().scenarios.is_empty());
}

proptest! {
    #![proptest_config(common::config("scenario_edits"))]

    #[test]
    fn undo_restores_any_sequence_of_scenario_edits(plan in common::plan(), edits in prop::collection::vec((0u32..3, 0u32..4, measures(), any::<bool>()), 0..8)) {
        let mut engine = Engine::new(plan.clone()).unwrap();
        let mut applied = 0;
        for (id, base, measures, remove) in edits {
            let before = engine.plan().clone();
            let base = if base == 0 || base == id { Base::Budget } else { Base::Scenario(ScenarioId(base)) };
            let result = if remove {
                engine.execute(kalkyl::model::Command::RemoveScenario(ScenarioId(id)))
            } else {
                let measures = measures.into_iter().map(|m| Measure { id: MeasureId(m.id.0 + 10 * id), ..m }).collect();
                engine.save_scenario(scenario(id, base, measures))
            };
            match result {
                Ok(()) => applied += 1,
                Err(_) => prop_assert_eq!(engine.plan(), &before, "a refused edit changes nothing"),
            }
        }
        for _ in 0..applied {
            prop_assert!(engine.undo().unwrap());
        }
        prop_assert_eq!(engine.plan(), &plan);
    }
}

#[test]
fn a_scenario_alone_keeps_its_bases_and_gives_the_same_figures() {
    let mut plan = budget_2024();
    plan.scenarios.push(Scenario {
        id: ScenarioId(3),
        name: "C".into(),
        base: Base::Scenario(ScenarioId(2)),
        measures: vec![],
    });
    let engine = Engine::new(plan.clone()).unwrap();
    let shared = kalkyl::model::scenario::alone(&plan, ScenarioId(3)).unwrap();
    let ids: Vec<u32> = shared.scenarios.iter().map(|s| s.id.0).collect();
    assert_eq!(ids, [2, 3]);
    assert!(shared.name.ends_with("– C"));
    let reopened = Engine::new(kalkyl::document::from_json(&kalkyl::document::to_json(&shared)).unwrap()).unwrap();
    let figures = |engine: &Engine| evaluate(engine, ScenarioId(3)).unwrap().year(engine, COSTS).unwrap();
    assert_eq!(figures(&reopened), figures(&engine));
    assert!(kalkyl::model::scenario::alone(&plan, ScenarioId(9)).is_none());
}
