//! The rule and the two key variants the key comparison shows.

use leptos::prelude::*;

use super::comparison_sheet::variants;
use super::{AllocationPage, Comparison};
use crate::model::allocation::{KeyChoice, RuleId};
use crate::ui::sheet::View;
use crate::ui::store::use_store;

/// A key variant as an option's value: "key-variant".
fn value(choice: KeyChoice) -> String {
    format!("{}-{}", choice.key.0, choice.variant.0)
}

fn parse(text: &str) -> Option<KeyChoice> {
    let (key, variant) = text.split_once('-')?;
    Some(KeyChoice {
        key: crate::model::allocation::KeyId(key.parse().ok()?),
        variant: crate::model::allocation::VariantId(variant.parse().ok()?),
    })
}

/// Three lists: the rule, variant A and variant B.
#[component]
pub fn ComparisonPicker(pick: Comparison) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let resolved = store.peek(|e| pick.resolve(e.plan()));
    let show = move |pick: Comparison| store.view.set(View::Allocation(AllocationPage::Comparison(pick)));
    let (rules, choices) = store.peek(|e| {
        let plan = e.plan();
        let rules: Vec<(RuleId, String)> = plan.allocation.rules.iter().map(|r| (r.id, r.name.clone())).collect();
        let choices: Vec<(KeyChoice, String)> =
            variants(plan).into_iter().map(|c| (c, plan.allocation.choice_name(c))).collect();
        (rules, choices)
    });
    let rule_options = rules.into_iter().map(|(id, name)| {
        let selected = resolved.is_some_and(|(rule, ..)| rule == id);
        view! { <option value=id.0.to_string() selected=selected>{name}</option> }
    });
    let variant_options = move |current: Option<KeyChoice>| {
        choices
            .clone()
            .into_iter()
            .map(move |(choice, name)| {
                view! { <option value=value(choice) selected=current == Some(choice)>{name}</option> }
            })
            .collect_view()
    };
    let on_rule =
        move |ev| show(Comparison { rule: event_target_value(&ev).parse().ok().map(RuleId), a: None, b: None });
    let on_a = move |ev| show(Comparison { a: parse(&event_target_value(&ev)), ..pick });
    let on_b = move |ev| show(Comparison { b: parse(&event_target_value(&ev)), ..pick });
    view! {
        <fieldset class="allocation-form" data-form="comparison">
            <legend>{move || lang().page_name(AllocationPage::Comparison(pick))}</legend>
            <label>{move || lang().rule_label()} " " <select data-control="rule" on:change=on_rule>{rule_options.collect_view()}</select></label>
            <label>"A " <select data-control="variant-a" on:change=on_a>{variant_options(resolved.map(|p| p.1))}</select></label>
            <label>"B " <select data-control="variant-b" on:change=on_b>{variant_options(resolved.map(|p| p.2))}</select></label>
        </fieldset>
    }
}
