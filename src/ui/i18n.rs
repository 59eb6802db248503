//! The words of the interface, in Swedish and English.

use crate::document::MAX_BYTES;
use crate::model::allocation::Refusal;
use crate::model::formula::FormulaError;
use crate::model::indicator::{IndicatorError, IndicatorUnit};
use crate::model::number::plain;
use crate::model::scenario::MeasureError;
use crate::model::spread::Fill;
use crate::model::{Activity, AllocationError, AmountError, CommandError, Forecast, Kind, Month, Plan, Series, Unit};
use crate::outcome_import::{MAX_CELLS, TableError};
use crate::storage::StorageFailure;

/// The language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Sv,
    En,
}

const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Lang {
    /// Swedish for a Swedish browser (`sv`, `sv-SE`, `sv-FI`), English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("sv") { Lang::Sv } else { Lang::En }
    }

    /// The BCP 47 tag, for the document's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The text of this language. Features keep their own texts in an
    /// `impl Lang` of their own folder (`texts.rs`), built on this.
    pub(crate) fn pick(self, sv: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    pub fn month(self, month: Month) -> &'static str {
        match self {
            Lang::Sv => MONTHS_SV[month.index()],
            Lang::En => MONTHS_EN[month.index()],
        }
    }

    pub fn line_header(self) -> &'static str {
        self.pick("Rad", "Line")
    }

    pub fn total(self, kind: Kind) -> &'static str {
        match kind {
            Kind::Cost => self.pick("Summa kostnader", "Total costs"),
            Kind::Revenue => self.pick("Summa intäkter", "Total revenue"),
        }
    }

    pub fn result(self) -> &'static str {
        self.pick("Resultat", "Result")
    }

    pub fn unit_label(self) -> &'static str {
        self.pick("Enhet", "Unit")
    }

    pub fn language_label(self) -> &'static str {
        self.pick("Språk", "Language")
    }

    pub fn undo(self) -> &'static str {
        self.pick("Ångra", "Undo")
    }

    pub fn redo(self) -> &'static str {
        self.pick("Gör om", "Redo")
    }

    pub fn dismiss(self) -> &'static str {
        self.pick("Stäng", "Dismiss")
    }

    /// "jan", "feb" …
    pub fn month_short(self, month: Month) -> String {
        self.month(month).chars().take(3).collect()
    }

    pub fn full_year(self) -> &'static str {
        self.pick("Helår", "Full year")
    }

    /// "Avvikelse jan–april".
    pub fn deviation_to_date(self, month: Month) -> String {
        match self {
            Lang::Sv => format!("Avvikelse jan–{}", self.month(month)),
            Lang::En => format!("Deviation Jan–{}", self.month(month)),
        }
    }

    /// "Förändring mot jan–mars".
    pub fn change_since(self, month: Month) -> String {
        match self {
            Lang::Sv => format!("Förändring mot jan–{}", self.month(month)),
            Lang::En => format!("Change since Jan–{}", self.month(month)),
        }
    }

    /// "R12 utfall april".
    pub fn rolling_twelve(self, month: Month) -> String {
        match self {
            Lang::Sv => format!("R12 utfall {}", self.month(month)),
            Lang::En => format!("R12 outcome {}", self.month(month)),
        }
    }

    pub fn forecast_deviation(self) -> &'static str {
        self.pick("Avvikelse prognos/budget helår", "Forecast vs budget, full year")
    }

    pub fn method(self) -> &'static str {
        self.pick("Prognosmetod", "Forecast method")
    }

    pub fn method_name(self, forecast: &Forecast) -> &'static str {
        match forecast {
            Forecast::Budget => self.pick("Budget", "Budget"),
            Forecast::RunRate => self.pick("Snitt av utfall", "Run rate"),
            Forecast::LastYear => self.pick("Fjolårets profil", "Last year's profile"),
            Forecast::Manual { .. } => self.pick("Manuell", "Manual"),
            Forecast::Driver { .. } => self.pick("Volym × pris", "Volume × price"),
            Forecast::Volume { .. } => self.pick("Volym × pris (indikator)", "Volume × price (indicator)"),
        }
    }

    pub fn activity(self, activity: Activity) -> &'static str {
        match activity {
            Activity::Operations => self.pick("förvaltning", "operations"),
            Activity::Development => self.pick("utveckling", "development"),
        }
    }

    /// A language-independent name of an activity, for keys.
    pub fn activity_key(self, activity: Activity) -> &'static str {
        match activity {
            Activity::Operations => "operations",
            Activity::Development => "development",
        }
    }

    pub fn activity_total(self, activity: Activity) -> &'static str {
        match activity {
            Activity::Operations => self.pick("Summa förvaltning", "Total operations"),
            Activity::Development => self.pick("Summa utveckling", "Total development"),
        }
    }

    pub fn series_name(self, series: Series) -> &'static str {
        match series {
            Series::Budget => self.pick("Budget", "Budget"),
            Series::Outcome => self.pick("Utfall", "Outcome"),
            Series::LastYear => self.pick("Utfall föregående år", "Outcome last year"),
            Series::Forecast => self.pick("Prognos", "Forecast"),
        }
    }

    pub fn view_result(self) -> &'static str {
        self.pick("Resultat", "Result")
    }

    pub fn view_monthly(self) -> &'static str {
        self.pick("Budget per månad", "Budget by month")
    }

    pub fn view_outcome(self) -> &'static str {
        self.pick("Utfall och prognos", "Outcome and forecast")
    }

    pub fn views_label(self) -> &'static str {
        self.pick("Vyer", "Views")
    }

    pub fn series_label(self) -> &'static str {
        self.pick("Serie", "Series")
    }

    pub fn close_month(self) -> &'static str {
        self.pick("Stäng månad", "Close month")
    }

    /// "Stängd t.o.m. april".
    pub fn closed_through(self, month: Option<Month>) -> String {
        match (self, month) {
            (Lang::Sv, Some(m)) => format!("Stängd t.o.m. {}", self.month(m)),
            (Lang::En, Some(m)) => format!("Closed through {}", self.month(m)),
            (_, None) => self.pick("Ingen månad stängd", "No month closed").into(),
        }
    }

    pub fn toggle_group(self, expanded: bool) -> &'static str {
        if expanded { self.pick("Fäll ihop", "Collapse") } else { self.pick("Fäll ut", "Expand") }
    }

    /// A note on a total whose rounded rows sum to another figure than it shows.
    pub fn rounding_note(self, rows: &str) -> String {
        match self {
            Lang::Sv => format!("Avrundat summerar raderna till {rows}; summan räknas på exakta belopp."),
            Lang::En => format!("The rounded rows add up to {rows}; the total is computed from exact amounts."),
        }
    }

    /// Why a total is incomplete: the lines it adds up whose formula has an error.
    pub fn incomplete_total(self, lines: &[String]) -> String {
        let names = lines.iter().map(|name| self.quoted(name)).collect::<Vec<_>>().join(", ");
        match (self, lines.len()) {
            (Lang::Sv, 1) => format!("Ofullständig summa: formeln på raden {names} har fel och räknas som 0."),
            (Lang::En, 1) => format!("Incomplete total: the formula of the line {names} has an error and counts as 0."),
            (Lang::Sv, _) => format!("Ofullständig summa: formlerna på raderna {names} har fel och räknas som 0."),
            (Lang::En, _) => {
                format!("Incomplete total: the formulas of the lines {names} have errors and count as 0.")
            }
        }
    }

    /// How many formulas of the plan cannot be computed.
    pub fn formula_errors(self, count: usize) -> String {
        match (self, count) {
            (Lang::Sv, 1) => "1 formel har fel".into(),
            (Lang::En, 1) => "1 formula has an error".into(),
            (Lang::Sv, n) => format!("{n} formler har fel"),
            (Lang::En, n) => format!("{n} formulas have errors"),
        }
    }

    /// A line's name and its formula's error, for the list of errors.
    pub fn line_error(self, name: &str, error: &FormulaError) -> String {
        format!("{}: {}", self.quoted(name), self.formula_error(error))
    }

    /// A name in the quotation marks of the language.
    fn quoted(self, name: &str) -> String {
        match self {
            Lang::Sv => format!("”{name}”"),
            Lang::En => format!("\u{201c}{name}\u{201d}"),
        }
    }

    /// Asks before closing `month` while lines lack outcome in it.
    pub fn close_without_outcome(self, month: Month, missing: usize, lines: usize, example: &str) -> String {
        let month = self.month(month);
        match (self, missing == lines) {
            (Lang::Sv, true) => format!(
                "Inget utfall är bokfört för {month}: ingen av de {lines} raderna med budget har utfall. Stänger du ändå räknas hela månadens budget som sparad."
            ),
            (Lang::En, true) => format!(
                "No outcome is booked for {month}: none of the {lines} lines with a budget has outcome. Closing anyway counts the whole month's budget as saved."
            ),
            (Lang::Sv, false) => format!(
                "{missing} av {lines} rader med budget saknar utfall för {month}, bland dem {}. Stänger du ändå räknas deras budget som sparad.",
                self.quoted(example)
            ),
            (Lang::En, false) => format!(
                "{missing} of {lines} lines with a budget have no outcome for {month}, among them {}. Closing anyway counts their budget as saved.",
                self.quoted(example)
            ),
        }
    }

    pub fn close_anyway(self) -> &'static str {
        self.pick("Stäng ändå", "Close anyway")
    }

    /// Why a pasted block was refused: `what` is wrong with the cell at
    /// 0-based `row` and `col` of the block.
    pub fn paste_refused(self, row: usize, col: usize, what: &str) -> String {
        let (row, col) = (row + 1, col + 1);
        match self {
            Lang::Sv => format!("Inklistringen ändrade inget: rad {row}, kolumn {col}: {what}"),
            Lang::En => format!("Nothing was pasted: row {row}, column {col}: {what}"),
        }
    }

    /// Why a pasted block does not fit where it was pasted.
    pub fn block_misfit(self, rows: usize, cols: usize) -> String {
        match self {
            Lang::Sv => format!(
                "Blocket ({rows} × {cols}) får inte plats här: det når utanför tabellen eller över beräknade celler. Inget ändrades."
            ),
            Lang::En => format!(
                "The block ({rows} × {cols}) does not fit here: it reaches past the table or over computed cells. Nothing changed."
            ),
        }
    }

    /// "Utfall ack april 2023".
    pub fn outcome_to_date(self, month: Month, year: i32) -> String {
        match self {
            Lang::Sv => format!("Utfall ack {} {year}", self.month(month)),
            Lang::En => format!("Outcome YTD {} {year}", self.month(month)),
        }
    }

    /// "Budget ack april 2023".
    pub fn budget_to_date(self, month: Month, year: i32) -> String {
        match self {
            Lang::Sv => format!("Budget ack {} {year}", self.month(month)),
            Lang::En => format!("Budget YTD {} {year}", self.month(month)),
        }
    }

    /// "Prognos helår 2023".
    pub fn forecast_year(self, year: i32) -> String {
        format!("{} {year}", self.pick("Prognos helår", "Forecast full year"))
    }

    /// "Budget helår 2023".
    pub fn budget_year(self, year: i32) -> String {
        format!("{} {year}", self.pick("Budget helår", "Budget full year"))
    }

    /// What is wrong with `input`, typed as an amount.
    pub fn amount_error(self, error: AmountError, input: &str) -> String {
        let input = input.trim();
        match (self, error) {
            (Lang::Sv, AmountError::Empty) => "Skriv ett belopp.".into(),
            (Lang::En, AmountError::Empty) => "Enter an amount.".into(),
            (Lang::Sv, AmountError::NotANumber) => format!("”{input}” är inte ett tal."),
            (Lang::En, AmountError::NotANumber) => format!("\u{201c}{input}\u{201d} is not a number."),
            (Lang::Sv, AmountError::TooManyDecimals) => "För många decimaler: belopp anges på öret.".into(),
            (Lang::En, AmountError::TooManyDecimals) => "Too many decimals: amounts are kept to the öre.".into(),
            (Lang::Sv, AmountError::OutOfRange) => "För stort belopp: högst 10^15 kr.".into(),
            (Lang::En, AmountError::OutOfRange) => "Amount too large: at most 10^15 kr.".into(),
        }
    }

    pub fn command_error(self, error: &CommandError) -> String {
        match error {
            CommandError::UnknownLine(_) => self.pick("Raden finns inte längre.", "The line no longer exists.").into(),
            CommandError::UnknownDriver(_) => {
                self.pick("Drivaren finns inte längre.", "The driver no longer exists.").into()
            }
            CommandError::NotEditable(_) => self.pick("Cellen är beräknad.", "The cell is computed.").into(),
            CommandError::YearClosed => {
                self.pick("Årets alla månader är redan stängda.", "Every month of the year is already closed.").into()
            }
            CommandError::Overflow { line: None } => self
                .pick(
                    "Ändringen gör en summa för stor (över 10^15 kr). Inget ändrades.",
                    "The change makes a total too large (over 10^15 kr). Nothing changed.",
                )
                .into(),
            CommandError::Overflow { line: Some(line) } => match self {
                Lang::Sv => format!(
                    "Ändringen gör ett belopp för stort (över 10^15 kr) på raden ”{line}” eller i en summa den ingår i. Inget ändrades."
                ),
                Lang::En => format!(
                    "The change makes an amount too large (over 10^15 kr) on the line '{line}' or in a total it belongs to. Nothing changed."
                ),
            },
            CommandError::UnknownItem(_) => self.pick("Den finns inte längre.", "It no longer exists.").into(),
            CommandError::DuplicateId(_) => self.pick("Det id:t används redan.", "That id is already taken.").into(),
            CommandError::EmptyName => self.pick("Ett namn kan inte vara tomt.", "A name cannot be empty.").into(),
            CommandError::InUse { by, count, .. } => match (self, count) {
                (Lang::Sv, 1) => format!("Kan inte tas bort: ”{by}” använder den."),
                (Lang::En, 1) => format!("Cannot be removed: '{by}' uses it."),
                (Lang::Sv, _) => format!("Kan inte tas bort: den används på {count} ställen, bland dem ”{by}”."),
                (Lang::En, _) => format!("Cannot be removed: it is used in {count} places, among them '{by}'."),
            },
            CommandError::UnknownScenario(_) => {
                self.pick("Scenariot finns inte längre.", "The scenario no longer exists.").into()
            }
            CommandError::DuplicateScenario(_) => {
                self.pick("Det scenario-id:t används redan.", "That scenario id is already taken.").into()
            }
            CommandError::DuplicateMeasure(_) => {
                self.pick("Det åtgärds-id:t används redan.", "That measure id is already taken.").into()
            }
            CommandError::ScenarioInUse { by } => match self {
                Lang::Sv => format!("Kan inte tas bort: scenariot ”{by}” utgår från det."),
                Lang::En => format!("Cannot be removed: the scenario '{by}' starts from it."),
            },
            CommandError::CircularBase(names) => match self {
                Lang::Sv => format!("Scenarierna skulle utgå från varandra i en ring: {}.", names.join(" → ")),
                Lang::En => format!("The scenarios would start from each other in a circle: {}.", names.join(" → ")),
            },
            CommandError::Measure(error) => self.measure_error(error),
            CommandError::Formula(error) => match self {
                Lang::Sv => format!("Formeln ändrades inte: {}.", self.formula_error(error)),
                Lang::En => format!("The formula was not changed: {}.", self.formula_error(error)),
            },
            CommandError::Allocation(refusal) => self.refusal(refusal),
            CommandError::Indicator(error) => self.indicator_error(error),
        }
    }

    /// Why an edit of customers, keys, pools, rules or prices was refused.
    pub fn refusal(self, refusal: &Refusal) -> String {
        use Refusal as R;
        let nothing = self.pick("Inget ändrades.", "Nothing changed.");
        let text = match (self, refusal) {
            (Lang::Sv, R::Unknown(_)) => "Den finns inte längre.".into(),
            (Lang::En, R::Unknown(_)) => "It no longer exists.".into(),
            (Lang::Sv, R::DuplicateId(_)) => "Det id:t används redan.".into(),
            (Lang::En, R::DuplicateId(_)) => "That id is already taken.".into(),
            (Lang::Sv, R::NegativeValue { key, customer }) => {
                format!("Ett nyckelvärde kan inte vara negativt (”{key}” för ”{customer}”).")
            }
            (Lang::En, R::NegativeValue { key, customer }) => {
                format!("A key value cannot be negative ('{key}' for '{customer}').")
            }
            (Lang::Sv, R::UnknownKey(_)) => "Nyckeln eller varianten finns inte.".into(),
            (Lang::En, R::UnknownKey(_)) => "The key or variant does not exist.".into(),
            (Lang::Sv, R::UnknownPool(_)) => "Kostnadspoolen finns inte.".into(),
            (Lang::En, R::UnknownPool(_)) => "The cost pool does not exist.".into(),
            (Lang::Sv, R::UnknownInSelection(_)) => {
                "Urvalet pekar på en avdelning, ett kostnadsslag, en tjänst eller en rad som inte finns.".into()
            }
            (Lang::En, R::UnknownInSelection(_)) => {
                "The selection names a department, category, service or line that does not exist.".into()
            }
            (Lang::Sv, R::NoVariant) => "En nyckel måste ha minst en variant.".into(),
            (Lang::En, R::NoVariant) => "A key needs at least one variant.".into(),
            (Lang::Sv, R::DuplicateVariant(_)) => "Två varianter av nyckeln har samma id.".into(),
            (Lang::En, R::DuplicateVariant(_)) => "Two variants of the key have the same id.".into(),
            (Lang::Sv, R::ZeroTotal { by, key }) => {
                format!("Summan av nyckeln ”{key}” blir noll, så ”{by}” kan inte fördelas.")
            }
            (Lang::En, R::ZeroTotal { by, key }) => {
                format!("The key '{key}' would total zero, so '{by}' could not be allocated.")
            }
            (Lang::Sv, R::CustomerInUse { customer, key, value }) => format!(
                "Kunden ”{customer}” kan inte tas bort: den har värdet {value} i nyckeln ”{key}” och får därmed en andel. Sätt värdet till noll, eller markera kunden som inaktiv."
            ),
            (Lang::En, R::CustomerInUse { customer, key, value }) => format!(
                "The customer '{customer}' cannot be removed: it has the value {value} in the key '{key}', which gives it a share. Set the value to zero, or mark the customer inactive."
            ),
            (Lang::Sv, R::InUse { by }) => format!("Kan inte tas bort: ”{by}” använder den."),
            (Lang::En, R::InUse { by }) => format!("Cannot be removed: '{by}' uses it."),
            (Lang::Sv, R::PoolTaken { pool, by }) => format!("Kostnadspoolen ”{pool}” faktureras redan av ”{by}”."),
            (Lang::En, R::PoolTaken { pool, by }) => format!("The cost pool '{pool}' is already billed by '{by}'."),
            (Lang::Sv, R::NoPool) => "Ett härlett pris behöver en kostnadspool att härledas ur.".into(),
            (Lang::En, R::NoPool) => "A derived price needs a cost pool to derive it from.".into(),
            (Lang::Sv, R::NegativePrice) => "Ett pris kan inte vara negativt.".into(),
            (Lang::En, R::NegativePrice) => "A price cannot be negative.".into(),
            (Lang::Sv, R::InPool { pool }) => format!("Kan inte tas bort: kostnadspoolen ”{pool}” väljer den."),
            (Lang::En, R::InPool { pool }) => format!("Cannot be removed: the cost pool '{pool}' selects it."),
        };
        format!("{text} {nothing}")
    }

    /// Why a figure of the allocation cannot be computed, naming what is
    /// concerned from `plan`.
    pub fn allocation_error(self, plan: &Plan, error: &AllocationError) -> String {
        use AllocationError as E;
        let allocation = &plan.allocation;
        let customer = |id| plan.customer(id).map_or_else(String::new, |c| c.name.clone());
        let line = |id| plan.line(id).map_or_else(String::new, |l| l.name.clone());
        match (self, error) {
            (Lang::Sv, E::UnknownPool(_)) => "kostnadspoolen finns inte".into(),
            (Lang::En, E::UnknownPool(_)) => "the cost pool does not exist".into(),
            (Lang::Sv, E::UnknownRule(_)) => "fördelningsregeln finns inte".into(),
            (Lang::En, E::UnknownRule(_)) => "the allocation rule does not exist".into(),
            (Lang::Sv, E::UnknownPrice(_)) => "priset finns inte".into(),
            (Lang::En, E::UnknownPrice(_)) => "the price does not exist".into(),
            (Lang::Sv, E::Inactive(id)) => format!("”{}” är inaktiv och debiteras inte", customer(*id)),
            (Lang::En, E::Inactive(id)) => format!("'{}' is inactive and not charged", customer(*id)),
            (Lang::Sv, E::UnknownKey(_)) => "nyckeln eller varianten finns inte".into(),
            (Lang::En, E::UnknownKey(_)) => "the key or variant does not exist".into(),
            (Lang::Sv, E::MissingValue { key, customer: id }) => {
                format!("”{}” saknar värde i nyckeln ”{}”", customer(*id), allocation.choice_name(*key))
            }
            (Lang::En, E::MissingValue { key, customer: id }) => {
                format!("'{}' has no value in the key '{}'", customer(*id), allocation.choice_name(*key))
            }
            (Lang::Sv, E::ZeroTotal(key)) => {
                format!("nyckeln ”{}” summerar till noll för de aktiva kunderna", allocation.choice_name(*key))
            }
            (Lang::En, E::ZeroTotal(key)) => {
                format!("the key '{}' totals zero over the active customers", allocation.choice_name(*key))
            }
            (Lang::Sv, E::BrokenLine(id)) => format!("formeln på raden ”{}” kan inte beräknas", line(*id)),
            (Lang::En, E::BrokenLine(id)) => format!("the formula of the line '{}' cannot be computed", line(*id)),
            (Lang::Sv, E::NoPool) => "priset härleds men har ingen kostnadspool".into(),
            (Lang::En, E::NoPool) => "the price is derived but has no cost pool".into(),
            (Lang::Sv, E::NothingBilled) => "inget fakturerades, så överskottet kan inte fördelas".into(),
            (Lang::En, E::NothingBilled) => "nothing was billed, so the surplus cannot be distributed".into(),
            (Lang::Sv, E::Overflow) => "ett belopp blir för stort (över 10^15 kr)".into(),
            (Lang::En, E::Overflow) => "an amount is too large (over 10^15 kr)".into(),
        }
    }

    /// Why an edit of an indicator was refused; nothing changed.
    pub fn indicator_error(self, error: &IndicatorError) -> String {
        use IndicatorError as E;
        match (self, error) {
            (Lang::Sv, E::Computed { indicator }) => {
                format!("”{indicator}” räknas fram med en formel; dess värden kan inte skrivas in.")
            }
            (Lang::En, E::Computed { indicator }) => {
                format!("'{indicator}' is computed by a formula; its values cannot be typed.")
            }
            (_, E::NoSuchPeriod) => {
                self.pick("Indikatorn har ingen sådan period.", "The indicator has no such period.").into()
            }
            (Lang::Sv, E::Value(error)) => format!("Värdet kan inte sparas: {}.", self.value_problem(*error)),
            (Lang::En, E::Value(error)) => format!("The value cannot be kept: {}.", self.value_problem(*error)),
            (Lang::Sv, E::BandReversed { low, high }) => format!(
                "Målintervallets nedre gräns ({}) är större än den övre ({}). Inget ändrades.",
                plain(*low),
                plain(*high)
            ),
            (Lang::En, E::BandReversed { low, high }) => format!(
                "The target band's low end ({}) is above its high end ({}). Nothing changed.",
                plain(*low),
                plain(*high)
            ),
            (Lang::Sv, E::Decimals(decimals)) => format!("{decimals} decimaler är för många: högst 6 visas."),
            (Lang::En, E::Decimals(decimals)) => format!("{decimals} decimals are too many: at most 6 are shown."),
            (_, E::Rule) => self
                .pick(
                    "Statusregeln är utanför gränserna: marginal 0–1000 %, andel av målet 1–100 %.",
                    "The status rule is out of range: margin 0–1000 %, share of the target 1–100 %.",
                )
                .into(),
            (_, E::Shape) => self
                .pick("Indikatorn ska ha ett värde per period.", "The indicator must have one value per period.")
                .into(),
            (_, E::UnknownPerspective(_)) => {
                self.pick("Perspektivet finns inte längre.", "The perspective no longer exists.").into()
            }
            (Lang::Sv, E::Volume { line }) => format!(
                "Raden ”{line}” hämtar sin volym från indikatorn, så den måste förbli en inskriven månadsindikator."
            ),
            (Lang::En, E::Volume { line }) => {
                format!("The line '{line}' takes its volume from the indicator, so it must stay a typed monthly one.")
            }
            (Lang::Sv, E::NotAVolume { indicator }) => {
                format!("”{indicator}” kan inte ge volym: bara en inskriven månadsindikator kan det.")
            }
            (Lang::En, E::NotAVolume { indicator }) => {
                format!("'{indicator}' cannot give a volume: only a typed monthly indicator can.")
            }
        }
    }

    /// What is wrong with a value for an indicator (without a full stop).
    fn value_problem(self, error: AmountError) -> &'static str {
        match error {
            AmountError::Empty => self.pick("inget värde", "no value"),
            AmountError::NotANumber => self.pick("inte ett tal", "not a number"),
            AmountError::TooManyDecimals => self.pick("högst 6 decimaler", "at most 6 decimals"),
            AmountError::OutOfRange => self.pick("högst 10^15", "at most 10^15"),
        }
    }

    /// What is wrong with `input`, typed or pasted into an indicator of `unit`.
    pub fn indicator_value_error(self, error: AmountError, input: &str, unit: &IndicatorUnit) -> String {
        let input = input.trim();
        let problem = self.value_problem(error);
        match (self, unit.symbol()) {
            (Lang::Sv, "") => format!("”{input}”: {problem}."),
            (Lang::En, "") => format!("\u{201c}{input}\u{201d}: {problem}."),
            (Lang::Sv, symbol) => format!("”{input}”: {problem} i enheten {symbol}."),
            (Lang::En, symbol) => format!("\u{201c}{input}\u{201d}: {problem} in the unit {symbol}."),
        }
    }

    /// Why a measure cannot be applied.
    pub fn measure_error(self, error: &MeasureError) -> String {
        match (self, error) {
            (_, MeasureError::EmptySelection) => self
                .pick(
                    "Åtgärden träffar inga rader: urvalet har inga inskrivna belopp från den månaden (formelrader följer det de räknas från).",
                    "The measure reaches no line: the selection has no typed amounts from that month (formula lines follow what they are computed from).",
                )
                .into(),
            (Lang::Sv, MeasureError::NegativeCost(line)) => {
                format!("Åtgärden skulle göra kostnaden på raden ”{line}” negativ. Inget ändrades.")
            }
            (Lang::En, MeasureError::NegativeCost(line)) => {
                format!("The measure would take the cost of the line '{line}' below zero. Nothing changed.")
            }
            (_, MeasureError::UnknownDriver(_)) => {
                self.pick("Drivaren finns inte längre.", "The driver no longer exists.").into()
            }
            (_, MeasureError::VolumeTooLow) => self
                .pick("En volym kan inte minska med 100 % eller mer.", "A volume cannot fall by 100 % or more.")
                .into(),
            (_, MeasureError::Overflow) => {
                self.pick("Ett belopp blir för stort (över 10^15 kr).", "An amount becomes too large (over 10^15 kr).").into()
            }
        }
    }

    /// What is wrong with a formula, and where.
    pub fn formula_error(self, error: &FormulaError) -> String {
        use FormulaError as E;
        match (self, error) {
            (Lang::Sv, E::Syntax { position, found: Some(found) }) => {
                format!("oväntat ”{found}” på position {position}")
            }
            (Lang::En, E::Syntax { position, found: Some(found) }) => {
                format!("unexpected '{found}' at position {position}")
            }
            (Lang::Sv, E::Syntax { position, found: None }) => {
                format!("formeln tar slut för tidigt, på position {position}")
            }
            (Lang::En, E::Syntax { position, found: None }) => {
                format!("the formula ends too early, at position {position}")
            }
            (Lang::Sv, E::UnknownName { name, position }) => format!("okänt namn ”{name}” på position {position}"),
            (Lang::En, E::UnknownName { name, position }) => format!("unknown name '{name}' at position {position}"),
            (Lang::Sv, E::AmbiguousName { name, position }) => {
                format!(
                    "namnet ”{name}” på position {position} är både en drivare och en rad, eller flera rader eller indikatorer"
                )
            }
            (Lang::En, E::AmbiguousName { name, position }) => {
                format!(
                    "the name '{name}' at position {position} is both a driver and a line, or several lines or indicators"
                )
            }
            (Lang::Sv, E::UnknownFunction { name, position }) => {
                format!("okänd funktion ”{name}” på position {position}")
            }
            (Lang::En, E::UnknownFunction { name, position }) => {
                format!("unknown function '{name}' at position {position}")
            }
            (Lang::Sv, E::Arguments { function, position }) => {
                format!("fel antal argument till {function} på position {position}")
            }
            (Lang::En, E::Arguments { function, position }) => {
                format!("wrong number of arguments to {function} at position {position}")
            }
            (_, E::TooComplex) => self
                .pick("formeln är för lång eller för djupt nästlad", "the formula is too long or too deeply nested")
                .into(),
            (Lang::Sv, E::Cycle { path }) => format!("formeln beror på sig själv: {}", path.join(" → ")),
            (Lang::En, E::Cycle { path }) => format!("the formula depends on itself: {}", path.join(" → ")),
            (Lang::Sv, E::DivisionByZero { position, month }) => {
                format!("division med noll på position {position}{}", self.in_month(*month))
            }
            (Lang::En, E::DivisionByZero { position, month }) => {
                format!("division by zero at position {position}{}", self.in_month(*month))
            }
            (Lang::Sv, E::Broken { name }) => format!("”{name}” som formeln använder har själv ett fel"),
            (Lang::En, E::Broken { name }) => format!("'{name}', which it uses, has an error itself"),
            (_, E::Overflow) => self.pick("ett värde blir för stort", "a value becomes too large").into(),
            (Lang::Sv, E::NotAVolume { name, position }) => format!(
                "indikatorn ”{name}” på position {position} är ingen volym: en rad kan bara använda en inskriven månadsindikator"
            ),
            (Lang::En, E::NotAVolume { name, position }) => format!(
                "the indicator '{name}' at position {position} is not a volume: a line can only use a typed monthly indicator"
            ),
            (Lang::Sv, E::NotReported { name, month }) => {
                format!("indikatorn ”{name}” har inget mål (planerad volym){}", self.in_month(Some(*month)))
            }
            (Lang::En, E::NotReported { name, month }) => {
                format!("the indicator '{name}' has no target (planned volume){}", self.in_month(Some(*month)))
            }
        }
    }

    /// " i mars" after an error that happens in a month, or nothing.
    fn in_month(self, month: Option<Month>) -> String {
        month.map_or_else(String::new, |month| format!(" {} {}", self.pick("i", "in"), self.month_short(month)))
    }

    /// Why typing into a computed cell does nothing.
    pub fn computed_cell(self) -> &'static str {
        self.pick(
            "Beräknad cell: den räknas fram och kan inte skrivas över.",
            "Computed cell: it is calculated and cannot be typed over.",
        )
    }

    /// Why a closed month's forecast is not typed.
    pub fn closed_forecast(self) -> String {
        self.pick(
            "Stängd månad: prognosen är månadens utfall. Skriv utfallet i stället (serien Utfall).",
            "Closed month: the forecast is the month's outcome. Type the outcome instead (the Outcome series).",
        )
        .into()
    }

    /// Why a forecast computed by `method` is not typed, and how to type it.
    pub fn forecast_by_method(self, method: &str) -> String {
        match self {
            Lang::Sv => format!(
                "Prognosen räknas med metoden ”{method}”. Välj ”Manuell” i kolumnen Prognosmetod (vyn Utfall och prognos: markera cellen, tryck Enter) för att skriva in egna belopp."
            ),
            Lang::En => format!(
                "The forecast is computed by the method \u{201c}{method}\u{201d}. Choose \u{201c}Manual\u{201d} in the Forecast method column (Outcome and forecast view: select the cell, press Enter) to type your own amounts."
            ),
        }
    }

    /// Why outcome is not typed in a month not yet closed.
    pub fn outcome_not_closed(self, closed: Option<Month>) -> String {
        let through = closed.map_or_else(String::new, |month| match self {
            Lang::Sv => format!(" (stängt t.o.m. {})", self.month(month)),
            Lang::En => format!(" (closed through {})", self.month(month)),
        });
        match self {
            Lang::Sv => format!("Utfall skrivs i stängda månader{through}: stäng månaden först."),
            Lang::En => format!("Outcome is typed in closed months{through}: close the month first."),
        }
    }

    /// Why text typed into a list cell is refused: it is none of `options`.
    pub fn not_a_choice(self, text: &str, options: &[String]) -> String {
        let options = options.iter().map(|option| self.quoted(option)).collect::<Vec<_>>().join(", ");
        let text = self.quoted(text.trim());
        match self {
            Lang::Sv => format!("{text} finns inte i listan. Välj något av: {options}."),
            Lang::En => format!("{text} is not in the list. Choose one of: {options}."),
        }
    }

    /// Under the editor of an amount.
    pub fn amount_hint(self, unit: Unit) -> String {
        match self {
            Lang::Sv => format!("Belopp i {}.", unit.symbol()),
            Lang::En => format!("Amount in {}.", unit.symbol()),
        }
    }

    /// Under the editor of a budget amount, where a formula can be typed too.
    pub fn budget_hint(self, unit: Unit) -> String {
        match self {
            Lang::Sv => format!(
                "Belopp i {}. En formel (=…) räknar ut hela radens budget, alla tolv månader; tal i en formel är kronor.",
                unit.symbol()
            ),
            Lang::En => format!(
                "Amount in {}. A formula (=…) computes the line's whole budget, all twelve months; numbers in a formula are kronor.",
                unit.symbol()
            ),
        }
    }

    /// Under the editor of a line's formula.
    pub fn formula_hint(self, unit: Unit) -> String {
        match self {
            Lang::Sv => format!(
                "Formeln räknar ut hela radens budget, alla tolv månader. Tal i formeln är kronor (tabellen visar {}). Delete tar bort formeln.",
                unit.symbol()
            ),
            Lang::En => format!(
                "The formula computes the line's whole budget, all twelve months. Numbers in it are kronor (the table shows {}). Delete removes it.",
                unit.symbol()
            ),
        }
    }

    /// The accessible name of a view's grid: "Resultat, belopp i tkr".
    pub fn grid_label(self, view: &str, unit: Unit) -> String {
        match self {
            Lang::Sv => format!("{view}, belopp i {}", unit.symbol()),
            Lang::En => format!("{view}, amounts in {}", unit.symbol()),
        }
    }

    /// The accessible name of a cell's list of choices.
    pub fn choose_label(self) -> &'static str {
        self.pick("Välj", "Choose")
    }

    /// The skip link to the grid.
    pub fn skip_to_grid(self) -> &'static str {
        self.pick("Till tabellen", "Skip to the table")
    }

    pub fn accuracy_title(self) -> &'static str {
        self.pick("Prognossäkerhet: kostnader helår", "Forecast accuracy: full-year costs")
    }

    pub fn no_snapshots(self) -> &'static str {
        self.pick(
            "Ingen månad har stängts i Kalkyl ännu. När en månad stängs sparas prognosen, så att den kan jämföras med utfallet.",
            "No month has been closed in Kalkyl yet. Closing a month keeps the forecast, to compare with the outcome.",
        )
    }

    pub fn closed_month(self) -> &'static str {
        self.pick("Stängd månad", "Month closed")
    }

    pub fn forecast_then(self) -> &'static str {
        self.pick("Prognos då", "Forecast then")
    }

    pub fn forecast_now(self) -> &'static str {
        self.pick("Prognos nu", "Forecast now")
    }

    pub fn difference(self) -> &'static str {
        self.pick("Skillnad", "Difference")
    }

    pub fn view_structure(self) -> &'static str {
        self.pick("Struktur", "Structure")
    }

    pub fn dimension_title(self, dimension: super::structure::Dimension) -> &'static str {
        use super::structure::Dimension as D;
        match dimension {
            D::Department => self.pick("Avdelningar", "Departments"),
            D::Category => self.pick("Kostnads- och intäktsslag", "Cost and revenue categories"),
            D::Service => self.pick("Tjänster", "Services"),
            D::Driver => self.pick("Drivare", "Drivers"),
            D::Line => self.pick("Rader", "Lines"),
        }
    }

    pub fn drivers(self) -> &'static str {
        self.pick("Drivare", "Driver")
    }

    pub fn driver_quantities(self) -> &'static str {
        self.pick("Drivarnas värden per månad", "Driver quantities by month")
    }

    pub fn name_label(self) -> &'static str {
        self.pick("Namn", "Name")
    }

    pub fn new_name(self) -> &'static str {
        self.pick("Nytt namn", "New name")
    }

    pub fn add(self) -> &'static str {
        self.pick("Lägg till", "Add")
    }

    pub fn remove(self) -> &'static str {
        self.pick("Ta bort", "Remove")
    }

    pub fn move_up(self) -> &'static str {
        self.pick("Flytta upp", "Move up")
    }

    pub fn move_down(self) -> &'static str {
        self.pick("Flytta ned", "Move down")
    }

    pub fn new_line(self) -> &'static str {
        self.pick("Ny rad", "New line")
    }

    pub fn department_label(self) -> &'static str {
        self.pick("Avdelning", "Department")
    }

    pub fn activity_label(self) -> &'static str {
        self.pick("Förvaltning eller utveckling", "Operations or development")
    }

    pub fn category_label(self) -> &'static str {
        self.pick("Kostnads- eller intäktsslag", "Category")
    }

    pub fn service_label(self) -> &'static str {
        self.pick("Tjänst", "Service")
    }

    pub fn no_service(self) -> &'static str {
        self.pick("(ingen tjänst)", "(no service)")
    }

    pub fn kind_label(self) -> &'static str {
        self.pick("Kostnad eller intäkt", "Cost or revenue")
    }

    pub fn kind_name(self, kind: Kind) -> &'static str {
        match kind {
            Kind::Cost => self.pick("Kostnad", "Cost"),
            Kind::Revenue => self.pick("Intäkt", "Revenue"),
        }
    }

    pub fn line_needs_dimensions(self) -> &'static str {
        self.pick(
            "En rad behöver en avdelning och ett kostnads- eller intäktsslag: lägg till dem först.",
            "A line needs a department and a category: add them first.",
        )
    }

    /// Why an amount typed on a formula line is refused.
    /// How a typed full year was spread, with `closed` the last closed month.
    pub fn year_filled(self, fill: Fill, closed: Option<Month>) -> String {
        let first_open = closed.map_or(Some(Month::JANUARY), Month::next);
        let open = match first_open {
            Some(first) if first == Month::DECEMBER => self.month_short(first),
            Some(first) => format!("{}–{}", self.month_short(first), self.month_short(Month::DECEMBER)),
            None => return self.pick("Alla månader är stängda.", "Every month is closed.").into(),
        };
        let rule = match (self, fill) {
            (Lang::Sv, Fill::Profile) => "efter radens profil",
            (Lang::En, Fill::Profile) => "following the line's profile",
            (Lang::Sv, Fill::Even) => "jämnt (raden hade ingen profil)",
            (Lang::En, Fill::Even) => "evenly (the line had no profile)",
        };
        match (self, closed) {
            (Lang::Sv, Some(last)) => format!(
                "Helåret fördelades på de öppna månaderna {open} {rule}; stängda månader (t.o.m. {}) är orörda.",
                self.month_short(last)
            ),
            (Lang::En, Some(last)) => format!(
                "The full year went to the open months {open} {rule}; closed months (through {}) are untouched.",
                self.month_short(last)
            ),
            (Lang::Sv, None) => format!("Helåret fördelades på {open} {rule}."),
            (Lang::En, None) => format!("The full year went to {open} {rule}."),
        }
    }

    pub fn formula_cell(self) -> &'static str {
        self.pick(
            "Raden räknas med en formel: skriv en ny formel som börjar med =, eller ta bort den med Delete.",
            "The line is computed by a formula: type a new one starting with =, or remove it with Delete.",
        )
    }

    /// Why a formula typed outside the budget is refused.
    pub fn formula_only_budget(self) -> &'static str {
        self.pick(
            "Formler räknar fram budgeten: skriv dem i en budgetcell.",
            "Formulas compute the budget: type them in a budget cell.",
        )
    }

    /// A figure that cannot be shown because it is out of range.
    pub fn out_of_range(self) -> &'static str {
        self.pick("för stort", "too large")
    }

    pub fn storage_failure(self, failure: &StorageFailure) -> &'static str {
        match failure {
            StorageFailure::Full => self.pick(
                "Webbläsarens lagring är full: de senaste ändringarna är inte sparade. Planen finns kvar i fönstret – exportera den till en fil.",
                "The browser's storage is full: the latest changes are not saved. The plan is kept in this window – export it to a file.",
            ),
            StorageFailure::Unavailable => self.pick(
                "Webbläsaren tillåter inte att Kalkyl sparar något (blockerad webbplatsdata eller privat läge): inget sparas, och ändringar försvinner när fönstret stängs. Exportera planen till en fil.",
                "The browser does not let Kalkyl store anything (site data blocked, or private mode): nothing will be saved, and changes are lost when the window closes. Export the plan to a file.",
            ),
            StorageFailure::Unreadable(_) => self.pick(
                "En sparad plan kunde inte läsas. Den ligger kvar orörd; exempelplanen öppnades. Äldre versioner finns under Planer.",
                "A saved plan could not be read. It is left untouched and the example plan was opened. Older versions are under Plans.",
            ),
            StorageFailure::Conflict { .. } => self.pick(
                "Planen har sparats i en annan flik. Den här fliken sparar inte längre: ladda den sparade versionen, eller spara din version som en kopia.",
                "The plan was saved in another tab. This tab no longer saves: load the saved version, or save yours as a copy.",
            ),
        }
    }

    /// What is wrong at a place in a file.
    pub fn problem(self, located: &crate::document::Located) -> String {
        use crate::document::Problem as P;
        let place =
            if located.path.is_empty() { self.pick("planen", "the plan").to_owned() } else { located.path.clone() };
        let what = match (self, &located.problem) {
            (_, P::Missing) => self.pick("saknas", "is missing").to_owned(),
            (Lang::Sv, P::WrongType { expected }) => format!("ska vara {}", self.expected(*expected)),
            (Lang::En, P::WrongType { expected }) => format!("should be {}", self.expected(*expected)),
            (_, P::NotAnAmount { text, error }) => self.amount_error(*error, text).trim_end_matches('.').to_owned(),
            (_, P::AmountAsNumber) => self
                .pick(
                    "belopp ska skrivas som text, till exempel \"1449802.00\"",
                    "amounts must be written as text, e.g. \"1449802.00\"",
                )
                .to_owned(),
            (Lang::Sv, P::NotTwelve { found }) => format!("ska ha 12 månader, har {found}"),
            (Lang::En, P::NotTwelve { found }) => format!("should have 12 months, has {found}"),
            (Lang::Sv, P::Periods { expected, found }) => {
                format!("ska ha ett värde per period, {expected}, har {found}")
            }
            (Lang::En, P::Periods { expected, found }) => {
                format!("should have one value per period, {expected}, has {found}")
            }
            (_, P::UnknownField) => self.pick("okänt fält", "unknown field").to_owned(),
            (Lang::Sv, P::NotAllowed { found }) => format!("{found} är inte tillåtet här"),
            (Lang::En, P::NotAllowed { found }) => format!("{found} is not allowed here"),
            (Lang::Sv, P::DuplicateId { id }) => format!("id {id} finns redan"),
            (Lang::En, P::DuplicateId { id }) => format!("id {id} is used twice"),
            (Lang::Sv, P::UnknownReference { kind: kind @ crate::document::Expected::Perspective, id, line }) => {
                format!("okänt {} {id} i indikatorn ”{line}”", self.expected(*kind))
            }
            (Lang::En, P::UnknownReference { kind: kind @ crate::document::Expected::Perspective, id, line }) => {
                format!("unknown {} {id} in indicator \"{line}\"", self.expected(*kind))
            }
            (Lang::Sv, P::UnknownReference { kind, id, line }) => {
                format!("okänt {} {id} i raden ”{line}”", self.expected(*kind))
            }
            (Lang::En, P::UnknownReference { kind, id, line }) => {
                format!("unknown {} {id} in line \"{line}\"", self.expected(*kind))
            }
            (Lang::Sv, P::OutOfRange { line }) => {
                format!("raden ”{line}” eller en summa den ingår i blir för stor (över 10^15 kr)")
            }
            (Lang::En, P::OutOfRange { line }) => {
                format!("the line \"{line}\" or a total it belongs to becomes too large (over 10^15 kr)")
            }
            (Lang::Sv, P::UnknownEntry { kind, id, by }) => format!("okänt {} {id} i ”{by}”", self.expected(*kind)),
            (Lang::En, P::UnknownEntry { kind, id, by }) => {
                format!("unknown {} {id} in \"{by}\"", self.expected(*kind))
            }
            (Lang::Sv, P::BilledTwice { pool }) => {
                format!("kostnadspool {pool} faktureras redan av en annan regel eller ett annat pris")
            }
            (Lang::En, P::BilledTwice { pool }) => {
                format!("cost pool {pool} is already billed by another rule or price")
            }
        };
        format!("{place}: {what}")
    }

    fn expected(self, expected: crate::document::Expected) -> &'static str {
        use crate::document::Expected as E;
        match expected {
            E::Object => self.pick("ett objekt", "an object"),
            E::List => self.pick("en lista", "a list"),
            E::Text => self.pick("text", "text"),
            E::WholeNumber => self.pick("ett heltal", "a whole number"),
            E::Department => self.pick("avdelnings-id", "department id"),
            E::Category => self.pick("kostnadsslags-id", "category id"),
            E::Service => self.pick("tjänste-id", "service id"),
            E::Driver => self.pick("drivar-id", "driver id"),
            E::Boolean => self.pick("true eller false", "true or false"),
            E::Line => self.pick("rad-id", "line id"),
            E::Customer => self.pick("kund-id", "customer id"),
            E::Key => self.pick("nyckel-id", "key id"),
            E::Variant => self.pick("variant-id", "variant id"),
            E::Pool => self.pick("kostnadspool-id", "cost pool id"),
            E::Perspective => self.pick("perspektiv-id", "perspective id"),
            E::Indicator => self.pick("indikator-id", "indicator id"),
            E::Scenario => self.pick("scenario-id", "scenario id"),
        }
    }

    /// Why a file was not opened.
    pub fn document_error(self, error: &crate::document::DocumentError) -> String {
        use crate::document::DocumentError as D;
        match (self, error) {
            (Lang::Sv, D::TooLarge { bytes }) => {
                format!("Filen är för stor ({} MB); högst {} MB kan öppnas.", megabytes(*bytes), megabytes(MAX_BYTES))
            }
            (Lang::En, D::TooLarge { bytes }) => {
                format!(
                    "The file is too large ({} MB); at most {} MB can be opened.",
                    megabytes(*bytes),
                    megabytes(MAX_BYTES)
                )
            }
            (Lang::Sv, D::NotUtf8 { byte }) => format!(
                "Filen är inte UTF-8-text (ogiltig byte på position {byte}); den kan vara sparad som Latin-1. Spara den som UTF-8 och försök igen."
            ),
            (Lang::En, D::NotUtf8 { byte }) => format!(
                "The file is not UTF-8 text (invalid byte at position {byte}); it may be saved as Latin-1. Save it as UTF-8 and try again."
            ),
            (Lang::Sv, D::NotJson { line, column }) => {
                format!("Filen är inte en läsbar Kalkyl-fil (fel på rad {line}, kolumn {column}).")
            }
            (Lang::En, D::NotJson { line, column }) => {
                format!("The file is not a readable Kalkyl file (error at line {line}, column {column}).")
            }
            (_, D::NotKalkyl) => self.pick("Filen är inte en Kalkyl-fil.", "The file is not a Kalkyl file.").into(),
            (Lang::Sv, D::NewerVersion(v)) => {
                format!("Filen är skriven av en nyare Kalkyl (format {v}); uppdatera Kalkyl för att öppna den.")
            }
            (Lang::En, D::NewerVersion(v)) => {
                format!("The file was written by a newer Kalkyl (format {v}); update Kalkyl to open it.")
            }
            (_, D::BadVersion) => {
                self.pick("Filens formatversion är ogiltig.", "The file's format version is not valid.").into()
            }
            (Lang::Sv, D::Invalid(problems)) => format!("Filen har {} fel och öppnades inte:", problems.len()),
            (Lang::En, D::Invalid(problems)) => format!("The file has {} problems and was not opened:", problems.len()),
        }
    }

    pub fn unreadable_table(self, error: &TableError) -> String {
        let (rows, columns, limit) = match error {
            TableError::TooLarge { rows, columns } => (count(*rows), count(*columns), count(MAX_CELLS)),
            TableError::Unreadable(reason) => {
                return match self {
                    Lang::Sv => format!("Filen kunde inte läsas som en tabell: {reason}"),
                    Lang::En => format!("The file could not be read as a table: {reason}"),
                };
            }
        };
        match self {
            Lang::Sv => format!(
                "Tabellen är för stor: dess värden spänner över {rows} rader × {columns} kolumner; högst {limit} celler kan importeras."
            ),
            Lang::En => format!(
                "The table is too large: its values span {rows} rows × {columns} columns; at most {limit} cells can be imported."
            ),
        }
    }

    pub fn export_csv(self) -> &'static str {
        self.pick("CSV (vyn)", "CSV (view)")
    }

    pub fn export_xlsx(self) -> &'static str {
        self.pick("Excel", "Excel")
    }

    pub fn import_outcome(self) -> &'static str {
        self.pick("Importera utfall", "Import outcome")
    }

    pub fn outcome_title(self) -> &'static str {
        self.pick("Importera utfall från tabell", "Import outcome from a table")
    }

    pub fn first_row_is_header(self) -> &'static str {
        self.pick("Första raden är rubriker", "The first row holds headings")
    }

    pub fn line_column(self) -> &'static str {
        self.pick("Kolumn med radens namn", "Column with the line's name")
    }

    /// How a column is chosen in the outcome import.
    pub fn column_hint(self) -> &'static str {
        self.pick(
            "Skriv kolumnens bokstav (B) eller rubrik; lämna en månad tom för att inte ändra den.",
            "Type the column's letter (B) or heading; leave a month empty to leave it as it is.",
        )
    }

    /// "Ingen kolumn heter ”xyz”."
    pub fn no_such_column(self, typed: &str) -> String {
        match self {
            Lang::Sv => format!("Ingen kolumn heter ”{}”.", typed.trim()),
            Lang::En => format!("No column is called \"{}\".", typed.trim()),
        }
    }

    /// "12 340 rader, 3 visas; 200 000 kolumner."
    pub fn sample_counts(self, rows: usize, shown: usize, columns: usize) -> String {
        let (rows, shown, columns) = (count(rows), count(shown), count(columns));
        match self {
            Lang::Sv => format!("{rows} rader, {shown} visas; {columns} kolumner."),
            Lang::En => format!("{rows} rows, {shown} shown; {columns} columns."),
        }
    }

    pub fn row_heading(self) -> &'static str {
        self.pick("Rad", "Row")
    }

    /// "… och 1 234 till"
    pub fn and_more(self, more: usize) -> String {
        match self {
            Lang::Sv => format!("… och {} till", count(more)),
            Lang::En => format!("… and {} more", count(more)),
        }
    }

    /// "3 rader matchar, 24 celler får nytt utfall."
    pub fn outcome_summary(self, lines: usize, cells: usize) -> String {
        match self {
            Lang::Sv => format!("{lines} rader matchar, {cells} celler får nytt utfall."),
            Lang::En => format!("{lines} lines match, {cells} cells get new outcome."),
        }
    }

    /// "Rad 4: ”Lokalhyra” finns inte i planen."
    pub fn unmatched_row(self, row: usize, name: &str) -> String {
        match self {
            Lang::Sv => format!("Rad {row}: ”{name}” finns inte i planen och importeras inte."),
            Lang::En => format!("Row {row}: \"{name}\" is not in the plan and is not imported."),
        }
    }

    pub fn bad_cell(self, row: usize, col: usize, what: &str) -> String {
        match self {
            Lang::Sv => format!("Rad {row}, kolumn {col}: {what}"),
            Lang::En => format!("Row {row}, column {col}: {what}"),
        }
    }

    pub fn apply(self) -> &'static str {
        self.pick("Verkställ", "Apply")
    }

    pub fn cancel(self) -> &'static str {
        self.pick("Avbryt", "Cancel")
    }

    /// While the stored plan is being read.
    pub fn loading(self) -> &'static str {
        self.pick("Öppnar planen …", "Opening the plan …")
    }

    pub fn plans(self) -> &'static str {
        self.pick("Planer", "Plans")
    }

    pub fn export_file(self) -> &'static str {
        self.pick("Exportera fil", "Export file")
    }

    pub fn import_file(self) -> &'static str {
        self.pick("Importera fil", "Import file")
    }

    pub fn import_over(self) -> &'static str {
        self.pick("Ersätt den öppna planen vid import", "Import over the open plan")
    }

    /// When the open plan was last exported, or a nudge when never.
    pub fn exported_at(self, when: Option<&str>) -> String {
        match (self, when) {
            (Lang::Sv, Some(when)) => format!("Senast exporterad {when}"),
            (Lang::En, Some(when)) => format!("Last exported {when}"),
            (_, None) => {
                self.pick("Aldrig exporterad – spara en kopia som fil", "Never exported – keep a copy as a file").into()
            }
        }
    }

    pub fn open(self) -> &'static str {
        self.pick("Öppna", "Open")
    }

    pub fn duplicate(self) -> &'static str {
        self.pick("Kopiera", "Duplicate")
    }

    pub fn copy_suffix(self) -> &'static str {
        self.pick("(kopia)", "(copy)")
    }

    pub fn deleted(self, name: &str) -> String {
        match self {
            Lang::Sv => format!("”{name}” togs bort."),
            Lang::En => format!("\"{name}\" was deleted."),
        }
    }

    pub fn saved_at(self, when: Option<&str>) -> String {
        match (self, when) {
            (Lang::Sv, Some(when)) => format!("sparad {when}"),
            (Lang::En, Some(when)) => format!("saved {when}"),
            (_, None) => String::new(),
        }
    }

    pub fn backups_title(self) -> &'static str {
        self.pick("Tidigare versioner av den öppna planen", "Earlier versions of the open plan")
    }

    pub fn backup_name(self, backup: &crate::storage::Backup) -> String {
        match (self, backup) {
            (Lang::Sv, crate::storage::Backup::Generation(r)) => format!("Sparning {r}"),
            (Lang::En, crate::storage::Backup::Generation(r)) => format!("Save {r}"),
            (Lang::Sv, crate::storage::Backup::Day(day)) => format!("Dagens första, {day}"),
            (Lang::En, crate::storage::Backup::Day(day)) => format!("First of the day, {day}"),
        }
    }

    pub fn restore(self) -> &'static str {
        self.pick("Återställ", "Restore")
    }

    pub fn reload(self) -> &'static str {
        self.pick("Ladda sparad version", "Load saved version")
    }

    pub fn keep_as_copy(self) -> &'static str {
        self.pick("Spara min version som kopia", "Save my version as a copy")
    }

    pub fn plan_name(self) -> &'static str {
        self.pick("Planens namn", "Plan name")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_follows_the_browser() {
        assert_eq!(Lang::from_tag("sv-SE"), Lang::Sv);
        assert_eq!(Lang::from_tag("SV"), Lang::Sv);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }

    #[test]
    fn indicator_errors_say_what_in_both_languages() {
        let percent = IndicatorUnit::Percent;
        assert_eq!(
            Lang::Sv.indicator_value_error(AmountError::NotANumber, " abc ", &percent),
            "”abc”: inte ett tal i enheten %."
        );
        assert_eq!(
            Lang::En.indicator_value_error(AmountError::NotANumber, "abc", &percent),
            "\u{201c}abc\u{201d}: not a number in the unit %."
        );
        let band = IndicatorError::BandReversed {
            low: rust_decimal::Decimal::new(65, 1),
            high: rust_decimal::Decimal::from(4),
        };
        assert_eq!(
            Lang::Sv.command_error(&CommandError::Indicator(band)),
            "Målintervallets nedre gräns (6,5) är större än den övre (4). Inget ändrades."
        );
        let missing = FormulaError::NotReported { name: "Lönespecifikationer".into(), month: Month::APRIL };
        assert!(Lang::En.formula_error(&missing).contains("'Lönespecifikationer' has no target (planned volume) in"));
    }

    #[test]
    fn errors_quote_the_input() {
        assert_eq!(Lang::Sv.amount_error(AmountError::NotANumber, " 12,3,4 "), "”12,3,4” är inte ett tal.");
        assert!(Lang::En.amount_error(AmountError::NotANumber, "x").contains("is not a number"));
    }
}

/// A count the Swedish way, `200 000`.
fn count(n: usize) -> String {
    crate::model::number::format_rounded(n.into(), crate::model::Unit::Kr)
}

/// Bytes in whole megabytes (10^6), rounded up: a file just over a limit is shown over it.
fn megabytes(bytes: usize) -> usize {
    bytes.div_ceil(1_000_000)
}
