//! Plans in browser storage, in headless Chromium (wasm-bindgen-test): the
//! library in local storage, backups in IndexedDB.
#![cfg(target_arch = "wasm32")]

use gloo_storage::{LocalStorage, Storage};
use kalkyl::model::example::april_2023;
use kalkyl::model::{Amount, Command, Engine, LineId, Plan, Series};
use kalkyl::storage::{self, Backup, StorageFailure};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn edited(kronor: i64) -> Plan {
    let mut engine = Engine::new(april_2023()).unwrap();
    let (fill, _) = Command::fill_year(engine.plan(), LineId(2), Series::Budget, Amount::kronor(kronor)).unwrap();
    engine.execute(fill).unwrap();
    engine.plan().clone()
}

fn save(id: &str, plan: &Plan, known: u64) -> Result<u64, StorageFailure> {
    storage::save(id, plan, known, "2026-11-23 10:00").map(|saved| saved.revision)
}

/// Saves and backs up, on `day`.
async fn keep(id: &str, plan: &Plan, known: u64, day: &str) -> u64 {
    let saved = storage::save(id, plan, known, "10:00").unwrap();
    storage::back_up(id, &saved, day).await.unwrap();
    saved.revision
}

#[wasm_bindgen_test]
async fn saves_keep_the_current_generation_and_back_up_three_and_a_day() {
    LocalStorage::clear();
    for revision in 0..5 {
        let day = if revision < 3 { "2026-11-22" } else { "2026-11-23" };
        assert_eq!(keep("gen", &edited(revision as i64 * 1000), revision, day).await, revision + 1);
    }
    let (engine, revision) = storage::load("gen").unwrap();
    assert_eq!((engine.plan(), revision), (&edited(4000), 5));
    let local: Vec<String> =
        (0..LocalStorage::raw().length().unwrap()).filter_map(|i| LocalStorage::raw().key(i).ok().flatten()).collect();
    assert!(
        local.contains(&"kalkyl.plan.gen.r5".to_owned()) && !local.contains(&"kalkyl.plan.gen.r4".to_owned()),
        "{local:?}"
    );
    let backups = storage::backups("gen");
    assert_eq!(backups[..3], [Backup::Generation(5), Backup::Generation(4), Backup::Generation(3)]);
    assert_eq!(backups[3..], [Backup::Day("2026-11-23".into()), Backup::Day("2026-11-22".into())]);
    assert_eq!(storage::read_backup("gen", &Backup::Generation(3)).await.unwrap(), edited(2000));
    assert_eq!(
        storage::read_backup("gen", &Backup::Day("2026-11-22".into())).await.unwrap(),
        edited(0),
        "the day's first save"
    );
    assert_eq!(storage::read_backup("gen", &Backup::Day("2026-11-23".into())).await.unwrap(), edited(3000));
    assert!(storage::read_backup("gen", &Backup::Generation(2)).await.is_err(), "older generations are dropped");
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
    small.allocation = Default::default();
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
async fn an_unreadable_generation_is_reported_and_left_as_it_is() {
    LocalStorage::clear();
    keep("bad", &edited(1000), 0, "2026-11-23").await;
    LocalStorage::raw().set_item("kalkyl.plan.bad.r1", "{\"format\":\"kalkyl\"").unwrap();
    assert!(matches!(storage::load("bad").map(|_| ()), Err(StorageFailure::Unreadable(_))));
    assert_eq!(LocalStorage::raw().get_item("kalkyl.plan.bad.r1").unwrap().as_deref(), Some("{\"format\":\"kalkyl\""));
    let backup = storage::read_backup("bad", &Backup::Day("2026-11-23".into())).await;
    assert_eq!(backup.unwrap(), edited(1000), "the backup in IndexedDB still opens");
}

#[wasm_bindgen_test]
fn a_deleted_plan_leaves_nothing_in_local_storage() {
    LocalStorage::clear();
    save("a", &edited(1000), 0).unwrap();
    save("b", &edited(2000), 0).unwrap();
    storage::delete("a").unwrap();
    let index = storage::index().unwrap();
    assert_eq!(index.plans.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["b"]);
    assert_eq!(LocalStorage::raw().length().unwrap(), 2, "the index and b's current generation");
}
