//! The contract files in `docs/` are what the Rust types say, and the README's list of finding
//! codes is the registry's. `UPDATE_CONTRACT=1 cargo test --test contract` rewrites the files
//! after an intended change of the types.

use jiaohe::contract::{schemas, typescript};
use jiaohe::Code;
use std::path::PathBuf;

fn docs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs")
}

fn same_as_file(path: PathBuf, generated: &str) {
    if std::env::var_os("UPDATE_CONTRACT").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(on_disk == generated, "{} has drifted from the Rust types; run UPDATE_CONTRACT=1 cargo test --test contract and review the diff", path.display());
}

#[test]
fn json_schemas_are_generated_from_the_types() {
    let all = schemas();
    assert_eq!(all.len(), 13);
    for (name, schema) in all {
        same_as_file(docs().join("schema").join(name), &(serde_json::to_string_pretty(&schema).unwrap() + "\n"));
    }
}

#[test]
fn typescript_declarations_are_generated_from_the_types() {
    let ts = typescript();
    for t in ["export type Document", "export interface Evaluation", "export interface Finding", "export type Code", "export interface Catalog", "export interface Options"] {
        assert!(ts.contains(t), "missing {t}");
    }
    assert!(!ts.contains("any") && !ts.contains("unknown"), "the declarations must name every type");
    for c in Code::ALL {
        assert!(ts.contains(&format!("\"{}\"", c.as_str())), "{} missing from the Code union", c.as_str());
    }
    same_as_file(docs().join("jiaohe.d.ts"), &ts);
}

#[test]
fn the_catalog_the_module_ships_is_the_typed_catalog() {
    // the wasm returns this text parsed (no layout reader compiled on the page's first call)
    let typed = serde_json::to_string(&jiaohe::catalog()).unwrap() + "\n";
    same_as_file(docs().join("../src/forms/catalog.json"), &typed);
}

#[test]
fn every_schema_accepts_its_fixtures() {
    // the fixtures are read by the same types the schemas describe
    for dir in ["seed001", "seed002", "department", "report", "budget"] {
        for f in std::fs::read_dir(docs().join("../tests/fixtures").join(dir)).unwrap() {
            let text = std::fs::read_to_string(f.unwrap().path()).unwrap();
            jiaohe::Document::from_json(&text).unwrap();
        }
    }
}

#[test]
fn the_readme_lists_exactly_the_registered_codes() {
    let readme = std::fs::read_to_string(docs().join("../README.md")).unwrap();
    // the list runs from "问题代码：" to the end of its paragraph
    let start = readme.find("- 问题代码（").expect("README has no list of finding codes");
    let list = &readme[start..readme[start..].find("\n\n").map_or(readme.len(), |e| start + e)];
    let code_like = |w: &&str| w.contains('.') && !w.ends_with(".rs") && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_');
    let mut listed: Vec<&str> = list.split('`').skip(1).step_by(2).filter(code_like).collect();
    listed.sort_unstable();
    let mut registered: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    registered.sort_unstable();
    assert_eq!(listed, registered, "the README's 问题代码 list and the registry in src/finding.rs differ");
}
