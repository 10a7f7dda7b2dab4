//! The contract integrators build on, generated from the Rust types and nothing else: a JSON
//! Schema per document kind (and for the options, the evaluation and the catalog), and the
//! TypeScript declarations the ES module ships. `tests/contract.rs` fails when the files in
//! `docs/` drift from the types; `UPDATE_CONTRACT=1 cargo test --test contract` rewrites them.

use crate::document::KINDS;
use crate::forms::{budget::BudgetDoc, final_accounts::FinalAccountsDoc, package::PackageDoc, project::ProjectDoc, report::ReportDoc, target::TargetDoc};
use crate::{Catalog, Document, Evaluation, Options};
use schemars::{generate::SchemaSettings, JsonSchema, Schema};
use serde_json::{json, Map, Value};

/// (file name, schema) of every schema in `docs/schema/`.
pub fn schemas() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for (kind, title) in KINDS {
        let mut s = match *kind {
            "department_report" => root::<ReportDoc>(),
            "department_package" => root::<PackageDoc>(),
            "final_accounts" => root::<FinalAccountsDoc>(),
            "budget_disclosure" => root::<BudgetDoc>(),
            "project_target" | "department_target" => root::<TargetDoc>(),
            _ => root::<ProjectDoc>(),
        };
        s["title"] = json!(title);
        s["properties"]["kind"] = json!({ "const": kind, "description": "表单类型" });
        let required = s["required"].as_array().cloned().unwrap_or_default();
        s["required"] = Value::Array([json!("kind")].into_iter().chain(required).collect());
        out.push((format!("{kind}.schema.json"), s));
    }
    out.push(("document.schema.json".into(), root::<Document>()));
    out.push(("options.schema.json".into(), root::<Options>()));
    out.push(("evaluation.schema.json".into(), output::<Evaluation>()));
    out.push(("catalog.schema.json".into(), output::<Catalog>()));
    out.push(("text-check.schema.json".into(), output::<crate::text::TextCheck>()));
    out
}

/// What the core reads: a missing field is blank, so nothing is required but `kind`.
fn root<T: JsonSchema>() -> Value {
    let s: Schema = SchemaSettings::draft2020_12().for_deserialize().into_generator().into_root_schema_for::<T>();
    s.to_value()
}

/// What the core writes: every field is there (`null` where there is no value).
fn output<T: JsonSchema>() -> Value {
    let s: Schema = SchemaSettings::draft2020_12().for_serialize().into_generator().into_root_schema_for::<T>();
    s.to_value()
}

/// Every type the module's functions take or return, as TypeScript.
pub fn typescript() -> String {
    // documents and options as the core reads them, results as it writes them
    let mut input = SchemaSettings::draft2020_12().for_deserialize().into_generator();
    input.subschema_for::<Document>();
    input.subschema_for::<Options>();
    let mut defs = input.take_definitions(true);
    let mut output = SchemaSettings::draft2020_12().for_serialize().into_generator();
    output.subschema_for::<Evaluation>();
    output.subschema_for::<Catalog>();
    output.subschema_for::<crate::text::TextCheck>();
    output.subschema_for::<crate::office::recognise::Opened>();
    for (name, s) in output.take_definitions(true) {
        defs.entry(name).or_insert(s);
    }
    let defs: std::collections::BTreeMap<String, Value> = defs.into_iter().collect();
    let mut out = String::from("// Generated from the Rust types by src/contract.rs: do not edit.\n");
    for (name, s) in &defs {
        out.push('\n');
        out.push_str(&doc_comment(s, ""));
        match s.get("properties").and_then(Value::as_object) {
            Some(props) if s.get("$ref").is_none() && s.get("oneOf").is_none() && s.get("anyOf").is_none() => {
                out.push_str(&format!("export interface {name} {}\n", object(props, s, "")));
            }
            _ => out.push_str(&format!("export type {name} ={}{};\n", if s.get("oneOf").or_else(|| s.get("anyOf")).and_then(Value::as_array).is_some_and(|a| a.len() > 3) { "" } else { " " }, ts(s, ""))),
        }
    }
    out
}

fn doc_comment(s: &Value, indent: &str) -> String {
    match s.get("description").and_then(Value::as_str) {
        Some(d) => {
            let body: Vec<String> = d.lines().map(|l| format!("{indent} * {}", l.replace("*/", "*\\/"))).collect();
            format!("{indent}/**\n{}\n{indent} */\n", body.join("\n"))
        }
        None => String::new(),
    }
}

fn object(props: &Map<String, Value>, s: &Value, indent: &str) -> String {
    let required: Vec<&str> = s.get("required").and_then(Value::as_array).map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let inner = format!("{indent}    ");
    let mut out = String::from("{\n");
    for (k, v) in props {
        out.push_str(&doc_comment(v, &inner));
        let opt = if required.contains(&k.as_str()) { "" } else { "?" };
        out.push_str(&format!("{inner}{k}{opt}: {};\n", ts(v, &inner)));
    }
    out.push_str(indent);
    out.push('}');
    out
}

fn union(items: &[Value], indent: &str) -> String {
    if items.len() > 3 {
        let inner = format!("{indent}    ");
        items.iter().map(|i| format!("\n{inner}| {}", ts(i, &inner))).collect()
    } else {
        items.iter().map(|i| ts(i, indent)).collect::<Vec<_>>().join(" | ")
    }
}

/// One schema as a TypeScript type. Covers what schemars writes for serde types: objects,
/// maps, arrays and tuples, unions, constants, nullable types and references.
fn ts(s: &Value, indent: &str) -> String {
    if let Some(c) = s.get("const") {
        return c.to_string();
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        return e.iter().map(Value::to_string).collect::<Vec<_>>().join(" | ");
    }
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r).to_string();
        return match s.get("properties").and_then(Value::as_object) {
            Some(props) => format!("{} & {name}", object(props, s, indent)),
            None => name,
        };
    }
    if let Some(items) = s.get("oneOf").or_else(|| s.get("anyOf")).and_then(Value::as_array) {
        return union(items, indent);
    }
    let types: Vec<&str> = match s.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => return "unknown".into(),
    };
    let one = |t: &str| -> String {
        match t {
            "string" => "string".into(),
            "number" | "integer" => "number".into(),
            "boolean" => "boolean".into(),
            "null" => "null".into(),
            "array" => {
                if let Some(p) = s.get("prefixItems").and_then(Value::as_array) {
                    format!("[{}]", p.iter().map(|i| ts(i, indent)).collect::<Vec<_>>().join(", "))
                } else {
                    let item = s.get("items").map_or("unknown".into(), |i| ts(i, indent));
                    if item.contains(' ') { format!("({item})[]") } else { format!("{item}[]") }
                }
            }
            "object" => match (s.get("properties").and_then(Value::as_object), s.get("additionalProperties")) {
                (Some(p), _) => object(p, s, indent),
                (None, Some(a)) if a.is_object() => format!("Record<string, {}>", ts(a, indent)),
                _ => "Record<string, never>".into(),
            },
            other => other.into(),
        }
    };
    types.iter().map(|t| one(t)).collect::<Vec<_>>().join(" | ")
}
