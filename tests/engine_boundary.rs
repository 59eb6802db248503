//! The engine in `src/model` stays plain Rust: no browser crate, no floats.

use std::fs;
use std::path::Path;

const WEB_CRATES: [&str; 6] = ["leptos", "web_sys", "js_sys", "gloo", "wasm_bindgen", "reactive_graph"];

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.display().to_string(), fs::read_to_string(&path).unwrap()));
        }
    }
}

fn words(code: &str) -> impl Iterator<Item = &str> {
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .flat_map(|line| line.split(|c: char| !(c.is_alphanumeric() || c == '_')))
}

#[test]
fn the_engine_names_no_web_crate_and_no_float() {
    let mut files = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model"), &mut files);
    assert!(files.len() > 5, "the engine's sources were found");
    for (path, code) in &files {
        for word in words(code) {
            assert!(!WEB_CRATES.iter().any(|c| word.starts_with(c)), "{path} names the web crate `{word}`");
            assert!(word != "f32" && word != "f64", "{path} uses `{word}`: money is Decimal");
        }
    }
}
