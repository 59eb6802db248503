//! The indicator tables of the April 2023 report, every row with its
//! figures as printed, and two indicators computed from the plan's money,
//! marked as example additions.
//!
//! The report's text lists each row's printed figures without their
//! columns. They are read from the left: the report marks a missing figure
//! inside a row with "-" (SLA's outcome T1 2022), so the cells it leaves
//! out are the last ones. The directions (which way is better) and whether
//! volumes add up are not in the report: they are the example's choices.

use super::super::indicator::{
    Aggregation, Definition, Direction, Indicator, IndicatorUnit, Periodicity, Perspective, Slot, parse_value,
};
use super::super::period::Month;
use super::super::plan::{IndicatorId, PerspectiveId, Plan};

use Aggregation::{Level, Sum};
use Periodicity::{Month as Monthly, Tertial, Year};

/// Higher or lower is better.
#[derive(Clone, Copy)]
enum Better {
    Higher,
    Lower,
}

/// A row of an indicator table as printed: Utfall förra året, Utfall, Mål,
/// Prognos helår, Årsmål (målvärde), R12; "" where nothing is printed.
struct Printed {
    name: &'static str,
    perspective: u32,
    periodicity: Periodicity,
    /// "%" or "" (a count), or another unit.
    unit: &'static str,
    aggregation: Aggregation,
    cumulative: bool,
    better: Better,
    decimals: u32,
    figures: [&'static str; 6],
    note: Option<&'static str>,
}

const KUND: u32 = 1;
const MEDARBETARE: u32 = 2;
const PROCESS: u32 = 3;
const EKONOMI: u32 = 4;

/// One row of the report.
#[allow(clippy::too_many_arguments)] // a table row, read as the report prints it
const fn row(
    name: &'static str,
    perspective: u32,
    periodicity: Periodicity,
    unit: &'static str,
    (aggregation, cumulative): (Aggregation, bool),
    better: Better,
    decimals: u32,
    figures: [&'static str; 6],
) -> Printed {
    Printed { name, perspective, periodicity, unit, aggregation, cumulative, better, decimals, figures, note: None }
}

/// A level of its period, and a volume counted from January (ackumulerat).
const LEVEL: (Aggregation, bool) = (Level, false);
const LEVEL_TO_DATE: (Aggregation, bool) = (Level, true);
const VOLUME_TO_DATE: (Aggregation, bool) = (Sum, true);

use Better::{Higher, Lower};

#[rustfmt::skip]
const REPORT: [Printed; 20] = [
    row("Nöjd Kund Index (NKI)", KUND, Year, "%", LEVEL, Higher, 1, ["66,9%", "70%", "70%", "", "", ""]),
    Printed {
        note: Some("Ny mätmetod införs för pedagogiska datorer (tidigare mätmetod omhändertog fler enheter - 75 000/år)"),
        ..row("Pedagogiska datorer", KUND, Tertial, "", LEVEL, Higher, 0, ["45 000", "45 089", "45 000", "45 000", "", ""])
    },
    row("Administrativa datorer", KUND, Tertial, "", LEVEL, Higher, 0, ["30 914", "32 006", "31 000", "31 000", "", ""]),
    row("Datalagring", KUND, Tertial, "", LEVEL, Higher, 0, ["4 650", "5 450", "8 000", "8 500", "", ""]),
    row("IT-infrastruktur", KUND, Tertial, "", LEVEL, Higher, 0, ["1 470 000", "1 500 000", "1 500 000", "1 500 000", "", ""]),
    row("Efterlevnad servicenivå - SLA", KUND, Tertial, "%", LEVEL, Higher, 0, ["-", "68%", "100%", "90%", "100%", ""]),
    row("Lönespecifikationer", KUND, Monthly, "", VOLUME_TO_DATE, Higher, 0, ["232 875", "248 035", "233 332", "710 000", "700 000", "724 646"]),
    row("Löneärenden", KUND, Monthly, "", VOLUME_TO_DATE, Higher, 0, ["24 279", "23 855", "26 332", "79 000", "79 000", "74 583"]),
    row("Leverantörsfakturor", KUND, Monthly, "", VOLUME_TO_DATE, Higher, 0, ["572 468", "648 911", "550 000", "1 650 000", "1 650 000", "1 788 403"]),
    row("Kundfakturor", KUND, Monthly, "", VOLUME_TO_DATE, Higher, 0, ["519 437", "549 820", "516 665", "1 550 000", "1 550 000", "1 547 716"]),
    row("Serviceärenden", KUND, Monthly, "", VOLUME_TO_DATE, Lower, 0, ["126 832", "130 965", "120 000", "380 000", "360 000", "381 872"]),
    row("Hållbart medarbetarengagemang (HME)", MEDARBETARE, Year, "", LEVEL, Higher, 0, ["77", "81", "", "", "", ""]),
    row("Frisknärvaro", MEDARBETARE, Year, "%", LEVEL, Higher, 1, ["56,6%", "40%", "", "", "", ""]),
    row("Personalomsättning", MEDARBETARE, Tertial, "%", LEVEL, Lower, 0, ["10%", "10%", "", "", "", ""]),
    Printed {
        note: Some("Utfall sjukfrånvaro är preliminärt (fg månads utfall), då uppgifter uppdateras vid systemstängning efter denna rapports deadline."),
        ..row("Sjukfrånvaro", MEDARBETARE, Monthly, "%", LEVEL_TO_DATE, Lower, 1, ["4,6%", "5,7%", "5%", "5,5%", "5%", ""])
    },
    row("Månadsarbetare (utförd tid och prognos)", MEDARBETARE, Monthly, "", LEVEL, Lower, 1, ["665", "620,7", "650", "590", "", ""]),
    row("Årsarbetare", MEDARBETARE, Monthly, "", LEVEL, Lower, 1, ["270", "252,2", "", "", "", ""]),
    row("Avtalsföljsamhet", PROCESS, Tertial, "%", LEVEL, Higher, 1, ["98%", "99,2%", "98%", "", "", ""]),
    row("Upphandlingsplan", PROCESS, Tertial, "%", LEVEL, Higher, 0, ["94%", "100%", "100%", "", "", ""]),
    row("Inköpsvolym", PROCESS, Tertial, "mnkr", LEVEL, Lower, 0, ["542", "755", "750", "750", "", ""]),
];

/// The HR department's operating costs, which the pay slips are made with.
const HR_COSTS: &str = "SUM([Personalkostnader HR]; [Konsultkostnader HR]; [IT-tjänster, IT-program och licenser HR]; [Övriga kostnader HR])";

/// The personnel costs of every department.
const PERSONNEL: &str = "SUM([Personalkostnader Ekonomi]; [Personalkostnader HR]; [Personalkostnader Kommunikation]; \
[Personalkostnader Digital infrastruktur]; [Personalkostnader Styr och stöd]; [Personalkostnader Kund och service]; \
[Personalkostnader Uppdrag])";

/// Indicators computed from the plan, not in the report: name, decimals, formula, note.
fn computed() -> [(&'static str, u32, String, &'static str); 2] {
    [
        (
            "Kostnad per lönespecifikation (exempel)",
            2,
            format!("={HR_COSTS} / Lönespecifikationer"),
            "Exempeltillägg, inte i rapporten: HR:s kostnader för förvaltning delat med antalet lönespecifikationer, ackumulerat.",
        ),
        (
            "Personalkostnad per månadsarbetare (exempel)",
            0,
            format!("={PERSONNEL} / [Månadsarbetare (utförd tid och prognos)]"),
            "Exempeltillägg, inte i rapporten: personalkostnaderna ackumulerat (prognosen för helåret) delat med antalet månadsarbetare.",
        ),
    ]
}

fn unit(symbol: &str) -> IndicatorUnit {
    match symbol {
        "%" => IndicatorUnit::Percent,
        "kr" => IndicatorUnit::Kronor,
        "" => IndicatorUnit::Count,
        other => IndicatorUnit::Other(other.into()),
    }
}

fn definition(printed: &Printed) -> Definition {
    Definition {
        perspective: PerspectiveId(printed.perspective),
        unit: unit(printed.unit),
        periodicity: printed.periodicity,
        aggregation: printed.aggregation,
        cumulative: printed.cumulative,
        direction: match printed.better {
            Higher => Direction::HigherIsBetter,
            Lower => Direction::LowerIsBetter,
        },
        decimals: printed.decimals,
        rule: None,
        note: printed.note.map(Into::into),
    }
}

/// The report's indicator, its figures at the period of April.
fn indicator(id: u32, printed: &Printed) -> Indicator {
    let mut indicator = Indicator::new(IndicatorId(id), printed.name, definition(printed));
    let p = printed.periodicity.reported(Some(Month::APRIL));
    let slots =
        [Slot::LastYear(p), Slot::Outcome(p), Slot::Target(p), Slot::Forecast, Slot::AnnualTarget, Slot::R12(p)];
    for (slot, text) in slots.into_iter().zip(printed.figures) {
        // The printed figures are numbers in their unit, or blank.
        let value = parse_value(text, &indicator.definition.unit).ok().flatten();
        if let Some(place) = indicator.values.get_mut(slot) {
            *place = value;
        }
    }
    indicator
}

/// Adds the perspectives and indicators to the example plan.
pub fn add(plan: &mut Plan) {
    plan.perspectives = Perspective::standard();
    plan.indicators = REPORT.iter().zip(1..).map(|(printed, id)| indicator(id, printed)).collect();
    let first = plan.indicators.len() as u32 + 1;
    for ((name, decimals, formula, note), id) in computed().into_iter().zip(first..) {
        let printed =
            Printed { note: Some(note), ..row(name, EKONOMI, Monthly, "kr", LEVEL_TO_DATE, Lower, decimals, [""; 6]) };
        let mut indicator = indicator(id, &printed);
        indicator.formula = Some(formula);
        plan.indicators.push(indicator);
    }
}
