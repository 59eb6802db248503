//! The Indikatorer view as data: the report's indicator tables in one grid,
//! a heading row a table (perspective and periodicity, with the period's
//! column headings) and a row an indicator.

use crate::model::indicator::sheet::{Column, Figure, SheetRow, set_texts};
use crate::model::indicator::{IndicatorEdit, Source, Status};
use crate::model::number::plain;
use crate::model::{Command, Engine, IndicatorId, Periodicity, Plan};
use crate::ui::grid::{self, Access, At, ColumnSpec, Content, Editor, Entry, Fmt, RowSpec, Sheet, Shown, Style, Topic};
use crate::ui::i18n::Lang;

/// What a row of the sheet is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum RowSource {
    /// The heading of a table: its column headings, as the report prints them.
    Heading(Vec<String>),
    Indicator(IndicatorId),
}

/// The indicator tables of a plan as one sheet.
pub struct IndicatorSheet {
    label: ColumnSpec,
    columns: Vec<ColumnSpec>,
    /// Which report column each grid column is.
    kinds: Vec<Column>,
    rows: Vec<RowSpec>,
    sources: Vec<RowSource>,
}

/// Every column a table can have, in the report's order.
const ALL: [Column; 7] = [
    Column::LastYear,
    Column::Outcome,
    Column::Target,
    Column::Forecast,
    Column::AnnualTarget,
    Column::R12,
    Column::Status,
];

/// A column's stable key.
fn key(column: Column) -> &'static str {
    match column {
        Column::LastYear => "last-year",
        Column::Outcome => "outcome",
        Column::Target => "target",
        Column::Forecast => "forecast",
        Column::AnnualTarget => "annual-target",
        Column::R12 => "r12",
        Column::Status => "status",
    }
}

impl IndicatorSheet {
    /// The tables of the plan in `engine` as of its closed month.
    pub fn new(engine: &Engine, lang: Lang) -> IndicatorSheet {
        let plan = engine.plan();
        let columns = ALL
            .iter()
            .map(|c| {
                let width = if *c == Column::Status { 170 } else { 140 };
                ColumnSpec { key: key(*c).into(), label: lang.indicator_column(*c).into(), width }
            })
            .collect();
        let mut rows = Vec::new();
        let mut sources = Vec::new();
        for group in engine.indicator_sheet(plan.closed_through) {
            let heading = rows.len();
            let headings = ALL
                .iter()
                .map(|c| match group.columns.contains(c) {
                    true => lang.indicator_period_column(*c, group.period_name, group.year),
                    false => String::new(),
                })
                .collect();
            rows.push(RowSpec {
                key: format!("group-{}-{}", group.perspective.0, periodicity_key(group.periodicity)),
                label: lang.indicator_group(&group.perspective_name, group.periodicity),
                style: Style::Group,
                section: Some(heading),
                topic: Topic::Plan,
            });
            sources.push(RowSource::Heading(headings));
            for row in group.rows {
                rows.push(RowSpec {
                    key: format!("indicator-{}", row.indicator.0),
                    label: row.name.clone(),
                    style: Style::Line,
                    section: Some(heading),
                    topic: Topic::Plan,
                });
                sources.push(RowSource::Indicator(row.indicator));
            }
        }
        let label = ColumnSpec { key: "indicator".into(), label: lang.indicator_header().into(), width: 300 };
        IndicatorSheet { label, columns, kinds: ALL.to_vec(), rows, sources }
    }

    /// The indicator of a row, if it is one.
    pub fn indicator(&self, row: usize) -> Option<IndicatorId> {
        match self.sources.get(row)? {
            RowSource::Indicator(id) => Some(*id),
            RowSource::Heading(_) => None,
        }
    }

    /// The indicator's row now, and the report column of the cell.
    fn cell(&self, engine: &Engine, at: At) -> Option<(SheetRow, Column)> {
        let id = self.indicator(at.row)?;
        let column = *self.kinds.get(at.col)?;
        let periodicity = engine.plan().indicator(id)?.definition.periodicity;
        if !Column::of(periodicity).contains(&column) {
            return None;
        }
        Some((engine.indicator_row(id, engine.plan().closed_through)?, column))
    }
}

impl IndicatorSheet {
    /// A cell outside the indicator's table: empty, and R12 says why.
    fn outside(&self, at: At, lang: Lang) -> Shown {
        let r12 = self.indicator(at.row).is_some() && self.kinds.get(at.col) == Some(&Column::R12);
        Shown { title: r12.then(|| lang.r12_only_monthly().into()), ..Shown::computed(Content::Empty) }
    }
}

/// A periodicity's key, the same in every language.
fn periodicity_key(periodicity: Periodicity) -> &'static str {
    match periodicity {
        Periodicity::Year => "year",
        Periodicity::Tertial => "tertial",
        Periodicity::Month => "month",
    }
}

fn grid_status(status: Status) -> grid::Status {
    match status {
        Status::Green => grid::Status::Green,
        Status::Yellow => grid::Status::Yellow,
        Status::Red => grid::Status::Red,
        Status::NotAssessable => grid::Status::Unassessed,
    }
}

/// Why a figure is computed, for its tooltip and a refusal to type in it.
fn computed_reason(plan: &Plan, row: &SheetRow, column: Column, lang: Lang) -> Option<String> {
    if row.computed {
        let formula = plan.indicator(row.indicator).and_then(|i| i.formula.clone()).unwrap_or_default();
        return Some(lang.computed_by_formula(&formula));
    }
    (column == Column::R12 && row.r12.source == Source::Computed).then(|| lang.r12_computed().into())
}

/// The status cell: a symbol and a word, with the rule that set it.
fn status_shown(plan: &Plan, row: &SheetRow, lang: Lang) -> Shown {
    let Some(indicator) = plan.indicator(row.indicator) else { return Shown::computed(Content::Empty) };
    let definition = &indicator.definition;
    let period = definition.periodicity.name(definition.periodicity.reported(plan.closed_through));
    let title = lang.status_tooltip(
        &lang.period_name(period, plan.year),
        &row.status,
        &row.forecast_status,
        &definition.direction,
        &definition.unit,
        definition.decimals,
    );
    let label = lang.status_label(row.status.status, row.status.rule.symbols).to_owned();
    let content = Content::Status { status: grid_status(row.status.status), label };
    Shown { title: Some(title), ..Shown::computed(content) }
}

/// A figure as a cell: its value with the unit, "–" when not reported.
fn figure_shown(figure: &Figure, lang: Lang) -> Shown {
    let access = if figure.cell.is_some() && figure.source == Source::Typed { Access::Typed } else { Access::Computed };
    match figure.text() {
        Some(text) => Shown { access, ..Shown::computed(Content::Text(text)) },
        None => {
            Shown { access, title: Some(lang.not_reported().into()), ..Shown::computed(Content::Text("–".into())) }
        }
    }
}

impl Sheet for IndicatorSheet {
    fn label_column(&self) -> &ColumnSpec {
        &self.label
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn rows(&self) -> &[RowSpec] {
        &self.rows
    }

    fn show(&self, engine: &Engine, at: At, fmt: Fmt) -> Shown {
        if let Some(RowSource::Heading(headings)) = self.sources.get(at.row) {
            let text = headings.get(at.col).cloned().unwrap_or_default();
            return Shown::computed(if text.is_empty() { Content::Empty } else { Content::Text(text) });
        }
        let Some((row, column)) = self.cell(engine, at) else { return self.outside(at, fmt.lang) };
        let (lang, plan) = (fmt.lang, engine.plan());
        let Some(figure) = row.figure(column) else { return status_shown(plan, &row, lang) };
        if let Some(fault) = row.fault.as_ref().filter(|_| figure.value.is_none()) {
            let title = lang.formula_error(&fault.error);
            return Shown { title: Some(title), ..Shown::computed(Content::Error("#FEL".into())) };
        }
        let shown = figure_shown(figure, lang);
        match computed_reason(plan, &row, column, lang) {
            Some(reason) => Shown { access: Access::Computed, title: Some(reason), ..shown },
            None => shown,
        }
    }

    fn edit(&self, engine: &Engine, at: At, fmt: Fmt) -> Result<Editor, String> {
        let lang = fmt.lang;
        let Some((row, column)) = self.cell(engine, at) else {
            return Err(self.outside(at, lang).title.unwrap_or_else(|| lang.computed_cell().into()));
        };
        let Some(figure) = row.figure(column) else { return Err(lang.status_computed().into()) };
        if let Some(reason) = computed_reason(engine.plan(), &row, column, lang) {
            return Err(reason);
        }
        if figure.cell.is_none() {
            return Err(lang.computed_cell().into());
        }
        let text = figure.value.map(plain).unwrap_or_default();
        Ok(Editor::Text { text, hint: Some(lang.indicator_value_hint(&figure.unit)) })
    }

    fn enter(&self, engine: &Engine, at: At, text: &str, fmt: Fmt) -> Result<Entry, String> {
        self.edit(engine, at, fmt)?;
        let (row, column) = self.cell(engine, at).ok_or_else(|| fmt.lang.computed_cell().to_owned())?;
        let figure = row.figure(column).ok_or_else(|| fmt.lang.status_computed().to_owned())?;
        let cell = figure.cell.ok_or_else(|| fmt.lang.computed_cell().to_owned())?;
        match set_texts(engine.plan(), &[(cell, text)]) {
            Ok(command) => Ok(Entry { command, note: None }),
            Err(error) => Err(fmt.lang.indicator_value_error(error.error, &error.text, &figure.unit)),
        }
    }

    fn clear(&self, engine: &Engine, at: At) -> Option<Command> {
        let (row, column) = self.cell(engine, at)?;
        computed_reason(engine.plan(), &row, column, Lang::En).is_none().then_some(())?;
        let cell = row.figure(column)?.cell?;
        Some(Command::Indicator(IndicatorEdit::SetValues(vec![(cell, None)])))
    }
}
