//! The plan library in browser storage, in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use gloo_storage::{LocalStorage, Storage};
use kalkyl::model::example::april_2023;
use kalkyl::model::{Amount, Command, Engine, LineId, Plan, Series};
use kalkyl::storage::{self, Backup, StorageFailure};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn edited(kronor: i64) -> Plan {
    let mut engine = Engine::new(april_2023()).unwrap();
    engine.execute(Command::fill_year(LineId(2), Series::Budget, Amount::kronor(kronor))).unwrap();
    engine.plan().clone()
}

fn save(id: &str, plan: &Plan, known: u64) -> Result<u64, StorageFailure> {
    storage::save(id, plan, known, "2026-11-23 10:00", "2026-11-23")
}

#[wasm_bindgen_test]
fn each_save_is_a_new_generation_and_three_are_kept() {
    LocalStorage::clear();
    for revision in 0..5 {
        assert_eq!(save("a", &edited(revision as i64 * 1000), revision), Ok(revision + 1));
    }
    let (engine, revision) = storage::load("a").unwrap();
    assert_eq!((engine.plan(), revision), (&edited(4000), 5));
    let backups = storage::backups("a");
    assert_eq!(
        backups,
        vec![Backup::Generation(5), Backup::Generation(4), Backup::Generation(3), Backup::Day("2026-11-23".into())]
    );
    assert_eq!(storage::read_backup("a", &Backup::Generation(3)).unwrap(), edited(2000));
    assert_eq!(
        storage::read_backup("a", &Backup::Day("2026-11-23".into())).unwrap(),
        edited(0),
        "the day's first save"
    );
    assert!(LocalStorage::raw().get_item("kalkyl.plan.a.r2").unwrap().is_none(), "older generations are removed");
}

#[wasm_bindgen_test]
fn a_save_from_a_stale_revision_is_a_conflict_and_writes_nothing() {
    LocalStorage::clear();
    save("a", &edited(1000), 0).unwrap();
    // A second tab opened the plan at revision 0 too and saves later.
    assert_eq!(save("a", &edited(2000), 0), Err(StorageFailure::Conflict { stored: 1 }));
    assert_eq!(storage::load("a").unwrap().0.plan(), &edited(1000));
}

/// Fills local storage to the last few bytes; returns the keys it used.
fn fill_storage() -> Vec<String> {
    let raw = LocalStorage::raw();
    let mut keys = Vec::new();
    for size in [1 << 20, 1 << 16, 1 << 12, 1 << 8, 1] {
        let filler = "x".repeat(size);
        loop {
            let key = format!("filler-{}", keys.len());
            if raw.set_item(&key, &filler).is_err() {
                break;
            }
            keys.push(key);
        }
    }
    keys
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_and_keeps_the_last_saved_generation() {
    LocalStorage::clear();
    let mut small = april_2023();
    small.lines.truncate(1);
    save("a", &small, 0).unwrap();
    let fillers = fill_storage();
    assert!(!fillers.is_empty(), "storage was filled");

    assert_eq!(save("a", &edited(5000), 1), Err(StorageFailure::Full));
    let (engine, revision) = storage::load("a").unwrap();
    assert_eq!((engine.plan(), revision), (&small, 1), "the last saved generation is intact");

    for key in fillers {
        LocalStorage::delete(key);
    }
    assert_eq!(save("a", &edited(5000), 1), Ok(2));
}

#[wasm_bindgen_test]
fn an_unreadable_generation_is_reported_and_left_as_it_is() {
    LocalStorage::clear();
    save("a", &edited(1000), 0).unwrap();
    LocalStorage::raw().set_item("kalkyl.plan.a.r1", "{\"format\":\"kalkyl\"").unwrap();
    assert!(matches!(storage::load("a").map(|_| ()), Err(StorageFailure::Unreadable(_))));
    assert_eq!(LocalStorage::raw().get_item("kalkyl.plan.a.r1").unwrap().as_deref(), Some("{\"format\":\"kalkyl\""));
    assert_eq!(
        storage::read_backup("a", &Backup::Day("2026-11-23".into())).unwrap(),
        edited(1000),
        "the daily backup still opens"
    );
}

#[wasm_bindgen_test]
fn a_deleted_plan_leaves_nothing_behind() {
    LocalStorage::clear();
    save("a", &edited(1000), 0).unwrap();
    save("b", &edited(2000), 0).unwrap();
    storage::delete("a").unwrap();
    let index = storage::index().unwrap();
    assert_eq!(index.plans.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["b"]);
    assert_eq!(LocalStorage::raw().length().unwrap(), 3, "the index and b's generation and backup");
}

#[wasm_bindgen_test]
fn a_full_storage_gives_up_old_daily_backups_before_a_save() {
    LocalStorage::clear();
    storage::save("a", &edited(1000), 0, "2026-11-20 10:00", "2026-11-20").unwrap();
    storage::save("a", &edited(2000), 1, "2026-11-21 10:00", "2026-11-21").unwrap();
    let fillers = fill_storage();
    // The new generation fits once the oldest day's backup is gone.
    let mut bigger = edited(3000);
    bigger.name = "x".repeat(2_000);
    assert_eq!(storage::save("a", &bigger, 2, "2026-11-22 10:00", "2026-11-22"), Ok(3));
    let days = storage::index().unwrap().entry("a").unwrap().days.clone();
    assert!(!days.contains(&"2026-11-20".to_owned()), "{days:?}");
    assert_eq!(storage::load("a").unwrap().0.plan(), &bigger);
    for key in fillers {
        LocalStorage::delete(key);
    }
}
