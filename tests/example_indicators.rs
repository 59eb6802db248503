//! The example plan reproduces every indicator table of the April 2023
//! report (shared/seeds/monthly-report-2023-04.txt), figure by figure.

use kalkyl::model::example::april_2023;
use kalkyl::model::indicator::sheet::{Column, Figure, SheetRow};
use kalkyl::model::indicator::{IndicatorUnit, Periodicity, Status};
use kalkyl::model::{Engine, Month};

/// Each row as the report prints it: the perspective, the table
/// (periodicity) and the figures in the order printed, blank cells left out.
const PRINTED: [(&str, Periodicity, &str, &[&str]); 20] = [
    ("Kund och ägare", Periodicity::Year, "Nöjd Kund Index (NKI)", &["66,9%", "70%", "70%"]),
    ("Kund och ägare", Periodicity::Tertial, "Pedagogiska datorer", &["45 000", "45 089", "45 000", "45 000"]),
    ("Kund och ägare", Periodicity::Tertial, "Administrativa datorer", &["30 914", "32 006", "31 000", "31 000"]),
    ("Kund och ägare", Periodicity::Tertial, "Datalagring", &["4 650", "5 450", "8 000", "8 500"]),
    ("Kund och ägare", Periodicity::Tertial, "IT-infrastruktur", &["1 470 000", "1 500 000", "1 500 000", "1 500 000"]),
    ("Kund och ägare", Periodicity::Tertial, "Efterlevnad servicenivå - SLA", &["-", "68%", "100%", "90%", "100%"]),
    (
        "Kund och ägare",
        Periodicity::Month,
        "Lönespecifikationer",
        &["232 875", "248 035", "233 332", "710 000", "700 000", "724 646"],
    ),
    (
        "Kund och ägare",
        Periodicity::Month,
        "Löneärenden",
        &["24 279", "23 855", "26 332", "79 000", "79 000", "74 583"],
    ),
    (
        "Kund och ägare",
        Periodicity::Month,
        "Leverantörsfakturor",
        &["572 468", "648 911", "550 000", "1 650 000", "1 650 000", "1 788 403"],
    ),
    (
        "Kund och ägare",
        Periodicity::Month,
        "Kundfakturor",
        &["519 437", "549 820", "516 665", "1 550 000", "1 550 000", "1 547 716"],
    ),
    (
        "Kund och ägare",
        Periodicity::Month,
        "Serviceärenden",
        &["126 832", "130 965", "120 000", "380 000", "360 000", "381 872"],
    ),
    ("Medarbetare", Periodicity::Year, "Hållbart medarbetarengagemang (HME)", &["77", "81"]),
    ("Medarbetare", Periodicity::Year, "Frisknärvaro", &["56,6%", "40%"]),
    ("Medarbetare", Periodicity::Tertial, "Personalomsättning", &["10%", "10%"]),
    ("Medarbetare", Periodicity::Month, "Sjukfrånvaro", &["4,6%", "5,7%", "5%", "5,5%", "5%"]),
    ("Medarbetare", Periodicity::Month, "Månadsarbetare (utförd tid och prognos)", &["665", "620,7", "650", "590"]),
    ("Medarbetare", Periodicity::Month, "Årsarbetare", &["270", "252,2"]),
    ("Process", Periodicity::Tertial, "Avtalsföljsamhet", &["98%", "99,2%", "98%"]),
    ("Process", Periodicity::Tertial, "Upphandlingsplan", &["94%", "100%", "100%"]),
    ("Process", Periodicity::Tertial, "Inköpsvolym", &["542", "755", "750", "750"]),
];

/// A figure as the report prints it: the number the Swedish way with plain
/// spaces, a percent sign without a space, no other unit; "-" for a
/// missing outcome last year before printed figures.
fn printed(figure: &Figure) -> Option<String> {
    let number = figure.number()?.replace('\u{a0}', " ");
    Some(if figure.unit == IndicatorUnit::Percent { format!("{number}%") } else { number })
}

fn rows(engine: &Engine) -> Vec<(String, Periodicity, SheetRow)> {
    let groups = engine.indicator_sheet(engine.plan().closed_through);
    groups
        .into_iter()
        .flat_map(|group| {
            let (perspective, periodicity) = (group.perspective_name, group.periodicity);
            group.rows.into_iter().map(move |row| (perspective.clone(), periodicity, row))
        })
        .collect()
}

#[test]
fn every_printed_indicator_figure_is_reproduced() {
    let engine = Engine::new(april_2023()).unwrap();
    let rows = rows(&engine);
    let report: Vec<_> = rows.iter().filter(|(_, _, row)| !row.computed).collect();
    assert_eq!(report.len(), PRINTED.len(), "one row for each row of the report");
    for ((perspective, periodicity, row), (want_perspective, want_periodicity, name, figures)) in
        report.into_iter().zip(PRINTED)
    {
        assert_eq!((perspective.as_str(), *periodicity, row.name.as_str()), (want_perspective, want_periodicity, name));
        let shown: Vec<String> = Column::of(*periodicity)
            .into_iter()
            .filter_map(|column| row.figure(column))
            .map(|figure| printed(figure).unwrap_or_default())
            .collect();
        // Read from the left: trailing blanks are not printed, an inner one is "-".
        let end = shown.iter().rposition(|text| !text.is_empty()).map_or(0, |last| last + 1);
        let shown: Vec<String> =
            shown[..end].iter().map(|text| if text.is_empty() { "-".to_owned() } else { text.clone() }).collect();
        assert_eq!(shown, figures.to_vec(), "{name}");
    }
}

#[test]
fn the_tables_are_grouped_and_headed_like_the_report() {
    let engine = Engine::new(april_2023()).unwrap();
    let groups = engine.indicator_sheet(Some(Month::APRIL));
    let heads: Vec<(&str, Periodicity)> =
        groups.iter().map(|group| (group.perspective_name.as_str(), group.periodicity)).collect();
    assert_eq!(
        heads,
        [
            ("Kund och ägare", Periodicity::Year),
            ("Kund och ägare", Periodicity::Tertial),
            ("Kund och ägare", Periodicity::Month),
            ("Medarbetare", Periodicity::Year),
            ("Medarbetare", Periodicity::Tertial),
            ("Medarbetare", Periodicity::Month),
            ("Process", Periodicity::Tertial),
            ("Ekonomi", Periodicity::Month),
        ]
    );
    let monthly = &groups[2];
    assert_eq!(monthly.columns.last(), Some(&Column::Status));
    assert!(monthly.columns.contains(&Column::R12) && !groups[1].columns.contains(&Column::R12));
    assert_eq!(monthly.period, Month::APRIL.index());
    assert_eq!(groups[1].period, 0, "T1");
}

#[test]
fn the_notes_of_the_report_are_kept() {
    let engine = Engine::new(april_2023()).unwrap();
    let note = |name: &str| {
        let indicator = engine.plan().indicators.iter().find(|i| i.name == name).unwrap();
        indicator.definition.note.clone().unwrap_or_default()
    };
    assert!(note("Pedagogiska datorer").starts_with("Ny mätmetod införs för pedagogiska datorer"));
    assert!(note("Sjukfrånvaro").starts_with("Utfall sjukfrånvaro är preliminärt"));
}

#[test]
fn statuses_follow_the_default_rule() {
    let engine = Engine::new(april_2023()).unwrap();
    let rows = rows(&engine);
    let status = |name: &str| rows.iter().find(|(_, _, row)| row.name == name).unwrap().2.status.status;
    // Green at the target, yellow within 5 %, red beyond.
    assert_eq!(status("Nöjd Kund Index (NKI)"), Status::Green, "70 % of 70 %");
    assert_eq!(status("Administrativa datorer"), Status::Green, "32 006 of 31 000");
    assert_eq!(status("Datalagring"), Status::Red, "5 450 of 8 000");
    assert_eq!(status("Löneärenden"), Status::Red, "23 855 of 26 332: 9,4 % short");
    assert_eq!(status("Inköpsvolym"), Status::Yellow, "755 against 750, lower is better: 0,7 % over");
    assert_eq!(status("Sjukfrånvaro"), Status::Red, "5,7 % against 5 %, lower is better");
    assert_eq!(status("Efterlevnad servicenivå - SLA"), Status::Red, "68 % of 100 %");
    assert_eq!(status("Hållbart medarbetarengagemang (HME)"), Status::NotAssessable, "no target printed");
}

#[test]
fn two_example_indicators_are_computed_from_the_money() {
    let engine = Engine::new(april_2023()).unwrap();
    let rows = rows(&engine);
    let computed: Vec<&SheetRow> = rows.iter().map(|(_, _, row)| row).filter(|row| row.computed).collect();
    assert_eq!(computed.len(), 2);
    for row in &computed {
        assert!(row.name.ends_with("(exempel)"), "labelled as an example: {}", row.name);
        assert!(row.note.as_deref().is_some_and(|note| note.starts_with("Exempeltillägg")));
        assert_eq!(row.fault, None);
    }
    // Personnel costs Jan–Apr 179 983 tkr ÷ 620,7 = 289 968 kr; forecast 540 354 tkr ÷ 590.
    let per_fte = computed[1];
    assert_eq!(per_fte.outcome.text().unwrap(), "289\u{a0}968\u{a0}kr");
    assert_eq!(per_fte.target.text().unwrap(), "316\u{a0}912\u{a0}kr", "205 993 tkr ÷ 650");
    assert_eq!(per_fte.forecast.text().unwrap(), "915\u{a0}854\u{a0}kr");
    assert_eq!(per_fte.last_year.text().unwrap(), "269\u{a0}731\u{a0}kr", "179 371 tkr ÷ 665");
    assert_eq!(per_fte.annual_target.value, None, "no annual target of FTE is printed");
}
