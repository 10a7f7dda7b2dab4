//! Work grows with the document, not with its square: a report with 20,000 project groups and
//! items, and a project table with 20,000 indicator rows. Nothing here is timed (speed lives in
//! `make bench`); a quadratic check would make this test take minutes instead of well under a
//! second, which is what it guards against. The time is printed.

use serde_json::json;

#[test]
fn twenty_thousand_groups_and_rows() {
    let n = 20_000;
    let groups: Vec<_> = (0..n).map(|g| json!({ "name": format!("第{g}组"), "count": "1", "budget": "1.00", "executed": "0.50" })).collect();
    let items: Vec<_> = (0..n).map(|g| json!({ "group": format!("第{g}组"), "name": format!("项目{g}"), "budget": "1.00", "executed": "0.50" })).collect();
    let report = json!({ "kind": "department_report", "projects": { "groups": groups, "items": items, "count": n.to_string() } });
    let start = std::time::Instant::now();
    let ev = jiaohe::evaluate(&report.to_string(), "").unwrap();
    println!("report with {n} groups and items: {:?}", start.elapsed());
    assert_eq!(ev.computed.get("projects.budget").unwrap(), "20,000.00");
    assert!(ev.findings.iter().all(|f| f.code != "count.mismatch"), "every group has its one item");

    let rows: Vec<_> = (0..n).map(|i| json!({ "level1": "产出指标", "name": format!("指标{i}"), "target": "≥90%", "actual": "95%", "weight": "0.0045", "score": "" })).collect();
    let project = json!({ "kind": "project_self_evaluation", "funds": { "total": { "adjusted": "100", "executed": "90" } }, "indicators": rows });
    let start = std::time::Instant::now();
    let ev = jiaohe::evaluate(&project.to_string(), "").unwrap();
    println!("project table with {n} indicator rows: {:?}", start.elapsed());
    assert_eq!(ev.computed.get("indicators.19999.completion").unwrap(), "105.56%");
}
