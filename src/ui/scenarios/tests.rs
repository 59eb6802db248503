//! The scenario views as data, against the engine's own figures.

use rust_decimal::Decimal;

use super::compare_sheet::{CompareSheet, Figures};
use super::edits::{MeasureEdit, create, edit_measure, move_measure};
use super::measure_sheet::{COSTS, MeasureSheet};
use super::next_year_dialog::indexes;
use super::steps::waterfall;
use crate::model::example::{IT_AND_DEVELOPMENT, STAFF_AND_CONSULTANTS, budget_2024};
use crate::model::scenario::{Base, evaluate};
use crate::model::{Amount, Command, Engine, Series, Span, Unit};
use crate::ui::grid::{At, Content, Editor, Fmt, Sheet};
use crate::ui::i18n::Lang;

const KR: Fmt = Fmt { unit: Unit::Kr, lang: Lang::Sv };

fn example() -> Engine {
    Engine::new(budget_2024()).unwrap()
}

fn col(sheet: &impl Sheet, key: &str) -> usize {
    sheet.columns().iter().position(|c| c.key == key).unwrap()
}

fn row(sheet: &impl Sheet, key: &str) -> usize {
    sheet.rows().iter().position(|r| r.key == key).unwrap()
}

#[test]
fn each_measure_shows_its_exact_step_and_the_steps_sum_to_the_difference() {
    let engine = example();
    let sheet = MeasureSheet::new(&engine, STAFF_AND_CONSULTANTS, KR);
    let evaluation = evaluate(&engine, STAFF_AND_CONSULTANTS).unwrap();
    assert_eq!(sheet.rows().len(), evaluation.steps.len() + 1);
    let effect = col(&sheet, "effect");
    for i in 0..evaluation.steps.len() {
        let shown = sheet.show(&engine, At { row: i, col: effect }, KR).content;
        assert_eq!(shown, Content::Amount(evaluation.step(&engine, i, COSTS).unwrap()));
    }
    let total = sheet.show(&engine, At { row: evaluation.steps.len(), col: effect }, KR);
    let difference =
        evaluation.year(&engine, COSTS).unwrap().checked_sub(evaluation.year_after(&engine, 0, COSTS).unwrap());
    assert_eq!(total.content, Content::Amount(difference.unwrap()));
    assert!(total.title.unwrap().contains("exakt"));
    let customers = sheet.show(&engine, At { row: 0, col: col(&sheet, "customers") }, KR);
    let hit = evaluation.customers_hit(&engine, 0);
    assert_eq!(customers.content, Content::Number { value: Decimal::from(hit.len()), decimals: 0 });
    assert_eq!(customers.title.unwrap().lines().count(), hit.len());
    let plan = engine.plan();
    let name = sheet.show(&engine, At { row: 0, col: col(&sheet, "name") }, KR).content;
    assert_eq!(name, Content::Text(plan.scenarios[0].measures[0].name.clone()));
}

#[test]
fn entering_text_makes_one_checked_command_and_bad_text_is_refused() {
    let mut engine = example();
    let sheet = MeasureSheet::new(&engine, STAFF_AND_CONSULTANTS, KR);
    let at = |key| At { row: 0, col: col(&sheet, key) };
    let entry = sheet.enter(&engine, at("risk"), "hög", KR).unwrap();
    let Command::SetScenario(ref scenario) = entry.command else { panic!("one scenario saved") };
    assert_eq!(scenario.measures[0].risk, crate::model::scenario::Risk::High);
    assert!(sheet.enter(&engine, at("risk"), "kanske", KR).unwrap_err().contains("Låg, Medel, Hög"));
    assert!(sheet.enter(&engine, at("name"), "  ", KR).is_err());
    assert!(sheet.enter(&engine, at("effect"), "5", KR).is_err(), "the step is computed");
    assert!(sheet.enter(&engine, at("size"), "mycket", KR).unwrap_err().contains("inte ett tal"));
    let Ok(Editor::Choice { options, current }) = sheet.edit(&engine, at("enabled"), KR) else { panic!("a list") };
    assert_eq!((options, current), (vec!["Ja".to_owned(), "Nej".to_owned()], Some(0)));

    let off = sheet.enter(&engine, at("enabled"), "Nej", KR).unwrap();
    engine.execute(off.command).unwrap();
    let sheet = MeasureSheet::new(&engine, STAFF_AND_CONSULTANTS, KR);
    assert_eq!(
        sheet.show(&engine, At { row: 0, col: col(&sheet, "effect") }, KR).content,
        Content::Amount(Amount::ZERO)
    );
    engine.undo().unwrap();
    assert!(engine.plan().scenarios[0].measures[0].enabled, "one undo restores it");

    let sheet = MeasureSheet::new(&engine, STAFF_AND_CONSULTANTS, KR);
    let percent = At { row: 1, col: col(&sheet, "size") };
    let huge = sheet.enter(&engine, percent, "-150", KR);
    assert!(huge.unwrap_err().contains("negativ"), "a cut below zero is refused, nothing changes");
}

#[test]
fn the_comparison_shows_the_engines_figures_and_differences() {
    let engine = example();
    let compared = [Figures::Scenario(STAFF_AND_CONSULTANTS), Figures::Scenario(IT_AND_DEVELOPMENT)];
    let sheet = CompareSheet::new(&engine, Figures::Budget, &compared, KR);
    let costs = row(&sheet, "costs");
    let budget = engine.value(COSTS, Series::Budget, Span::FullYear).unwrap();
    assert_eq!(
        sheet.show(&engine, At { row: costs, col: col(&sheet, "value-0") }, KR).content,
        Content::Amount(budget)
    );
    for (n, id) in [(1, STAFF_AND_CONSULTANTS), (2, IT_AND_DEVELOPMENT)] {
        let scenario = evaluate(&engine, id).unwrap().year(&engine, COSTS).unwrap();
        let at = |key: &str| At { row: costs, col: col(&sheet, &format!("{key}-{n}")) };
        assert_eq!(sheet.show(&engine, at("value"), KR).content, Content::Amount(scenario));
        let diff = scenario.checked_sub(budget).unwrap();
        assert_eq!(sheet.show(&engine, at("diff"), KR).content, Content::Amount(diff));
        let Content::Number { value, .. } = sheet.show(&engine, at("percent"), KR).content else { panic!("a %") };
        assert_eq!(value, diff.decimal() * Decimal::ONE_HUNDRED / budget.decimal());
    }
    let charges = evaluate(&engine, STAFF_AND_CONSULTANTS).unwrap().charges(&engine);
    let first = &charges[0];
    let customer = row(&sheet, &format!("customer-{}", first.customer.0));
    let after = sheet.show(&engine, At { row: customer, col: col(&sheet, "value-1") }, KR).content;
    assert_eq!(after, Content::Amount(*first.after.as_ref().unwrap()));
    let indicator = sheet.rows().iter().position(|r| r.key.starts_with("indicator-")).expect("a moved indicator");
    let status = sheet.show(&engine, At { row: indicator, col: col(&sheet, "status-1") }, KR).content;
    assert!(matches!(status, Content::Status { ref label, .. } if !label.is_empty()), "{status:?}");
    assert!(sheet.enter(&engine, At { row: costs, col: 0 }, "1", KR).is_err());
}

#[test]
fn the_waterfall_runs_from_base_to_scenario_exactly() {
    let engine = example();
    let scenario = engine.plan().scenarios[1].clone();
    let evaluation = evaluate(&engine, scenario.id).unwrap();
    let bars = waterfall(&engine, &scenario, &evaluation, Lang::Sv).unwrap();
    assert_eq!(bars.len(), scenario.measures.len() + 2);
    assert_eq!(bars[0].to, evaluation.year_after(&engine, 0, COSTS).unwrap());
    assert_eq!(bars.last().unwrap().to, evaluation.year(&engine, COSTS).unwrap());
}

#[test]
fn measures_move_copy_and_change_scenario_as_one_step_and_refusals_say_why() {
    let mut engine = example();
    let first = engine.plan().scenarios[0].measures[0].id;
    engine.execute(edit_measure(&engine, STAFF_AND_CONSULTANTS, 0, MeasureEdit::Down).unwrap()).unwrap();
    assert_eq!(engine.plan().scenarios[0].measures[1].id, first);
    engine.execute(edit_measure(&engine, STAFF_AND_CONSULTANTS, 1, MeasureEdit::Duplicate).unwrap()).unwrap();
    let measures = &engine.plan().scenarios[0].measures;
    assert_eq!(measures[2].name, measures[1].name);
    assert_ne!(measures[2].id, measures[1].id);
    let count = |engine: &Engine, i: usize| engine.plan().scenarios[i].measures.len();
    let (a, b) = (count(&engine, 0), count(&engine, 1));
    engine.execute(move_measure(&engine, STAFF_AND_CONSULTANTS, 0, IT_AND_DEVELOPMENT).unwrap()).unwrap();
    assert_eq!((count(&engine, 0), count(&engine, 1)), (a - 1, b + 1));
    engine.undo().unwrap();
    assert_eq!((count(&engine, 0), count(&engine, 1)), (a, b), "one undo moves it back");
    assert_eq!(create(&engine, " ", Base::Budget), Err(crate::model::CommandError::EmptyName));
    engine.execute(create(&engine, "På IT", Base::Scenario(IT_AND_DEVELOPMENT)).unwrap()).unwrap();
    assert!(engine.execute(Command::RemoveScenario(IT_AND_DEVELOPMENT)).is_err(), "a base in use stays");
}

#[test]
fn next_year_raises_wages_on_personnel_and_prices_on_the_rest() {
    let plan = budget_2024();
    let found = indexes(&plan, Decimal::new(35, 1), Decimal::from(2));
    assert_eq!(found.len(), 2);
    let personnel = plan.categories.iter().find(|c| c.name == "Personalkostnader").unwrap().id;
    assert_eq!(found[0].selection.categories, vec![personnel]);
    assert!(!found[1].selection.categories.contains(&personnel));
    assert_eq!(indexes(&plan, Decimal::ZERO, Decimal::from(2)).len(), 1);
}
