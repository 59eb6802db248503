//! Which lines depend on which: formulas compiled against the plan's names,
//! in an order where every formula comes after what it names.

use std::collections::{HashMap, HashSet};

use super::formula::{Expr, FormulaError, Written, parse};
use super::plan::{DriverId, Forecast, LineId, Plan};

/// What a formula names: a line's budget or a driver's quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ref {
    Line(LineId),
    Driver(DriverId),
}

/// A formula with its names resolved.
pub type Compiled = Expr<Ref>;

/// The dependencies of a plan's lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    /// The compiled formula of each formula line, or why it cannot be computed.
    formulas: HashMap<LineId, Result<Compiled, FormulaError>>,
    /// Formula lines, each after the formula lines it names.
    order: Vec<LineId>,
    /// The formula lines naming each line or driver.
    dependents: HashMap<Ref, Vec<LineId>>,
    /// The lines whose forecast is volume × price of each driver.
    driver_forecasts: HashMap<DriverId, Vec<LineId>>,
}

/// The names formulas can use: every line and driver, without regard to case.
struct Names(HashMap<String, Vec<Ref>>);

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

impl Names {
    fn of(plan: &Plan) -> Names {
        let mut names: HashMap<String, Vec<Ref>> = HashMap::with_capacity(plan.lines.len() + plan.drivers.len());
        for line in &plan.lines {
            names.entry(key(&line.name)).or_default().push(Ref::Line(line.id));
        }
        for driver in &plan.drivers {
            names.entry(key(&driver.name)).or_default().push(Ref::Driver(driver.id));
        }
        Names(names)
    }

    fn compile(&self, text: &str) -> Result<Compiled, FormulaError> {
        parse(text)?.resolve(&mut |written: Written| match self.0.get(&key(&written.name)).map(Vec::as_slice) {
            Some([only]) => Ok(*only),
            Some(_) => Err(FormulaError::AmbiguousName { name: written.name, position: written.position }),
            None => Err(FormulaError::UnknownName { name: written.name, position: written.position }),
        })
    }
}

/// Compiles `text` against the names of `plan`: its lines and drivers,
/// matched without regard to case.
pub fn compile(plan: &Plan, text: &str) -> Result<Compiled, FormulaError> {
    Names::of(plan).compile(text)
}

/// Checks that `text` computes as the formula of `line`: it parses, names
/// only what the plan has, and names nothing that depends on `line`.
pub fn check(plan: &Plan, line: LineId, text: &str) -> Result<(), FormulaError> {
    let names = Names::of(plan);
    let expr = names.compile(text)?;
    let mut path = vec![line];
    if reaches(plan, &names, &expr, line, &mut path) {
        let name = |id: &LineId| plan.line(*id).map_or_else(String::new, |line| line.name.clone());
        let mut names: Vec<String> = path.iter().map(name).collect();
        names.push(name(&line));
        return Err(FormulaError::Cycle { path: names });
    }
    Ok(())
}

/// Whether a line named by `expr`, or by the formulas of the lines it names,
/// is `target`; `path` then holds the way there.
fn reaches(plan: &Plan, names: &Names, expr: &Compiled, target: LineId, path: &mut Vec<LineId>) -> bool {
    for name in expr.names() {
        let Ref::Line(next) = *name else { continue };
        if next == target {
            return true;
        }
        if path.contains(&next) {
            continue;
        }
        let formula = plan.line(next).and_then(|line| line.formula.as_deref());
        let Some(Ok(inner)) = formula.map(|text| names.compile(text)) else { continue };
        path.push(next);
        if reaches(plan, names, &inner, target, path) {
            return true;
        }
        path.pop();
    }
    false
}

impl Graph {
    pub fn new(plan: &Plan) -> Graph {
        let mut graph = Graph::default();
        let names = Names::of(plan);
        for line in &plan.lines {
            if let Forecast::Driver { driver, .. } = line.forecast {
                graph.driver_forecasts.entry(driver).or_default().push(line.id);
            }
            let Some(text) = &line.formula else { continue };
            let compiled = names.compile(text);
            if let Ok(expr) = &compiled {
                for name in expr.names() {
                    graph.dependents.entry(*name).or_default().push(line.id);
                }
            }
            graph.formulas.insert(line.id, compiled);
        }
        graph.sort(plan);
        graph
    }

    /// Orders the formula lines depth first; a line met again while its own
    /// dependencies are being visited closes a cycle, and every line on the
    /// cycle gets that error.
    fn sort(&mut self, plan: &Plan) {
        let mut done = HashSet::new();
        let mut cycles = Vec::new();
        for line in &plan.lines {
            let mut path = Vec::new();
            self.visit(line.id, &mut path, &mut done, &mut cycles);
        }
        let name = |id: &LineId| plan.line(*id).map_or_else(String::new, |line| line.name.clone());
        for cycle in cycles {
            let mut names: Vec<String> = cycle.iter().map(name).collect();
            names.push(names.first().cloned().unwrap_or_default());
            for id in &cycle {
                self.formulas.insert(*id, Err(FormulaError::Cycle { path: names.clone() }));
            }
        }
        self.order.retain(|id| self.formulas.get(id).is_some_and(Result::is_ok));
    }

    fn visit(&mut self, id: LineId, path: &mut Vec<LineId>, done: &mut HashSet<LineId>, cycles: &mut Vec<Vec<LineId>>) {
        if done.contains(&id) {
            return;
        }
        if let Some(start) = path.iter().position(|p| *p == id) {
            cycles.push(path[start..].to_vec());
            return;
        }
        let Some(Ok(expr)) = self.formulas.get(&id) else { return };
        let named: Vec<LineId> = expr
            .names()
            .into_iter()
            .filter_map(|r| match r {
                Ref::Line(line) => Some(*line),
                Ref::Driver(_) => None,
            })
            .collect();
        path.push(id);
        for line in named {
            self.visit(line, path, done, cycles);
        }
        path.pop();
        done.insert(id);
        self.order.push(id);
    }

    /// The lines that use a line or driver: formulas naming it, and for a
    /// driver the forecasts priced on it.
    pub fn users(&self, name: Ref) -> Vec<LineId> {
        let mut users = self.dependents.get(&name).cloned().unwrap_or_default();
        if let Ref::Driver(driver) = name {
            users.extend(self.driver_forecasts.get(&driver).into_iter().flatten());
        }
        users.sort_unstable();
        users.dedup();
        users
    }

    /// The compiled formula of `line`, if it has one.
    pub fn formula(&self, line: LineId) -> Option<&Result<Compiled, FormulaError>> {
        self.formulas.get(&line)
    }

    /// Every line to recompute after `lines` and `drivers` changed: those
    /// lines, the forecasts priced on those drivers, and every formula that
    /// names any of them, directly or not. Formula lines come last, in order.
    pub fn affected(&self, lines: &[LineId], drivers: &[DriverId]) -> Vec<LineId> {
        // Every line marked as changed is also queued, so that what depends on
        // it is reached however it was first marked.
        let mut seen: HashSet<LineId> = HashSet::new();
        let mut queue: Vec<Ref> = drivers.iter().map(|d| Ref::Driver(*d)).collect();
        let priced = drivers.iter().flat_map(|driver| self.driver_forecasts.get(driver).into_iter().flatten());
        for line in lines.iter().chain(priced) {
            if seen.insert(*line) {
                queue.push(Ref::Line(*line));
            }
        }
        while let Some(changed) = queue.pop() {
            for dependent in self.dependents.get(&changed).into_iter().flatten() {
                if seen.insert(*dependent) {
                    queue.push(Ref::Line(*dependent));
                }
            }
        }
        let mut out: Vec<LineId> = seen.iter().filter(|id| !self.formulas.contains_key(id)).copied().collect();
        out.sort_unstable();
        out.extend(self.order.iter().filter(|id| seen.contains(id)));
        out.extend(seen.iter().filter(|id| matches!(self.formulas.get(id), Some(Err(_)))));
        out
    }
}
