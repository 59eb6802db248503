//! Projecting the months after the closed one, by each line's [`Forecast`] method.

use rust_decimal::{Decimal, RoundingStrategy};

use super::amount::{Amount, Overflow};
use super::period::{Month, Monthly, closed_count};
use super::plan::{Forecast, Line};
use super::spread::split_evenly;

/// The forecast of `line` per month: outcome through `closed`, then the
/// projection of its method. `volumes` are the quantities of the driver or
/// indicator a volume × price forecast names, if the plan has it (a missing
/// one projects nothing).
pub fn forecast(
    line: &Line,
    budget: &Monthly,
    closed: Option<Month>,
    volumes: Option<&[Decimal; 12]>,
) -> Result<Monthly, Overflow> {
    let done = closed_count(closed);
    let remaining = 12 - done;
    let outcome_to_date = Amount::checked_sum(line.outcome[..done].iter().copied())?;
    let projection: Vec<Amount> = match &line.forecast {
        Forecast::Budget => budget[done..].to_vec(),
        Forecast::Manual { months } => months[done..].to_vec(),
        Forecast::RunRate => run_rate(outcome_to_date, done, remaining)?,
        Forecast::LastYear => last_year(line, outcome_to_date, done)?,
        Forecast::Driver { price, .. } | Forecast::Volume { price, .. } => match volumes {
            Some(volumes) => {
                volumes[done..].iter().map(|quantity| times(*quantity, *price)).collect::<Result<_, _>>()?
            }
            None => vec![Amount::ZERO; remaining],
        },
    };
    let mut months = line.outcome;
    months[done..].copy_from_slice(&projection);
    Ok(months)
}

/// The average closed month, every remaining month: the remaining total is
/// the outcome × remaining ÷ closed, rounded to the öre and split exactly.
fn run_rate(outcome_to_date: Amount, done: usize, remaining: usize) -> Result<Vec<Amount>, Overflow> {
    if done == 0 {
        return Ok(vec![Amount::ZERO; remaining]);
    }
    let total = outcome_to_date.decimal().checked_mul(Decimal::from(remaining)).ok_or(Overflow)? / Decimal::from(done);
    Ok(split_evenly(to_ore(total)?, remaining))
}

/// Last year's remaining months, scaled by outcome to date ÷ last year's
/// outcome to date (unscaled when last year had none to date).
fn last_year(line: &Line, outcome_to_date: Amount, done: usize) -> Result<Vec<Amount>, Overflow> {
    let last_to_date = Amount::checked_sum(line.last_year[..done].iter().copied())?;
    let factor = if last_to_date.is_zero() {
        Decimal::ONE
    } else {
        outcome_to_date.decimal().checked_div(last_to_date.decimal()).ok_or(Overflow)?
    };
    line.last_year[done..].iter().map(|amount| times(factor, *amount)).collect()
}

/// `quantity × amount`, rounded to the öre.
fn times(quantity: Decimal, amount: Amount) -> Result<Amount, Overflow> {
    to_ore(quantity.checked_mul(amount.decimal()).ok_or(Overflow)?)
}

/// A computed decimal as an amount, rounded to the öre (half away from zero).
pub fn to_ore(value: Decimal) -> Result<Amount, Overflow> {
    let rounded = value.round_dp_with_strategy(super::amount::MAX_SCALE, RoundingStrategy::MidpointAwayFromZero);
    Amount::from_decimal(rounded).map_err(|_| Overflow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{Activity, CategoryId, DepartmentId, Driver, DriverId, LineId};

    fn kr(values: [i64; 12]) -> Monthly {
        values.map(Amount::kronor)
    }

    fn line(method: Forecast) -> Line {
        Line {
            id: LineId(1),
            name: "test".into(),
            department: DepartmentId(1),
            activity: Activity::Operations,
            category: CategoryId(1),
            service: None,
            budget: kr([50; 12]),
            outcome: kr([90, 110, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0]),
            last_year: kr([80, 80, 80, 80, 100, 100, 100, 100, 100, 100, 100, 120]),
            forecast: method,
            formula: None,
        }
    }

    fn projected(method: Forecast, driver: Option<&Driver>) -> Vec<Amount> {
        let line = line(method);
        forecast(&line, &line.budget, Some(Month::APRIL), driver.map(|driver| &driver.months)).unwrap()[4..].to_vec()
    }

    #[test]
    fn closed_months_are_the_outcome() {
        let line = line(Forecast::Budget);
        let months = forecast(&line, &line.budget, Some(Month::APRIL), None).unwrap();
        assert_eq!(months[..4], line.outcome[..4]);
        assert_eq!(months[4..], [Amount::kronor(50); 8]);
    }

    #[test]
    fn run_rate_repeats_the_average_closed_month() {
        assert_eq!(projected(Forecast::RunRate, None), vec![Amount::kronor(100); 8]);
    }

    #[test]
    fn last_year_profile_is_scaled_by_this_years_trend() {
        // 400 this year against 320 last year: × 1.25.
        let months = projected(Forecast::LastYear, None);
        assert_eq!(months[0], Amount::kronor(125));
        assert_eq!(months[7], Amount::kronor(150));
    }

    #[test]
    fn driver_forecast_is_volume_times_price() {
        let driver = Driver {
            id: DriverId(1),
            name: "fte".into(),
            unit: "st".into(),
            months: std::array::from_fn(|i| Decimal::new(i as i64 * 10 + 5, 1)),
        };
        let months = projected(Forecast::Driver { driver: DriverId(1), price: Amount::kronor(1000) }, Some(&driver));
        assert_eq!(months[0], Amount::kronor(4500), "4.5 × 1000");
        assert_eq!(
            projected(Forecast::Driver { driver: DriverId(1), price: Amount::kronor(1) }, None)[0],
            Amount::ZERO
        );
    }

    #[test]
    fn manual_months_replace_the_open_ones() {
        let manual = kr([7; 12]);
        assert_eq!(projected(Forecast::Manual { months: manual }, None), vec![Amount::kronor(7); 8]);
    }
}
