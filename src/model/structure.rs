//! The plan's structure: departments, categories, services, drivers, lines,
//! perspectives and indicators are added, renamed, reordered and removed by
//! the same few commands.

use super::allocation::Refusal;
use super::command::{Applied, Command, CommandError, Touched};
use super::formula;
use super::graph::{Graph, Ref};
use super::indicator::{self, Indicator, IndicatorEdit, Perspective};
use super::plan::{
    Category, CategoryId, Department, DepartmentId, Driver, DriverId, IndicatorId, Line, LineId, PerspectiveId, Plan,
    Service, ServiceId,
};

/// A member of the structure, whole: what is inserted, or kept to insert again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Department(Department),
    Category(Category),
    Service(Service),
    Driver(Box<Driver>),
    Line(Box<Line>),
    Perspective(Perspective),
    Indicator(Box<Indicator>),
}

/// A member of the structure, by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemId {
    Department(DepartmentId),
    Category(CategoryId),
    Service(ServiceId),
    Driver(DriverId),
    Line(LineId),
    Perspective(PerspectiveId),
    Indicator(IndicatorId),
}

/// What every kind of member has: an id and a name.
trait Member: Clone + Into<Item> {
    type Id: Copy + PartialEq;
    fn id(&self) -> Self::Id;
    fn name_mut(&mut self) -> &mut String;
}

macro_rules! member {
    ($type:ident, $id:ident) => {
        impl Member for $type {
            type Id = $id;
            fn id(&self) -> $id {
                self.id
            }
            fn name_mut(&mut self) -> &mut String {
                &mut self.name
            }
        }
        impl From<$type> for Item {
            fn from(member: $type) -> Item {
                Item::$type(member.into())
            }
        }
    };
}

member!(Department, DepartmentId);
member!(Category, CategoryId);
member!(Service, ServiceId);
member!(Driver, DriverId);
member!(Line, LineId);
member!(Perspective, PerspectiveId);
member!(Indicator, IndicatorId);

/// Runs `$body` with `$list` the plan's list of the kind of `$item` and `$id` its id.
macro_rules! with_list {
    ($plan:expr, $item:expr, |$list:ident, $id:ident| $body:expr) => {
        match $item {
            ItemId::Department($id) => {
                let $list = &mut $plan.departments;
                $body
            }
            ItemId::Category($id) => {
                let $list = &mut $plan.categories;
                $body
            }
            ItemId::Service($id) => {
                let $list = &mut $plan.services;
                $body
            }
            ItemId::Driver($id) => {
                let $list = &mut $plan.drivers;
                $body
            }
            ItemId::Line($id) => {
                let $list = &mut $plan.lines;
                $body
            }
            ItemId::Perspective($id) => {
                let $list = &mut $plan.perspectives;
                $body
            }
            ItemId::Indicator($id) => {
                let $list = &mut $plan.indicators;
                $body
            }
        }
    };
}

impl Item {
    pub fn id(&self) -> ItemId {
        match self {
            Item::Department(d) => ItemId::Department(d.id),
            Item::Category(c) => ItemId::Category(c.id),
            Item::Service(s) => ItemId::Service(s.id),
            Item::Driver(d) => ItemId::Driver(d.id),
            Item::Line(l) => ItemId::Line(l.id),
            Item::Perspective(p) => ItemId::Perspective(p.id),
            Item::Indicator(i) => ItemId::Indicator(i.id),
        }
    }
}

fn index_of<T: Member>(list: &[T], id: T::Id) -> Option<usize> {
    list.iter().position(|member| member.id() == id)
}

/// Inserts `item` at `index` (or last); refused if its id is taken, or if
/// it is an indicator that [`indicator::edit::check`] refuses.
pub fn insert(plan: &mut Plan, index: usize, item: Item) -> Result<Applied, CommandError> {
    let id = item.id();
    if with_list!(plan, id, |list, id| index_of(list, id).is_some()) {
        return Err(CommandError::DuplicateId(id));
    }
    if let Item::Indicator(new) = &item {
        indicator::edit::check(plan, new)?;
    }
    match item {
        Item::Department(d) => plan.departments.insert(index.min(plan.departments.len()), d),
        Item::Category(c) => plan.categories.insert(index.min(plan.categories.len()), c),
        Item::Service(s) => plan.services.insert(index.min(plan.services.len()), s),
        Item::Driver(d) => plan.drivers.insert(index.min(plan.drivers.len()), *d),
        Item::Line(l) => plan.lines.insert(index.min(plan.lines.len()), *l),
        Item::Perspective(p) => plan.perspectives.insert(index.min(plan.perspectives.len()), p),
        Item::Indicator(i) => plan.indicators.insert(index.min(plan.indicators.len()), *i),
    }
    Ok(Applied { inverse: Command::Remove(id), touched: Touched::structure() })
}

/// Removes a member no line and no cost pool uses; refused, naming a user,
/// while one does.
pub fn remove(plan: &mut Plan, id: ItemId) -> Result<Applied, CommandError> {
    let users = users(plan, id);
    if let Some(first) = users.first() {
        return Err(CommandError::InUse { item: id, by: first.clone(), count: users.len() });
    }
    if let Some(pool) = plan.allocation.pools.iter().find(|pool| pool.selection.names(id)) {
        return Err(CommandError::Allocation(Refusal::InPool { pool: pool.name.clone() }));
    }
    let item_id = id;
    let (index, item) = with_list!(plan, id, |list, id| {
        let index = index_of(list, id).ok_or(CommandError::UnknownItem(item_id))?;
        (index, list.remove(index).into())
    });
    Ok(Applied { inverse: Command::Insert { index, item: Box::new(item) }, touched: Touched::structure() })
}

/// Moves a member to `to` in its list.
pub fn move_to(plan: &mut Plan, id: ItemId, to: usize) -> Result<Applied, CommandError> {
    let item_id = id;
    let from = with_list!(plan, id, |list, id| {
        let from = index_of(list, id).ok_or(CommandError::UnknownItem(item_id))?;
        let member = list.remove(from);
        list.insert(to.min(list.len()), member);
        from
    });
    Ok(Applied { inverse: Command::Move { item: id, to: from }, touched: Touched::structure() })
}

/// Renames a member; formulas that name a renamed line, driver or indicator follow it.
pub fn rename(plan: &mut Plan, id: ItemId, name: String) -> Result<Applied, CommandError> {
    let name = name.trim().to_owned();
    if name.is_empty() {
        return Err(CommandError::EmptyName);
    }
    let item_id = id;
    let old = with_list!(plan, id, |list, id| {
        let index = index_of(list, id).ok_or(CommandError::UnknownItem(item_id))?;
        std::mem::replace(list[index].name_mut(), name.clone())
    });
    let mut inverse = vec![Command::Rename { item: id, name: old.clone() }];
    if matches!(id, ItemId::Line(_) | ItemId::Driver(_) | ItemId::Indicator(_)) {
        // Formulas follow only when the old name was this member's alone: one
        // naming a shared name meant another member too (or was ambiguous).
        let follow = !in_formulas(plan, &old);
        for line in &mut plan.lines {
            if let Some(text) = renamed(&mut line.formula, &old, &name, follow) {
                inverse.push(Command::SetFormula { line: line.id, formula: Some(text) });
            }
        }
        for indicator in &mut plan.indicators {
            if let Some(text) = renamed(&mut indicator.formula, &old, &name, follow) {
                let edit = IndicatorEdit::SetFormula { indicator: indicator.id, formula: Some(text) };
                inverse.push(Command::Indicator(edit));
            }
        }
    }
    let inverse = if inverse.len() == 1 { inverse.remove(0) } else { Command::Batch(inverse) };
    Ok(Applied { inverse, touched: Touched::structure() })
}

/// Whether a line, driver or indicator is named `name`, as formulas match names.
fn in_formulas(plan: &Plan, name: &str) -> bool {
    let key = name.trim().to_lowercase();
    let lines = plan.lines.iter().map(|line| &line.name);
    let names = lines.chain(plan.drivers.iter().map(|d| &d.name)).chain(plan.indicators.iter().map(|i| &i.name));
    names.map(|name| name.trim().to_lowercase()).any(|name| name == key)
}

/// Renames `old` to `new` in the formula `text` when formulas `follow`.
/// Returns the text before when undoing the rename must set it back: it
/// changed, or it names `new`, which the rename back would rewrite.
fn renamed(text: &mut Option<String>, old: &str, new: &str, follow: bool) -> Option<String> {
    let before = text.clone()?;
    let after = formula::rename(&before, old, new);
    let changed = follow && after != before;
    if changed {
        *text = Some(after);
    }
    (changed || formula::rename(&before, new, old) != before).then_some(before)
}

/// The names of what uses `id`: lines on a department, category or
/// service; formulas or forecasts naming a driver, line or indicator;
/// indicators on a perspective; scenarios' measures naming any of them.
pub fn users(plan: &Plan, id: ItemId) -> Vec<String> {
    let mut users = line_users(plan, id);
    users.extend(super::scenario::users(plan, id));
    users
}

/// The names of the lines and indicators that use `id`.
fn line_users(plan: &Plan, id: ItemId) -> Vec<String> {
    let named = |name: Ref| -> Vec<LineId> {
        Graph::new(plan).users(name).into_iter().filter(|l| ItemId::Line(*l) != id).collect()
    };
    let ids: Vec<LineId> = match id {
        ItemId::Department(d) => plan.lines.iter().filter(|l| l.department == d).map(|l| l.id).collect(),
        ItemId::Category(c) => plan.lines.iter().filter(|l| l.category == c).map(|l| l.id).collect(),
        ItemId::Service(s) => plan.lines.iter().filter(|l| l.service == Some(s)).map(|l| l.id).collect(),
        ItemId::Driver(d) => named(Ref::Driver(d)),
        ItemId::Line(l) => named(Ref::Line(l)),
        ItemId::Indicator(i) => named(Ref::Indicator(i)),
        ItemId::Perspective(_) => Vec::new(),
    };
    let lines = ids.iter().filter_map(|id| plan.line(*id)).map(|line| line.name.clone());
    lines.chain(indicator::calc::users(plan, id)).collect()
}

/// An id for a new member of a list: one more than the largest.
pub fn next_id<T>(list: &[T], id: impl Fn(&T) -> u32) -> u32 {
    list.iter().map(id).max().map_or(1, |max| max + 1)
}
