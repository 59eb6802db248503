//! From figures to positions: a linear scale with round tick values.
//!
//! Figures stay exact decimals (in the display unit) until the last step,
//! where a position on screen is a plain float: geometry, not money.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// A linear map from figures in `[low, high]` to positions in `[start, end]`
/// (pixels; `start` may be larger than `end`, as on a y axis that grows up).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub low: Decimal,
    pub high: Decimal,
    pub start: f64,
    pub end: f64,
}

impl Scale {
    /// The position of `value`; values outside the domain lie outside the range.
    pub fn at(&self, value: Decimal) -> f64 {
        let span = self.high - self.low;
        if span.is_zero() {
            return self.start;
        }
        let share = ((value - self.low) / span).to_f64().unwrap_or(0.0);
        self.start + share * (self.end - self.start)
    }
}

/// Round tick values covering `[min, max]` (and zero), about `count` of
/// them, spaced by 1, 2 or 5 × a power of ten, and the number of decimals
/// their labels need. The first tick is at or below both `min` and zero, the
/// last at or above both `max` and zero.
pub fn ticks(min: Decimal, max: Decimal, count: usize) -> (Vec<Decimal>, u32) {
    let low = min.min(Decimal::ZERO);
    let high = max.max(Decimal::ZERO);
    let span = high - low;
    if span.is_zero() {
        return (vec![Decimal::ZERO, Decimal::ONE], 0);
    }
    let step = nice_step(span / Decimal::from(count.max(1)));
    let first = (low / step).floor() * step;
    let mut out = vec![first];
    while out[out.len() - 1] < high {
        let next = out[out.len() - 1] + step;
        out.push(next);
    }
    (out, step.normalize().scale())
}

/// The smallest of 1, 2, 5 × 10^k that is at least `raw` (positive).
fn nice_step(raw: Decimal) -> Decimal {
    let mut power = Decimal::ONE;
    while power > raw {
        power /= Decimal::TEN;
    }
    while power * Decimal::TEN <= raw {
        power *= Decimal::TEN;
    }
    [Decimal::ONE, Decimal::TWO, Decimal::from(5), Decimal::TEN]
        .into_iter()
        .map(|factor| factor * power)
        .find(|step| *step >= raw)
        .unwrap_or(power * Decimal::TEN)
}

/// A label cut into lines of at most `width` characters at spaces (a word
/// longer than `width` gets a line of its own), and at most `lines` lines,
/// the last ending in "…" when text was left out.
pub fn wrap(label: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match out.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => out.push(word.to_owned()),
        }
    }
    if out.len() > lines {
        out.truncate(lines);
        if let Some(last) = out.last_mut() {
            let kept: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{kept}…");
        }
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
    fn ticks_are_round_and_cover_the_figures_and_zero() {
        let (ticks, decimals) = ticks(dec("12"), dec("87"), 5);
        assert_eq!(ticks, [0, 20, 40, 60, 80, 100].map(Decimal::from));
        assert_eq!(decimals, 0);
        let (ticks, _) = super::ticks(dec("-6840"), dec("22331"), 5);
        assert_eq!(ticks.first(), Some(&dec("-10000")));
        assert_eq!(ticks.last(), Some(&dec("30000")));
        assert!(ticks.contains(&Decimal::ZERO));
        let (ticks, decimals) = super::ticks(dec("0.3"), dec("1.4"), 4);
        assert_eq!(ticks, ["0", "0.5", "1", "1.5"].map(dec));
        assert_eq!(decimals, 1);
        assert_eq!(super::ticks(Decimal::ZERO, Decimal::ZERO, 5).0, [Decimal::ZERO, Decimal::ONE]);
    }

    #[test]
    fn a_scale_maps_the_domain_onto_the_range() {
        let y = Scale { low: dec("-10"), high: dec("30"), start: 400.0, end: 0.0 };
        assert_eq!(y.at(dec("-10")), 400.0);
        assert_eq!(y.at(Decimal::ZERO), 300.0);
        assert_eq!(y.at(dec("30")), 0.0);
    }

    #[test]
    fn long_labels_wrap_at_spaces_and_are_cut_with_an_ellipsis() {
        assert_eq!(wrap("Minskad konsultbudget IT", 12, 2), ["Minskad", "konsultbudg…"]);
        assert_eq!(wrap("Personal och konsulter", 30, 2), ["Personal och konsulter"]);
        assert_eq!(wrap("", 10, 2), Vec::<String>::new());
    }
}
