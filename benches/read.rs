//! Reading plan files of the largest size opened ([`document::MAX_BYTES`]):
//! a generated plan whose export is just under the limit, read from its bytes
//! and opened (its figures computed).
//!
//! Run with `cargo bench --bench read`. Prints the median and the fastest of
//! repeated runs; a benchmark, not a test: nothing is asserted.

use std::hint::black_box;

use kalkyl::document;
use kalkyl::model::Engine;

#[path = "../tests/common/mod.rs"]
mod common;
mod timing;

use timing::measure;

fn main() {
    let plan = common::plan_under_the_limit();
    let bytes = document::to_json(&plan).into_bytes();
    let (size, limit) = (bytes.len() as f64 / 1e6, document::MAX_BYTES as f64 / 1e6);
    println!("plan of {} lines: {size:.1} MB compact (limit {limit:.1} MB)", plan.lines.len());
    measure("read (bytes → checked plan)", 10, || {
        black_box(document::from_bytes(black_box(&bytes)).unwrap());
    });
    measure("open (read and compute every figure)", 10, || {
        black_box(Engine::new(document::from_bytes(black_box(&bytes)).unwrap()).unwrap());
    });
    measure("write (plan → compact JSON)", 10, || {
        black_box(document::to_json(black_box(&plan)));
    });
}
