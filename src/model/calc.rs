//! Computed figures: every line's series and the subtotals built on them.
//!
//! [`Calc`] is a pure function of the [`Plan`], kept up to date incrementally:
//! after an edit only the touched lines are recomputed, and each subtotal they
//! belong to moves by exactly their change. Decimal arithmetic is exact, so
//! the subtotals equal a full recalculation to the öre (a property test checks it).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rust_decimal::Decimal;

use super::amount::{Amount, Overflow};
use super::command::Touched;
use super::forecast::{forecast, to_ore};
use super::formula::FormulaError;
use super::graph::{Compiled, Graph, Ref};
use super::indicator::planned_volumes;
use super::period::{Month, Monthly};
use super::plan::{Activity, CategoryId, DepartmentId, Driver, DriverId, Forecast, Kind, Line, LineId, Plan, Series};

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
    /// Why the line's formula could not be computed; its budget is then zero
    /// and every subtotal it belongs to is marked incomplete.
    error: Option<FormulaError>,
}

impl Computed {
    /// The totals and results the line adds up to.
    fn rows(&self) -> impl Iterator<Item = Row> + '_ {
        self.groups.iter().flat_map(|group| [Row::Total(*group, self.kind), Row::Result(*group)])
    }
}

/// Where a recalculation left the range of amounts: the line being computed
/// and, when adding it to a subtotal overflowed, that subtotal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutOfRange {
    pub line: LineId,
    /// The line's name, for the message.
    pub name: String,
    pub total: Option<Group>,
}

/// What edits changed, so that what shows the figures refreshes only that.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Refresh {
    /// Lines, dimensions, formulas, methods or the closed month changed, or
    /// the plan was replaced: every row and figure may differ.
    pub structure: bool,
    /// The rows whose figures may have changed (when the structure did
    /// not): the recomputed lines, and the totals and results of their groups.
    pub rows: HashSet<Row>,
}

impl Refresh {
    /// Everything may have changed.
    pub fn structure() -> Refresh {
        Refresh { structure: true, rows: HashSet::new() }
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        !self.structure && self.rows.is_empty()
    }

    /// Adds what `other` changed.
    pub fn merge(&mut self, other: Refresh) {
        self.structure |= other.structure;
        if self.structure {
            self.rows.clear();
        } else {
            self.rows.extend(other.rows);
        }
    }
}

/// Which lines an update recomputed, for what depends on their figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recomputed {
    /// Every line: the plan's structure changed.
    All,
    /// These lines, and no other.
    Lines(Vec<LineId>),
}

/// The computed figures of a plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calc {
    lines: HashMap<LineId, Computed>,
    /// Costs and revenue of each group, indexed by [`Kind::index`].
    groups: HashMap<Group, [Figures; 2]>,
    /// The lines whose formula cannot be computed.
    errors: BTreeSet<LineId>,
    /// Where each line stood in the plan when it was last computed whole.
    positions: HashMap<LineId, usize>,
    graph: Graph,
}

/// The figures of a set of lines being recomputed, and the subtotals they move.
struct Staged {
    lines: HashMap<LineId, Option<Computed>>,
    groups: HashMap<Group, [Figures; 2]>,
}

/// Inputs changed on top of a plan: budgets of typed lines and quantities of
/// drivers, as a scenario's measures leave them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub budgets: BTreeMap<LineId, Monthly>,
    pub drivers: BTreeMap<DriverId, [Decimal; 12]>,
}

/// The figures of a plan with [`Changes`] on top: the lines they reach,
/// recomputed, and the subtotals moved; everything else is the base's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overlay {
    lines: HashMap<LineId, Option<Computed>>,
    groups: HashMap<Group, [Figures; 2]>,
}

impl Overlay {
    /// The monthly figures of `series` on `row`, `base` being the figures
    /// of the plan this overlay lies on.
    pub fn months(&self, base: &Calc, row: Row, series: Series) -> Result<Monthly, Overflow> {
        let line = |id| match self.lines.get(&id) {
            Some(staged) => staged.as_ref().map(|line| &line.figures),
            None => base.lines.get(&id).map(|line| &line.figures),
        };
        months_of(row, series, line, |group| self.groups.get(&group).copied().unwrap_or_else(|| base.group(group)))
    }

    /// Why the formula of `line` cannot be computed with the changes, if it cannot.
    pub fn formula_error<'a>(&'a self, base: &'a Calc, line: LineId) -> Option<&'a FormulaError> {
        match self.lines.get(&line) {
            Some(staged) => staged.as_ref().and_then(|computed| computed.error.as_ref()),
            None => base.formula_error(line),
        }
    }
}

/// The monthly figures of `series` on `row`, from the figures of each line
/// and the costs and revenue of each group.
fn months_of<'a>(
    row: Row,
    series: Series,
    line: impl Fn(LineId) -> Option<&'a Figures>,
    group: impl Fn(Group) -> [Figures; 2],
) -> Result<Monthly, Overflow> {
    let s = series.index();
    match row {
        Row::Line(id) => Ok(line(id).map_or([Amount::ZERO; 12], |figures| figures[s])),
        Row::Total(group_of, kind) => Ok(group(group_of)[kind.index()][s]),
        Row::Result(group_of) => {
            let [costs, revenue] = group(group_of);
            let mut out = [Amount::ZERO; 12];
            for (i, value) in out.iter_mut().enumerate() {
                *value = revenue[s][i].checked_sub(costs[s][i])?;
            }
            Ok(out)
        }
    }
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

/// The budget of a line a formula names, or why it has none.
type BudgetOf<'a> = dyn Fn(LineId) -> Result<Monthly, FormulaError> + 'a;

/// The figures of `line`; `budget_of` gives the budget of the lines its formula names.
fn compute(
    plan: &Plan,
    line: &Line,
    formula: Option<&Result<Compiled, FormulaError>>,
    budget_of: &BudgetOf,
) -> Result<Computed, Overflow> {
    let (budget, error) = match formula {
        None => (line.budget, None),
        Some(compiled) => match compiled.clone().and_then(|expr| evaluate(plan, &expr, budget_of)) {
            Ok(budget) => (budget, None),
            Err(error) => ([Amount::ZERO; 12], Some(error)),
        },
    };
    let volumes = match &line.forecast {
        Forecast::Driver { driver, .. } => plan.driver(*driver).map(|driver| driver.months),
        // A month without a planned volume projects nothing (see `indicator::volume_gaps`).
        Forecast::Volume { indicator, .. } => Some(planned_volumes(plan, *indicator).map(Option::unwrap_or_default)),
        _ => None,
    };
    let forecast = forecast(line, &budget, plan.closed_through, volumes.as_ref())?;
    Ok(Computed {
        kind: plan.kind(line),
        groups: Group::of(line),
        figures: [budget, line.outcome, line.last_year, forecast],
        error,
    })
}

/// A formula's value month by month, rounded to the öre. A division by
/// zero names the first month it happens in.
pub fn evaluate(plan: &Plan, expr: &Compiled, budget_of: &BudgetOf) -> Result<Monthly, FormulaError> {
    let mut out = [Amount::ZERO; 12];
    for (month, slot) in Month::all().zip(out.iter_mut()) {
        let value = expr
            .eval(&|name: &Ref| match name {
                Ref::Line(id) => budget_of(*id).map(|budget| budget[month.index()].decimal()),
                Ref::Driver(id) => Ok(plan.driver(*id).map(|driver| driver.months[month.index()]).unwrap_or_default()),
                Ref::Indicator(id) => planned_volumes(plan, *id)[month.index()].ok_or_else(|| {
                    let name = plan.indicator(*id).map_or_else(String::new, |indicator| indicator.name.clone());
                    FormulaError::NotReported { name, month }
                }),
            })
            .map_err(|error| match error {
                FormulaError::DivisionByZero { position, .. } => {
                    FormulaError::DivisionByZero { position, month: Some(month) }
                }
                other => other,
            })?;
        *slot = to_ore(value).map_err(|_| FormulaError::Overflow)?;
    }
    Ok(out)
}

impl Calc {
    /// Computes every figure of `plan` from scratch.
    pub fn full(plan: &Plan) -> Result<Calc, OutOfRange> {
        let graph = Graph::new(plan);
        let ids: Vec<LineId> = plan.lines.iter().map(|line| line.id).collect();
        let order = graph.affected(&ids, &[]);
        let positions = ids.iter().enumerate().map(|(at, id)| (*id, at)).collect();
        let mut calc = Calc { graph, positions, ..Calc::default() };
        let lines = order.into_iter().map(|id| (id, calc.line_in(plan, id))).collect();
        calc.apply(plan, lines)?;
        Ok(calc)
    }

    /// Recomputes what `touched` changed and everything that depends on it
    /// (the lines using a touched indicator too), moving the subtotals by the
    /// change, and says which lines it recomputed. On overflow nothing is changed.
    pub fn update(&mut self, plan: &Plan, touched: &Touched) -> Result<Recomputed, OutOfRange> {
        if touched.structure {
            *self = Calc::full(plan)?;
            return Ok(Recomputed::All);
        }
        let mut changed = touched.lines.clone();
        changed.extend(touched.indicators.iter().flat_map(|id| self.graph.users(Ref::Indicator(*id))));
        let order = self.graph.affected(&changed, &touched.drivers);
        let lines = order.iter().map(|id| (*id, self.line_in(plan, *id))).collect();
        self.apply(plan, lines)?;
        Ok(Recomputed::Lines(order))
    }

    /// Replaces the computed figures of each line in `order` by those of its
    /// current state (removed when it is gone), staging every subtotal before
    /// changing any. Formula lines come after the lines they name.
    fn apply(&mut self, plan: &Plan, order: Vec<(LineId, Option<&Line>)>) -> Result<(), OutOfRange> {
        let Staged { lines, groups } = self.stage(plan, order)?;
        self.groups.extend(groups);
        for (id, computed) in lines {
            match computed {
                Some(computed) => {
                    if computed.error.is_some() {
                        self.errors.insert(id);
                    } else {
                        self.errors.remove(&id);
                    }
                    self.lines.insert(id, computed);
                }
                None => {
                    self.errors.remove(&id);
                    self.lines.remove(&id);
                }
            }
        }
        Ok(())
    }

    /// The figures of each line in `order` as `plan` gives it (gone when
    /// `None`), and every subtotal moved by their change, without changing
    /// `self`. Lines not in `order` keep the figures of `self`.
    fn stage(&self, plan: &Plan, order: Vec<(LineId, Option<&Line>)>) -> Result<Staged, OutOfRange> {
        let mut groups: HashMap<Group, [Figures; 2]> = HashMap::new();
        let mut staged: HashMap<LineId, Option<Computed>> = HashMap::with_capacity(order.len());
        for (id, line) in order {
            let budget_of = |named: LineId| {
                let computed = match staged.get(&named) {
                    Some(computed) => computed.as_ref(),
                    None => self.lines.get(&named),
                };
                match computed {
                    Some(Computed { error: Some(_), .. }) => Err(FormulaError::Broken {
                        name: plan.line(named).map_or_else(String::new, |line| line.name.clone()),
                    }),
                    Some(computed) => Ok(computed.figures[Series::Budget.index()]),
                    None => Ok([Amount::ZERO; 12]),
                }
            };
            let out_of_range = |total| OutOfRange {
                line: id,
                name: line.or_else(|| plan.line(id)).map_or_else(String::new, |line| line.name.clone()),
                total,
            };
            let new = match line {
                Some(line) => {
                    Some(compute(plan, line, self.graph.formula(id), &budget_of).map_err(|_| out_of_range(None))?)
                }
                None => None,
            };
            for (computed, negate) in [(self.lines.get(&id), true), (new.as_ref(), false)] {
                let Some(computed) = computed else { continue };
                for group in computed.groups {
                    let total = groups.entry(group).or_insert_with(|| self.group(group));
                    add(&mut total[computed.kind.index()], &computed.figures, negate)
                        .map_err(|_| out_of_range(Some(group)))?;
                }
            }
            staged.insert(id, new);
        }
        Ok(Staged { lines: staged, groups })
    }

    /// The figures of `plan` with `changes` on top, computed as an overlay
    /// of `self` (the figures of `plan`): only the changed lines and what
    /// depends on them are computed, and the plan is not copied.
    pub fn overlay(&self, plan: &Plan, changes: &Changes) -> Result<Overlay, OutOfRange> {
        let lines: Vec<LineId> = changes.budgets.keys().copied().collect();
        let drivers: Vec<DriverId> = changes.drivers.keys().copied().collect();
        let order = self.graph.affected(&lines, &drivers);
        let patched = |line: &Line| Line {
            budget: changes.budgets.get(&line.id).copied().unwrap_or(line.budget),
            ..line.clone()
        };
        let view = Plan {
            year: plan.year,
            closed_through: plan.closed_through,
            categories: plan.categories.clone(),
            drivers: plan
                .drivers
                .iter()
                .map(|driver| Driver {
                    months: changes.drivers.get(&driver.id).copied().unwrap_or(driver.months),
                    ..driver.clone()
                })
                .collect(),
            lines: order.iter().filter_map(|id| self.line_in(plan, *id)).map(patched).collect(),
            // Lines may take their volume from an indicator.
            indicators: plan.indicators.clone(),
            ..Plan::default()
        };
        let order = view.lines.iter().map(|line| (line.id, Some(line))).collect();
        let Staged { lines, groups } = self.stage(&view, order)?;
        Ok(Overlay { lines, groups })
    }

    /// Line `id` of `plan`, found by its place when `self` was last computed.
    fn line_in<'a>(&self, plan: &'a Plan, id: LineId) -> Option<&'a Line> {
        let at = self.positions.get(&id).and_then(|at| plan.lines.get(*at)).filter(|line| line.id == id);
        at.or_else(|| plan.line(id))
    }

    /// The lines whose formula cannot be computed, in id order.
    pub fn broken_lines(&self) -> impl Iterator<Item = LineId> + '_ {
        self.errors.iter().copied()
    }

    /// The lines with a formula error that `row` adds up: the row's own line,
    /// or those of its group and kind. Its figures are then incomplete.
    pub fn errors(&self, row: Row) -> Vec<LineId> {
        let counts = |line: &LineId| {
            let Some(computed) = self.lines.get(line) else { return false };
            match row {
                Row::Line(id) => *line == id,
                Row::Total(group, kind) => computed.kind == kind && computed.groups.contains(&group),
                Row::Result(group) => computed.groups.contains(&group),
            }
        };
        self.errors.iter().filter(|line| counts(line)).copied().collect()
    }

    /// Why the formula of `line` could not be computed, if it could not.
    pub fn formula_error(&self, line: LineId) -> Option<&FormulaError> {
        self.lines.get(&line).and_then(|computed| computed.error.as_ref())
    }

    fn group(&self, group: Group) -> [Figures; 2] {
        self.groups.get(&group).copied().unwrap_or([ZERO_FIGURES; 2])
    }

    /// The monthly figures of `series` on `row`.
    pub fn months(&self, row: Row, series: Series) -> Result<Monthly, Overflow> {
        let line = |id| self.lines.get(&id).map(|line| &line.figures);
        months_of(row, series, line, |group| self.group(group))
    }

    /// What an update that recomputed `recomputed` changed: those lines'
    /// rows and the totals and results of their groups, or everything.
    pub fn refresh(&self, recomputed: &Recomputed) -> Refresh {
        match recomputed {
            Recomputed::All => Refresh::structure(),
            Recomputed::Lines(lines) => {
                let rows = lines.iter().flat_map(|id| {
                    let groups = self.lines.get(id).into_iter().flat_map(Computed::rows);
                    std::iter::once(Row::Line(*id)).chain(groups)
                });
                Refresh { structure: false, rows: rows.collect() }
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
