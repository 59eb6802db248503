//! The forecast methods a line can take, as the choices of its method cell.

use rust_decimal::Decimal;

use crate::model::forecast::to_ore;
use crate::model::period::closed_count;
use crate::model::{Amount, Driver, Engine, Forecast, LineId, Row, Series};
use crate::ui::i18n::Lang;

/// The methods a user can pick for `line`. The manual one starts from the
/// line's current forecast, so switching to it changes no figure; volume ×
/// price on a driver keeps the line's price, or starts from the price that
/// makes the remaining months equal their budget.
pub fn choices(engine: &Engine, line: LineId) -> Vec<Forecast> {
    let months = engine.months(Row::Line(line), Series::Forecast).unwrap_or_default();
    let mut choices = vec![Forecast::Budget, Forecast::RunRate, Forecast::LastYear, Forecast::Manual { months }];
    let current = engine.plan().line(line).map(|line| &line.forecast);
    for driver in &engine.plan().drivers {
        let price = match current {
            Some(Forecast::Driver { driver: d, price }) if *d == driver.id => *price,
            _ => budget_price(engine, line, driver).unwrap_or(Amount::ZERO),
        };
        choices.push(Forecast::Driver { driver: driver.id, price });
    }
    choices
}

/// The remaining budget of `line` per unit of `driver` over the open months.
fn budget_price(engine: &Engine, line: LineId, driver: &Driver) -> Option<Amount> {
    let open = closed_count(engine.plan().closed_through);
    let budget = engine.months(Row::Line(line), Series::Budget).ok()?;
    let amount = Amount::checked_sum(budget[open..].iter().copied()).ok()?;
    let volume = driver.months[open..].iter().try_fold(Decimal::ZERO, |sum, q| sum.checked_add(*q))?;
    let price = amount.decimal().checked_div(volume)?;
    to_ore(price).ok()
}

/// Whether two forecasts use the same method (on the same driver).
pub fn same_method(a: &Forecast, b: &Forecast) -> bool {
    match (a, b) {
        (Forecast::Driver { driver: x, .. }, Forecast::Driver { driver: y, .. }) => x == y,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

/// The name of a method as the list shows it: "Volym × pris (fte)" on a driver.
pub fn method_label(engine: &Engine, lang: Lang, forecast: &Forecast) -> String {
    match forecast {
        Forecast::Driver { driver, .. } => {
            let name = engine.plan().driver(*driver).map_or("", |d| d.name.as_str());
            format!("{} ({name})", lang.method_name(forecast))
        }
        _ => lang.method_name(forecast).to_owned(),
    }
}
