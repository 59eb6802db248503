//! A status rule in a form: what it compares with, the yellow margin and
//! how the status is drawn.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::model::indicator::{Basis, Reference, StatusRule, Symbols, Tolerance};
use crate::model::number::{parse_number, plain};
use crate::ui::store::use_store;

/// The kinds of rule the form offers, by key.
const KINDS: [&str; 4] = ["target-percent", "target-share", "change-previous", "change-last-year"];
const SYMBOLS: [(Symbols, &str); 3] =
    [(Symbols::TrafficLights, "lights"), (Symbols::Arrows, "arrows"), (Symbols::Smileys, "smileys")];

/// The form's key of a rule's kind, and its margin in percent.
pub fn kind_and_margin(rule: &StatusRule) -> (&'static str, Decimal) {
    match rule.basis {
        Basis::Target { yellow: Tolerance::Percent(p) } => (KINDS[0], p),
        Basis::Target { yellow: Tolerance::ShareOfTarget(p) } => (KINDS[1], p),
        Basis::Change { against: Reference::PreviousPeriod, unchanged_within } => (KINDS[2], unchanged_within),
        Basis::Change { against: Reference::LastYear, unchanged_within } => (KINDS[3], unchanged_within),
    }
}

/// `rule` with the kind `kind` and margin `margin` (80 % for a share of the
/// target when switching to it).
pub fn with_basis(rule: &StatusRule, kind: &str, margin: Decimal) -> StatusRule {
    let basis = match kind {
        "target-share" => Basis::Target { yellow: Tolerance::ShareOfTarget(margin) },
        "change-previous" => Basis::Change { against: Reference::PreviousPeriod, unchanged_within: margin },
        "change-last-year" => Basis::Change { against: Reference::LastYear, unchanged_within: margin },
        _ => Basis::Target { yellow: Tolerance::Percent(margin) },
    };
    StatusRule { basis, symbols: rule.symbols }
}

/// A form for `rule`, named `key` (its controls are `data-control="{key}-…"`);
/// each change is handed to `set` as a whole rule, and a bad margin to `message`.
#[component]
pub fn RuleEditor(
    key: &'static str,
    rule: Signal<StatusRule>,
    set: Callback<StatusRule>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let kind = move || kind_and_margin(&rule.get()).0;
    let kinds = move || {
        KINDS.map(|k| view! { <option value=k selected=move || kind() == k>{move || lang().rule_kind(k)}</option> })
    };
    let symbols = move || {
        SYMBOLS.map(|(s, k)| {
            view! { <option value=k selected=move || rule.get().symbols == s>{move || lang().symbols_name(s)}</option> }
        })
    };
    let on_kind = move |ev| {
        let chosen = event_target_value(&ev);
        let current = rule.get_untracked();
        let margin = if chosen == "target-share" { Decimal::from(80) } else { Decimal::from(5) };
        set.run(with_basis(&current, &chosen, margin));
    };
    let on_margin = move |ev| {
        let text = event_target_value(&ev);
        let current = rule.get_untracked();
        match parse_number(&text) {
            Ok(margin) => set.run(with_basis(&current, kind_and_margin(&current).0, margin)),
            Err(error) => message.set(Some(lang().amount_error(error, &text))),
        }
    };
    let on_symbols = move |ev| {
        let chosen = event_target_value(&ev);
        if let Some((symbols, _)) = SYMBOLS.iter().find(|(_, k)| *k == chosen) {
            set.run(StatusRule { symbols: *symbols, ..rule.get_untracked() });
        }
    };
    view! {
        <div class="rule-editor" data-rule=key>
            <label>{move || lang().rule_basis_label()} " "
                <select data-control=format!("{key}-basis") on:change=on_kind>{kinds}</select>
            </label>
            <label>{move || lang().margin_label(kind())} " "
                <input type="text" inputmode="decimal" size="6" data-control=format!("{key}-margin")
                    prop:value=move || plain(kind_and_margin(&rule.get()).1) on:change=on_margin />
            </label>
            <label>{move || lang().symbols_label()} " "
                <select data-control=format!("{key}-symbols") on:change=on_symbols>{symbols}</select>
            </label>
        </div>
    }
}
