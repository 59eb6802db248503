//! Editing the plan's structure: departments, categories, drivers and lines.

use kalkyl::model::example::april_2023;
use kalkyl::model::structure::{Item, ItemId};
use kalkyl::model::{
    Activity, Amount, CategoryId, Command, CommandError, Department, DepartmentId, Driver, DriverId, Engine, Forecast,
    Group, Kind, Line, LineId, Row, Series, Span,
};
use rust_decimal::Decimal;

fn engine() -> Engine {
    Engine::new(april_2023()).unwrap()
}

fn total_budget(engine: &Engine) -> Amount {
    engine.value(Row::Total(Group::All, Kind::Cost), Series::Budget, Span::FullYear).unwrap()
}

#[test]
fn a_department_in_use_cannot_be_removed() {
    let mut engine = engine();
    let before = engine.plan().clone();
    let error = engine.execute(Command::Remove(ItemId::Department(DepartmentId(1)))).unwrap_err();
    assert_eq!(
        error,
        CommandError::InUse {
            item: ItemId::Department(DepartmentId(1)),
            by: "Personalkostnader Ekonomi".into(),
            count: 7
        }
    );
    assert_eq!(engine.plan(), &before);
}

#[test]
fn a_department_is_added_renamed_moved_and_removed_and_each_step_undoes() {
    let mut engine = engine();
    let original = engine.plan().clone();
    let id = DepartmentId(99);
    let item = Item::Department(Department { id, name: "Ny avdelning".into() });
    engine.execute(Command::Insert { index: 0, item: Box::new(item) }).unwrap();
    engine.execute(Command::Rename { item: ItemId::Department(id), name: "  Säkerhet ".into() }).unwrap();
    engine.execute(Command::Move { item: ItemId::Department(id), to: 3 }).unwrap();
    assert_eq!(engine.plan().departments[3].name, "Säkerhet");
    assert_eq!(
        engine.execute(Command::Rename { item: ItemId::Department(id), name: " ".into() }),
        Err(CommandError::EmptyName)
    );
    engine.execute(Command::Remove(ItemId::Department(id))).unwrap();
    assert_eq!(engine.plan(), &original);
    for _ in 0..4 {
        engine.undo().unwrap();
    }
    assert_eq!(engine.plan(), &original);
    let duplicate = Item::Department(Department { id: DepartmentId(1), name: "x".into() });
    assert_eq!(
        engine.execute(Command::Insert { index: 0, item: Box::new(duplicate) }),
        Err(CommandError::DuplicateId(ItemId::Department(DepartmentId(1))))
    );
}

#[test]
fn adding_and_removing_a_line_moves_the_totals() {
    let mut engine = engine();
    let before = total_budget(&engine);
    let line = Line {
        id: LineId(500),
        name: "Lokalkostnader Ekonomi".into(),
        department: DepartmentId(1),
        activity: Activity::Operations,
        category: CategoryId(5),
        service: None,
        budget: [Amount::kronor(1000); 12],
        outcome: [Amount::ZERO; 12],
        last_year: [Amount::ZERO; 12],
        forecast: Forecast::Budget,
        formula: None,
    };
    engine.execute(Command::Insert { index: 5, item: Box::new(Item::Line(Box::new(line))) }).unwrap();
    assert_eq!(total_budget(&engine), before.checked_add(Amount::kronor(12_000)).unwrap());
    engine.execute(Command::Remove(ItemId::Line(LineId(500)))).unwrap();
    assert_eq!(total_budget(&engine), before);
    engine.undo().unwrap();
    assert_eq!(total_budget(&engine), before.checked_add(Amount::kronor(12_000)).unwrap());
}

#[test]
fn a_line_named_by_a_formula_cannot_be_removed() {
    let mut engine = engine();
    engine.set_formula(LineId(2), Some("=[Personalkostnader Ekonomi] / 10".into())).unwrap();
    let error = engine.execute(Command::Remove(ItemId::Line(LineId(1)))).unwrap_err();
    // The line's formula, and the example's indicator of personnel costs per FTE.
    assert!(matches!(error, CommandError::InUse { count: 2, ref by, .. } if by == "Konsultkostnader Ekonomi"));
}

#[test]
fn formulas_follow_a_renamed_driver_and_undo_restores_their_text() {
    let mut engine = engine();
    let driver = Driver { id: DriverId(1), name: "fte".into(), unit: "st".into(), months: [Decimal::from(2); 12] };
    engine.execute(Command::Insert { index: 0, item: Box::new(Item::Driver(Box::new(driver))) }).unwrap();
    engine.set_formula(LineId(1), Some("=FTE * 1000".into())).unwrap();
    engine.execute(Command::Rename { item: ItemId::Driver(DriverId(1)), name: "Årsarbetare ekonomi".into() }).unwrap();
    assert_eq!(engine.plan().line(LineId(1)).unwrap().formula.as_deref(), Some("=[Årsarbetare ekonomi] * 1000"));
    assert_eq!(engine.formula_error(LineId(1)), None);
    assert_eq!(engine.months(Row::Line(LineId(1)), Series::Budget).unwrap()[0], Amount::kronor(2000));
    engine.undo().unwrap();
    assert_eq!(engine.plan().line(LineId(1)).unwrap().formula.as_deref(), Some("=FTE * 1000"));
    let removal = engine.execute(Command::Remove(ItemId::Driver(DriverId(1))));
    assert!(matches!(removal, Err(CommandError::InUse { .. })));
}

#[test]
fn replacing_the_plan_is_one_undoable_step() {
    let mut engine = engine();
    let original = engine.plan().clone();
    let mut other = april_2023();
    other.name = "Importerad".into();
    other.lines.truncate(3);
    engine.execute(Command::Replace(Box::new(other.clone()))).unwrap();
    assert_eq!(engine.plan(), &other);
    assert!(total_budget(&engine) < total_budget(&Engine::new(original.clone()).unwrap()));
    engine.undo().unwrap();
    assert_eq!(engine.plan(), &original);
}
