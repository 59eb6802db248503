//! The computed allocation: every pool's amounts, every rule's charges and
//! re-settlement and every price's charges, a pure function of the plan and
//! its figures ([`Calc`]), kept up to date incrementally: after an edit only
//! the pools whose lines changed and the rules and prices whose pool, key or
//! own set-up changed are recomputed (a property test checks that this
//! equals a full computation).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use rust_decimal::Decimal;

use super::{AllocationRule, CustomerId, KeyChoice, KeyId, PoolId, Price, PriceBasis, PriceId, RuleId};
use crate::model::amount::{Amount, Overflow};
use crate::model::calc::{Calc, Overlay, Recomputed, Row};
use crate::model::command::Touched;
use crate::model::forecast::to_ore;
use crate::model::period::Monthly;
use crate::model::plan::{Kind, LineId, Plan, Series};
use crate::model::spread::{Rounding, SplitError, split_rounded};

/// Why a figure of the allocation cannot be computed. It is shown wherever
/// the figure is used, never counted as zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AllocationError {
    /// The rule or price names a pool the plan lacks.
    UnknownPool(PoolId),
    /// The plan has no such rule.
    UnknownRule(RuleId),
    /// The plan has no such price.
    UnknownPrice(PriceId),
    /// The customer is not active, so it is not charged.
    Inactive(CustomerId),
    /// The rule or price names a key or variant the plan lacks.
    UnknownKey(KeyChoice),
    /// An active customer has no value in the key variant.
    MissingValue { key: KeyChoice, customer: CustomerId },
    /// The values of the active customers in the key variant sum to zero:
    /// there is no proportion to follow.
    ZeroTotal(KeyChoice),
    /// A line of the pool has a formula that cannot be computed.
    BrokenLine(LineId),
    /// A derived price names no pool to derive it from.
    NoPool,
    /// The rule billed nothing, so its surplus has nothing to follow.
    NothingBilled,
    /// A figure leaves the range of exact amounts.
    Overflow,
}

impl From<Overflow> for AllocationError {
    fn from(_: Overflow) -> AllocationError {
        AllocationError::Overflow
    }
}

/// An amount of the allocation, or why it cannot be computed.
pub type Figure = Result<Amount, AllocationError>;

/// One amount per active customer, in customer order, or why there are none.
pub type Shares = Result<Vec<Amount>, AllocationError>;

/// What an edit changed in the allocation set-up, for recalculation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AllocationTouched {
    /// Customers were added, removed, moved, activated or deactivated:
    /// every share changes (the customer order breaks ties).
    pub all: bool,
    /// Keys whose values or variants changed.
    pub keys: Vec<KeyId>,
    /// Pools added, removed or given another selection.
    pub pools: Vec<PoolId>,
    pub rules: Vec<RuleId>,
    pub prices: Vec<PriceId>,
}

impl AllocationTouched {
    pub(crate) fn merge(&mut self, other: AllocationTouched) {
        self.all |= other.all;
        self.keys.extend(other.keys);
        self.pools.extend(other.pools);
        self.rules.extend(other.rules);
        self.prices.extend(other.prices);
    }
}

/// The figures pools take their amounts from: the plan's ([`Calc`]), or a
/// scenario's on top of them ([`Overlaid`]).
pub trait LineFigures {
    /// The monthly figures of `series` on `line`.
    fn months(&self, line: LineId, series: Series) -> Result<Monthly, Overflow>;
    /// Whether the formula of `line` cannot be computed.
    fn broken(&self, line: LineId) -> bool;
}

impl LineFigures for Calc {
    fn months(&self, line: LineId, series: Series) -> Result<Monthly, Overflow> {
        Calc::months(self, Row::Line(line), series)
    }

    fn broken(&self, line: LineId) -> bool {
        self.formula_error(line).is_some()
    }
}

/// The plan's figures with a scenario's [`Overlay`] on top.
pub struct Overlaid<'a> {
    pub base: &'a Calc,
    pub overlay: &'a Overlay,
}

impl LineFigures for Overlaid<'_> {
    fn months(&self, line: LineId, series: Series) -> Result<Monthly, Overflow> {
        self.overlay.months(self.base, Row::Line(line), series)
    }

    fn broken(&self, line: LineId) -> bool {
        self.overlay.formula_error(self.base, line).is_some()
    }
}

/// The amounts of a pool, from the plan's cost lines it selects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoolFigures {
    /// The cost lines selected, in plan order.
    pub lines: Vec<LineId>,
    /// The full-year budget: what the customers are charged.
    pub budget: Figure,
    /// The full-year forecast (the outcome once the year is closed): the
    /// actual cost at re-settlement.
    pub actual: Figure,
}

/// The results of a rule, one amount per active customer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleFigures {
    /// The annual charge (årsavgift) of each customer: the pool's budget split by the key.
    pub charges: Shares,
    /// Each customer's part of the surplus (positive: paid back) or of the
    /// deficit (negative: charged), in proportion to its charge.
    pub settlement: Shares,
}

/// The results of a price.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceFigures {
    /// The price per unit, typed or derived.
    pub price: Figure,
    /// Each active customer's volume × price, to the öre.
    pub charges: Shares,
}

/// The computed allocation of a plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AllocationCalc {
    /// The active customers, in customer order: what every share follows.
    customers: Vec<CustomerId>,
    pools: BTreeMap<PoolId, PoolFigures>,
    rules: BTreeMap<RuleId, RuleFigures>,
    prices: BTreeMap<PriceId, PriceFigures>,
}

impl AllocationCalc {
    /// Computes the whole allocation of `plan` from its figures (or a
    /// scenario's: its set-up and customers are the plan's).
    pub fn full(plan: &Plan, calc: &impl LineFigures) -> AllocationCalc {
        let customers = plan.active_customers().map(|customer| customer.id).collect();
        let mut out = AllocationCalc { customers, ..AllocationCalc::default() };
        for pool in &plan.allocation.pools {
            out.pools.insert(pool.id, pool_figures(plan, calc, pool.id));
        }
        for rule in &plan.allocation.rules {
            out.rules.insert(rule.id, out.rule_figures(plan, rule));
        }
        for price in &plan.allocation.prices {
            out.prices.insert(price.id, out.price_figures(plan, price));
        }
        out
    }

    /// Recomputes what an edit touched: the pools with a recomputed line or
    /// a new set-up, then the rules and prices on those pools, on touched
    /// keys, or touched themselves. Changes to customers or to the plan's
    /// structure recompute everything.
    pub fn update(&mut self, plan: &Plan, calc: &impl LineFigures, touched: &Touched, recomputed: &Recomputed) {
        let changed = match recomputed {
            Recomputed::Lines(lines) if !touched.structure && !touched.allocation.all => lines,
            _ => {
                *self = AllocationCalc::full(plan, calc);
                return;
            }
        };
        let changed: HashSet<LineId> = changed.iter().copied().collect();
        let dirty = &touched.allocation;
        let mut pools: BTreeSet<PoolId> = dirty.pools.iter().copied().collect();
        let reached = self.pools.iter().filter(|(_, figures)| figures.lines.iter().any(|line| changed.contains(line)));
        pools.extend(reached.map(|(id, _)| *id));
        for id in &pools {
            match plan.allocation.pool(*id) {
                Some(_) => self.pools.insert(*id, pool_figures(plan, calc, *id)),
                None => self.pools.remove(id),
            };
        }
        let keys: BTreeSet<KeyId> = dirty.keys.iter().copied().collect();
        let mut rules: BTreeSet<RuleId> = dirty.rules.iter().copied().collect();
        let on = |pool: &PoolId, key: &KeyChoice| pools.contains(pool) || keys.contains(&key.key);
        rules.extend(plan.allocation.rules.iter().filter(|rule| on(&rule.pool, &rule.key)).map(|rule| rule.id));
        for id in rules {
            match plan.allocation.rule(id) {
                Some(rule) => self.rules.insert(id, self.rule_figures(plan, rule)),
                None => self.rules.remove(&id),
            };
        }
        let mut prices: BTreeSet<PriceId> = dirty.prices.iter().copied().collect();
        let priced =
            plan.allocation.prices.iter().filter(|price| {
                price.pool.is_some_and(|pool| pools.contains(&pool)) || keys.contains(&price.volume.key)
            });
        prices.extend(priced.map(|price| price.id));
        for id in prices {
            match plan.allocation.price(id) {
                Some(price) => self.prices.insert(id, self.price_figures(plan, price)),
                None => self.prices.remove(&id),
            };
        }
    }

    /// The active customers, in customer order: the order of every [`Shares`].
    pub fn customers(&self) -> &[CustomerId] {
        &self.customers
    }

    pub fn pool(&self, id: PoolId) -> Option<&PoolFigures> {
        self.pools.get(&id)
    }

    pub fn rule(&self, id: RuleId) -> Option<&RuleFigures> {
        self.rules.get(&id)
    }

    pub fn price(&self, id: PriceId) -> Option<&PriceFigures> {
        self.prices.get(&id)
    }

    /// The budget of a pool, or why it has none.
    pub fn pool_budget(&self, id: PoolId) -> Figure {
        self.pools.get(&id).ok_or(AllocationError::UnknownPool(id))?.budget.clone()
    }

    /// `pool`'s budget split over the active customers by `key`.
    pub fn split(&self, plan: &Plan, pool: PoolId, key: KeyChoice, rounding: Rounding) -> Shares {
        let budget = self.pool_budget(pool)?;
        let weights = weights(plan, key, &self.customers)?;
        positive_total(&weights, key)?;
        split_rounded(budget, &weights, rounding).map_err(|error| split_error(error, key))
    }

    fn rule_figures(&self, plan: &Plan, rule: &AllocationRule) -> RuleFigures {
        let charges = self.split(plan, rule.pool, rule.key, rule.rounding);
        let settlement = charges.clone().and_then(|charges| {
            let pool = self.pools.get(&rule.pool).ok_or(AllocationError::UnknownPool(rule.pool))?;
            let surplus = pool.budget.clone()?.checked_sub(pool.actual.clone()?)?;
            resettle(surplus, &charges, rule.rounding)
        });
        RuleFigures { charges, settlement }
    }

    fn price_figures(&self, plan: &Plan, price: &Price) -> PriceFigures {
        let volumes = weights(plan, price.volume, &self.customers);
        let unit_price = match &price.price {
            PriceBasis::Typed { amount } => Ok(*amount),
            PriceBasis::Derived { rounding } => volumes.clone().and_then(|volumes| {
                let budget = self.pool_budget(price.pool.ok_or(AllocationError::NoPool)?)?;
                let total = positive_total(&volumes, price.volume)?;
                let exact = budget.decimal().checked_div(total).ok_or(AllocationError::Overflow)?;
                rounding.round(exact).map_err(|error| split_error(error, price.volume))
            }),
        };
        let charges = unit_price.clone().and_then(|unit_price| {
            let volumes = volumes?;
            volumes.iter().map(|volume| times(*volume, unit_price)).collect()
        });
        PriceFigures { price: unit_price, charges }
    }
}

/// `volume × price`, rounded to the öre.
fn times(volume: Decimal, price: Amount) -> Figure {
    Ok(to_ore(volume.checked_mul(price.decimal()).ok_or(Overflow)?)?)
}

/// The amounts of pool `id` from the cost lines it selects.
fn pool_figures(plan: &Plan, calc: &impl LineFigures, id: PoolId) -> PoolFigures {
    let selection = plan.allocation.pool(id).map(|pool| &pool.selection);
    let selected = selection.into_iter().flat_map(|selection| selection.lines(plan));
    let lines: Vec<LineId> = selected.filter(|line| plan.kind(line) == Kind::Cost).map(|line| line.id).collect();
    let year = |series: Series| -> Figure {
        let mut total = Amount::ZERO;
        for line in &lines {
            if calc.broken(*line) {
                return Err(AllocationError::BrokenLine(*line));
            }
            let months = calc.months(*line, series)?;
            total = total.checked_add(Amount::checked_sum(months)?)?;
        }
        Ok(total)
    };
    PoolFigures { budget: year(Series::Budget), actual: year(Series::Forecast), lines }
}

/// The values of `key` for `customers`, in their order; a customer without
/// a value is an error, not a zero.
pub fn weights(plan: &Plan, key: KeyChoice, customers: &[CustomerId]) -> Result<Vec<Decimal>, AllocationError> {
    let variant = plan.allocation.variant(key).ok_or(AllocationError::UnknownKey(key))?;
    let value = |customer: &CustomerId| {
        variant.values.get(customer).copied().ok_or(AllocationError::MissingValue { key, customer: *customer })
    };
    customers.iter().map(value).collect()
}

/// The sum of `weights`, refused when it is not above zero.
pub fn positive_total(weights: &[Decimal], key: KeyChoice) -> Result<Decimal, AllocationError> {
    let total =
        weights.iter().try_fold(Decimal::ZERO, |sum, w| sum.checked_add(*w)).ok_or(AllocationError::Overflow)?;
    if total > Decimal::ZERO { Ok(total) } else { Err(AllocationError::ZeroTotal(key)) }
}

fn split_error(error: SplitError, key: KeyChoice) -> AllocationError {
    match error {
        SplitError::ZeroTotal => AllocationError::ZeroTotal(key),
        SplitError::Overflow | SplitError::YearClosed => AllocationError::Overflow,
    }
}

/// `surplus` split over the customers in proportion to what each was
/// `billed`, rounded as the charges were; nothing to split is all zeros.
fn resettle(surplus: Amount, billed: &[Amount], rounding: Rounding) -> Shares {
    if surplus.is_zero() {
        return Ok(vec![Amount::ZERO; billed.len()]);
    }
    let weights: Vec<Decimal> = billed.iter().map(|amount| amount.decimal()).collect();
    split_rounded(surplus, &weights, rounding).map_err(|error| match error {
        SplitError::ZeroTotal => AllocationError::NothingBilled,
        SplitError::Overflow | SplitError::YearClosed => AllocationError::Overflow,
    })
}
