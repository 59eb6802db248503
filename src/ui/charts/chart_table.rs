//! A chart's figures as a table, behind a "show as table" switch.

use leptos::prelude::*;

use crate::ui::i18n::Lang;

/// The figures of a chart: a row per category, a column per series.
#[component]
pub fn ChartTable(
    caption: String,
    columns: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
    lang: Lang,
) -> impl IntoView {
    let headers = columns.into_iter().map(|column| view! { <th scope="col">{column}</th> }).collect_view();
    let rows = rows
        .into_iter()
        .map(|(label, values)| {
            let values = values.into_iter().map(|value| view! { <td>{value}</td> }).collect_view();
            view! { <tr><th scope="row">{label}</th>{values}</tr> }
        })
        .collect_view();
    view! {
        <details class="chart-data">
            <summary>{lang.show_as_table()}</summary>
            <table>
                <caption>{caption}</caption>
                <thead><tr><td></td>{headers}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}
