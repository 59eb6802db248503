//! Computed figures: every line's series and the totals built on them.
//!
//! [`Calc`] is a pure function of the [`Plan`], kept up to date incrementally:
//! after an edit only the touched lines are recomputed, and each total moves
//! by exactly the change of those lines. Decimal arithmetic is exact, so the
//! totals equal a full recalculation to the öre (a property test checks it).

use std::collections::HashMap;

use super::amount::{Amount, Overflow};
use super::period::{Month, Monthly};
use super::plan::{Kind, Line, LineId, Plan, Series};

/// The four series of a line or a total, indexed by [`Series::index`].
pub type Figures = [Monthly; 4];

const ZERO_FIGURES: Figures = [[Amount::ZERO; 12]; 4];

/// A row of a report: a line, a total of one kind, or the result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Row {
    Line(LineId),
    /// Summa kostnader or summa intäkter.
    Total(Kind),
    /// Resultat: revenue − costs.
    Result,
}

/// The computed figures of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calc {
    lines: HashMap<LineId, Figures>,
    totals: [Figures; 2],
}

fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Cost => 0,
        Kind::Revenue => 1,
    }
}

fn line_figures(line: &Line, closed: Option<Month>) -> Figures {
    [line.budget, line.outcome, line.last_year, line.forecast_months(closed)]
}

/// `total + (new − old)`, month by month, checked.
fn shift(total: &Figures, new: &Figures, old: &Figures) -> Result<Figures, Overflow> {
    let mut out = *total;
    for (series, months) in out.iter_mut().enumerate() {
        for (month, value) in months.iter_mut().enumerate() {
            let delta = new[series][month].checked_sub(old[series][month])?;
            *value = value.checked_add(delta)?;
        }
    }
    Ok(out)
}

impl Calc {
    /// Computes every figure of `plan` from scratch.
    pub fn full(plan: &Plan) -> Result<Calc, Overflow> {
        let mut calc = Calc { lines: HashMap::with_capacity(plan.lines.len()), totals: [ZERO_FIGURES; 2] };
        calc.update(&plan.lines, plan.closed_through)?;
        Ok(calc)
    }

    /// Recomputes the `changed` lines and moves the totals by their change.
    /// On overflow nothing is changed.
    pub fn update<'a>(
        &mut self,
        changed: impl IntoIterator<Item = &'a Line>,
        closed: Option<Month>,
    ) -> Result<(), Overflow> {
        let mut totals = self.totals;
        let mut fresh = Vec::new();
        for line in changed {
            let figures = line_figures(line, closed);
            let old = self.lines.get(&line.id).unwrap_or(&ZERO_FIGURES);
            let total = &mut totals[kind_index(line.kind)];
            *total = shift(total, &figures, old)?;
            fresh.push((line.id, figures));
        }
        self.totals = totals;
        self.lines.extend(fresh);
        Ok(())
    }

    /// The monthly figures of `series` on `row`.
    pub fn months(&self, row: Row, series: Series) -> Result<Monthly, Overflow> {
        let s = series.index();
        match row {
            Row::Line(id) => Ok(self.lines.get(&id).map_or([Amount::ZERO; 12], |f| f[s])),
            Row::Total(kind) => Ok(self.totals[kind_index(kind)][s]),
            Row::Result => {
                let (costs, revenue) = (&self.totals[0][s], &self.totals[1][s]);
                let mut out = [Amount::ZERO; 12];
                for (i, value) in out.iter_mut().enumerate() {
                    *value = revenue[i].checked_sub(costs[i])?;
                }
                Ok(out)
            }
        }
    }
}
