//! Structure-aware fuzzing: every fixture, with its cells replaced by the figures that broke the
//! product before (zero budgets, negative limits, 亿元 against tiny amounts, the Decimal edge,
//! operators and units mixed in) and its policy overridden with values in and out of range. No
//! input may panic: a panic in the wasm kills the page. Deterministic (fixed seed) so a failure
//! reproduces; `JIAOHE_FUZZ_CASES=10000000 cargo test --release --test mutate -- --nocapture` is
//! the long run.

use serde_json::Value;
use std::path::PathBuf;

mod common;
use common::Rng;

const FIGURES: &[&str] = &[
    "0", "-0", "0.00", "-5", "-0.0000000001", "0.0000000001", "1", "100", "999999999999999", "999999999999999.9999999999",
    "-999999999999999", "1,234.56", "12,345,678.90", "0.5", "３８５４４．４３",
];
const UNITS: &[&str] = &["", "", "万元", "元", "亿元", "%", "％", "家", "次", "天", "小时", "人", "元/人次", "分"];
const OPERATORS: &[&str] = &["", "", "≥", "≤", "=", ">", "<", "> =", "＞＝", "≥ ", "不超过", "不低于"];
const WORDS: &[&str] = &[
    "达成", "部分达成", "未达成", "稳步提高", "2023-12-31", "2023年12月31日前", "45291", "—", "/", "", "x", "1O0", "1e21", "NaN",
    // other provinces' templates: weights in labels, optional marks, numbering, words for outcomes and deadlines
    "产出指标（50分）", "一、效益指标（-5分）", "（一）数量指标（100分）", "满意度指标 0.5分", "（可选）成本指标", "质量指标（可选）（10分）", "年底前", "12月底前",
    "6月30日以前", "2023年底前", "IOO%", "98.5O%", "116,00", "基数为0，不可比", "未出现投诉", "提高不明显", "有所下降", "满意度指标（",
    // 决算 figures and 科目 as units write them: words for the sign, list numbers, split codes, counts with units
    "减少8,214.09", "下降17.57%", "增长100%", "1、科学技术支出(类)", "12、", "2.社会保障和就业支出(类)抚恤(款)死亡抚恤(项)", "215 | 05 | 01", "(类)", "2109988 新设的项",
    "12辆", "1批次", "主要原因是：本年减少", "206\t\t\t科学技术支出\t6.72\t\t6.72",
];

fn cell(r: &mut Rng) -> String {
    match r.below(10) {
        0..=5 => format!("{}{}{}", r.pick(OPERATORS), r.pick(FIGURES), r.pick(UNITS)),
        6 | 7 => r.pick(FIGURES).to_string(),
        _ => r.pick(WORDS).to_string(),
    }
}

/// Replaces some of the document's text cells (never `kind`), keeping its shape.
fn mutate(v: &mut Value, r: &mut Rng, rate: usize) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if k != "kind" && k != "version" {
                    mutate(x, r, rate);
                }
            }
        }
        Value::Array(a) => {
            for x in a.iter_mut() {
                mutate(x, r, rate);
            }
            // sometimes a row more (a copy of one with new cells) or fewer
            if !a.is_empty() && r.below(8) == 0 {
                let mut extra = a[r.below(a.len())].clone();
                mutate(&mut extra, r, 2);
                a.push(extra);
            } else if !a.is_empty() && r.below(8) == 0 {
                a.remove(r.below(a.len()));
            }
        }
        Value::String(s) if r.below(rate) == 0 => *s = cell(r),
        Value::Null if r.below(rate) == 0 => *v = Value::String(cell(r)),
        _ => {}
    }
}

fn policy(r: &mut Rng) -> String {
    // mostly settings in range (so the checks run), now and then one the policy must refuse
    let n = |r: &mut Rng| {
        if r.below(8) == 0 {
            r.pick(&["-1", "1000", "79228162514264337593543950335", "x", ""]).to_string()
        } else {
            r.pick(&["0", "10", "20", "60", "80", "90", "100", "0.5"]).to_string()
        }
    };
    match r.below(5) {
        0 => r#"{"policy":"default"}"#.into(),
        1 => r#"{"policy":"urumqi-2023"}"#.into(),
        2 => {
            let w = n(r);
            format!(r#"{{"policy":{{"exec_weight":"{w}","reverse_formula":"{}"}}}}"#, r.pick(&["linear", "within_limit", "actual_over_target"]))
        }
        3 => {
            let (a, b, c) = (n(r), n(r), n(r));
            format!(r#"{{"policy":{{"base":"urumqi-2023","grade_cuts":["{a}","{b}","{c}"],"rounding_tolerance":"{}"}}}}"#, r.pick(&["0", "0.01", "1"]))
        }
        _ => {
            let (a, b, c, d) = (r.pick(&["0.8", "1", "0"]), r.pick(&["0.6", "0.9", "2"]), n(r), n(r));
            format!(r#"{{"policy":{{"qualitative_bands":["{a}","{b}"],"over_achievement_warn":"{c}","exec_rate_reason_below":"{d}"}}}}"#)
        }
    }
}

fn fixtures() -> Vec<Value> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root).unwrap() {
        for f in std::fs::read_dir(dir.unwrap().path()).unwrap() {
            // the documents; fixtures/text holds texts for the text checker
            let f = f.unwrap().path();
            if f.extension().is_some_and(|x| x == "json") && !f.to_string_lossy().ends_with(".claims.json") {
                out.push(serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap());
            }
        }
    }
    out
}

#[test]
fn mutated_fixtures_never_panic() {
    let cases: usize = std::env::var("JIAOHE_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let fixtures = fixtures();
    let mut r = Rng(0x0bad_5eed_2026_1122);
    let (mut evaluated, mut refused) = (0, 0);
    let start = std::time::Instant::now();
    for i in 0..cases {
        let mut doc = fixtures[i % fixtures.len()].clone();
        let rate = 1 + r.below(6);
        mutate(&mut doc, &mut r, rate);
        let text = doc.to_string();
        match jiaohe::evaluate(&text, &policy(&mut r)) {
            Ok(ev) => {
                evaluated += 1;
                // the result is always writable (the page and the CLI write it out)
                serde_json::to_string(&ev).unwrap();
            }
            Err(e) => {
                refused += 1;
                assert!(!e.is_empty() && !e.is_ascii(), "an English or empty message: {e}");
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("mutated fixtures: {cases} documents ({evaluated} evaluated, {refused} refused with a message), no panic, {:.0}/s", cases as f64 / secs);
}

#[test]
fn every_regression_document_ends_in_a_result_or_a_chinese_message() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("tests/regressions")];
    // the shared originals too, where they are checked out beside the repository
    dirs.push(root.join("../shared/regressions"));
    let mut n = 0;
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        for f in std::fs::read_dir(dir).unwrap() {
            let path = f.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            n += 1;
            let Ok(text) = std::str::from_utf8(&bytes) else { continue };
            for options in ["", r#"{"policy":"urumqi-2023"}"#] {
                if let Err(e) = jiaohe::evaluate(text, options) {
                    assert!(!e.is_ascii(), "{}: {e}", path.display());
                }
            }
        }
    }
    assert!(n >= 13, "regression documents missing: {n}");
}
