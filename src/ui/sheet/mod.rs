//! The plan's views as data: the income statement (Resultat), any series
//! month by month (Budget per månad) and the report's department table
//! (Utfall och prognos). Each is a [`PlanSheet`] on the grid's contract
//! ([`crate::ui::grid::Sheet`]), a pure function of the engine tested
//! natively; [`PlanGrid`] shows the current one.

mod layout;
mod measure;
mod method;
mod plan_grid;
mod plan_sheet;

pub use measure::{Measure, Target, figure, target};
pub use plan_grid::PlanGrid;
pub use plan_sheet::PlanSheet;

use crate::model::Series;

/// The views of a plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// Resultaträkning: the income statement by category.
    #[default]
    Result,
    /// One series month by month, lines grouped by department.
    Monthly(Series),
    /// Utfall och prognos: outcome against budget and the forecast, per
    /// department and activity, as in the monthly report.
    Outcome,
    /// The dimensions, drivers and lines themselves (not a sheet).
    Structure,
    /// Indikatorer: the report's indicator tables (its own sheet, see [`crate::ui::indicators`]).
    Indicators,
    /// Fördelning: customers, keys, charges, billing and re-settlement.
    Allocation(crate::ui::allocation::AllocationPage),
    /// Scenarios for next year's budget and their measures (several sheets).
    Scenarios,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::april_2023;
    use crate::model::{Command, Engine, Forecast, Group, Row, Unit};
    use crate::ui::grid::{Access, At, Content, Editor, Fmt, Sheet, Style, Topic};
    use crate::ui::i18n::Lang;

    const SV: Fmt = Fmt { unit: Unit::Tkr, lang: Lang::Sv };

    fn example() -> Engine {
        Engine::new(april_2023()).unwrap()
    }

    /// The cell of the row and column with these keys.
    fn at(sheet: &PlanSheet, row: &str, col: &str) -> At {
        let row = sheet.rows().iter().position(|r| r.key == row).unwrap();
        At { row, col: sheet.columns().iter().position(|c| c.key == col).unwrap() }
    }

    #[test]
    fn the_budget_view_groups_lines_under_their_department() {
        let engine = example();
        let sheet = PlanSheet::new(View::Monthly(Series::Budget), engine.plan(), Lang::Sv);
        let (columns, rows) = (sheet.columns(), sheet.rows());
        assert_eq!(columns.len(), 16);
        assert_eq!(columns[12].label, "T1");
        assert_eq!(columns[0].label, "jan");
        assert_eq!(rows[0].style, Style::Group);
        assert_eq!(rows[0].label, "Gemensamma tjänster – Ekonomi");
        assert!(rows[1..6].iter().all(|row| row.style == Style::Line && row.section == Some(0)));
        assert_eq!(rows[1].topic, Topic::Row(Row::Line(engine.plan().lines[0].id)));
        assert_eq!(sheet.source(rows.len() - 1), Row::Result(Group::All));
    }

    #[test]
    fn cells_show_the_report_figures_and_a_typed_year_is_spread() {
        let engine = example();
        let sheet = PlanSheet::new(View::Result, engine.plan(), Lang::Sv);
        let total = sheet.show(&engine, at(&sheet, "total-cost", "budget-year"), SV);
        assert_eq!(total.content.text(SV), "1\u{a0}449\u{a0}802");
        assert_eq!(total.access, Access::Computed);
        assert_eq!(
            sheet.edit(&engine, at(&sheet, "total-cost", "budget-year"), SV),
            Err(Lang::Sv.computed_cell().into())
        );

        let monthly = PlanSheet::new(View::Monthly(Series::Budget), engine.plan(), Lang::Sv);
        let year = at(&monthly, "line-2", "year");
        assert_eq!(monthly.show(&engine, year, SV).access, Access::Typed);
        let Ok(Editor::Text { text, hint: Some(hint) }) = monthly.edit(&engine, year, SV) else {
            panic!("a text editor")
        };
        assert_eq!(text, "13\u{a0}725,8");
        assert!(hint.contains("hela radens budget") && hint.contains("kronor"), "{hint}");
        let entry = monthly.enter(&engine, year, "20 000", SV).unwrap();
        assert!(matches!(entry.command, Command::SetAmounts(ref cells) if cells.len() == 12));
        assert!(entry.note.unwrap().starts_with("Helåret fördelades på de öppna månaderna maj–dec"));
        assert_eq!(monthly.enter(&engine, year, "12,3,4", SV).unwrap_err(), "”12,3,4” är inte ett tal.");
    }

    #[test]
    fn a_forecast_computed_by_a_method_says_which_and_how_to_change_it() {
        let mut plan = april_2023();
        plan.lines[1].forecast = Forecast::RunRate;
        let engine = Engine::new(plan).unwrap();
        let sheet = PlanSheet::new(View::Monthly(Series::Forecast), engine.plan(), Lang::Sv);
        let refusal = sheet.edit(&engine, at(&sheet, "line-2", "m6"), SV).unwrap_err();
        assert!(refusal.contains("”Snitt av utfall”") && refusal.contains("Prognosmetod"), "{refusal}");
        let closed = sheet.edit(&engine, at(&sheet, "line-2", "m2"), SV).unwrap_err();
        assert!(closed.contains("utfallet"), "{closed}");
        assert!(sheet.edit(&engine, at(&sheet, "line-1", "m6"), SV).is_ok(), "a manual forecast is typed");
    }

    #[test]
    fn the_method_is_a_choice_from_a_list() {
        let engine = example();
        let sheet = PlanSheet::new(View::Outcome, engine.plan(), Lang::Sv);
        let method = at(&sheet, "line-1", "method");
        let shown = sheet.show(&engine, method, SV);
        assert_eq!((shown.content, shown.access), (Content::Text("Manuell".into()), Access::Choice));
        let Ok(Editor::Choice { options, current }) = sheet.edit(&engine, method, SV) else { panic!("a list") };
        assert_eq!(options, ["Budget", "Snitt av utfall", "Fjolårets profil", "Manuell"]);
        assert_eq!(current, Some(3));
        let entry = sheet.enter(&engine, method, "budget", SV).unwrap();
        assert_eq!(entry.command, Command::SetForecast { line: engine.plan().lines[0].id, forecast: Forecast::Budget });
        assert!(sheet.enter(&engine, method, "Gissning", SV).unwrap_err().contains("Manuell"));
        assert_eq!(sheet.clear(&engine, method), None);
        assert_eq!(sheet.show(&engine, at(&sheet, "total-operations", "method"), SV).content, Content::Empty);
    }

    #[test]
    fn a_formula_is_checked_when_entered_and_marks_its_cells() {
        let mut engine = example();
        let sheet = PlanSheet::new(View::Monthly(Series::Budget), engine.plan(), Lang::Sv);
        let cell = at(&sheet, "line-2", "m3");
        let refused = sheet.enter(&engine, cell, "=fte * pris", SV).unwrap_err();
        assert_eq!(refused, "Formeln ändrades inte: okänt namn ”fte” på position 1.");
        let entry = sheet.enter(&engine, cell, "=[Personalkostnader Ekonomi] * 0,1", SV).unwrap();
        engine.execute(entry.command).unwrap();
        let sheet = PlanSheet::new(View::Monthly(Series::Budget), engine.plan(), Lang::Sv);
        assert_eq!(sheet.show(&engine, cell, SV).access, Access::Formula);
        assert_eq!(sheet.show(&engine, at(&sheet, "line-2", "year"), SV).content.text(SV), "5\u{a0}974");
        let Ok(Editor::Text { text, .. }) = sheet.edit(&engine, cell, SV) else { panic!("the formula") };
        assert_eq!(text, "=[Personalkostnader Ekonomi] * 0,1");
        assert!(matches!(sheet.clear(&engine, cell), Some(Command::SetFormula { formula: None, .. })));
    }

    #[test]
    fn totals_note_rounding_and_incomplete_parts() {
        let engine = example();
        let sheet = PlanSheet::new(View::Outcome, engine.plan(), Lang::Sv);
        let shown = sheet.show(&engine, at(&sheet, "total-operations", "deviation-ytd"), SV);
        assert_eq!(shown.content.text(SV), "22\u{a0}331");
        assert!(shown.rounding.unwrap().contains("22\u{a0}332"));

        let mut plan = april_2023();
        plan.lines[1].formula = Some("=1 / 0".into());
        let engine = Engine::new(plan).unwrap();
        let sheet = PlanSheet::new(View::Result, engine.plan(), Lang::Sv);
        let total = sheet.show(&engine, at(&sheet, "total-cost", "budget-year"), SV);
        assert!(total.incomplete.unwrap().contains("”Konsultkostnader Ekonomi”"));
        assert_eq!(sheet.show(&engine, at(&sheet, "total-cost", "outcome-ytd"), SV).incomplete, None);
        let monthly = PlanSheet::new(View::Monthly(Series::Budget), engine.plan(), Lang::Sv);
        let broken = monthly.show(&engine, at(&monthly, "line-2", "m1"), SV);
        assert_eq!(broken.content, Content::Error("#FEL".into()));
        assert!(broken.title.unwrap().contains("division med noll"));
    }
}
