//! Closing the next month, asking first when its outcome is missing.

use leptos::prelude::*;

use super::store::use_store;

/// "Stäng månad": closes the next month at once when every line with a
/// budget has outcome in it; otherwise says what is missing and asks.
#[component]
pub fn CloseMonth() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    // The question being asked, while it is, and why closing was refused.
    let question = RwSignal::new(None::<String>);
    let refused = RwSignal::new(None::<String>);
    let close = move || {
        question.set(None);
        refused.set(store.close_month().err().map(|error| lang().command_error(&error)));
    };
    let on_click = move |_| {
        let missing = store.read(|engine| {
            let month = engine.next_to_close()?;
            let gaps = engine.outcome_gaps(month);
            let first = gaps.missing.first().and_then(|id| engine.plan().line(*id))?.name.clone();
            Some(lang().close_without_outcome(month, gaps.missing.len(), gaps.budgeted, &first))
        });
        match missing {
            Some(text) => question.set(Some(text)),
            None => close(),
        }
    };
    view! {
        <button on:click=on_click data-control="close-month">{move || lang().close_month()}</button>
        {move || question.get().map(|text| view! {
            <div class="confirm" role="alertdialog" aria-label=move || lang().close_month()>
                <p>{text}</p>
                <button on:click=move |_| close() data-control="close-anyway">{move || lang().close_anyway()}</button>
                <button on:click=move |_| question.set(None)>{move || lang().cancel()}</button>
            </div>
        })}
        {move || refused.get().map(|text| view! { <span class="cell-message" role="alert">{text}</span> })}
    }
}
