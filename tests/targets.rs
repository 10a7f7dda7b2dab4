//! 绩效目标表 (SPEC §6 E, §5.4): seed 004's 部门整体 table and its eleven published 项目支出
//! tables, on their own and inside the 预算公开 — funds, 指标值, 赋分规则, weights of 90, each
//! project's money found in 表7 (and 表11's 结转) — and carried forward as next year's 自评表.

use jiaohe::{evaluate, Evaluation};
use serde_json::{json, Value};

fn seed() -> Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{}/tests/fixtures/budget/seed004.json", env!("CARGO_MANIFEST_DIR"))).unwrap()).unwrap()
}

fn eval(doc: &Value) -> Evaluation {
    evaluate(&doc.to_string(), "").unwrap()
}

/// A target table of the fixture as a document of its own.
fn standalone(kind: &str, t: &Value) -> Value {
    let mut d = t.clone();
    d["kind"] = json!(kind);
    d
}

fn project(i: usize) -> Value {
    standalone("project_target", &seed()["targets"]["projects"][i])
}

fn codes(ev: &Evaluation) -> Vec<(String, String)> {
    ev.findings.iter().map(|f| (f.code.as_str().to_string(), f.path.clone())).collect()
}

fn find<'a>(ev: &'a Evaluation, code: &str, path: &str) -> &'a jiaohe::Finding {
    ev.findings.iter().find(|f| f.code == code && f.path == path).unwrap_or_else(|| panic!("no {code} at {path}: {:#?}", ev.findings))
}

#[test]
fn the_transcription_is_the_published_target_tables() {
    let text = std::fs::read_to_string(format!("{}/../shared/seeds/004_0a1f217f2835b61f.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let section = &text[text.find("部门整体绩效目标表").unwrap()..text.find("（五）其他需说明的事项").unwrap()];
    let doc = seed();
    let projects = doc["targets"]["projects"].as_array().unwrap();
    assert_eq!(projects.len(), section.matches("项目支出绩效目标表").count());
    let mut cells = 0;
    for t in projects.iter().chain([&doc["targets"]["department"]]) {
        for r in t["indicators"].as_array().unwrap() {
            for k in ["name", "target", "weight", "rule"] {
                let s = r[k].as_str().unwrap_or("");
                if !s.is_empty() {
                    assert!(section.contains(s), "{s} is not in the published target tables");
                    cells += 1;
                }
            }
        }
        assert!(section.contains(t["funds"]["total"].as_str().unwrap_or("3,779.70")));
    }
    assert!(cells > 300, "{cells}");
}

#[test]
fn every_published_target_table_holds_on_its_own() {
    let doc = seed();
    for (i, t) in doc["targets"]["projects"].as_array().unwrap().iter().enumerate() {
        let ev = eval(&standalone("project_target", t));
        assert_eq!((ev.summary.errors, ev.summary.warnings), (0, 0), "{i}: {:#?}", ev.findings);
        assert_eq!(ev.computed.get("weight_total").as_deref(), Some("90.00"), "{i}");
        assert!(ev.summary.title.ends_with("（2025年项目支出绩效目标表）"), "{}", ev.summary.title);
    }
    let ev = eval(&standalone("department_target", &doc["targets"]["department"]));
    assert_eq!((ev.summary.errors, ev.summary.warnings), (0, 0), "{:#?}", ev.findings);
    // 财政资金 = 上级安排 + 本级安排, 资金总额 = 财政资金 + 其他资金
    assert_eq!(ev.computed.get("funds.fiscal").as_deref(), Some("6,695.87"));
    assert_eq!(ev.computed.get("funds.total").as_deref(), Some("6,724.07"));
    assert_eq!(ev.computed.get("weight_total").as_deref(), Some("90.00"));
}

#[test]
fn funds_values_rules_and_weights_that_cannot_be_are_found() {
    let mut d = project(0); // 2024年度“小升规”专项奖补资金: 500.00 = 500.00 + 0.00
    d["funds"]["other"] = json!("20.00");
    d["indicators"][0]["weight"] = json!("5"); // 85 + 10 ≠ 100
    d["indicators"][1]["rule"] = json!("按评判等级赋分"); // on ≥2000万元/家
    d["indicators"][5]["rule"] = json!("按照完成比例赋分"); // on 稳步增长
    d["indicators"][6]["rule"] = json!("按满意程度"); // not a rule
    d["indicators"][2]["target"] = json!(">=");
    let ev = eval(&d);
    let f = find(&ev, "sum.mismatch", "funds.total");
    assert_eq!((f.stated.as_deref(), f.computed.as_deref()), (Some("500.00"), Some("520.00")));
    assert!(f.message.contains("财政拨款 500.00 + 其他资金 20.00"), "{}", f.message);
    let f = find(&ev, "weights.total", "weight_total");
    assert!(f.message.contains("合计 85.00，应为 90.00"), "{}", f.message);
    assert!(find(&ev, "rule.mismatch", "indicators.1.rule").message.contains("定性指标"));
    assert!(find(&ev, "rule.mismatch", "indicators.5.rule").message.contains("按评判等级赋分"));
    find(&ev, "value.unparseable", "indicators.6.rule");
    find(&ev, "value.unparseable", "indicators.2.target");
    // a blank rule is filled with the default for the value's kind
    let mut d = project(0);
    d["indicators"][0]["rule"] = json!("");
    d["indicators"][5]["rule"] = json!("");
    let ev = eval(&d);
    assert_eq!(ev.summary.errors + ev.summary.warnings, 0, "{:#?}", ev.findings);
    assert_eq!(ev.computed.get("indicators.0.rule").as_deref(), Some("按照完成比例赋分"));
    assert_eq!(ev.computed.get("indicators.5.rule").as_deref(), Some("按评判等级赋分"));
    // a template whose indicators weigh 100 (no 执行率 block) is said so, not an error
    let mut d = project(0);
    d["indicators"][0]["weight"] = json!("20");
    assert_eq!(codes(&eval(&d)), [("weights.no_exec_block".to_string(), "weight_total".to_string())]);
    // nothing typed: nothing wrong, the summary says what is missing
    let blank = jiaohe::forms::blank("project_target").unwrap();
    let ev = jiaohe::evaluate_document(&blank, &jiaohe::Policy::default());
    assert_eq!(ev.findings.len(), 0, "{:#?}", ev.findings);
    assert!(!ev.summary.missing.is_empty());
}

#[test]
fn each_project_target_is_found_in_table_7_and_its_carry_over_in_table_11() {
    let ev = eval(&seed());
    assert_eq!((ev.summary.errors, ev.summary.warnings), (0, 0), "{:#?}", ev.findings);
    // 安全生产和节能审查工作经费 25.49 = 表7 20.50 + 表11 “安全生产工作经费” 4.99
    let f = find(&ev, "target.carried", "targets.projects.1.funds.total");
    assert!(f.message.contains("表7 20.50") && f.message.contains("“安全生产工作经费”上年结转 4.99"), "{}", f.message);
    assert_eq!(ev.computed.get("targets.projects.1.table7").as_deref(), Some("20.50"));
    assert_eq!(ev.computed.get("targets.projects.1.table11").as_deref(), Some("4.99"));
    // names printed with and without spaces (`2024 年度`) are one project
    assert_eq!(ev.computed.get("targets.projects.0.table7").as_deref(), Some("500.00"));
    assert_eq!(ev.computed.get("targets.projects.7.table7").as_deref(), Some("270.00"));
    // a target's own findings sit under its place in the disclosure, related cells too
    let mut d = seed();
    d["targets"]["projects"][3]["funds"]["other"] = json!("1.00");
    let ev = eval(&d);
    let f = find(&ev, "sum.mismatch", "targets.projects.3.funds.total");
    assert_eq!(f.related, ["targets.projects.3.funds.fiscal", "targets.projects.3.funds.other"]);
    // the stated 年度预算总额 still agrees with 表7: one mistake, one finding
    assert_eq!(ev.summary.errors, 1, "{:#?}", ev.findings);
}

#[test]
fn a_target_whose_money_or_name_differs_from_the_tables_is_found() {
    let mut d = seed();
    d["targets"]["projects"][0]["funds"]["total"] = json!("450.00");
    d["targets"]["projects"][0]["funds"]["fiscal"] = json!("450.00");
    d["targets"]["projects"][4]["project"] = json!("工业和信息化调研经费");
    d["targets"]["department"]["funds"]["other"] = json!("30.00");
    let ev = eval(&d);
    let f = find(&ev, "figure.inconsistent", "targets.projects.0.funds.total");
    assert_eq!((f.stated.as_deref(), f.computed.as_deref()), (Some("450.00"), Some("500.00")));
    assert!(f.related.iter().any(|r| r.starts_with("projects.rows.")), "{:?}", f.related);
    assert!(find(&ev, "target.unmatched", "targets.projects.4.project").message.contains("工业和信息化调研经费"));
    assert!(!ev.computed.0.iter().any(|(p, _)| p.to_string() == "targets.projects.4.table7"));
    let f = find(&ev, "figure.inconsistent", "targets.department.funds.total");
    assert!(f.message.contains("6,725.87") && f.message.contains("表1 收入总计为 6,724.07"), "{}", f.message);
    assert_eq!(ev.summary.errors, 2, "{:#?}", ev.findings);
}

#[test]
fn a_target_table_becomes_next_years_self_evaluation() {
    let d = jiaohe::Document::from_json(&seed().to_string()).unwrap();
    let next = jiaohe::forms::carry_forward(&d, Some(1)).unwrap();
    let v = serde_json::to_value(&next).unwrap();
    assert_eq!(v["kind"], "project_self_evaluation");
    assert_eq!((v["project"].as_str(), v["department"].as_str()), (Some("安全生产和节能审查工作经费"), Some("乌鲁木齐市工业和信息化局")));
    // the 结转 of 表11 goes on its own line
    let initial: Vec<&str> = v["funds"]["rows"].as_array().unwrap().iter().map(|r| r["initial"].as_str().unwrap()).collect();
    assert_eq!((v["funds"]["total"]["initial"].as_str(), initial), (Some("25.49"), vec!["20.50", "4.99", "0.00"]));
    let published = &seed()["targets"]["projects"][1]["indicators"];
    let rows = v["indicators"].as_array().unwrap();
    assert_eq!(rows.len(), published.as_array().unwrap().len());
    for (r, p) in rows.iter().zip(published.as_array().unwrap()) {
        for k in ["name", "target", "weight", "rule"] {
            assert_eq!(r[k], p[k], "{k}");
        }
        assert_eq!(r["actual"], "");
    }
    // checked as a 自评表 it only lacks what the year has not yet given
    let ev = jiaohe::evaluate_document(&next, &jiaohe::Policy::default());
    assert_eq!(ev.summary.errors, 0, "{:#?}", ev.findings);
    assert!(ev.summary.missing.iter().any(|m| m.contains("7 项指标的实际完成值")), "{:?}", ev.summary.missing);
    assert!(ev.findings.iter().all(|f| f.code == "value.missing" || f.code == "form.incomplete"), "{:#?}", ev.findings);
    // level names a PDF paste spaced out (`产出 指标`) are carried as the form names them
    let next = jiaohe::forms::carry_forward(&d, Some(2)).unwrap();
    let v = serde_json::to_value(&next).unwrap();
    assert_eq!((v["indicators"][0]["level1"].as_str(), v["indicators"][0]["level2"].as_str()), (Some("产出指标"), Some("数量指标")));
    // the 部门整体 table becomes the 整体支出绩效自评表
    let next = jiaohe::forms::carry_forward(&d, None).unwrap();
    let v = serde_json::to_value(&next).unwrap();
    assert_eq!((v["kind"].as_str(), v["unit"].as_str(), v["funds"]["total"]["initial"].as_str()), (Some("department_self_evaluation"), Some("乌鲁木齐市工业和信息化局"), Some("6,724.07")));
    assert_eq!(v["indicators"][0]["basis"], "2025 年工作计划");
    // a standalone table carries the same way; other forms and missing tables are refused in Chinese
    let alone = jiaohe::Document::from_json(&project(0).to_string()).unwrap();
    assert_eq!(serde_json::to_value(jiaohe::forms::carry_forward(&alone, None).unwrap()).unwrap()["funds"]["rows"][0]["initial"], "500.00");
    assert!(jiaohe::forms::carry_forward(&d, Some(11)).unwrap_err().contains("只有 11 张"));
    let other = jiaohe::forms::blank("project_self_evaluation").unwrap();
    assert!(jiaohe::forms::carry_forward(&other, None).unwrap_err().contains("不是绩效目标表"));
}
