//! Indicators in the engine: typed and computed values, status through the
//! engine, R12, volumes for lines, bad input and undo.

use kalkyl::model::command::Cell;
use kalkyl::model::example::april_2023;
use kalkyl::model::formula::FormulaError;
use kalkyl::model::indicator::sheet::{SheetRow, set_texts};
use kalkyl::model::indicator::{
    Aggregation, Definition, Direction, Indicator, IndicatorEdit, IndicatorError, IndicatorUnit, Periodicity, Reason,
    RuleSource, Slot, Source, Status, StatusRule, Tolerance, ValueCell, planned_volumes, volume_gaps,
};
use kalkyl::model::structure::{Item, ItemId};
use kalkyl::model::{
    Amount, AmountError, Command, CommandError, Engine, Forecast, IndicatorId, LineId, Month, PerspectiveId, Row,
    Series, Span,
};
use rust_decimal::Decimal;

fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap()
}

fn engine() -> Engine {
    Engine::new(april_2023()).unwrap()
}

fn id(engine: &Engine, name: &str) -> IndicatorId {
    engine.plan().indicators.iter().find(|i| i.name == name).unwrap_or_else(|| panic!("no indicator {name}")).id
}

fn line(engine: &Engine, name: &str) -> LineId {
    engine.plan().lines.iter().find(|l| l.name == name).unwrap_or_else(|| panic!("no line {name}")).id
}

fn row(engine: &Engine, indicator: IndicatorId) -> SheetRow {
    let groups = engine.indicator_sheet(engine.plan().closed_through);
    groups.into_iter().flat_map(|g| g.rows).find(|r| r.indicator == indicator).unwrap()
}

fn set(engine: &mut Engine, indicator: IndicatorId, slot: Slot, text: &str) -> Result<(), CommandError> {
    let command = set_texts(engine.plan(), &[(ValueCell { indicator, slot }, text)]).expect("a value");
    engine.execute(command)
}

const APRIL: usize = 3;

#[test]
fn editing_an_outcome_changes_the_status_and_undo_restores_it() {
    let mut engine = engine();
    let sick = id(&engine, "Sjukfrånvaro");
    assert_eq!(row(&engine, sick).status.status, Status::Red, "5,7 % against 5 %");
    set(&mut engine, sick, Slot::Outcome(APRIL), "5,2 %").unwrap();
    let status = row(&engine, sick).status;
    assert_eq!((status.status, status.reason), (Status::Yellow, Reason::Near), "within 5 % over");
    assert_eq!((status.value, status.reference, status.limit), (Some(dec("5.2")), Some(dec("5")), Some(dec("5.25"))));
    assert_eq!(status.source, RuleSource::Plan);
    set(&mut engine, sick, Slot::Outcome(APRIL), "").unwrap();
    assert_eq!(row(&engine, sick).status.reason, Reason::MissingValue, "cleared: not reported, not zero");
    engine.undo().unwrap();
    engine.undo().unwrap();
    assert_eq!(row(&engine, sick).outcome.value, Some(dec("5.7")));
    assert_eq!(engine.plan(), &april_2023());
}

#[test]
fn the_default_rule_and_an_own_rule_decide_the_status() {
    let mut engine = engine();
    let sla = id(&engine, "Efterlevnad servicenivå - SLA");
    assert_eq!(row(&engine, sla).status.status, Status::Red, "68 % of 100 %");
    let eighty = StatusRule {
        basis: kalkyl::model::indicator::Basis::Target { yellow: Tolerance::ShareOfTarget(dec("60")) },
        ..StatusRule::default()
    };
    engine.execute(Command::Indicator(IndicatorEdit::SetDefaultRule(eighty.clone()))).unwrap();
    assert_eq!(row(&engine, sla).status.status, Status::Yellow, "68 % is at least 60 % of the target");
    assert_eq!(row(&engine, sla).forecast_status.status, Status::Yellow, "90 % against 100 % for the year");
    // An own rule overrides the plan's.
    let mut definition = engine.plan().indicator(sla).unwrap().definition.clone();
    definition.rule = Some(StatusRule::default());
    engine
        .execute(Command::Indicator(IndicatorEdit::Define {
            indicator: sla,
            definition: Box::new(definition),
            values: None,
        }))
        .unwrap();
    let status = row(&engine, sla).status;
    assert_eq!(
        (status.status, status.source, status.rule),
        (Status::Red, RuleSource::Indicator, StatusRule::default())
    );
    engine.undo().unwrap();
    engine.undo().unwrap();
    assert_eq!(engine.plan().status_rule, StatusRule::default());
}

fn hr_costs_to_date(engine: &Engine, series: Series) -> Decimal {
    let names = [
        "Personalkostnader HR",
        "Konsultkostnader HR",
        "IT-tjänster, IT-program och licenser HR",
        "Övriga kostnader HR",
    ];
    names
        .iter()
        .map(|name| engine.value(Row::Line(line(engine, name)), series, Span::Through(Month::APRIL)).unwrap().decimal())
        .sum()
}

#[test]
fn a_computed_indicator_follows_the_lines_it_reads() {
    let mut engine = engine();
    let per_slip = id(&engine, "Kostnad per lönespecifikation (exempel)");
    let outcome = |engine: &Engine| engine.indicator_values(per_slip).unwrap().outcome[APRIL].unwrap();
    assert_eq!(outcome(&engine), hr_costs_to_date(&engine, Series::Outcome) / dec("248035"));
    assert_eq!(
        engine.indicator_values(per_slip).unwrap().target[APRIL].unwrap(),
        hr_costs_to_date(&engine, Series::Budget) / dec("233332"),
        "the target reads the budget"
    );
    assert_eq!(engine.indicator_values(per_slip).unwrap().outcome[4], None, "May is not closed");
    let before = outcome(&engine);
    // 248 035 kr more on the HR personnel costs in April: one krona more a pay slip.
    let cell = Cell { line: line(&engine, "Personalkostnader HR"), series: Series::Outcome, month: Month::APRIL };
    let april = engine.months(Row::Line(cell.line), Series::Outcome).unwrap()[APRIL];
    engine.execute(Command::SetAmounts(vec![(cell, april.checked_add(Amount::kronor(248_035)).unwrap())])).unwrap();
    assert_eq!(outcome(&engine), before + Decimal::ONE);
    // And the volume it divides by.
    let slips = id(&engine, "Lönespecifikationer");
    set(&mut engine, slips, Slot::Outcome(APRIL), "").unwrap();
    assert_eq!(engine.indicator_values(per_slip).unwrap().outcome[APRIL], None, "not reported, as its volume");
    engine.undo().unwrap();
    engine.undo().unwrap();
    assert_eq!(outcome(&engine), before);
}

fn volume_definition(cumulative: bool, aggregation: Aggregation) -> Definition {
    Definition {
        perspective: PerspectiveId(1),
        unit: IndicatorUnit::Count,
        periodicity: Periodicity::Month,
        aggregation,
        cumulative,
        direction: Direction::HigherIsBetter,
        decimals: 0,
        rule: None,
        note: None,
    }
}

fn add_indicator(engine: &mut Engine, id: u32, name: &str, definition: Definition) -> IndicatorId {
    let indicator = Indicator::new(IndicatorId(id), name, definition);
    engine
        .execute(Command::Insert { index: usize::MAX, item: Box::new(Item::Indicator(Box::new(indicator))) })
        .unwrap();
    IndicatorId(id)
}

#[test]
fn r12_is_computed_from_twelve_months_or_typed() {
    let mut engine = engine();
    let tickets = add_indicator(&mut engine, 100, "Ärenden per månad", volume_definition(false, Aggregation::Sum));
    let mut cells: Vec<(ValueCell, Option<Decimal>)> = (0..=APRIL)
        .map(|m| (ValueCell { indicator: tickets, slot: Slot::Outcome(m) }, Some(Decimal::from(10))))
        .collect();
    cells.extend(
        (APRIL + 1..12).map(|m| (ValueCell { indicator: tickets, slot: Slot::LastYear(m) }, Some(Decimal::from(7)))),
    );
    engine.execute(Command::Indicator(IndicatorEdit::SetValues(cells))).unwrap();
    let r12 = row(&engine, tickets).r12;
    assert_eq!((r12.value, r12.source), (Some(Decimal::from(4 * 10 + 8 * 7)), Source::Computed));
    assert_eq!(r12.text().unwrap(), "96");
    set(&mut engine, tickets, Slot::LastYear(11), "").unwrap();
    assert_eq!(row(&engine, tickets).r12.value, None, "December last year is missing: no R12, not a smaller one");
    set(&mut engine, tickets, Slot::R12(APRIL), "95").unwrap();
    let r12 = row(&engine, tickets).r12;
    assert_eq!((r12.value, r12.source), (Some(Decimal::from(95)), Source::Typed), "as the report gives it");
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let mut engine = engine();
    let before = engine.plan().clone();
    let sick = id(&engine, "Sjukfrånvaro");
    let cell = ValueCell { indicator: sick, slot: Slot::Outcome(APRIL) };
    let error = set_texts(engine.plan(), &[(cell, "5,7"), (cell, "abc")]).unwrap_err();
    assert_eq!((error.index, error.text.as_str(), error.error), (1, "abc", AmountError::NotANumber));
    assert!(set_texts(engine.plan(), &[(cell, "5,7 %")]).is_ok());
    assert_eq!(set_texts(engine.plan(), &[(cell, "5 kr")]).unwrap_err().error, AmountError::NotANumber);
    // A band with its ends reversed.
    let mut definition = engine.plan().indicator(sick).unwrap().definition.clone();
    definition.direction = Direction::Band { low: dec("6"), high: dec("4") };
    let band =
        Command::Indicator(IndicatorEdit::Define { indicator: sick, definition: Box::new(definition), values: None });
    assert_eq!(
        engine.execute(band),
        Err(CommandError::Indicator(IndicatorError::BandReversed { low: dec("6"), high: dec("4") }))
    );
    // A formula naming what does not exist, with its place.
    let per_slip = id(&engine, "Kostnad per lönespecifikation (exempel)");
    assert_eq!(
        engine.set_indicator_formula(per_slip, Some("=[Lönekostnad] / Lönespecifikationer".into())),
        Err(CommandError::Formula(FormulaError::UnknownName { name: "Lönekostnad".into(), position: 1 }))
    );
    // Typing into a computed indicator, or outside its periods.
    let typed_into_computed = set(&mut engine, per_slip, Slot::Outcome(APRIL), "3");
    assert!(matches!(typed_into_computed, Err(CommandError::Indicator(IndicatorError::Computed { .. }))));
    let nki = id(&engine, "Nöjd Kund Index (NKI)");
    assert_eq!(
        set(&mut engine, nki, Slot::Outcome(1), "3"),
        Err(CommandError::Indicator(IndicatorError::NoSuchPeriod))
    );
    let huge = Command::Indicator(IndicatorEdit::SetValues(vec![(cell, Some(dec("2000000000000000")))]));
    assert_eq!(engine.execute(huge), Err(CommandError::Indicator(IndicatorError::Value(AmountError::OutOfRange))));
    assert_eq!(engine.plan(), &before);
    assert!(!engine.can_undo());
}

#[test]
fn a_formula_that_depends_on_itself_is_refused_with_its_path() {
    let mut engine = engine();
    let per_slip = id(&engine, "Kostnad per lönespecifikation (exempel)");
    let per_fte = id(&engine, "Personalkostnad per månadsarbetare (exempel)");
    engine.set_indicator_formula(per_fte, Some("=[Kostnad per lönespecifikation (exempel)] * 2".into())).unwrap();
    let cycle =
        engine.set_indicator_formula(per_slip, Some("=[Personalkostnad per månadsarbetare (exempel)] + 1".into()));
    let path = [
        "Kostnad per lönespecifikation (exempel)",
        "Personalkostnad per månadsarbetare (exempel)",
        "Kostnad per lönespecifikation (exempel)",
    ];
    assert_eq!(cycle, Err(CommandError::Formula(FormulaError::Cycle { path: path.map(String::from).to_vec() })));
    let itself = engine.set_indicator_formula(per_slip, Some("=[Kostnad per lönespecifikation (exempel)]".into()));
    assert!(matches!(itself, Err(CommandError::Formula(FormulaError::Cycle { .. }))));
    // Division by zero with today's figures is refused, saying where.
    let sick = id(&engine, "Sjukfrånvaro");
    let ftes = id(&engine, "Årsarbetare");
    set(&mut engine, ftes, Slot::Outcome(APRIL), "0").unwrap();
    let zero = engine.set_indicator_formula(sick, Some("=[Personalkostnader HR] / Årsarbetare".into()));
    assert_eq!(zero, Err(CommandError::Formula(FormulaError::DivisionByZero { position: 24, month: None })));
}

#[test]
fn an_indicator_feeds_the_indicators_that_name_it() {
    let mut engine = engine();
    let per_fte = id(&engine, "Personalkostnad per månadsarbetare (exempel)");
    let ftes = id(&engine, "Månadsarbetare (utförd tid och prognos)");
    let before = engine.indicator_values(per_fte).unwrap().outcome[APRIL].unwrap();
    set(&mut engine, ftes, Slot::Outcome(APRIL), "310,35").unwrap();
    assert_eq!(engine.indicator_values(per_fte).unwrap().outcome[APRIL].unwrap(), before * Decimal::TWO);
    // The formula follows a renamed indicator.
    engine.execute(Command::Rename { item: ItemId::Indicator(ftes), name: "Månadsarbetare".into() }).unwrap();
    let formula = engine.plan().indicator(per_fte).unwrap().formula.clone().unwrap();
    assert!(formula.ends_with("/ Månadsarbetare"), "{formula}");
    assert_eq!(engine.indicators().fault(per_fte), None);
    // What an indicator uses cannot be removed.
    let removed = engine.execute(Command::Remove(ItemId::Indicator(ftes)));
    assert!(
        matches!(removed, Err(CommandError::InUse { by, .. }) if by == "Personalkostnad per månadsarbetare (exempel)")
    );
    let removed = engine.execute(Command::Remove(ItemId::Line(line(&engine, "Personalkostnader HR"))));
    assert!(matches!(removed, Err(CommandError::InUse { .. })));
    let removed = engine.execute(Command::Remove(ItemId::Perspective(PerspectiveId(1))));
    assert!(matches!(removed, Err(CommandError::InUse { count: 11, .. })));
    engine.undo().unwrap();
    engine.undo().unwrap();
    assert_eq!(engine.plan(), &april_2023());
}

#[test]
fn a_line_takes_its_volume_from_an_indicator() {
    let mut engine = engine();
    let slips = add_indicator(&mut engine, 100, "Lönespecar per månad", volume_definition(false, Aggregation::Sum));
    let cells =
        (0..12).map(|m| (ValueCell { indicator: slips, slot: Slot::Target(m) }, Some(Decimal::from(1000 + m as i64))));
    engine.execute(Command::Indicator(IndicatorEdit::SetValues(cells.collect()))).unwrap();
    let revenue = line(&engine, "Verksamhetens intäkter HR");
    let price = Amount::kronor(12);
    engine
        .execute(Command::SetForecast { line: revenue, forecast: Forecast::Volume { indicator: slips, price } })
        .unwrap();
    let forecast = |engine: &Engine| engine.months(Row::Line(revenue), Series::Forecast).unwrap();
    assert_eq!(forecast(&engine)[4], Amount::kronor(1004 * 12), "May: planned volume × price");
    // Editing the planned volume moves the forecast, incrementally as fully.
    set(&mut engine, slips, Slot::Target(5), "2 000").unwrap();
    assert_eq!(forecast(&engine)[5], Amount::kronor(24_000));
    assert_eq!(
        forecast(&engine),
        Engine::new(engine.plan().clone()).unwrap().months(Row::Line(revenue), Series::Forecast).unwrap()
    );
    // A month without a planned volume projects nothing, and is listed.
    set(&mut engine, slips, Slot::Target(6), "").unwrap();
    assert_eq!(volume_gaps(engine.plan(), revenue), [Month::from_index(6).unwrap()]);
    assert_eq!(forecast(&engine)[6], Amount::ZERO);
    // A line's formula can name it too: its planned volume of each month,
    // refused while a month has none.
    let costs = line(&engine, "Konsultkostnader HR");
    let july = Month::from_index(6).unwrap();
    let missing = FormulaError::NotReported { name: "Lönespecar per månad".into(), month: july };
    let formula = Some("=[Lönespecar per månad] * 2".to_owned());
    assert_eq!(engine.set_formula(costs, formula.clone()), Err(CommandError::Formula(missing.clone())));
    set(&mut engine, slips, Slot::Target(6), "1006").unwrap();
    engine.set_formula(costs, formula).unwrap();
    assert_eq!(engine.months(Row::Line(costs), Series::Budget).unwrap()[0], Amount::kronor(2000));
    // Cleared later, the line shows the error rather than a zero.
    set(&mut engine, slips, Slot::Target(6), "").unwrap();
    assert_eq!(engine.formula_error(costs), Some(&missing));
    engine.undo().unwrap();
    // While lines use it, it stays a typed monthly indicator.
    let computed = engine.set_indicator_formula(slips, Some("=7".into()));
    assert!(matches!(computed, Err(CommandError::Indicator(IndicatorError::Volume { .. }))));
    let mut yearly = volume_definition(false, Aggregation::Sum);
    yearly.periodicity = Periodicity::Year;
    let redefine =
        Command::Indicator(IndicatorEdit::Define { indicator: slips, definition: Box::new(yearly), values: None });
    assert!(matches!(engine.execute(redefine), Err(CommandError::Indicator(IndicatorError::Volume { .. }))));
    // Only a typed monthly indicator gives a volume.
    let nki = id(&engine, "Nöjd Kund Index (NKI)");
    let not_monthly =
        engine.execute(Command::SetForecast { line: revenue, forecast: Forecast::Volume { indicator: nki, price } });
    assert!(matches!(not_monthly, Err(CommandError::Indicator(IndicatorError::NotAVolume { .. }))));
    assert!(matches!(
        engine.set_formula(costs, Some("=[Nöjd Kund Index (NKI)] * 2".into())),
        Err(CommandError::Formula(FormulaError::NotAVolume { position: 1, .. }))
    ));
}

#[test]
fn a_cumulative_volume_gives_each_months_increase() {
    let mut engine = engine();
    let slips = id(&engine, "Lönespecifikationer");
    let cells =
        [(2, "175 000"), (3, "233 332")].map(|(m, text)| (ValueCell { indicator: slips, slot: Slot::Target(m) }, text));
    engine.execute(set_texts(engine.plan(), &cells).unwrap()).unwrap();
    let volumes = planned_volumes(engine.plan(), slips);
    assert_eq!(volumes[3], Some(dec("58332")), "April: 233 332 − 175 000");
    assert_eq!(volumes[2], None, "March needs February's target");
    assert_eq!(volumes[4], None);
}

#[test]
fn periodicity_changes_start_without_values_and_undo_brings_them_back() {
    let mut engine = engine();
    let sick = id(&engine, "Sjukfrånvaro");
    let mut definition = engine.plan().indicator(sick).unwrap().definition.clone();
    definition.periodicity = Periodicity::Tertial;
    engine
        .execute(Command::Indicator(IndicatorEdit::Define {
            indicator: sick,
            definition: Box::new(definition),
            values: None,
        }))
        .unwrap();
    let values = engine.indicator_values(sick).unwrap();
    assert_eq!((values.outcome.len(), values.outcome[0]), (3, None));
    assert_eq!(row(&engine, sick).status.status, Status::NotAssessable);
    engine.undo().unwrap();
    assert_eq!(engine.plan(), &april_2023());
}

#[test]
fn the_trend_shows_the_periods_so_far() {
    let mut engine = engine();
    let sick = id(&engine, "Sjukfrånvaro");
    set(&mut engine, sick, Slot::Outcome(2), "5,8").unwrap();
    let trend = engine.indicator_trend(sick, Some(Month::APRIL)).unwrap();
    let outcomes: Vec<Option<Decimal>> = trend.points.iter().map(|p| p.outcome).collect();
    assert_eq!(outcomes, [None, None, Some(dec("5.8")), Some(dec("5.7"))]);
    assert_eq!(trend.points[3].target, Some(dec("5")));
    assert_eq!((trend.decimals, trend.unit), (1, IndicatorUnit::Percent));
}

#[test]
fn a_name_shared_by_a_driver_and_an_indicator_keeps_its_meaning_in_each_kind_of_formula() {
    let mut engine = engine();
    let mut plan = engine.plan().clone();
    let fte = kalkyl::model::Driver {
        id: kalkyl::model::DriverId(1),
        name: "Årsarbetare".into(),
        unit: "st".into(),
        months: [Decimal::from(10); 12],
    };
    plan.drivers.push(fte);
    engine.execute(Command::Replace(Box::new(plan))).unwrap();
    // A line's formula reads the driver, as before the example had the indicator.
    let costs = line(&engine, "Konsultkostnader HR");
    engine.set_formula(costs, Some("=Årsarbetare * 55000".into())).unwrap();
    assert_eq!(engine.months(Row::Line(costs), Series::Budget).unwrap()[0], Amount::kronor(550_000));
    // An indicator's formula reads the indicator (252,2 in April).
    let sick = id(&engine, "Sjukfrånvaro");
    engine.set_indicator_formula(sick, Some("=Årsarbetare * 2".into())).unwrap();
    assert_eq!(engine.indicator_values(sick).unwrap().outcome[APRIL], Some(dec("504.4")));
}
