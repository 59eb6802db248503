//! Plans in browser storage, in headless Chromium (wasm-bindgen-test): the
//! library in IndexedDB, the migration from local storage, the journal of
//! unsaved edits, and a browser that blocks storage.
#![cfg(target_arch = "wasm32")]

use kalkyl::idb::Transaction;
use kalkyl::model::example::april_2023;
use kalkyl::model::{Amount, Command, Engine, LineId, Plan, Series};
use kalkyl::storage::{self, Backup, Draft, Entry, Index, Journal, StorageFailure};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function delete_database() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('kalkyl');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

// Refuses every write of plan data as a full disk does.
export function refuse_plan_data() {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    if (String(key).startsWith('kalkyl.plan.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.call(this, value, key);
  };
  return () => { IDBObjectStore.prototype.put = put; };
}

// Storage as with the browser's "block site data": local storage and IndexedDB throw.
export function block_storage() {
  const open = IDBFactory.prototype.open;
  const local = Object.getOwnPropertyDescriptor(window, 'localStorage');
  const refuse = () => { throw new DOMException('Access is denied for this document.', 'SecurityError'); };
  IDBFactory.prototype.open = refuse;
  Object.defineProperty(window, 'localStorage', { configurable: true, get: refuse });
  return () => { IDBFactory.prototype.open = open; Object.defineProperty(window, 'localStorage', local); };
}

// The longest time the main thread was held between two turns of its event loop.
export function start_probe() {
  const probe = { longest: 0, last: performance.now(), running: true };
  const tick = () => {
    const now = performance.now();
    probe.longest = Math.max(probe.longest, now - probe.last);
    probe.last = now;
    if (probe.running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return probe;
}
export function stop_probe(probe) { probe.running = false; return probe.longest; }
export function now() { return performance.now(); }

export function wait(millis) { return new Promise((resolve) => setTimeout(resolve, millis)); }
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn delete_database() -> Result<JsValue, JsValue>;
    fn refuse_plan_data() -> js_sys::Function;
    fn block_storage() -> js_sys::Function;
    fn start_probe() -> JsValue;
    fn stop_probe(probe: &JsValue) -> f64;
    fn now() -> f64;
    async fn wait(millis: u32);
}

fn local() -> web_sys::Storage {
    storage::local().expect("local storage in the test browser")
}

/// Empty storage: no library in IndexedDB or local storage.
async fn reset() {
    local().clear().unwrap();
    delete_database().await.expect("the test database is deleted");
}

fn edited(kronor: i64) -> Plan {
    let mut engine = Engine::new(april_2023()).unwrap();
    let (fill, _) = Command::fill_year(engine.plan(), LineId(2), Series::Budget, Amount::kronor(kronor)).unwrap();
    engine.execute(fill).unwrap();
    engine.plan().clone()
}

async fn save(id: &str, plan: &Plan, known: u64, now: &str) -> Result<u64, StorageFailure> {
    storage::save(id, &Draft::of(plan), known, now).await
}

async fn loaded(id: &str) -> (Plan, u64) {
    let (engine, revision) = storage::load(id).await.unwrap();
    (engine.plan().clone(), revision)
}

async fn stored(key: &str) -> Option<String> {
    Transaction::begin(false).await.unwrap().get(key).await.unwrap()
}

#[wasm_bindgen_test]
async fn saves_keep_three_generations_and_the_first_save_of_each_day() {
    reset().await;
    for revision in 0..5 {
        let day = if revision < 3 { "2026-11-22 10:00" } else { "2026-11-23 10:00" };
        assert_eq!(save("gen", &edited(revision as i64 * 1000), revision, day).await, Ok(revision + 1));
    }
    assert_eq!(loaded("gen").await, (edited(4000), 5));
    let index = storage::index().await.unwrap();
    let backups = index.backups("gen");
    assert_eq!(backups[..3], [Backup::Generation(5), Backup::Generation(4), Backup::Generation(3)]);
    assert_eq!(backups[3..], [Backup::Day("2026-11-23".into()), Backup::Day("2026-11-22".into())]);
    assert_eq!(storage::read_backup("gen", &Backup::Generation(3)).await.unwrap(), edited(2000));
    let first = storage::read_backup("gen", &Backup::Day("2026-11-22".into())).await.unwrap();
    assert_eq!(first, edited(0), "the day's first save");
    assert_eq!(storage::read_backup("gen", &Backup::Day("2026-11-23".into())).await.unwrap(), edited(3000));
    assert!(storage::read_backup("gen", &Backup::Generation(2)).await.is_err(), "older generations are dropped");
    assert_eq!(local().length().unwrap(), 0, "plans take no room in local storage");
}

#[wasm_bindgen_test]
async fn a_week_of_daily_backups_is_kept() {
    reset().await;
    for day in 1..=9 {
        save("week", &edited(day * 1000), day as u64 - 1, &format!("2026-11-{day:02} 10:00")).await.unwrap();
    }
    let days = storage::index().await.unwrap().entry("week").unwrap().days.clone();
    assert_eq!(days, (3..=9).map(|day| format!("2026-11-{day:02}")).collect::<Vec<_>>());
    assert_eq!(stored("kalkyl.plan.week.day.2026-11-02").await, None, "an older day is dropped");
}

#[wasm_bindgen_test]
async fn a_save_from_a_stale_revision_is_a_conflict_and_writes_nothing() {
    reset().await;
    save("a", &edited(1000), 0, "2026-11-23 10:00").await.unwrap();
    // A second tab opened the plan at revision 0 too and saves later.
    assert_eq!(save("a", &edited(2000), 0, "2026-11-23 10:01").await, Err(StorageFailure::Conflict { stored: 1 }));
    assert_eq!(loaded("a").await, (edited(1000), 1));
    assert_eq!(storage::index().await.unwrap().entry("a").unwrap().saved.as_deref(), Some("2026-11-23 10:00"));
}

#[wasm_bindgen_test]
async fn saves_from_two_tabs_at_once_are_one_after_the_other_and_one_is_a_conflict() {
    reset().await;
    save("a", &edited(1000), 0, "2026-11-23 10:00").await.unwrap();
    let results = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    for kronor in [2000, 3000] {
        let results = results.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let saved = save("a", &edited(kronor), 1, "2026-11-23 10:01").await;
            results.borrow_mut().push((kronor, saved));
        });
    }
    while results.borrow().len() < 2 {
        wait(10).await;
    }
    let results = results.borrow().clone();
    let winner = results.iter().find(|(_, saved)| *saved == Ok(2)).expect("one save is stored").0;
    let refused = results.iter().filter(|(_, saved)| *saved == Err(StorageFailure::Conflict { stored: 2 })).count();
    assert_eq!(refused, 1, "{results:?}");
    assert_eq!(loaded("a").await, (edited(winner), 2));
}

#[wasm_bindgen_test]
async fn a_full_storage_is_reported_and_keeps_the_last_saved_generation() {
    reset().await;
    save("a", &edited(1000), 0, "2026-11-23 10:00").await.unwrap();
    let restore = refuse_plan_data();
    let full = save("a", &edited(5000), 1, "2026-11-24 10:00").await;
    restore.call0(&JsValue::NULL).unwrap();
    assert_eq!(full, Err(StorageFailure::Full));
    assert_eq!(loaded("a").await, (edited(1000), 1), "the last saved generation is intact");
    let entry = storage::index().await.unwrap().entry("a").cloned().unwrap();
    assert_eq!(entry.days, ["2026-11-23"], "nothing of the refused save is stored");
    assert_eq!(save("a", &edited(5000), 1, "2026-11-24 10:00").await, Ok(2));
}

#[wasm_bindgen_test]
async fn an_unreadable_generation_is_reported_and_left_as_it_is() {
    reset().await;
    save("bad", &edited(1000), 0, "2026-11-23 10:00").await.unwrap();
    let transaction = Transaction::begin(true).await.unwrap();
    transaction.put("kalkyl.plan.bad.r1", &"{\"format\":\"kalkyl\"".into()).unwrap();
    transaction.finish().await.unwrap();
    assert!(matches!(storage::load("bad").await.map(drop), Err(StorageFailure::Unreadable(_))));
    assert_eq!(stored("kalkyl.plan.bad.r1").await.as_deref(), Some("{\"format\":\"kalkyl\""));
    let backup = storage::read_backup("bad", &Backup::Day("2026-11-23".into())).await;
    assert_eq!(backup.unwrap(), edited(1000), "the day's backup still opens");
}

#[wasm_bindgen_test]
async fn a_deleted_plan_leaves_nothing_behind() {
    reset().await;
    for revision in 0..4 {
        save("a", &edited(1000), revision, "2026-11-23 10:00").await.unwrap();
    }
    save("b", &edited(2000), 0, "2026-11-23 10:00").await.unwrap();
    storage::remember_open("a").await.unwrap();
    storage::delete("a").await.unwrap();
    let index = storage::index().await.unwrap();
    assert_eq!(index.plans.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["b"]);
    assert_eq!(index.last_open, None);
    for key in ["kalkyl.plan.a.r2", "kalkyl.plan.a.r3", "kalkyl.plan.a.r4", "kalkyl.plan.a.day.2026-11-23"] {
        assert_eq!(stored(key).await, None, "{key}");
    }
    assert_eq!(loaded("b").await, (edited(2000), 1));
}

/// Local storage as the previous version left it: the index and each plan's
/// current generation, with `days` of backups already in IndexedDB.
fn old_library(plans: &[(&str, &Plan, u64)], last_open: &str) {
    let entry = |(id, plan, revision): &(&str, &Plan, u64)| Entry {
        id: (*id).into(),
        name: plan.name.clone(),
        revision: *revision,
        saved: Some("2026-11-20 09:00".into()),
        exported: None,
        days: vec!["2026-11-20".into()],
    };
    let index = Index { plans: plans.iter().map(entry).collect(), last_open: Some(last_open.into()) };
    local().set_item(storage::INDEX_KEY, &serde_json::to_string(&index).unwrap()).unwrap();
    for (id, plan, revision) in plans {
        local().set_item(&format!("kalkyl.plan.{id}.r{revision}"), &Draft::of(plan).text).unwrap();
    }
}

#[wasm_bindgen_test]
async fn the_library_in_local_storage_moves_to_indexeddb_once_and_without_loss() {
    reset().await;
    let (a, b) = (edited(1000), edited(2000));
    old_library(&[("a", &a, 7), ("b", &b, 1)], "b");
    // The previous version backed up to IndexedDB under the same keys.
    let transaction = Transaction::begin(true).await.unwrap();
    transaction.put("kalkyl.plan.a.day.2026-11-20", &Draft::of(&edited(500)).text.into()).unwrap();
    transaction.finish().await.unwrap();

    storage::migrate().await.unwrap();
    assert_eq!(local().length().unwrap(), 0, "local storage is emptied");
    let index = storage::index().await.unwrap();
    assert_eq!(index.last_open.as_deref(), Some("b"));
    assert_eq!(index.plans.iter().map(|e| (e.id.as_str(), e.revision)).collect::<Vec<_>>(), [("a", 7), ("b", 1)]);
    assert_eq!(loaded("a").await, (a.clone(), 7));
    assert_eq!(loaded("b").await, (b.clone(), 1));
    let day = storage::read_backup("a", &Backup::Day("2026-11-20".into())).await.unwrap();
    assert_eq!(day, edited(500), "earlier backups stay restorable");

    // Saving goes on from the migrated revision.
    assert_eq!(save("a", &edited(3000), 7, "2026-11-23 10:00").await, Ok(8));
    // Interrupted before local storage was emptied: the same data again
    // changes nothing, and a plan stored only there still moves.
    let c = edited(4000);
    old_library(&[("a", &a, 7), ("b", &b, 1), ("c", &c, 2)], "a");
    storage::migrate().await.unwrap();
    storage::migrate().await.unwrap();
    assert_eq!(local().length().unwrap(), 0);
    let index = storage::index().await.unwrap();
    assert_eq!(index.plans.len(), 3);
    assert_eq!(index.last_open.as_deref(), Some("b"), "the open plan stays");
    assert_eq!(loaded("a").await, (edited(3000), 8), "a newer save is not overwritten");
    assert_eq!(loaded("b").await, (b, 1));
    assert_eq!(loaded("c").await, (c, 2));
}

#[wasm_bindgen_test]
async fn an_unreadable_old_library_is_reported_and_left_as_it_is() {
    reset().await;
    local().set_item(storage::INDEX_KEY, "{\"plans\":").unwrap();
    assert!(matches!(storage::migrate().await, Err(StorageFailure::Unreadable(_))));
    assert_eq!(local().get_item(storage::INDEX_KEY).unwrap().as_deref(), Some("{\"plans\":"));
    assert_eq!(storage::index().await.unwrap(), Index::default());
}

#[wasm_bindgen_test]
async fn unsaved_edits_left_in_the_journal_are_saved_on_the_next_start() {
    reset().await;
    save("a", &edited(1000), 0, "2026-11-23 10:00").await.unwrap();
    assert!(storage::write_journal("a", 1, &Draft::of(&edited(2000))));
    assert!(storage::write_journal("a", 1, &Draft::of(&edited(3000))), "a later journal replaces the earlier one");
    let journals = storage::journals();
    assert_eq!(journals, [Journal { id: "a".into(), known: 1, text: Draft::of(&edited(3000)).text }]);
    assert_eq!(storage::replay(&journals[0], "copy", "(kopia)", "2026-11-23 10:05").await, Ok("a".into()));
    assert_eq!(loaded("a").await, (edited(3000), 2), "saved as the next generation");
    assert_eq!(storage::journals(), []);
}

#[wasm_bindgen_test]
async fn a_journal_the_library_already_holds_is_dropped_and_one_behind_it_kept_as_a_copy() {
    reset().await;
    save("a", &edited(1000), 0, "2026-11-23 10:00").await.unwrap();
    // The save started as the page closed did complete.
    storage::write_journal("a", 0, &Draft::of(&edited(1000)));
    let journal = storage::journals().remove(0);
    assert_eq!(storage::replay(&journal, "copy", "(kopia)", "2026-11-23 10:05").await, Ok("a".into()));
    assert_eq!(storage::index().await.unwrap().plans.len(), 1);

    // Another tab saved the plan after these edits began.
    save("a", &edited(2000), 1, "2026-11-23 10:06").await.unwrap();
    storage::write_journal("a", 1, &Draft::of(&edited(3000)));
    let journal = storage::journals().remove(0);
    assert_eq!(storage::replay(&journal, "copy", "(kopia)", "2026-11-23 10:07").await, Ok("copy".into()));
    assert_eq!(loaded("a").await, (edited(2000), 2), "the other tab's save stands");
    let mut copy = edited(3000);
    copy.name = format!("{} (kopia)", copy.name);
    assert_eq!(loaded("copy").await, (copy, 1));
    assert_eq!(storage::journals(), []);
}

#[wasm_bindgen_test]
async fn the_journal_takes_plans_of_6_500_lines_and_refuses_larger_ones() {
    reset().await;
    assert!(!storage::write_journal("b", 0, &Draft::of(&large_plan(8_000))), "local storage has 5 MiB");
    assert!(storage::write_journal("a", 0, &Draft::of(&large_plan(6_500))));
    assert_eq!(storage::journals().iter().map(|j| j.id.as_str()).collect::<Vec<_>>(), ["a"]);
}

/// The example's lines repeated to `count` lines, each with its own id and
/// name and figures.
fn large_plan(count: u32) -> Plan {
    let mut plan = april_2023();
    let template = std::mem::take(&mut plan.lines);
    plan.snapshots.clear();
    plan.lines = (0..count)
        .map(|i| {
            let mut line = template[i as usize % template.len()].clone();
            line.id = LineId(i + 1);
            line.name = format!("{} {}", line.name, i + 1);
            line.formula = None;
            line.service = None;
            for month in line.budget.iter_mut() {
                *month = month.checked_add(Amount::from_ore(i128::from(i)).unwrap()).unwrap();
            }
            line
        })
        .collect();
    plan
}

#[wasm_bindgen_test]
async fn a_plan_of_20_000_lines_is_saved_and_read_back() {
    reset().await;
    let plan = large_plan(20_000);
    let started = now();
    let draft = Draft::of(&plan);
    let serialized = now();
    let probe = start_probe();
    assert_eq!(storage::save("large", &draft, 0, "2026-11-23 10:00").await, Ok(1));
    let saved = now();
    let longest = stop_probe(&probe);
    wasm_bindgen_test::console_log!(
        "20 000 lines, {:.1} MB: serialized in {:.0} ms; stored {:.0} ms later, holding the main thread at most {longest:.0} ms at a time",
        draft.text.len() as f64 / 1e6,
        serialized - started,
        saved - serialized,
    );
    assert_eq!(loaded("large").await, (plan, 1));
}

#[wasm_bindgen_test]
async fn with_storage_blocked_the_app_opens_the_example_and_says_nothing_is_saved() {
    reset().await;
    let restore = block_storage();
    assert!(storage::local().is_none());
    assert_eq!(storage::index().await, Err(StorageFailure::Unavailable));
    assert_eq!(storage::migrate().await, Ok(()), "nothing to move where nothing can be read");
    assert!(!storage::write_journal("a", 0, &Draft::of(&edited(1))));

    let root = web_sys::window().unwrap().document().unwrap().create_element("div").unwrap();
    web_sys::window().unwrap().document().unwrap().body().unwrap().append_child(&root).unwrap();
    let app = leptos::mount::mount_to(wasm_bindgen::JsCast::unchecked_into(root.clone()), kalkyl::ui::App);
    let mut notice = None;
    for _ in 0..100 {
        wait(20).await;
        notice = root.query_selector(".notice.storage").unwrap();
        if notice.is_some() {
            break;
        }
    }
    let text = notice.expect("a notice about storage").text_content().unwrap_or_default();
    let grid = root.query_selector("[role=grid]").unwrap();
    let names = root.query_selector(".plan-name").unwrap();
    drop(app);
    restore.call0(&JsValue::NULL).unwrap();
    assert!(text.contains("inget sparas") || text.contains("nothing will be saved"), "{text}");
    assert!(text.contains("Exportera fil") || text.contains("Export file"), "{text}");
    assert!(grid.is_some(), "the example plan is shown");
    let name = names.and_then(|input| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(input).ok());
    assert_eq!(name.map(|input| input.value()).as_deref(), Some("Månadsrapport april 2023"));
}
