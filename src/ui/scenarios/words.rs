//! Measures and selections in words: what a measure selects, what it
//! changes, its kind and risk, as the editor and the comparison show them.

use rust_decimal::Decimal;

use crate::model::indicator::Status as IndicatorStatus;
use crate::model::number::{format_amount, format_number, plain};
use crate::model::plan::Plan;
use crate::model::scenario::{Base, Change, Measure, Risk};
use crate::model::{Selection, Unit};
use crate::ui::grid::Status;
use crate::ui::i18n::Lang;

/// The kinds of change a measure can make, in the order the form offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Percent,
    Amount,
    Fte,
    Index,
    Volume,
    Transfer,
}

impl ChangeKind {
    /// The kinds a measure added through the form can have.
    pub const FORM: [ChangeKind; 5] =
        [ChangeKind::Percent, ChangeKind::Amount, ChangeKind::Fte, ChangeKind::Index, ChangeKind::Volume];

    pub fn of(change: &Change) -> ChangeKind {
        match change {
            Change::Percent { .. } => ChangeKind::Percent,
            Change::Amount { .. } => ChangeKind::Amount,
            Change::Fte { .. } => ChangeKind::Fte,
            Change::Index { .. } => ChangeKind::Index,
            Change::Volume { .. } => ChangeKind::Volume,
            Change::Transfer { .. } => ChangeKind::Transfer,
        }
    }

    /// A language-independent key, for form values and tests.
    pub fn key(self) -> &'static str {
        match self {
            ChangeKind::Percent => "percent",
            ChangeKind::Amount => "amount",
            ChangeKind::Fte => "fte",
            ChangeKind::Index => "index",
            ChangeKind::Volume => "volume",
            ChangeKind::Transfer => "transfer",
        }
    }
}

/// The three risk levels, low to high.
pub const RISKS: [Risk; 3] = [Risk::Low, Risk::Medium, Risk::High];

/// The names of what `selection` names in `plan`, criterion by criterion:
/// "Ekonomi, HR · Personalkostnader", or "alla rader".
pub fn selection_words(plan: &Plan, selection: &Selection, lang: Lang) -> String {
    let names = |found: Vec<Option<String>>| found.into_iter().map(|n| n.unwrap_or_else(|| "?".into())).collect();
    let parts: [Vec<String>; 6] = [
        names(selection.departments.iter().map(|id| plan.department(*id).map(|d| d.name.clone())).collect()),
        names(selection.categories.iter().map(|id| plan.category(*id).map(|c| c.name.clone())).collect()),
        names(
            selection
                .services
                .iter()
                .map(|id| plan.services.iter().find(|s| s.id == *id).map(|s| s.name.clone()))
                .collect(),
        ),
        selection.activities.iter().map(|a| lang.activity(*a).to_owned()).collect(),
        selection.kinds.iter().map(|k| lang.kind_words(*k).to_owned()).collect(),
        names(selection.lines.iter().map(|id| plan.line(*id).map(|l| l.name.clone())).collect()),
    ];
    let parts: Vec<String> = parts.iter().filter(|p| !p.is_empty()).map(|p| p.join(", ")).collect();
    if parts.is_empty() { lang.all_lines().to_owned() } else { parts.join(" · ") }
}

/// What a measure selects: its lines, a driver, or where a transfer goes.
pub fn target_words(plan: &Plan, change: &Change, lang: Lang) -> String {
    let driver = |id| plan.driver(id).map_or_else(|| "?".to_owned(), |d| d.name.clone());
    match change {
        Change::Percent { selection, .. } | Change::Amount { selection, .. } | Change::Index { selection, .. } => {
            selection_words(plan, selection, lang)
        }
        Change::Fte { selection, driver: Some(id), .. } => {
            format!("{} ({})", selection_words(plan, selection, lang), driver(*id))
        }
        Change::Fte { selection, .. } => selection_words(plan, selection, lang),
        Change::Volume { driver: id, .. } => driver(*id),
        Change::Transfer { from, to, .. } => {
            lang.transfer_words(&selection_words(plan, from, lang), &selection_words(plan, to, lang))
        }
    }
}

/// A signed percentage: "−5 %", "+3,5 %".
pub fn percent_words(percent: Decimal) -> String {
    format!(
        "{}{} %",
        if percent.is_sign_positive() && !percent.is_zero() { "+" } else { "" },
        format_number(percent.normalize(), percent.normalize().scale(), false)
    )
}

/// How much a measure changes: "−5 %", "−2 000 tkr/år", "−10 åa × 650 tkr".
pub fn size_words(change: &Change, unit: Unit, lang: Lang) -> String {
    let money = |amount| format!("{} {}", format_amount(amount, unit), unit.symbol());
    match change {
        Change::Percent { percent, .. } | Change::Index { percent, .. } | Change::Volume { percent, .. } => {
            percent_words(*percent)
        }
        Change::Amount { amount, .. } | Change::Transfer { amount, .. } => lang.per_year(&money(*amount)),
        Change::Fte { change, cost_per_fte, .. } => {
            format!("{} {} × {}", plain(*change), lang.fte_short(), money(*cost_per_fte))
        }
    }
}

/// The indicators a measure moves: "SLA −5; NKI −2".
pub fn effect_words(plan: &Plan, measure: &Measure) -> String {
    let name = |id| plan.indicators.iter().find(|i| i.id == id).map_or_else(|| "?".to_owned(), |i| i.name.clone());
    let signed = |d: Decimal| if d.is_sign_negative() { format!("−{}", plain(-d)) } else { format!("+{}", plain(d)) };
    measure.effects.iter().map(|e| format!("{} {}", name(e.indicator), signed(e.change))).collect::<Vec<_>>().join("; ")
}

/// What a scenario starts from, in words.
pub fn base_words(plan: &Plan, base: Base, lang: Lang) -> String {
    match base {
        Base::Budget => lang.base_budget().to_owned(),
        Base::Scenario(id) => plan.scenarios.iter().find(|s| s.id == id).map_or_else(|| "?".into(), |s| s.name.clone()),
    }
}

/// An indicator's status on the grid, always with its word.
pub fn status(status: IndicatorStatus, lang: Lang) -> (Status, String) {
    let grid = match status {
        IndicatorStatus::Green => Status::Green,
        IndicatorStatus::Yellow => Status::Yellow,
        IndicatorStatus::Red => Status::Red,
        IndicatorStatus::NotAssessable => Status::Unassessed,
    };
    (grid, lang.status_word(status).to_owned())
}
