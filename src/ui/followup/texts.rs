//! The words of the follow-up panels, in Swedish and English.

use crate::model::Month;
use crate::ui::i18n::Lang;

impl Lang {
    pub fn trend_title(self) -> &'static str {
        self.pick("Månadstrend", "Monthly trend")
    }

    pub fn trend_of(self) -> &'static str {
        self.pick("Visa för", "Show for")
    }

    /// "Kostnader: budget helår 1 449 802 tkr, utfall jan–april 456 682 tkr, prognos helår 1 415 753 tkr."
    pub fn trend_description(
        self,
        what: &str,
        budget: &str,
        outcome: Option<(Month, &str)>,
        forecast: &str,
        unit: &str,
    ) -> String {
        let outcome = match (self, outcome) {
            (Lang::Sv, Some((month, value))) => format!(", utfall jan–{} {value} {unit}", self.month(month)),
            (Lang::En, Some((month, value))) => format!(", outcome Jan–{} {value} {unit}", self.month(month)),
            (_, None) => String::new(),
        };
        match self {
            Lang::Sv => format!("{what}: budget helår {budget} {unit}{outcome}, prognos helår {forecast} {unit}."),
            Lang::En => {
                format!("{what}: budget full year {budget} {unit}{outcome}, forecast full year {forecast} {unit}.")
            }
        }
    }
}
