//! A corpus of hostile files: the small ones in `tests/hostile/` (written by
//! `tests/hostile/make.py`), the large ones generated here. Each is read as an
//! import reads it and must give its expected outcome, refused with a
//! specific problem or opened, within a generous time: this guards against
//! hangs and crashes, it is not a benchmark.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use kalkyl::document::{self, DocumentError, Located, MAX_BYTES, Problem};
use kalkyl::model::{Amount, Engine, LineId, Row, Series};
use kalkyl::outcome_import::{MAX_CELLS, TableError, guess, read_csv, read_xlsx, sample};

mod common;

/// The time any one file may take: far beyond what reading takes (well under
/// a second in a release build), far below a hang (the ladder took minutes).
const LIMIT: Duration = Duration::from_secs(30);

/// `work`'s answer, on a thread of the default size, within [`LIMIT`].
fn within<T: Send + 'static>(name: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (answer, answered) = mpsc::channel();
    thread::Builder::new().name(name.into()).spawn(move || answer.send(work())).unwrap();
    answered.recv_timeout(LIMIT).unwrap_or_else(|_| panic!("{name}: no answer within {LIMIT:?}"))
}

fn corpus(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/hostile/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Opens a file's bytes as an import does: whatever is read must open.
fn open(name: &str, bytes: Vec<u8>) -> Result<Engine, DocumentError> {
    within(name, move || document::from_bytes(&bytes).map(|plan| Engine::new(plan).expect("what is read opens")))
}

#[test]
fn broken_plan_files_are_refused_with_their_problem() {
    let located = |path: &str, problem| DocumentError::Invalid(vec![Located { path: path.into(), problem }]);
    let cases = [
        ("latin1.kalkyl.json", DocumentError::NotUtf8 { byte: 62 }),
        ("invalid-utf8.kalkyl.json", DocumentError::NotUtf8 { byte: 268 }),
        ("truncated.kalkyl.json", DocumentError::NotJson { line: 1, column: 367 }),
        ("future-version.kalkyl.json", DocumentError::NewerVersion(99)),
        ("overflow.kalkyl.json", located("lines[0]", Problem::OutOfRange { line: "Lön".into() })),
    ];
    for (name, expected) in cases {
        assert_eq!(open(name, corpus(name)).err(), Some(expected), "{name}");
    }
}

#[test]
fn a_plan_file_with_a_byte_order_mark_opens() {
    let engine = open("bom", corpus("bom.kalkyl.json")).unwrap();
    assert_eq!(engine.plan().name, "Månadsrapport");
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let huge = [br#"{"format":"kalkyl","pad":""#.as_slice(), &vec![b'x'; MAX_BYTES], b"\"}"].concat();
    let size = huge.len();
    assert_eq!(open("huge", huge).err(), Some(DocumentError::TooLarge { bytes: size }));
}

#[test]
fn deeply_nested_json_is_refused_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes();
    assert!(matches!(open("nested", deep), Err(DocumentError::NotJson { .. })));
}

/// A plan whose lines each name the one before: 10 000 formulas deep.
#[test]
fn a_chain_of_10_000_formulas_opens() {
    let mut plan = common::large_plan(10_000);
    for (i, line) in plan.lines.iter_mut().enumerate().skip(1) {
        line.formula = Some(format!("=[Kostnadsrad {i} för avdelning {}] + 1", (i - 1) / 40 + 1));
    }
    let first = plan.lines[0].budget[0];
    let engine = open("chain", document::to_json(&plan).into_bytes()).unwrap();
    let last = engine.months(Row::Line(LineId(10_000)), Series::Budget).unwrap();
    assert_eq!(last[0], first.checked_add(Amount::kronor(9_999)).unwrap());
}

/// 28 levels where each line names the next twice (`s0 = s1 + s1` … down to
/// the typed `s28`): 2^28 paths, 57 references. A formula on the top is
/// taken on another line (`annan`) and refused as a cycle on the bottom.
#[test]
fn a_ladder_of_28_levels_opens_and_takes_a_formula() {
    let mut engine = open("ladder", corpus("ladder.kalkyl.json")).unwrap();
    let top = engine.months(Row::Line(LineId(1)), Series::Budget).unwrap();
    assert_eq!(top[0], Amount::kronor(100 << 28));
    let other = within("a formula on the top", move || {
        engine.set_formula(LineId(29), Some("=[s0] * 2".into())).expect_err("s28 is under s0: a cycle");
        engine.set_formula(LineId(30), Some("=[s0] * 2".into())).unwrap();
        engine.months(Row::Line(LineId(30)), Series::Budget).unwrap()
    });
    assert_eq!(other[0], Amount::kronor(100 << 29));
}

#[test]
fn sparse_workbooks_spanning_the_whole_sheet_are_refused_with_their_size() {
    for name in ["sparse.xlsx", "lying.xlsx"] {
        let bytes = corpus(name);
        let read = within(name, move || read_xlsx(&bytes));
        assert_eq!(read, Err(TableError::TooLarge { rows: 1_048_576, columns: 16_384 }), "{name}");
    }
}

#[test]
fn a_csv_of_200_000_columns_is_read_and_sampled() {
    let text = format!("Konto;{}\nLön;{}\n", vec!["jan"; 199_999].join(";"), vec!["1"; 199_999].join(";"));
    assert!(text.len() > 1_000_000);
    let shown = within("wide.csv", move || {
        let table = read_csv(&text).unwrap();
        sample(&table, &guess(&table), 3)
    });
    assert_eq!((shown.width, shown.total, shown.columns), (200_000, 1, vec![0, 1]));
}

#[test]
fn a_csv_of_more_cells_than_the_limit_is_refused_with_its_size() {
    let text = "1;2;3;4\n".repeat(MAX_CELLS / 4 + 1);
    let read = within("cells.csv", move || read_csv(&text));
    assert_eq!(read, Err(TableError::TooLarge { rows: MAX_CELLS / 4 + 1, columns: 4 }));
}
