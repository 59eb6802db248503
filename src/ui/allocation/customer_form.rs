//! Adding, renaming and removing customers; a refused edit says why.

use leptos::prelude::*;

use crate::model::Command;
use crate::model::allocation::{AllocationCommand, Customer, CustomerId, CustomerKind, Entry, EntryId};
use crate::ui::store::{Store, use_store};

/// Runs `command`, putting the reason in `message` if it is refused.
pub fn run(store: Store, message: RwSignal<String>, command: Command) {
    let outcome = store.execute(command);
    message.set(outcome.err().map(|error| store.lang.get_untracked().command_error(&error)).unwrap_or_default());
}

/// The form above the customers × keys grid.
#[component]
pub fn CustomerForm() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let name = RwSignal::new(String::new());
    let company = RwSignal::new(false);
    let chosen = RwSignal::new(None::<CustomerId>);
    let message = RwSignal::new(String::new());
    let options = move || {
        store.read(|engine| {
            let customers = engine.plan().customers.iter();
            customers.map(|c| view! { <option value=c.id.0.to_string()>{c.name.clone()}</option> }).collect_view()
        })
    };
    let add = move |_| {
        let (count, next) = store.peek(|e| {
            let customers = &e.plan().customers;
            (customers.len(), customers.iter().map(|c| c.id.0).max().unwrap_or(0) + 1)
        });
        let kind = if company.get_untracked() { CustomerKind::Company } else { CustomerKind::Administration };
        let customer = Customer { id: CustomerId(next), name: name.get_untracked(), kind, active: true };
        let entry = Box::new(Entry::Customer(customer));
        run(store, message, AllocationCommand::Insert { index: count, entry }.into());
    };
    let selected = move || chosen.get_untracked().or_else(|| store.peek(|e| e.plan().customers.first().map(|c| c.id)));
    let rename = move |_| {
        if let Some(id) = selected() {
            let command = AllocationCommand::Rename { entry: EntryId::Customer(id), name: name.get_untracked() };
            run(store, message, command.into());
        }
    };
    let remove = move |_| {
        if let Some(id) = selected() {
            run(store, message, AllocationCommand::Remove(EntryId::Customer(id)).into());
        }
    };
    view! {
        <fieldset class="allocation-form" data-form="customer">
            <legend>{move || lang().customers_legend()}</legend>
            <label>
                {move || lang().customer_header()} " "
                <select data-control="customer" on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok().map(CustomerId))>
                    {options}
                </select>
            </label>
            <label>
                {move || lang().name_label()} " "
                <input data-control="customer-name" prop:value=name on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <label>
                <input type="checkbox" data-control="customer-company" prop:checked=company on:change=move |ev| company.set(event_target_checked(&ev)) />
                " " {move || lang().customer_kind(CustomerKind::Company)}
            </label>
            <button data-action="add-customer" on:click=add>{move || lang().add_customer()}</button>
            <button data-action="rename-customer" on:click=rename>{move || lang().rename()}</button>
            <button data-action="remove-customer" on:click=remove>{move || lang().remove()}</button>
            <p class="allocation-message" role="alert">{message}</p>
        </fieldset>
    }
}
