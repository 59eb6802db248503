//! Figures side by side as horizontal bars: scenarios compared by category,
//! customers' charges before and after.

use leptos::prelude::*;

use super::chart_table::ChartTable;
use super::scale::wrap;
use super::series::{Series, grouped, value_scale};
use crate::model::Unit;
use crate::model::number::{format_amount, format_decimal};
use crate::ui::i18n::Lang;

const WIDTH: f64 = 800.0;
const LEFT: f64 = 200.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 24.0;
const BAND: f64 = 34.0;

/// Fills that differ without colour: dark, light, hatched, dotted.
const FILLS: [&str; 4] = ["#333", "#bbb", "hatch", "dots"];

fn px(value: f64) -> String {
    format!("{value:.1}")
}

/// Horizontal bars of `series` for each of `categories`, a group a category,
/// with a legend and the figures as a table.
#[component]
pub fn BarChart(
    id: String,
    title: String,
    description: String,
    categories: Vec<String>,
    series: Vec<Series>,
    unit: Unit,
    lang: Lang,
) -> impl IntoView {
    let band = BAND * series.len().max(1) as f64 * 0.6 + 10.0;
    let height = TOP + band * categories.len() as f64 + 24.0;
    let (scale, ticks, decimals) = value_scale(&series, unit, LEFT, WIDTH - RIGHT);
    let fill = |s: usize| match FILLS[s % 4] {
        "hatch" => format!("url(#{id}-hatch)"),
        "dots" => format!("url(#{id}-dots)"),
        solid => solid.to_owned(),
    };
    let grid = ticks
        .iter()
        .map(|tick| {
            let x = px(scale.at(*tick));
            view! {
                <line class="grid-line" class:zero=tick.is_zero() x1=x.clone() x2=x.clone() y1=px(TOP) y2=px(height - 20.0) />
                <text class="tick" x=x y=px(height - 6.0) text-anchor="middle">{format_decimal(*tick, decimals)}</text>
            }
        })
        .collect_view();
    let labels = categories
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let y = TOP + band * (i as f64 + 0.5);
            let lines = wrap(label, 28, 2);
            let first = if lines.len() > 1 { "-0.2em" } else { "0.35em" };
            let spans = lines
                .into_iter()
                .enumerate()
                .map(|(n, line)| view! { <tspan x=px(LEFT - 8.0) dy=if n == 0 { first } else { "1.1em" }>{line}</tspan> })
                .collect_view();
            view! { <text class="label" x=px(LEFT - 8.0) y=px(y) text-anchor="end">{spans}</text> }
        })
        .collect_view();
    let bars = grouped(&series, unit, &scale, TOP, band)
        .into_iter()
        .map(|bar| {
            let (x, width) = (bar.from.min(bar.to), (bar.to - bar.from).abs().max(1.0));
            let value = series[bar.series].values[bar.category].map(|a| format_amount(a, unit)).unwrap_or_default();
            let (text_x, anchor) = if bar.to >= bar.from { (bar.to + 4.0, "start") } else { (bar.to - 4.0, "end") };
            view! {
                <g class=format!("bar s{}", bar.series)>
                    <rect x=px(x) y=px(bar.offset) width=px(width) height=px(bar.thickness) fill=fill(bar.series) stroke="#222" stroke-width="0.5" />
                    <text class="value" x=px(text_x) y=px(bar.offset + bar.thickness / 2.0) dy="0.35em" text-anchor=anchor>{value}</text>
                </g>
            }
        })
        .collect_view();
    let legend = series
        .iter()
        .enumerate()
        .map(|(s, one)| {
            let y = TOP + s as f64 * 22.0;
            view! {
                <rect x=px(WIDTH - RIGHT + 24.0) y=px(y) width="14" height="14" fill=fill(s) stroke="#222" stroke-width="0.5" />
                <text class="legend" x=px(WIDTH - RIGHT + 44.0) y=px(y + 7.0) dy="0.35em">{one.name.clone()}</text>
            }
        })
        .collect_view();
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelled_by = format!("{title_id} {desc_id}");
    let columns = series.iter().map(|s| s.name.clone()).collect();
    let rows = categories
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let cell =
                |s: &Series| s.values.get(i).copied().flatten().map_or_else(String::new, |a| format_amount(a, unit));
            (label.clone(), series.iter().map(cell).collect())
        })
        .collect();
    view! {
        <figure class="chart bars" id=id.clone()>
            <svg viewBox=format!("0 0 {WIDTH} {height:.0}") role="img" aria-labelledby=labelled_by>
                <title id=title_id>{title.clone()}</title>
                <desc id=desc_id>{description}</desc>
                <defs>
                    <pattern id=format!("{id}-hatch") patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                        <rect width="6" height="6" fill="#fff" />
                        <line x1="0" y1="0" x2="0" y2="6" stroke="#222" stroke-width="2.5" />
                    </pattern>
                    <pattern id=format!("{id}-dots") patternUnits="userSpaceOnUse" width="5" height="5">
                        <rect width="5" height="5" fill="#fff" />
                        <circle cx="2.5" cy="2.5" r="1.2" fill="#222" />
                    </pattern>
                </defs>
                <g class="axis">{grid}{labels}</g>
                {bars}
                {legend}
            </svg>
            <ChartTable caption=title columns rows lang />
        </figure>
    }
}
