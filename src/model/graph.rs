//! Which lines depend on which: formulas compiled against the plan's names,
//! in an order where every formula comes after what it names.
//!
//! Every walk here is iterative and visits each line and reference once, so
//! the cost is linear in lines + references however deep a chain of
//! formulas runs or however often a line is named.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::Hash;

use super::formula::{Expr, FormulaError, Written, parse};
use super::plan::{DriverId, Forecast, IndicatorId, LineId, Plan};

/// What a formula names: a line's budget or a driver's quantity; an
/// indicator (in a line's formula a typed monthly one, its planned volume).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ref {
    Line(LineId),
    Driver(DriverId),
    Indicator(IndicatorId),
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
    /// The lines whose forecast is volume × price of each driver or indicator.
    priced: HashMap<Ref, Vec<LineId>>,
}

/// The names formulas can use: every line, driver and indicator, without
/// regard to case. A line's formula looks among lines and drivers first, an
/// indicator's among indicators first, so that a name taken by both kinds
/// means the same as before the other kind took it.
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
        for indicator in &plan.indicators {
            names.entry(key(&indicator.name)).or_default().push(Ref::Indicator(indicator.id));
        }
        Names(names)
    }

    /// Compiles a formula; for a line's formula (`line_in` its plan) an
    /// indicator must be a volume, a typed monthly one.
    fn compile(&self, text: &str, line_in: Option<&Plan>) -> Result<Compiled, FormulaError> {
        parse(text)?.resolve(&mut |written: Written| {
            let all = self.0.get(&key(&written.name)).map_or(&[][..], Vec::as_slice);
            let preferred = |r: &&Ref| matches!(r, Ref::Indicator(_)) == line_in.is_none();
            let (first, then): (Vec<&Ref>, Vec<&Ref>) = all.iter().partition(preferred);
            match if first.is_empty() { then } else { first }.as_slice() {
                [Ref::Indicator(id)]
                    if line_in.is_some_and(|plan| !plan.indicator(*id).is_some_and(|i| i.is_volume())) =>
                {
                    Err(FormulaError::NotAVolume { name: written.name, position: written.position })
                }
                [only] => Ok(**only),
                [] => Err(FormulaError::UnknownName { name: written.name, position: written.position }),
                _ => Err(FormulaError::AmbiguousName { name: written.name, position: written.position }),
            }
        })
    }
}

/// Compiles `text` as a line's formula against the names of `plan`: its
/// lines and drivers, and typed monthly indicators, matched without regard
/// to case.
pub fn compile(plan: &Plan, text: &str) -> Result<Compiled, FormulaError> {
    Names::of(plan).compile(text, Some(plan))
}

/// Compiles `text` as an indicator's formula: indicators, lines and drivers.
pub fn compile_indicator(plan: &Plan, text: &str) -> Result<Compiled, FormulaError> {
    Names::of(plan).compile(text, None)
}

/// The lines a formula names, each once, in order of first mention.
fn named_lines(expr: &Compiled) -> Vec<LineId> {
    let mut seen = HashSet::new();
    let lines = expr.names().into_iter().filter_map(|name| match name {
        Ref::Line(line) => Some(*line),
        Ref::Driver(_) | Ref::Indicator(_) => None,
    });
    lines.filter(|line| seen.insert(*line)).collect()
}

/// The names of `ids` in `plan`, for a cycle's path.
fn path_names(plan: &Plan, ids: &[LineId]) -> Vec<String> {
    ids.iter().map(|id| plan.line(*id).map_or_else(String::new, |line| line.name.clone())).collect()
}

/// Checks that `text` computes as the formula of `line`: it parses, names
/// only what the plan has, and names nothing that depends on `line`.
pub fn check(plan: &Plan, line: LineId, text: &str) -> Result<Compiled, FormulaError> {
    let expr = compile(plan, text)?;
    let graph = Graph::new(plan);
    let named = |at: LineId| match graph.formula(at) {
        Some(Ok(expr)) => named_lines(expr),
        _ => Vec::new(),
    };
    match path_to(named_lines(&expr), line, named) {
        Some(path) => {
            let path: Vec<LineId> = std::iter::once(line).chain(path).collect();
            Err(FormulaError::Cycle { path: path_names(plan, &path) })
        }
        None => Ok(expr),
    }
}

/// A shortest path from one of `starts` to `target`, both included, along
/// the edges `next` gives: a breadth-first walk, each node visited once.
pub(super) fn path_to<N: Copy + Eq + Hash>(starts: Vec<N>, target: N, next: impl Fn(N) -> Vec<N>) -> Option<Vec<N>> {
    let mut parent: HashMap<N, Option<N>> = HashMap::new();
    let mut queue: VecDeque<N> = VecDeque::new();
    for start in starts {
        if parent.insert(start, None).is_none() {
            queue.push_back(start);
        }
    }
    while let Some(at) = queue.pop_front() {
        if at == target {
            let mut path = vec![at];
            while let Some(Some(step)) = parent.get(&path[path.len() - 1]) {
                path.push(*step);
            }
            path.reverse();
            return Some(path);
        }
        for following in next(at) {
            if let Entry::Vacant(entry) = parent.entry(following) {
                entry.insert(Some(at));
                queue.push_back(following);
            }
        }
    }
    None
}

impl Graph {
    pub fn new(plan: &Plan) -> Graph {
        let mut graph = Graph::default();
        let names = Names::of(plan);
        for line in &plan.lines {
            let volume = match line.forecast {
                Forecast::Driver { driver, .. } => Some(Ref::Driver(driver)),
                Forecast::Volume { indicator, .. } => Some(Ref::Indicator(indicator)),
                _ => None,
            };
            if let Some(volume) = volume {
                graph.priced.entry(volume).or_default().push(line.id);
            }
            let Some(text) = &line.formula else { continue };
            let compiled = names.compile(text, Some(plan));
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

    /// The lines that use a line, driver or indicator: formulas naming it,
    /// and for a driver or indicator the forecasts priced on it.
    pub fn users(&self, name: Ref) -> Vec<LineId> {
        let mut users = self.dependents.get(&name).cloned().unwrap_or_default();
        users.extend(self.priced.get(&name).into_iter().flatten());
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
        let priced = drivers.iter().flat_map(|driver| self.priced.get(&Ref::Driver(*driver)).into_iter().flatten());
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
pub(super) fn components<N: Copy + Eq + Hash>(nodes: &[N], edges: &HashMap<N, Vec<N>>) -> Vec<Vec<N>> {
    #[derive(Clone, Copy)]
    struct Mark {
        index: usize,
        low: usize,
        on_stack: bool,
    }
    let mut marks: HashMap<N, Mark> = HashMap::with_capacity(nodes.len());
    let mut stack: Vec<N> = Vec::new();
    let mut out = Vec::new();
    let mut next_index = 0;
    for &root in nodes {
        if marks.contains_key(&root) {
            continue;
        }
        // Each frame: a node and how many of its edges have been followed.
        let mut frames: Vec<(N, usize)> = vec![(root, 0)];
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

/// A cycle within a strongly connected `component`: the nodes on it in
/// order, the first again at the end.
pub(super) fn cycle_in<N: Copy + Eq + Hash>(component: &[N], edges: &HashMap<N, Vec<N>>) -> Vec<N> {
    let members: HashSet<N> = component.iter().copied().collect();
    let mut path = vec![component[0]];
    let mut at_position: HashMap<N, usize> = HashMap::from([(component[0], 0)]);
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
