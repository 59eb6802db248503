//! The allocation pages against the engine's figures of the example.

use rust_decimal::Decimal;

use super::{AllocationPage, Comparison};
use crate::model::allocation::sheet::{billing, charges, settlement};
use crate::model::allocation::{AllocationCommand, KeyCell};
use crate::model::example::april_2023;
use crate::model::{Amount, Command, Engine, Unit};
use crate::ui::grid::{At, Content, Fmt, SheetRef};
use crate::ui::i18n::Lang;

const KR: Fmt = Fmt { unit: Unit::Kr, lang: Lang::Sv };

fn example() -> Engine {
    Engine::new(april_2023()).unwrap()
}

/// The cell of the row and column with these keys.
fn at(sheet: &SheetRef, row: &str, col: &str) -> At {
    let row = sheet.rows().iter().position(|r| r.key == row).unwrap_or_else(|| panic!("row {row}"));
    At { row, col: sheet.columns().iter().position(|c| c.key == col).unwrap_or_else(|| panic!("column {col}")) }
}

fn content(engine: &Engine, sheet: &SheetRef, row: &str, col: &str) -> Content {
    sheet.show(engine, at(sheet, row, col), KR).content
}

#[test]
fn every_charge_is_the_engines_and_each_rule_sums_to_its_pool() {
    let engine = example();
    let sheet = AllocationPage::Charges.sheet(&engine, Lang::Sv);
    let figures = charges(&engine);
    assert_eq!(sheet.columns().len(), figures.columns.len() + 1);
    for (c, column) in figures.columns.iter().enumerate() {
        let key = &sheet.columns()[c].key;
        for row in &figures.rows {
            let shown = content(&engine, &sheet, &format!("customer-{}", row.customer.id.0), key);
            assert_eq!(shown, Content::Amount(row.charges[c].clone().unwrap()));
        }
        assert_eq!(content(&engine, &sheet, "total", key), Content::Amount(column.total.clone().unwrap()));
        if key.starts_with("rule-") {
            assert_eq!(content(&engine, &sheet, "pool", key), content(&engine, &sheet, "total", key));
            assert_eq!(content(&engine, &sheet, "check", key), Content::Text("Σ = pool, differens 0 kr".into()));
        }
    }
    assert_eq!(content(&engine, &sheet, "total", "total"), Content::Amount(figures.total.clone().unwrap()));
    let first = format!("customer-{}", figures.rows[0].customer.id.0);
    let title = sheet.show(&engine, at(&sheet, &first, "rule-1"), KR).title.unwrap();
    assert!(title.contains("pool") && title.contains("andel"), "{title}");
}

#[test]
fn a_key_value_is_typed_swedish_or_english_and_bad_text_is_refused() {
    let mut engine = example();
    let sheet = AllocationPage::Keys.sheet(&engine, Lang::Sv);
    let cell = at(&sheet, "customer-1", "key-1-1");
    assert_eq!(sheet.show(&engine, cell, KR).content, Content::Number { value: Decimal::from(1200), decimals: 0 });
    let entry = sheet.enter(&engine, cell, "1 250,5", KR).unwrap();
    let key = engine.plan().allocation.keys[0].id;
    let variant = engine.plan().allocation.keys[0].variants[0].id;
    let expected =
        KeyCell { key: crate::model::allocation::KeyChoice { key, variant }, customer: engine.plan().customers[0].id };
    let command = Command::Allocation(AllocationCommand::SetValues(vec![(expected, Some(Decimal::new(12505, 1)))]));
    assert_eq!(entry.command, command);
    assert_eq!(sheet.enter(&engine, cell, "1250.5", KR).unwrap().command, command);
    assert_eq!(sheet.enter(&engine, cell, "tolv", KR).unwrap_err(), "”tolv” är inte ett tal.");
    assert!(sheet.enter(&engine, cell, "-5", KR).unwrap_err().contains("kan inte vara negativt"));
    assert!(sheet.enter(&engine, at(&sheet, "total", "key-1-1"), "5", KR).is_err());

    let charges_sheet = AllocationPage::Charges.sheet(&engine, Lang::Sv);
    let before = content(&engine, &charges_sheet, "customer-1", "rule-1");
    engine.execute(command).unwrap();
    let after = content(&engine, &charges_sheet, "customer-1", "rule-1");
    assert_ne!(before, after, "the customer's charge follows its key value");
    assert_eq!(content(&engine, &charges_sheet, "check", "rule-1"), Content::Text("Σ = pool, differens 0 kr".into()));
}

#[test]
fn type_and_activity_are_chosen_from_a_list() {
    let engine = example();
    let sheet = AllocationPage::Keys.sheet(&engine, Lang::Sv);
    assert_eq!(content(&engine, &sheet, "customer-9", "kind"), Content::Text("Bolag".into()));
    let entry = sheet.enter(&engine, at(&sheet, "customer-1", "active"), "nej", KR).unwrap();
    let Command::Allocation(AllocationCommand::Update(entry)) = entry.command else { panic!("an update") };
    assert!(matches!(*entry, crate::model::allocation::Entry::Customer(ref c) if !c.active));
    assert!(sheet.enter(&engine, at(&sheet, "customer-1", "kind"), "Kommun", KR).unwrap_err().contains("Förvaltning"));
}

#[test]
fn a_missing_key_value_is_an_error_in_every_total_it_reaches() {
    let mut plan = april_2023();
    let customer = plan.customers[0].id;
    plan.allocation.keys[0].variants[0].values.remove(&customer);
    let engine = Engine::new(plan).unwrap();
    let keys = AllocationPage::Keys.sheet(&engine, Lang::Sv);
    assert!(matches!(content(&engine, &keys, "total", "key-1-1"), Content::Error(_)));
    let sheet = AllocationPage::Charges.sheet(&engine, Lang::Sv);
    for (row, col) in [("customer-2", "rule-1"), ("total", "rule-1"), ("customer-2", "total"), ("total", "total")] {
        let shown = sheet.show(&engine, at(&sheet, row, col), KR);
        assert_eq!(shown.content, Content::Error("#FEL".into()), "{row} {col}");
        assert!(shown.title.unwrap().contains("saknar värde"));
    }
    let billing = AllocationPage::Billing.sheet(&engine, Lang::Sv);
    assert!(matches!(content(&engine, &billing, "total", "year"), Content::Error(_)));
}

#[test]
fn billing_months_sum_to_the_year_in_whole_kronor() {
    let engine = example();
    let sheet = AllocationPage::Billing.sheet(&engine, Lang::Sv);
    let figures = billing(&engine);
    for row in figures.rows.iter().map(|r| format!("customer-{}", r.customer.id.0)).chain(["total".to_owned()]) {
        let amount = |col: &str| match content(&engine, &sheet, &row, col) {
            Content::Amount(amount) => amount,
            other => panic!("{other:?}"),
        };
        let months: Vec<Amount> = (1..=12).map(|m| amount(&format!("m{m}"))).collect();
        assert!(months.iter().all(|m| m.decimal().fract().is_zero()));
        assert_eq!(Amount::checked_sum(months).unwrap(), amount("year"), "{row}");
    }
    assert_eq!(content(&engine, &sheet, "total", "year"), Content::Amount(figures.year.unwrap()));
}

#[test]
fn the_settlement_shows_the_engines_figures_and_the_result_rows() {
    let engine = example();
    let sheet = AllocationPage::Settlement.sheet(&engine, Lang::Sv);
    let figures = settlement(&engine);
    let service = &figures.services[0];
    let rule = format!("rule-{}", service.rule.0);
    assert_eq!(content(&engine, &sheet, &rule, "third"), Content::Amount(service.surplus.clone().unwrap()));
    assert_eq!(content(&engine, &sheet, "customers-total", "third"), Content::Amount(figures.back.clone().unwrap()));
    assert_eq!(
        content(&engine, &sheet, "services-total", "third"),
        content(&engine, &sheet, "customers-total", "third")
    );
    assert_eq!(content(&engine, &sheet, "result", "first"), Content::Text("Resultat innan återreglering".into()));
    assert_eq!(content(&engine, &sheet, "result", "second"), Content::Text("Återreglering till kund".into()));
    let plan = figures.result.last().unwrap();
    assert_eq!(content(&engine, &sheet, "plan", "third"), Content::Amount(plan.after.clone().unwrap()));
}

#[test]
fn the_key_comparison_has_equal_totals_and_the_largest_difference_first() {
    let engine = example();
    let sheet = AllocationPage::Comparison(Comparison::FIRST).sheet(&engine, Lang::Sv);
    assert!(sheet.columns()[1].label.contains("exkl. säsongsanställda"), "{}", sheet.columns()[1].label);
    assert_eq!(content(&engine, &sheet, "total", "a"), content(&engine, &sheet, "total", "b"));
    assert_eq!(content(&engine, &sheet, "total", "difference"), Content::Amount(Amount::ZERO));
    assert_eq!(sheet.rows()[0].label, "Stadens Nöjespark AB", "the seasonal company moves most");
}

#[test]
fn the_price_list_shows_the_derived_price_and_its_rounding_difference() {
    let engine = example();
    let sheet = AllocationPage::Prices.sheet(&engine, Lang::Sv);
    let row = sheet.rows()[0].key.clone();
    assert!(matches!(content(&engine, &sheet, &row, "basis"), Content::Text(ref t) if t.starts_with("Pool ÷ volym")));
    let price = content(&engine, &sheet, &row, "price");
    assert!(matches!(price, Content::Number { .. }));
    assert!(matches!(content(&engine, &sheet, &row, "difference"), Content::Amount(_)));
    assert!(sheet.enter(&engine, at(&sheet, &row, "price"), "-1", KR).unwrap_err().contains("negativt"));
    assert!(sheet.enter(&engine, at(&sheet, &row, "price"), "850,50", KR).is_ok());
}

#[test]
fn the_shown_page_exports_to_csv() {
    let engine = example();
    let csv = crate::export::csv(&engine, crate::ui::sheet::View::Allocation(AllocationPage::Charges), Lang::Sv);
    assert!(csv.contains("Σ = pool, differens 0 kr"));
    assert!(csv.lines().nth(1).unwrap().starts_with("Fördelningsnyckel;"));
}
