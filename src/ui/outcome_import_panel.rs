//! Mapping the columns of an outcome table, previewing and applying it.
//!
//! A table may have hundreds of thousands of columns: each role (the line's
//! column and each month) is one field where a column is typed, by letter or
//! heading, with a few suggestions; the preview shows a sample of the rows
//! in the chosen columns, and counts for the rest.

use leptos::prelude::*;

use super::column_input::{ColumnInput, SUGGESTIONS};
use super::store::use_store;
use crate::model::{Month, Unit};
use crate::outcome_import::{Mapping, Table, guess, preview, sample};

/// Rows shown in the sample.
const SAMPLE_ROWS: usize = 3;
/// Columns suggested while a column is typed.
const SUGGESTED: usize = 30;
/// Unmatched rows and bad cells listed before "… and N more".
const LISTED: usize = 10;

/// The table read from a file, its column mapping and what applying it would
/// change; Apply sets the outcome as one undoable edit.
#[component]
pub fn OutcomeImportPanel(table: RwSignal<Option<Table>>) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let mapping = RwSignal::new(table.with_untracked(|t| t.as_ref().map(guess)));
    let header = Signal::derive(move || mapping.with(|m| m.as_ref().is_some_and(|m| m.header)));
    let typing = RwSignal::new(String::new());
    let preview = Memo::new(move |_| {
        table.with(|t| {
            mapping.with(|m| {
                let (t, m) = (t.as_ref()?, m.as_ref()?);
                Some(store.read(|engine| preview(engine.plan(), t, m)))
            })
        })
    });
    let sample =
        Memo::new(move |_| table.with(|t| mapping.with(|m| Some(sample(t.as_ref()?, m.as_ref()?, SAMPLE_ROWS)))));
    let update = move |f: Box<dyn FnOnce(&mut Mapping)>| {
        mapping.update(|m| {
            if let Some(m) = m {
                f(m)
            }
        })
    };
    let suggestions = move || {
        let (query, header) = (typing.get(), header.get());
        table.with(|t| {
            let Some(t) = t else { return Vec::new() };
            t.matches(&query, header, SUGGESTED)
                .into_iter()
                .map(|c| view! { <option value=t.label(c, header) /> })
                .collect()
        })
    };
    let line_input = view! {
        <ColumnInput role=Signal::derive(move || lang().line_column().to_owned())
            column=Signal::derive(move || mapping.with(|m| m.as_ref().map(|m| m.line)))
            table header typing
            pick=Callback::new(move |c: Option<usize>| if let Some(c) = c { update(Box::new(move |m| m.line = c)) }) />
    };
    let months = Month::all()
        .map(|month| {
            view! {
                <ColumnInput role=Signal::derive(move || lang().month_short(month))
                    column=Signal::derive(move || mapping.with(|m| m.as_ref().and_then(|m| m.months[month.index()])))
                    table header typing
                    pick=Callback::new(move |c| update(Box::new(move |m| m.months[month.index()] = c))) />
            }
        })
        .collect_view();
    let sample_view = move || {
        let sample = sample.get()?;
        let lang = lang();
        let header = header.get();
        let headings = table.with(|t| {
            let t = t.as_ref()?;
            Some(sample.columns.iter().map(|c| view! { <th>{t.label(*c, header)}</th> }).collect_view())
        });
        let rows = sample.rows.iter().map(|(r, cells)| {
            view! { <tr><th>{r + 1}</th>{cells.iter().map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}</tr> }
        });
        Some(view! {
            <p class="counts">{lang.sample_counts(sample.total, sample.rows.len(), sample.width)}</p>
            <table class="sample">
                <thead><tr><th>{lang.row_heading()}</th>{headings}</tr></thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        })
    };
    let summary = move || {
        preview.get().map(|p| {
            let lang = lang();
            let lines = p.unmatched.iter().map(|(r, name)| lang.unmatched_row(r + 1, name));
            let bad = p.bad.iter().map(|b| lang.bad_cell(b.row + 1, b.col + 1, &lang.amount_error(b.error, &b.text)));
            let listed = |all: Vec<String>| {
                let more = all.len().saturating_sub(LISTED);
                let shown = all.into_iter().take(LISTED).map(|text| view! { <li>{text}</li> }).collect_view();
                (shown, (more > 0).then(|| view! { <li class="more">{lang.and_more(more)}</li> }))
            };
            view! {
                <p class="summary">{lang.outcome_summary(p.matched.len(), p.cells.len())}</p>
                <ul class="problems">{listed(lines.collect())}{listed(bad.collect())}</ul>
            }
        })
    };
    let apply = move |_| {
        let Some(command) = preview.get_untracked().and_then(|p| p.command()) else { return };
        if store.execute(command).is_ok() {
            table.set(None);
        }
    };
    let units = Unit::ALL.map(|unit| view! { <option value=unit.symbol() selected=move || mapping.with(|m| m.as_ref().is_some_and(|m| m.unit == unit))>{unit.symbol()}</option> });
    view! {
        <section class="outcome-import" role="dialog" aria-label=move || lang().outcome_title()>
            <h2>{move || lang().outcome_title()}</h2>
            <label>
                <input type="checkbox" prop:checked=header
                    on:change=move |ev| { let on = event_target_checked(&ev); update(Box::new(move |m| m.header = on)) } />
                {move || lang().first_row_is_header()}
            </label>
            <label>{move || lang().unit_label()} " "
                <select on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(unit) = Unit::ALL.into_iter().find(|u| u.symbol() == chosen) { update(Box::new(move |m| m.unit = unit)) }
                }>{units}</select>
            </label>
            <p class="hint">{move || lang().column_hint()}</p>
            <div class="line">{line_input}</div>
            <div class="months">{months}</div>
            <datalist id=SUGGESTIONS>{suggestions}</datalist>
            {sample_view}
            {summary}
            <button on:click=apply disabled=move || preview.with(|p| p.as_ref().and_then(|p| p.command()).is_none())>{move || lang().apply()}</button>
            <button on:click=move |_| table.set(None)>{move || lang().cancel()}</button>
        </section>
    }
}
