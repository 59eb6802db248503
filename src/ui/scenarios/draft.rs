//! What the forms type, read into engine values: a measure to add, a goal
//! to seek; refused, with why, when a figure is no figure.

use rust_decimal::Decimal;

use super::words::ChangeKind;
use crate::model::number::{parse_amount, parse_number};
use crate::model::plan::{Activity, CategoryId, DepartmentId, DriverId, IndicatorId};
use crate::model::scenario::{Change, Effect, Measure, MeasureId, Risk};
use crate::model::{Amount, Month, Selection, Unit};
use crate::ui::i18n::Lang;

/// Which lines a form selects: a department, a category and an activity,
/// each optional (none: all).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choice {
    pub department: Option<DepartmentId>,
    pub category: Option<CategoryId>,
    pub activity: Option<Activity>,
}

impl Choice {
    pub fn selection(&self) -> Selection {
        Selection {
            departments: self.department.into_iter().collect(),
            categories: self.category.into_iter().collect(),
            activities: self.activity.into_iter().collect(),
            ..Selection::default()
        }
    }
}

/// A measure as the form holds it, every figure as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub name: String,
    pub kind: ChangeKind,
    pub choice: Choice,
    pub driver: Option<DriverId>,
    /// The percentage, the amount a year (in the display unit) or the FTE.
    pub size: String,
    /// The cost a year of one FTE, in the display unit.
    pub cost_per_fte: String,
    pub from: Month,
    pub consequence: String,
    pub risk: Risk,
    pub indicator: Option<IndicatorId>,
    pub indicator_change: String,
}

impl Default for Draft {
    fn default() -> Draft {
        Draft {
            name: String::new(),
            kind: ChangeKind::Percent,
            choice: Choice::default(),
            driver: None,
            size: String::new(),
            cost_per_fte: String::new(),
            from: Month::JANUARY,
            consequence: String::new(),
            risk: Risk::Low,
            indicator: None,
            indicator_change: String::new(),
        }
    }
}

fn number(text: &str, lang: Lang) -> Result<Decimal, String> {
    parse_number(text.trim().trim_end_matches('%').trim()).map_err(|e| lang.amount_error(e, text))
}

fn amount(text: &str, unit: Unit, lang: Lang) -> Result<Amount, String> {
    parse_amount(text, unit).map_err(|e| lang.amount_error(e, text))
}

impl Draft {
    /// The measure with id `id`, or why the form cannot make one.
    pub fn measure(&self, id: MeasureId, unit: Unit, lang: Lang) -> Result<Measure, String> {
        if self.name.trim().is_empty() {
            return Err(lang.command_error(&crate::model::CommandError::EmptyName));
        }
        let selection = self.choice.selection();
        let change = match self.kind {
            ChangeKind::Percent => Change::Percent { selection, percent: number(&self.size, lang)? },
            ChangeKind::Index => Change::Index { selection, percent: number(&self.size, lang)? },
            ChangeKind::Amount => Change::Amount { selection, amount: amount(&self.size, unit, lang)? },
            ChangeKind::Fte => Change::Fte {
                selection,
                driver: self.driver,
                change: number(&self.size, lang)?,
                cost_per_fte: amount(&self.cost_per_fte, unit, lang)?,
            },
            ChangeKind::Volume | ChangeKind::Transfer => {
                let driver = self.driver.ok_or_else(|| lang.choose_driver().to_owned())?;
                Change::Volume { driver, percent: number(&self.size, lang)? }
            }
        };
        let effects = match (self.indicator, self.indicator_change.trim()) {
            (Some(indicator), change) if !change.is_empty() => {
                vec![Effect { indicator, change: number(change, lang)? }]
            }
            _ => Vec::new(),
        };
        Ok(Measure {
            consequence: self.consequence.trim().into(),
            risk: self.risk,
            effects,
            ..Measure::new(id, self.name.trim(), change, self.from)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_reads_its_figures_in_the_display_unit_and_refuses_bad_ones() {
        let draft = Draft {
            name: " Färre konsulter ".into(),
            kind: ChangeKind::Amount,
            size: "-2 000".into(),
            choice: Choice { department: Some(DepartmentId(1)), ..Choice::default() },
            indicator: Some(IndicatorId(6)),
            indicator_change: "-2,5".into(),
            ..Draft::default()
        };
        let measure = draft.measure(MeasureId(9), Unit::Tkr, Lang::Sv).unwrap();
        assert_eq!(measure.name, "Färre konsulter");
        let selection = Selection { departments: vec![DepartmentId(1)], ..Selection::default() };
        assert_eq!(measure.change, Change::Amount { selection, amount: Amount::kronor(-2_000_000) });
        assert_eq!(measure.effects, vec![Effect { indicator: IndicatorId(6), change: Decimal::new(-25, 1) }]);
        let bad = Draft { size: "mycket".into(), ..draft.clone() };
        assert_eq!(bad.measure(MeasureId(9), Unit::Tkr, Lang::Sv).unwrap_err(), "”mycket” är inte ett tal.");
        let nameless = Draft { name: " ".into(), ..draft };
        assert!(nameless.measure(MeasureId(9), Unit::Tkr, Lang::Sv).is_err());
        let volume = Draft { kind: ChangeKind::Volume, name: "Volym".into(), size: "5".into(), ..Draft::default() };
        assert_eq!(volume.measure(MeasureId(1), Unit::Kr, Lang::Sv).unwrap_err(), Lang::Sv.choose_driver());
    }
}
