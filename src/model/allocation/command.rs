//! Edits of customers, keys, pools, rules and the price list, each a
//! command with an inverse, checked whole before anything changes.
//!
//! Customers, keys, pools, rules and prices are added, removed, renamed,
//! moved and replaced by the same few commands ([`Entry`], [`EntryId`]); key
//! values are set cell by cell ([`AllocationCommand::SetValues`]), so that
//! typing one value and pasting a block from Excel are both one edit.
//!
//! Removal is refused while something depends on what is removed: a
//! customer while any key variant gives it a value other than zero (set it
//! to zero, or mark the customer inactive to stop charging it; its zero
//! values go with it and come back on undo), a key or a variant while a rule
//! or price uses it, a pool while a rule or price bills it. A rule or price
//! must name a pool and a key variant the plan has, and a pool is billed by
//! one rule or price at most.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::calc::AllocationTouched;
use super::{
    AllocationKey, AllocationRule, CostPool, Customer, CustomerId, KeyChoice, KeyId, PoolId, Price, PriceBasis,
    PriceId, RuleId, VariantId,
};
use crate::model::command::{Applied, Command, CommandError, Touched};
use crate::model::plan::Plan;
use crate::model::structure::ItemId;

/// A cell of the customers × keys grid: a customer's value in a key variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KeyCell {
    pub key: KeyChoice,
    pub customer: CustomerId,
}

/// A customer, key, pool, rule or price, whole: what is added or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Customer(Customer),
    Key(AllocationKey),
    Pool(CostPool),
    Rule(AllocationRule),
    Price(Price),
}

/// A customer, key, pool, rule or price, by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryId {
    Customer(CustomerId),
    Key(KeyId),
    Pool(PoolId),
    Rule(RuleId),
    Price(PriceId),
}

/// An edit of the allocation set-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AllocationCommand {
    /// Adds an entry at a place in its list (last if beyond it).
    Insert {
        index: usize,
        entry: Box<Entry>,
    },
    /// Removes an entry nothing depends on.
    Remove(EntryId),
    Rename {
        entry: EntryId,
        name: String,
    },
    /// Moves an entry within its list: customers are shown, and break
    /// rounding ties, in this order.
    Move {
        entry: EntryId,
        to: usize,
    },
    /// Replaces the entry with the same id: a customer made inactive, a key's
    /// variants, a pool's selection, a rule switched to another variant …
    Update(Box<Entry>),
    /// Sets key values (`None` removes one, which is then missing).
    SetValues(Vec<(KeyCell, Option<Decimal>)>),
}

/// Why an allocation edit was refused. A refused edit changes nothing.
/// Names are those of the plan when it was refused, for the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The plan has no such customer, key, pool, rule or price.
    Unknown(EntryId),
    /// The id is already taken in its list.
    DuplicateId(EntryId),
    /// A key value below zero.
    NegativeValue { key: String, customer: String },
    /// The rule or price names a key or variant the plan lacks.
    UnknownKey(KeyChoice),
    /// The rule or price names a pool the plan lacks.
    UnknownPool(PoolId),
    /// The pool's selection names a department, category, service or line the plan lacks.
    UnknownInSelection(ItemId),
    /// A key needs at least one variant.
    NoVariant,
    /// Two variants of a key with the same id.
    DuplicateVariant(VariantId),
    /// The rule or derived price `by` would divide by a key total of zero.
    ZeroTotal { by: String, key: String },
    /// The customer still has `value` in `key`, which gives it a share.
    CustomerInUse { customer: String, key: String, value: Decimal },
    /// The key, variant or pool is used by the rule or price `by`.
    InUse { by: String },
    /// The pool is already billed by the rule or price `by`.
    PoolTaken { pool: String, by: String },
    /// A derived price needs a pool to derive it from.
    NoPool,
    /// A price per unit below zero.
    NegativePrice,
    /// The department, category, service or line is selected by name by `pool`.
    InPool { pool: String },
}

impl From<Refusal> for CommandError {
    fn from(refusal: Refusal) -> CommandError {
        CommandError::Allocation(refusal)
    }
}

/// What every kind of entry has: an id, a name and a list in the plan.
trait Listed: Into<Entry> {
    type Id: Copy + PartialEq + Into<EntryId>;
    fn id(&self) -> Self::Id;
    fn name_mut(&mut self) -> &mut String;
    fn list(plan: &mut Plan) -> &mut Vec<Self>;
}

/// The kind of entry an id is the id of.
trait Identifies: Copy {
    type Of: Listed<Id = Self>;
}

/// The plan's list of the entries of `id`'s kind.
fn list_of<I: Identifies>(plan: &mut Plan, _: I) -> &mut Vec<I::Of> {
    I::Of::list(plan)
}

macro_rules! listed {
    ($type:ident, $id:ident, $variant:ident, |$plan:ident| $list:expr) => {
        impl Listed for $type {
            type Id = $id;
            fn id(&self) -> $id {
                self.id
            }
            fn name_mut(&mut self) -> &mut String {
                &mut self.name
            }
            fn list($plan: &mut Plan) -> &mut Vec<$type> {
                &mut $list
            }
        }
        impl Identifies for $id {
            type Of = $type;
        }
        impl From<$type> for Entry {
            fn from(entry: $type) -> Entry {
                Entry::$variant(entry)
            }
        }
        impl From<$id> for EntryId {
            fn from(id: $id) -> EntryId {
                EntryId::$variant(id)
            }
        }
    };
}

listed!(Customer, CustomerId, Customer, |plan| plan.customers);
listed!(AllocationKey, KeyId, Key, |plan| plan.allocation.keys);
listed!(CostPool, PoolId, Pool, |plan| plan.allocation.pools);
listed!(AllocationRule, RuleId, Rule, |plan| plan.allocation.rules);
listed!(Price, PriceId, Price, |plan| plan.allocation.prices);

/// Runs `$body` with `$x` bound to what an [`Entry`] or [`EntryId`] holds.
macro_rules! each {
    ($value:expr, $enum:ident, |$x:ident| $body:expr) => {
        match $value {
            $enum::Customer($x) => $body,
            $enum::Key($x) => $body,
            $enum::Pool($x) => $body,
            $enum::Rule($x) => $body,
            $enum::Price($x) => $body,
        }
    };
}

impl Entry {
    pub fn id(&self) -> EntryId {
        each!(self, Entry, |entry| entry.id().into())
    }

    fn name_mut(&mut self) -> &mut String {
        each!(self, Entry, |entry| entry.name_mut())
    }
}

impl EntryId {
    /// What changes in the figures when this entry is added, removed or replaced.
    fn touches(self) -> AllocationTouched {
        let mut touched = AllocationTouched::default();
        match self {
            EntryId::Customer(_) => touched.all = true,
            EntryId::Key(id) => touched.keys.push(id),
            EntryId::Pool(id) => touched.pools.push(id),
            EntryId::Rule(id) => touched.rules.push(id),
            EntryId::Price(id) => touched.prices.push(id),
        }
        touched
    }
}

fn applied(inverse: Command, allocation: AllocationTouched) -> Applied {
    Applied { inverse, touched: Touched { allocation, ..Touched::default() } }
}

impl AllocationCommand {
    /// Applies the command to `plan`, whole or not at all.
    pub fn apply(self, plan: &mut Plan) -> Result<Applied, CommandError> {
        match self {
            AllocationCommand::Insert { index, entry } => insert(plan, index, *entry),
            AllocationCommand::Remove(id) => remove(plan, id),
            AllocationCommand::Rename { entry, name } => rename(plan, entry, name),
            AllocationCommand::Move { entry, to } => move_to(plan, entry, to),
            AllocationCommand::Update(entry) => update(plan, *entry),
            AllocationCommand::SetValues(cells) => set_values(plan, cells),
        }
    }
}

impl From<AllocationCommand> for Command {
    fn from(command: AllocationCommand) -> Command {
        Command::Allocation(command)
    }
}

fn position<T: Listed>(list: &[T], id: T::Id) -> Result<usize, Refusal> {
    list.iter().position(|entry| entry.id() == id).ok_or_else(|| Refusal::Unknown(id.into()))
}

/// `name` without surrounding spaces; refused when nothing is left.
fn trimmed(name: &str) -> Result<String, CommandError> {
    let name = name.trim();
    if name.is_empty() { Err(CommandError::EmptyName) } else { Ok(name.to_owned()) }
}

fn insert(plan: &mut Plan, index: usize, mut entry: Entry) -> Result<Applied, CommandError> {
    *entry.name_mut() = trimmed(entry.name_mut())?;
    let id = entry.id();
    if each!(id, EntryId, |id| position(list_of(plan, id), id).is_ok()) {
        return Err(Refusal::DuplicateId(id).into());
    }
    check(plan, &entry, false)?;
    each!(entry, Entry, |entry| {
        let list = list_of(plan, entry.id());
        list.insert(index.min(list.len()), entry)
    });
    Ok(applied(AllocationCommand::Remove(id).into(), id.touches()))
}

fn remove(plan: &mut Plan, id: EntryId) -> Result<Applied, CommandError> {
    refuse_in_use(plan, id)?;
    let (index, entry): (usize, Entry) = each!(id, EntryId, |id| {
        let list = list_of(plan, id);
        let index = position(list, id)?;
        (index, list.remove(index).into())
    });
    let mut inverse: Command = AllocationCommand::Insert { index, entry: Box::new(entry) }.into();
    if let EntryId::Customer(customer) = id {
        let zeros = drop_values(plan, customer);
        if !zeros.is_empty() {
            inverse = Command::Batch(vec![inverse, AllocationCommand::SetValues(zeros).into()]);
        }
    }
    Ok(applied(inverse, id.touches()))
}

fn rename(plan: &mut Plan, id: EntryId, name: String) -> Result<Applied, CommandError> {
    let name = trimmed(&name)?;
    let old = each!(id, EntryId, |id| {
        let list = list_of(plan, id);
        let index = position(list, id)?;
        std::mem::replace(list[index].name_mut(), name)
    });
    Ok(applied(AllocationCommand::Rename { entry: id, name: old }.into(), AllocationTouched::default()))
}

fn move_to(plan: &mut Plan, id: EntryId, to: usize) -> Result<Applied, CommandError> {
    let from = each!(id, EntryId, |id| {
        let list = list_of(plan, id);
        let from = position(list, id)?;
        let entry = list.remove(from);
        list.insert(to.min(list.len()), entry);
        from
    });
    let touched = AllocationTouched { all: matches!(id, EntryId::Customer(_)), ..AllocationTouched::default() };
    Ok(applied(AllocationCommand::Move { entry: id, to: from }.into(), touched))
}

fn update(plan: &mut Plan, mut entry: Entry) -> Result<Applied, CommandError> {
    *entry.name_mut() = trimmed(entry.name_mut())?;
    let id = entry.id();
    check(plan, &entry, true)?;
    let old: Entry = each!(entry, Entry, |entry| {
        let list = list_of(plan, entry.id());
        let index = position(list, entry.id())?;
        std::mem::replace(&mut list[index], entry).into()
    });
    Ok(applied(AllocationCommand::Update(Box::new(old)).into(), id.touches()))
}

fn set_values(plan: &mut Plan, cells: Vec<(KeyCell, Option<Decimal>)>) -> Result<Applied, CommandError> {
    for (cell, value) in &cells {
        plan.allocation.variant(cell.key).ok_or(Refusal::UnknownKey(cell.key))?;
        let customer = plan.customer(cell.customer).ok_or(Refusal::Unknown(EntryId::Customer(cell.customer)))?;
        if value.is_some_and(|value| value < Decimal::ZERO) {
            let key = plan.allocation.choice_name(cell.key);
            return Err(Refusal::NegativeValue { key, customer: customer.name.clone() }.into());
        }
    }
    let mut old = Vec::with_capacity(cells.len());
    let mut keys = Vec::new();
    for (cell, value) in cells {
        // Every cell was checked above, so each lookup succeeds.
        if let Some(variant) = plan.allocation.variant_mut(cell.key) {
            let before = match value {
                Some(value) => variant.values.insert(cell.customer, value),
                None => variant.values.remove(&cell.customer),
            };
            old.push((cell, before));
        }
        keys.push(cell.key.key);
    }
    // Undone last-first, so a cell set twice gets its first value back.
    old.reverse();
    keys.sort_unstable();
    keys.dedup();
    Ok(applied(AllocationCommand::SetValues(old).into(), AllocationTouched { keys, ..AllocationTouched::default() }))
}

/// Removes `customer`'s values (all zero) from every key; returns them to put back.
fn drop_values(plan: &mut Plan, customer: CustomerId) -> Vec<(KeyCell, Option<Decimal>)> {
    let mut dropped = Vec::new();
    for key in &mut plan.allocation.keys {
        for variant in &mut key.variants {
            if let Some(value) = variant.values.remove(&customer) {
                let cell = KeyCell { key: KeyChoice { key: key.id, variant: variant.id }, customer };
                dropped.push((cell, Some(value)));
            }
        }
    }
    dropped
}

/// Refuses removing `id` while something depends on it.
fn refuse_in_use(plan: &Plan, id: EntryId) -> Result<(), Refusal> {
    let allocation = &plan.allocation;
    match id {
        EntryId::Customer(customer) => {
            let name = plan.customer(customer).map_or_else(String::new, |c| c.name.clone());
            for key in &allocation.keys {
                for variant in &key.variants {
                    let value = variant.values.get(&customer).copied().unwrap_or_default();
                    if !value.is_zero() {
                        let key = allocation.choice_name(KeyChoice { key: key.id, variant: variant.id });
                        return Err(Refusal::CustomerInUse { customer: name, key, value });
                    }
                }
            }
            Ok(())
        }
        EntryId::Key(key) => match allocation.key_users(key).next() {
            Some((_, by)) => Err(Refusal::InUse { by: by.to_owned() }),
            None => Ok(()),
        },
        EntryId::Pool(pool) => match allocation.billed_by(pool).next() {
            Some((_, by)) => Err(Refusal::InUse { by: by.to_owned() }),
            None => Ok(()),
        },
        EntryId::Rule(_) | EntryId::Price(_) => Ok(()),
    }
}

/// Checks an entry to add (`replacing` false) or to replace the one with its id.
fn check(plan: &Plan, entry: &Entry, replacing: bool) -> Result<(), Refusal> {
    match entry {
        Entry::Customer(_) => Ok(()),
        Entry::Key(key) => check_key(plan, key, replacing),
        Entry::Pool(pool) => pool.selection.missing(plan).map_or(Ok(()), |item| Err(Refusal::UnknownInSelection(item))),
        Entry::Rule(rule) => {
            check_choice(plan, rule.key)?;
            check_pool(plan, rule.pool, EntryId::Rule(rule.id))
        }
        Entry::Price(price) => {
            check_choice(plan, price.volume)?;
            match (&price.price, price.pool) {
                (PriceBasis::Derived { .. }, None) => return Err(Refusal::NoPool),
                (PriceBasis::Typed { amount }, _) if *amount < crate::model::Amount::ZERO => {
                    return Err(Refusal::NegativePrice);
                }
                _ => {}
            }
            price.pool.map_or(Ok(()), |pool| check_pool(plan, pool, EntryId::Price(price.id)))
        }
    }
}

fn check_key(plan: &Plan, key: &AllocationKey, replacing: bool) -> Result<(), Refusal> {
    if key.variants.is_empty() {
        return Err(Refusal::NoVariant);
    }
    let mut ids = BTreeSet::new();
    for variant in &key.variants {
        if !ids.insert(variant.id) {
            return Err(Refusal::DuplicateVariant(variant.id));
        }
        for (customer, value) in &variant.values {
            let known = plan.customer(*customer).ok_or(Refusal::Unknown(EntryId::Customer(*customer)))?;
            if *value < Decimal::ZERO {
                let key = super::label(&key.name, &variant.name);
                return Err(Refusal::NegativeValue { key, customer: known.name.clone() });
            }
        }
    }
    let mut users = plan.allocation.key_users(key.id).filter(|_| replacing);
    match users.find(|(choice, _)| !ids.contains(&choice.variant)) {
        Some((_, by)) => Err(Refusal::InUse { by: by.to_owned() }),
        None => Ok(()),
    }
}

fn check_choice(plan: &Plan, choice: KeyChoice) -> Result<(), Refusal> {
    plan.allocation.variant(choice).map(|_| ()).ok_or(Refusal::UnknownKey(choice))
}

/// `pool` exists and no entry other than `by` bills it.
fn check_pool(plan: &Plan, pool: PoolId, by: EntryId) -> Result<(), Refusal> {
    let found = plan.allocation.pool(pool).ok_or(Refusal::UnknownPool(pool))?;
    match plan.allocation.billed_by(pool).find(|(other, _)| *other != by) {
        Some((_, other)) => Err(Refusal::PoolTaken { pool: found.name.clone(), by: other.to_owned() }),
        None => Ok(()),
    }
}

/// Rules and derived prices, each with the key variant it divides by.
pub(crate) type ZeroTotals = BTreeSet<(EntryId, KeyChoice)>;

/// The rules and derived prices whose key variant sums to zero over the
/// active customers (values given).
pub(crate) fn zero_totals(plan: &Plan) -> ZeroTotals {
    let allocation = &plan.allocation;
    let rules = allocation.rules.iter().map(|rule| (EntryId::Rule(rule.id), rule.key));
    let derived = allocation.prices.iter().filter(|price| matches!(price.price, PriceBasis::Derived { .. }));
    let prices = derived.map(|price| (EntryId::Price(price.id), price.volume));
    let zero = |choice: &KeyChoice| {
        let Some(variant) = allocation.variant(*choice) else { return false };
        let mut values = plan.active_customers().filter_map(|customer| variant.values.get(&customer.id));
        values.try_fold(Decimal::ZERO, |sum, value| sum.checked_add(*value)).is_some_and(|sum| sum.is_zero())
    };
    rules.chain(prices).filter(|(_, choice)| zero(choice)).collect()
}

/// Refuses an edit that left a rule or derived price it `touched` dividing
/// by a key total of zero that was not zero before (`before`, from
/// [`zero_totals`]). One already zero, as from a file, is shown, not refused.
pub(crate) fn refuse_new_zero_total(
    plan: &Plan,
    before: &ZeroTotals,
    touched: &AllocationTouched,
) -> Result<(), Refusal> {
    let reaches = |(entry, choice): &(EntryId, KeyChoice)| {
        touched.all
            || touched.keys.contains(&choice.key)
            || match entry {
                EntryId::Rule(id) => touched.rules.contains(id),
                EntryId::Price(id) => touched.prices.contains(id),
                _ => false,
            }
    };
    let after = zero_totals(plan);
    match after.difference(before).find(|zero| reaches(zero)) {
        Some((entry, choice)) => {
            let by = match entry {
                EntryId::Rule(id) => plan.allocation.rule(*id).map(|rule| rule.name.clone()),
                EntryId::Price(id) => plan.allocation.price(*id).map(|price| price.name.clone()),
                _ => None,
            };
            Err(Refusal::ZeroTotal { by: by.unwrap_or_default(), key: plan.allocation.choice_name(*choice) })
        }
        None => Ok(()),
    }
}
