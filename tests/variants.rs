//! Forms A and B on other provinces' templates (SPEC §9, issue 11): the variant fixtures in
//! tests/fixtures/variants are shaped like their published tables. Each test says what the
//! product says about its variant; none may raise a false error, and a mistake is one finding
//! at its root.

use jiaohe::{evaluate, Evaluation, Finding, Severity};
use serde_json::Value;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn eval_with(name: &str, policy: &str, edit: impl FnOnce(&mut Value)) -> Evaluation {
    let mut doc: Value = serde_json::from_str(&fixture(name)).unwrap();
    edit(&mut doc);
    evaluate(&doc.to_string(), &format!(r#"{{"policy":{policy}}}"#)).unwrap()
}

fn eval(name: &str) -> Evaluation {
    eval_with(name, r#""default""#, |_| {})
}

fn computed(ev: &Evaluation, path: &str) -> String {
    ev.computed.get(path).unwrap_or_else(|| panic!("no computed {path}"))
}

fn errors(ev: &Evaluation) -> Vec<(&str, &str)> {
    ev.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| (f.code.as_str(), f.path.as_str())).collect()
}

fn find<'a>(ev: &'a Evaluation, code: &str) -> &'a Finding {
    ev.findings.iter().find(|f| f.code == code).unwrap_or_else(|| panic!("no {code}: {:#?}", ev.findings))
}

fn has(ev: &Evaluation, code: &str) -> bool {
    ev.findings.iter().any(|f| f.code == code)
}

fn graded(ev: &Evaluation) -> (Option<&str>, Option<&str>) {
    (ev.summary.total_score.as_deref(), ev.summary.grade.as_deref())
}

#[test]
fn weights_printed_in_the_labels_only() {
    let ev = eval("variants/labels_only");
    assert_eq!(errors(&ev), []);
    assert!(!has(&ev, "weights.total") && !has(&ev, "weight.missing"), "{:#?}", ev.findings);
    assert_eq!(computed(&ev, "weight_total"), "100.00");
    // a 二级 group of one row lends the row its weight, and the row is scored: 95 ÷ 100 × 15
    assert_eq!(computed(&ev, "indicators.3.weight"), "15.00");
    assert_eq!(computed(&ev, "indicators.3.score"), "14.25");
    assert_eq!(graded(&ev), (Some("98.85"), Some("优")));
    // a score above its label's weight is found on the label
    let ev = eval_with("variants/labels_only", r#""default""#, |d| d["indicators"][0]["score"] = "22".into());
    let f = find(&ev, "score.over_weight");
    assert_eq!(f.path, "indicators.0.score");
    assert!(f.message.contains("22.00") && f.message.contains("20.00"), "{}", f.message);
}

#[test]
fn labels_that_disagree_with_the_weight_column_name_every_cell() {
    let ev = eval("variants/labels_disagree");
    assert_eq!(errors(&ev), [("weights.group", "indicators.0.level1")]);
    let f = find(&ev, "weights.group");
    // the labels make 100 and the rows 95: the label's finding is the one, and the total waits for it
    assert_eq!(f.message, "一级指标“产出指标”标注 50 分，其下分值合计 45 分（20 + 20 + 5），请改正标注或分值；改正前无法核对总分和等级");
    assert_eq!(f.related, ["indicators.0.weight", "indicators.1.weight", "indicators.2.weight"]);
    assert!(!has(&ev, "weights.total"));
    assert_eq!(graded(&ev), (None, None));
    // a label that is the slip (the rows make 100): one error, and the table is graded from the rows
    let ev = eval_with("variants/labels_disagree", r#""default""#, |d| {
        d["indicators"][2]["weight"] = "10".into();
        d["indicators"][2]["score"] = "10".into();
        d["total_score"] = "100.00".into();
    });
    let ev2 = eval_with("variants/labels_disagree", r#""default""#, |d| {
        d["indicators"][0]["level1"] = "产出指标（45分）".into();
        d["indicators"][2]["weight"] = "10".into();
        d["indicators"][2]["score"] = "10".into();
        d["total_score"] = "100.00".into();
    });
    assert_eq!(errors(&ev), []);
    assert_eq!(errors(&ev2), [("weights.group", "indicators.0.level1")]);
    assert_eq!(graded(&ev2), (Some("100.00"), Some("优")));
}

#[test]
fn a_template_without_an_exec_block() {
    let ev = eval("variants/no_exec_block");
    assert_eq!(errors(&ev), []);
    let f = find(&ev, "weights.no_exec_block");
    assert_eq!(f.severity, Severity::Info);
    assert!(f.message.contains("97.50%"), "{}", f.message);
    assert_eq!(computed(&ev, "funds.total.weight"), "0.00");
    assert_eq!(ev.summary.exec_rate.as_deref(), Some("97.50%"));
    assert_eq!(graded(&ev), (Some("100.00"), Some("优")));
    assert!(!has(&ev, "exec.score_missing"));
    // the same as a setting: no note, the profile says so
    let ev = eval_with("variants/no_exec_block", r#"{"exec_weight":"0"}"#, |_| {});
    assert_eq!(errors(&ev), []);
    assert!(!has(&ev, "weights.no_exec_block"));
    assert_eq!(graded(&ev), (Some("100.00"), Some("优")));
    // a template with the block still wants its 10 points
    let ev = eval_with("variants/no_exec_block", r#""default""#, |d| d["funds"]["total"]["weight"] = "10".into());
    assert_eq!(errors(&ev), [("weights.total", "weight_total")]);
}

#[test]
fn optional_indicators_count_when_filled() {
    let ev = eval("variants/optional");
    assert_eq!(errors(&ev), []);
    assert_eq!(computed(&ev, "weight_total"), "100.00");
    assert_eq!(graded(&ev), (Some("99.80"), Some("优")));
    assert!(!has(&ev, "value.missing"), "an optional row left empty asks for nothing: {:#?}", ev.findings);
    // filled, it counts: its weight and its score
    let ev = eval_with("variants/optional", r#""default""#, |d| {
        d["indicators"][3]["actual"] = "1.1万元".into();
        d["indicators"][3]["score"] = "5".into();
    });
    assert_eq!(computed(&ev, "weight_total"), "105.00");
    assert!(errors(&ev).contains(&("weights.total", "weight_total")), "{:#?}", ev.findings);
}

#[test]
fn blank_and_cut_off_tables_are_not_graded() {
    let ev = eval("variants/blank");
    assert_eq!(graded(&ev), (None, None));
    assert_eq!(ev.summary.missing, ["绩效指标（三级指标、指标值与实际完成值）", "年度资金的全年预算数", "年度资金的全年执行数"]);
    assert_eq!(errors(&ev), []);
    // nothing to point at: the summary says 未完成填报, the list stays empty (not "总分应为 10.00")
    assert!(ev.findings.is_empty(), "{:#?}", ev.findings);
    // once something is typed, the list says what is still missing
    let ev = eval_with("variants/blank", r#""default""#, |d| d["funds"]["total"]["adjusted"] = "36.00".into());
    assert_eq!(ev.summary.missing, ["绩效指标（三级指标、指标值与实际完成值）", "年度资金的全年执行数"]);
    let f = find(&ev, "form.incomplete");
    assert!(f.message.starts_with("未完成填报，尚缺：绩效指标"), "{}", f.message);

    let ev = eval("variants/cut_off");
    assert_eq!(graded(&ev), (None, None));
    assert_eq!(ev.summary.missing, ["部分指标（分值合计 60.00，应为 100）"]);
    assert_eq!(errors(&ev), [], "what is there is right: {:#?}", ev.findings);
    assert_eq!(computed(&ev, "indicators.2.score"), "15.00");
    // an indicator without its 实际完成值: still checked as far as it goes, still not graded
    let ev = eval_with("seed002/01", r#""default""#, |d| d["indicators"][1]["actual"] = "".into());
    assert_eq!(graded(&ev), (None, None));
    assert_eq!(ev.summary.missing, ["1 项指标的实际完成值"]);
}

#[test]
fn a_zero_total_row_over_funded_rows_is_one_finding() {
    let ev = eval("variants/zero_total_row");
    assert_eq!(errors(&ev), []);
    let warnings: Vec<&str> = ev.findings.iter().filter(|f| f.severity == Severity::Warning).map(|f| f.code.as_str()).collect();
    assert_eq!(warnings, ["funds.total_unfilled"]);
    assert!(find(&ev, "funds.total_unfilled").message.contains("全年预算数 92.27、全年执行数 92.27"));
    assert_eq!(computed(&ev, "funds.total.adjusted"), "92.27");
    assert_eq!(computed(&ev, "funds.total.rate"), "100.00%");
    assert_eq!(computed(&ev, "funds.total.score"), "10.00");
    assert_eq!(graded(&ev), (Some("100.00"), Some("优")));
    // and no advice built on the zeros: the cost indicator is within the 92.27 executed
    assert!(!has(&ev, "cost.exceeds_executed"));
}

#[test]
fn an_unreadable_amount_is_one_error_and_says_what_it_stops() {
    for bad in ["116,00", "922700元"] {
        let ev = eval_with("seed002/01", r#""default""#, |d| d["funds"]["rows"][0]["initial"] = bad.into());
        assert_eq!(errors(&ev), [("value.unparseable", "funds.rows.0.initial")], "{bad}: {:#?}", ev.findings);
        let f = find(&ev, "value.unparseable");
        assert!(f.message.ends_with("；改正前无法核对年度资金总额的年初预算数"), "{}", f.message);
    }
    // in the executed column: the stated total is used, no 0.00 is proposed anywhere
    let ev = eval_with("seed002/01", r#""default""#, |d| d["funds"]["rows"][0]["executed"] = "92.27万".into());
    assert_eq!(errors(&ev), [("value.unparseable", "funds.rows.0.executed")]);
    assert_eq!(graded(&ev), (Some("100.00"), Some("优")));
    assert!(ev.findings.iter().all(|f| !f.message.contains("0.00 万元")));
}

#[test]
fn a_row_that_does_not_add_up_marks_the_row_and_the_total() {
    let ev = eval_with("seed002/01", r#""default""#, |d| d["funds"]["rows"][0]["executed"] = "100.00".into());
    let f = find(&ev, "sum.mismatch");
    assert_eq!(f.path, "funds.total.executed");
    assert_eq!(f.related, ["funds.rows.0.executed", "funds.rows.1.executed", "funds.rows.2.executed"]);
    assert!(f.message.contains("92.27") && f.message.contains("当年财政拨款 100.00"), "{}", f.message);
    let row = ev.findings.iter().find(|f| f.code == "funds.over_budget" && f.path == "funds.rows.0.executed").expect("the row's own warning");
    assert_eq!(row.message, "当年财政拨款的全年执行数 100.00 超过其全年预算数 92.27，请核对这一行");
    // the stated 执行率 100.00% agrees with the stated total: the total is used and nothing follows
    assert_eq!(errors(&ev), [("sum.mismatch", "funds.total.executed")]);
}

#[test]
fn rates_and_totals_at_their_stated_precision() {
    let ev = eval("variants/rounded");
    // 24.99 ÷ 200 = 12.495%: "12%" is right at its precision (not "应为 12.50%")
    assert_eq!(errors(&ev), []);
    assert!(!has(&ev, "rate.mismatch") && !has(&ev, "rate.tail"));
    assert_eq!(computed(&ev, "funds.total.rate"), "12.50%");
    // three scores of 6.67 are each 6.666…: 80.25 is the total before rounding, a 尾差
    let f = find(&ev, "total.tail");
    assert_eq!(f.severity, Severity::Info);
    assert_eq!((f.stated.as_deref(), f.computed.as_deref()), (Some("80.25"), Some("80.26")));
    // ±0.01 that no rounding explains is still an error
    let ev = eval_with("variants/rounded", r#""default""#, |d| d["total_score"] = "80.27".into());
    assert_eq!(errors(&ev), [("total.mismatch", "total_score")]);
    // a rate inside what its rounded inputs allow is a 尾差; outside, an error with its computation
    let ev = eval_with("variants/rounded", r#""default""#, |d| d["funds"]["total"]["rate"] = "12.49%".into());
    assert!(has(&ev, "rate.tail"));
    let ev = eval_with("variants/rounded", r#""default""#, |d| d["funds"]["total"]["rate"] = "13%".into());
    assert_eq!(find(&ev, "rate.mismatch").message, "执行率应为 12.50%（24.99 ÷ 200.00），填写为 13%");
}

#[test]
fn a_wrong_score_is_one_error_and_the_total_follows() {
    // seed 002 招商引资, one score typed wrong; the stated 总分 and 等级 add up from it
    let ev = eval_with("seed002/01", r#""default""#, |d| {
        d["indicators"][0]["score"] = "3".into();
        d["total_score"] = "98.00".into();
    });
    assert_eq!(errors(&ev), [("score.mismatch", "indicators.0.score")]);
    let f = find(&ev, "score.mismatch");
    assert!(f.message.contains("应为 5.00（完成率 100.00%，得满分），填写为 3.00"), "{}", f.message);
    let t = find(&ev, "total.follows");
    assert_eq!(t.severity, Severity::Warning);
    assert!(t.message.contains("“印制宣传材料数量”") && t.message.contains("总分应为 100.00"), "{}", t.message);
    // a total that adds up from nothing stated is its own error
    let ev = eval_with("seed002/01", r#""default""#, |d| d["total_score"] = "97.00".into());
    assert_eq!(errors(&ev), [("total.mismatch", "total_score")]);
}

#[test]
fn a_qualitative_score_out_of_its_band_is_one_error_with_the_band() {
    let ev = eval_with("variants/labels_only", r#""default""#, |d| d["indicators"][4]["score"] = "10".into());
    assert_eq!(errors(&ev), [("score.out_of_band", "indicators.4.score")], "{:#?}", ev.findings);
    let f = find(&ev, "score.out_of_band");
    assert!(f.message.contains("应在 12.00 至 15.00 分之间（分值 15 的 80%–100%）"), "{}", f.message);
    // the stated 总分 is not judged against a floor the user never chose
    assert!(!has(&ev, "total.mismatch"));
    let ev = eval_with("variants/labels_only", r#""default""#, |d| {
        d["indicators"][4]["level"] = "部分达成".into();
        d["indicators"][4]["score"] = "13".into();
    });
    assert!(find(&ev, "score.out_of_band").message.contains("9.00 至不足 12.00"));
}

#[test]
fn words_people_write_for_deadlines_and_outcomes() {
    let ind = |target: &str, actual: &str| {
        eval_with("variants/labels_only", r#""default""#, |d| {
            d["indicators"][2]["target"] = target.into();
            d["indicators"][2]["actual"] = actual.into();
            d["indicators"][2]["score"] = "".into();
        })
    };
    for (target, actual, score) in [
        ("2023年12月31日前", "2023.11.30", "15.00"),
        ("2023年6月30日以前", "2023年7月15日", "0.00"),
        ("年底前", "2023年12月20日", "15.00"),
        ("年底前", "按期完成", "15.00"),
        ("显著提高", "达标", "15.00"),
        ("显著提高", "有所提升", "9.00"),
        ("不发生安全事故", "未发生", "15.00"),
    ] {
        let ev = ind(target, actual);
        assert_eq!(computed(&ev, "indicators.2.score"), score, "{target} / {actual}: {:#?}", ev.findings);
    }
    let ev = ind("显著提高", "有所提升");
    assert_eq!(find(&ev, "qualitative.reading").message, "指标“项目完工时间”的实际完成值“有所提升”按“有所”判为部分达成；如不同，请在完成程度中另选");
    // letters for digits: a question, not a guess, and no score from it
    let ev = ind(">=100%", "1O0%");
    let f = find(&ev, "value.unparseable");
    assert_eq!(f.message, "指标“项目完工时间”的实际完成值：“1O0%”中夹有字母，是否为 100%？请改为数字");
    assert!(ev.computed.get("indicators.2.score").is_none());
    assert_eq!(graded(&ev), (None, None));
}

#[test]
fn the_department_form_shares_the_variants() {
    // seed 002's 整体 table: 90 points of indicators, no 执行率 score and no 总分 printed
    let ev = eval("department/seed002");
    assert!(has(&ev, "exec.score_missing") && has(&ev, "total.missing"));
    assert_eq!(graded(&ev), (Some("100.00"), Some("优")));
}

#[test]
fn fractional_weights_and_rates_written_as_not_comparable() {
    // 22.5 + 17.5 in place of 20 + 20; the scores still say 20: a score above its weight is one
    // error that gives the right score
    let ev = eval_with("variants/no_exec_block", r#""default""#, |d| {
        d["indicators"][0]["weight"] = "22.5".into();
        d["indicators"][1]["weight"] = "17.5".into();
        d["funds"]["total"]["rate"] = "基数为0，不可比".into();
    });
    assert_eq!(errors(&ev), [("score.mismatch", "indicators.0.score"), ("score.over_weight", "indicators.1.score")]);
    assert_eq!(find(&ev, "score.over_weight").message, "指标“活动完成率”得分 20.00 超过其分值 17.50，应为 17.50（完成率 105.26%，得满分），请改正得分");
    assert_eq!(computed(&ev, "funds.total.rate"), "97.50%");
    // one indicator carrying all 90 points
    let ev = eval_with("seed002/01", r#""default""#, |d| {
        let first = d["indicators"][0].clone();
        d["indicators"] = serde_json::json!([first]);
        d["indicators"][0]["weight"] = "90".into();
        d["indicators"][0]["score"] = "90".into();
    });
    assert_eq!(errors(&ev), []);
    assert_eq!(graded(&ev), (Some("100.00"), Some("优")));
}

/// Cases a review found: each one mistake, one finding, or no false one.
#[test]
fn reviewed_edge_cases() {
    let lab = |edit: &dyn Fn(&mut Value)| eval_with("variants/labels_only", r#""default""#, |d| edit(d));
    // 年底前 is the end of the document's year: a date in the next year is late
    for actual in ["2024年1月5日", "45300"] {
        let ev = lab(&|d| {
            d["indicators"][2]["target"] = "年底前".into();
            d["indicators"][2]["actual"] = actual.into();
            d["indicators"][2]["score"] = "".into();
        });
        assert_eq!(computed(&ev, "indicators.2.score"), "0.00", "{actual}");
    }
    let ev = lab(&|d| {
        d["indicators"][2]["target"] = "12月底前".into();
        d["indicators"][2]["actual"] = "2023年12月20日".into();
    });
    assert_eq!(errors(&ev), []);
    assert!(!has(&ev, "value.kind_mismatch"));
    // a weak result is asked about, not scored as met
    let ev = lab(&|d| d["indicators"][4]["actual"] = "提高不明显".into());
    assert!(has(&ev, "qualitative.level_needed"));
    // numbered labels and an optional mark written first
    let ev = lab(&|d| {
        d["indicators"][0]["level1"] = "一、产出指标（50分）".into();
        d["indicators"][0]["level2"] = "（一）数量指标（20分）".into();
    });
    assert!(ev.findings.iter().all(|f| f.code != "level.nonstandard"), "{:#?}", ev.findings);
    let ev = eval_with("variants/optional", r#""default""#, |d| {
        d["indicators"][3]["level2"] = "（可选）成本指标".into();
        d["indicators"][3]["actual"] = "/".into();
    });
    assert_eq!(errors(&ev), []);
    // a row weight its label disputes, alone under it: the label is believed, one error, graded
    let ev = lab(&|d| d["indicators"][1]["weight"] = "25".into());
    assert_eq!(errors(&ev), [("weights.group", "indicators.1.level2")]);
    assert_eq!(graded(&ev), (Some("98.85"), Some("优")));
    // scores over a shared label: one error on the label, the 总分 over 100 follows from it
    let ev = lab(&|d| {
        d["indicators"][1]["level2"] = "".into();
        d["indicators"][2]["level2"] = "".into();
        d["indicators"][0]["level2"] = "数量指标（50分）".into();
        d["indicators"][0]["score"] = "25".into();
        d["total_score"] = "103.85".into();
    });
    assert_eq!(errors(&ev), [("score.over_weight", "indicators.0.level2")]);
    assert_eq!(graded(&ev), (None, None));
    // the only funded row over its budget: said once, on the row
    let ev = eval_with("seed002/01", r#""default""#, |d| {
        d["funds"]["rows"][0]["executed"] = "95.00".into();
        d["funds"]["total"]["executed"] = "95.00".into();
    });
    let over: Vec<&str> = ev.findings.iter().filter(|f| f.code == "funds.over_budget").map(|f| f.path.as_str()).collect();
    assert_eq!(over, ["funds.rows.0.executed"]);
    // a total row of zeros with a wrong 执行率 typed in: that rate is still checked
    let ev = eval_with("variants/zero_total_row", r#""default""#, |d| {
        d["funds"]["total"]["rate"] = "90%".into();
        d["funds"]["total"]["score"] = "9".into();
        d["total_score"] = "99".into();
    });
    assert_eq!(errors(&ev), [("rate.mismatch", "funds.total.rate")]);
    assert!(has(&ev, "total.follows"));
    // an 执行数 of 0 that agrees with its rows is not a row "filled as 0"
    let ev = eval_with("seed002/01", r#""default""#, |d| {
        d["funds"]["total"] = serde_json::json!({"label": "年度资金总额", "executed": "0"});
        d["funds"]["rows"][0]["executed"] = "0".into();
    });
    assert!(!has(&ev, "funds.total_unfilled"));
    // an 执行率 block printed as dashes beside indicators of 100 points: no such block
    let ev = eval_with("variants/no_exec_block", r#""default""#, |d| {
        d["funds"]["total"]["weight"] = "—".into();
        d["funds"]["total"]["rate"] = "—".into();
        d["funds"]["total"]["score"] = "—".into();
    });
    assert_eq!(errors(&ev), []);
    assert!(has(&ev, "weights.no_exec_block"));
}

#[test]
fn the_operator_in_its_own_column_and_units_as_words() {
    // Hunan-style: 指标性质 (正向/反向/≥) apart from the value, 百分比 for %, fractional weights,
    // an Excel date serial for the day it was done, a space before %
    let ev = eval("variants/operator_column");
    assert_eq!(errors(&ev), []);
    assert_eq!(computed(&ev, "indicators.0.kind"), "正向");
    assert_eq!(computed(&ev, "indicators.3.kind"), "反向");
    assert_eq!(computed(&ev, "indicators.1.completion"), "101.26%");
    assert_eq!(computed(&ev, "indicators.2.completion"), "100.00%");
    assert_eq!(graded(&ev), (Some("99.75"), Some("优")));
    // 反向 over its limit is scored down: 5 × 640 ÷ 700
    let ev = eval_with("variants/operator_column", r#""default""#, |d| d["indicators"][3]["actual"] = "700元".into());
    assert_eq!(find(&ev, "score.mismatch").message, "指标“人均财政补助标准”的得分应为 4.57（5 × 640 ÷ 700），填写为 5.00");
}
