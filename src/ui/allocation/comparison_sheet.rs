//! Nyckeljämförelse: what every active customer would pay for a rule under
//! key variant A and under B, the difference in kronor and in %, largest
//! difference first; both split the same pool, so the totals are equal.

use super::page::{Page, Paged};
use super::{column, failed, row};
use crate::model::allocation::sheet::{KeyComparison, compare_keys};
use crate::model::allocation::{AllocationError, CustomerId, KeyChoice, RuleId};
use crate::model::{Engine, Plan};
use crate::ui::grid::{At, Content, Fmt, Shown, Style};
use crate::ui::i18n::Lang;

/// The rule and the two variants compared; what is not chosen is the
/// plan's first rule, the variant it goes by, and another variant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Comparison {
    pub rule: Option<RuleId>,
    pub a: Option<KeyChoice>,
    pub b: Option<KeyChoice>,
}

impl Comparison {
    /// Nothing chosen yet.
    pub const FIRST: Comparison = Comparison { rule: None, a: None, b: None };

    /// The rule and variants compared in `plan`, if it has a rule.
    pub fn resolve(self, plan: &Plan) -> Option<(RuleId, KeyChoice, KeyChoice)> {
        let allocation = &plan.allocation;
        let rule = self.rule.and_then(|id| allocation.rule(id)).or_else(|| allocation.rules.first())?;
        let a = self.a.filter(|a| allocation.variant(*a).is_some()).unwrap_or(rule.key);
        let others = || variants(plan).into_iter().filter(move |choice| *choice != a);
        let sibling = others().find(|choice| choice.key == a.key).or_else(|| others().next());
        let b = self.b.filter(|b| allocation.variant(*b).is_some()).or(sibling).unwrap_or(a);
        Some((rule.id, a, b))
    }
}

/// Every key variant of `plan`, in list order.
pub fn variants(plan: &Plan) -> Vec<KeyChoice> {
    let keys = plan.allocation.keys.iter();
    keys.flat_map(|key| key.variants.iter().map(|v| KeyChoice { key: key.id, variant: v.id })).collect()
}

/// The columns, in order.
const A: usize = 0;
const B: usize = 1;
const DIFFERENCE: usize = 2;
const PERCENT: usize = 3;

/// The cells of the comparison: a row a customer, then the totals.
pub struct ComparisonPage {
    pick: Option<(RuleId, KeyChoice, KeyChoice)>,
    customers: Vec<CustomerId>,
}

/// The comparison `pick` of the engine's plan, laid out in `lang`, the
/// customers in the order of their difference now.
pub fn new(engine: &Engine, pick: Comparison, lang: Lang) -> Paged<ComparisonPage> {
    let plan = engine.plan();
    let pick = pick.resolve(plan);
    let compared = pick.map(|(rule, a, b)| compare_keys(engine, rule, a, b));
    let name = |choice: Option<KeyChoice>| choice.map(|c| plan.allocation.choice_name(c)).unwrap_or_default();
    let columns = vec![
        column("a", format!("A: {}", name(pick.map(|p| p.1))), 170),
        column("b", format!("B: {}", name(pick.map(|p| p.2))), 170),
        column("difference", lang.difference_header(), 130),
        column("percent", lang.percent_header(), 100),
    ];
    let customers: Vec<CustomerId> = match &compared {
        Some(Ok(comparison)) => comparison.rows.iter().map(|r| r.customer.id).collect(),
        _ => Vec::new(),
    };
    let mut rows: Vec<_> = customers
        .iter()
        .filter_map(|id| plan.customer(*id))
        .map(|c| row(format!("customer-{}", c.id.0), &c.name, Style::Line, None))
        .collect();
    rows.push(row("total", lang.customers_total(), Style::Total, None));
    Paged {
        label: column("customer", lang.customer_header(), 260),
        columns,
        rows,
        page: ComparisonPage { pick, customers },
    }
}

impl ComparisonPage {
    fn compared(&self, engine: &Engine) -> Result<KeyComparison, AllocationError> {
        let (rule, a, b) = self.pick.ok_or(AllocationError::UnknownRule(RuleId(0)))?;
        compare_keys(engine, rule, a, b)
    }
}

impl Page for ComparisonPage {
    fn show(&self, engine: &Engine, at: At, fmt: Fmt) -> Shown {
        let plan = engine.plan();
        let comparison = match self.compared(engine) {
            Ok(comparison) => comparison,
            Err(error) => return failed(plan, &error, fmt.lang),
        };
        let amount = |amount| Shown::computed(Content::Amount(amount));
        let Some(customer) = self.customers.get(at.row) else {
            return match at.col {
                A => amount(comparison.total_a),
                B => amount(comparison.total_b),
                DIFFERENCE => comparison
                    .total_b
                    .checked_sub(comparison.total_a)
                    .map_or(Shown::computed(Content::OutOfRange), amount),
                _ => Shown::computed(Content::Empty),
            };
        };
        let Some(row) = comparison.rows.iter().find(|row| row.customer.id == *customer) else {
            return failed(plan, &AllocationError::Inactive(*customer), fmt.lang);
        };
        match at.col {
            A => amount(row.a),
            B => amount(row.b),
            DIFFERENCE => amount(row.difference),
            PERCENT => {
                Shown::computed(row.percent.map_or(Content::Empty, |value| Content::Number { value, decimals: 1 }))
            }
            _ => Shown::computed(Content::Empty),
        }
    }
}
