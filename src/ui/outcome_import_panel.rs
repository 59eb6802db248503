//! Mapping the columns of an outcome table, previewing and applying it.

use leptos::prelude::*;

use super::store::use_store;
use crate::model::Unit;
use crate::outcome_import::{Mapping, Table, guess, preview};

/// The table read from a file, its column mapping and what applying it would
/// change; Apply sets the outcome as one undoable edit.
#[component]
pub fn OutcomeImportPanel(table: RwSignal<Option<Table>>) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let mapping = RwSignal::new(table.with_untracked(|t| t.as_ref().map(guess)));
    let preview = Memo::new(move |_| {
        let (Some(table), Some(mapping)) = (table.get(), mapping.get()) else { return None };
        Some(store.read(|engine| preview(engine.plan(), &table, &mapping)))
    });
    let headers =
        move || {
            let header = mapping.with(|m| m.as_ref().is_some_and(|m| m.header));
            table
                .with(|t| {
                    let t = t.as_ref()?;
                    Some(
                        (0..t.width())
                            .map(|c| {
                                if header {
                                    t.rows[0].get(c).cloned().unwrap_or_default()
                                } else {
                                    format!("{}", c + 1)
                                }
                            })
                            .collect::<Vec<_>>(),
                    )
                })
                .unwrap_or_default()
        };
    let update = move |f: Box<dyn FnOnce(&mut Mapping)>| {
        mapping.update(|m| {
            if let Some(m) = m {
                f(m)
            }
        })
    };
    let column_select = move |current: Option<usize>, on: Box<dyn Fn(Option<usize>) + Send + Sync>| {
        let options = headers()
            .into_iter()
            .enumerate()
            .map(|(c, name)| view! { <option value=c.to_string() selected=current == Some(c)>{name}</option> })
            .collect_view();
        view! {
            <select on:change=move |ev| on(event_target_value(&ev).parse().ok())>
                <option value="" selected=current.is_none()>{lang().no_column()}</option>
                {options}
            </select>
        }
    };
    let months = move || {
        let current = mapping.get().map(|m| m.months).unwrap_or([None; 12]);
        crate::model::Month::all()
            .map(|month| {
                let select = column_select(
                    current[month.index()],
                    Box::new(move |c| update(Box::new(move |m| m.months[month.index()] = c))),
                );
                view! { <label data-month=month.number()>{lang().month_short(month)} " " {select}</label> }
            })
            .collect_view()
    };
    let line_select = move || {
        let current = mapping.get().map(|m| m.line);
        column_select(current, Box::new(move |c| update(Box::new(move |m| m.line = c.unwrap_or(0)))))
    };
    let summary = move || {
        preview.get().map(|p| {
            let lang = lang();
            let lines = p.unmatched.iter().map(|(r, name)| lang.unmatched_row(r + 1, name));
            let bad = p.bad.iter().map(|b| lang.bad_cell(b.row + 1, b.col + 1, &lang.amount_error(b.error, &b.text)));
            view! {
                <p class="summary">{lang.outcome_summary(p.matched.len(), p.cells.len())}</p>
                <ul class="problems">{lines.chain(bad).map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
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
                <input type="checkbox" prop:checked=move || mapping.with(|m| m.as_ref().is_some_and(|m| m.header))
                    on:change=move |ev| { let on = event_target_checked(&ev); update(Box::new(move |m| m.header = on)) } />
                {move || lang().first_row_is_header()}
            </label>
            <label>{move || lang().line_column()} " " {line_select}</label>
            <label>{move || lang().unit_label()} " "
                <select on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(unit) = Unit::ALL.into_iter().find(|u| u.symbol() == chosen) { update(Box::new(move |m| m.unit = unit)) }
                }>{units}</select>
            </label>
            <div class="months">{months}</div>
            {summary}
            <button on:click=apply disabled=move || preview.with(|p| p.as_ref().and_then(|p| p.command()).is_none())>{move || lang().apply()}</button>
            <button on:click=move |_| table.set(None)>{move || lang().cancel()}</button>
        </section>
    }
}
