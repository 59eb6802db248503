//! Prislista: the services billed by volume. Each price is typed, or derived
//! as the pool's budget ÷ the total volume rounded as chosen; what the price
//! bills, against the pool, shows the rounding difference.

use super::key_sheet::{chosen, number};
use super::page::{Page, Paged};
use super::{column, failed, figure, row};
use crate::model::allocation::calc::{positive_total, weights};
use crate::model::allocation::sheet::{Source, charges};
use crate::model::allocation::{AllocationCommand, Entry as Setup, Price, PriceBasis, PriceId, Refusal};
use crate::model::number::{parse_amount, plain};
use crate::model::spread::Rounding;
use crate::model::{Amount, Engine, Plan, Unit};
use crate::ui::grid::{Access, At, Content, Editor, Entry, Fmt, Shown, Style};
use crate::ui::i18n::Lang;

/// The columns, in order.
const VOLUME: usize = 0;
const TOTAL_VOLUME: usize = 1;
const POOL: usize = 2;
const BASIS: usize = 3;
const PRICE: usize = 4;
const BILLED: usize = 5;
const DIFFERENCE: usize = 6;

/// The cells of the price list: a row a price.
pub struct PricePage {
    prices: Vec<PriceId>,
}

/// The price list of `plan`, laid out in `lang`.
pub fn new(plan: &Plan, lang: Lang) -> Paged<PricePage> {
    let keys = ["volume", "total-volume", "pool", "basis", "price", "billed", "difference"];
    let columns = keys
        .iter()
        .enumerate()
        .map(|(i, key)| column(*key, lang.price_column(i), if i == VOLUME || i == BASIS { 200 } else { 130 }));
    let prices = &plan.allocation.prices;
    let rows = prices.iter().map(|p| row(format!("price-{}", p.id.0), &p.name, Style::Line, None)).collect();
    let page = PricePage { prices: prices.iter().map(|p| p.id).collect() };
    Paged { label: column("service", lang.service_header(), 220), columns: columns.collect(), rows, page }
}

/// How a price is set, as the list of the basis column shows it: typed,
/// then derived with each rounding.
fn bases(lang: Lang) -> Vec<String> {
    let derived = Rounding::ALL.map(|rounding| lang.derived_price(rounding));
    std::iter::once(lang.typed_price().to_owned()).chain(derived).collect()
}

fn basis_index(basis: &PriceBasis) -> usize {
    match basis {
        PriceBasis::Typed { .. } => 0,
        PriceBasis::Derived { rounding } => 1 + Rounding::ALL.iter().position(|r| r == rounding).unwrap_or(0),
    }
}

/// The price with another basis, as an edit.
fn update(price: &Price, basis: PriceBasis) -> Entry {
    let price = Price { price: basis, ..price.clone() };
    Entry { command: AllocationCommand::Update(Box::new(Setup::Price(price))).into(), note: None }
}

impl PricePage {
    fn price<'a>(&self, plan: &'a Plan, row: usize) -> Option<&'a Price> {
        plan.allocation.price(*self.prices.get(row)?)
    }
}

impl Page for PricePage {
    fn show(&self, engine: &Engine, at: At, fmt: Fmt) -> Shown {
        let plan = engine.plan();
        let lang = fmt.lang;
        let Some(price) = self.price(plan, at.row) else { return Shown::computed(Content::Empty) };
        let figures = engine.allocation();
        let column = || charges(engine).columns.into_iter().find(|c| c.source == Source::Price(price.id));
        let empty = || Shown::computed(Content::Empty);
        match at.col {
            VOLUME => Shown::computed(Content::Text(plan.allocation.choice_name(price.volume))),
            TOTAL_VOLUME => {
                match weights(plan, price.volume, figures.customers()).and_then(|w| positive_total(&w, price.volume)) {
                    Ok(total) => Shown::computed(number(total)),
                    Err(error) => failed(plan, &error, lang),
                }
            }
            POOL => price.pool.map_or_else(empty, |pool| figure(plan, &figures.pool_budget(pool), lang)),
            BASIS => Shown {
                access: Access::Choice,
                ..Shown::computed(Content::Text(bases(lang)[basis_index(&price.price)].clone()))
            },
            PRICE => match figures.price(price.id).map(|f| f.price.clone()) {
                Some(Ok(amount)) => Shown {
                    access: Access::Typed,
                    ..Shown::computed(Content::Number { value: amount.decimal(), decimals: 2 })
                },
                Some(Err(error)) => Shown { access: Access::Typed, ..failed(plan, &error, lang) },
                None => empty(),
            },
            BILLED => column().map_or_else(empty, |c| figure(plan, &c.total, lang)),
            DIFFERENCE => column().and_then(|c| c.difference).map_or_else(empty, |d| figure(plan, &d, lang)),
            _ => empty(),
        }
    }

    fn edit(&self, engine: &Engine, at: At, fmt: Fmt) -> Result<Editor, String> {
        let plan = engine.plan();
        match (self.price(plan, at.row), at.col) {
            (Some(price), BASIS) => {
                Ok(Editor::Choice { options: bases(fmt.lang), current: Some(basis_index(&price.price)) })
            }
            (Some(price), PRICE) => {
                let current = engine.allocation().price(price.id).and_then(|f| f.price.clone().ok());
                Ok(Editor::Text {
                    text: current.map(|a| plain(a.decimal())).unwrap_or_default(),
                    hint: Some(fmt.lang.price_hint().into()),
                })
            }
            _ => Err(fmt.lang.computed_cell().into()),
        }
    }

    fn enter(&self, engine: &Engine, at: At, text: &str, fmt: Fmt) -> Result<Entry, String> {
        let plan = engine.plan();
        let lang = fmt.lang;
        match (self.price(plan, at.row), at.col) {
            (Some(price), BASIS) => match chosen(text, &bases(lang), lang)? {
                0 => {
                    let current = engine.allocation().price(price.id).and_then(|f| f.price.clone().ok());
                    Ok(update(price, PriceBasis::Typed { amount: current.unwrap_or(Amount::ZERO) }))
                }
                i => Ok(update(price, PriceBasis::Derived { rounding: Rounding::ALL[i - 1] })),
            },
            (Some(price), PRICE) => {
                let amount = parse_amount(text, Unit::Kr).map_err(|error| lang.amount_error(error, text))?;
                if amount.decimal().is_sign_negative() && !amount.is_zero() {
                    return Err(lang.refusal(&Refusal::NegativePrice));
                }
                Ok(update(price, PriceBasis::Typed { amount }))
            }
            _ => Err(lang.computed_cell().into()),
        }
    }
}
