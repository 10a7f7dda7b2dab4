//! `cargo run --release --example profile FILE [N]`: native time of one document's evaluation,
//! to profile the core apart from the wasm boundary (e.g. under `perf record`).
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("usage: profile FILE [N]");
    let text = std::fs::read_to_string(path).unwrap();
    let policy = jiaohe::Options::from_json(r#"{"policy":"urumqi-2023"}"#).unwrap().policy().unwrap();
    let n: u32 = std::env::args().nth(2).map_or(300, |a| a.parse().unwrap());
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(jiaohe::Document::from_json(&text).unwrap());
    }
    println!("read     {:?}", t.elapsed() / n);
    let doc = jiaohe::Document::from_json(&text).unwrap();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(jiaohe::evaluate_document(&doc, &policy));
    }
    println!("evaluate {:?}", t.elapsed() / n);
    let ev = jiaohe::evaluate_document(&doc, &policy);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(serde_json::to_string(&ev).unwrap());
    }
    println!("to JSON  {:?} ({} bytes)", t.elapsed() / n, serde_json::to_string(&ev).unwrap().len());
}
