//! A selection of lines (urval): by department, category, service,
//! operations or development, or by name. What a cost pool allocates, what
//! an index raises and what a scenario's measure cuts.

use serde::Serialize;

use super::plan::{Activity, CategoryId, DepartmentId, Kind, Line, LineId, Plan, ServiceId};

/// The lines that match every criterion given; a criterion left empty
/// matches every line, and within a criterion any listed value matches
/// ("Ekonomi or HR, and personnel costs"). An empty selection is all lines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Selection {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<DepartmentId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<CategoryId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<ServiceId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Costs or revenue, by the lines' categories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<Kind>,
    /// Named lines (rader).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<LineId>,
}

/// Whether `value` is among `allowed`, an empty list allowing everything.
fn allows<T: PartialEq>(allowed: &[T], value: &T) -> bool {
    allowed.is_empty() || allowed.contains(value)
}

impl Selection {
    /// Every line of the plan.
    pub fn all() -> Selection {
        Selection::default()
    }

    /// Whether `line` of `plan` is selected.
    pub fn matches(&self, plan: &Plan, line: &Line) -> bool {
        allows(&self.kinds, &plan.kind(line))
            && allows(&self.departments, &line.department)
            && allows(&self.categories, &line.category)
            && allows(&self.activities, &line.activity)
            && allows(&self.lines, &line.id)
            && (self.services.is_empty() || line.service.is_some_and(|s| self.services.contains(&s)))
    }

    /// The selected lines of `plan`, in plan order.
    pub fn lines<'a>(&'a self, plan: &'a Plan) -> impl Iterator<Item = &'a Line> + 'a {
        plan.lines.iter().filter(|line| self.matches(plan, line))
    }

    /// Whether the selection names a department, category, service or line.
    pub fn names(&self, item: super::structure::ItemId) -> bool {
        use super::structure::ItemId;
        match item {
            ItemId::Department(id) => self.departments.contains(&id),
            ItemId::Category(id) => self.categories.contains(&id),
            ItemId::Service(id) => self.services.contains(&id),
            ItemId::Line(id) => self.lines.contains(&id),
            _ => false,
        }
    }

    /// The first department, category, service or line the selection names
    /// that `plan` lacks, if any.
    pub fn missing(&self, plan: &Plan) -> Option<super::structure::ItemId> {
        use super::structure::ItemId;
        let departments = self.departments.iter().filter(|id| plan.department(**id).is_none());
        let categories = self.categories.iter().filter(|id| plan.category(**id).is_none());
        let services = self.services.iter().filter(|id| !plan.services.iter().any(|s| s.id == **id));
        let lines = self.lines.iter().filter(|id| plan.line(**id).is_none());
        (departments.map(|id| ItemId::Department(*id)).next())
            .or_else(|| categories.map(|id| ItemId::Category(*id)).next())
            .or_else(|| services.map(|id| ItemId::Service(*id)).next())
            .or_else(|| lines.map(|id| ItemId::Line(*id)).next())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::april_2023;

    #[test]
    fn criteria_combine_with_and_and_values_with_or() {
        let plan = april_2023();
        assert_eq!(Selection::all().lines(&plan).count(), plan.lines.len());
        let personnel = CategoryId(1);
        let ekonomi_or_hr = vec![plan.departments[0].id, plan.departments[1].id];
        let selection =
            Selection { departments: ekonomi_or_hr.clone(), categories: vec![personnel], ..Selection::default() };
        let chosen: Vec<&Line> = selection.lines(&plan).collect();
        assert_eq!(chosen.len(), 2);
        assert!(chosen.iter().all(|line| line.category == personnel && ekonomi_or_hr.contains(&line.department)));
        let development = Selection { activities: vec![Activity::Development], ..Selection::default() };
        assert!(development.lines(&plan).all(|line| line.activity == Activity::Development));
        let costs = Selection { kinds: vec![Kind::Cost], ..Selection::default() };
        assert!(costs.lines(&plan).all(|line| plan.kind(line) == Kind::Cost));
        let by_service = Selection { services: vec![ServiceId(9)], ..Selection::default() };
        assert_eq!(by_service.lines(&plan).count(), 0, "the example's lines have no service");
    }
}
