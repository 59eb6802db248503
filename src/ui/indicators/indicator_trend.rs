//! An indicator's values over the periods so far, as a small chart.

use leptos::prelude::*;

use super::texts::with_unit;
use crate::model::indicator::sheet::{Column, Trend, TrendPoint};
use crate::model::{Amount, IndicatorId, Unit};
use crate::ui::charts::TrendChart;
use crate::ui::charts::series::Series;
use crate::ui::i18n::Lang;
use crate::ui::store::use_store;

/// The outcome, target and last year of `trend` as chart series (values
/// beyond the öre are rounded for the drawing only).
fn series(trend: &Trend, lang: Lang) -> Vec<Series> {
    let values = |pick: fn(&TrendPoint) -> Option<rust_decimal::Decimal>| {
        trend.points.iter().map(|p| pick(p).and_then(|v| Amount::from_decimal(v.round_dp(2)).ok())).collect()
    };
    vec![
        Series { name: lang.indicator_column(Column::Outcome).into(), values: values(|p| p.outcome) },
        Series { name: lang.indicator_column(Column::Target).into(), values: values(|p| p.target) },
        Series { name: lang.indicator_column(Column::LastYear).into(), values: values(|p| p.last_year) },
    ]
}

/// The trend of indicator `id` with its figures as a table.
#[component]
pub fn IndicatorTrend(id: IndicatorId) -> impl IntoView {
    let store = use_store();
    move || {
        let lang = store.lang.get();
        store.read(|engine| {
            let plan = engine.plan();
            let name = plan.indicator(id)?.name.clone();
            let trend = engine.indicator_trend(id, plan.closed_through)?;
            let categories: Vec<String> = trend.points.iter().map(|p| lang.period_name(p.period, plan.year)).collect();
            let last = trend.points.last()?;
            let shown = |v: Option<rust_decimal::Decimal>| {
                v.map_or_else(|| "–".to_owned(), |v| with_unit(v, trend.decimals, &trend.unit))
            };
            let description = lang.indicator_trend_description(
                &name,
                categories.last().map_or("", String::as_str),
                &shown(last.outcome),
                &shown(last.target),
            );
            Some(view! {
                <TrendChart
                    id=format!("indicator-trend-{}", id.0)
                    title=format!("{}: {name}", lang.indicator_trend_title())
                    description
                    categories
                    series=series(&trend, lang)
                    unit=Unit::Kr
                    lang
                    decimals=trend.decimals
                />
            })
        })
    }
}
