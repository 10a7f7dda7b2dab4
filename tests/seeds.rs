//! Whole seed documents through `evaluate`: every stated score and 总分 of the sixteen project
//! tables in seeds 001 and 002 is reproduced, and the problems SPEC §8.3 names are found.

use jiaohe::{evaluate, Evaluation, Severity};
use serde_json::Value;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn eval(name: &str, policy: &str) -> Evaluation {
    evaluate(&fixture(name), &format!(r#"{{"policy":"{policy}"}}"#)).unwrap()
}

fn computed(ev: &Evaluation, path: &str) -> String {
    ev.computed.get(path).unwrap_or_else(|| panic!("no computed {path}"))
}

fn codes(ev: &Evaluation) -> Vec<(&str, &str)> {
    ev.findings.iter().map(|f| (f.code.as_str(), f.path.as_str())).collect()
}

const SEED001_TOTALS: [(&str, &str); 14] = [
    ("01", "100.00"),
    ("02", "80.00"),
    ("03", "89.15"),
    ("04", "100.00"),
    ("05", "92.00"),
    ("06", "96.57"),
    ("07", "94.60"),
    ("08", "80.30"),
    ("09", "100.00"),
    ("10", "91.06"),
    ("11", "100.00"),
    ("12", "100.00"),
    ("13", "100.00"),
    ("14", "100.00"),
];

#[test]
fn seed001_project_tables_reproduce_under_urumqi_2023() {
    for (n, total) in SEED001_TOTALS {
        let name = format!("seed001/{n}");
        let ev = eval(&name, "urumqi-2023");
        assert_eq!(ev.summary.total_score.as_deref(), Some(total), "{name}");
        assert_eq!(ev.summary.errors, 0, "{name}: {:?}", ev.findings);
        // every stated indicator score is the computed one (the unit mismatch row cannot be computed)
        let doc: Value = serde_json::from_str(&fixture(&name)).unwrap();
        for (i, row) in doc["indicators"].as_array().unwrap().iter().enumerate() {
            let stated = row["score"].as_str().unwrap();
            match ev.computed.get(&format!("indicators.{i}.score")) {
                Some(c) => assert_eq!(c, stated, "{name} indicator {i}"),
                None => assert!(codes(&ev).contains(&("unit.mismatch", &format!("indicators.{i}.actual"))), "{name} {i}"),
            }
        }
    }
}

#[test]
fn seed001_worked_figures() {
    let ev = eval("seed001/03", "urumqi-2023");
    assert_eq!(computed(&ev, "funds.total.rate"), "78.59%");
    assert_eq!(computed(&ev, "funds.total.score"), "7.86");
    assert_eq!(computed(&ev, "indicators.7.score"), "4.06");
    assert_eq!(computed(&ev, "indicators.8.score"), "2.75");
    assert_eq!(computed(&ev, "indicators.9.score"), "4.48");
    assert_eq!(computed(&ev, "indicators.10.score"), "0.00");
    assert_eq!(ev.summary.grade.as_deref(), Some("良"));
    assert_eq!(computed(&ev, "weight_total"), "100.00");

    let ev = eval("seed001/08", "urumqi-2023");
    assert_eq!(computed(&ev, "funds.total.rate"), "36.49%");
    assert_eq!(computed(&ev, "funds.total.score"), "3.65");
    assert_eq!(computed(&ev, "indicators.2.score"), "4.63");
    assert_eq!(computed(&ev, "indicators.2.completion"), "92.50%");
    // 劳务费 2.22 against ≤8.90: the completion the seed's text calls "75.06%" is 24.94% of spend
    assert_eq!(computed(&ev, "indicators.6.score"), "2.49");

    let ev = eval("seed001/10", "urumqi-2023");
    assert_eq!(computed(&ev, "funds.total.rate"), "18.35%");
    assert_eq!(computed(&ev, "funds.total.score"), "1.84");
    // two qualitative scores of 14.61 of 15 lie in the 达成 band and are kept
    assert_eq!(computed(&ev, "indicators.8.score"), "14.61");
    assert_eq!(computed(&ev, "indicators.9.score"), "14.61");
    // `7×24小时运维保障服务响应` is a qualitative target, met
    assert_eq!(computed(&ev, "indicators.7.completion"), "达成");
    assert_eq!(computed(&ev, "indicators.7.score"), "10.00");

    let ev = eval("seed001/06", "urumqi-2023");
    assert_eq!(computed(&ev, "funds.total.rate"), "65.67%");
    assert_eq!(computed(&ev, "funds.total.score"), "6.57");
}

#[test]
fn default_policy_scores_seed001_cost_indicators_full_and_says_why() {
    let ev = eval("seed001/03", "default");
    for i in 7..=10 {
        assert_eq!(computed(&ev, &format!("indicators.{i}.score")), "5.00");
        let f = ev.findings.iter().find(|f| f.path == format!("indicators.{i}.score")).unwrap();
        assert_eq!(f.code, "score.policy_differs");
        assert!(f.message.contains("按 实际值/目标值 计分"), "{}", f.message);
    }
    assert_eq!(ev.summary.total_score.as_deref(), Some("97.86"));
    let total = ev.findings.iter().find(|f| f.code == "total.mismatch").unwrap();
    assert_eq!((total.stated.as_deref(), total.computed.as_deref()), (Some("89.15"), Some("97.86")));
    // the ≤ indicators outside 成本指标 are full within the limit under both readings
    let ev = eval("seed001/14", "default");
    assert_eq!(computed(&ev, "indicators.1.score"), "10.00");
    let ev = eval("seed001/06", "default");
    assert_eq!(computed(&ev, "indicators.4.score"), "10.00");
}

#[test]
fn seed001_unit_mismatch_is_flagged() {
    let ev = eval("seed001/06", "urumqi-2023");
    let f = ev.findings.iter().find(|f| f.code == "unit.mismatch").unwrap();
    assert_eq!(f.path, "indicators.5.actual");
    assert!(f.message.contains("元/人次") && f.message.contains("元/人/半天"));
    assert_eq!(f.severity, Severity::Warning);
}

#[test]
fn seed002_project_tables_reproduce_under_default() {
    for n in ["01", "02"] {
        let ev = eval(&format!("seed002/{n}"), "default");
        assert_eq!(ev.summary.total_score.as_deref(), Some("100.00"));
        assert_eq!(ev.summary.grade.as_deref(), Some("优"));
        assert_eq!(ev.summary.errors, 0, "{:?}", ev.findings);
    }
    let ev = eval("seed002/01", "default");
    // ≤116 against 108.223: full within the limit under the default
    assert_eq!(computed(&ev, "indicators.8.score"), "20.00");
    assert_eq!(computed(&ev, "indicators.7.completion"), "100.00%");
    let f = ev.findings.iter().find(|f| f.code == "cost.exceeds_executed").unwrap();
    assert_eq!(f.path, "indicators.8.actual");
    assert!(f.message.contains("108.223") && f.message.contains("92.27"), "{}", f.message);
}

fn with(name: &str, edit: impl FnOnce(&mut Value)) -> Evaluation {
    let mut doc: Value = serde_json::from_str(&fixture(name)).unwrap();
    edit(&mut doc);
    evaluate(&doc.to_string(), r#"{"policy":"urumqi-2023"}"#).unwrap()
}

#[test]
fn edits_are_recomputed_and_wrong_values_found() {
    // one actual changed: 37 → 40 人次 makes 安全生产 80.30 + 0.37 = 80.67
    let ev = with("seed001/08", |d| {
        d["indicators"][2]["actual"] = "=40人次".into();
        d["indicators"][2]["score"] = "".into();
        d["total_score"] = "".into();
    });
    assert_eq!(ev.summary.total_score.as_deref(), Some("80.67"));
    // a total that does not add up
    let ev = with("seed001/03", |d| d["funds"]["total"]["executed"] = "11.13".into());
    let f = ev.findings.iter().find(|f| f.code == "sum.mismatch").unwrap();
    assert_eq!(f.path, "funds.total.executed");
    assert_eq!(f.message, "年度资金总额的全年执行数应为 10.13（当年财政拨款 7.84 + 其他资金 2.29），填写为 11.13；所填执行率 78.59% 也与各项之和相符");
    // and that slip is the only error: 执行率, its score and 总分 follow the rows the rate agrees with
    assert_eq!(ev.summary.errors, 1, "{:#?}", ev.findings);
    // a grade left as "？"
    let ev = with("seed001/03", |d| d["grade"] = "？".into());
    let f = ev.findings.iter().find(|f| f.code == "grade.mismatch").unwrap();
    assert_eq!((f.stated.as_deref(), f.computed.as_deref()), (Some("？"), Some("良")));
    // an unreadable value is a finding on its cell, and the text is kept as typed
    let ev = with("seed001/03", |d| d["indicators"][0]["weight"] = "十".into());
    let f = ev.findings.iter().find(|f| f.code == "value.unparseable").unwrap();
    assert_eq!((f.path.as_str(), f.stated.as_deref()), ("indicators.0.weight", Some("十")));
    // a score above its weight
    let ev = with("seed001/03", |d| d["indicators"][1]["score"] = "6".into());
    assert!(codes(&ev).contains(&("score.over_weight", "indicators.1.score")));
    // weights not adding to 100
    let ev = with("seed001/03", |d| d["indicators"][1]["weight"] = "6".into());
    assert!(codes(&ev).contains(&("weights.total", "weight_total")));
    // a wrong 执行率
    let ev = with("seed001/03", |d| d["funds"]["total"]["rate"] = "80.00%".into());
    let f = ev.findings.iter().find(|f| f.code == "rate.mismatch").unwrap();
    assert_eq!(f.computed.as_deref(), Some("78.59%"));
    // blank computed cells are filled, not flagged
    let ev = with("seed001/03", |d| {
        d["funds"]["total"] = serde_json::json!({"label": "年度资金总额"});
        d["total_score"] = "".into();
    });
    assert_eq!(computed(&ev, "funds.total.executed"), "10.13");
    assert_eq!(computed(&ev, "funds.total.adjusted"), "12.89");
    assert_eq!(ev.summary.total_score.as_deref(), Some("89.15"));
    assert_eq!(ev.summary.errors, 0);
}

#[test]
fn deviation_reasons_are_asked_for() {
    let ev = with("seed001/08", |d| d["indicators"][2]["reason"] = "".into());
    let f = ev.findings.iter().find(|f| f.code == "deviation.reason_missing").unwrap();
    assert_eq!(f.path, "indicators.2.reason");
    assert!(f.message.contains("92.50%"));
    // a qualitative indicator chosen as 部分达成 gets the bottom of its band and wants a reason
    let ev = with("seed001/03", |d| {
        d["indicators"][11]["level"] = "部分达成".into();
        d["indicators"][11]["score"] = "".into();
    });
    assert_eq!(computed(&ev, "indicators.11.score"), "12.00");
    assert!(codes(&ev).contains(&("deviation.reason_missing", "indicators.11.reason")));
}

#[test]
fn policy_settings_override_a_profile() {
    let doc = fixture("seed001/03");
    let ev = evaluate(&doc, r#"{"policy":{"base":"urumqi-2023","grade_cuts":["80","70","60"]}}"#).unwrap();
    assert_eq!(ev.summary.grade.as_deref(), Some("优"));
    let mut blank_weight: Value = serde_json::from_str(&doc).unwrap();
    blank_weight["funds"]["total"]["weight"] = "".into();
    let ev = evaluate(&blank_weight.to_string(), r#"{"policy":{"exec_weight":20}}"#).unwrap();
    assert_eq!(computed(&ev, "funds.total.weight"), "20.00");
    assert!(codes(&ev).contains(&("weights.total", "weight_total")));
    assert!(evaluate(&doc, r#"{"policy":"nowhere"}"#).unwrap_err().contains("urumqi-2023"));
    assert!(evaluate(&doc, r#"{"policy":{"exec_wieght":20}}"#).unwrap_err().contains("exec_wieght"));
}

#[test]
fn malformed_documents_are_errors_in_chinese() {
    assert!(evaluate("{not json", "").unwrap_err().contains("JSON"));
    assert!(evaluate("[]", "").unwrap_err().contains("JSON 对象"));
    assert!(evaluate(r#"{"kind":"budget_x"}"#, "").unwrap_err().contains("无法识别的表单类型"));
    assert!(evaluate(r#"{"kind":"project_self_evaluation","version":99}"#, "").unwrap_err().contains("较新版本"));
    // numbers instead of strings keep their written digits
    let ev = evaluate(r#"{"kind":"project_self_evaluation","funds":{"rows":[{"executed":0.1},{"executed":0.2}]}}"#, "").unwrap();
    assert_eq!(computed(&ev, "funds.total.executed"), "0.30");
}
