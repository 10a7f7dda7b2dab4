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
    assert_eq!(values(finding(&ev, "text.sum_mismatch", "key_work")), (Some("1509条"), Some("1,508条")));
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

/// The report text's lines, each with its first-line indent taken off.
fn lines(text: &str) -> Vec<&str> {
    text.lines().map(|l| l.trim_start_matches('\u{3000}')).collect()
}

/// The official section headings of seed 003, in order.
const HEADINGS: [&str; 27] = [
    "一、基本概况",
    "（一）部门单位基本情况",
    "1.部门主要职能",
    "2.部门机构设置及人员构成",
    "（二）部门单位年度重点工作",
    "（三）部门单位整体预算规模及安排情况",
    "1.年初预算安排情况",
    "2.预算调整情况",
    "3.全年预算执行情况",
    "4.资金使用主要内容及范围",
    "二、部门单位整体支出管理及使用情况",
    "（一）基本支出和使用情况",
    "（二）项目管理和使用情况",
    "1.项目管理情况",
    "（1）管理制度健全性",
    "（2）资金使用合规性和安全性",
    "2.项目使用情况",
    "三、部门单位整体支出绩效分析",
    "（一）指标一：",
    "（七）指标七：",
    "四、评价结论",
    "五、存在的主要问题及原因分析",
    "六、改进措施和建议",
    "（一）改进措施",
    "（二）建议",
    "七、附表：《部门整体支出绩效自评表》",
    "",
];

#[test]
fn report_text_from_seed003_states_the_checked_8790_and_liang() {
    for policy in ["", r#"{"policy":"urumqi-2023"}"#] {
        let ev = evaluate(&fixture("report/seed003"), policy).unwrap();
        let text = ev.computed.get("report").unwrap();
        // the summary: 87.90 良 (the 预算经费 score of 12 is wrong: the limit was exceeded)
        let (total, grade) = (ev.summary.total_score.as_deref().unwrap(), ev.summary.grade.as_deref().unwrap());
        assert_eq!((total, grade), ("87.90", "良"));
        let conclusion = format!("2023年度部门整体支出绩效自评综合得分{total}分，评价结果为“{grade}”。");
        assert!(lines(&text).contains(&conclusion.as_str()), "{text}");
        assert!(!text.contains("91.95") && !text.contains("“优”"), "{text}");
        // the exceeded limit as the checker computes it, and the user's "预算调增" clause kept
        assert!(text.contains("年中监控实际完成值为163.93万元，预算调增189.64万元，本次评价预算经费554.23万元，该指标完成率为66.25%。"), "{text}");
        assert!(text.contains("该指标权重分值为12分，自评得分7.95分。"), "{text}");
        assert!(text.contains("执行率为99.53%，得9.95分。"), "{text}");
    }
}

#[test]
fn report_text_from_seed003_follows_the_official_structure_and_typography() {
    let ev = eval("report/seed003");
    let text = ev.computed.get("report").unwrap();
    let all = lines(&text);
    // title, year, 公章 and 填报时间 first, as on the published report, without indent
    assert_eq!(
        text.lines().take(4).collect::<Vec<_>>(),
        ["高新区部门单位整体支出绩效自评报告", "（2023年度）", "部门单位名称（公章）：乌鲁木齐高新技术产业开发区（乌鲁木齐市新市区）工业园区管理办公室", "填报时间：2024年4月15日"]
    );
    // every heading, in order, each a paragraph of its own
    let mut at = 0;
    for h in HEADINGS.iter().filter(|h| !h.is_empty()) {
        let found = all[at..].iter().position(|l| l == h).unwrap_or_else(|| panic!("heading {h} missing or out of order:\n{text}"));
        at += found + 1;
    }
    // every paragraph after the cover lines has the 2-character first-line indent
    for l in text.lines().skip(4) {
        assert!(l.starts_with("\u{3000}\u{3000}") && !l[6..].starts_with('\u{3000}'), "not indented by two characters: {l}");
    }
    // no space between Chinese and a number, anywhere (the user's "2023 年" too)
    let chars: Vec<char> = text.chars().collect();
    for w in chars.windows(3) {
        let cjk = |c: char| c as u32 >= 0x2E80;
        if w[1] == ' ' {
            assert!(!(cjk(w[0]) && w[2].is_ascii_digit() || w[0].is_ascii_digit() && cjk(w[2])), "space between Chinese and a number: {}", w.iter().collect::<String>());
        }
    }
    assert!(text.contains("编制28名，其中：行政编制0名，事业编制28名。实有人员19人。"), "{text}");
    assert!(text.contains("我单位年初批复预算数367.19万元，年中调增数189.64万元，调整后全年预算数556.83万元，预算调整率51.65%。"), "{text}");
    assert!(text.contains("全年预算数为556.83万元，全年实际支出资金554.23万元，预算执行率为99.53%。"), "{text}");
    assert!(text.contains("2023年主管重点项目中已投产5项，固定资产投资增长2.9亿元。"), "{text}");
    // what the user wrote is carried over, each in its place, one paragraph a line
    for (before, para) in [
        ("1.年初预算安排情况", "综上所述，部门预算安排与单位职能关联度较高"),
        ("2.预算调整情况", "综上所述，年中预算调整幅度与单位运转情况和履职情况相匹配"),
        ("3.全年预算执行情况", "综上所述，本年度在执行预算过程中不存在闲置、浪费或挪用等情况"),
        ("（一）基本支出和使用情况", "基本支出严格按照财务管理制度执行。"),
        ("（1）管理制度健全性", "本单位从预算收支管理、资产管理"),
        ("（2）资金使用合规性和安全性", "部门预算资金使用符合国家法规和财务管理制度"),
        ("（一）改进措施", "1、通过强化专业培训"),
        ("（二）建议", "预算绩效管理工作是一项长期性的工作"),
    ] {
        let h = all.iter().position(|l| *l == before).unwrap();
        let p = all.iter().position(|l| l.starts_with(para)).unwrap_or_else(|| panic!("{para} missing:\n{text}"));
        assert!(p > h && p <= h + 3, "{para} is not under {before}");
    }
    assert!(all.iter().any(|l| l.starts_with("2、部门预算调整金额较大。原因分析：")), "{text}");
    assert!(all.contains(&"本级财力项目：共计1个项目，金额为203.30万元，分别为：高新人才大厦及北区人才公寓项目，预算金额为203.30万元，执行金额为203.30万元，达到促进区域经济增长效益。"), "{text}");
}

#[test]
fn report_text_states_only_what_the_summary_states() {
    // every fixture and policy: the text's 执行率, its score, the indicator scores it lists,
    // 综合得分 and 评价结果 are the summary's, and the listed scores add up to the 综合得分
    for name in ["report/seed000", "report/seed003"] {
        for policy in ["", r#"{"policy":"urumqi-2023"}"#] {
            let ev = evaluate(&fixture(name), policy).unwrap();
            let text = ev.computed.get("report").unwrap();
            let (total, grade, rate) = (ev.summary.total_score.clone().unwrap(), ev.summary.grade.clone().unwrap(), ev.summary.exec_rate.clone().unwrap());
            assert!(text.contains(&format!("综合得分{total}分，评价结果为“{grade}”。")), "{name}: {text}");
            assert!(text.contains(&format!("预算执行率为{rate}。")) && text.contains(&format!("执行率为{rate}，得")), "{name}: {text}");
            let exec_score = ev.computed.get("performance.score").unwrap();
            assert!(text.contains(&format!("执行率为{rate}，得{exec_score}分。")), "{name}: {text}");
            let scores: Vec<rust_decimal::Decimal> = text
                .match_indices("自评得分")
                .map(|(i, _)| text[i + "自评得分".len()..].split('分').next().unwrap().parse().unwrap())
                .collect();
            assert_eq!(scores.len(), 7);
            let sum: rust_decimal::Decimal = scores.iter().sum::<rust_decimal::Decimal>() + exec_score.parse::<rust_decimal::Decimal>().unwrap();
            assert_eq!(sum.to_string(), total, "{name}: the listed scores do not add up to the 综合得分");
        }
    }
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
    assert!(text.contains("综合得分57.41分，评价结果为“差”。"), "{text}");
    assert!(text.contains("工业和信息化局编制17名，其中：行政编制4名，事业编制13名。"), "{text}");
    assert!(text.contains("全年预算数为4,664.42万元，全年实际支出资金2,380.33万元，预算执行率为51.03%。"));
    assert!(text.contains("（1）转移支付项目：共计4个项目，金额为4,396.65万元"));
    assert!(text.contains("我单位2023年全年预算金额为4,664.42万元，执行金额为2,380.33万元，执行率为51.03%，得5.10分。"), "{text}");
}

#[test]
fn report_text_states_one_execution_rate_even_from_wrong_figures() {
    // seed 000 as published states 99.79% and 51.03%; the 综合得分 57.41 it states (and the
    // checker's) is scored on 51.03%: the text states that one rate, in both places
    let ev = eval("report/seed000");
    assert_eq!(ev.summary.exec_rate.as_deref(), Some("51.03%"));
    let text = ev.computed.get("report").unwrap();
    assert!(text.contains("全年预算数为4,664.42万元，全年实际支出资金2,380.33万元，预算执行率为51.03%。"), "{text}");
    assert!(text.contains("全年预算金额为4,664.42万元，执行金额为2,380.33万元，执行率为51.03%，得5.10分。"), "{text}");
    assert!(!text.contains("99.79%"));
}

#[test]
fn a_blank_report_has_every_heading_and_blanks_to_fill() {
    let ev = evaluate(r#"{"kind":"department_report"}"#, "").unwrap();
    let text = ev.computed.get("report").unwrap();
    let all = lines(&text);
    for h in HEADINGS.iter().filter(|h| !h.is_empty() && !h.contains("指标") && !h.starts_with("（一）改进") && !h.starts_with("（二）建议")) {
        assert!(all.contains(h), "{h}: {text}");
    }
    assert!(text.contains("编制＿＿名") && text.contains("综合得分＿＿分"), "{text}");
}

/// Seed 003 with one narrative field rewritten.
fn seed003_saying(field: &[&str], said: &str) -> Evaluation {
    let mut doc: Value = serde_json::from_str(&fixture("report/seed003")).unwrap();
    let mut at = &mut doc;
    for k in field {
        at = match k.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[*k],
        };
    }
    *at = said.into();
    evaluate(&doc.to_string(), "").unwrap()
}

fn narrative_findings(ev: &Evaluation) -> Vec<&jiaohe::Finding> {
    ev.findings.iter().filter(|f| f.code.as_str().starts_with("text.")).collect()
}

#[test]
fn narrative_rates_and_sums_are_checked_against_the_figures() {
    // as published, seed 003's narrative makes no wrong claim
    assert!(narrative_findings(&eval("report/seed003")).is_empty());

    // a rate after two amounts: 554.23 ÷ 556.83 = 99.53%, not 95.53%
    let ev = seed003_saying(&["execution", "summary"], "综上所述，全年预算556.83万元，实际支出554.23万元，执行率为95.53%，资金支出方向合理。");
    let f = finding(&ev, "text.rate_mismatch", "execution.summary");
    assert_eq!(values(f), (Some("95.53%"), Some("99.53%")));
    assert!(f.message.contains("执行率应为 99.53%（554.23 ÷ 556.83）"), "{}", f.message);
    // written right, or rounded to one decimal: no claim
    let ev = seed003_saying(&["execution", "summary"], "综上所述，全年预算556.83万元，实际支出554.23万元，执行率为99.5%。");
    assert!(narrative_findings(&ev).is_empty(), "{:#?}", narrative_findings(&ev));

    // 综合得分 = a sum of scores that does not hold
    let ev = seed003_saying(&["problems"], "综合得分87.90分 = 9.95+0+12+10+10+25+15+10，自评结果良。");
    let f = finding(&ev, "text.sum_mismatch", "problems");
    assert_eq!(values(f), (Some("87.90分"), Some("91.95")));
    // the sum holds, but 91.95 is not the checked 综合得分 (the 预算经费 score of 12 is wrong)
    let ev = seed003_saying(&["problems"], "综合得分91.95分 = 9.95+0+12+10+10+25+15+10，评价结果为“优”。");
    assert!(ev.findings.iter().all(|f| f.code != "text.sum_mismatch"));
    let f = finding(&ev, "text.figure_mismatch", "problems");
    assert_eq!(values(f), (Some("91.95"), Some("87.90")));
    assert!(f.message.contains("应为 87.90（执行率得分 9.95 + 指标得分 77.95）"), "{}", f.message);
    let grades: Vec<_> = ev.findings.iter().filter(|f| f.code == "text.figure_mismatch" && f.stated.as_deref() == Some("优")).collect();
    assert_eq!(grades.len(), 1, "{:#?}", ev.findings);
    assert_eq!(grades[0].computed.as_deref(), Some("良"));

    // a 完成率 in an indicator's own text is that indicator's: 367.19 ÷ 554.23 = 66.25%
    let ev = seed003_saying(&["indicators", "1", "reason"], "实际支出超出年初预算，完成率为99.53%");
    let f = finding(&ev, "text.rate_mismatch", "indicators.1.reason");
    assert_eq!(values(f), (Some("99.53%"), Some("66.25%")));
    assert!(f.message.contains("完成率应为 66.25%（367.19 ÷ 554.23）"), "{}", f.message);
    let ev = seed003_saying(&["indicators", "1", "reason"], "实际支出超出年初预算，完成率为66.25%");
    assert!(narrative_findings(&ev).is_empty());
}

#[test]
fn report_findings_say_what_to_do_and_show_the_computation() {
    let ev = eval("report/seed000");
    let m = |code: &str, path: &str| finding(&ev, code, path).message.clone();
    assert_eq!(m("sum.mismatch", "staffing.total"), "编制数应为 17（行政编制 4 + 事业编制 13），填写为 4");
    assert_eq!(m("sum.mismatch", "budget.adjusted"), "调整后全年预算数应为 3,244.47（年初批复 4,664.42 − 年中调整 1,419.95），填写为 2,385.28");
    assert_eq!(m("sum.mismatch", "projects.groups.1.budget"), "本级财力项目金额应为 67.74（13.50 + 17.17 + 37.07），填写为 63.18");
    assert_eq!(m("completion.mismatch", "indicators.4.completion"), "指标“规模以上工业增加值增长率”的完成率应为 2.00%（0.1 ÷ 5），填写为 0.1%");
    let ev = eval("report/seed003");
    assert_eq!(finding(&ev, "completion.mismatch", "indicators.1.completion").message, "指标“预算经费”的完成率应为 66.25%（367.19 ÷ 554.23），填写为 99.53%");
    // a wrong 执行率 and its score
    let mut doc: Value = serde_json::from_str(&fixture("report/seed003")).unwrap();
    doc["execution"]["rate"] = "95.53%".into();
    doc["performance"]["score"] = "9.5".into();
    let ev = evaluate(&doc.to_string(), "").unwrap();
    assert_eq!(finding(&ev, "rate.mismatch", "execution.rate").message, "预算执行率应为 99.53%（554.23 ÷ 556.83），填写为 95.53%");
    assert_eq!(finding(&ev, "score.mismatch", "performance.score").message, "执行率得分应为 9.95（分值 10 × 执行率 99.53%），填写为 9.50");
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

/// A stated 完成率 is right when the unrounded completion rounds to it at the precision it is
/// written with: 24.99 against ≥200 is 12.495%, which is "12%", and not "应为 12.50%".
#[test]
fn a_stated_completion_is_judged_at_its_own_precision() {
    let with = |completion: &str| {
        let mut d: serde_json::Value = serde_json::from_str(&fixture("report/seed003")).unwrap();
        d["indicators"][0]["target"] = "≥200万元".into();
        d["indicators"][0]["actual"] = "24.99万元".into();
        d["indicators"][0]["completion"] = completion.into();
        evaluate(&d.to_string(), "").unwrap()
    };
    let wrong = |ev: &Evaluation| ev.findings.iter().any(|f| f.code == "completion.mismatch" && f.path == "indicators.0.completion");
    assert!(!wrong(&with("12%")));
    assert!(!wrong(&with("12.50%")));
    assert!(!wrong(&with("12.5%")));
    assert!(wrong(&with("13%")));
    assert!(wrong(&with("12.49%")));
}

#[test]
fn seed001_package_takes_its_cited_figures_from_the_final_accounts_explanation() {
    use jiaohe::Document;
    let mut members: Vec<Document> = (1..=14).map(|i| Document::from_json(&fixture(&format!("seed001/{i:02}"))).unwrap()).collect();
    members.push(Document::from_json(&fixture("department/seed001")).unwrap());
    members.push(Document::from_json(&fixture("final_accounts/seed001")).unwrap());
    let doc = jiaohe::forms::package::assemble("乌鲁木齐市工业和信息化局", members);
    let text = serde_json::to_string(&Document::Package(doc)).unwrap();
    let ev = evaluate(&text, r#"{"policy":"urumqi-2023"}"#).unwrap();
    // SPEC §8.4: 14 projects, 4,046.97 / 2,248.10; 38,544.43 and 38,349.81 as the 整体 table
    assert_eq!(ev.computed.get("final_accounts.project_count").unwrap(), "14");
    assert_eq!(ev.computed.get("final_accounts.project_budget").unwrap(), "4,046.97");
    assert_eq!(ev.computed.get("members.adjusted").unwrap(), "4,046.97");
    assert_eq!(ev.computed.get("members.executed").unwrap(), "2,248.10");
    assert_eq!(ev.computed.get("final_accounts.expenditure_total").unwrap(), "38,349.81");
    assert_eq!(ev.summary.errors, 0, "{:#?}", ev.findings.iter().filter(|f| f.severity == jiaohe::Severity::Error).collect::<Vec<_>>());
    // the explanation's own notes come along, under its name
    finding(&ev, "sum.tail", "explanation.general.total.amount");
    // a project left out is caught against what the explanation says
    let mut members: Vec<Document> = (1..=13).map(|i| Document::from_json(&fixture(&format!("seed001/{i:02}"))).unwrap()).collect();
    members.push(Document::from_json(&fixture("final_accounts/seed001")).unwrap());
    let doc = jiaohe::forms::package::assemble("", members);
    let ev = evaluate(&serde_json::to_string(&Document::Package(doc)).unwrap(), r#"{"policy":"urumqi-2023"}"#).unwrap();
    assert_eq!(values(finding(&ev, "count.mismatch", "final_accounts.project_count")), (Some("14"), Some("13")));
}

#[test]
fn the_explanations_project_totals_are_checked_against_the_attached_tables() {
    use jiaohe::Document;
    let mut fa: serde_json::Value = serde_json::from_str(&fixture("final_accounts/seed001")).unwrap();
    fa["performance"]["project_budget"] = "5,046.97".into();
    fa["overall"]["expenditure"] = "38,349.18".into();
    fa["overall"]["expenditure_total"] = "".into();
    let mut members: Vec<Document> = (1..=14).map(|i| Document::from_json(&fixture(&format!("seed001/{i:02}"))).unwrap()).collect();
    members.push(Document::from_json(&fixture("department/seed001")).unwrap());
    members.push(Document::from_json(&fa.to_string()).unwrap());
    let doc = jiaohe::forms::package::assemble("", members);
    let ev = evaluate(&serde_json::to_string(&Document::Package(doc)).unwrap(), r#"{"policy":"urumqi-2023"}"#).unwrap();
    assert_eq!(values(finding(&ev, "sum.mismatch", "final_accounts.project_budget")), (Some("5,046.97"), Some("4,046.97")));
    finding(&ev, "figure.inconsistent", "final_accounts.expenditure_total");
}
