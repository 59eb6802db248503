//! Adding keys, and variants of a key that start as a copy of its first.

use leptos::prelude::*;

use super::customer_form::run;
use crate::model::CommandError;
use crate::model::allocation::{AllocationCommand, AllocationKey, Entry, KeyId, KeyVariant, VariantId};
use crate::ui::store::use_store;

/// The form for new keys and variants.
#[component]
pub fn KeyForm() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let name = RwSignal::new(String::new());
    let unit = RwSignal::new(String::from("st"));
    let chosen = RwSignal::new(None::<KeyId>);
    let message = RwSignal::new(String::new());
    let options = move || {
        store.read(|engine| {
            let keys = engine.plan().allocation.keys.iter();
            keys.map(|k| view! { <option value=k.id.0.to_string()>{k.name.clone()}</option> }).collect_view()
        })
    };
    let add_key = move |_| {
        let (count, next) = store.peek(|e| {
            let keys = &e.plan().allocation.keys;
            (keys.len(), keys.iter().map(|k| k.id.0).max().unwrap_or(0) + 1)
        });
        let name = name.get_untracked();
        let variant = KeyVariant { id: VariantId(1), name: name.clone(), values: Default::default() };
        let key = AllocationKey { id: KeyId(next), name, unit: unit.get_untracked(), variants: vec![variant] };
        run(store, message, AllocationCommand::Insert { index: count, entry: Box::new(Entry::Key(key)) }.into());
    };
    let add_variant = move |_| {
        let key = store.peek(|e| {
            let keys = &e.plan().allocation.keys;
            chosen.get_untracked().and_then(|id| e.plan().allocation.key(id)).or(keys.first()).cloned()
        });
        let Some(mut key) = key else { return };
        let name = name.get_untracked().trim().to_owned();
        if name.is_empty() {
            return message.set(store.lang.get_untracked().command_error(&CommandError::EmptyName));
        }
        let id = VariantId(key.variants.iter().map(|v| v.id.0).max().unwrap_or(0) + 1);
        let values = key.variants.first().map(|v| v.values.clone()).unwrap_or_default();
        key.variants.push(KeyVariant { id, name, values });
        run(store, message, AllocationCommand::Update(Box::new(Entry::Key(key))).into());
    };
    view! {
        <fieldset class="allocation-form" data-form="key">
            <legend>{move || lang().keys_legend()}</legend>
            <label>
                {move || lang().name_label()} " "
                <input data-control="key-name" prop:value=name on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <label>
                {move || lang().unit_of_key()} " "
                <input data-control="key-unit" size="6" prop:value=unit on:input=move |ev| unit.set(event_target_value(&ev)) />
            </label>
            <button data-action="add-key" on:click=add_key>{move || lang().add_key()}</button>
            <label>
                {move || lang().variant_of()} " "
                <select data-control="key" on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok().map(KeyId))>
                    {options}
                </select>
            </label>
            <button data-action="add-variant" on:click=add_variant>{move || lang().add_variant()}</button>
            <p class="allocation-message" role="alert">{message}</p>
        </fieldset>
    }
}
