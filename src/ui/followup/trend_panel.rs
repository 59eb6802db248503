//! A monthly trend of the whole plan, a department or a line: budget,
//! outcome of the closed months, forecast and last year, as lines.

use leptos::prelude::*;

use crate::model::number::format_amount;
use crate::model::period::closed_count;
use crate::model::{Engine, Group, Kind, Month, Row, Series, Span};
use crate::ui::charts::TrendChart;
use crate::ui::charts::series;
use crate::ui::i18n::Lang;
use crate::ui::store::use_store;

/// The rows a trend can follow: the plan's costs and result, each
/// department's result, each line; as (key, label, row).
fn choices(engine: &Engine, lang: Lang) -> Vec<(String, String, Row)> {
    let plan = engine.plan();
    let mut out = vec![
        ("costs".to_owned(), lang.total(Kind::Cost).to_owned(), Row::Total(Group::All, Kind::Cost)),
        ("result".to_owned(), lang.result().to_owned(), Row::Result(Group::All)),
    ];
    let departments = plan.departments.iter().map(|d| {
        (
            format!("department-{}", d.id.0),
            format!("{} – {}", d.name, lang.result()),
            Row::Result(Group::Department(d.id)),
        )
    });
    out.extend(departments);
    out.extend(plan.lines.iter().map(|l| (format!("line-{}", l.id.0), l.name.clone(), Row::Line(l.id))));
    out
}

/// The four series of `row`: budget, outcome (closed months only), forecast
/// and last year.
fn trend(engine: &Engine, row: Row, lang: Lang) -> Vec<series::Series> {
    let closed = closed_count(engine.plan().closed_through);
    [Series::Budget, Series::Outcome, Series::Forecast, Series::LastYear]
        .into_iter()
        .map(|s| {
            let months = engine.months(row, s).ok();
            let values = (0..12)
                .map(|m| months.and_then(|months| (s != Series::Outcome || m < closed).then_some(months[m])))
                .collect();
            series::Series { name: lang.series_name(s).to_owned(), values }
        })
        .collect()
}

/// A chosen row's monthly trend as a chart, with its figures as a table.
#[component]
pub fn TrendPanel() -> impl IntoView {
    let store = use_store();
    let chosen = RwSignal::new("costs".to_owned());
    let options = Memo::new(move |_| {
        let lang = store.lang.get();
        store.read(|engine| choices(engine, lang))
    });
    let select = move || {
        options.with(|options| {
            options
                .iter()
                .map(|(key, label, _)| {
                    let key = key.clone();
                    let selected = chosen.with(|c| *c == key);
                    view! { <option value=key selected=selected>{label.clone()}</option> }
                })
                .collect_view()
        })
    };
    let chart = move || {
        let (lang, unit) = (store.lang.get(), store.unit.get());
        let key = chosen.get();
        let (label, row) = options.with(|o| o.iter().find(|(k, _, _)| *k == key).map(|(_, l, r)| (l.clone(), *r)))?;
        store.read(|engine| {
            let figure = |s, span| engine.value(row, s, span).map(|a| format_amount(a, unit)).unwrap_or_default();
            let outcome = engine.plan().closed_through.map(|m| (m, figure(Series::Outcome, Span::Through(m))));
            let description = lang.trend_description(
                &label,
                &figure(Series::Budget, Span::FullYear),
                outcome.as_ref().map(|(m, v)| (*m, v.as_str())),
                &figure(Series::Forecast, Span::FullYear),
                unit.symbol(),
            );
            let months = Month::all().map(|m| lang.month_short(m)).collect();
            let series = trend(engine, row, lang);
            Some(view! {
                <TrendChart id="trend".to_owned() title=format!("{}: {label}", lang.trend_title()) description categories=months series unit lang />
            })
        })
    };
    view! {
        <section class="trend-panel" aria-label=move || store.lang.get().trend_title()>
            <label>
                {move || store.lang.get().trend_of()} " "
                <select data-control="trend-row" on:change=move |ev| chosen.set(event_target_value(&ev))>{select}</select>
            </label>
            {chart}
        </section>
    }
}
