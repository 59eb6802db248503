//! The months of a fiscal year and the spans reports sum them over.

use serde::Serialize;

use super::amount::{Amount, Overflow};

/// A month of the fiscal year, January being 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "u8")]
pub struct Month(u8);

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Month {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Month".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "description": "A month, 1 for January to 12 for December.", "type": "integer", "minimum": 1, "maximum": 12 })
    }
}

impl Month {
    pub const JANUARY: Month = Month(0);
    pub const MARCH: Month = Month(2);
    pub const APRIL: Month = Month(3);
    pub const JUNE: Month = Month(5);
    pub const JULY: Month = Month(6);
    pub const DECEMBER: Month = Month(11);

    /// Every month, January to December.
    pub fn all() -> impl DoubleEndedIterator<Item = Month> + Clone {
        (0..12).map(Month)
    }

    /// The month with 0-based `index`, if there is one.
    pub fn from_index(index: usize) -> Option<Month> {
        u8::try_from(index).ok().filter(|i| *i < 12).map(Month)
    }

    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// 1 for January, 12 for December, as months are written in files.
    pub fn number(self) -> u8 {
        self.0 + 1
    }

    /// The month before, if this is not January.
    pub fn previous(self) -> Option<Month> {
        self.0.checked_sub(1).map(Month)
    }

    /// The month after, if this is not December.
    pub fn next(self) -> Option<Month> {
        Month::from_index(self.index() + 1)
    }
}

impl TryFrom<u8> for Month {
    type Error = String;

    /// Reads the 1-based month number of the file format.
    fn try_from(number: u8) -> Result<Month, String> {
        match number {
            1..=12 => Ok(Month(number - 1)),
            _ => Err(format!("month {number} is not 1–12")),
        }
    }
}

impl From<Month> for u8 {
    fn from(month: Month) -> u8 {
        month.number()
    }
}

/// Twelve monthly amounts of one series.
pub type Monthly = [Amount; 12];

/// The number of months closed when `closed` is the last closed month.
pub fn closed_count(closed: Option<Month>) -> usize {
    closed.map_or(0, |month| month.index() + 1)
}

/// A four-month period of the year (tertial).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tertial {
    /// January–April
    T1,
    /// May–August
    T2,
    /// September–December
    T3,
}

/// A stretch of the year that figures are summed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Span {
    /// One month.
    Month(Month),
    /// January through a month (ackumulerat till och med).
    Through(Month),
    /// Year to date: January through the last closed month.
    YearToDate,
    /// A four-month period.
    Tertial(Tertial),
    /// The full year (helår).
    FullYear,
}

impl Span {
    /// The months of this span, in a plan closed through `closed`.
    pub fn months(self, closed: Option<Month>) -> std::ops::Range<usize> {
        match self {
            Span::Month(month) => month.index()..month.index() + 1,
            Span::Through(month) => 0..month.index() + 1,
            Span::YearToDate => 0..closed_count(closed),
            Span::Tertial(tertial) => {
                let start = tertial as usize * 4;
                start..start + 4
            }
            Span::FullYear => 0..12,
        }
    }

    /// The sum of `months` over this span.
    pub fn sum(self, months: &Monthly, closed: Option<Month>) -> Result<Amount, Overflow> {
        Amount::checked_sum(months[self.months(closed)].iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_numbered_from_one_in_files() {
        assert_eq!(serde_json::to_string(&Month::APRIL).unwrap(), "4");
        assert_eq!(Month::try_from(12), Ok(Month::DECEMBER));
        assert!(Month::try_from(0).is_err());
        assert!(Month::try_from(13).is_err());
        assert_eq!(Month::JANUARY.previous(), None);
        assert_eq!(Month::DECEMBER.next(), None);
    }

    #[test]
    fn spans_sum_their_months() {
        let months: Monthly = std::array::from_fn(|i| Amount::kronor(i as i64 + 1));
        let sum = |span: Span, closed| span.sum(&months, closed).unwrap();
        assert_eq!(sum(Span::YearToDate, Some(Month::APRIL)), Amount::kronor(10));
        assert_eq!(sum(Span::YearToDate, None), Amount::ZERO);
        assert_eq!(sum(Span::Through(Month::MARCH), None), Amount::kronor(6));
        assert_eq!(sum(Span::Month(Month::APRIL), None), Amount::kronor(4));
        assert_eq!(sum(Span::Tertial(Tertial::T1), None), Amount::kronor(10));
        assert_eq!(sum(Span::Tertial(Tertial::T2), None), Amount::kronor(5 + 6 + 7 + 8));
        assert_eq!(sum(Span::Tertial(Tertial::T3), None), Amount::kronor(9 + 10 + 11 + 12));
        assert_eq!(sum(Span::FullYear, Some(Month::APRIL)), Amount::kronor(78));
    }
}
