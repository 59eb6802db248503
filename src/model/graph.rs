//! Which lines depend on which: formulas compiled against the plan's names,
//! in an order where every formula comes after what it names.
//!
//! Every walk here is iterative and visits each line and reference once, so
//! the cost is linear in lines + references however deep a chain of
//! formulas runs or however often a line is named.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet, VecDeque};

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

/// The lines a formula names, each once, in order of first mention.
fn named_lines(expr: &Compiled) -> Vec<LineId> {
    let mut seen = HashSet::new();
    let lines = expr.names().into_iter().filter_map(|name| match name {
        Ref::Line(line) => Some(*line),
        Ref::Driver(_) => None,
    });
    lines.filter(|line| seen.insert(*line)).collect()
}

/// The names of `ids` in `plan`, for a cycle's path.
fn path_names(plan: &Plan, ids: &[LineId]) -> Vec<String> {
    ids.iter().map(|id| plan.line(*id).map_or_else(String::new, |line| line.name.clone())).collect()
}

/// Checks that `text` computes as the formula of `line`: it parses, names
/// only what the plan has, and names nothing that depends on `line`. A
/// breadth-first walk from what it names, each line visited once.
pub fn check(plan: &Plan, line: LineId, text: &str) -> Result<Compiled, FormulaError> {
    let expr = compile(plan, text)?;
    let graph = Graph::new(plan);
    let mut parent: HashMap<LineId, LineId> = HashMap::new();
    let mut queue: VecDeque<LineId> = VecDeque::new();
    for next in named_lines(&expr) {
        if parent.insert(next, line).is_none() {
            queue.push_back(next);
        }
    }
    while let Some(at) = queue.pop_front() {
        if at == line {
            // Back from `line` to what the new formula names, then forward.
            let mut back = Vec::new();
            let mut step = parent[&line];
            while step != line {
                back.push(step);
                step = parent[&step];
            }
            let path: Vec<LineId> = std::iter::once(line).chain(back.into_iter().rev()).chain([line]).collect();
            return Err(FormulaError::Cycle { path: path_names(plan, &path) });
        }
        let named = match graph.formula(at) {
            Some(Ok(expr)) => named_lines(expr),
            _ => Vec::new(),
        };
        for next in named {
            if let Entry::Vacant(entry) = parent.entry(next) {
                entry.insert(at);
                queue.push_back(next);
            }
        }
    }
    Ok(expr)
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
                let mut seen = HashSet::new();
                for name in expr.names().into_iter().filter(|name| seen.insert(**name)) {
                    graph.dependents.entry(*name).or_default().push(line.id);
                }
            }
            graph.formulas.insert(line.id, compiled);
        }
        graph.sort(plan);
        graph
    }

    /// The formula lines `line`'s formula names (none if it has no formula
    /// or its formula cannot be compiled).
    fn named_by(&self, line: LineId) -> Vec<LineId> {
        match self.formulas.get(&line) {
            Some(Ok(expr)) => named_lines(expr).into_iter().filter(|named| self.formulas.contains_key(named)).collect(),
            _ => Vec::new(),
        }
    }

    /// Orders the formula lines so that each comes after the formula lines
    /// it names, by Tarjan's strongly connected components (iteratively).
    /// A component of more than one line, or a line naming itself, is a
    /// cycle: every line on it gets that error.
    fn sort(&mut self, plan: &Plan) {
        let formula_lines: Vec<LineId> =
            plan.lines.iter().filter(|line| self.formulas.contains_key(&line.id)).map(|line| line.id).collect();
        let edges: HashMap<LineId, Vec<LineId>> = formula_lines.iter().map(|id| (*id, self.named_by(*id))).collect();
        for component in components(&formula_lines, &edges) {
            let looped = component.len() > 1 || edges[&component[0]].contains(&component[0]);
            if looped {
                let path = path_names(plan, &cycle_in(&component, &edges));
                for id in &component {
                    self.formulas.insert(*id, Err(FormulaError::Cycle { path: path.clone() }));
                }
            } else if self.formulas.get(&component[0]).is_some_and(Result::is_ok) {
                self.order.push(component[0]);
            }
        }
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
    /// names any of them, directly or not. Formula lines that compute come
    /// last, each after the lines it names.
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
        // Typed lines and formulas that cannot be computed come first: what
        // names them must find them typed, or broken, not yet to come.
        let first = |id: &&LineId| !matches!(self.formulas.get(id), Some(Ok(_)));
        let mut out: Vec<LineId> = seen.iter().filter(first).copied().collect();
        out.sort_unstable();
        out.extend(self.order.iter().filter(|id| seen.contains(id)));
        out
    }
}

/// The strongly connected components of the graph `edges` over `nodes`,
/// each component after every component it has edges to (Tarjan's
/// algorithm with an explicit stack instead of recursion).
fn components(nodes: &[LineId], edges: &HashMap<LineId, Vec<LineId>>) -> Vec<Vec<LineId>> {
    #[derive(Clone, Copy)]
    struct Mark {
        index: usize,
        low: usize,
        on_stack: bool,
    }
    let mut marks: HashMap<LineId, Mark> = HashMap::with_capacity(nodes.len());
    let mut stack: Vec<LineId> = Vec::new();
    let mut out = Vec::new();
    let mut next_index = 0;
    for &root in nodes {
        if marks.contains_key(&root) {
            continue;
        }
        // Each frame: a node and how many of its edges have been followed.
        let mut frames: Vec<(LineId, usize)> = vec![(root, 0)];
        marks.insert(root, Mark { index: next_index, low: next_index, on_stack: true });
        stack.push(root);
        next_index += 1;
        while let Some(&mut (node, ref mut followed)) = frames.last_mut() {
            if let Some(&next) = edges[&node].get(*followed) {
                *followed += 1;
                match marks.get(&next).copied() {
                    None => {
                        marks.insert(next, Mark { index: next_index, low: next_index, on_stack: true });
                        stack.push(next);
                        next_index += 1;
                        frames.push((next, 0));
                    }
                    Some(seen) if seen.on_stack => {
                        let mark = marks.get_mut(&node).expect("every framed node is marked");
                        mark.low = mark.low.min(seen.index);
                    }
                    Some(_) => {}
                }
                continue;
            }
            frames.pop();
            let mark = marks[&node];
            if let Some(&(parent, _)) = frames.last() {
                let parent = marks.get_mut(&parent).expect("every framed node is marked");
                parent.low = parent.low.min(mark.low);
            }
            if mark.low == mark.index {
                let mut component = Vec::new();
                while let Some(member) = stack.pop() {
                    marks.get_mut(&member).expect("every stacked node is marked").on_stack = false;
                    component.push(member);
                    if member == node {
                        break;
                    }
                }
                component.reverse();
                out.push(component);
            }
        }
    }
    out
}

/// A cycle within a strongly connected `component`: the lines on it in
/// order, the first again at the end.
fn cycle_in(component: &[LineId], edges: &HashMap<LineId, Vec<LineId>>) -> Vec<LineId> {
    let members: HashSet<LineId> = component.iter().copied().collect();
    let mut path = vec![component[0]];
    let mut at_position: HashMap<LineId, usize> = HashMap::from([(component[0], 0)]);
    loop {
        let here = path[path.len() - 1];
        // In a strongly connected component every line names another member.
        let Some(&next) = edges[&here].iter().find(|next| members.contains(next)) else { return path };
        if let Some(&start) = at_position.get(&next) {
            let mut cycle = path.split_off(start);
            cycle.push(next);
            return cycle;
        }
        at_position.insert(next, path.len());
        path.push(next);
    }
}
