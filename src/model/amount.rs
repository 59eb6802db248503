//! Exact money: [`Amount`] is a number of kronor held as a `Decimal`.
//!
//! Arithmetic is checked: an overflow is an [`Overflow`] error, never a panic
//! and never a silently wrong sum. Amounts serialize as decimal strings.

use std::fmt;
use std::iter::Sum;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// The most decimals an amount keeps: kronor and öre.
pub const MAX_SCALE: u32 = 2;

/// The largest amount of a single figure, in kronor (10^15: a million
/// billion). Far above any budget, and low enough that sums of millions of
/// figures stay inside `Decimal`'s range.
const LIMIT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// An amount of money in kronor (belopp), exact to the öre.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(Decimal);

/// A sum or difference left the range of exact amounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow;

impl fmt::Display for Overflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("amount out of range")
    }
}

impl std::error::Error for Overflow {}

impl Amount {
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    /// An amount of whole kronor.
    pub fn kronor(kr: i64) -> Amount {
        Amount(Decimal::from(kr))
    }

    /// An amount from a decimal number of kronor: refused with more than
    /// [`MAX_SCALE`] decimals (money is kept to the öre) or beyond ±10^15 kr.
    pub fn from_decimal(value: Decimal) -> Result<Amount, AmountError> {
        let value = value.normalize();
        if value.scale() > MAX_SCALE {
            Err(AmountError::TooManyDecimals)
        } else if value.abs() > LIMIT {
            Err(AmountError::OutOfRange)
        } else {
            Ok(Amount(value))
        }
    }

    /// The amount in öre, exactly.
    pub fn ore(self) -> i128 {
        let mut value = self.0;
        value.rescale(MAX_SCALE);
        value.mantissa()
    }

    /// An amount of `ore` öre, or `None` beyond the range of `Decimal`.
    pub fn from_ore(ore: i128) -> Option<Amount> {
        Decimal::try_from_i128_with_scale(ore, MAX_SCALE).ok().map(|d| Amount(d.normalize()))
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn checked_add(self, other: Amount) -> Result<Amount, Overflow> {
        self.0.checked_add(other.0).map(Amount).ok_or(Overflow)
    }

    pub fn checked_sub(self, other: Amount) -> Result<Amount, Overflow> {
        self.0.checked_sub(other.0).map(Amount).ok_or(Overflow)
    }

    /// The sum of `amounts`, or [`Overflow`] if any partial sum overflows.
    pub fn checked_sum<I: IntoIterator<Item = Amount>>(amounts: I) -> Result<Amount, Overflow> {
        amounts.into_iter().try_fold(Amount::ZERO, Amount::checked_add)
    }
}

impl fmt::Display for Amount {
    /// The plain decimal form used in files: `1449802`, `-6840.5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Why a text or a number is not an [`Amount`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    NotANumber,
    /// Finer than an öre.
    TooManyDecimals,
    /// Beyond ±10^15 kr.
    OutOfRange,
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AmountError::Empty => "empty",
            AmountError::NotANumber => "not a number",
            AmountError::TooManyDecimals => "more than two decimals (öre)",
            AmountError::OutOfRange => "outside ±10^15 kr",
        })
    }
}

impl FromStr for Amount {
    type Err = AmountError;

    /// Parses the strict file form (`-1234.50`), not user input; for what a
    /// user types see [`crate::model::number::parse_number`].
    fn from_str(s: &str) -> Result<Amount, AmountError> {
        let unsigned = s.strip_prefix('-').unwrap_or(s);
        let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        let plain = match unsigned.split_once('.') {
            Some((integer, fraction)) => all_digits(integer) && all_digits(fraction),
            None => all_digits(unsigned),
        };
        if !plain {
            return Err(AmountError::NotANumber);
        }
        let value = Decimal::from_str_exact(s).map_err(|_| AmountError::OutOfRange)?;
        Amount::from_decimal(value)
    }
}

impl Serialize for Amount {
    /// Written as a decimal string with two decimals: `"1449802.00"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut value = self.0;
        value.rescale(MAX_SCALE);
        serializer.collect_str(&value)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An amount in kronor as a decimal string, written with two decimals (öre); read with at most two significant decimals and at most ±10^15.",
            "type": "string",
            "pattern": "^-?[0-9]+(\\.[0-9]+)?$"
        })
    }
}

impl Sum<Amount> for Result<Amount, Overflow> {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Self {
        Amount::checked_sum(iter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_file_form_exactly() {
        assert_eq!("1449802.00".parse(), Ok(Amount::kronor(1_449_802)));
        assert_eq!("-6840".parse(), Ok(Amount::kronor(-6840)));
        assert_eq!("0.125".parse::<Amount>(), Err(AmountError::TooManyDecimals));
        assert_eq!("1000000000000001".parse::<Amount>(), Err(AmountError::OutOfRange));
        assert_eq!("-1000000000000000".parse(), Ok(Amount::kronor(-1_000_000_000_000_000)));
        for bad in ["", "-", "1e5", "1 000", "12,5", "--1", "abc", "NaN", "1.2.3", ".5", "5.", "+5"] {
            assert_eq!(bad.parse::<Amount>(), Err(AmountError::NotANumber), "{bad}");
        }
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let max = Amount(Decimal::MAX);
        assert_eq!(max.checked_add(Amount::kronor(1)), Err(Overflow));
        assert_eq!(Amount(Decimal::MIN).checked_sub(Amount::kronor(1)), Err(Overflow));
        assert_eq!(Amount::checked_sum([max, max]), Err(Overflow));
    }

    #[test]
    fn ore_round_trip() {
        let amount: Amount = "-1234.05".parse().unwrap();
        assert_eq!(amount.ore(), -123_405);
        assert_eq!(Amount::from_ore(-123_405), Some(amount));
    }

    #[test]
    fn serializes_as_a_string_with_ore() {
        assert_eq!(serde_json::to_string(&Amount::kronor(-6840)).unwrap(), "\"-6840.00\"");
        assert_eq!(serde_json::to_string(&"12.5".parse::<Amount>().unwrap()).unwrap(), "\"12.50\"");
    }
}
