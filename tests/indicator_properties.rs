//! Invariants of indicators for any plan and any sequence of edits:
//! incremental recalculation equals a full one for every kind of edit, undo
//! restores, and the status rule never panics and is "cannot be assessed"
//! exactly when a value it needs is missing.
#![cfg(not(target_arch = "wasm32"))] // property tests run natively

use kalkyl::model::command::Cell;
use kalkyl::model::indicator::status::evaluate;
use kalkyl::model::indicator::{Basis, Direction, IndicatorEdit, Slot, Status, ValueCell};
use kalkyl::model::structure::{Item, ItemId};
use kalkyl::model::{
    Command, CommandError, DriverId, Engine, Forecast, Group, IndicatorId, Kind, LineId, Month, Perspective,
    PerspectiveId, Row, Series,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

mod common;
use common::{
    amount, definition, direction, indicator, indicator_formula, indicator_value, plan_with_indicators, rule,
};

/// An edit of the plan; it may name what is missing, and must then be refused.
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)] // a test's own edits; size is of no concern
enum Edit {
    Command(Command),
    IndicatorFormula(IndicatorId, Option<String>),
    LineFormula(LineId, Option<String>),
    CloseMonth,
}

fn slot() -> impl Strategy<Value = Slot> {
    prop_oneof![
        (0usize..12).prop_map(Slot::Outcome),
        (0usize..12).prop_map(Slot::Target),
        (0usize..12).prop_map(Slot::LastYear),
        (0usize..12).prop_map(Slot::R12),
        Just(Slot::Forecast),
        Just(Slot::AnnualTarget),
    ]
}

fn indicator_id() -> impl Strategy<Value = IndicatorId> {
    (0u32..8).prop_map(IndicatorId)
}

fn command(edit: IndicatorEdit) -> Edit {
    Edit::Command(Command::Indicator(edit))
}

fn edit() -> impl Strategy<Value = Edit> {
    let cell = (indicator_id(), slot()).prop_map(|(indicator, slot)| ValueCell { indicator, slot });
    let line_cell =
        (0u32..8, prop::sample::select(vec![Series::Budget, Series::Outcome, Series::LastYear]), 0usize..12).prop_map(
            |(line, series, month)| Cell { line: LineId(line), series, month: Month::from_index(month).unwrap() },
        );
    prop_oneof![
        4 => prop::collection::vec((cell, indicator_value()), 1..5).prop_map(|cells| command(IndicatorEdit::SetValues(cells))),
        2 => (indicator_id(), prop::option::of(indicator_formula())).prop_map(|(id, formula)| Edit::IndicatorFormula(id, formula)),
        2 => (indicator_id(), definition()).prop_map(|(indicator, definition)| {
            command(IndicatorEdit::Define { indicator, definition: Box::new(definition), values: None })
        }),
        1 => rule().prop_map(|rule| command(IndicatorEdit::SetDefaultRule(rule))),
        1 => (0usize..8, 6u32..9).prop_flat_map(|(index, id)| (Just(index), indicator(id)))
            .prop_map(|(index, indicator)| Edit::Command(Command::Insert { index, item: Box::new(Item::Indicator(Box::new(indicator))) })),
        1 => indicator_id().prop_map(|id| Edit::Command(Command::Remove(ItemId::Indicator(id)))),
        1 => (indicator_id(), prop::sample::select(vec!["ind 1", "ind 9", "line 2", "volym"]))
            .prop_map(|(id, name)| Edit::Command(Command::Rename { item: ItemId::Indicator(id), name: name.into() })),
        1 => (indicator_id(), 0usize..8).prop_map(|(id, to)| Edit::Command(Command::Move { item: ItemId::Indicator(id), to })),
        1 => prop_oneof![
            (1u32..4).prop_map(|id| Command::Remove(ItemId::Perspective(PerspectiveId(id)))),
            Just(Command::Insert { index: 0, item: Box::new(Item::Perspective(Perspective { id: PerspectiveId(3), name: "Process".into() })) }),
        ].prop_map(Edit::Command),
        2 => (0u32..8, indicator_id(), common::price()).prop_map(|(line, indicator, price)| {
            Edit::Command(Command::SetForecast { line: LineId(line), forecast: Forecast::Volume { indicator, price } })
        }),
        1 => (0u32..8, 1u32..6).prop_map(|(line, id)| Edit::LineFormula(LineId(line), Some(format!("=[ind {id}] * 3")))),
        3 => prop::collection::vec((line_cell, amount()), 1..4).prop_map(|cells| Edit::Command(Command::SetAmounts(cells))),
        1 => (0usize..12, -1_000_000i64..1_000_000).prop_map(|(month, q)| {
            let month = Month::from_index(month).unwrap();
            Edit::Command(Command::SetQuantities(vec![(DriverId(1), month, Decimal::new(q, 2))]))
        }),
        1 => Just(Edit::CloseMonth),
    ]
}

fn run(engine: &mut Engine, edit: Edit) -> Result<(), CommandError> {
    match edit {
        Edit::Command(command) => engine.execute(command),
        Edit::IndicatorFormula(id, formula) => engine.set_indicator_formula(id, formula),
        Edit::LineFormula(line, formula) => engine.set_formula(line, formula),
        Edit::CloseMonth => engine.close_month(),
    }
}

/// Every figure of the engine, of lines and indicators, equals that of a
/// fresh, full calculation.
fn assert_same_figures(engine: &Engine) {
    let fresh = Engine::new(engine.plan().clone()).unwrap();
    for indicator in &engine.plan().indicators {
        let id = indicator.id;
        assert_eq!(engine.indicator_values(id), fresh.indicator_values(id), "{}", indicator.name);
        assert_eq!(engine.indicators().fault(id), fresh.indicators().fault(id), "{}", indicator.name);
    }
    assert_eq!(engine.indicators().faulty(), fresh.indicators().faulty());
    for month in [None, Some(Month::APRIL), Some(Month::DECEMBER)] {
        assert_eq!(engine.indicator_sheet(month), fresh.indicator_sheet(month));
    }
    let mut rows: Vec<Row> = engine.plan().lines.iter().map(|line| Row::Line(line.id)).collect();
    rows.extend([Row::Total(Group::All, Kind::Cost), Row::Total(Group::All, Kind::Revenue)]);
    for row in rows {
        for series in Series::ALL {
            assert_eq!(engine.months(row, series), fresh.months(row, series), "{row:?} {series:?}");
        }
        assert_eq!(engine.errors(row), fresh.errors(row));
    }
}

proptest! {
    #![proptest_config(common::config("indicator_properties"))]

    #[test]
    fn incremental_recalculation_equals_a_full_one_for_every_indicator_edit_and_undo_restores(
        plan in plan_with_indicators(),
        edits in prop::collection::vec(edit(), 0..12),
    ) {
        common::edit_undo_redo(&plan, edits, run, assert_same_figures)?;
    }

    #[test]
    fn status_is_not_assessable_exactly_when_a_needed_value_is_missing(
        rule in rule(),
        direction in direction(),
        value in indicator_value(),
        reference in indicator_value(),
    ) {
        let (status, _, _) = evaluate(&rule, &direction, value, reference);
        let band_is_its_own_target = matches!((&rule.basis, &direction), (Basis::Target { .. }, Direction::Band { .. }));
        let needed_missing = value.is_none() || (reference.is_none() && !band_is_its_own_target);
        prop_assert_eq!(status == Status::NotAssessable, needed_missing);
    }

    #[test]
    fn status_never_panics(
        rule in rule(),
        direction in direction(),
        value in prop::option::of(any::<[u8; 16]>().prop_map(Decimal::deserialize)),
        reference in prop::option::of(any::<[u8; 16]>().prop_map(Decimal::deserialize)),
    ) {
        let _ = evaluate(&rule, &direction, value, reference);
    }

    #[test]
    fn no_formula_text_panics_an_indicator(plan in plan_with_indicators(), text in prop_oneof![indicator_formula(), "=[-+*/();,<>=0-9a-z\\\\[\\\\] ]{0,60}"]) {
        let mut engine = Engine::new(plan).unwrap();
        let before = engine.plan().clone();
        if engine.set_indicator_formula(IndicatorId(1), Some(text)).is_err() {
            prop_assert_eq!(engine.plan(), &before);
        }
    }
}
