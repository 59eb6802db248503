//! Editing customers, keys, pools, rules and prices: every edit undoable,
//! bad input refused with its reason and nothing changed, errors visible in
//! every figure they reach.

use kalkyl::model::allocation::{Entry, EntryId, KeyCell, Refusal, sheet};
use kalkyl::model::example::april_2023;
use kalkyl::model::structure::ItemId;
use kalkyl::model::{
    AllocationCommand, AllocationError, Amount, Command, CommandError, Customer, CustomerId, CustomerKind,
    DepartmentId, Engine, KeyChoice, KeyId, LineId, PoolId, PriceBasis, PriceId, Rounding, RuleId, Series, VariantId,
};
use kalkyl::model::{AllocationRule, Cell, Changes, Month};
use rust_decimal::Decimal;

fn engine() -> Engine {
    Engine::new(april_2023()).unwrap()
}

fn allocation(command: AllocationCommand) -> Command {
    Command::Allocation(command)
}

const EMPLOYEES: KeyChoice = KeyChoice { key: KeyId(1), variant: VariantId(1) };

fn set(key: KeyChoice, customer: u32, value: Option<&str>) -> Command {
    let value = value.map(|v| Decimal::from_str_exact(v).unwrap());
    allocation(AllocationCommand::SetValues(vec![(KeyCell { key, customer: CustomerId(customer) }, value)]))
}

/// Executes `command`, expects `refusal`, and that nothing changed.
fn refused(engine: &mut Engine, command: Command, expected: CommandError) {
    let before = engine.plan().clone();
    let figures = engine.allocation().clone();
    assert_eq!(engine.execute(command), Err(expected));
    assert_eq!(engine.plan(), &before, "nothing changed");
    assert_eq!(engine.allocation(), &figures);
}

fn bastjanster(engine: &Engine) -> AllocationRule {
    engine.plan().allocation.rule(RuleId(1)).unwrap().clone()
}

#[test]
fn a_key_value_edit_moves_the_charges_and_undo_restores_them() {
    let mut engine = engine();
    let before = sheet::charges(&engine);
    // Socialförvaltningen from 6 500 to 7 500 employees: the total is 41 000.
    engine.execute(set(EMPLOYEES, 3, Some("7500"))).unwrap();
    let after = sheet::charges(&engine);
    assert_ne!(after.rows[2].charges[0], before.rows[2].charges[0]);
    assert_eq!(after.columns[0].difference, Some(Ok(Amount::ZERO)), "still Σ = pool");
    assert_eq!(after.rows[1].charges[1], before.rows[1].charges[1], "other rules are untouched");
    engine.undo().unwrap();
    assert_eq!(sheet::charges(&engine), before);
}

#[test]
fn a_negative_key_value_is_refused() {
    let mut engine = engine();
    let expected = Refusal::NegativeValue { key: "Antal anställda".into(), customer: "Socialförvaltningen".into() };
    refused(&mut engine, set(EMPLOYEES, 3, Some("-1")), CommandError::Allocation(expected));
}

#[test]
fn emptying_a_key_that_a_rule_divides_by_is_refused() {
    let mut engine = engine();
    // "Andel av användning %" set to zero for all but Utbildning, then Utbildning too.
    let share = KeyChoice { key: KeyId(3), variant: VariantId(1) };
    let cells =
        (1..=12).filter(|c| *c != 2).map(|c| (KeyCell { key: share, customer: CustomerId(c) }, Some(Decimal::ZERO)));
    engine.execute(allocation(AllocationCommand::SetValues(cells.collect()))).unwrap();
    let refusal = Refusal::ZeroTotal {
        by: "Förändringsinsatser digital infrastruktur".into(),
        key: "Andel av användning %".into(),
    };
    refused(&mut engine, set(share, 2, Some("0")), CommandError::Allocation(refusal.clone()));
    // So is deactivating the one customer that carries the key.
    let mut customer = engine.plan().customer(CustomerId(2)).unwrap().clone();
    customer.active = false;
    refused(
        &mut engine,
        allocation(AllocationCommand::Update(Box::new(Entry::Customer(customer)))),
        CommandError::Allocation(refusal),
    );
}

#[test]
fn a_zero_key_total_from_a_file_is_an_error_in_every_figure_it_reaches() {
    let mut plan = april_2023();
    let share = KeyChoice { key: KeyId(3), variant: VariantId(1) };
    for value in plan.allocation.variant_mut(share).unwrap().values.values_mut() {
        *value = Decimal::ZERO;
    }
    let mut engine = Engine::new(plan).unwrap();
    let charges = sheet::charges(&engine);
    assert_eq!(charges.columns[2].total, Err(AllocationError::ZeroTotal(share)));
    assert!(charges.rows.iter().all(|row| row.total == Err(AllocationError::ZeroTotal(share))), "never a silent zero");
    assert_eq!(charges.total, Err(AllocationError::ZeroTotal(share)));
    assert_eq!(sheet::billing(&engine).year, Err(AllocationError::ZeroTotal(share)));
    assert_eq!(sheet::settlement(&engine).back, Err(AllocationError::ZeroTotal(share)));
    // Other edits are not refused for it, and typing a value mends it.
    engine.execute(set(EMPLOYEES, 3, Some("6600"))).unwrap();
    engine.execute(set(share, 2, Some("100"))).unwrap();
    assert_eq!(sheet::charges(&engine).rows[1].charges[2], Ok(Amount::kronor(27_453_000)), "the whole pool");
}

#[test]
fn a_missing_key_value_names_the_customer_until_it_is_typed() {
    let mut engine = engine();
    let customer = Customer {
        id: CustomerId(20),
        name: "Trafikkontoret".into(),
        kind: CustomerKind::Administration,
        active: true,
    };
    engine
        .execute(allocation(AllocationCommand::Insert { index: 3, entry: Box::new(Entry::Customer(customer)) }))
        .unwrap();
    let charges = sheet::charges(&engine);
    assert_eq!(charges.rows[3].customer.name, "Trafikkontoret");
    let missing = AllocationError::MissingValue { key: EMPLOYEES, customer: CustomerId(20) };
    assert_eq!(charges.columns[0].total, Err(missing));
    engine.execute(set(EMPLOYEES, 20, Some("0"))).unwrap();
    assert_eq!(sheet::charges(&engine).columns[0].total, Ok(Amount::kronor(339_573_000)));
}

#[test]
fn a_customer_with_a_share_cannot_be_removed_one_without_can_and_undo_brings_its_values_back() {
    let mut engine = engine();
    let refusal = Refusal::CustomerInUse {
        customer: "Miljöförvaltningen".into(),
        key: "Antal anställda".into(),
        value: Decimal::from(400),
    };
    let remove = |id| allocation(AllocationCommand::Remove(EntryId::Customer(CustomerId(id))));
    refused(&mut engine, remove(8), CommandError::Allocation(refusal));
    // The inactive, wound-up department has no values: it goes.
    engine.execute(remove(13)).unwrap();
    assert_eq!(engine.plan().customers.len(), 12);
    // A customer whose values are all zero goes too, its zeros with it.
    let zeros = engine.plan().allocation.keys.iter().flat_map(|key| {
        key.variants.iter().map(|variant| {
            let cell = KeyCell { key: KeyChoice { key: key.id, variant: variant.id }, customer: CustomerId(8) };
            (cell, Some(Decimal::ZERO))
        })
    });
    engine.execute(allocation(AllocationCommand::SetValues(zeros.collect()))).unwrap();
    let with_zeros = engine.plan().clone();
    engine.execute(remove(8)).unwrap();
    assert!(
        engine.plan().allocation.keys.iter().all(|k| k.variants.iter().all(|v| !v.values.contains_key(&CustomerId(8))))
    );
    engine.undo().unwrap();
    assert_eq!(engine.plan(), &with_zeros);
}

#[test]
fn a_rule_on_a_pool_that_does_not_exist_or_is_billed_already_is_refused() {
    let mut engine = engine();
    let mut rule = bastjanster(&engine);
    rule.pool = PoolId(99);
    let update = |rule: AllocationRule| allocation(AllocationCommand::Update(Box::new(Entry::Rule(rule))));
    refused(&mut engine, update(rule.clone()), CommandError::Allocation(Refusal::UnknownPool(PoolId(99))));
    rule.pool = PoolId(2);
    let taken =
        Refusal::PoolTaken { pool: "Digital infrastruktur, förvaltning".into(), by: "Digital infrastruktur".into() };
    refused(&mut engine, update(rule.clone()), CommandError::Allocation(taken));
    rule.pool = PoolId(1);
    rule.key = KeyChoice { key: KeyId(1), variant: VariantId(7) };
    refused(
        &mut engine,
        update(rule),
        CommandError::Allocation(Refusal::UnknownKey(KeyChoice { key: KeyId(1), variant: VariantId(7) })),
    );
}

#[test]
fn what_is_used_cannot_be_removed() {
    let mut engine = engine();
    let remove = |id| allocation(AllocationCommand::Remove(id));
    refused(
        &mut engine,
        remove(EntryId::Pool(PoolId(1))),
        CommandError::Allocation(Refusal::InUse { by: "Bastjänster".into() }),
    );
    refused(
        &mut engine,
        remove(EntryId::Key(KeyId(4))),
        CommandError::Allocation(Refusal::InUse { by: "Konsulttimmar".into() }),
    );
    // A line a pool names cannot go: the consultants of Uppdrag (line 32).
    assert_eq!(engine.plan().line(LineId(32)).unwrap().name, "Konsultkostnader Uppdrag");
    refused(
        &mut engine,
        Command::Remove(ItemId::Line(LineId(32))),
        CommandError::Allocation(Refusal::InPool { pool: "Konsulttjänster (Uppdrag)".into() }),
    );
    // Nor a department a pool selects, once no line is on it.
    let mut plan = april_2023();
    plan.lines.retain(|line| line.department != DepartmentId(1));
    let mut bare = Engine::new(plan).unwrap();
    let pool = "Bastjänster: Ekonomi, HR och Kommunikation, förvaltning".to_owned();
    refused(
        &mut bare,
        Command::Remove(ItemId::Department(DepartmentId(1))),
        CommandError::Allocation(Refusal::InPool { pool }),
    );
    // A variant a rule uses cannot be dropped from its key.
    let mut key = engine.plan().allocation.key(KeyId(1)).unwrap().clone();
    key.variants.remove(0);
    refused(
        &mut engine,
        allocation(AllocationCommand::Update(Box::new(Entry::Key(key)))),
        CommandError::Allocation(Refusal::InUse { by: "Bastjänster".into() }),
    );
    // Once the rule is gone, its pool can go.
    engine.execute(remove(EntryId::Rule(RuleId(1)))).unwrap();
    engine.execute(remove(EntryId::Pool(PoolId(1)))).unwrap();
    engine.undo().unwrap();
    engine.undo().unwrap();
    assert_eq!(engine.plan(), &april_2023());
}

#[test]
fn a_budget_edit_on_a_pool_line_moves_its_charges_and_nothing_else() {
    let mut engine = engine();
    let before = sheet::charges(&engine);
    // Line 16 is Personalkostnader Digital infrastruktur, in pool 2.
    let line = engine.plan().line(LineId(16)).unwrap();
    assert_eq!(line.name, "Personalkostnader Digital infrastruktur");
    let january = line.budget[0].checked_add(Amount::kronor(32_000)).unwrap();
    let cell = Cell { line: LineId(16), series: Series::Budget, month: Month::JANUARY };
    engine.execute(Command::SetAmounts(vec![(cell, january)])).unwrap();
    let after = sheet::charges(&engine);
    // 32 000 kr more over 32 000 computers: a krona a computer.
    assert_eq!(
        after.rows[1].charges[1],
        Ok(before.rows[1].charges[1].clone().unwrap().checked_add(Amount::kronor(12_000)).unwrap())
    );
    assert_eq!(after.rows[1].charges[0], before.rows[1].charges[0]);
}

#[test]
fn what_each_customer_pays_under_a_scenario_comes_from_its_overlay() {
    let engine = engine();
    let unchanged = engine.allocation_under(&engine.overlay(&Changes::default()).unwrap());
    assert_eq!(&unchanged, engine.allocation(), "no changes, the same allocation");
    // A scenario adds 32 000 kr to January's personnel budget of Digital
    // infrastruktur (line 16, pool 2): a krona for each of the 32 000 computers.
    let mut budget = engine.plan().line(LineId(16)).unwrap().budget;
    budget[0] = budget[0].checked_add(Amount::kronor(32_000)).unwrap();
    let changes = Changes { budgets: [(LineId(16), budget)].into(), ..Changes::default() };
    let under = engine.allocation_under(&engine.overlay(&changes).unwrap());
    let before = sheet::annual_charges(engine.plan(), engine.allocation());
    let after = sheet::annual_charges(engine.plan(), &under);
    assert_eq!(
        after[1].1,
        Ok(before[1].1.clone().unwrap().checked_add(Amount::kronor(12_000)).unwrap()),
        "12 000 computers"
    );
    assert_eq!(after[8].1, Ok(before[8].1.clone().unwrap().checked_add(Amount::kronor(400)).unwrap()), "400 computers");
}

#[test]
fn a_broken_formula_in_a_pool_is_shown_not_counted_as_zero() {
    let mut engine = engine();
    // As from a file: a formula naming a line that is not there.
    engine.execute(Command::SetFormula { line: LineId(16), formula: Some("=[Finns inte] / 2".into()) }).unwrap();
    let charges = sheet::charges(&engine);
    assert_eq!(charges.columns[1].total, Err(AllocationError::BrokenLine(LineId(16))));
}

#[test]
fn a_price_can_be_typed_and_a_derived_price_needs_a_pool() {
    let mut engine = engine();
    let mut price = engine.plan().allocation.price(PriceId(1)).unwrap().clone();
    price.price = PriceBasis::Typed { amount: Amount::kronor(1150) };
    engine.execute(allocation(AllocationCommand::Update(Box::new(Entry::Price(price.clone()))))).unwrap();
    let column = sheet::charges(&engine).columns[3].clone();
    // 6 000 h × 1 150 = 6 900 000, 37 100 over the pool of 6 862 900.
    assert_eq!((column.total, column.difference), (Ok(Amount::kronor(6_900_000)), Some(Ok(Amount::kronor(37_100)))));
    price.price = PriceBasis::Typed { amount: Amount::kronor(-1) };
    refused(
        &mut engine,
        allocation(AllocationCommand::Update(Box::new(Entry::Price(price.clone())))),
        CommandError::Allocation(Refusal::NegativePrice),
    );
    price.price = PriceBasis::Derived { rounding: Rounding::Ore };
    price.pool = None;
    refused(
        &mut engine,
        allocation(AllocationCommand::Update(Box::new(Entry::Price(price)))),
        CommandError::Allocation(Refusal::NoPool),
    );
}

#[test]
fn a_rule_in_ore_splits_to_the_ore() {
    let mut engine = engine();
    let mut rule = bastjanster(&engine);
    rule.rounding = Rounding::Ore;
    engine.execute(allocation(AllocationCommand::Update(Box::new(Entry::Rule(rule))))).unwrap();
    // 6 500 × 8 489,325 = 55 180 612,50 exactly.
    assert_eq!(sheet::charges(&engine).rows[2].charges[0], Ok("55180612.50".parse().unwrap()));
}

#[test]
fn names_are_trimmed_and_never_empty() {
    let mut engine = engine();
    let rename = |name: &str| {
        allocation(AllocationCommand::Rename { entry: EntryId::Customer(CustomerId(1)), name: name.into() })
    };
    refused(&mut engine, rename("  "), CommandError::EmptyName);
    engine.execute(rename(" Kommunstyrelsen ")).unwrap();
    assert_eq!(engine.plan().customer(CustomerId(1)).unwrap().name, "Kommunstyrelsen");
    engine.execute(allocation(AllocationCommand::Move { entry: EntryId::Customer(CustomerId(1)), to: 5 })).unwrap();
    assert_eq!(sheet::charges(&engine).rows[5].customer.name, "Kommunstyrelsen");
}

#[test]
fn an_overflowing_key_is_an_error_not_a_panic() {
    let mut engine = engine();
    let huge = "79228162514264337593543950335";
    engine.execute(set(EMPLOYEES, 1, Some(huge))).unwrap();
    engine.execute(set(EMPLOYEES, 2, Some(huge))).unwrap();
    assert_eq!(sheet::charges(&engine).columns[0].total, Err(AllocationError::Overflow));
}
