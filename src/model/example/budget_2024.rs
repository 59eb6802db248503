//! The example's next year: the 2024 budget started from the April 2023
//! plan's full-year forecast (wages +3,5 %, prices +2 %), with two example
//! scenarios that meet the city's frame of about −60 mnkr in costs (of
//! which 20 mnkr in development, as the report announces) in different
//! ways. Measures, consequences, risks and indicator effects are example
//! data, written as a controller would for the board.

use rust_decimal::Decimal;

use crate::model::amount::Amount;
use crate::model::engine::Engine;
use crate::model::next_year::{Basis, Index, NextYear};
use crate::model::period::Month;
use crate::model::plan::{Activity, CategoryId, DepartmentId, IndicatorId, Kind, Plan};
use crate::model::scenario::{Base, Change, Effect, Measure, MeasureId, Risk, Scenario, ScenarioId};
use crate::model::selection::Selection;

const PERSONNEL: CategoryId = CategoryId(1);
const CONSULTANTS: CategoryId = CategoryId(2);
const IT: CategoryId = CategoryId(3);
const DEVELOPMENT: CategoryId = CategoryId(4);
const OTHER: CategoryId = CategoryId(5);
const DIGITAL_INFRASTRUCTURE: DepartmentId = DepartmentId(4);
const CUSTOMER_SERVICE: DepartmentId = DepartmentId(6);

const NKI: IndicatorId = IndicatorId(1);
const SLA: IndicatorId = IndicatorId(6);
const SERVICE_TICKETS: IndicatorId = IndicatorId(11);
const HME: IndicatorId = IndicatorId(12);
const SICK_LEAVE: IndicatorId = IndicatorId(15);

/// The first example scenario's id; the second is the next.
pub const STAFF_AND_CONSULTANTS: ScenarioId = ScenarioId(1);
pub const IT_AND_DEVELOPMENT: ScenarioId = ScenarioId(2);

/// The 2024 budget from the April 2023 plan, with the two example scenarios.
pub fn budget_2024() -> Plan {
    let april = Engine::new(super::april_2023()).expect("the example computes");
    let next = NextYear {
        name: "Budget 2024 (exempel)".into(),
        basis: Basis::Forecast,
        indexes: vec![
            Index { selection: categories(&[PERSONNEL]), percent: Decimal::new(35, 1) },
            Index { selection: categories(&[CONSULTANTS, IT, DEVELOPMENT, OTHER]), percent: Decimal::TWO },
        ],
    };
    let mut plan = april.next_year(&next).expect("the example's indexes are valid");
    plan.scenarios = vec![staff_and_consultants(), it_and_development()];
    plan
}

fn categories(categories: &[CategoryId]) -> Selection {
    Selection { categories: categories.to_vec(), ..Selection::default() }
}

fn costs(categories: &[CategoryId], departments: &[DepartmentId]) -> Selection {
    Selection {
        categories: categories.to_vec(),
        departments: departments.to_vec(),
        kinds: vec![Kind::Cost],
        ..Selection::default()
    }
}

fn mnkr(tenths: i64) -> Amount {
    Amount::kronor(tenths * 100_000)
}

/// A measure from January with its consequence, risk and effects.
fn measure(id: u32, name: &str, change: Change, text: (&str, Risk), effects: &[(IndicatorId, i64, u32)]) -> Measure {
    let effects = effects
        .iter()
        .map(|&(indicator, change, scale)| Effect { indicator, change: Decimal::new(change, scale) })
        .collect();
    Measure {
        consequence: text.0.into(),
        risk: text.1,
        effects,
        ..Measure::new(MeasureId(id), name, change, Month::JANUARY)
    }
}

fn staff_and_consultants() -> Scenario {
    let measures = vec![
        measure(
            1,
            "Vakansstopp: 25 färre årsarbetare",
            Change::Fte {
                selection: categories(&[PERSONNEL]),
                driver: None,
                change: Decimal::from(-25),
                cost_per_fte: Amount::kronor(700_000),
            },
            (
                "Vakanser tillsätts inte. Handläggningstider för löne- och ekonomiärenden ökar; \
                 servicenivån sjunker under sommaren.",
                Risk::High,
            ),
            &[(SLA, -3, 0), (NKI, -2, 0), (SICK_LEAVE, 5, 1)],
        ),
        measure(
            2,
            "Konsulter i förvaltningen −10 %",
            Change::Percent {
                selection: Selection { activities: vec![Activity::Operations], ..categories(&[CONSULTANTS]) },
                percent: Decimal::from(-10),
            },
            ("Specialistkompetens köps in mer sällan; kunskapen måste byggas upp internt.", Risk::Medium),
            &[(SERVICE_TICKETS, 400, 0)],
        ),
        measure(
            3,
            "Utvecklingsprojekt skjuts upp",
            Change::Amount { selection: categories(&[DEVELOPMENT]), amount: mnkr(-200) },
            ("Nya e-tjänster för kunderna kommer ett år senare; effektiviseringar dröjer.", Risk::High),
            &[(NKI, -1, 0)],
        ),
        measure(
            4,
            "Resor, konferenser och lokaler",
            Change::Amount { selection: categories(&[OTHER]), amount: mnkr(-50) },
            ("Färre fysiska möten; ett kontorsplan sägs upp.", Risk::Low),
            &[(HME, -1, 0)],
        ),
        measure(
            5,
            "Färre licenser",
            Change::Amount { selection: categories(&[IT]), amount: mnkr(-40) },
            ("Oanvända licenser sägs upp efter inventering.", Risk::Low),
            &[],
        ),
    ];
    Scenario {
        id: STAFF_AND_CONSULTANTS,
        name: "Ram −60 mnkr: personal och konsulter".into(),
        base: Base::Budget,
        measures,
    }
}

fn it_and_development() -> Scenario {
    let measures = vec![
        measure(
            11,
            "Licensöversyn −8 %",
            Change::Percent { selection: categories(&[IT]), percent: Decimal::from(-8) },
            ("Avtal omförhandlas och program fasas ut; vissa verktyg försvinner för kunderna.", Risk::Medium),
            &[(SLA, -2, 0), (NKI, -1, 0)],
        ),
        measure(
            12,
            "Utvecklingsportföljen halveras",
            Change::Amount { selection: categories(&[DEVELOPMENT]), amount: mnkr(-200) },
            ("Hälften av de planerade utvecklingsprojekten stoppas.", Risk::High),
            &[(NKI, -2, 0)],
        ),
        measure(
            13,
            "Längre livslängd på datorer",
            Change::Percent { selection: costs(&[OTHER], &[DIGITAL_INFRASTRUCTURE]), percent: Decimal::from(-5) },
            ("Datorer byts efter fem år i stället för fyra; fler ärenden om trasig utrustning.", Risk::Medium),
            &[(SERVICE_TICKETS, 800, 0)],
        ),
        measure(
            14,
            "Färre konsulter i Digital infrastruktur",
            Change::Amount { selection: costs(&[CONSULTANTS], &[DIGITAL_INFRASTRUCTURE]), amount: mnkr(-50) },
            ("Driftprojekt tar längre tid.", Risk::Medium),
            &[(SLA, -1, 0)],
        ),
        measure(
            15,
            "Supportpersonal flyttas till Kund och service",
            Change::Transfer {
                from: costs(&[PERSONNEL], &[DIGITAL_INFRASTRUCTURE]),
                to: costs(&[PERSONNEL], &[CUSTOMER_SERVICE]),
                amount: mnkr(20),
            },
            ("Första linjens support samlas hos Kund och service; kostnaden flyttar, ramen påverkas inte.", Risk::Low),
            &[(NKI, 1, 0)],
        ),
    ];
    Scenario { id: IT_AND_DEVELOPMENT, name: "Ram −60 mnkr: IT och utveckling".into(), base: Base::Budget, measures }
}
