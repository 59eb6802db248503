//! Invariants of allocation and billing for any plan, any allocation set-up
//! and any sequence of allocation edits.
#![cfg(not(target_arch = "wasm32"))] // property tests run natively

use kalkyl::model::allocation::{Entry, Refusal, sheet};
use kalkyl::model::spread::{split_rounded, split_year_rounded};
use kalkyl::model::{AllocationCommand, Amount, Command, CommandError, Engine, KeyChoice, Plan, VariantId};
use proptest::prelude::*;
use rust_decimal::Decimal;

mod common;
use common::{allocated_plan, allocation_command, amount, key_value, rounding};

/// The engine's allocation equals one computed from scratch for its plan.
fn assert_same_allocation(engine: &Engine) {
    let fresh = Engine::new(engine.plan().clone()).unwrap();
    assert_eq!(engine.allocation(), fresh.allocation(), "incremental = full");
}

/// Every rule's charges and every settlement that could be computed, checked
/// against its pool: Σ charges = budget, Σ settlement = budget − actual.
fn assert_sums_are_exact(engine: &Engine) {
    let figures = engine.allocation();
    for rule in &engine.plan().allocation.rules {
        let pool = figures.pool(rule.pool).unwrap();
        let computed = figures.rule(rule.id).unwrap();
        if let Ok(charges) = &computed.charges {
            assert_eq!(Amount::checked_sum(charges.iter().copied()), Ok(pool.budget.clone().unwrap()));
        }
        if let Ok(settlement) = &computed.settlement {
            let surplus = pool.budget.clone().unwrap().checked_sub(pool.actual.clone().unwrap()).unwrap();
            assert_eq!(
                Amount::checked_sum(settlement.iter().copied()),
                Ok(surplus),
                "re-settlement sums to the surplus"
            );
        }
    }
}

proptest! {
    #![proptest_config(common::config("allocation_properties"))]

    #[test]
    fn shares_sum_exactly_to_the_pool_and_none_is_a_step_from_its_exact_value(
        total in amount(),
        weights in prop::collection::vec(key_value(), 1..60),
        rounding in rounding(),
    ) {
        let sum: Decimal = weights.iter().sum();
        prop_assume!(sum > Decimal::ZERO);
        // No share can be larger than the total, so none leaves the range of amounts.
        let parts = split_rounded(total, &weights, rounding).unwrap();
        prop_assert_eq!(Amount::checked_sum(parts.iter().copied()).unwrap(), total);
        let step = Decimal::from(rounding.ore()) / Decimal::ONE_HUNDRED;
        for (part, weight) in parts.iter().zip(&weights) {
            // |part − total × weight / sum| < step, compared without rounding: × sum.
            let gap = (part.decimal() * sum - total.decimal() * *weight).abs();
            prop_assert!(gap < step * sum, "{} for weight {}", part, weight);
        }
    }

    #[test]
    fn monthly_billing_sums_exactly_to_the_annual_charge(total in amount(), rounding in rounding()) {
        let months = split_year_rounded(total, rounding).unwrap();
        prop_assert_eq!(Amount::checked_sum(months).unwrap(), total);
    }

    #[test]
    fn every_sheet_adds_up(plan in allocated_plan()) {
        let engine = Engine::new(plan).unwrap();
        assert_sums_are_exact(&engine);
        let billing = sheet::billing(&engine);
        for row in &billing.rows {
            if let (Ok(months), Ok(year)) = (&row.months, &row.year) {
                prop_assert_eq!(Amount::checked_sum(*months).unwrap(), *year, "the twelve months are the year");
            }
        }
        let charges = sheet::charges(&engine);
        for column in &charges.columns {
            if let (Some(Ok(pool)), Ok(total)) = (&column.pool, &column.total)
                && matches!(column.source, sheet::Source::Rule(_))
            {
                prop_assert_eq!(pool, total, "Σ = pool for {}", column.name);
            }
        }
        let settlement = sheet::settlement(&engine);
        if let (Ok(back), false) = (&settlement.back, settlement.rows.is_empty()) {
            let surplus: Vec<Amount> = settlement.services.iter().map(|s| s.surplus.clone().unwrap()).collect();
            prop_assert_eq!(Amount::checked_sum(surplus).unwrap(), *back, "paid back = Σ surplus");
            let to_customers = settlement.result.last().unwrap().to_customers.clone().unwrap();
            prop_assert_eq!(Amount::ZERO.checked_sub(*back).unwrap(), to_customers, "the result shows it");
        }
    }

    #[test]
    fn switching_variants_and_back_restores_every_charge(plan in allocated_plan(), other in 1u32..=2) {
        let mut engine = Engine::new(plan).unwrap();
        let before = sheet::charges(&engine);
        let mut rule = engine.plan().allocation.rules[0].clone();
        let original = rule.key;
        rule.key = KeyChoice { variant: VariantId(other), ..rule.key };
        let switch = |rule| Command::Allocation(AllocationCommand::Update(Box::new(Entry::Rule(rule))));
        if engine.execute(switch(rule.clone())).is_ok() {
            let comparison = sheet::compare_keys(&engine, rule.id, original, rule.key);
            if let Ok(comparison) = comparison {
                prop_assert_eq!(comparison.total_a, comparison.total_b, "both keys split the same pool");
            }
            rule.key = original;
            match engine.execute(switch(rule)) {
                Ok(()) => prop_assert_eq!(sheet::charges(&engine), before),
                // Switching to a variant that sums to zero is refused, so
                // switching back to one that did from the start is too.
                Err(CommandError::Allocation(Refusal::ZeroTotal { .. })) => {}
                Err(other) => prop_assert!(false, "switching back refused: {:?}", other),
            }
        }
    }

    #[test]
    fn allocation_edits_recompute_incrementally_and_undo_restores_the_plan(
        plan in allocated_plan(),
        commands in prop::collection::vec(allocation_command(), 0..16),
    ) {
        let mut engine = Engine::new(plan.clone()).unwrap();
        let mut applied = 0;
        for command in commands {
            let before: Plan = engine.plan().clone();
            match engine.execute(command) {
                Ok(()) => applied += 1,
                Err(_) => prop_assert_eq!(engine.plan(), &before, "a refused command changes nothing"),
            }
            assert_same_allocation(&engine);
            assert_sums_are_exact(&engine);
        }
        let after = engine.plan().clone();
        for _ in 0..applied {
            prop_assert!(engine.undo().unwrap());
            assert_same_allocation(&engine);
        }
        prop_assert_eq!(engine.plan(), &plan);
        for _ in 0..applied {
            prop_assert!(engine.redo().unwrap());
        }
        prop_assert_eq!(engine.plan(), &after);
        assert_same_allocation(&engine);
    }
}
