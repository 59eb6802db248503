//! The plan's views on the grid's contract: what each cell shows, and what
//! typing into it does.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::View;
use super::layout::{self, Source};
use super::measure::{Measure, Target, figure, target};
use super::method::{choices, method_label, same_method};
use crate::model::number::{format_exact, format_rounded, parse_amount, rounded};
use crate::model::period::closed_count;
use crate::model::{Command, Engine, Forecast, Line, LineId, Month, Plan, Row, Series, Span};
use crate::ui::grid::{Access, At, ColumnSpec, Content, Editor, Entry, Fmt, RowSpec, Sheet, Shown};
use crate::ui::i18n::Lang;

/// The width of the label column, in CSS pixels.
const LABEL_WIDTH: u16 = 240;

/// A view of the plan (Resultat, Budget per månad, Utfall och prognos),
/// built for one state of the plan's structure.
pub struct PlanSheet {
    label: ColumnSpec,
    columns: Vec<ColumnSpec>,
    measures: Vec<Measure>,
    specs: Vec<RowSpec>,
    sources: Vec<(Row, Vec<Row>)>,
    /// Where each line is in the plan's list of lines, to find it without a search.
    lines: HashMap<LineId, usize>,
}

impl PlanSheet {
    /// The sheet of `view`.
    pub fn new(view: View, plan: &Plan, lang: Lang) -> PlanSheet {
        let (columns, measures) = layout::columns(view, plan, lang).into_iter().unzip();
        let (specs, sources) =
            layout::rows(view, plan, lang).into_iter().map(|Source { spec, row, parts }| (spec, (row, parts))).unzip();
        let lines = plan.lines.iter().enumerate().map(|(index, line)| (line.id, index)).collect();
        let label = ColumnSpec { key: "label".into(), label: lang.line_header().into(), width: LABEL_WIDTH };
        PlanSheet { label, columns, measures, specs, sources, lines }
    }

    /// What each column measures.
    pub fn measures(&self) -> &[Measure] {
        &self.measures
    }

    /// The engine's row that sheet row `index` shows.
    pub fn source(&self, index: usize) -> Row {
        self.sources[index].0
    }

    /// The line a row shows, if it shows one.
    fn line<'a>(&self, plan: &'a Plan, row: Row) -> Option<&'a Line> {
        let Row::Line(id) = row else { return None };
        let indexed = self.lines.get(&id).and_then(|index| plan.lines.get(*index)).filter(|line| line.id == id);
        indexed.or_else(|| plan.line(id))
    }

    fn cell(&self, at: At) -> (Row, Measure) {
        (self.sources[at.row].0, self.measures[at.col])
    }

    /// Why a cell of `line` is not typed into, and what to do instead.
    fn refusal(engine: &Engine, line: &Line, measure: Measure, lang: Lang) -> String {
        let closed = engine.plan().closed_through;
        let open = |month: Month| month.index() >= closed_count(closed);
        match measure {
            Measure::Value(Series::Forecast, Span::Month(month)) if !open(month) => lang.closed_forecast(),
            Measure::Value(Series::Forecast, Span::Month(_) | Span::FullYear)
                if !matches!(line.forecast, Forecast::Manual { .. }) =>
            {
                lang.forecast_by_method(&method_label(engine, lang, &line.forecast))
            }
            Measure::Value(Series::Outcome, Span::Month(_)) => lang.outcome_not_closed(closed),
            _ => lang.computed_cell().to_owned(),
        }
    }

    /// The lines whose formula errors leave a total incomplete, named.
    fn incomplete(&self, engine: &Engine, row: Row, measure: Measure, lang: Lang) -> Option<String> {
        if matches!(row, Row::Line(_)) || !measure.uses_budget() {
            return None;
        }
        let names: Vec<String> = engine
            .errors(row)
            .into_iter()
            .filter_map(|id| self.line(engine.plan(), Row::Line(id)).map(|line| line.name.clone()))
            .collect();
        (!names.is_empty()).then(|| lang.incomplete_total(&names))
    }

    /// What the rounded parts of a row add up to, when it differs from its rounded figure.
    fn rounding(&self, engine: &Engine, index: usize, measure: Measure, fmt: Fmt) -> Option<String> {
        let (row, parts) = &self.sources[index];
        if parts.is_empty() {
            return None;
        }
        let shown = |row: Row| figure(engine, row, measure)?.ok().map(|amount| rounded(amount, fmt.unit));
        let total = shown(*row)?;
        let sum = parts.iter().try_fold(Decimal::ZERO, |sum, part| sum.checked_add(shown(*part)?))?;
        (sum != total).then(|| fmt.lang.rounding_note(&format_rounded(sum, fmt.unit)))
    }

    /// The forecast method chosen by `text`, one of the list's options.
    fn choose(engine: &Engine, line: &Line, text: &str, lang: Lang) -> Result<Entry, String> {
        let options = choices(engine, line.id);
        let chosen =
            options.iter().find(|forecast| method_label(engine, lang, forecast).eq_ignore_ascii_case(text.trim()));
        let forecast = chosen.cloned().ok_or_else(|| {
            let names: Vec<String> = options.iter().map(|forecast| method_label(engine, lang, forecast)).collect();
            lang.not_a_choice(text, &names)
        })?;
        Ok(Entry { command: Command::SetForecast { line: line.id, forecast }, note: None })
    }
}

impl Sheet for PlanSheet {
    fn label_column(&self) -> &ColumnSpec {
        &self.label
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn rows(&self) -> &[RowSpec] {
        &self.specs
    }

    fn show(&self, engine: &Engine, at: At, fmt: Fmt) -> Shown {
        let (row, measure) = self.cell(at);
        let plan = engine.plan();
        let line = self.line(plan, row);
        if measure == Measure::Method {
            let name = line.map(|line| Content::Text(method_label(engine, fmt.lang, &line.forecast)));
            let access = if line.is_some() { Access::Choice } else { Access::Computed };
            return Shown { access, ..Shown::computed(name.unwrap_or(Content::Empty)) };
        }
        let access = match line.and_then(|line| target(plan, line, measure)) {
            None => Access::Computed,
            Some(Target::Formula(_)) => Access::Formula,
            Some(_) => Access::Typed,
        };
        let error = match (line, measure) {
            (Some(line), Measure::Value(Series::Budget, _)) => engine.formula_error(line.id),
            _ => None,
        };
        let content = match (error, figure(engine, row, measure)) {
            (Some(_), _) => Content::Error("#FEL".into()),
            (None, Some(Ok(amount))) => Content::Amount(amount),
            (None, Some(Err(_))) => Content::OutOfRange,
            (None, None) => Content::Empty,
        };
        Shown {
            content,
            access,
            title: error.map(|error| fmt.lang.formula_error(error)),
            incomplete: self.incomplete(engine, row, measure, fmt.lang),
            rounding: self.rounding(engine, at.row, measure, fmt),
        }
    }

    fn edit(&self, engine: &Engine, at: At, fmt: Fmt) -> Result<Editor, String> {
        let (row, measure) = self.cell(at);
        let lang = fmt.lang;
        let line = self.line(engine.plan(), row).ok_or_else(|| lang.computed_cell().to_owned())?;
        if measure == Measure::Method {
            let options = choices(engine, line.id);
            let current = options.iter().position(|forecast| same_method(forecast, &line.forecast));
            let options = options.iter().map(|forecast| method_label(engine, lang, forecast)).collect();
            return Ok(Editor::Choice { options, current });
        }
        let target = target(engine.plan(), line, measure).ok_or_else(|| Self::refusal(engine, line, measure, lang))?;
        let (text, hint) = match target {
            Target::Formula(_) => (line.formula.clone().unwrap_or_default(), lang.formula_hint(fmt.unit)),
            _ => {
                let current = figure(engine, row, measure).and_then(Result::ok);
                let hint = match target.formula_line() {
                    Some(_) => lang.budget_hint(fmt.unit),
                    None => lang.amount_hint(fmt.unit),
                };
                (current.map(|amount| format_exact(amount, fmt.unit)).unwrap_or_default(), hint)
            }
        };
        Ok(Editor::Text { text, hint: Some(hint) })
    }

    fn enter(&self, engine: &Engine, at: At, text: &str, fmt: Fmt) -> Result<Entry, String> {
        let (row, measure) = self.cell(at);
        let (plan, lang) = (engine.plan(), fmt.lang);
        let line = self.line(plan, row).ok_or_else(|| lang.computed_cell().to_owned())?;
        if measure == Measure::Method {
            return Self::choose(engine, line, text, lang);
        }
        let target = target(plan, line, measure).ok_or_else(|| Self::refusal(engine, line, measure, lang))?;
        if text.trim_start().starts_with('=') {
            let line = target.formula_line().ok_or_else(|| lang.formula_only_budget().to_owned())?;
            let command = engine.formula_command(line, Some(text.to_owned())).map_err(|e| lang.command_error(&e))?;
            return Ok(Entry { command, note: None });
        }
        let amount = parse_amount(text, fmt.unit).map_err(|error| lang.amount_error(error, text))?;
        let typed = target.entry(plan, amount).ok_or_else(|| lang.formula_cell().to_owned())?;
        let typed = typed.map_err(|error| lang.command_error(&error))?;
        let note = typed.fill.map(|fill| lang.year_filled(fill, plan.closed_through));
        Ok(Entry { command: Command::SetAmounts(typed.cells), note })
    }

    fn clear(&self, engine: &Engine, at: At) -> Option<Command> {
        let (row, measure) = self.cell(at);
        let line = self.line(engine.plan(), row)?;
        target(engine.plan(), line, measure).map(|target| target.clear(engine.plan()))
    }
}
