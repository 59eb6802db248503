//! Numbers as people type and read them: `1 234,5`, `-6 840`, `1,234.5`.
//!
//! Parsing accepts Swedish and English notation; formatting is Swedish, with a
//! no-break space between thousands and a true minus sign. Rounding happens
//! here, for display only; the amounts themselves stay exact.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::amount::{Amount, AmountError};

/// The unit amounts are shown and typed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// kronor
    Kr,
    /// tusen kronor
    #[default]
    Tkr,
    /// miljoner kronor
    Mnkr,
}

impl Unit {
    pub const ALL: [Unit; 3] = [Unit::Kr, Unit::Tkr, Unit::Mnkr];

    /// Kronor per unit.
    pub fn factor(self) -> Decimal {
        Decimal::from(match self {
            Unit::Kr => 1,
            Unit::Tkr => 1_000,
            Unit::Mnkr => 1_000_000,
        })
    }

    /// Decimals shown in reports.
    pub fn decimals(self) -> u32 {
        match self {
            Unit::Kr | Unit::Tkr => 0,
            Unit::Mnkr => 1,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Kr => "kr",
            Unit::Tkr => "tkr",
            Unit::Mnkr => "mnkr",
        }
    }

    /// An amount expressed in this unit, exactly.
    pub fn of(self, amount: Amount) -> Decimal {
        // Dividing by a factor of at least one can neither overflow nor divide by zero.
        amount.decimal() / self.factor()
    }
}

const MINUS: char = '\u{2212}';
const NO_BREAK_SPACE: char = '\u{a0}';

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'')
}

/// Parses a number typed or pasted by a user, in Swedish or English notation.
///
/// A single `,` or `.` is the decimal separator; with both, the last one is.
/// Spaces and a repeated separator group thousands, which must then come in
/// threes: `1 234 567,5`, `1,234,567.5` and `1.234.567` are numbers, `12,3,4`
/// is not.
pub fn parse_number(input: &str) -> Result<Decimal, AmountError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(AmountError::Empty);
    }
    let mut chars = text.chars();
    let (negative, body) = match chars.next() {
        Some('-' | MINUS) => (true, chars.as_str()),
        Some('+') => (false, chars.as_str()),
        _ => (false, text),
    };
    let (integer, fraction) = split_decimal(body)?;
    let digits = ungroup(integer)?;
    if fraction.len() > 28 {
        return Err(AmountError::TooManyDecimals);
    }
    if !fraction.chars().all(|c| c.is_ascii_digit()) || (digits.is_empty() && fraction.is_empty()) {
        return Err(AmountError::NotANumber);
    }
    let plain = format!("{}{}.{}", if negative { "-" } else { "" }, zero_if_empty(&digits), zero_if_empty(fraction));
    Decimal::from_str_exact(&plain).map_err(|_| AmountError::OutOfRange)
}

fn zero_if_empty(s: &str) -> &str {
    if s.is_empty() { "0" } else { s }
}

/// Splits at the decimal separator: `(integer part, fraction digits)`.
fn split_decimal(body: &str) -> Result<(&str, &str), AmountError> {
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let separator = match (commas, dots) {
        (0, 0) => None,
        (_, 0) if commas > 1 => None,
        (0, _) if dots > 1 => None,
        (1, 0) => Some(','),
        (0, 1) => Some('.'),
        _ => {
            let last = body.rfind([',', '.']).map(|i| body.as_bytes()[i] as char);
            let separator = last.ok_or(AmountError::NotANumber)?;
            if body.matches(separator).count() > 1 {
                return Err(AmountError::NotANumber);
            }
            Some(separator)
        }
    };
    Ok(match separator.and_then(|s| body.rsplit_once(s)) {
        Some((integer, fraction)) => (integer, fraction),
        None => (body, ""),
    })
}

/// The digits of an integer part, checking that any grouping is in threes.
fn ungroup(integer: &str) -> Result<String, AmountError> {
    let groups: Vec<&str> = integer.split(|c: char| is_space(c) || c == ',' || c == '.').collect();
    let well_formed = groups.iter().enumerate().all(|(i, group)| {
        group.chars().all(|c| c.is_ascii_digit())
            && match (i, groups.len()) {
                (_, 1) => true,
                (0, _) => (1..=3).contains(&group.len()),
                _ => group.len() == 3,
            }
    });
    if well_formed { Ok(groups.concat()) } else { Err(AmountError::NotANumber) }
}

/// Parses typed text as an amount in `unit`: `137,5` in tkr is 137 500 kr.
pub fn parse_amount(input: &str, unit: Unit) -> Result<Amount, AmountError> {
    let kronor = parse_number(input)?.checked_mul(unit.factor()).ok_or(AmountError::OutOfRange)?;
    Amount::from_decimal(kronor)
}

/// An amount in `unit` as plain text for the clipboard: every decimal, a
/// decimal comma and no grouping, which Swedish Excel reads as a number.
pub fn clipboard_text(amount: Amount, unit: Unit) -> String {
    plain(unit.of(amount))
}

/// A number with every decimal it has, a decimal comma and no grouping.
pub fn plain(value: Decimal) -> String {
    value.normalize().to_string().replace('.', ",")
}

/// An amount for reports: in `unit`, rounded (half away from zero) to the
/// unit's decimals, Swedish style: `1 449 802`, `−6 840`, `21,4`.
pub fn format_amount(amount: Amount, unit: Unit) -> String {
    format_rounded(rounded(amount, unit), unit)
}

/// An amount in `unit`, rounded (half away from zero) as reports show it.
pub fn rounded(amount: Amount, unit: Unit) -> Decimal {
    unit.of(amount).round_dp_with_strategy(unit.decimals(), RoundingStrategy::MidpointAwayFromZero)
}

/// A value already rounded in `unit`, Swedish style.
pub fn format_rounded(value: Decimal, unit: Unit) -> String {
    format_decimal(value, unit.decimals())
}

/// A number rounded (half away from zero) to `decimals` decimals, Swedish
/// style: `1 470 000`, `5,7`, `−3,25`. With `trim`, trailing zeros are
/// dropped (`5` rather than `5,0`), as reports print typed values.
pub fn format_number(value: Decimal, decimals: u32, trim: bool) -> String {
    let rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let shown = if trim { rounded.normalize().scale() } else { decimals };
    format_decimal(rounded, shown)
}

/// An amount in `unit` with every decimal it has, for editing: nothing is
/// rounded away when the text is typed back.
pub fn format_exact(amount: Amount, unit: Unit) -> String {
    let value = unit.of(amount).normalize();
    format_decimal(value, value.scale())
}

/// Swedish notation of `value` with exactly `decimals` decimals: `1 234,50`, `−6`.
pub fn format_decimal(value: Decimal, decimals: u32) -> String {
    let mut value = value;
    value.rescale(decimals);
    let text = value.abs().to_string();
    let (integer, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::with_capacity(text.len() + 8);
    if value.is_sign_negative() && !value.is_zero() {
        out.push(MINUS);
    }
    for (i, digit) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            out.push(NO_BREAK_SPACE);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn reads_swedish_and_english_notation() {
        let cases = [
            ("1 234,5", "1234.5"),
            ("1\u{a0}234,5", "1234.5"),
            ("-6 840", "-6840"),
            ("\u{2212}6 840", "-6840"),
            ("+12", "12"),
            ("1234.5", "1234.5"),
            ("1,234.5", "1234.5"),
            ("1.234,5", "1234.5"),
            ("1,234,567", "1234567"),
            ("1.234.567", "1234567"),
            ("1,234", "1.234"),
            (",5", "0.5"),
            ("  42  ", "42"),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_number(input), Ok(dec(expected)), "{input:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        for input in ["12,3,4", "1 23", "12a", "1,2.3,4", "--5", "-", ",", "1 2345", "e5", "1.2.3,4,5"] {
            assert_eq!(parse_number(input), Err(AmountError::NotANumber), "{input:?}");
        }
        assert_eq!(parse_number("  "), Err(AmountError::Empty));
        assert_eq!(parse_number("99999999999999999999999999999999"), Err(AmountError::OutOfRange));
    }

    #[test]
    fn amounts_are_typed_in_the_display_unit() {
        assert_eq!(parse_amount("137,5", Unit::Tkr), Ok(Amount::kronor(137_500)));
        assert_eq!(parse_amount("1,5", Unit::Mnkr), Ok(Amount::kronor(1_500_000)));
        assert_eq!(parse_amount("0,001", Unit::Kr), Err(AmountError::TooManyDecimals));
        assert_eq!(parse_amount("79228162514264337593543950335", Unit::Tkr), Err(AmountError::OutOfRange));
        assert_eq!(parse_amount("1 000 000 000 001", Unit::Tkr), Err(AmountError::OutOfRange));
    }

    #[test]
    fn formats_the_swedish_way_and_rounds_only_for_display() {
        assert_eq!(format_amount(Amount::kronor(1_449_802_000), Unit::Tkr), "1\u{a0}449\u{a0}802");
        assert_eq!(format_amount(Amount::kronor(-6_840_000), Unit::Tkr), "\u{2212}6\u{a0}840");
        assert_eq!(format_amount(Amount::kronor(1_500), Unit::Tkr), "2");
        assert_eq!(format_amount(Amount::kronor(-400), Unit::Tkr), "0");
        assert_eq!(format_amount(Amount::kronor(21_416_000), Unit::Mnkr), "21,4");
        assert_eq!(format_amount(Amount::kronor(999), Unit::Kr), "999");
    }

    #[test]
    fn numbers_are_rounded_and_trimmed_for_reports() {
        assert_eq!(format_number(dec("1470000"), 0, false), "1\u{a0}470\u{a0}000");
        assert_eq!(format_number(dec("5.75"), 1, true), "5,8");
        assert_eq!(format_number(dec("5.0"), 1, true), "5");
        assert_eq!(format_number(dec("5"), 2, false), "5,00");
        assert_eq!(format_number(dec("-3.25"), 1, false), "\u{2212}3,3");
        assert_eq!(format_number(dec("-0.01"), 1, true), "0");
        assert_eq!(format_number(dec("-0.125"), 2, false), "\u{2212}0,13");
    }

    #[test]
    fn clipboard_text_reads_back_exactly() {
        let amount: Amount = "-1234567.89".parse().unwrap();
        assert_eq!(clipboard_text(amount, Unit::Tkr), "-1234,56789");
        assert_eq!(parse_amount(&clipboard_text(amount, Unit::Tkr), Unit::Tkr), Ok(amount));
    }

    #[test]
    fn exact_format_reads_back_to_the_same_amount() {
        let amount = "137258123.45".parse().unwrap();
        let text = format_exact(amount, Unit::Tkr);
        assert_eq!(text, "137\u{a0}258,12345");
        assert_eq!(parse_amount(&text, Unit::Tkr), Ok(amount));
    }
}
