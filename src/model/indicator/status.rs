//! Status: green, yellow, red or "cannot be assessed", from a rule that is
//! data, so that each municipality's convention can be expressed:
//!
//! - green when the target is met, yellow within 5 % of it, red otherwise:
//!   [`Basis::Target`] with [`Tolerance::Percent`]`(5)`;
//! - green at the target, yellow at 80 % of it or more:
//!   [`Tolerance::ShareOfTarget`]`(80)`;
//! - arrows, improved / unchanged / worse against the period before, a
//!   white box when not measurable: [`Basis::Change`] shown as [`Symbols::Arrows`];
//! - smileys, met / partly met or not measurable / not met: [`Symbols::Smileys`].
//!
//! [`evaluate`] is the one function that decides; [`Status`] says good,
//! middling, poor or not assessable, and [`Symbols`] how a view draws it.

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use super::Direction;

/// A status rule: what a value is compared with, and how the status is drawn.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct StatusRule {
    pub basis: Basis,
    pub symbols: Symbols,
}

impl Default for StatusRule {
    /// Green when the target is met, yellow within 5 % of it, red otherwise.
    fn default() -> StatusRule {
        StatusRule {
            basis: Basis::Target { yellow: Tolerance::Percent(Decimal::from(5)) },
            symbols: Symbols::TrafficLights,
        }
    }
}

/// What a value is compared with.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The target: green when met (inside a band), yellow when short of it
    /// by no more than the tolerance, red otherwise.
    Target { yellow: Tolerance },
    /// The value before: green when better, yellow when within
    /// `unchanged_within` percent of it, red when worse.
    Change {
        against: Reference,
        #[serde(serialize_with = "decimal")]
        #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "crate::model::plan::DecimalText"))]
        unchanged_within: Decimal,
    },
}

/// How far short of the target is still yellow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tolerance {
    /// Within this many percent of the target (0–1000).
    Percent(
        #[serde(serialize_with = "decimal")]
        #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "crate::model::plan::DecimalText"))]
        Decimal,
    ),
    /// At least this share of the target reached, in percent (1–100): 80
    /// for "yellow at 80 % of the target". When lower is better, the share
    /// reached is target ÷ value.
    ShareOfTarget(
        #[serde(serialize_with = "decimal")]
        #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "crate::model::plan::DecimalText"))]
        Decimal,
    ),
}

/// The value a change is measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Reference {
    /// The period before; for January (of a cumulative indicator) there is none.
    PreviousPeriod,
    /// The same period last year.
    LastYear,
}

/// How a view draws the status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Symbols {
    /// Green, yellow, red; grey when not assessable.
    TrafficLights,
    /// Up (improved), level (unchanged), down (worse); a white box when not measurable.
    Arrows,
    /// Met, partly met, not met; the partly-met face also when not measurable.
    Smileys,
}

/// A status: good, middling or poor, or not assessable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Target met, or improved.
    Green,
    /// Near the target, or unchanged.
    Yellow,
    /// Target missed, or worse.
    Red,
    /// A value the rule needs is not reported (kan inte bedömas).
    NotAssessable,
}

/// Why the rule gave its status, for the tooltip.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The value to assess is not reported.
    MissingValue,
    /// The target (or the value before) is not reported.
    MissingReference,
    /// The value could not be computed: its formula has an error.
    Broken,
    /// The target is met (inside the band).
    Met,
    /// Short of the target (outside the band) by no more than the tolerance.
    Near,
    /// Short of the target (outside the band) by more than the tolerance.
    Missed,
    Improved,
    Unchanged,
    Worse,
}

/// Where the rule that decided comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleSource {
    /// The plan's default rule.
    Plan,
    /// The indicator's own rule.
    Indicator,
}

/// A status with everything a view needs to explain it: the rule, where it
/// comes from, and the figures compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub status: Status,
    pub reason: Reason,
    pub rule: StatusRule,
    pub source: RuleSource,
    /// The value assessed.
    pub value: Option<Decimal>,
    /// What it was compared with: the target, or the value before.
    pub reference: Option<Decimal>,
    /// Where yellow ends (for a band: on the side the value is), when the
    /// basis is the target.
    pub limit: Option<Decimal>,
}

/// The status, its reason and the yellow limit, from `rule` and `direction`
/// for `value` against `reference` (the target, or the value before; a band
/// is its own target and needs none). Never panics: extreme figures saturate.
/// Not assessable exactly when `value`, or a needed `reference`, is missing.
pub fn evaluate(
    rule: &StatusRule,
    direction: &Direction,
    value: Option<Decimal>,
    reference: Option<Decimal>,
) -> (Status, Reason, Option<Decimal>) {
    let Some(value) = value else { return (Status::NotAssessable, Reason::MissingValue, None) };
    let (reason, limit) = match (&rule.basis, direction, reference) {
        (Basis::Target { yellow }, Direction::Band { low, high }, _) => against_band(value, *low, *high, *yellow),
        (_, _, None) => return (Status::NotAssessable, Reason::MissingReference, None),
        (Basis::Target { yellow }, _, Some(target)) => against_target(value, target, direction, *yellow),
        (Basis::Change { unchanged_within, .. }, _, Some(before)) => {
            (change(value, before, direction, *unchanged_within), None)
        }
    };
    let status = match reason {
        Reason::Met | Reason::Improved => Status::Green,
        Reason::Near | Reason::Unchanged => Status::Yellow,
        _ => Status::Red,
    };
    (status, reason, limit)
}

/// `|value| × percent / 100`, saturating.
fn share(value: Decimal, percent: Decimal) -> Decimal {
    (value.abs() / Decimal::ONE_HUNDRED).saturating_mul(percent.abs())
}

/// How far below `target` yellow reaches.
fn below(target: Decimal, tolerance: Tolerance) -> Decimal {
    match tolerance {
        Tolerance::Percent(percent) => target.saturating_sub(share(target, percent)),
        Tolerance::ShareOfTarget(reached) => {
            target.saturating_sub(share(target, Decimal::ONE_HUNDRED.saturating_sub(reached)))
        }
    }
}

/// How far above `target` yellow reaches.
fn above(target: Decimal, tolerance: Tolerance) -> Decimal {
    match tolerance {
        Tolerance::Percent(percent) => target.saturating_add(share(target, percent)),
        Tolerance::ShareOfTarget(reached) => {
            // target ÷ value ≥ reached % ⇔ value ≤ target × 100 ÷ reached.
            let beyond = Decimal::ONE_HUNDRED.checked_div(reached.abs()).unwrap_or(Decimal::MAX);
            target.saturating_add(target.abs().saturating_mul(beyond.saturating_sub(Decimal::ONE)))
        }
    }
}

fn against_target(
    value: Decimal,
    target: Decimal,
    direction: &Direction,
    yellow: Tolerance,
) -> (Reason, Option<Decimal>) {
    let lower = *direction == Direction::LowerIsBetter;
    let limit = if lower { above(target, yellow) } else { below(target, yellow) };
    let within = |bound: Decimal| if lower { value <= bound } else { value >= bound };
    let reason = if within(target) {
        Reason::Met
    } else if within(limit) {
        Reason::Near
    } else {
        Reason::Missed
    };
    (reason, Some(limit))
}

fn against_band(value: Decimal, low: Decimal, high: Decimal, yellow: Tolerance) -> (Reason, Option<Decimal>) {
    if value < low {
        let limit = below(low, yellow);
        (if value >= limit { Reason::Near } else { Reason::Missed }, Some(limit))
    } else if value > high {
        let limit = above(high, yellow);
        (if value <= limit { Reason::Near } else { Reason::Missed }, Some(limit))
    } else {
        (Reason::Met, None)
    }
}

/// How far outside a band `value` is: zero inside.
fn outside(value: Decimal, low: Decimal, high: Decimal) -> Decimal {
    if value < low {
        low.saturating_sub(value)
    } else if value > high {
        value.saturating_sub(high)
    } else {
        Decimal::ZERO
    }
}

fn change(value: Decimal, before: Decimal, direction: &Direction, unchanged_within: Decimal) -> Reason {
    let gain = match direction {
        Direction::HigherIsBetter => value.saturating_sub(before),
        Direction::LowerIsBetter => before.saturating_sub(value),
        Direction::Band { low, high } => outside(before, *low, *high).saturating_sub(outside(value, *low, *high)),
    };
    if gain.abs() <= share(before, unchanged_within) {
        Reason::Unchanged
    } else if gain.is_sign_positive() {
        Reason::Improved
    } else {
        Reason::Worse
    }
}

impl StatusRule {
    /// Whether the rule can be evaluated: a percent tolerance of 0–1000, a
    /// share of the target of 1–100, an unchanged margin of 0–1000.
    pub fn is_valid(&self) -> bool {
        let thousand = Decimal::from(1000);
        match self.basis {
            Basis::Target { yellow: Tolerance::Percent(percent) } => (Decimal::ZERO..=thousand).contains(&percent),
            Basis::Target { yellow: Tolerance::ShareOfTarget(reached) } => {
                (Decimal::ONE..=Decimal::ONE_HUNDRED).contains(&reached)
            }
            Basis::Change { unchanged_within, .. } => (Decimal::ZERO..=thousand).contains(&unchanged_within),
        }
    }

    /// Whether the rule compares with the target (rather than a value before).
    pub fn needs_target(&self) -> bool {
        matches!(self.basis, Basis::Target { .. })
    }
}

fn decimal<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    fn rule(yellow: Tolerance) -> StatusRule {
        StatusRule { basis: Basis::Target { yellow }, symbols: Symbols::TrafficLights }
    }

    fn status(rule: &StatusRule, direction: &Direction, value: &str, reference: &str) -> (Status, Reason) {
        let (status, reason, _) = evaluate(rule, direction, Some(dec(value)), Some(dec(reference)));
        (status, reason)
    }

    #[test]
    fn higher_is_better_against_the_target_with_a_percent_margin() {
        let rule = rule(Tolerance::Percent(dec("5")));
        let higher = Direction::HigherIsBetter;
        assert_eq!(status(&rule, &higher, "70", "70"), (Status::Green, Reason::Met), "exactly at the target");
        assert_eq!(status(&rule, &higher, "70.1", "70"), (Status::Green, Reason::Met));
        assert_eq!(status(&rule, &higher, "66.5", "70"), (Status::Yellow, Reason::Near), "exactly 5 % short");
        assert_eq!(status(&rule, &higher, "66.4999", "70"), (Status::Red, Reason::Missed), "just outside");
        assert_eq!(evaluate(&rule, &higher, Some(dec("68")), Some(dec("70"))).2, Some(dec("66.5")));
    }

    #[test]
    fn lower_is_better_against_the_target() {
        let rule = rule(Tolerance::Percent(dec("10")));
        let lower = Direction::LowerIsBetter;
        assert_eq!(status(&rule, &lower, "5", "5"), (Status::Green, Reason::Met));
        assert_eq!(status(&rule, &lower, "4.6", "5"), (Status::Green, Reason::Met));
        assert_eq!(status(&rule, &lower, "5.5", "5"), (Status::Yellow, Reason::Near), "exactly 10 % over");
        assert_eq!(status(&rule, &lower, "5.5001", "5"), (Status::Red, Reason::Missed));
        assert_eq!(status(&rule, &lower, "5.7", "5"), (Status::Red, Reason::Missed), "the report's sick leave");
    }

    #[test]
    fn a_share_of_the_target_is_the_eighty_percent_convention() {
        let rule = rule(Tolerance::ShareOfTarget(dec("80")));
        let higher = Direction::HigherIsBetter;
        assert_eq!(status(&rule, &higher, "80", "100"), (Status::Yellow, Reason::Near), "exactly 80 %");
        assert_eq!(status(&rule, &higher, "79.99", "100"), (Status::Red, Reason::Missed));
        assert_eq!(status(&rule, &higher, "68", "100"), (Status::Red, Reason::Missed), "the report's SLA");
        // Lower is better: target ÷ value at least 80 %, so up to 125 % of the target.
        let lower = Direction::LowerIsBetter;
        assert_eq!(status(&rule, &lower, "125", "100"), (Status::Yellow, Reason::Near));
        assert_eq!(status(&rule, &lower, "125.01", "100"), (Status::Red, Reason::Missed));
    }

    #[test]
    fn a_band_is_inside_near_or_outside() {
        let rule = rule(Tolerance::Percent(dec("10")));
        let band = Direction::Band { low: dec("8"), high: dec("12") };
        let at = |value: &str| evaluate(&rule, &band, Some(dec(value)), None);
        assert_eq!(at("8").0, Status::Green, "the low end is inside");
        assert_eq!(at("12").0, Status::Green, "the high end is inside");
        assert_eq!(at("7.2"), (Status::Yellow, Reason::Near, Some(dec("7.2"))), "10 % below the low end");
        assert_eq!(at("7.19").0, Status::Red);
        assert_eq!(at("13.2"), (Status::Yellow, Reason::Near, Some(dec("13.2"))));
        assert_eq!(at("13.21").1, Reason::Missed);
    }

    #[test]
    fn missing_values_cannot_be_assessed() {
        let rule = StatusRule::default();
        let higher = Direction::HigherIsBetter;
        assert_eq!(evaluate(&rule, &higher, None, Some(dec("1"))).1, Reason::MissingValue);
        assert_eq!(evaluate(&rule, &higher, Some(dec("1")), None).1, Reason::MissingReference);
        assert_eq!(evaluate(&rule, &higher, None, None).0, Status::NotAssessable);
    }

    #[test]
    fn a_change_is_improved_unchanged_or_worse() {
        let rule = StatusRule {
            basis: Basis::Change { against: Reference::PreviousPeriod, unchanged_within: dec("1") },
            symbols: Symbols::Arrows,
        };
        let lower = Direction::LowerIsBetter;
        assert_eq!(status(&rule, &lower, "5.7", "5.8"), (Status::Green, Reason::Improved));
        assert_eq!(status(&rule, &lower, "5.8", "5.8"), (Status::Yellow, Reason::Unchanged));
        assert_eq!(status(&rule, &lower, "5.858", "5.8"), (Status::Yellow, Reason::Unchanged), "within 1 %");
        assert_eq!(status(&rule, &lower, "5.9", "5.8"), (Status::Red, Reason::Worse));
        let band = Direction::Band { low: dec("4"), high: dec("6") };
        assert_eq!(status(&rule, &band, "6.5", "7"), (Status::Green, Reason::Improved), "closer to the band");
        assert_eq!(status(&rule, &band, "3", "5"), (Status::Red, Reason::Worse), "left the band");
        assert_eq!(evaluate(&rule, &band, Some(dec("5")), None).1, Reason::MissingReference);
    }

    #[test]
    fn extreme_figures_saturate_rather_than_panic() {
        let rule = rule(Tolerance::ShareOfTarget(dec("1")));
        let (status, ..) = evaluate(&rule, &Direction::LowerIsBetter, Some(Decimal::MIN), Some(Decimal::MAX));
        assert_eq!(status, Status::Green);
        let _ = evaluate(&rule, &Direction::LowerIsBetter, Some(Decimal::MAX), Some(Decimal::MIN));
    }
}
