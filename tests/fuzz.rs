//! Random strings at every parser and random documents at `evaluate`: zero panics, because a
//! panic in the wasm module kills the page. Deterministic (a fixed-seed xorshift), so a failure
//! is reproducible; the counts are printed.

use jiaohe::{evaluate, indicator, number};
use serde_json::{json, Value};

mod common;
use common::Rng;

const PIECES: &[&str] = &[
    "0", "1", "9", "00", ".", ",", "-", "+", "%", " ", "　", "万元", "元", "亿元", "分", ">=", "<=", "≥", "≤", "=", ">", "<", "> =",
    "家", "次", "小时", "天", "千米", "米", "元/人次", "2023.12.31", "2023-02-30", "44561", "99999999999999999999999999999",
    "0.0000000000000000000000000001", "e10", "１２", "．", "－", "—", "达成", "部分", "未", "L2", "×", "\u{0}", "\u{feff}", "😀",
    "9.", "1,234", "1,2345", "-0", "79228162514264337593543950335", "79228162514264337593543950336",
];

fn random_text(r: &mut Rng) -> String {
    let n = r.below(6);
    (0..n).map(|_| r.pick(PIECES)).collect()
}

#[test]
fn parsers_never_panic() {
    let mut r = Rng(0x5eed_1234_abcd_ef01);
    let cases = 200_000;
    for _ in 0..cases {
        let t = random_text(&mut r);
        let _ = number::parse_amount(&t);
        let _ = number::parse_rate(&t);
        let _ = number::parse_score(&t);
        let _ = indicator::parse_value(&t);
        let _ = indicator::parse_operator_column(&t);
        let _ = indicator::qualitative_level(&t, &random_text(&mut r));
    }
    println!("parsers: {cases} random strings, no panic");
}

fn random_indicator(r: &mut Rng) -> Value {
    json!({
        "level1": r.pick(&["", "产出指标", "成本指标", "效益指标"]),
        "name": random_text(r),
        "operator": r.pick(&["", "≥", "反向", "x"]),
        "target": random_text(r),
        "actual": random_text(r),
        "level": r.pick(&["", "达成", "部分达成", "未达成", "?"]),
        "weight": random_text(r),
        "score": random_text(r),
        "rule": r.pick(&["", "直接赋分", "按评判等级赋分", "满意度赋分", "按照完成比例赋分", "?"]),
        "reason": r.pick(&["", "原因"]),
    })
}

#[test]
fn evaluate_never_panics_on_random_documents() {
    let mut r = Rng(0x0dd_c0ffee);
    let cases = 20_000;
    let policies = [r#"{"policy":"default"}"#, r#"{"policy":"urumqi-2023"}"#, r#"{"policy":{"reverse_formula":"linear","exec_weight":"0"}}"#];
    for i in 0..cases {
        let rows: Vec<Value> = (0..r.below(12)).map(|_| random_indicator(&mut r)).collect();
        let row = |r: &mut Rng| json!({"initial": random_text(r), "adjusted": random_text(r), "executed": random_text(r), "weight": random_text(r), "rate": random_text(r), "score": random_text(r)});
        let mut doc: Value = json!({
            "kind": "project_self_evaluation",
            "funds": {"total": row(&mut r), "rows": [row(&mut r), row(&mut r)]},
            "indicators": rows,
            "total_score": random_text(&mut r),
            "grade": random_text(&mut r),
        });
        // every form kind gets random figures in every field it reads
        match i % 4 {
            1 => doc["kind"] = "department_self_evaluation".into(),
            2 => {
                doc["kind"] = "department_report".into();
                for sec in ["staffing", "budget", "execution", "spending", "basic", "performance"] {
                    let keys = ["total", "administrative", "institutional", "initial", "initial_basic", "initial_project", "approved", "adjustment", "direction", "adjusted", "adjustment_rate", "budget", "executed", "rate", "basic", "project", "personnel", "public", "score", "weight"];
                    let obj: serde_json::Map<String, Value> = keys.iter().map(|k| (k.to_string(), Value::String(random_text(&mut r)))).collect();
                    doc[sec] = Value::Object(obj);
                }
                doc["projects"] = json!({"count": random_text(&mut r), "budget": random_text(&mut r), "groups": [{"name": "甲", "count": random_text(&mut r), "budget": random_text(&mut r)}],
                    "items": [{"group": "甲", "budget": random_text(&mut r), "executed": random_text(&mut r)}, {"group": "乙", "budget": random_text(&mut r)}]});
                doc["key_work"] = Value::String((0..8).map(|_| random_text(&mut r) + r.pick(&["其中", "，", "。", "条"])).collect());
            }
            3 => {
                let inner = doc.clone();
                doc = json!({"kind": "department_package", "projects": [inner.clone(), inner], "department": {"kind": "department_self_evaluation"},
                    "final_accounts": {"project_count": random_text(&mut r), "project_budget": random_text(&mut r), "income_total": random_text(&mut r)}});
            }
            _ => {}
        }
        // and some structurally wrong documents
        match i % 10 {
            0 => doc["indicators"] = json!("not a list"),
            1 => doc["funds"] = json!([1, 2]),
            2 => doc["indicators"] = json!([1, null, [], {"weight": {"x": 1}}]),
            _ => {}
        }
        let _ = evaluate(&doc.to_string(), policies[i % 3]);
    }
    for junk in ["", "null", "1", "\"x\"", "{\"kind\":1}", "{\"kind\":\"project_self_evaluation\",\"version\":-1}", "[{}]"] {
        let _ = evaluate(junk, "");
        let _ = evaluate("{}", junk);
    }
    println!("evaluate: {cases} random documents, no panic");
}
