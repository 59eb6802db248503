//! The words of the Indikatorer view, in Swedish and English.

use rust_decimal::Decimal;

use crate::model::indicator::sheet::Column;
use crate::model::indicator::{
    Assessment, Basis, Direction, IndicatorUnit, PeriodName, Periodicity, Reason, Reference, RuleSource, Status,
    Symbols, Tolerance,
};
use crate::model::number::format_number;
use crate::model::period::Tertial;
use crate::ui::i18n::Lang;

impl Lang {
    pub fn view_indicators(self) -> &'static str {
        self.pick("Indikatorer", "Indicators")
    }

    pub fn indicator_header(self) -> &'static str {
        self.pick("Indikator", "Indicator")
    }

    /// The heading of a column of the indicator tables.
    pub fn indicator_column(self, column: Column) -> &'static str {
        match column {
            Column::LastYear => self.pick("Utfall förra året", "Outcome last year"),
            Column::Outcome => self.pick("Utfall", "Outcome"),
            Column::Target => self.pick("Mål", "Target"),
            Column::Forecast => self.pick("Prognos helår", "Forecast full year"),
            Column::AnnualTarget => self.pick("Årsmål", "Annual target"),
            Column::R12 => "R12",
            Column::Status => "Status",
        }
    }

    /// A column's heading in a table at `period` of `year`, as the report
    /// prints it: "Utfall T1 2022", "Mål apr 2023", "Målvärde 2023".
    pub fn indicator_period_column(self, column: Column, period: PeriodName, year: i32) -> String {
        let at = |year: i32| match period {
            PeriodName::Year => year.to_string(),
            PeriodName::Tertial(tertial) => format!("{} {year}", tertial_name(tertial)),
            PeriodName::Month(month) => format!("{} {year}", self.month_short(month)),
        };
        match column {
            Column::LastYear => format!("{} {}", self.pick("Utfall", "Outcome"), at(year - 1)),
            Column::Outcome => format!("{} {}", self.pick("Utfall", "Outcome"), at(year)),
            Column::Target => format!("{} {}", self.pick("Mål", "Target"), at(year)),
            Column::AnnualTarget => format!("{} {year}", self.pick("Årsmål", "Annual target")),
            Column::R12 => format!("R12 {}", at(year)),
            Column::Forecast | Column::Status => self.indicator_column(column).to_owned(),
        }
    }

    pub fn periodicity_name(self, periodicity: Periodicity) -> &'static str {
        match periodicity {
            Periodicity::Year => self.pick("År", "Year"),
            Periodicity::Tertial => self.pick("Tertial", "Tertial"),
            Periodicity::Month => self.pick("Månad", "Month"),
        }
    }

    /// The heading of a table: "Kund och ägare – Tertial".
    pub fn indicator_group(self, perspective: &str, periodicity: Periodicity) -> String {
        format!("{perspective} – {}", self.periodicity_name(periodicity))
    }

    /// A status as a symbol and a word, so that it does not depend on colour.
    pub fn status_label(self, status: Status, symbols: Symbols) -> &'static str {
        use Status::{Green, NotAssessable, Red, Yellow};
        match (symbols, status) {
            (_, NotAssessable) => self.pick("○ Kan inte bedömas", "○ Cannot be assessed"),
            (Symbols::TrafficLights, Green) => self.pick("● Grön", "● Green"),
            (Symbols::TrafficLights, Yellow) => self.pick("▲ Gul", "▲ Yellow"),
            (Symbols::TrafficLights, Red) => self.pick("■ Röd", "■ Red"),
            (Symbols::Arrows, Green) => self.pick("↑ Förbättrad", "↑ Improved"),
            (Symbols::Arrows, Yellow) => self.pick("→ Oförändrad", "→ Unchanged"),
            (Symbols::Arrows, Red) => self.pick("↓ Försämrad", "↓ Worse"),
            (Symbols::Smileys, Green) => self.pick("☺ Uppfyllt", "☺ Met"),
            (Symbols::Smileys, Yellow) => self.pick("◐ Delvis uppfyllt", "◐ Partly met"),
            (Symbols::Smileys, Red) => self.pick("☹ Ej uppfyllt", "☹ Not met"),
        }
    }

    pub fn direction_name(self, direction: &Direction) -> String {
        match direction {
            Direction::HigherIsBetter => self.pick("högre är bättre", "higher is better").into(),
            Direction::LowerIsBetter => self.pick("lägre är bättre", "lower is better").into(),
            Direction::Band { low, high } => format!(
                "{} {}–{}",
                self.pick("målintervall", "target band"),
                format_number(*low, 6, true),
                format_number(*high, 6, true)
            ),
        }
    }

    /// What a rule says, in a sentence without a full stop.
    pub fn rule_text(self, basis: &Basis) -> String {
        match (self, basis) {
            (Lang::Sv, Basis::Target { yellow: Tolerance::Percent(p) }) => {
                format!("grön när målet nås, gul inom {} % från målet, annars röd", number(*p))
            }
            (Lang::En, Basis::Target { yellow: Tolerance::Percent(p) }) => {
                format!("green when the target is met, yellow within {} % of it, red otherwise", number(*p))
            }
            (Lang::Sv, Basis::Target { yellow: Tolerance::ShareOfTarget(p) }) => {
                format!("grön när målet nås, gul vid minst {} % av målet, annars röd", number(*p))
            }
            (Lang::En, Basis::Target { yellow: Tolerance::ShareOfTarget(p) }) => {
                format!("green when the target is met, yellow at {} % of it or more, red otherwise", number(*p))
            }
            (_, Basis::Change { against, unchanged_within }) => {
                let against = self.reference_name(*against);
                let within = number(*unchanged_within);
                match self {
                    Lang::Sv => format!("jämfört med {against}: grön om bättre, gul inom {within} %, röd om sämre"),
                    Lang::En => {
                        format!("against {against}: green if better, yellow within {within} %, red if worse")
                    }
                }
            }
        }
    }

    pub fn reference_name(self, reference: Reference) -> &'static str {
        match reference {
            Reference::PreviousPeriod => self.pick("perioden före", "the period before"),
            Reference::LastYear => self.pick("samma period förra året", "the same period last year"),
        }
    }

    pub fn rule_source(self, source: RuleSource) -> &'static str {
        match source {
            RuleSource::Plan => self.pick("planens standardregel", "the plan's default rule"),
            RuleSource::Indicator => self.pick("indikatorns egen regel", "the indicator's own rule"),
        }
    }

    fn reason(self, reason: Reason) -> &'static str {
        match reason {
            Reason::MissingValue => self.pick("värdet är inte rapporterat", "the value is not reported"),
            Reason::MissingReference => {
                self.pick("det som jämförs med är inte rapporterat", "what it is compared with is not reported")
            }
            Reason::Broken => self.pick("formeln kan inte räknas", "the formula cannot be computed"),
            Reason::Met => self.pick("målet är nått", "the target is met"),
            Reason::Near => self.pick("nära målet", "near the target"),
            Reason::Missed => self.pick("målet är inte nått", "the target is missed"),
            Reason::Improved => self.pick("bättre", "better"),
            Reason::Unchanged => self.pick("oförändrat", "unchanged"),
            Reason::Worse => self.pick("sämre", "worse"),
        }
    }

    /// One assessment: "apr 2023: ■ Röd – målet är inte nått: 5,7 % mot 5 % (gul gräns 5,25 %)".
    fn assessment_text(self, what: &str, assessment: &Assessment, unit: &IndicatorUnit, decimals: u32) -> String {
        let label = self.status_label(assessment.status, assessment.rule.symbols);
        let shown = |value: Option<Decimal>| value.map_or_else(|| "–".to_owned(), |v| with_unit(v, decimals, unit));
        let mut text = format!("{what}: {label} – {}", self.reason(assessment.reason));
        if assessment.status != Status::NotAssessable || assessment.value.is_some() {
            let against = self.pick("mot", "against");
            text += &format!(": {} {against} {}", shown(assessment.value), shown(assessment.reference));
        }
        if let Some(limit) = assessment.limit.filter(|_| assessment.status != Status::NotAssessable) {
            text += &format!(" ({} {})", self.pick("gul gräns", "yellow limit"), with_unit(limit, decimals + 2, unit));
        }
        text
    }

    /// The tooltip of a status: the period's and the forecast's, and the rule that set them.
    pub fn status_tooltip(
        self,
        period: &str,
        status: &Assessment,
        forecast: &Assessment,
        direction: &Direction,
        unit: &IndicatorUnit,
        decimals: u32,
    ) -> String {
        let rule = &status.rule;
        let what = format!("{} {period}", self.pick("Status", "Status"));
        let full_year = self.pick("Prognos helår", "Forecast full year");
        format!(
            "{}.\n{}.\n{} ({}): {}; {}.",
            self.assessment_text(&what, status, unit, decimals),
            self.assessment_text(full_year, forecast, unit, decimals),
            self.pick("Regel", "Rule"),
            self.rule_source(status.source),
            self.rule_text(&rule.basis),
            self.direction_name(direction),
        )
    }

    /// A period's name: "2023", "T1 2023", "apr 2023".
    pub fn period_name(self, period: PeriodName, year: i32) -> String {
        match period {
            PeriodName::Year => year.to_string(),
            PeriodName::Tertial(tertial) => format!("{} {year}", tertial_name(tertial)),
            PeriodName::Month(month) => format!("{} {year}", self.month_short(month)),
        }
    }

    pub fn not_reported(self) -> &'static str {
        self.pick("Inte rapporterat", "Not reported")
    }

    pub fn computed_by_formula(self, formula: &str) -> String {
        match self {
            Lang::Sv => format!("Beräknas med formeln {formula}; ändra formeln under tabellen."),
            Lang::En => format!("Computed by the formula {formula}; change the formula below the table."),
        }
    }

    pub fn r12_computed(self) -> &'static str {
        self.pick(
            "R12 beräknas från de tolv senaste månadernas utfall (i år och förra året).",
            "R12 is computed from the outcome of the last twelve months (this year and last year).",
        )
    }

    pub fn r12_only_monthly(self) -> &'static str {
        self.pick("R12 följs bara för månadsindikatorer.", "R12 is followed for monthly indicators only.")
    }

    pub fn status_computed(self) -> &'static str {
        self.pick(
            "Statusen räknas fram av regeln; ändra regeln under tabellen.",
            "The status is set by the rule; change the rule below the table.",
        )
    }

    /// The hint under a typed value: its unit and how to leave it unreported.
    pub fn indicator_value_hint(self, unit: &IndicatorUnit) -> String {
        let symbol = unit.symbol();
        let unit = if symbol.is_empty() { String::new() } else { format!(" ({symbol})") };
        match self {
            Lang::Sv => format!("Ett tal{unit}. Tomt eller – betyder inte rapporterat."),
            Lang::En => format!("A number{unit}. Empty or – means not reported."),
        }
    }
}

impl Lang {
    pub fn rule_kind(self, kind: &str) -> &'static str {
        match kind {
            "target-share" => self.pick("Målet, gul vid andel av målet", "Target, yellow at a share of it"),
            "change-previous" => self.pick("Perioden före (pilar)", "The period before (arrows)"),
            "change-last-year" => self.pick("Samma period förra året", "The same period last year"),
            _ => self.pick("Målet, gul inom marginal", "Target, yellow within a margin"),
        }
    }

    pub fn margin_label(self, kind: &str) -> &'static str {
        match kind {
            "target-share" => self.pick("Gul vid minst (% av målet)", "Yellow at least (% of target)"),
            "target-percent" => self.pick("Gul inom (%)", "Yellow within (%)"),
            _ => self.pick("Oförändrat inom (%)", "Unchanged within (%)"),
        }
    }

    pub fn symbols_name(self, symbols: Symbols) -> &'static str {
        match symbols {
            Symbols::TrafficLights => self.pick("Trafikljus", "Traffic lights"),
            Symbols::Arrows => self.pick("Pilar", "Arrows"),
            Symbols::Smileys => self.pick("Smileys", "Smileys"),
        }
    }

    pub fn rule_basis_label(self) -> &'static str {
        self.pick("Jämför med", "Compare with")
    }

    pub fn symbols_label(self) -> &'static str {
        self.pick("Visas som", "Shown as")
    }
}

/// A tertial's name as reports write it.
fn tertial_name(tertial: Tertial) -> &'static str {
    match tertial {
        Tertial::T1 => "T1",
        Tertial::T2 => "T2",
        Tertial::T3 => "T3",
    }
}

/// A number without trailing zeros: `5`, `5,5`.
fn number(value: Decimal) -> String {
    format_number(value, 6, true)
}

/// A value with at most `decimals` decimals and its unit: `5,7 %`, `45 000`.
pub fn with_unit(value: Decimal, decimals: u32, unit: &IndicatorUnit) -> String {
    let number = format_number(value, decimals, true);
    match unit.symbol() {
        "" => number,
        symbol => format!("{number}\u{a0}{symbol}"),
    }
}

impl Lang {
    pub fn indicator_trend_title(self) -> &'static str {
        self.pick("Trend", "Trend")
    }

    /// "Sjukfrånvaro: utfall apr 2023 5,7 %, mål 5 %."
    pub fn indicator_trend_description(self, name: &str, period: &str, outcome: &str, target: &str) -> String {
        match self {
            Lang::Sv => format!("{name}: utfall {period} {outcome}, mål {target}."),
            Lang::En => format!("{name}: outcome {period} {outcome}, target {target}."),
        }
    }
}
