//! Splitting an amount into parts that sum to it exactly, to the öre.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::amount::Amount;

/// Why an amount cannot be split in proportion to weights.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The weights sum to zero: there is no proportion to follow.
    ZeroTotal,
    /// A share leaves the range of exact arithmetic (weights too large or
    /// too finely divided).
    Overflow,
    /// Every month is closed: a year's total cannot change any more.
    YearClosed,
}

/// A decimal as an integer count of `10^-scale`, if it fits.
fn scaled(value: Decimal, scale: u32) -> Option<i128> {
    let mut value = value;
    value.rescale(scale);
    (value.scale() == scale).then(|| value.mantissa())
}

/// The step a split or a price is rounded to (avrundning): öre, whole
/// kronor, ten kronor …
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// öre (0,01 kr)
    Ore,
    /// hela kronor
    #[default]
    Krona,
    /// tiotal kronor
    TenKronor,
    /// hundratal kronor
    HundredKronor,
}

impl Rounding {
    pub const ALL: [Rounding; 4] = [Rounding::Ore, Rounding::Krona, Rounding::TenKronor, Rounding::HundredKronor];

    /// The step in öre.
    pub fn ore(self) -> i128 {
        match self {
            Rounding::Ore => 1,
            Rounding::Krona => 100,
            Rounding::TenKronor => 1_000,
            Rounding::HundredKronor => 10_000,
        }
    }

    /// `value` rounded to the step, half away from zero.
    pub fn round(self, value: Decimal) -> Result<Amount, SplitError> {
        let step = Decimal::from(self.ore()) / Decimal::ONE_HUNDRED;
        let steps = value.checked_div(step).ok_or(SplitError::Overflow)?;
        let rounded = steps.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        let value = rounded.checked_mul(step).ok_or(SplitError::Overflow)?;
        Amount::from_decimal(value).map_err(|_| SplitError::Overflow)
    }
}

/// Splits `total` over `weights` in proportion, exact to the öre, by the
/// largest-remainder method: [`split_rounded`] to the öre.
pub fn split_by(total: Amount, weights: &[Decimal]) -> Result<Vec<Amount>, SplitError> {
    split_rounded(total, weights, Rounding::Ore)
}

/// Splits `total` over `weights` in proportion, in whole steps of
/// `rounding`, by the largest-remainder method: each part gets its exact
/// share rounded down to a step, and what is left goes a step each to the
/// parts with the largest remainders, ties to the earlier part. When `total`
/// is not itself a whole number of steps, the part after the last one to get
/// a whole step takes what is left below a step. So the parts sum exactly to
/// `total`, no part is a step or more from its exact share, and the result
/// depends only on the order of the weights. Weights may be of any sign but
/// must not sum to zero; computed in exact integer arithmetic.
pub fn split_rounded(total: Amount, weights: &[Decimal], rounding: Rounding) -> Result<Vec<Amount>, SplitError> {
    let scale = weights.iter().map(|w| w.scale()).max().unwrap_or(0);
    let ints: Vec<i128> =
        weights.iter().map(|w| scaled(*w, scale)).collect::<Option<_>>().ok_or(SplitError::Overflow)?;
    let sum = ints.iter().try_fold(0i128, |sum, w| sum.checked_add(*w)).ok_or(SplitError::Overflow)?;
    if sum == 0 {
        return Err(SplitError::ZeroTotal);
    }
    // With a negative sum, flip every sign so that the divisor is positive.
    let (sum, ore, flip) = if sum < 0 { (-sum, -total.ore(), true) } else { (sum, total.ore(), false) };
    let step = rounding.ore();
    let divisor = sum.checked_mul(step).ok_or(SplitError::Overflow)?;
    let mut parts = Vec::with_capacity(ints.len());
    let mut remainders = Vec::with_capacity(ints.len());
    for w in &ints {
        let numerator = ore.checked_mul(if flip { -w } else { *w }).ok_or(SplitError::Overflow)?;
        parts.push(numerator.div_euclid(divisor) * step);
        remainders.push(numerator.rem_euclid(divisor));
    }
    // 0 ≤ left < parts × step, since each remainder is below `divisor`.
    let mut left = ore - parts.iter().sum::<i128>();
    let mut by_remainder: Vec<usize> = (0..parts.len()).collect();
    by_remainder.sort_by(|a, b| remainders[*b].cmp(&remainders[*a]).then(a.cmp(b)));
    for index in by_remainder {
        if left <= 0 {
            break;
        }
        let more = left.min(step);
        parts[index] += more;
        left -= more;
    }
    let amount = |ore: i128| {
        let amount = Amount::from_ore(if flip { -ore } else { ore });
        amount.and_then(|amount| Amount::from_decimal(amount.decimal()).ok()).ok_or(SplitError::Overflow)
    };
    parts.into_iter().map(amount).collect()
}

/// Splits `total` into `parts` amounts as even as öre allow, summing exactly
/// to `total`. The leftover öre go one each to the first parts, so the result
/// is deterministic: 100 kr over 3 is 33,34 + 33,33 + 33,33.
pub fn split_evenly(total: Amount, parts: usize) -> Vec<Amount> {
    let Ok(n) = i128::try_from(parts) else { return Vec::new() };
    if n == 0 {
        return Vec::new();
    }
    let ore = total.ore();
    let (base, leftover) = (ore.div_euclid(n), ore.rem_euclid(n));
    (0..n)
        .map(|i| {
            let part = base + i128::from(i < leftover);
            // Each part lies between 0 and the total, so it is a valid amount.
            Amount::from_ore(part).unwrap_or(Amount::ZERO)
        })
        .collect()
}

/// Exact `shares` rounded to the öre so that they sum to their rounded
/// total: each rounded down, and the öre left over one each to the shares
/// with the largest remainders (ties to the earlier share). No share moves
/// by an öre or more. `None` when a share leaves the range of amounts.
pub fn round_shares(shares: &[Decimal]) -> Option<Vec<Amount>> {
    let hundred = Decimal::ONE_HUNDRED;
    let ore: Vec<Decimal> = shares.iter().map(|share| share.checked_mul(hundred)).collect::<Option<_>>()?;
    let total = ore.iter().try_fold(Decimal::ZERO, |sum, share| sum.checked_add(*share))?;
    let total = total.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let floors: Vec<Decimal> = ore.iter().map(|share| share.floor()).collect();
    let left = total - floors.iter().copied().sum::<Decimal>();
    let mut by_remainder: Vec<usize> = (0..ore.len()).collect();
    by_remainder.sort_by(|a, b| (ore[*b] - floors[*b]).cmp(&(ore[*a] - floors[*a])).then(a.cmp(b)));
    let extra = usize::try_from(i128::try_from(left).ok()?).ok()?;
    let mut out = floors;
    for index in by_remainder.into_iter().take(extra) {
        out[index] += Decimal::ONE;
    }
    out.into_iter().map(|ore| Amount::from_decimal(ore / hundred).ok()).collect()
}

/// How [`fill_open`] spread a year's total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// In proportion to the open months' amounts as they were.
    Profile,
    /// Evenly: the open months had no profile (they summed to zero).
    Even,
}

/// The twelve months of a series set to sum to `total` when the first
/// `closed` months are closed: the closed months stay as they are and the
/// rest of the total goes to the open months in proportion to their current
/// amounts, or evenly where those sum to zero.
pub fn fill_open(total: Amount, months: &[Amount; 12], closed: usize) -> Result<([Amount; 12], Fill), SplitError> {
    let closed = closed.min(12);
    let kept = Amount::checked_sum(months[..closed].iter().copied()).map_err(|_| SplitError::Overflow)?;
    let rest = total.checked_sub(kept).map_err(|_| SplitError::Overflow)?;
    if closed == 12 {
        return if rest.is_zero() { Ok((*months, Fill::Profile)) } else { Err(SplitError::YearClosed) };
    }
    let profile: Vec<Decimal> = months[closed..].iter().map(|m| m.decimal()).collect();
    let (open, fill) = match split_by(rest, &profile) {
        Ok(open) => (open, Fill::Profile),
        Err(SplitError::ZeroTotal) => (split_evenly(rest, 12 - closed), Fill::Even),
        Err(error) => return Err(error),
    };
    let mut out = *months;
    out[closed..].copy_from_slice(&open);
    Ok((out, fill))
}

/// `total` split into twelve months in whole steps of `rounding` as even as
/// they allow, summing exactly to `total`: the first months take the steps
/// left over, the month after them what is left below a step
/// ([`split_rounded`] with equal weights).
pub fn split_year_rounded(total: Amount, rounding: Rounding) -> Result<[Amount; 12], SplitError> {
    let parts = split_rounded(total, &[Decimal::ONE; 12], rounding)?;
    Ok(std::array::from_fn(|i| parts[i]))
}

/// [`split_evenly`] into twelve months.
pub fn split_year(total: Amount) -> [Amount; 12] {
    let parts = split_evenly(total, 12);
    std::array::from_fn(|i| parts[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weights(values: &[i64]) -> Vec<Decimal> {
        values.iter().map(|v| Decimal::from(*v)).collect()
    }

    #[test]
    fn shares_follow_the_weights_and_sum_exactly() {
        let parts = split_by(Amount::kronor(100), &weights(&[1, 1, 1])).unwrap();
        assert_eq!(parts, amounts(&["33.34", "33.33", "33.33"]), "a tie goes to the earlier part");
        let parts = split_by(Amount::kronor(100), &weights(&[1, 2, 3])).unwrap();
        assert_eq!(parts, amounts(&["16.67", "33.33", "50.00"]), "16,666… has the largest remainder");
        let parts = split_by("0.05".parse().unwrap(), &weights(&[3, 0, 7])).unwrap();
        assert_eq!(parts, amounts(&["0.02", "0.00", "0.03"]));
        let parts = split_by(Amount::kronor(-100), &weights(&[1, 1, 1])).unwrap();
        assert_eq!(Amount::checked_sum(parts.iter().copied()), Ok(Amount::kronor(-100)));
        assert_eq!(split_by(Amount::kronor(5), &weights(&[1, -1])), Err(SplitError::ZeroTotal));
        assert_eq!(split_by(Amount::kronor(5), &[]), Err(SplitError::ZeroTotal));
    }

    fn amounts(values: &[&str]) -> Vec<Amount> {
        values.iter().map(|v| v.parse().unwrap()).collect()
    }

    #[test]
    fn a_split_in_whole_kronor_gives_the_ore_of_the_total_to_the_next_part() {
        let thirds = weights(&[1, 1, 1]);
        let parts = split_rounded(Amount::kronor(1000), &thirds, Rounding::Krona).unwrap();
        assert_eq!(parts, amounts(&["334", "333", "333"]));
        // 100,50 kr: 33 kr each, 1,50 kr left: a krona to the first, 50 öre to the second.
        let parts = split_rounded("100.50".parse().unwrap(), &thirds, Rounding::Krona).unwrap();
        assert_eq!(parts, amounts(&["34", "33.50", "33"]));
        // 1 000 kr by 1 : 2 : 3 in tens: 166,67 / 333,33 / 500 round down to
        // 160 / 330 / 500; the ten left goes to the largest remainder (6,67).
        let parts = split_rounded(Amount::kronor(1000), &weights(&[1, 2, 3]), Rounding::TenKronor).unwrap();
        assert_eq!(parts, amounts(&["170", "330", "500"]));
        let year = split_year_rounded(Amount::kronor(1000), Rounding::Krona).unwrap();
        assert_eq!(
            (year[0], year[3], year[4], year[11]),
            (Amount::kronor(84), Amount::kronor(84), Amount::kronor(83), Amount::kronor(83))
        );
    }

    #[test]
    fn a_price_rounds_half_away_from_zero_to_its_step() {
        let value = |text: &str| Decimal::from_str_exact(text).unwrap();
        assert_eq!(Rounding::Krona.round(value("1143.5")), Ok(Amount::kronor(1144)));
        assert_eq!(Rounding::TenKronor.round(value("2519.31")), Ok(Amount::kronor(2520)));
        assert_eq!(Rounding::Ore.round(value("-0.125")), Ok("-0.13".parse().unwrap()));
        assert_eq!(Rounding::HundredKronor.round(value("149.99")), Ok(Amount::kronor(100)));
    }

    #[test]
    fn leftover_ore_go_to_the_first_parts() {
        assert_eq!(split_evenly(Amount::kronor(100), 3), amounts(&["33.34", "33.33", "33.33"]));
        assert_eq!(split_evenly(Amount::kronor(-100), 3), amounts(&["-33.33", "-33.33", "-33.34"]));
        assert_eq!(split_evenly(Amount::kronor(5), 0), Vec::<Amount>::new());
    }

    #[test]
    fn rounded_shares_sum_to_their_rounded_total() {
        let thirds: Vec<Decimal> = (0..3).map(|_| Decimal::from(100) / Decimal::from(3)).collect();
        assert_eq!(round_shares(&thirds).unwrap(), amounts(&["33.34", "33.33", "33.33"]));
        let mixed = ["10.004", "-5.006", "0.0049"].map(|s| Decimal::from_str_exact(s).unwrap());
        let rounded = round_shares(&mixed).unwrap();
        assert_eq!(Amount::checked_sum(rounded.iter().copied()), Ok("5.00".parse().unwrap()));
        assert_eq!(
            rounded,
            amounts(&["10.00", "-5.01", "0.01"]),
            "−5,006 rounds down, 0,0049 has the largest remainder"
        );
    }

    #[test]
    fn a_new_year_total_goes_to_the_open_months_following_their_profile() {
        let months: [Amount; 12] = std::array::from_fn(|i| Amount::kronor(if i < 6 { 100 } else { 200 }));
        // 2 400 kr a year, four months closed (400 kr): 3 000 leaves 2 600
        // for May–December, whose profile is 100, 100, then 200 × 6.
        let (filled, fill) = fill_open(Amount::kronor(3000), &months, 4).unwrap();
        assert_eq!(fill, Fill::Profile);
        assert_eq!(filled[..4], months[..4], "closed months are untouched");
        assert_eq!(filled[4], "185.71".parse().unwrap(), "2 600 × 100 / 1 400, to the öre");
        assert_eq!(filled[11], "371.43".parse().unwrap(), "the larger remainders get the öre left over");
        assert_eq!(Amount::checked_sum(filled), Ok(Amount::kronor(3000)));
        let zero = [Amount::ZERO; 12];
        let (filled, fill) = fill_open(Amount::kronor(800), &zero, 4).unwrap();
        assert_eq!((filled[4], filled[11], fill), (Amount::kronor(100), Amount::kronor(100), Fill::Even));
        assert_eq!(fill_open(Amount::kronor(1), &zero, 12), Err(SplitError::YearClosed));
        assert_eq!(fill_open(Amount::ZERO, &zero, 12), Ok((zero, Fill::Profile)));
    }

    #[test]
    fn a_year_splits_into_twelve_exact_months() {
        let months = split_year("1234567.89".parse().unwrap());
        assert_eq!(Amount::checked_sum(months), Ok("1234567.89".parse().unwrap()));
        assert_eq!(months[0], "102880.66".parse().unwrap());
        assert_eq!(months[11], "102880.65".parse().unwrap());
    }
}
