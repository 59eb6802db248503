//! Browser storage, in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use gloo_storage::{LocalStorage, Storage};
use kalkyl::document::DocumentError;
use kalkyl::model::example::april_2023;
use kalkyl::model::{Amount, Command, Engine, LineId, Series};
use kalkyl::storage::{self, KEY, StorageFailure, UNREADABLE_KEY};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn edited_plan() -> kalkyl::model::Plan {
    let mut engine = Engine::new(april_2023()).unwrap();
    engine.execute(Command::fill_year(LineId(2), Series::Budget, Amount::kronor(12_000))).unwrap();
    engine.plan().clone()
}

#[wasm_bindgen_test]
fn a_saved_plan_opens_equal() {
    LocalStorage::clear();
    assert_eq!(storage::load().unwrap().map(|engine| engine.plan().clone()), None);
    let plan = edited_plan();
    storage::save(&plan).unwrap();
    assert_eq!(storage::load().unwrap().unwrap().plan(), &plan);
}

#[wasm_bindgen_test]
fn an_unreadable_stored_plan_is_reported_and_kept_aside() {
    LocalStorage::clear();
    LocalStorage::raw().set_item(KEY, "{\"format\":\"kalkyl\",\"version\":1,\"plan\":{").unwrap();
    let failure = storage::load().map(|_| ()).unwrap_err();
    assert!(matches!(failure, StorageFailure::Unreadable(DocumentError::NotKalkyl)), "{failure:?}");
    let kept = LocalStorage::raw().get_item(UNREADABLE_KEY).unwrap();
    assert_eq!(kept.as_deref(), Some("{\"format\":\"kalkyl\",\"version\":1,\"plan\":{"));
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
fn a_full_storage_is_reported_and_keeps_the_last_saved_plan() {
    LocalStorage::clear();
    let mut saved = april_2023();
    saved.lines.truncate(1);
    storage::save(&saved).unwrap();
    let fillers = fill_storage();
    assert!(!fillers.is_empty(), "storage was filled");

    assert_eq!(storage::save(&edited_plan()), Err(StorageFailure::Full));
    assert_eq!(storage::load().unwrap().unwrap().plan(), &saved, "the last saved plan is intact");
    assert_eq!(storage::save(&saved), Ok(()), "a save that fits still works");

    for key in fillers {
        LocalStorage::delete(key);
    }
    storage::save(&edited_plan()).unwrap();
    assert_eq!(storage::load().unwrap().unwrap().plan(), &edited_plan());
}
