//! The measures of a scenario as a sheet on the grid (åtgärder): a row a
//! measure with what it selects, from which month, its exact step on the
//! year's costs, its consequence, risk, the indicators it moves and the
//! customers it hits; a last row sums the steps and checks them against
//! scenario − base to the krona.

use rust_decimal::Decimal;

use super::edits::save;
use super::words::{ChangeKind, RISKS, effect_words, size_words, target_words};
use crate::model::number::{format_amount, parse_amount, parse_number};
use crate::model::scenario::{Base, Change, Evaluation, Measure, Scenario, ScenarioId, evaluate};
use crate::model::{Amount, Engine, Group, Kind, Month, Row};
use crate::ui::grid::{Access, At, ColumnSpec, Content, Editor, Entry, Fmt, RowSpec, Sheet, Shown, Style, Topic};

/// The year's costs: what a measure's step is measured on.
pub const COSTS: Row = Row::Total(Group::All, Kind::Cost);

const COLUMNS: [(&str, u16); 11] = [
    ("name", 220),
    ("kind", 110),
    ("size", 150),
    ("selection", 220),
    ("from", 70),
    ("effect", 120),
    ("consequence", 320),
    ("risk", 80),
    ("indicators", 160),
    ("customers", 90),
    ("enabled", 60),
];

/// A scenario's measures, their figures computed when it is built: the
/// view builds it anew after every edit, as a step depends on the whole
/// scenario.
pub struct MeasureSheet {
    scenario: Scenario,
    label: ColumnSpec,
    columns: Vec<ColumnSpec>,
    rows: Vec<RowSpec>,
    cells: Vec<Vec<Shown>>,
}

impl MeasureSheet {
    /// The measures of scenario `id` (none when the plan has no such scenario).
    pub fn new(engine: &Engine, id: ScenarioId, fmt: Fmt) -> MeasureSheet {
        let scenario = engine.plan().scenarios.iter().find(|s| s.id == id).cloned();
        let scenario =
            scenario.unwrap_or(Scenario { id, name: String::new(), base: Base::Budget, measures: Vec::new() });
        let lang = fmt.lang;
        let label = ColumnSpec { key: "number".into(), label: lang.number_heading().into(), width: 44 };
        let columns = COLUMNS
            .iter()
            .map(|(key, width)| ColumnSpec {
                key: (*key).into(),
                label: lang.measure_column(key).into(),
                width: *width,
            })
            .collect();
        let mut rows: Vec<RowSpec> = (scenario.measures.iter().enumerate())
            .map(|(i, m)| RowSpec {
                key: format!("measure-{}", m.id.0),
                label: (i + 1).to_string(),
                style: Style::Line,
                section: None,
                topic: Topic::Plan,
            })
            .collect();
        rows.push(RowSpec {
            key: "total".into(),
            label: lang.scenario_sum().into(),
            style: Style::Total,
            section: None,
            topic: Topic::Plan,
        });
        let evaluation = evaluate(engine, id);
        let mut cells: Vec<Vec<Shown>> = (scenario.measures.iter().enumerate())
            .map(|(i, measure)| measure_cells(engine, evaluation.as_ref().ok(), i, measure, fmt))
            .collect();
        cells.push(total_cells(engine, evaluation.as_ref().ok(), fmt));
        MeasureSheet { scenario, label, columns, rows, cells }
    }

    fn column(&self, at: At) -> &str {
        &self.columns[at.col].key
    }

    /// The scenario with measure `row` changed by `edit`, as a checked command.
    fn change(&self, engine: &Engine, row: usize, fmt: Fmt, edit: impl FnOnce(&mut Measure)) -> Result<Entry, String> {
        let mut scenario = self.scenario.clone();
        let measure = scenario.measures.get_mut(row).ok_or_else(|| fmt.lang.computed_cell().to_owned())?;
        edit(measure);
        let command = save(engine, vec![scenario]).map_err(|e| fmt.lang.command_error(&e))?;
        Ok(Entry { command, note: None })
    }
}

/// The cells of measure `i`, in [`COLUMNS`] order.
fn measure_cells(
    engine: &Engine,
    evaluation: Option<&Evaluation>,
    i: usize,
    measure: &Measure,
    fmt: Fmt,
) -> Vec<Shown> {
    let (plan, lang) = (engine.plan(), fmt.lang);
    let typed = |content| Shown { access: Access::Typed, ..Shown::computed(content) };
    let choice = |text: &str| Shown { access: Access::Choice, ..Shown::computed(Content::Text(text.into())) };
    let text = |text: String| Shown::computed(Content::Text(text));
    let error = evaluation.and_then(|e| e.steps.get(i)).and_then(|s| s.error.as_ref());
    let effect = match (evaluation, error) {
        (_, Some(error)) => Shown {
            title: Some(lang.measure_error(error)),
            ..Shown::computed(Content::Error(lang.error_mark().into()))
        },
        (Some(evaluation), None) => {
            Shown::computed(evaluation.step(engine, i, COSTS).map_or(Content::OutOfRange, Content::Amount))
        }
        (None, None) => Shown::computed(Content::Error(lang.error_mark().into())),
    };
    let hit = evaluation.map(|e| e.customers_hit(engine, i)).unwrap_or_default();
    let customers = Shown {
        title: (!hit.is_empty()).then(|| {
            let name = |c| plan.customers.iter().find(|x| x.id == c).map_or("?", |x| x.name.as_str());
            let line = |h: &crate::model::scenario::ChargeChange| match h.difference() {
                Some(d) => format!("{}: {} {}", name(h.customer), format_amount(d, fmt.unit), fmt.unit.symbol()),
                None => format!("{}: {}", name(h.customer), lang.error_mark()),
            };
            hit.iter().map(line).collect::<Vec<_>>().join("\n")
        }),
        ..Shown::computed(Content::Number { value: Decimal::from(hit.len()), decimals: 0 })
    };
    let size_access = if matches!(measure.change, Change::Transfer { .. }) { Access::Computed } else { Access::Typed };
    vec![
        typed(Content::Text(measure.name.clone())),
        text(lang.change_kind(ChangeKind::of(&measure.change)).into()),
        Shown { access: size_access, ..text(size_words(&measure.change, fmt.unit, lang)) },
        text(target_words(plan, &measure.change, lang)),
        choice(lang.month_short(measure.from).as_str()),
        effect,
        typed(Content::Text(measure.consequence.clone())),
        choice(lang.risk(measure.risk)),
        text(effect_words(plan, measure)),
        customers,
        choice(lang.on_off(measure.enabled)),
    ]
}

/// The sum of the steps, checked against scenario − base.
fn total_cells(engine: &Engine, evaluation: Option<&Evaluation>, fmt: Fmt) -> Vec<Shown> {
    let mut cells = vec![Shown::computed(Content::Empty); COLUMNS.len()];
    let Some(evaluation) = evaluation else { return cells };
    let mut steps = (0..evaluation.steps.len()).map(|i| evaluation.step(engine, i, COSTS));
    let sum = steps.try_fold(Amount::ZERO, |sum, step| sum.checked_add(step?));
    let difference =
        evaluation.year(engine, COSTS).and_then(|y| y.checked_sub(evaluation.year_after(engine, 0, COSTS)?));
    cells[5] = match (sum, difference) {
        (Ok(sum), Ok(difference)) if sum == difference => {
            Shown { title: Some(fmt.lang.steps_checked()), ..Shown::computed(Content::Amount(sum)) }
        }
        _ => Shown::computed(Content::OutOfRange),
    };
    cells
}

impl Sheet for MeasureSheet {
    fn label_column(&self) -> &ColumnSpec {
        &self.label
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn rows(&self) -> &[RowSpec] {
        &self.rows
    }

    fn show(&self, _: &Engine, at: At, _: Fmt) -> Shown {
        Shown::of(&self.cells, at)
    }

    fn edit(&self, engine: &Engine, at: At, fmt: Fmt) -> Result<Editor, String> {
        let lang = fmt.lang;
        let measure = self.scenario.measures.get(at.row).ok_or_else(|| lang.computed_cell().to_owned())?;
        let list = |options: Vec<String>, current: usize| Ok(Editor::Choice { options, current: Some(current) });
        match (self.column(at), self.show(engine, at, fmt).access) {
            ("from", _) => list(Month::all().map(|m| lang.month_short(m)).collect(), measure.from.index()),
            ("risk", _) => list(
                RISKS.map(|r| lang.risk(r).to_owned()).into(),
                RISKS.iter().position(|r| *r == measure.risk).unwrap_or(0),
            ),
            ("enabled", _) => {
                list([true, false].map(|on| lang.on_off(on).to_owned()).into(), usize::from(!measure.enabled))
            }
            ("size", Access::Typed) => {
                Ok(Editor::Text { text: size_text(&measure.change, fmt), hint: Some(lang.size_hint(fmt.unit)) })
            }
            (_, Access::Typed) => Ok(Editor::Text { text: self.show(engine, at, fmt).content.copied(fmt), hint: None }),
            _ => Err(lang.measure_cell_computed().into()),
        }
    }

    fn enter(&self, engine: &Engine, at: At, text: &str, fmt: Fmt) -> Result<Entry, String> {
        let lang = fmt.lang;
        let pick = |options: Vec<String>| {
            options.iter().position(|o| o.eq_ignore_ascii_case(text.trim())).ok_or_else(|| lang.choose_one(&options))
        };
        match self.column(at) {
            "name" if text.trim().is_empty() => Err(lang.command_error(&crate::model::CommandError::EmptyName)),
            "name" => self.change(engine, at.row, fmt, |m| m.name = text.trim().into()),
            "consequence" => self.change(engine, at.row, fmt, |m| m.consequence = text.trim().into()),
            "from" => {
                let month = Month::from_index(pick(Month::all().map(|m| lang.month_short(m)).collect())?);
                self.change(engine, at.row, fmt, |m| m.from = month.unwrap_or(m.from))
            }
            "risk" => {
                let risk = RISKS[pick(RISKS.map(|r| lang.risk(r).to_owned()).into())?];
                self.change(engine, at.row, fmt, |m| m.risk = risk)
            }
            "enabled" => {
                let on = pick([true, false].map(|on| lang.on_off(on).to_owned()).into())? == 0;
                self.change(engine, at.row, fmt, |m| m.enabled = on)
            }
            "size" => {
                let measure = self.scenario.measures.get(at.row).ok_or_else(|| lang.computed_cell().to_owned())?;
                let change = resized(&measure.change, text, fmt)?;
                self.change(engine, at.row, fmt, |m| m.change = change)
            }
            _ => Err(lang.measure_cell_computed().into()),
        }
    }

    fn clear(&self, engine: &Engine, at: At) -> Option<crate::model::Command> {
        let mut scenario = self.scenario.clone();
        let measure = scenario.measures.get_mut(at.row)?;
        (self.column(at) == "consequence").then(|| measure.consequence.clear());
        (self.column(at) == "consequence").then(|| save(engine, vec![scenario]).ok()).flatten()
    }
}

/// The figure of a measure's size as typed: a percentage, an amount in the
/// display unit, or a number of FTE.
fn size_text(change: &Change, fmt: Fmt) -> String {
    use crate::model::number::{clipboard_text, plain};
    match change {
        Change::Percent { percent, .. } | Change::Index { percent, .. } | Change::Volume { percent, .. } => {
            plain(*percent)
        }
        Change::Amount { amount, .. } | Change::Transfer { amount, .. } => clipboard_text(*amount, fmt.unit),
        Change::Fte { change, .. } => plain(*change),
    }
}

/// `change` with its size typed anew as `text`; refused, with why, when it is no figure.
fn resized(change: &Change, text: &str, fmt: Fmt) -> Result<Change, String> {
    let number = || parse_number(text.trim_end_matches('%').trim()).map_err(|e| fmt.lang.amount_error(e, text));
    let amount = || parse_amount(text, fmt.unit).map_err(|e| fmt.lang.amount_error(e, text));
    let mut change = change.clone();
    match &mut change {
        Change::Percent { percent, .. } | Change::Index { percent, .. } | Change::Volume { percent, .. } => {
            *percent = number()?
        }
        Change::Amount { amount: a, .. } | Change::Transfer { amount: a, .. } => *a = amount()?,
        Change::Fte { change, .. } => *change = number()?,
    }
    Ok(change)
}
