//! A waterfall from a starting figure to an ending one, one step a change:
//! the bars as exact amounts first, then their places in a drawing.

use rust_decimal::Decimal;

use super::scale::{Scale, ticks};
use crate::model::{Amount, Overflow, Unit};

/// What a bar of a waterfall shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarKind {
    /// A level: the start or the end, drawn from zero.
    Total,
    /// A step up.
    Up,
    /// A step down.
    Down,
}

/// One bar: from one level to the next, exact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub from: Amount,
    pub to: Amount,
    pub kind: BarKind,
}

impl Bar {
    /// The change the bar shows: the level itself for a total.
    pub fn value(&self) -> Result<Amount, Overflow> {
        match self.kind {
            BarKind::Total => Ok(self.to),
            BarKind::Up | BarKind::Down => self.to.checked_sub(self.from),
        }
    }
}

/// The bars of a waterfall: `start` as a total, a bar per step from the
/// running level to the next, and the end level as a total. The end is the
/// start plus every step, exactly.
pub fn bars(start: (String, Amount), steps: &[(String, Amount)], end_label: String) -> Result<Vec<Bar>, Overflow> {
    let (label, level) = start;
    let mut out = vec![Bar { label, from: Amount::ZERO, to: level, kind: BarKind::Total }];
    let mut level = level;
    for (label, delta) in steps {
        let next = level.checked_add(*delta)?;
        let kind = if delta.decimal().is_sign_negative() && !delta.is_zero() { BarKind::Down } else { BarKind::Up };
        out.push(Bar { label: label.clone(), from: level, to: next, kind });
        level = next;
    }
    out.push(Bar { label: end_label, from: Amount::ZERO, to: level, kind: BarKind::Total });
    Ok(out)
}

/// The size of a drawing and its margins, in pixels of the view box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    /// Room for the axis labels on the left.
    pub left: f64,
    /// Room above the highest bar for its value.
    pub top: f64,
    /// Room for the category labels below.
    pub bottom: f64,
}

/// A bar placed in the drawing: its rectangle and where its value is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The y of the bar's value label: above an upward bar, below a downward one.
    pub label_y: f64,
    /// The y of the level the bar ends at, where the connector to the next bar runs.
    pub level_y: f64,
}

/// A waterfall laid out in `frame`, with figures in `unit`: the places of
/// the bars, the y scale and its ticks (value and number of decimals).
pub struct Layout {
    pub bars: Vec<Placed>,
    pub scale: Scale,
    pub ticks: Vec<Decimal>,
    pub decimals: u32,
}

/// Lays out `bars`: each in its own band of the width, from its lower level
/// to its higher one on a scale from the lowest to the highest level (and zero).
pub fn layout(bars: &[Bar], unit: Unit, frame: Frame) -> Layout {
    let levels = bars.iter().flat_map(|bar| [unit.of(bar.from), unit.of(bar.to)]);
    let (min, max) = levels.fold((Decimal::ZERO, Decimal::ZERO), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (ticks, decimals) = ticks(min, max, 5);
    let scale =
        Scale { low: ticks[0], high: ticks[ticks.len() - 1], start: frame.height - frame.bottom, end: frame.top };
    let band = (frame.width - frame.left) / bars.len().max(1) as f64;
    let placed = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let (a, b) = (scale.at(unit.of(bar.from)), scale.at(unit.of(bar.to)));
            let (y, bottom) = (a.min(b), a.max(b));
            let label_y = if bar.kind == BarKind::Down { bottom + 14.0 } else { y - 4.0 };
            Placed {
                x: frame.left + i as f64 * band + band * 0.15,
                y,
                width: band * 0.7,
                height: bottom - y,
                label_y,
                level_y: b,
            }
        })
        .collect();
    Layout { bars: placed, scale, ticks, decimals }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kr(n: i64) -> Amount {
        Amount::kronor(n)
    }

    fn steps() -> Vec<(String, Amount)> {
        vec![("Personal".into(), kr(-40_000_000)), ("Index".into(), kr(12_000_000)), ("IT".into(), kr(-32_000_000))]
    }

    #[test]
    fn the_steps_sum_exactly_to_the_difference() {
        let bars = bars(("Budget".into(), kr(1_449_802_000)), &steps(), "Scenario".into()).unwrap();
        assert_eq!(bars.len(), 5);
        assert_eq!(bars[4].to, kr(1_389_802_000));
        let sum = Amount::checked_sum(bars[1..4].iter().map(|bar| bar.value().unwrap())).unwrap();
        assert_eq!(sum, bars[4].to.checked_sub(bars[0].to).unwrap());
        for pair in bars[..4].windows(2) {
            assert_eq!(pair[1].from, pair[0].to, "each step starts where the last ended");
        }
        assert_eq!([bars[1].kind, bars[2].kind], [BarKind::Down, BarKind::Up]);
    }

    #[test]
    fn bars_stand_in_their_own_bands_and_connect_at_their_levels() {
        let bars =
            bars(("Budget".into(), kr(100_000)), &[("Personal".into(), kr(-40_000))], "Scenario".into()).unwrap();
        let frame = Frame { width: 400.0, height: 300.0, left: 40.0, top: 20.0, bottom: 40.0 };
        let layout = layout(&bars, Unit::Tkr, frame);
        let [start, step, end] = &layout.bars[..] else { panic!("three bars") };
        assert!(start.x + start.width < step.x && step.x + step.width < end.x, "no overlap");
        assert_eq!(start.level_y, step.y, "the step hangs from the start's level");
        assert_eq!(step.level_y, end.y, "and ends at the end's level");
        assert_eq!(layout.scale.at(Decimal::ZERO), frame.height - frame.bottom);
        assert!(step.label_y > step.y + step.height, "a step down is labelled below");
        assert!(start.label_y < start.y, "a level is labelled above");
        assert_eq!(layout.ticks.first(), Some(&Decimal::ZERO));
    }
}
