//! Figures month by month as lines: budget, outcome, forecast, last year.

use leptos::prelude::*;

use super::chart_table::ChartTable;
use super::series::{Series, line_runs, value_scale};
use crate::model::Unit;
use crate::model::number::{format_amount, format_decimal, format_number};
use crate::ui::i18n::Lang;

const WIDTH: f64 = 800.0;
const HEIGHT: f64 = 320.0;
const LEFT: f64 = 64.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 28.0;
const LEGEND: f64 = 190.0;

/// Line styles that differ without colour: solid, dashed, dotted, dash-dot.
pub const DASHES: [&str; 4] = ["", "8 4", "2 4", "10 4 2 4"];

fn px(value: f64) -> String {
    format!("{value:.1}")
}

/// A marker shape a series, so that lines differ in black and white too.
fn marker(series: usize, x: f64, y: f64) -> impl IntoView {
    match series % 4 {
        0 => view! { <circle class="marker" cx=px(x) cy=px(y) r="3.5" /> }.into_any(),
        1 => view! { <rect class="marker" x=px(x - 3.5) y=px(y - 3.5) width="7" height="7" /> }.into_any(),
        2 => view! { <path class="marker" d=format!("M{} {} l4 7 h-8 z", px(x), px(y - 4.0)) /> }.into_any(),
        _ => view! { <path class="marker" d=format!("M{} {} l4 4 l-4 4 l-4 -4 z", px(x), px(y - 4.0)) /> }.into_any(),
    }
}

/// Lines of `series` over `categories` (the months), with a legend. With
/// `decimals`, the table writes plain numbers with that many decimals at
/// most (an indicator's values) instead of amounts in `unit`.
#[component]
pub fn TrendChart(
    id: String,
    title: String,
    description: String,
    categories: Vec<String>,
    series: Vec<Series>,
    unit: Unit,
    lang: Lang,
    #[prop(optional)] decimals: Option<u32>,
) -> impl IntoView {
    let plot_right = WIDTH - LEGEND;
    let (scale, ticks, tick_decimals) = value_scale(&series, unit, HEIGHT - BOTTOM, TOP);
    let step = (plot_right - LEFT) / categories.len().max(1) as f64;
    let x = move |i: usize| LEFT + step * (i as f64 + 0.5);
    let grid = ticks
        .iter()
        .map(|tick| {
            let y = px(scale.at(*tick));
            view! {
                <line class="grid-line" class:zero=tick.is_zero() x1=px(LEFT) x2=px(plot_right) y1=y.clone() y2=y.clone() />
                <text class="tick" x=px(LEFT - 6.0) y=y dy="4" text-anchor="end">{format_decimal(*tick, tick_decimals)}</text>
            }
        })
        .collect_view();
    let months = categories
        .iter()
        .enumerate()
        .map(|(i, label)| view! { <text class="label" x=px(x(i)) y=px(HEIGHT - 8.0) text-anchor="middle">{label.clone()}</text> })
        .collect_view();
    let lines = series
        .iter()
        .enumerate()
        .map(|(s, one)| {
            let runs = line_runs(&one.values, unit, &scale, x);
            let paths = runs
                .iter()
                .map(|run| {
                    let points: Vec<String> = run.iter().map(|(x, y)| format!("{} {}", px(*x), px(*y))).collect();
                    let markers = run.iter().map(|(x, y)| marker(s, *x, *y)).collect_view();
                    view! { <path d=format!("M{}", points.join(" L")) fill="none" stroke-dasharray=DASHES[s % 4] /> {markers} }
                })
                .collect_view();
            let legend_y = TOP + 10.0 + s as f64 * 22.0;
            view! {
                <g class=format!("series s{s}")>
                    {paths}
                    <line x1=px(plot_right + 16.0) x2=px(plot_right + 46.0) y1=px(legend_y) y2=px(legend_y) stroke-dasharray=DASHES[s % 4] />
                    {marker(s, plot_right + 31.0, legend_y)}
                    <text class="legend" x=px(plot_right + 52.0) y=px(legend_y) dy="4">{one.name.clone()}</text>
                </g>
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
            let shown = |a| decimals.map_or_else(|| format_amount(a, unit), |d| format_number(unit.of(a), d, true));
            let cell = |s: &Series| s.values.get(i).copied().flatten().map_or_else(String::new, shown);
            (label.clone(), series.iter().map(cell).collect())
        })
        .collect();
    view! {
        <figure class="chart trend" id=id.clone()>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=labelled_by>
                <title id=title_id>{title.clone()}</title>
                <desc id=desc_id>{description}</desc>
                <g class="axis">{grid}{months}</g>
                {lines}
            </svg>
            <ChartTable caption=title columns rows lang />
        </figure>
    }
}
