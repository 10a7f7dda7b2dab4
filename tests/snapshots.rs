//! Whole evaluations of every fixture, under both policies, against snapshots committed before
//! the typed-model rewrite: every computed cell, every finding, every summary figure the same.
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` rewrites them after an intended change.

use jiaohe::forms::package::{assemble, FinalAccounts};
use jiaohe::{evaluate, evaluate_document, Cell, Document, Options};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn compare(name: &str, actual: Value) {
    let path = root().join("tests/snapshots").join(format!("{name}.json"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&actual).unwrap() + "\n").unwrap();
        return;
    }
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("no snapshot {}", path.display()))).unwrap();
    if expected != actual {
        let e = serde_json::to_string_pretty(&expected).unwrap();
        let a = serde_json::to_string_pretty(&actual).unwrap();
        let first = e.lines().zip(a.lines()).position(|(x, y)| x != y).unwrap_or(0);
        panic!("{name} differs from its snapshot near line {first}:\n  expected: {}\n  actual:   {}", e.lines().nth(first).unwrap_or(""), a.lines().nth(first).unwrap_or(""));
    }
}

fn fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root().join("tests/fixtures")).unwrap() {
        for f in std::fs::read_dir(dir.unwrap().path()).unwrap() {
            // documents only: fixtures/text holds the text checker's texts and their claims
            let f = f.unwrap().path();
            if f.extension().is_some_and(|x| x == "json") && !f.to_string_lossy().ends_with(".claims.json") {
                out.push(f);
            }
        }
    }
    out.sort();
    out
}

fn name(p: &Path) -> String {
    let dir = p.parent().unwrap().file_name().unwrap().to_string_lossy();
    format!("{dir}_{}", p.file_stem().unwrap().to_string_lossy())
}

#[test]
fn every_fixture_evaluates_as_its_snapshot() {
    let files = fixtures();
    assert!(files.len() >= 20, "fixtures missing: {}", files.len());
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for policy in ["default", "urumqi-2023"] {
            let ev = evaluate(&text, &format!(r#"{{"policy":"{policy}"}}"#)).unwrap();
            compare(&format!("{}.{policy}", name(f)), serde_json::to_value(&ev).unwrap());
        }
    }
}

#[test]
fn seed001_package_evaluates_as_its_snapshot() {
    let dir = root().join("tests/fixtures");
    let read = |p: PathBuf| Document::from_json(&std::fs::read_to_string(p).unwrap()).unwrap();
    let mut members = vec![read(dir.join("department/seed001.json"))];
    members.extend((1..=14).map(|i| read(dir.join(format!("seed001/{i:02}.json")))));
    let mut doc = assemble("乌鲁木齐市工业和信息化局", members);
    let c = |s: &str| Cell::from(s);
    doc.final_accounts = FinalAccounts {
        project_count: c("14"),
        project_budget: c("4,046.97"),
        project_executed: c("2,248.10"),
        income_total: c("38,544.43"),
        expenditure_total: c("38,349.81"),
    };
    let doc = Document::Package(doc);
    for policy in ["default", "urumqi-2023"] {
        let p = Options::from_json(&format!(r#"{{"policy":"{policy}"}}"#)).unwrap().policy().unwrap();
        compare(&format!("package_seed001.{policy}"), serde_json::to_value(evaluate_document(&doc, &p)).unwrap());
    }
}
