//! Form B and report C on the seeds: the department tables of 001 and 002, the reports of 000
//! (seven real errors and a grade left as "？") and 003 (an exceeded limit scored full).

use jiaohe::{evaluate, Evaluation};
use serde_json::Value;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn eval(name: &str) -> Evaluation {
    evaluate(&fixture(name), "").unwrap()
}

fn finding<'a>(ev: &'a Evaluation, code: &str, path: &str) -> &'a jiaohe::Finding {
    ev.findings.iter().find(|f| f.code == code && f.path == path).unwrap_or_else(|| panic!("no {code} at {path}: {:#?}", ev.findings))
}

fn values(f: &jiaohe::Finding) -> (Option<&str>, Option<&str>) {
    (f.stated.as_deref(), f.computed.as_deref())
}

#[test]
fn department_table_seed001_totals_and_swapped_columns() {
    let ev = eval("department/seed001");
    assert_eq!(ev.computed.get("funds.total.initial").unwrap(), "6,342.65");
    assert_eq!(ev.computed.get("funds.total.adjusted").unwrap(), "38,544.43");
    assert_eq!(ev.computed.get("funds.total.executed").unwrap(), "38,349.81");
    assert_eq!(ev.computed.get("funds.total.rate").unwrap(), "99.50%");
    assert_eq!(ev.computed.get("funds.total.score").unwrap(), "9.95");
    assert_eq!(ev.summary.total_score.as_deref(), Some("99.95"));
    assert_eq!(ev.summary.errors, 0, "{:#?}", ev.findings);
    // 实际完成值 and 分值权重 printed swapped: found on every row, and the row read the right way
    for i in 0..6 {
        finding(&ev, "columns.swapped", &format!("indicators.{i}.weight"));
    }
    assert_eq!(values(finding(&ev, "columns.swapped", "indicators.0.weight")), (Some("40家"), Some("20")));
    assert_eq!(ev.computed.get("indicators.0.completion").unwrap(), "200.00%");
    assert_eq!(ev.computed.get("weight_total").unwrap(), "100.00");
}

#[test]
fn department_table_seed002_has_no_exec_score_and_no_total() {
    let ev = eval("department/seed002");
    assert_eq!(values(finding(&ev, "exec.score_missing", "funds.total.score")), (None, Some("10.00")));
    assert_eq!(values(finding(&ev, "total.missing", "total_score")), (None, Some("100.00")));
    // weights 20 + 20 + 20 + 20 + 10 = 90 before the 执行率 block
    assert_eq!(ev.computed.get("indicators.weight_total").unwrap(), "90.00");
    finding(&ev, "value.actual_has_comparator", "indicators.4.actual");
}

#[test]
fn report_seed000_all_seven_errors_on_their_fields() {
    let ev = eval("report/seed000");
    // 1. 编制 4 ≠ 4 + 13
    assert_eq!(values(finding(&ev, "sum.mismatch", "staffing.total")), (Some("4"), Some("17")));
    // 2. 4,664.42 − 1,419.95 = 3,244.47, not 2,385.28; and 年初 stated earlier is 3,244.47
    assert_eq!(values(finding(&ev, "sum.mismatch", "budget.adjusted")), (Some("2,385.28"), Some("3,244.47")));
    assert_eq!(values(finding(&ev, "figure.inconsistent", "budget.approved")), (Some("4,664.42"), Some("3,244.47")));
    // 3. 执行率 on two bases: 99.79% and 51.03%
    let f = finding(&ev, "exec_rate.base", "performance.budget");
    assert!(f.message.contains("99.79%") && f.message.contains("51.03%"), "{}", f.message);
    assert_eq!(ev.computed.get("performance.score").unwrap(), "5.10");
    // 4. project sums
    assert_eq!(values(finding(&ev, "sum.mismatch", "projects.groups.0.budget")), (Some("4,359.58"), Some("4,396.65")));
    assert_eq!(values(finding(&ev, "sum.mismatch", "projects.groups.1.budget")), (Some("63.18"), Some("67.74")));
    assert_eq!(values(finding(&ev, "sum.mismatch", "projects.budget")), (Some("4,398.82"), Some("4,464.39")));
    assert_eq!(values(finding(&ev, "sum.mismatch", "projects.executed")), (Some("2,116.80"), Some("2,165.08")));
    // 5. 隐患 1,509 = 1,007 + 501 = 1,508
    assert_eq!(values(finding(&ev, "text.sum_mismatch", "key_work")), (Some("1509"), Some("1508")));
    // 6. 完成率 0.1% stated; 0.1 / 5 = 2.00%, which the score 0.5 of 25 implies
    assert_eq!(values(finding(&ev, "completion.mismatch", "indicators.4.completion")), (Some("0.1%"), Some("2.00%")));
    assert_eq!(ev.computed.get("indicators.4.score").unwrap(), "0.50");
    // 7. 57.41 with the grade left as "？": it is 差
    assert_eq!(values(finding(&ev, "grade.mismatch", "grade")), (Some("？"), Some("差")));
    assert_eq!(ev.summary.total_score.as_deref(), Some("57.41"));
}

#[test]
fn report_seed003_exceeded_limit_and_otherwise_consistent() {
    let ev = eval("report/seed003");
    assert_eq!(ev.computed.get("budget.adjusted").unwrap(), "556.83");
    assert_eq!(ev.computed.get("budget.adjustment_rate").unwrap(), "51.65%");
    assert_eq!(ev.computed.get("execution.rate").unwrap(), "99.53%");
    assert_eq!(ev.computed.get("performance.score").unwrap(), "9.95");
    assert_eq!(ev.computed.get("basic.rate").unwrap(), "99.26%");
    // ≤367.19 万元 with 554.23 spent was scored the full 12
    assert_eq!(values(finding(&ev, "score.mismatch", "indicators.1.score")), (Some("12.00"), Some("7.95")));
    assert_eq!(values(finding(&ev, "completion.mismatch", "indicators.1.completion")), (Some("99.53%"), Some("66.25%")));
    // one mistake, one error: the stated 91.95 / 优 add up and follow from it, and say so
    let errors: Vec<&str> = ev.findings.iter().filter(|f| f.severity == jiaohe::Severity::Error).map(|f| f.path.as_str()).collect();
    assert_eq!(errors, ["indicators.1.score", "indicators.1.completion"]);
    let total = finding(&ev, "total.follows", "total_score");
    assert_eq!(values(total), (Some("91.95"), Some("87.90")));
    assert!(total.message.contains("“预算经费”"), "{}", total.message);
    assert_eq!(values(finding(&ev, "grade.follows", "grade")), (Some("优"), Some("良")));
}

#[test]
fn report_text_from_seed003_states_9195_and_you() {
    let ev = eval("report/seed003");
    let text = ev.computed.get("report").unwrap();
    assert!(text.contains("2023 年度部门整体支出绩效自评综合得分 91.95 分，评价结果为“优”。"), "{text}");
    assert!(text.contains("我单位年初批复预算数 367.19 万元，年中调增数 189.64 万元，调整后全年预算数 556.83 万元，预算调整率 51.65%。"), "{text}");
    assert!(text.contains("全年预算数为 556.83 万元，全年实际支出资金 554.23 万元，预算执行率为 99.53%。"));
    assert!(text.contains("执行率为 99.53%，得 9.95 分。"));
    let order = ["一、基本概况", "（三）部门单位整体预算规模及安排情况", "二、部门单位整体支出管理及使用情况", "三、部门单位整体支出绩效分析", "四、评价结论", "五、存在的主要问题及原因分析", "六、改进措施和建议"];
    let at: Vec<usize> = order.iter().map(|h| text.find(h).unwrap_or_else(|| panic!("{h}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn report_text_from_seed000_corrected_states_cha() {
    // the reading that makes seed 000 consistent: 3,244.47 + 1,419.95 = 4,664.42, executed 2,380.33
    let mut doc: Value = serde_json::from_str(&fixture("report/seed000")).unwrap();
    doc["staffing"]["total"] = "17".into();
    doc["budget"]["approved"] = "3244.47".into();
    doc["budget"]["direction"] = "调增".into();
    doc["budget"]["adjusted"] = "4664.42".into();
    doc["budget"]["adjustment_rate"] = "43.77%".into();
    doc["execution"]["budget"] = "4664.42".into();
    doc["execution"]["rate"] = "51.03%".into();
    doc["projects"]["groups"][0]["budget"] = "4396.65".into();
    doc["projects"]["groups"][1]["budget"] = "67.74".into();
    doc["projects"]["budget"] = "4464.39".into();
    doc["projects"]["executed"] = "2165.08".into();
    doc["spending"]["project"] = "2116.80".into();
    doc["indicators"][4]["completion"] = "2.00%".into();
    doc["grade"] = "差".into();
    doc["key_work"] = doc["key_work"].as_str().unwrap().replace("1509 条", "1508 条").into();
    let ev = evaluate(&doc.to_string(), "").unwrap();
    let errors: Vec<_> = ev.findings.iter().filter(|f| f.severity == jiaohe::Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let text = ev.computed.get("report").unwrap();
    assert!(text.contains("综合得分 57.41 分，评价结果为“差”。"), "{text}");
    assert!(text.contains("编制 17 名，其中：行政编制 4 名，事业编制 13 名。"));
    assert!(text.contains("全年预算数为 4,664.42 万元，全年实际支出资金 2,380.33 万元，预算执行率为 51.03%。"));
    assert!(text.contains("（1）转移支付项目：共计 4 个项目，金额为 4,396.65 万元"));
    assert!(text.contains("我单位2023年全年预算金额为 4,664.42 万元，执行金额为 2,380.33 万元，执行率为 51.03%，得 5.10 分。"), "{text}");
}

#[test]
fn report_text_states_one_execution_rate_even_from_wrong_figures() {
    // seed 000 as published states 99.79% and 51.03%; the text written from its figures states
    // one rate, on the 调整后 budget its own figures give (4,664.42 − 1,419.95 = 3,244.47)
    let text = eval("report/seed000").computed.get("report").unwrap();
    assert!(text.contains("全年预算数为 3,244.47 万元，全年实际支出资金 2,380.33 万元，预算执行率为 73.37%。"), "{text}");
    assert!(text.contains("全年预算金额为 3,244.47 万元，执行金额为 2,380.33 万元，执行率为 73.37%，得 7.34 分。"), "{text}");
    assert!(!text.contains("99.79%") && !text.contains("51.03%"));
}

fn seed001_package(final_accounts: Value) -> Evaluation {
    use jiaohe::Document;
    let mut members: Vec<Document> = (1..=14).map(|i| Document::from_json(&fixture(&format!("seed001/{i:02}"))).unwrap()).collect();
    members.push(Document::from_json(&fixture("department/seed001")).unwrap());
    let mut doc = jiaohe::forms::package::assemble("乌鲁木齐市工业和信息化局", members);
    doc.final_accounts = serde_json::from_value(final_accounts).unwrap();
    // the package goes through the same text reader a file does
    let text = serde_json::to_string(&Document::Package(doc)).unwrap();
    evaluate(&text, r#"{"policy":"urumqi-2023"}"#).unwrap()
}

#[test]
fn seed001_package_adds_up_across_documents() {
    let fa = serde_json::json!({"project_count": "14", "project_budget": "4,046.97", "project_executed": "2,248.10", "income_total": "38,544.43", "expenditure_total": "38,349.81"});
    let ev = seed001_package(fa);
    assert_eq!(ev.computed.get("members.count").unwrap(), "14");
    assert_eq!(ev.computed.get("members.adjusted").unwrap(), "4,046.97");
    assert_eq!(ev.computed.get("members.executed").unwrap(), "2,248.10");
    assert_eq!(ev.computed.get("projects.2.total_score").unwrap(), "89.15");
    assert_eq!(ev.computed.get("department.total_score").unwrap(), "99.95");
    assert_eq!(ev.summary.errors, 0, "{:#?}", ev.findings.iter().filter(|f| f.severity == jiaohe::Severity::Error).collect::<Vec<_>>());
    // a member's finding keeps pointing at its field
    finding(&ev, "unit.mismatch", "projects.5.indicators.5.actual");

    let fa = serde_json::json!({"project_count": "13", "project_budget": "4,064.97", "project_executed": "2,248.10", "income_total": "38,544.43", "expenditure_total": "38,349.18"});
    let ev = seed001_package(fa);
    assert_eq!(values(finding(&ev, "count.mismatch", "final_accounts.project_count")), (Some("13"), Some("14")));
    assert_eq!(values(finding(&ev, "sum.mismatch", "final_accounts.project_budget")), (Some("4,064.97"), Some("4,046.97")));
    assert_eq!(values(finding(&ev, "figure.inconsistent", "final_accounts.expenditure_total")), (Some("38,349.18"), Some("38,349.81")));
    assert_eq!(ev.summary.errors, 3);
}
