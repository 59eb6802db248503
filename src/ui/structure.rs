//! The structure view's data: which members a list shows and how a new one is made.

use rust_decimal::Decimal;

use crate::model::structure::{Item, ItemId, next_id};
use crate::model::{
    Amount, Category, CategoryId, Department, DepartmentId, Driver, DriverId, Kind, Plan, Service, ServiceId,
};

/// A list of the structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dimension {
    Department,
    Category,
    Service,
    Driver,
    Line,
}

/// The members of a list, in order: their ids and names.
pub fn members(plan: &Plan, dimension: Dimension) -> Vec<(ItemId, String)> {
    match dimension {
        Dimension::Department => plan.departments.iter().map(|d| (ItemId::Department(d.id), d.name.clone())).collect(),
        Dimension::Category => plan.categories.iter().map(|c| (ItemId::Category(c.id), c.name.clone())).collect(),
        Dimension::Service => plan.services.iter().map(|s| (ItemId::Service(s.id), s.name.clone())).collect(),
        Dimension::Driver => plan.drivers.iter().map(|d| (ItemId::Driver(d.id), d.name.clone())).collect(),
        Dimension::Line => plan.lines.iter().map(|l| (ItemId::Line(l.id), l.name.clone())).collect(),
    }
}

/// A new member named `name` with a fresh id; `None` for lines, which need
/// more than a name (see the new-line form). A new category is a cost.
pub fn new_member(plan: &Plan, dimension: Dimension, name: String, kind: Kind) -> Option<Item> {
    Some(match dimension {
        Dimension::Department => {
            Item::Department(Department { id: DepartmentId(next_id(&plan.departments, |d| d.id.0)), name })
        }
        Dimension::Category => {
            Item::Category(Category { id: CategoryId(next_id(&plan.categories, |c| c.id.0)), name, kind })
        }
        Dimension::Service => Item::Service(Service { id: ServiceId(next_id(&plan.services, |s| s.id.0)), name }),
        Dimension::Driver => Item::Driver(Box::new(Driver {
            id: DriverId(next_id(&plan.drivers, |d| d.id.0)),
            name,
            unit: String::new(),
            months: [Decimal::ZERO; 12],
        })),
        Dimension::Line => return None,
    })
}

/// A zero year, for new lines.
pub const NO_AMOUNTS: [Amount; 12] = [Amount::ZERO; 12];
