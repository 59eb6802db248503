//! What an indicator is, in a form: name, perspective, unit, periodicity,
//! direction, decimals, formula and its own status rule. Each change is
//! one undoable command.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::rule_editor::RuleEditor;
use crate::model::indicator::{Definition, Direction, IndicatorEdit, IndicatorUnit, Periodicity, StatusRule};
use crate::model::number::{parse_number, plain};
use crate::model::structure::ItemId;
use crate::model::{Command, Indicator, IndicatorId};
use crate::ui::store::use_store;

/// The units the form offers, by key.
const UNITS: [(&str, &str, &str); 4] =
    [("percent", "%", "%"), ("count", "antal", "count"), ("index", "index", "index"), ("kronor", "kr", "kr")];

fn unit_key(unit: &IndicatorUnit) -> &str {
    match unit {
        IndicatorUnit::Percent => "percent",
        IndicatorUnit::Count => "count",
        IndicatorUnit::Index => "index",
        IndicatorUnit::Kronor => "kronor",
        IndicatorUnit::Other(text) => text,
    }
}

fn unit_of(key: &str) -> IndicatorUnit {
    match key {
        "percent" => IndicatorUnit::Percent,
        "count" => IndicatorUnit::Count,
        "index" => IndicatorUnit::Index,
        "kronor" => IndicatorUnit::Kronor,
        other => IndicatorUnit::Other(other.into()),
    }
}

fn direction_key(direction: &Direction) -> &'static str {
    match direction {
        Direction::HigherIsBetter => "higher",
        Direction::LowerIsBetter => "lower",
        Direction::Band { .. } => "band",
    }
}

/// The form of indicator `id`; refusals go to `message`.
#[component]
pub fn DefinitionEditor(id: IndicatorId, message: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let indicator = Memo::new(move |_| store.read(|engine| engine.plan().indicator(id).cloned()));
    let get = move || indicator.get();
    let run = move |command: Command| message.set(store.execute(command).err().map(|e| lang().command_error(&e)));
    let define = move |change: &dyn Fn(&mut Definition)| {
        let Some(current) = indicator.get_untracked() else { return };
        let mut definition = current.definition.clone();
        change(&mut definition);
        run(Command::Indicator(IndicatorEdit::Define {
            indicator: id,
            definition: Box::new(definition),
            values: None,
        }));
    };
    let number =
        move |text: String| parse_number(&text).map_err(|e| message.set(Some(lang().amount_error(e, &text)))).ok();
    let field = move |f: fn(&Indicator) -> String| move || get().map(|i| f(&i)).unwrap_or_default();

    let perspectives = move || {
        store
            .read(|engine| engine.plan().perspectives.clone())
            .into_iter()
            .map(|p| {
                let selected = get().is_some_and(|i| i.definition.perspective == p.id);
                view! { <option value=p.id.0.to_string() selected=selected>{p.name}</option> }
            })
            .collect_view()
    };
    let units = move || {
        let current = get().map(|i| i.definition.unit).unwrap_or(IndicatorUnit::Count);
        let mut options: Vec<(String, String)> =
            UNITS.iter().map(|(k, sv, en)| (k.to_string(), lang().pick(sv, en).to_string())).collect();
        if let IndicatorUnit::Other(text) = &current {
            options.push((text.clone(), text.clone()));
        }
        let key = unit_key(&current).to_owned();
        options
            .into_iter()
            .map(|(k, label)| view! { <option value=k.clone() selected=k == key>{label}</option> })
            .collect_view()
    };
    let periodicities = move || {
        Periodicity::ALL.map(|p| {
            let selected = get().is_some_and(|i| i.definition.periodicity == p);
            view! { <option value=p.periods().to_string() selected=selected>{lang().periodicity_name(p)}</option> }
        })
    };
    let directions = move || {
        let current = get().map_or("higher", |i| direction_key(&i.definition.direction));
        [
            ("higher", "högre är bättre", "higher is better"),
            ("lower", "lägre är bättre", "lower is better"),
            ("band", "målintervall", "target band"),
        ]
        .map(|(k, sv, en)| view! { <option value=k selected=current == k>{lang().pick(sv, en)}</option> })
    };
    let set_band = move |low: Option<Decimal>, high: Option<Decimal>| {
        if let (Some(low), Some(high)) = (low, high) {
            define(&|d| d.direction = Direction::Band { low, high });
        }
    };
    let band = move || match get().map(|i| i.definition.direction) {
        Some(Direction::Band { low, high }) => Some(view! {
            <label>{move || lang().pick("Från", "From")} " "
                <input type="text" size="6" data-control="band-low" prop:value=plain(low)
                    on:change=move |ev| set_band(number(event_target_value(&ev)), Some(high)) />
            </label>
            <label>{move || lang().pick("till", "to")} " "
                <input type="text" size="6" data-control="band-high" prop:value=plain(high)
                    on:change=move |ev| set_band(Some(low), number(event_target_value(&ev))) />
            </label>
        }),
        _ => None,
    };
    let on_direction = move |ev| {
        let direction = match event_target_value(&ev).as_str() {
            "lower" => Direction::LowerIsBetter,
            "band" => {
                let target = get().and_then(|i| i.values.annual_target).unwrap_or(Decimal::ZERO);
                Direction::Band { low: target, high: target }
            }
            _ => Direction::HigherIsBetter,
        };
        define(&|d| d.direction = direction.clone());
    };
    let on_formula = move |ev| {
        let text = event_target_value(&ev);
        let formula = Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        let checked = match &formula {
            Some(text) => store.peek(|e| e.indicators().check(e.plan(), e.line_calc(), id, text)),
            None => Ok(()),
        };
        match checked {
            Ok(()) => run(Command::Indicator(IndicatorEdit::SetFormula { indicator: id, formula })),
            Err(error) => message.set(Some(lang().formula_error(&error))),
        }
    };
    let on_decimals = move |ev| match event_target_value(&ev).parse::<u32>() {
        Ok(decimals) => define(&|d| d.decimals = decimals),
        Err(_) => message.set(Some(lang().pick("Decimaler: ett heltal 0–6.", "Decimals: a whole number 0–6.").into())),
    };
    let own_rule = Memo::new(move |_| get().and_then(|i| i.definition.rule));
    let default_rule = move || store.read(|engine| engine.plan().status_rule.clone());
    let on_own = move |ev| {
        let own = event_target_checked(&ev);
        define(&|d| d.rule = own.then(default_rule));
    };
    let rule = Signal::derive(move || own_rule.get().unwrap_or_default());
    let set_rule = Callback::new(move |rule: StatusRule| define(&|d| d.rule = Some(rule.clone())));
    view! {
        <fieldset class="definition">
            <legend>{move || lang().pick("Definition", "Definition")}</legend>
            <label>{move || lang().pick("Namn", "Name")} " "
                <input type="text" data-control="indicator-name" prop:value=field(|i| i.name.clone())
                    on:change=move |ev| run(Command::Rename { item: ItemId::Indicator(id), name: event_target_value(&ev) }) />
            </label>
            <label>{move || lang().pick("Perspektiv", "Perspective")} " "
                <select data-control="perspective" on:change=move |ev| {
                    if let Ok(p) = event_target_value(&ev).parse::<u32>() { define(&|d| d.perspective = crate::model::plan::PerspectiveId(p)) }
                }>{perspectives}</select>
            </label>
            <label>{move || lang().pick("Enhet", "Unit")} " "
                <select data-control="unit" on:change=move |ev| { let unit = unit_of(&event_target_value(&ev)); define(&|d| d.unit = unit.clone()) }>{units}</select>
            </label>
            <label>{move || lang().pick("Periodicitet", "Periodicity")} " "
                <select data-control="periodicity" on:change=move |ev| {
                    let periods = event_target_value(&ev).parse::<usize>().unwrap_or(1);
                    if let Some(p) = Periodicity::ALL.into_iter().find(|p| p.periods() == periods) { define(&|d| d.periodicity = p) }
                }>{periodicities}</select>
            </label>
            <label>{move || lang().pick("Riktning", "Direction")} " "
                <select data-control="direction" on:change=on_direction>{directions}</select>
            </label>
            {band}
            <label>{move || lang().pick("Decimaler", "Decimals")} " "
                <input type="number" min="0" max="6" data-control="decimals" prop:value=field(|i| i.definition.decimals.to_string())
                    on:change=on_decimals />
            </label>
            <label class="formula">{move || lang().pick("Formel (tom: inskrivna värden)", "Formula (empty: typed values)")} " "
                <input type="text" data-control="indicator-formula" prop:value=field(|i| i.formula.clone().unwrap_or_default()) on:change=on_formula />
            </label>
            <label class="own-rule">
                <input type="checkbox" data-control="own-rule" prop:checked=move || own_rule.get().is_some() on:change=on_own />
                " " {move || lang().pick("Egen statusregel (annars planens)", "Own status rule (otherwise the plan's)")}
            </label>
            <Show when=move || own_rule.get().is_some()>
                <RuleEditor key="own-rule" rule set=set_rule message />
            </Show>
        </fieldset>
    }
}
