//! **Example data** for allocation and billing, added to the April 2023
//! plan: the report has no customer figures, so every customer, key value,
//! volume and rule here is invented, chosen to be realistic for a city's
//! shared-services agency and easy to check by hand (see
//! `tests/allocation_example.rs`). The plan's own figures are unchanged:
//! the pools only select its existing cost lines.
//!
//! - Twelve active customers, eight city departments (förvaltningar) and four
//!   city companies (bolag), one of them an amusement park with many seasonal
//!   employees, and one department that has been wound up (inactive).
//! - Base services (the operations of Ekonomi, HR and Kommunikation) are
//!   allocated by the number of employees, with a variant that excludes
//!   seasonal employees (the 2024 dispute of domain.md); digital
//!   infrastructure's operations by the number of computers, and its change
//!   initiatives by share of use in %.
//! - Two volume-billed services on the price list: consultant hours from
//!   Uppdrag's consultant line, and licences from Kund och service's IT line,
//!   each price derived from its pool.
//! - Closed through April, the re-settlement is a forecast: the full-year
//!   forecast of the pools against their budget.

use rust_decimal::Decimal;

use crate::model::allocation::{
    Allocation, AllocationKey, AllocationRule, CostPool, Customer, CustomerId, CustomerKind, KeyChoice, KeyId,
    KeyVariant, PoolId, Price, PriceBasis, PriceId, RuleId, VariantId,
};
use crate::model::plan::{Activity, DepartmentId, LineId, Plan};
use crate::model::selection::Selection;
use crate::model::spread::Rounding;

use CustomerKind::{Administration, Company};

/// A customer of the example and its key values: employees, employees
/// without seasonal staff, computers, share of use (%), consultant hours
/// and licences. The inactive customer has none.
struct ExampleCustomer {
    name: &'static str,
    kind: CustomerKind,
    values: Option<[&'static str; 6]>,
}

#[rustfmt::skip]
const CUSTOMERS: [ExampleCustomer; 13] = [
    ExampleCustomer { name: "Stadsledningskontoret", kind: Administration, values: Some(["1200", "1200", "1500", "5", "400", "1400"]) },
    ExampleCustomer { name: "Utbildningsförvaltningen", kind: Administration, values: Some(["14000", "14000", "12000", "30", "1200", "9000"]) },
    ExampleCustomer { name: "Socialförvaltningen", kind: Administration, values: Some(["6500", "6500", "5000", "12", "800", "3200"]) },
    ExampleCustomer { name: "Äldre samt vård- och omsorgsförvaltningen", kind: Administration, values: Some(["11000", "11000", "6000", "18", "900", "3600"]) },
    ExampleCustomer { name: "Stadsbyggnadskontoret", kind: Administration, values: Some(["900", "900", "1100", "4", "700", "700"]) },
    ExampleCustomer { name: "Kulturförvaltningen", kind: Administration, values: Some(["800", "750", "900", "3", "150", "500"]) },
    ExampleCustomer { name: "Idrotts- och föreningsförvaltningen", kind: Administration, values: Some(["700", "600", "600", "2.5", "100", "400"]) },
    ExampleCustomer { name: "Miljöförvaltningen", kind: Administration, values: Some(["400", "400", "500", "1.5", "250", "300"]) },
    ExampleCustomer { name: "Stadens Nöjespark AB", kind: Company, values: Some(["2100", "600", "400", "6", "300", "500"]) },
    ExampleCustomer { name: "Stadens Bostäder AB", kind: Company, values: Some(["1300", "1300", "1800", "9", "600", "900"]) },
    ExampleCustomer { name: "Hamn och Energi AB", kind: Company, values: Some(["800", "800", "1500", "6", "450", "700"]) },
    ExampleCustomer { name: "Parkeringsbolaget AB", kind: Company, values: Some(["300", "300", "700", "3", "150", "300"]) },
    ExampleCustomer { name: "Intraserviceförvaltningen (avvecklad 2022)", kind: Administration, values: None },
];

/// A key of the example: name, unit, and each variant's name with the
/// column of [`ExampleCustomer::values`] holding its values.
type ExampleKey = (&'static str, &'static str, &'static [(&'static str, usize)]);

const KEYS: [ExampleKey; 5] = [
    ("Antal anställda", "st", &[("Antal anställda", 0), ("Antal anställda exkl. säsongsanställda", 1)]),
    ("Antal datorer", "st", &[("Antal datorer", 2)]),
    ("Andel av användning", "%", &[("Andel av användning %", 3)]),
    ("Konsulttimmar", "timmar", &[("Beställda timmar 2023", 4)]),
    ("Antal licenser", "st", &[("Antal licenser", 5)]),
];

const EMPLOYEES: KeyChoice = KeyChoice { key: KeyId(1), variant: VariantId(1) };
/// "Antal anställda exkl. säsongsanställda".
pub const EMPLOYEES_WITHOUT_SEASONAL: KeyChoice = KeyChoice { key: KeyId(1), variant: VariantId(2) };
const COMPUTERS: KeyChoice = KeyChoice { key: KeyId(2), variant: VariantId(1) };
const USE: KeyChoice = KeyChoice { key: KeyId(3), variant: VariantId(1) };
const HOURS: KeyChoice = KeyChoice { key: KeyId(4), variant: VariantId(1) };
const LICENCES: KeyChoice = KeyChoice { key: KeyId(5), variant: VariantId(1) };

/// Adds the example's customers and allocation to the April 2023 `plan`.
pub fn add(plan: &mut Plan) {
    plan.customers = CUSTOMERS
        .iter()
        .zip(1..)
        .map(|(customer, id)| Customer {
            id: CustomerId(id),
            name: customer.name.into(),
            kind: customer.kind,
            active: customer.values.is_some(),
        })
        .collect();
    plan.allocation = Allocation {
        keys: keys(),
        pools: pools(plan),
        rules: vec![
            rule(1, "Bastjänster", 1, EMPLOYEES, Rounding::Krona),
            rule(2, "Digital infrastruktur", 2, COMPUTERS, Rounding::Krona),
            rule(3, "Förändringsinsatser digital infrastruktur", 3, USE, Rounding::Ore),
        ],
        prices: vec![
            price(1, "Konsulttimmar", HOURS, 4, Rounding::Krona),
            price(2, "Licenser", LICENCES, 5, Rounding::TenKronor),
        ],
    };
}

fn keys() -> Vec<AllocationKey> {
    let value = |text: &str| Decimal::from_str_exact(text).unwrap_or_default();
    let variant = |(name, column): &(&str, usize), id: u32| KeyVariant {
        id: VariantId(id),
        name: (*name).into(),
        values: CUSTOMERS
            .iter()
            .zip(1..)
            .filter_map(|(customer, id)| Some((CustomerId(id), value(customer.values?[*column]))))
            .collect(),
    };
    KEYS.iter()
        .zip(1..)
        .map(|((name, unit, variants), id)| AllocationKey {
            id: KeyId(id),
            name: (*name).into(),
            unit: (*unit).into(),
            variants: variants.iter().zip(1..).map(|(v, id)| variant(v, id)).collect(),
        })
        .collect()
}

fn pools(plan: &Plan) -> Vec<CostPool> {
    let departments = |ids: &[u32], activity| Selection {
        departments: ids.iter().map(|id| DepartmentId(*id)).collect(),
        activities: vec![activity],
        ..Selection::default()
    };
    let line = |name: &str| Selection {
        lines: plan.lines.iter().filter(|line| line.name == name).map(|line| line.id).collect::<Vec<LineId>>(),
        ..Selection::default()
    };
    [
        ("Bastjänster: Ekonomi, HR och Kommunikation, förvaltning", departments(&[1, 2, 3], Activity::Operations)),
        ("Digital infrastruktur, förvaltning", departments(&[4], Activity::Operations)),
        ("Digital infrastruktur, förändringsinsatser", departments(&[4], Activity::Development)),
        ("Konsulttjänster (Uppdrag)", line("Konsultkostnader Uppdrag")),
        ("Licenser (Kund och service)", line("IT-tjänster, IT-program och licenser Kund och service")),
    ]
    .into_iter()
    .zip(1..)
    .map(|((name, selection), id)| CostPool { id: PoolId(id), name: name.into(), selection })
    .collect()
}

fn rule(id: u32, name: &str, pool: u32, key: KeyChoice, rounding: Rounding) -> AllocationRule {
    AllocationRule { id: RuleId(id), name: name.into(), pool: PoolId(pool), key, rounding }
}

fn price(id: u32, name: &str, volume: KeyChoice, pool: u32, rounding: Rounding) -> Price {
    Price {
        id: PriceId(id),
        name: name.into(),
        volume,
        pool: Some(PoolId(pool)),
        price: PriceBasis::Derived { rounding },
    }
}
