//! Any bytes given to the importer: it may refuse them, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = kalkyl::document::open(text);
    }
});
