//! Figures by category and series, and their places in a drawing: lines
//! over the months of a trend, bars side by side for a comparison.

use rust_decimal::Decimal;

use super::scale::{Scale, ticks};
use crate::model::{Amount, Unit};

/// One named series of figures, one per category; `None` where there is no
/// figure (a month not yet closed has no outcome).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<Amount>>,
}

/// The value scale of `series` in `unit` from position `start` to `end`,
/// with its ticks and their decimals.
pub fn value_scale(series: &[Series], unit: Unit, start: f64, end: f64) -> (Scale, Vec<Decimal>, u32) {
    let values = series.iter().flat_map(|s| s.values.iter().flatten()).map(|amount| unit.of(*amount));
    let (min, max) = values.fold((Decimal::ZERO, Decimal::ZERO), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (ticks, decimals) = ticks(min, max, 5);
    (Scale { low: ticks[0], high: ticks[ticks.len() - 1], start, end }, ticks, decimals)
}

/// The runs of a line through `values`, category `i` at `x(i)`: a gap where
/// a figure is missing splits the line.
pub fn line_runs(
    values: &[Option<Amount>],
    unit: Unit,
    scale: &Scale,
    x: impl Fn(usize) -> f64,
) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut open = false;
    for (i, value) in values.iter().enumerate() {
        match value {
            Some(amount) => {
                let point = (x(i), scale.at(unit.of(*amount)));
                match runs.last_mut() {
                    Some(run) if open => run.push(point),
                    _ => runs.push(vec![point]),
                }
                open = true;
            }
            None => open = false,
        }
    }
    runs
}

/// A bar of a grouped bar chart: its band across the categories' axis and
/// its extent along the value axis (from zero to the figure).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupedBar {
    pub category: usize,
    pub series: usize,
    /// Where the bar starts across, and how thick it is.
    pub offset: f64,
    pub thickness: f64,
    /// From and to along the value axis (`from` is zero's position).
    pub from: f64,
    pub to: f64,
}

/// Bars side by side: each category gets a band of `band` from `start`,
/// shared by one bar a series (with a gap around the group).
pub fn grouped(series: &[Series], unit: Unit, scale: &Scale, start: f64, band: f64) -> Vec<GroupedBar> {
    let count = series.len().max(1) as f64;
    let thickness = band * 0.8 / count;
    let zero = scale.at(Decimal::ZERO);
    let mut out = Vec::new();
    for (s, values) in series.iter().enumerate() {
        for (category, value) in values.values.iter().enumerate() {
            let Some(amount) = value else { continue };
            let offset = start + category as f64 * band + band * 0.1 + s as f64 * thickness;
            out.push(GroupedBar { category, series: s, offset, thickness, from: zero, to: scale.at(unit.of(*amount)) });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(name: &str, values: &[Option<i64>]) -> Series {
        Series { name: name.into(), values: values.iter().map(|v| v.map(Amount::kronor)).collect() }
    }

    #[test]
    fn a_missing_figure_breaks_the_line() {
        let outcome = series("Utfall", &[Some(10), Some(20), None, Some(5)]);
        let (scale, ticks, _) = value_scale(std::slice::from_ref(&outcome), Unit::Kr, 100.0, 0.0);
        assert_eq!(ticks.last(), Some(&Decimal::from(20)));
        let runs = line_runs(&outcome.values, Unit::Kr, &scale, |i| i as f64 * 10.0);
        assert_eq!(runs, vec![vec![(0.0, 50.0), (10.0, 0.0)], vec![(30.0, 75.0)]]);
    }

    #[test]
    fn bars_of_a_group_stand_side_by_side_from_zero() {
        let both = [series("Före", &[Some(100), Some(-50)]), series("Efter", &[Some(80), None])];
        let (scale, _, _) = value_scale(&both, Unit::Kr, 0.0, 300.0);
        let bars = grouped(&both, Unit::Kr, &scale, 50.0, 100.0);
        assert_eq!(bars.len(), 3, "no bar for a missing figure");
        let (before, after) = (&bars[0], &bars[2]);
        assert_eq!((before.category, after.category), (0, 0));
        assert!((before.offset + before.thickness - after.offset).abs() < 1e-9, "adjacent in their group");
        assert_eq!(before.from, scale.at(Decimal::ZERO));
        assert!(bars[1].to < bars[1].from, "a negative figure runs the other way");
    }
}
