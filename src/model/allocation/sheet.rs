//! The allocation as the views show it: each function a pure function of the
//! engine's state, giving rows and columns ready for a grid, with the totals
//! computed here (never by a view) and every error in each figure it reaches.
//!
//! - [`keys`]: customers × key variants (Kunder och nycklar).
//! - [`charges`]: customers × services, with the Σ = pool check (Fördelning);
//!   [`charge_detail`] drills from one charge to its key value and share.
//! - [`billing`]: customers × months (Fakturering).
//! - [`settlement`]: per service and per customer, and the result before and
//!   after it per department (Återreglering).
//! - [`compare_keys`]: one rule under two key variants (Nyckeljämförelse).

use rust_decimal::Decimal;

use super::calc::{AllocationCalc, AllocationError, Figure, Shares, positive_total, weights};
use super::{CustomerId, CustomerKind, KeyChoice, PriceId, RuleId};
use crate::model::amount::Amount;
use crate::model::calc::{Group, Row};
use crate::model::engine::Engine;
use crate::model::period::{Monthly, Span};
use crate::model::plan::{DepartmentId, Plan, Series};
use crate::model::spread::{Rounding, split_year_rounded};

/// The checked sum of `figures`, or the first error among them.
fn sum(figures: impl IntoIterator<Item = Figure>) -> Figure {
    figures.into_iter().try_fold(Amount::ZERO, |total, figure| Ok(total.checked_add(figure?)?))
}

/// The `index`th amount of `shares` (one per active customer), or its error.
fn share(shares: &Shares, index: usize) -> Figure {
    match shares {
        // Shares have one amount per active customer, so the index is always there.
        Ok(shares) => Ok(shares.get(index).copied().unwrap_or_default()),
        Err(error) => Err(error.clone()),
    }
}

/// A customer as a row shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerHead {
    pub id: CustomerId,
    pub name: String,
    pub kind: CustomerKind,
}

/// The active customers as row heads, in customer order.
fn heads(plan: &Plan, figures: &AllocationCalc) -> Vec<CustomerHead> {
    let customer =
        |id: &CustomerId| plan.customer(*id).map(|c| CustomerHead { id: *id, name: c.name.clone(), kind: c.kind });
    figures.customers().iter().filter_map(customer).collect()
}

/// A column of the customers × keys grid: one key variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyColumn {
    pub key: KeyChoice,
    /// The key's name.
    pub name: String,
    /// The variant's name.
    pub variant: String,
    /// The key's unit: "st", "%".
    pub unit: String,
    /// The total over the active customers, or why a rule could not divide
    /// by it (a value missing, a zero total).
    pub total: Result<Decimal, AllocationError>,
}

/// A row of the customers × keys grid: a customer, active or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyRow {
    pub customer: CustomerHead,
    pub active: bool,
    /// One value per column; `None` where none is given.
    pub values: Vec<Option<Decimal>>,
}

/// Customers × key variants (Kunder och nycklar); typing in a cell is a
/// [`super::AllocationCommand::SetValues`] of its `KeyCell`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeySheet {
    pub columns: Vec<KeyColumn>,
    pub rows: Vec<KeyRow>,
}

/// Every customer × every key variant, in list order.
pub fn keys(plan: &Plan) -> KeySheet {
    let active: Vec<CustomerId> = plan.active_customers().map(|customer| customer.id).collect();
    let mut columns = Vec::new();
    for key in &plan.allocation.keys {
        for variant in &key.variants {
            let choice = KeyChoice { key: key.id, variant: variant.id };
            let total = weights(plan, choice, &active).and_then(|weights| positive_total(&weights, choice));
            let (name, unit) = (key.name.clone(), key.unit.clone());
            columns.push(KeyColumn { key: choice, name, variant: variant.name.clone(), unit, total });
        }
    }
    let rows = plan.customers.iter().map(|customer| KeyRow {
        customer: CustomerHead { id: customer.id, name: customer.name.clone(), kind: customer.kind },
        active: customer.active,
        values: columns
            .iter()
            .map(|column| plan.allocation.variant(column.key).and_then(|v| v.values.get(&customer.id).copied()))
            .collect(),
    });
    KeySheet { rows: rows.collect(), columns }
}

/// What a column of charges bills: a rule's pool or a price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    Rule(RuleId),
    Price(PriceId),
}

/// A service's column of charges with its check against the pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChargeColumn {
    pub source: Source,
    pub name: String,
    /// The pool's budget, when the service has a pool.
    pub pool: Option<Figure>,
    /// The sum of the column's charges.
    pub total: Figure,
    /// Σ − pool: zero for a rule ("Σ = pool, differens 0 kr"), the rounding
    /// difference of a price.
    pub difference: Option<Figure>,
    /// Each active customer's charge, in customer order.
    charges: Shares,
}

/// A customer's charges, one per column, and its annual total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChargeRow {
    pub customer: CustomerHead,
    pub charges: Vec<Figure>,
    pub total: Figure,
}

/// Customers × services: what each active customer pays a year (Fördelning).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChargeSheet {
    pub columns: Vec<ChargeColumn>,
    pub rows: Vec<ChargeRow>,
    /// Everything billed.
    pub total: Figure,
}

/// The charges of every active customer for every rule, then every price.
pub fn charges(engine: &Engine) -> ChargeSheet {
    charges_of(engine.plan(), engine.allocation())
}

/// [`charges`] from `figures` of `plan`: the engine's, or those under a
/// scenario ([`Engine::allocation_under`]).
pub fn charges_of(plan: &Plan, figures: &AllocationCalc) -> ChargeSheet {
    let column = |source: Source, name: &str, pool: Option<Figure>, charges: Shares| {
        let total = charges.clone().and_then(|charges| sum(charges.into_iter().map(Ok)));
        let difference = pool.clone().map(|pool| Ok(total.clone()?.checked_sub(pool?)?));
        ChargeColumn { source, name: name.to_owned(), pool, total, difference, charges }
    };
    let mut columns = Vec::new();
    for rule in &plan.allocation.rules {
        let charges = figures.rule(rule.id).map_or(Err(AllocationError::UnknownRule(rule.id)), |f| f.charges.clone());
        columns.push(column(Source::Rule(rule.id), &rule.name, Some(figures.pool_budget(rule.pool)), charges));
    }
    for price in &plan.allocation.prices {
        let pool = price.pool.map(|pool| figures.pool_budget(pool));
        let charges =
            figures.price(price.id).map_or(Err(AllocationError::UnknownPrice(price.id)), |f| f.charges.clone());
        columns.push(column(Source::Price(price.id), &price.name, pool, charges));
    }
    let rows = heads(plan, figures).into_iter().enumerate().map(|(i, customer)| {
        let charges: Vec<Figure> = columns.iter().map(|column| share(&column.charges, i)).collect();
        ChargeRow { customer, total: sum(charges.iter().cloned()), charges }
    });
    let total = sum(columns.iter().map(|column| column.total.clone()));
    ChargeSheet { rows: rows.collect(), columns, total }
}

/// What each active customer pays a year for every service, from `figures`
/// of `plan`: with [`Engine::allocation_under`], what a scenario's measures
/// do to each customer's charge.
pub fn annual_charges(plan: &Plan, figures: &AllocationCalc) -> Vec<(CustomerId, Figure)> {
    charges_of(plan, figures).rows.into_iter().map(|row| (row.customer.id, row.total)).collect()
}

/// How one charge came about: the pool × the customer's value ÷ the key
/// total, then rounded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChargeDetail {
    pub pool: Amount,
    pub key: KeyChoice,
    pub value: Decimal,
    pub total: Decimal,
    /// value ÷ total.
    pub share: Decimal,
    /// pool × share, before rounding.
    pub exact: Decimal,
    pub rounding: Rounding,
    /// What the customer is charged: `exact` rounded so that the rule's
    /// charges sum exactly to the pool.
    pub charge: Amount,
}

/// The detail behind `customer`'s charge for `rule`.
pub fn charge_detail(engine: &Engine, rule: RuleId, customer: CustomerId) -> Result<ChargeDetail, AllocationError> {
    let plan = engine.plan();
    let figures = engine.allocation();
    let found = plan.allocation.rule(rule).ok_or(AllocationError::UnknownRule(rule))?;
    let index = figures.customers().iter().position(|c| *c == customer).ok_or(AllocationError::Inactive(customer))?;
    let charges = figures.rule(rule).ok_or(AllocationError::UnknownRule(rule))?.charges.clone();
    let charge = share(&charges, index)?;
    let pool = figures.pool_budget(found.pool)?;
    let values = weights(plan, found.key, figures.customers())?;
    let total = positive_total(&values, found.key)?;
    let value = values[index];
    let share = value.checked_div(total).ok_or(AllocationError::Overflow)?;
    let exact =
        pool.decimal().checked_mul(value).and_then(|p| p.checked_div(total)).ok_or(AllocationError::Overflow)?;
    let (share, exact) = (share.normalize(), exact.normalize());
    Ok(ChargeDetail { pool, key: found.key, value, total, share, exact, rounding: found.rounding, charge })
}

/// A customer's monthly billing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BillingRow {
    pub customer: CustomerHead,
    /// 1/12 of the annual charge a month, in whole kronor, the first months
    /// taking the kronor left over; summing exactly to `year`.
    pub months: Result<Monthly, AllocationError>,
    pub year: Figure,
}

/// Customers × months (Fakturering), with the total of each month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BillingSheet {
    pub rows: Vec<BillingRow>,
    pub months: [Figure; 12],
    pub year: Figure,
}

/// What each active customer is invoiced each month.
pub fn billing(engine: &Engine) -> BillingSheet {
    let rows: Vec<BillingRow> = charges(engine)
        .rows
        .into_iter()
        .map(|row| {
            let months = row
                .total
                .clone()
                .and_then(|year| split_year_rounded(year, Rounding::Krona).map_err(|_| AllocationError::Overflow));
            BillingRow { customer: row.customer, months, year: row.total }
        })
        .collect();
    let month = |i: usize| sum(rows.iter().map(|row| row.months.clone().map(|months| months[i])));
    let months = std::array::from_fn(month);
    let year = sum(rows.iter().map(|row| row.year.clone()));
    BillingSheet { rows, months, year }
}

/// The re-settlement of one rule's service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceSettlement {
    pub rule: RuleId,
    pub name: String,
    /// What the customers were billed: the pool's budget.
    pub billed: Figure,
    /// The pool's actual cost: the full-year forecast, the outcome once the year is closed.
    pub actual: Figure,
    /// billed − actual: paid back when positive, charged when negative.
    pub surplus: Figure,
}

/// A customer's re-settlement over every rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerSettlement {
    pub customer: CustomerHead,
    pub billed: Figure,
    /// Its share of the actual cost: billed − back.
    pub actual: Figure,
    /// Paid back to the customer (positive) or charged (negative).
    pub back: Figure,
}

/// A department's result before and after the re-settlement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultRow {
    /// `None` for the whole plan.
    pub department: Option<DepartmentId>,
    pub name: String,
    /// Resultat innan återreglering: the full-year forecast's result.
    pub before: Figure,
    /// Återreglering till kund: minus what the department's lines in the
    /// allocated pools came in under budget (plus when over).
    pub to_customers: Figure,
    /// Resultat: before + to_customers.
    pub after: Figure,
}

/// The year-end re-settlement (Återreglering).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettlementSheet {
    pub services: Vec<ServiceSettlement>,
    pub rows: Vec<CustomerSettlement>,
    /// Σ billed, Σ actual and Σ back over every customer.
    pub billed: Figure,
    pub actual: Figure,
    pub back: Figure,
    /// Every department, then the whole plan.
    pub result: Vec<ResultRow>,
}

/// The re-settlement of every rule, per service, per customer and in the result.
pub fn settlement(engine: &Engine) -> SettlementSheet {
    let plan = engine.plan();
    let figures = engine.allocation();
    let rules: Vec<_> = plan.allocation.rules.iter().map(|rule| (rule, figures.rule(rule.id))).collect();
    let services = rules.iter().map(|(rule, _)| {
        let pool = figures.pool(rule.pool);
        let billed = pool.map_or(Err(AllocationError::UnknownPool(rule.pool)), |pool| pool.budget.clone());
        let actual = pool.map_or(Err(AllocationError::UnknownPool(rule.pool)), |pool| pool.actual.clone());
        let surplus = billed.clone().and_then(|billed| Ok(billed.checked_sub(actual.clone()?)?));
        ServiceSettlement { rule: rule.id, name: rule.name.clone(), billed, actual, surplus }
    });
    let rows: Vec<CustomerSettlement> = heads(plan, figures)
        .into_iter()
        .enumerate()
        .map(|(i, customer)| {
            let of = |pick: fn(&super::calc::RuleFigures) -> &Shares| {
                sum(rules
                    .iter()
                    .map(|(rule, f)| f.ok_or(AllocationError::UnknownRule(rule.id)).and_then(|f| share(pick(f), i))))
            };
            let billed = of(|f| &f.charges);
            let back = of(|f| &f.settlement);
            let actual = billed.clone().and_then(|billed| Ok(billed.checked_sub(back.clone()?)?));
            CustomerSettlement { customer, billed, actual, back }
        })
        .collect();
    SettlementSheet {
        services: services.collect(),
        billed: sum(rows.iter().map(|row| row.billed.clone())),
        actual: sum(rows.iter().map(|row| row.actual.clone())),
        back: sum(rows.iter().map(|row| row.back.clone())),
        rows,
        result: result(engine),
    }
}

/// Every department's result before and after re-settlement, then the plan's.
fn result(engine: &Engine) -> Vec<ResultRow> {
    let plan = engine.plan();
    let row = |department: Option<DepartmentId>, name: &str| {
        let group = department.map_or(Group::All, Group::Department);
        let before = engine.value(Row::Result(group), Series::Forecast, Span::FullYear).map_err(AllocationError::from);
        let to_customers = paid_back(engine, department).and_then(|back| Ok(Amount::ZERO.checked_sub(back)?));
        let after = before.clone().and_then(|before: Amount| Ok(before.checked_add(to_customers.clone()?)?));
        ResultRow { department, name: name.to_owned(), before, to_customers, after }
    };
    let departments = plan.departments.iter().map(|d| row(Some(d.id), &d.name));
    departments.chain([row(None, &plan.name)]).collect()
}

/// What the allocated pools' lines of `department` (or of every department)
/// came in under budget for the full year: the surplus paid back for them.
fn paid_back(engine: &Engine, department: Option<DepartmentId>) -> Figure {
    let plan = engine.plan();
    let figures = engine.allocation();
    let mut total = Amount::ZERO;
    for rule in &plan.allocation.rules {
        figures.rule(rule.id).ok_or(AllocationError::UnknownRule(rule.id))?.settlement.clone()?;
        let pool = figures.pool(rule.pool).ok_or(AllocationError::UnknownPool(rule.pool))?;
        let lines = pool.lines.iter().filter_map(|id| plan.line(*id));
        for line in lines.filter(|line| department.is_none_or(|d| line.department == d)) {
            let budget = engine.value(Row::Line(line.id), Series::Budget, Span::FullYear)?;
            let actual = engine.value(Row::Line(line.id), Series::Forecast, Span::FullYear)?;
            total = total.checked_add(budget.checked_sub(actual)?)?;
        }
    }
    Ok(total)
}

/// A customer's charge for a rule under two key variants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComparisonRow {
    pub customer: CustomerHead,
    pub a: Amount,
    pub b: Amount,
    /// b − a.
    pub difference: Amount,
    /// The difference in % of `a`, unrounded; `None` when `a` is zero.
    pub percent: Option<Decimal>,
}

/// One rule under key variant `a` and `b` (Nyckeljämförelse): both split the
/// same pool, so the totals are equal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyComparison {
    pub a: KeyChoice,
    pub b: KeyChoice,
    /// Largest difference first (either sign), ties in customer order.
    pub rows: Vec<ComparisonRow>,
    pub total_a: Amount,
    pub total_b: Amount,
}

/// What every active customer would pay for `rule` under `a` and under `b`.
pub fn compare_keys(
    engine: &Engine,
    rule: RuleId,
    a: KeyChoice,
    b: KeyChoice,
) -> Result<KeyComparison, AllocationError> {
    let plan = engine.plan();
    let figures = engine.allocation();
    let rule = plan.allocation.rule(rule).ok_or(AllocationError::UnknownRule(rule))?;
    let under_a = figures.split(plan, rule.pool, a, rule.rounding)?;
    let under_b = figures.split(plan, rule.pool, b, rule.rounding)?;
    let mut rows = Vec::with_capacity(under_a.len());
    for ((customer, a), b) in heads(plan, figures).into_iter().zip(&under_a).zip(&under_b) {
        let difference = b.checked_sub(*a)?;
        let percent = (!a.is_zero())
            .then(|| difference.decimal().checked_mul(Decimal::ONE_HUNDRED)?.checked_div(a.decimal()))
            .flatten();
        rows.push(ComparisonRow { customer, a: *a, b: *b, difference, percent });
    }
    rows.sort_by_key(|row| std::cmp::Reverse(row.difference.decimal().abs()));
    let total = |amounts: Vec<Amount>| Amount::checked_sum(amounts);
    Ok(KeyComparison { a, b, rows, total_a: total(under_a)?, total_b: total(under_b)? })
}
