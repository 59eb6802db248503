//! Allocation and billing (fördelning och fakturering): what each internal
//! customer pays for each service, month by month, and the year-end
//! re-settlement of the allocated services.
//!
//! - A [`CostPool`] (kostnadspool) is a [`Selection`] of the plan's cost
//!   lines. Its amount always comes from the plan: the full-year budget for
//!   the charge, the full-year forecast for the settlement (the forecast is
//!   the outcome to date plus the projection, so once December is closed it
//!   is the year's outcome). Never typed twice.
//! - An [`AllocationKey`] (fördelningsnyckel) holds one exact, non-negative
//!   value per customer in each of its [`KeyVariant`]s ("Antal anställda",
//!   "Antal anställda exkl. säsongsanställda").
//! - An [`AllocationRule`] (fördelningsregel) splits a pool over the active
//!   customers in proportion to a key variant, in whole kronor or öre as the
//!   rule says, by the largest-remainder method with ties to the customer
//!   first in the customer list ([`crate::model::spread::split_rounded`]):
//!   the charges sum exactly to the pool and none is a krona (or an öre) or
//!   more from its exact share.
//! - A [`Price`] on the price list (prislista) bills volume × price per unit,
//!   the volume being a key; the price is typed, or derived as the pool's
//!   budget ÷ the total volume rounded to the step the user chooses, and the
//!   rounding difference (billed − pool) is shown.
//! - Billing (fakturering): each customer pays 1/12 of its annual charge a
//!   month, in whole kronor, the months summing exactly to the year.
//! - Re-settlement (återreglering): per rule, billed − actual cost is the
//!   surplus (or, negative, the deficit), paid back (or charged) to the
//!   customers in proportion to what each was billed by the rule, rounded as
//!   the rule's charges and summing exactly to the surplus. Price-list
//!   services are not re-settled.
//!
//! [`AllocationCalc`] keeps every result of a plan up to date incrementally;
//! [`sheet`] turns them into what the views show.

pub mod calc;
pub mod command;
pub mod sheet;

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::amount::Amount;
use super::plan::{Plan, id};
use super::selection::Selection;
use super::spread::Rounding;

pub use calc::{AllocationCalc, AllocationError, LineFigures, Overlaid};
pub use command::{AllocationCommand, Entry, EntryId, KeyCell, Refusal};

id!(
    /// A stable identifier of a [`Customer`].
    CustomerId
);
id!(
    /// A stable identifier of an [`AllocationKey`].
    KeyId
);
id!(
    /// A stable identifier of a [`KeyVariant`] within its key.
    VariantId
);
id!(
    /// A stable identifier of a [`CostPool`].
    PoolId
);
id!(
    /// A stable identifier of an [`AllocationRule`].
    RuleId
);
id!(
    /// A stable identifier of a [`Price`] on the price list.
    PriceId
);

/// A city department (förvaltning) or a city company (bolag).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CustomerKind {
    /// förvaltning
    Administration,
    /// bolag
    Company,
}

/// An internal customer (kund) of the agency. Only active customers are
/// charged; an inactive one keeps its key values but takes no share.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Customer {
    pub id: CustomerId,
    pub name: String,
    pub kind: CustomerKind,
    pub active: bool,
}

/// One way of measuring a key (nyckelvariant): an exact value per customer.
/// A customer without a value is missing, not zero: a rule on the variant
/// cannot be computed until every active customer has one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct KeyVariant {
    pub id: VariantId,
    pub name: String,
    /// `[customer, value]` pairs, the value an exact non-negative decimal string.
    #[serde(serialize_with = "values")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<(CustomerId, ValueText)>"))]
    pub values: BTreeMap<CustomerId, Decimal>,
}

/// A key value in a file, for the schema: a non-negative exact decimal string.
#[cfg(not(target_arch = "wasm32"))]
struct ValueText;

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for ValueText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "KeyValue".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A key value as an exact decimal string, zero or more: \"1200\", \"2.5\".",
            "type": "string",
            "pattern": "^[0-9]+(?:\\.[0-9]+)?$"
        })
    }
}

/// Key values are exact decimals, written as strings like quantities.
fn values<S: serde::Serializer>(values: &BTreeMap<CustomerId, Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(values.iter().map(|(customer, value)| (customer, value.to_string())))
}

/// An allocation key (fördelningsnyckel): a measure with a value per
/// customer, such as the number of employees, computers or a share of use
/// in %, in one or more variants. Volumes on the price list are keys too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct AllocationKey {
    pub id: KeyId,
    pub name: String,
    /// What is counted, for display: "st", "%", "timmar".
    pub unit: String,
    /// At least one.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1)))]
    pub variants: Vec<KeyVariant>,
}

/// A variant of a key, as rules and prices name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct KeyChoice {
    pub key: KeyId,
    pub variant: VariantId,
}

/// A cost pool (kostnadspool): the costs of a selection of lines, to be
/// allocated or priced. Revenue lines in the selection are not part of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CostPool {
    pub id: PoolId,
    pub name: String,
    pub selection: Selection,
}

/// An allocation rule (fördelningsregel): a pool split over the active
/// customers by a key variant, rounded to `rounding` (whole kronor or öre).
/// A pool is billed by at most one rule or price.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct AllocationRule {
    pub id: RuleId,
    /// The service as customers see it: "Bastjänster".
    pub name: String,
    pub pool: PoolId,
    pub key: KeyChoice,
    pub rounding: Rounding,
}

/// How a price per unit is set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum PriceBasis {
    /// Typed by the user.
    Typed { amount: Amount },
    /// The pool's budget ÷ the total volume, rounded to a step.
    Derived { rounding: Rounding },
}

/// A volume-billed service on the price list (prislista): each active
/// customer pays its volume × the price per unit, rounded to the öre.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Price {
    pub id: PriceId,
    /// The service: "Konsulttimmar".
    pub name: String,
    /// The key giving each customer's volume.
    pub volume: KeyChoice,
    /// The costs the price is to cover: required to derive the price, and
    /// for a typed price what the rounding difference is measured against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool: Option<PoolId>,
    pub price: PriceBasis,
}

/// The allocation set-up of a plan (fördelning): keys, pools, rules and the
/// price list. The figures are computed from it and the plan, never stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Allocation {
    #[serde(default)]
    pub keys: Vec<AllocationKey>,
    #[serde(default)]
    pub pools: Vec<CostPool>,
    #[serde(default)]
    pub rules: Vec<AllocationRule>,
    /// The price list (prislista).
    #[serde(default)]
    pub prices: Vec<Price>,
}

impl Allocation {
    pub fn key(&self, id: KeyId) -> Option<&AllocationKey> {
        self.keys.iter().find(|key| key.id == id)
    }

    /// The variant a rule or price names, if the key has it.
    pub fn variant(&self, choice: KeyChoice) -> Option<&KeyVariant> {
        self.key(choice.key)?.variants.iter().find(|variant| variant.id == choice.variant)
    }

    pub fn pool(&self, id: PoolId) -> Option<&CostPool> {
        self.pools.iter().find(|pool| pool.id == id)
    }

    pub fn rule(&self, id: RuleId) -> Option<&AllocationRule> {
        self.rules.iter().find(|rule| rule.id == id)
    }

    pub fn price(&self, id: PriceId) -> Option<&Price> {
        self.prices.iter().find(|price| price.id == id)
    }

    pub fn variant_mut(&mut self, choice: KeyChoice) -> Option<&mut KeyVariant> {
        let key = self.keys.iter_mut().find(|key| key.id == choice.key)?;
        key.variants.iter_mut().find(|variant| variant.id == choice.variant)
    }

    /// A key variant by name, for messages and headings ([`label`]).
    pub fn choice_name(&self, choice: KeyChoice) -> String {
        let key = self.key(choice.key).map_or("", |key| key.name.as_str());
        self.variant(choice).map_or_else(|| key.to_owned(), |variant| label(key, &variant.name))
    }

    /// The rules and prices that bill `pool`, by id and name.
    pub fn billed_by(&self, pool: PoolId) -> impl Iterator<Item = (EntryId, &str)> {
        let rules = self.rules.iter().filter(move |rule| rule.pool == pool);
        let prices = self.prices.iter().filter(move |price| price.pool == Some(pool));
        let rules = rules.map(|rule| (EntryId::Rule(rule.id), rule.name.as_str()));
        rules.chain(prices.map(|price| (EntryId::Price(price.id), price.name.as_str())))
    }

    /// The rules and prices that use a variant of `key`: the variant and their name.
    pub fn key_users(&self, key: KeyId) -> impl Iterator<Item = (KeyChoice, &str)> {
        let rules = self.rules.iter().map(|rule| (rule.key, rule.name.as_str()));
        let prices = self.prices.iter().map(|price| (price.volume, price.name.as_str()));
        rules.chain(prices).filter(move |(choice, _)| choice.key == key)
    }
}

/// A key variant as people name it: the variant's name when it says the
/// key's ("Antal anställda exkl. säsongsanställda"), else both
/// ("Antal anställda – 2024").
pub fn label(key: &str, variant: &str) -> String {
    if variant.to_lowercase().contains(&key.to_lowercase()) {
        variant.to_owned()
    } else {
        format!("{key} – {variant}")
    }
}

impl Plan {
    pub fn customer(&self, id: CustomerId) -> Option<&Customer> {
        self.customers.iter().find(|customer| customer.id == id)
    }

    /// The active customers, in customer order: who is charged, and the
    /// order that breaks ties in rounding.
    pub fn active_customers(&self) -> impl Iterator<Item = &Customer> {
        self.customers.iter().filter(|customer| customer.active)
    }
}
