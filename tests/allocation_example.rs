//! The example's allocation, billing and re-settlement, against figures
//! computed by hand from the example data (src/model/example/allocation.rs)
//! and the April 2023 plan (domain.md's cost table, split over departments by
//! the example's weights: operations 10/8/7/40/15/15/5 %, development
//! 15/20/35/30 % for Ekonomi, HR, Kommunikation, Digital infrastruktur …).

use kalkyl::model::allocation::sheet::{self, Source};
use kalkyl::model::example::allocation::EMPLOYEES_WITHOUT_SEASONAL;
use kalkyl::model::example::april_2023;
use kalkyl::model::{Amount, CustomerId, Engine, PoolId, RuleId};

fn engine() -> Engine {
    Engine::new(april_2023()).unwrap()
}

fn kr(amounts: &[i64]) -> Vec<Amount> {
    amounts.iter().map(|kr| Amount::kronor(*kr)).collect()
}

fn ok(amounts: &[i64]) -> Vec<Result<Amount, kalkyl::model::AllocationError>> {
    kr(amounts).into_iter().map(Ok).collect()
}

/// Operations costs, full year, tkr: personnel + consultants + IT + other.
/// Budget 597 395 + 137 258 + 361 101 + 262 538 = 1 358 292;
/// forecast 540 354 + 139 305 + 371 402 + 293 182 = 1 344 243.
#[test]
fn pools_come_from_the_plan() {
    let engine = engine();
    let pool = |id| engine.allocation().pool(PoolId(id)).unwrap().clone();
    let amounts = |id| (pool(id).budget.unwrap(), pool(id).actual.unwrap());
    // Ekonomi, HR and Kommunikation: 10 + 8 + 7 = 25 % of operations.
    // 1 358 292 000 × 25 % = 339 573 000; 1 344 243 000 × 25 % = 336 060 750.
    assert_eq!(amounts(1), (Amount::kronor(339_573_000), Amount::kronor(336_060_750)));
    assert_eq!(pool(1).lines.len(), 12, "three departments × four operations categories");
    // Digital infrastruktur: 40 %: 543 316 800 and 537 697 200.
    assert_eq!(amounts(2), (Amount::kronor(543_316_800), Amount::kronor(537_697_200)));
    // Its development: 30 % of 91 510 000 and of the forecast 71 510 000.
    assert_eq!(amounts(3), (Amount::kronor(27_453_000), Amount::kronor(21_453_000)));
    // Uppdrag's consultants: 5 % of 137 258 000; Kund och service's IT: 15 % of 361 101 000.
    assert_eq!(amounts(4).0, Amount::kronor(6_862_900));
    assert_eq!(amounts(5).0, Amount::kronor(54_165_150));
}

#[test]
fn charges_follow_the_keys_to_the_krona() {
    let engine = engine();
    let sheet = sheet::charges(&engine);
    assert_eq!(sheet.rows.len(), 12, "the wound-up department is inactive and not charged");
    let column = |i: usize| sheet.rows.iter().map(|row| row.charges[i].clone()).collect::<Vec<_>>();
    // Bastjänster by employees: 339 573 000 / 40 000 = 8 489,325 kr each.
    // 1 200 → 10 187 190; 14 000 → 118 850 550; 6 500 → 55 180 612,5;
    // 11 000 → 93 382 575; 900 → 7 640 392,5; 800 → 6 791 460;
    // 700 → 5 942 527,5; 400 → 3 395 730; 2 100 → 17 827 582,5;
    // 1 300 → 11 036 122,5; 800 → 6 791 460; 300 → 2 546 797,5.
    // Six halves leave 3 kr: all remainders tie, so the first three in
    // customer order (Social, Stadsbyggnad, Idrott) get a krona each.
    assert_eq!(
        column(0),
        ok(&[
            10_187_190,
            118_850_550,
            55_180_613,
            93_382_575,
            7_640_393,
            6_791_460,
            5_942_528,
            3_395_730,
            17_827_582,
            11_036_122,
            6_791_460,
            2_546_797
        ])
    );
    // Digital infrastruktur by computers: 543 316 800 / 32 000 = 16 978,65
    // kr each, exact for every count (all multiples of 100).
    assert_eq!(column(1)[1], Ok(Amount::kronor(203_743_800)), "12 000 × 16 978,65");
    assert_eq!(column(1)[8], Ok(Amount::kronor(6_791_460)), "400 × 16 978,65");
    // Förändringsinsatser by share of use: 27 453 000 / 100 = 274 530 per %.
    assert_eq!(column(2)[6], Ok(Amount::kronor(686_325)), "2,5 % × 274 530");
    assert_eq!(column(2)[7], Ok(Amount::kronor(411_795)), "1,5 % × 274 530");
    for column in &sheet.columns[..3] {
        assert_eq!(column.difference, Some(Ok(Amount::ZERO)), "Σ = pool for {}", column.name);
    }
}

#[test]
fn prices_are_derived_from_their_pools_with_the_rounding_difference_shown() {
    let engine = engine();
    let sheet = sheet::charges(&engine);
    let price = |source| sheet.columns.iter().find(|column| column.source == source).unwrap();
    // Konsulttimmar: 6 862 900 / 6 000 h = 1 143,82 → 1 144 kr an hour;
    // billed 6 000 × 1 144 = 6 864 000, 1 100 kr over the pool.
    let hours = price(Source::Price(kalkyl::model::PriceId(1)));
    assert_eq!(engine.allocation().price(kalkyl::model::PriceId(1)).unwrap().price, Ok(Amount::kronor(1144)));
    assert_eq!(
        (hours.total.clone(), hours.difference.clone()),
        (Ok(Amount::kronor(6_864_000)), Some(Ok(Amount::kronor(1100))))
    );
    // Licenser: 54 165 150 / 21 500 = 2 519,31 → 2 520 kr (to ten kronor);
    // billed 21 500 × 2 520 = 54 180 000, 14 850 kr over.
    let licences = price(Source::Price(kalkyl::model::PriceId(2)));
    assert_eq!(licences.total, Ok(Amount::kronor(54_180_000)));
    assert_eq!(licences.difference, Some(Ok(Amount::kronor(14_850))));
    assert_eq!(sheet.rows[0].charges[4], Ok(Amount::kronor(3_528_000)), "1 400 licences × 2 520");
    // Everything billed: the three pools 339 573 000 + 543 316 800 + 27 453 000
    // and the price list 6 864 000 + 54 180 000 = 971 386 800.
    assert_eq!(sheet.total, Ok(Amount::kronor(971_386_800)));
}

#[test]
fn monthly_billing_is_a_twelfth_in_whole_kronor() {
    let engine = engine();
    let billing = sheet::billing(&engine);
    let park = &billing.rows[8];
    assert_eq!(park.customer.name, "Stadens Nöjespark AB");
    // 17 827 582 + 6 791 460 + 1 647 180 (6 %) + 343 200 (300 h) + 1 260 000 (500 licences).
    assert_eq!(park.year, Ok(Amount::kronor(27_869_422)));
    // 27 869 422 / 12 = 2 322 451,83: twelve × 2 322 451 leaves 10 kr for
    // January–October.
    let months = park.months.clone().unwrap();
    assert_eq!(months[..10], kr(&[2_322_452; 10])[..]);
    assert_eq!(months[10..], kr(&[2_322_451; 2])[..]);
    assert_eq!(billing.year, Ok(Amount::kronor(971_386_800)));
}

#[test]
fn the_forecast_surplus_is_paid_back_in_proportion_to_what_was_billed() {
    let engine = engine();
    let settlement = sheet::settlement(&engine);
    let surplus: Vec<_> = settlement.services.iter().map(|s| s.surplus.clone()).collect();
    // 339 573 000 − 336 060 750; 543 316 800 − 537 697 200; 27 453 000 − 21 453 000.
    assert_eq!(surplus, ok(&[3_512_250, 5_619_600, 6_000_000]));
    let rule = |id| engine.allocation().rule(RuleId(id)).unwrap().settlement.clone().unwrap();
    // Bastjänster: 3 512 250 in proportion to the charges, that is
    // 3 512 250 / 40 000 = 87,80625 kr an employee, ± 1,0343 % of the half
    // krona by which a charge was rounded (3 512 250 / 339 573 000):
    // 105 367,5; 1 229 287,5; 570 740,630; 965 868,75; 79 025,630; 70 245;
    // 61 464,380; 35 122,5; 184 393,120; 114 148,120; 70 245; 26 341,870.
    // The remainders sum to 5 kr: to Parkering (,87), Äldre (,75), Social and
    // Stadsbyggnad (,63, a tie in customer order) and Stadsledning (the
    // first ,5).
    assert_eq!(
        rule(1),
        kr(&[105_368, 1_229_287, 570_741, 965_869, 79_026, 70_245, 61_464, 35_122, 184_393, 114_148, 70_245, 26_342])
    );
    // Digital infrastruktur: 5 619 600 / 32 000 = 175,6125 a computer:
    // 263 418,75; 2 107 350; 878 062,5; 1 053 675; 193 173,75; 158 051,25;
    // 105 367,5; 87 806,25; 70 245; 316 102,5; 263 418,75; 122 928,75.
    // 5 kr left: the four ,75 (Stadsledning, Stadsbyggnad, Hamn, Parkering),
    // then the first ,5 (Social).
    assert_eq!(
        rule(2),
        kr(&[
            263_419, 2_107_350, 878_063, 1_053_675, 193_174, 158_051, 105_367, 87_806, 70_245, 316_102, 263_419,
            122_929
        ])
    );
    // Förändringsinsatser: 6 000 000 × share of use: 60 000 per %.
    assert_eq!(rule(3)[1], Amount::kronor(1_800_000), "30 %");
    let park = &settlement.rows[8];
    // Billed 17 827 582 + 6 791 460 + 1 647 180 = 26 266 222 for the allocated
    // services; back 184 393 + 70 245 + 360 000 = 614 638.
    assert_eq!(
        (park.billed.clone(), park.back.clone(), park.actual.clone()),
        (Ok(Amount::kronor(26_266_222)), Ok(Amount::kronor(614_638)), Ok(Amount::kronor(25_651_584)))
    );
    assert_eq!(settlement.back, Ok(Amount::kronor(15_131_850)), "3 512 250 + 5 619 600 + 6 000 000");
}

#[test]
fn the_result_before_and_after_re_settlement() {
    let engine = engine();
    let result = sheet::settlement(&engine).result;
    let row = |name: &str| result.iter().find(|row| row.name == name).unwrap().clone();
    // The report forecasts a zero result for every department; paying back
    // what the allocated lines came in under budget: operations 1 358 292 −
    // 1 344 243 = 14 049 tkr, of which Ekonomi has 10 %: 1 404 900.
    let ekonomi = row("Gemensamma tjänster – Ekonomi");
    assert_eq!(
        (ekonomi.before, ekonomi.to_customers, ekonomi.after),
        (Ok(Amount::ZERO), Ok(Amount::kronor(-1_404_900)), Ok(Amount::kronor(-1_404_900)))
    );
    // Digital infrastruktur: 40 % of 14 049 000 and its development surplus: 5 619 600 + 6 000 000.
    assert_eq!(row("Digital infrastruktur").to_customers, Ok(Amount::kronor(-11_619_600)));
    assert_eq!(row("Avdelningen Uppdrag").to_customers, Ok(Amount::ZERO), "the price list is not re-settled");
    let plan = result.last().unwrap();
    assert_eq!((plan.department, plan.to_customers.clone()), (None, Ok(Amount::kronor(-15_131_850))));
}

#[test]
fn excluding_seasonal_employees_moves_the_amusement_park_the_most() {
    let engine = engine();
    let rule = &engine.plan().allocation.rules[0];
    let comparison = sheet::compare_keys(&engine, rule.id, rule.key, EMPLOYEES_WITHOUT_SEASONAL).unwrap();
    // Without seasonal staff the key totals 38 350: 339 573 000 / 38 350 =
    // 8 854,576 kr an employee. The park: 600 × 8 854,576 = 5 312 745,76,
    // rounded up (,76 is among the seven largest of the remainders that sum
    // to 7 kr), against 17 827 582: 12 514 836 kr less, −70,2 %.
    let first = &comparison.rows[0];
    assert_eq!(first.customer.id, CustomerId(9));
    assert_eq!(
        (first.a, first.b, first.difference),
        (Amount::kronor(17_827_582), Amount::kronor(5_312_746), Amount::kronor(-12_514_836))
    );
    assert_eq!(first.percent.unwrap().round_dp(1).to_string(), "-70.2");
    // Everyone else pays a little more: Utbildning 14 000 × 8 854,576 =
    // 123 964 067,80 → 123 964 068, 5 113 518 more; it comes second.
    assert_eq!(
        (comparison.rows[1].customer.id, comparison.rows[1].difference),
        (CustomerId(2), Amount::kronor(5_113_518))
    );
    assert_eq!((comparison.total_a, comparison.total_b), (Amount::kronor(339_573_000), Amount::kronor(339_573_000)));
}

#[test]
fn a_drill_shows_the_key_value_and_the_share() {
    let engine = engine();
    let detail = sheet::charge_detail(&engine, RuleId(1), CustomerId(3)).unwrap();
    // Socialförvaltningen: 6 500 of 40 000 = 16,25 % of 339 573 000 = 55 180 612,5 → 55 180 613.
    assert_eq!(detail.value.to_string(), "6500");
    assert_eq!(detail.total.to_string(), "40000");
    assert_eq!(detail.share.to_string(), "0.1625");
    assert_eq!(detail.exact.to_string(), "55180612.5");
    assert_eq!(detail.charge, Amount::kronor(55_180_613));
}
