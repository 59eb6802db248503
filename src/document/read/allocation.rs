//! Reading customers and the allocation set-up (format version 2): every
//! problem reported with its place, like the rest of the plan.

use std::collections::HashSet;

use rust_decimal::Decimal;
use serde_json::Value;

use super::{Expected, Problem, Reader, at, index};
use crate::model::allocation::{AllocationKey, KeyVariant};
use crate::model::{
    Activity, Allocation, AllocationRule, CategoryId, CostPool, Customer, CustomerId, CustomerKind, DepartmentId,
    KeyChoice, KeyId, Kind, LineId, Plan, PoolId, Price, PriceBasis, PriceId, Rounding, RuleId, Selection, ServiceId,
    VariantId,
};

/// Which lists were read with every item: references into them are checked.
#[derive(Clone, Copy)]
pub(super) struct Whole {
    customers: bool,
    keys: bool,
    pools: bool,
}

impl Reader {
    pub(super) fn boolean(&mut self, value: &Value, path: &str) -> Option<bool> {
        match value {
            Value::Bool(flag) => Some(*flag),
            _ => self.wrong(path, Expected::Boolean),
        }
    }

    /// A text that must be one of `names`, giving the value at the same place in `values`.
    pub(super) fn one_of<T: Copy>(&mut self, value: &Value, path: &str, names: &[&str], values: &[T]) -> Option<T> {
        let text = self.text(value, path)?;
        match names.iter().position(|name| *name == text) {
            Some(i) => Some(values[i]),
            None => self.not_allowed(path, format!("\"{text}\"")),
        }
    }

    fn customer(&mut self, value: &Value, path: &str) -> Option<Customer> {
        let map = self.object(value, path, &["id", "name", "kind", "active"])?;
        let (id, name) = self.id_and_name(map, path);
        let kinds = [CustomerKind::Administration, CustomerKind::Company];
        let kind = self
            .field(map, path, "kind")
            .and_then(|v| self.one_of(v, &at(path, "kind"), &["administration", "company"], &kinds));
        let active = self.field(map, path, "active").and_then(|v| self.boolean(v, &at(path, "active")));
        Some(Customer { id: CustomerId(id?), name: name?, kind: kind?, active: active? })
    }

    /// A `[customer, "value"]` pair with a value of zero or more.
    fn key_value(&mut self, value: &Value, path: &str) -> Option<(CustomerId, Decimal)> {
        let pair = self.list(value, path)?;
        let [customer, amount] = pair.as_slice() else { return self.wrong(path, Expected::List) };
        let customer = self.id(customer, &index(path, 0));
        let value = self.value(amount, &index(path, 1));
        Some((CustomerId(customer?), value?))
    }

    /// A key value: digits, optionally a point and more digits (never negative).
    fn value(&mut self, value: &Value, path: &str) -> Option<Decimal> {
        let text = self.text(value, path)?;
        let (integer, fraction) = text.split_once('.').unwrap_or((&text, "0"));
        let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        let exact = if digits(integer) && digits(fraction) { Decimal::from_str_exact(&text).ok() } else { None };
        exact.or_else(|| self.not_allowed(path, format!("\"{text}\"")))
    }

    fn variant(&mut self, value: &Value, path: &str) -> Option<KeyVariant> {
        let map = self.object(value, path, &["id", "name", "values"])?;
        let (id, name) = self.id_and_name(map, path);
        let (values, whole) = self.items(map, path, "values", true, Reader::key_value);
        whole.then_some(())?;
        let mut seen = HashSet::new();
        for (i, (customer, _)) in values.iter().enumerate() {
            if !seen.insert(*customer) {
                self.report(&index(&index(&at(path, "values"), i), 0), Problem::DuplicateId { id: customer.0 });
            }
        }
        Some(KeyVariant { id: VariantId(id?), name: name?, values: values.into_iter().collect() })
    }

    fn key(&mut self, value: &Value, path: &str) -> Option<AllocationKey> {
        let map = self.object(value, path, &["id", "name", "unit", "variants"])?;
        let (id, name) = self.id_and_name(map, path);
        let unit = self.field(map, path, "unit").and_then(|v| self.text(v, &at(path, "unit")));
        let (variants, whole) = self.items(map, path, "variants", true, Reader::variant);
        if whole && variants.is_empty() {
            // Reported once: the key is then not read, and what names it not checked.
            return self.not_allowed(&at(path, "variants"), "[]");
        }
        self.unique(&at(path, "variants"), variants.iter().map(|v| v.id.0));
        whole.then_some(())?;
        Some(AllocationKey { id: KeyId(id?), name: name?, unit: unit?, variants })
    }

    fn choice(&mut self, value: &Value, path: &str) -> Option<KeyChoice> {
        let map = self.object(value, path, &["key", "variant"])?;
        let key = self.field(map, path, "key").and_then(|v| self.id(v, &at(path, "key")));
        let variant = self.field(map, path, "variant").and_then(|v| self.id(v, &at(path, "variant")));
        Some(KeyChoice { key: KeyId(key?), variant: VariantId(variant?) })
    }

    /// The ids of the list at `name` of `map`, if it is there.
    fn ids(&mut self, map: &serde_json::Map<String, Value>, path: &str, name: &str) -> Option<Vec<u32>> {
        let (ids, whole) = self.items(map, path, name, false, Reader::id);
        whole.then_some(ids)
    }

    pub(super) fn selection(&mut self, value: &Value, path: &str) -> Option<Selection> {
        const FIELDS: [&str; 6] = ["departments", "categories", "services", "activities", "kinds", "lines"];
        let map = self.object(value, path, &FIELDS)?;
        let departments = self.ids(map, path, "departments");
        let categories = self.ids(map, path, "categories");
        let services = self.ids(map, path, "services");
        let lines = self.ids(map, path, "lines");
        let activity = |reader: &mut Reader, value: &Value, path: &str| {
            reader.one_of(value, path, &["operations", "development"], &Activity::ALL)
        };
        let kind = |reader: &mut Reader, value: &Value, path: &str| {
            reader.one_of(value, path, &["cost", "revenue"], &Kind::ALL)
        };
        let (activities, whole_activities) = self.items(map, path, "activities", false, activity);
        let (kinds, whole_kinds) = self.items(map, path, "kinds", false, kind);
        (whole_activities && whole_kinds).then_some(())?;
        Some(Selection {
            departments: departments?.into_iter().map(DepartmentId).collect(),
            categories: categories?.into_iter().map(CategoryId).collect(),
            services: services?.into_iter().map(ServiceId).collect(),
            activities,
            kinds,
            lines: lines?.into_iter().map(LineId).collect(),
        })
    }

    fn pool(&mut self, value: &Value, path: &str) -> Option<CostPool> {
        let map = self.object(value, path, &["id", "name", "selection"])?;
        let (id, name) = self.id_and_name(map, path);
        let selection = self.field(map, path, "selection").and_then(|v| self.selection(v, &at(path, "selection")));
        Some(CostPool { id: PoolId(id?), name: name?, selection: selection? })
    }

    fn rounding(&mut self, value: &Value, path: &str) -> Option<Rounding> {
        self.one_of(value, path, &["ore", "krona", "ten_kronor", "hundred_kronor"], &Rounding::ALL)
    }

    fn rule(&mut self, value: &Value, path: &str) -> Option<AllocationRule> {
        let map = self.object(value, path, &["id", "name", "pool", "key", "rounding"])?;
        let (id, name) = self.id_and_name(map, path);
        let pool = self.field(map, path, "pool").and_then(|v| self.id(v, &at(path, "pool")));
        let key = self.field(map, path, "key").and_then(|v| self.choice(v, &at(path, "key")));
        let rounding = self.field(map, path, "rounding").and_then(|v| self.rounding(v, &at(path, "rounding")));
        Some(AllocationRule { id: RuleId(id?), name: name?, pool: PoolId(pool?), key: key?, rounding: rounding? })
    }

    fn price_basis(&mut self, value: &Value, path: &str) -> Option<PriceBasis> {
        let map = self.object(value, path, &["basis", "amount", "rounding"])?;
        let basis = self
            .field(map, path, "basis")
            .and_then(|v| self.one_of(v, &at(path, "basis"), &["typed", "derived"], &[true, false]))?;
        if basis {
            let amount = self.field(map, path, "amount").and_then(|v| self.amount(v, &at(path, "amount")))?;
            if amount < crate::model::Amount::ZERO {
                return self.not_allowed(&at(path, "amount"), format!("\"{amount}\""));
            }
            Some(PriceBasis::Typed { amount })
        } else {
            let rounding = self.field(map, path, "rounding").and_then(|v| self.rounding(v, &at(path, "rounding")));
            Some(PriceBasis::Derived { rounding: rounding? })
        }
    }

    fn price(&mut self, value: &Value, path: &str) -> Option<Price> {
        let map = self.object(value, path, &["id", "name", "volume", "pool", "price"])?;
        let (id, name) = self.id_and_name(map, path);
        let volume = self.field(map, path, "volume").and_then(|v| self.choice(v, &at(path, "volume")));
        let pool = self.maybe(map, path, "pool", Reader::id).map(|pool| pool.map(PoolId));
        let price = self.field(map, path, "price").and_then(|v| self.price_basis(v, &at(path, "price")));
        if matches!(price, Some(PriceBasis::Derived { .. })) && pool == Some(None) {
            self.report(&at(path, "pool"), Problem::Missing);
        }
        Some(Price { id: PriceId(id?), name: name?, volume: volume?, pool: pool?, price: price? })
    }

    /// The plan's customers, and whether every one was read.
    pub(super) fn customers(&mut self, map: &serde_json::Map<String, Value>) -> (Vec<Customer>, bool) {
        self.items(map, "", "customers", false, Reader::customer)
    }

    /// The allocation set-up (empty when absent), and which of its lists were read whole.
    pub(super) fn allocation(&mut self, value: Option<&Value>, customers: bool) -> (Allocation, Whole) {
        let mut whole = Whole { customers, keys: true, pools: true };
        let Some(value) = value else { return (Allocation::default(), whole) };
        let path = "allocation";
        let Some(map) = self.object(value, path, &["keys", "pools", "rules", "prices"]) else {
            return (Allocation::default(), Whole { keys: false, pools: false, ..whole });
        };
        let (keys, whole_keys) = self.items(map, path, "keys", false, Reader::key);
        let (pools, whole_pools) = self.items(map, path, "pools", false, Reader::pool);
        let (rules, _) = self.items(map, path, "rules", false, Reader::rule);
        let (prices, _) = self.items(map, path, "prices", false, Reader::price);
        whole.keys = whole_keys;
        whole.pools = whole_pools;
        (Allocation { keys, pools, rules, prices }, whole)
    }

    /// Ids are unique and every reference into a list read whole points at
    /// something; a pool is billed by one rule or price at most.
    pub(super) fn allocation_references(&mut self, plan: &Plan, whole: Whole, structure: bool) {
        let allocation = &plan.allocation;
        self.unique("customers", plan.customers.iter().map(|c| c.id.0));
        self.unique("allocation.keys", allocation.keys.iter().map(|k| k.id.0));
        self.unique("allocation.pools", allocation.pools.iter().map(|p| p.id.0));
        self.unique("allocation.rules", allocation.rules.iter().map(|r| r.id.0));
        self.unique("allocation.prices", allocation.prices.iter().map(|p| p.id.0));
        for (k, key) in allocation.keys.iter().enumerate() {
            for (v, variant) in key.variants.iter().enumerate() {
                // Values are kept by customer, so the place is the list, the customer by id.
                let path = at(&index(&at(&index("allocation.keys", k), "variants"), v), "values");
                for customer in variant.values.keys() {
                    if whole.customers && plan.customer(*customer).is_none() {
                        let problem =
                            Problem::UnknownEntry { kind: Expected::Customer, id: customer.0, by: key.name.clone() };
                        self.report(&path, problem);
                    }
                }
            }
        }
        for (i, pool) in allocation.pools.iter().enumerate() {
            let missing = pool.selection.missing(plan).filter(|_| structure);
            if let Some(item) = missing {
                let (kind, id) = super::scenarios::kind_of(item);
                let problem = Problem::UnknownEntry { kind, id, by: pool.name.clone() };
                self.report(&at(&index("allocation.pools", i), "selection"), problem);
            }
        }
        let mut billed = HashSet::new();
        let rules = allocation.rules.iter().map(|r| ("rules", &r.name, r.key, Some(r.pool)));
        let prices = allocation.prices.iter().map(|p| ("prices", &p.name, p.volume, p.pool));
        let mut counts = [0usize; 2];
        for (list, name, choice, pool) in rules.chain(prices) {
            let slot = usize::from(list == "prices");
            let path = index(&at("allocation", list), counts[slot]);
            counts[slot] += 1;
            let key_field = if list == "rules" { "key" } else { "volume" };
            if whole.keys && allocation.variant(choice).is_none() {
                let (kind, id) = match allocation.key(choice.key) {
                    Some(_) => (Expected::Variant, choice.variant.0),
                    None => (Expected::Key, choice.key.0),
                };
                self.report(&at(&path, key_field), Problem::UnknownEntry { kind, id, by: name.clone() });
            }
            let Some(pool) = pool else { continue };
            if whole.pools && allocation.pool(pool).is_none() {
                self.report(
                    &at(&path, "pool"),
                    Problem::UnknownEntry { kind: Expected::Pool, id: pool.0, by: name.clone() },
                );
            } else if !billed.insert(pool) {
                self.report(&at(&path, "pool"), Problem::BilledTwice { pool: pool.0 });
            }
        }
    }
}
