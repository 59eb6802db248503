//! The words of the scenario views, in Swedish and English.

use super::words::ChangeKind;
use crate::model::Kind;
use crate::model::Unit;
use crate::model::indicator::Status;
use crate::model::scenario::{Risk, ScenarioError};
use crate::ui::i18n::Lang;

impl Lang {
    pub fn view_scenarios(self) -> &'static str {
        self.pick("Scenarier", "Scenarios")
    }

    pub fn kind_words(self, kind: Kind) -> &'static str {
        match kind {
            Kind::Cost => self.pick("kostnader", "costs"),
            Kind::Revenue => self.pick("intäkter", "revenue"),
        }
    }

    pub fn all_lines(self) -> &'static str {
        self.pick("alla rader", "all lines")
    }

    pub fn transfer_words(self, from: &str, to: &str) -> String {
        match self {
            Lang::Sv => format!("från {from} till {to}"),
            Lang::En => format!("from {from} to {to}"),
        }
    }

    pub fn per_year(self, amount: &str) -> String {
        format!("{amount}{}", self.pick("/år", "/year"))
    }

    pub fn fte_short(self) -> &'static str {
        self.pick("åa", "FTE")
    }

    /// The plan's budget as a base.
    pub fn base_budget(self) -> &'static str {
        self.pick("Budget", "Budget")
    }

    pub fn base_of(self, scenario: &str) -> String {
        match self {
            Lang::Sv => format!("Bas för {scenario}"),
            Lang::En => format!("Base of {scenario}"),
        }
    }

    /// An indicator's status in words (colour is never the only sign).
    pub fn status_word(self, status: Status) -> &'static str {
        match status {
            Status::Green => self.pick("Uppfyllt", "Met"),
            Status::Yellow => self.pick("Delvis uppfyllt", "Partly met"),
            Status::Red => self.pick("Ej uppfyllt", "Not met"),
            Status::NotAssessable => self.pick("Kan inte bedömas", "Cannot be assessed"),
        }
    }

    pub fn number_heading(self) -> &'static str {
        self.pick("Nr", "No.")
    }

    /// The heading of a column of the measures.
    pub fn measure_column(self, key: &str) -> &'static str {
        match key {
            "name" => self.pick("Åtgärd", "Measure"),
            "kind" => self.pick("Typ", "Kind"),
            "size" => self.pick("Ändring", "Change"),
            "selection" => self.pick("Urval", "Selection"),
            "from" => self.pick("Från", "From"),
            "effect" => self.pick("Effekt kostnader", "Effect on costs"),
            "consequence" => self.pick("Konsekvens", "Consequence"),
            "risk" => self.pick("Risk", "Risk"),
            "indicators" => self.pick("Indikatorer", "Indicators"),
            "customers" => self.pick("Kunder som berörs", "Customers hit"),
            _ => self.pick("På", "On"),
        }
    }

    pub fn scenario_sum(self) -> &'static str {
        self.pick("Summa åtgärder", "Total of measures")
    }

    pub fn error_mark(self) -> &'static str {
        "#FEL"
    }

    pub fn change_kind(self, kind: ChangeKind) -> &'static str {
        match kind {
            ChangeKind::Percent => self.pick("Procent", "Percent"),
            ChangeKind::Amount => self.pick("Belopp", "Amount"),
            ChangeKind::Fte => self.pick("Årsarbetare", "FTE"),
            ChangeKind::Index => self.pick("Uppräkning", "Index"),
            ChangeKind::Volume => self.pick("Volym", "Volume"),
            ChangeKind::Transfer => self.pick("Omföring", "Transfer"),
        }
    }

    pub fn risk(self, risk: Risk) -> &'static str {
        match risk {
            Risk::Low => self.pick("Låg", "Low"),
            Risk::Medium => self.pick("Medel", "Medium"),
            Risk::High => self.pick("Hög", "High"),
        }
    }

    pub fn on_off(self, on: bool) -> &'static str {
        match on {
            true => self.pick("Ja", "Yes"),
            false => self.pick("Nej", "No"),
        }
    }

    pub fn steps_checked(self) -> String {
        self.pick(
            "Stegen summerar exakt till scenariots skillnad mot basen.",
            "The steps sum exactly to the scenario's difference to its base.",
        )
        .into()
    }

    pub fn size_hint(self, unit: Unit) -> String {
        match self {
            Lang::Sv => format!("Procent, antal årsarbetare, eller belopp per år i {}", unit.symbol()),
            Lang::En => format!("Percent, FTE, or an amount a year in {}", unit.symbol()),
        }
    }

    pub fn measure_cell_computed(self) -> &'static str {
        self.pick(
            "Den här cellen räknas fram. Ändra typ eller urval genom att lägga till en ny åtgärd.",
            "This cell is computed. To change the kind or selection, add a new measure.",
        )
    }

    pub fn choose_one(self, options: &[String]) -> String {
        match self {
            Lang::Sv => format!("Välj ett av: {}.", options.join(", ")),
            Lang::En => format!("Choose one of: {}.", options.join(", ")),
        }
    }

    pub fn scenario_error(self, error: &ScenarioError) -> String {
        match (self, error) {
            (_, ScenarioError::UnknownScenario(_)) => self.pick("Scenariot finns inte.", "No such scenario.").into(),
            (Lang::Sv, ScenarioError::CircularBase(names)) => format!("Baserna går i cirkel: {}.", names.join(" → ")),
            (Lang::En, ScenarioError::CircularBase(names)) => format!("The bases go round: {}.", names.join(" → ")),
            (Lang::Sv, ScenarioError::OutOfRange(line)) => format!("Ett belopp blir för stort på raden ”{line}”."),
            (Lang::En, ScenarioError::OutOfRange(line)) => format!("An amount becomes too large on the line '{line}'."),
        }
    }

    /// The heading of a column of a comparison.
    pub fn compare_column(self, key: &str) -> &'static str {
        match key {
            "diff" => self.pick("Skillnad", "Difference"),
            "percent" => self.pick("Skillnad %", "Difference %"),
            _ => self.pick("Status", "Status"),
        }
    }

    pub fn result_row(self) -> &'static str {
        self.pick("Resultat", "Result")
    }

    pub fn revenue_row(self) -> &'static str {
        self.pick("Intäkter totalt", "Total revenue")
    }

    pub fn costs_row(self) -> &'static str {
        self.pick("Kostnader totalt", "Total costs")
    }

    pub fn by_category(self) -> &'static str {
        self.pick("Per kategori", "By category")
    }

    pub fn by_department(self) -> &'static str {
        self.pick("Kostnader per avdelning", "Costs by department")
    }

    pub fn charges_heading(self) -> &'static str {
        self.pick("Kundernas avgift per år", "Customers' charges a year")
    }

    pub fn indicators_heading(self) -> &'static str {
        self.pick("Indikatorer (helårsprognos)", "Indicators (full-year forecast)")
    }

    pub fn comparison_computed(self) -> &'static str {
        self.pick(
            "Jämförelsen räknas fram ur scenarierna: ändra deras åtgärder.",
            "The comparison is computed from the scenarios: change their measures.",
        )
    }

    pub fn choose_driver(self) -> &'static str {
        self.pick("Välj en drivare.", "Choose a driver.")
    }
}

impl Lang {
    pub fn base_costs(self) -> &'static str {
        self.pick("Basens kostnader", "Base costs")
    }

    pub fn open_example(self) -> &'static str {
        self.pick("Öppna exempel: Budget 2024", "Open example: Budget 2024")
    }

    pub fn start_next_year(self) -> &'static str {
        self.pick("Starta nästa år", "Start next year")
    }

    pub fn choose_scenario(self) -> &'static str {
        self.pick("Välj scenario", "Choose scenario")
    }

    pub fn scenario_name(self) -> &'static str {
        self.pick("Scenariots namn", "Scenario name")
    }

    pub fn export_scenario(self) -> &'static str {
        self.pick("Exportera scenario", "Export scenario")
    }

    pub fn base_label(self) -> &'static str {
        self.pick("Bas", "Base")
    }

    pub fn new_scenario(self) -> &'static str {
        self.pick("Nytt scenario", "New scenario")
    }

    pub fn against_base(self) -> &'static str {
        self.pick("Budget mot basen", "Budget against the base")
    }

    pub fn measure_actions(self) -> &'static str {
        self.pick("Åtgärdens ordning och val", "Order and choice of the measure")
    }

    pub fn move_to(self) -> &'static str {
        self.pick("Flytta till", "Move to")
    }

    pub fn add_measure(self) -> &'static str {
        self.pick("Lägg till åtgärd", "Add a measure")
    }

    pub fn add_as_measure(self) -> &'static str {
        self.pick("Lägg till som åtgärd", "Add as a measure")
    }

    pub fn goal_seek(self) -> &'static str {
        self.pick("Målsökning", "Goal seek")
    }

    pub fn goal_frame(self) -> &'static str {
        self.pick("Ram för", "Frame for")
    }

    pub fn seek(self) -> &'static str {
        self.pick("Sök", "Seek")
    }

    pub fn comparison(self) -> &'static str {
        self.pick("Jämförelse av scenarier", "Comparison of scenarios")
    }

    pub fn compare_which(self) -> &'static str {
        self.pick("Jämför", "Compare")
    }

    pub fn basis_budget(self) -> &'static str {
        self.pick("Från årets budget", "From this year's budget")
    }

    pub fn basis_forecast(self) -> &'static str {
        self.pick("Från helårsprognosen", "From the full-year forecast")
    }

    pub fn wage_index(self) -> &'static str {
        self.pick("Löneuppräkning % (Personalkostnader)", "Wage index % (personnel costs)")
    }

    pub fn price_index(self) -> &'static str {
        self.pick("Prisuppräkning % (övriga kostnader)", "Price index % (other costs)")
    }

    pub fn create(self) -> &'static str {
        self.pick("Skapa", "Create")
    }

    pub fn on_base(self, base: &str) -> String {
        match self {
            Lang::Sv => format!("på {base}"),
            Lang::En => format!("on {base}"),
        }
    }

    pub fn measures_of(self, scenario: &str) -> String {
        match self {
            Lang::Sv => format!("Åtgärder i {scenario}"),
            Lang::En => format!("Measures of {scenario}"),
        }
    }

    pub fn waterfall_title(self, scenario: &str) -> String {
        match self {
            Lang::Sv => format!("Från bas till {scenario}: kostnader"),
            Lang::En => format!("From base to {scenario}: costs"),
        }
    }

    pub fn waterfall_description(self, scenario: &str, steps: usize) -> String {
        match self {
            Lang::Sv => {
                format!("Basens kostnader, ett steg för var och en av {steps} åtgärder, och kostnaderna i {scenario}.")
            }
            Lang::En => format!("The base's costs, a step for each of {steps} measures, and the costs of {scenario}."),
        }
    }

    /// A button on a measure.
    pub fn measure_action(self, key: &str) -> &'static str {
        match key {
            "up" => self.pick("Flytta upp", "Move up"),
            "down" => self.pick("Flytta ned", "Move down"),
            "toggle" => self.pick("Slå av/på", "Switch off/on"),
            "duplicate" => self.pick("Duplicera", "Duplicate"),
            "delete" => self.pick("Ta bort", "Delete"),
            _ => self.pick("Flytta", "Move"),
        }
    }

    /// A field of the measure form.
    pub fn form_field(self, key: &str) -> &'static str {
        match key {
            "name" => self.pick("Namn", "Name"),
            "size" => self.pick("Procent, belopp per år eller antal årsarbetare", "Percent, amount a year or FTE"),
            "cost-per-fte" => self.pick("Kostnad per årsarbetare", "Cost per FTE"),
            "driver" => self.pick("Drivare", "Driver"),
            "consequence" => self.pick("Konsekvens", "Consequence"),
            "indicator" => self.pick("Indikator som påverkas", "Indicator moved"),
            _ => self.pick("Ändring av indikatorn", "Change of the indicator"),
        }
    }

    pub fn goal_target(self, unit: &str) -> String {
        match self {
            Lang::Sv => format!("Mål för helåret ({unit})"),
            Lang::En => format!("Target for the year ({unit})"),
        }
    }

    pub fn goal_percent(self, percent: &str) -> String {
        match self {
            Lang::Sv => format!("Föreslagen ändring av urvalet: {percent}"),
            Lang::En => format!("Proposed change of the selection: {percent}"),
        }
    }

    pub fn goal_reached(self, amount: &str, unit: &str) -> String {
        match self {
            Lang::Sv => format!("Når: {amount} {unit}"),
            Lang::En => format!("Reaches: {amount} {unit}"),
        }
    }

    pub fn goal_residual(self, kronor: &str) -> String {
        match self {
            Lang::Sv => format!("Restbelopp efter avrundning till öre: {kronor} kr"),
            Lang::En => format!("Residual after rounding to the öre: {kronor} kr"),
        }
    }

    pub fn goal_measure_name(self, percent: &str) -> String {
        match self {
            Lang::Sv => format!("Målsökning {percent}"),
            Lang::En => format!("Goal seek {percent}"),
        }
    }

    pub fn goal_error(self, error: &crate::model::scenario::GoalError) -> String {
        use crate::model::scenario::GoalError;
        match (self, error) {
            (_, GoalError::NoEffect) => self
                .pick(
                    "Urvalet påverkar inte ramen: välj ett annat urval.",
                    "The selection does not move the frame: choose another.",
                )
                .into(),
            (Lang::Sv, GoalError::Unreachable(p)) => format!("Ramen kan inte nås med urvalet: det skulle kräva {p} %."),
            (Lang::En, GoalError::Unreachable(p)) => {
                format!("The frame cannot be met by the selection: it would take {p} %.")
            }
            (_, GoalError::Scenario(e)) => self.scenario_error(e),
            (_, GoalError::Measure(e)) => self.measure_error(e),
        }
    }

    pub fn next_year_error(self, error: &crate::model::next_year::NextYearError) -> String {
        use crate::model::next_year::NextYearError;
        match (self, error) {
            (Lang::Sv, NextYearError::IndexTooLow(p)) => {
                format!("En uppräkning på {p} % går inte: den måste vara större än −100 %.")
            }
            (Lang::En, NextYearError::IndexTooLow(p)) => {
                format!("An index of {p} % is refused: it must be above −100 %.")
            }
            (Lang::Sv, NextYearError::Overflow(line)) => format!("Ett belopp blir för stort på raden ”{line}”."),
            (Lang::En, NextYearError::Overflow(line)) => format!("An amount becomes too large on the line '{line}'."),
        }
    }
}
