//! Splitting an amount into parts that sum to it exactly, to the öre.

use super::amount::Amount;

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

/// [`split_evenly`] into twelve months.
pub fn split_year(total: Amount) -> [Amount; 12] {
    let parts = split_evenly(total, 12);
    std::array::from_fn(|i| parts[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(values: &[&str]) -> Vec<Amount> {
        values.iter().map(|v| v.parse().unwrap()).collect()
    }

    #[test]
    fn leftover_ore_go_to_the_first_parts() {
        assert_eq!(split_evenly(Amount::kronor(100), 3), amounts(&["33.34", "33.33", "33.33"]));
        assert_eq!(split_evenly(Amount::kronor(-100), 3), amounts(&["-33.33", "-33.33", "-33.34"]));
        assert_eq!(split_evenly(Amount::kronor(5), 0), Vec::<Amount>::new());
    }

    #[test]
    fn a_year_splits_into_twelve_exact_months() {
        let months = split_year("1234567.89".parse().unwrap());
        assert_eq!(Amount::checked_sum(months), Ok("1234567.89".parse().unwrap()));
        assert_eq!(months[0], "102880.66".parse().unwrap());
        assert_eq!(months[11], "102880.65".parse().unwrap());
    }
}
