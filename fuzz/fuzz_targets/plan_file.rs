//! Any bytes given to the plan reader, as an imported file is: it may refuse
//! them, never panic, and whatever it reads must open.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(plan) = kalkyl::document::from_bytes(data) {
        kalkyl::model::Engine::new(plan).expect("what the reader reads opens");
    }
});
