//! Computed figures: every line's series and the subtotals built on them.
//!
//! [`Calc`] is a pure function of the [`Plan`], kept up to date incrementally:
//! after an edit only the touched lines are recomputed, and each subtotal they
//! belong to moves by exactly their change. Decimal arithmetic is exact, so
//! the subtotals equal a full recalculation to the öre (a property test checks it).

use std::collections::HashMap;

use super::amount::{Amount, Overflow};
use super::forecast::forecast;
use super::period::Monthly;
use super::plan::{Activity, CategoryId, DepartmentId, Kind, Line, LineId, Plan, Series};

/// The four series of a line or a subtotal, indexed by [`Series::index`].
pub type Figures = [Monthly; 4];

const ZERO_FIGURES: Figures = [[Amount::ZERO; 12]; 4];

/// A set of lines that reports subtotal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// The whole plan.
    All,
    Department(DepartmentId),
    Activity(Activity),
    /// A department's operations or development.
    DepartmentActivity(DepartmentId, Activity),
    Category(CategoryId),
}

impl Group {
    /// The groups `line` belongs to.
    fn of(line: &Line) -> [Group; 5] {
        [
            Group::All,
            Group::Department(line.department),
            Group::Activity(line.activity),
            Group::DepartmentActivity(line.department, line.activity),
            Group::Category(line.category),
        ]
    }
}

/// A row of a report: a line, the costs or revenue of a group, or its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Row {
    Line(LineId),
    /// Summa kostnader or summa intäkter of a group.
    Total(Group, Kind),
    /// Resultat of a group: revenue − costs.
    Result(Group),
}

/// What a line contributed to the subtotals when it was last computed.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Computed {
    kind: Kind,
    groups: [Group; 5],
    figures: Figures,
}

/// The computed figures of a plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calc {
    lines: HashMap<LineId, Computed>,
    /// Costs and revenue of each group, indexed by [`Kind::index`].
    groups: HashMap<Group, [Figures; 2]>,
}

/// `total + sign × figures`, month by month, checked.
fn add(total: &mut Figures, figures: &Figures, negate: bool) -> Result<(), Overflow> {
    for (total, part) in total.iter_mut().zip(figures) {
        for (value, part) in total.iter_mut().zip(part) {
            *value = if negate { value.checked_sub(*part)? } else { value.checked_add(*part)? };
        }
    }
    Ok(())
}

fn compute(plan: &Plan, line: &Line) -> Result<Computed, Overflow> {
    let driver = match &line.forecast {
        super::plan::Forecast::Driver { driver, .. } => plan.driver(*driver),
        _ => None,
    };
    let forecast = forecast(line, &line.budget, plan.closed_through, driver)?;
    Ok(Computed {
        kind: plan.kind(line),
        groups: Group::of(line),
        figures: [line.budget, line.outcome, line.last_year, forecast],
    })
}

impl Calc {
    /// Computes every figure of `plan` from scratch.
    pub fn full(plan: &Plan) -> Result<Calc, Overflow> {
        let mut calc = Calc::default();
        calc.apply(plan, plan.lines.iter().map(|line| (line.id, Some(line))))?;
        Ok(calc)
    }

    /// Recomputes the `touched` lines (changed, added or removed) and moves
    /// the subtotals by their change. On overflow nothing is changed.
    pub fn update(&mut self, plan: &Plan, touched: &[LineId]) -> Result<(), Overflow> {
        let mut ids = touched.to_vec();
        ids.sort_unstable();
        ids.dedup();
        self.apply(plan, ids.into_iter().map(|id| (id, plan.line(id))))
    }

    /// Replaces the computed figures of each line by those of its new state
    /// (`None`: removed), staging every subtotal before changing any.
    fn apply<'a>(
        &mut self,
        plan: &Plan,
        touched: impl Iterator<Item = (LineId, Option<&'a Line>)>,
    ) -> Result<(), Overflow> {
        let mut groups: HashMap<Group, [Figures; 2]> = HashMap::new();
        let mut lines = Vec::new();
        for (id, line) in touched {
            let new = line.map(|line| compute(plan, line)).transpose()?;
            let old = self.lines.get(&id);
            for (computed, negate) in [(old, true), (new.as_ref(), false)] {
                let Some(computed) = computed else { continue };
                for group in computed.groups {
                    let staged = groups.entry(group).or_insert_with(|| self.group(group));
                    add(&mut staged[computed.kind.index()], &computed.figures, negate)?;
                }
            }
            lines.push((id, new));
        }
        self.groups.extend(groups);
        for (id, computed) in lines {
            match computed {
                Some(computed) => self.lines.insert(id, computed),
                None => self.lines.remove(&id),
            };
        }
        Ok(())
    }

    fn group(&self, group: Group) -> [Figures; 2] {
        self.groups.get(&group).copied().unwrap_or([ZERO_FIGURES; 2])
    }

    /// The monthly figures of `series` on `row`.
    pub fn months(&self, row: Row, series: Series) -> Result<Monthly, Overflow> {
        let s = series.index();
        match row {
            Row::Line(id) => Ok(self.lines.get(&id).map_or([Amount::ZERO; 12], |line| line.figures[s])),
            Row::Total(group, kind) => Ok(self.group(group)[kind.index()][s]),
            Row::Result(group) => {
                let [costs, revenue] = self.group(group);
                let mut out = [Amount::ZERO; 12];
                for (i, value) in out.iter_mut().enumerate() {
                    *value = revenue[s][i].checked_sub(costs[s][i])?;
                }
                Ok(out)
            }
        }
    }

    /// Whether `row` is a cost, a revenue or a result, for the sign of its deviation.
    pub fn kind(&self, row: Row) -> Option<Kind> {
        match row {
            Row::Line(id) => self.lines.get(&id).map(|line| line.kind),
            Row::Total(_, kind) => Some(kind),
            Row::Result(_) => None,
        }
    }
}
