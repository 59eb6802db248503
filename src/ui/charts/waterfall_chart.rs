//! A waterfall drawn as SVG: levels as solid bars, steps up as dark bars,
//! steps down hatched, each signed, so that it reads without colour.

use leptos::prelude::*;

use super::chart_table::ChartTable;
use super::scale::wrap;
use super::waterfall::{Bar, BarKind, Frame, layout};
use crate::model::Unit;
use crate::model::number::{format_amount, format_decimal};
use crate::ui::i18n::Lang;

const FRAME: Frame = Frame { width: 800.0, height: 400.0, left: 64.0, top: 28.0, bottom: 60.0 };

/// The figure a bar shows, signed for a step: "1 449,8", "+12,0", "−40,0".
pub fn bar_value(bar: &Bar, unit: Unit) -> String {
    let Ok(value) = bar.value() else { return "–".into() };
    let text = format_amount(value, unit);
    match bar.kind {
        BarKind::Up => format!("+{text}"),
        BarKind::Total | BarKind::Down => text,
    }
}

fn px(value: f64) -> String {
    format!("{value:.1}")
}

/// A waterfall with `title` and `description` (which names the figures),
/// `id` unique on the page. With `shown`, only the start and that many
/// steps are drawn (the axis stays; the end once every step is), for
/// stepping through in a meeting; the bar last drawn is marked current.
#[component]
pub fn WaterfallChart(
    id: String,
    title: String,
    description: String,
    bars: Vec<Bar>,
    unit: Unit,
    lang: Lang,
    #[prop(optional)] shown: Option<usize>,
) -> impl IntoView {
    let layout = layout(&bars, unit, FRAME);
    let hatch = format!("{id}-hatch");
    let (last, steps) = (bars.len().saturating_sub(1), bars.len().saturating_sub(2));
    let visible = |i: usize| shown.is_none_or(|n| i <= n.min(steps) || (i == last && n >= steps));
    let current = shown.map(|n| if n >= steps { last } else { n });
    let band = (FRAME.width - FRAME.left) / bars.len().max(1) as f64;
    let ticks = layout
        .ticks
        .iter()
        .map(|tick| {
            let y = px(layout.scale.at(*tick));
            let zero = tick.is_zero();
            view! {
                <line class="grid-line" class:zero=zero x1=px(FRAME.left) x2=px(FRAME.width) y1=y.clone() y2=y.clone() />
                <text class="tick" x=px(FRAME.left - 6.0) y=y dy="4" text-anchor="end">{format_decimal(*tick, layout.decimals)}</text>
            }
        })
        .collect_view();
    let drawn = bars
        .iter()
        .zip(&layout.bars)
        .enumerate()
        .filter(|(i, _)| visible(*i))
        .map(|(i, (bar, place))| {
            let kind = match bar.kind {
                BarKind::Total => "total",
                BarKind::Up => "up",
                BarKind::Down => "down",
            };
            let fill = (bar.kind == BarKind::Down).then(|| format!("url(#{hatch})"));
            let centre = place.x + place.width / 2.0;
            let lines = wrap(&bar.label, ((band / 7.0) as usize).max(6), 3);
            let label = lines
                .into_iter()
                .enumerate()
                .map(|(n, line)| view! { <tspan x=px(centre) dy=if n == 0 { "0" } else { "1.15em" }>{line}</tspan> })
                .collect_view();
            let joined = i < last && visible(i + 1);
            let connector = layout.bars.get(i + 1).filter(|_| joined).map(|next| {
                let y = px(place.level_y);
                view! { <line class="connector" x1=px(place.x + place.width) x2=px(next.x) y1=y.clone() y2=y /> }
            });
            view! {
                <g class=format!("bar {kind}") class:current=current == Some(i) data-step=i>
                    <rect x=px(place.x) y=px(place.y) width=px(place.width) height=px(place.height.max(1.0)) fill=fill />
                    <text class="value" x=px(centre) y=px(place.label_y) text-anchor="middle">{bar_value(bar, unit)}</text>
                    <text class="label" x=px(centre) y=px(FRAME.height - FRAME.bottom + 16.0) text-anchor="middle">{label}</text>
                    {connector}
                </g>
            }
        })
        .collect_view();
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelled_by = format!("{title_id} {desc_id}");
    let rows = bars.iter().map(|bar| (bar.label.clone(), vec![bar_value(bar, unit)])).collect();
    view! {
        <figure class="chart waterfall" id=id.clone()>
            <svg
                viewBox=format!("0 0 {} {}", FRAME.width, FRAME.height)
                role="img"
                aria-labelledby=labelled_by
            >
                <title id=title_id>{title.clone()}</title>
                <desc id=desc_id>{description}</desc>
                <defs>
                    <pattern id=hatch patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                        <rect width="6" height="6" fill="#fff" />
                        <line x1="0" y1="0" x2="0" y2="6" stroke="#222" stroke-width="3" />
                    </pattern>
                </defs>
                <g class="axis">{ticks}</g>
                {drawn}
            </svg>
            <ChartTable caption=title columns=vec![unit.symbol().to_owned()] rows lang />
        </figure>
    }
}
