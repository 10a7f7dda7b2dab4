//! Form E, 部门预算公开, on seed 004 transcribed in full (its eleven tables): every 类/款/项 sum,
//! every row's 合计 and every identity between the tables holds except the 尾差 the published
//! 表6 carries in its 303 row; then the errors a unit makes, each found where the figure is
//! restated.

use jiaohe::{evaluate, Evaluation};
use serde_json::Value;

fn seed() -> Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{}/tests/fixtures/budget/seed004.json", env!("CARGO_MANIFEST_DIR"))).unwrap()).unwrap()
}

fn eval(doc: &Value) -> Evaluation {
    evaluate(&doc.to_string(), "").unwrap()
}

fn has(ev: &Evaluation, code: &str, path: &str) -> bool {
    ev.findings.iter().any(|f| f.code == code && f.path == path)
}

fn finding<'a>(ev: &'a Evaluation, code: &str, path: &str) -> &'a jiaohe::Finding {
    ev.findings.iter().find(|f| f.code == code && f.path == path).unwrap_or_else(|| panic!("no {code} at {path}: {:#?}", ev.findings))
}

/// The index of the row of `table` with this split code (and, in 表7, this project).
fn row(doc: &Value, table: &str, code: [&str; 3]) -> usize {
    let rows = doc[table]["rows"].as_array().unwrap();
    let get = |r: &Value, k: &str| r[k].as_str().unwrap_or("").to_string();
    rows.iter().position(|r| get(r, "class") == code[0] && get(r, "section") == code[1] && get(r, "item") == code[2] && get(r, "project").is_empty()).unwrap_or_else(|| panic!("no row {code:?} in {table}"))
}

#[test]
fn seed004_every_sum_and_identity_holds_but_the_tail_of_table_6_row_303() {
    let ev = eval(&seed());
    assert_eq!((ev.summary.errors, ev.summary.warnings), (0, 0), "{:#?}", ev.findings);
    let tails: Vec<(&str, &str)> = ev.findings.iter().map(|f| (f.code.as_str(), f.path.as_str())).collect();
    let r303 = row(&seed(), "basic", ["303", "", ""]);
    assert_eq!(tails, [("sum.tail", format!("basic.rows.{r303}.sum").as_str()), ("sum.tail", format!("basic.rows.{r303}.personnel").as_str())]);
    let f = &ev.findings[0];
    assert_eq!((f.stated.as_deref(), f.computed.as_deref()), (Some("253.98"), Some("253.97")));
    assert!(f.message.contains("表6") && f.message.contains("303 对个人和家庭的补助"), "{}", f.message);
    assert_eq!(ev.summary.title, "乌鲁木齐市工业和信息化局（2025年部门预算公开）");
}

#[test]
fn the_transcription_is_the_published_tables() {
    // every figure of the fixture is printed in the seed's 第二部分, and the tables have the
    // published number of rows
    let text = std::fs::read_to_string(format!("{}/../shared/seeds/004_0a1f217f2835b61f.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let tables = &text[text.find("第二部分 2025 年部门预算公开表\n\n表").unwrap()..text.find("第三部分 2025 年部门预算情况说明\n\n一").unwrap()];
    let doc = seed();
    let mut figures = 0;
    fn walk(v: &Value, f: &mut dyn FnMut(&str)) {
        match v {
            Value::Object(m) => m.values().for_each(|x| walk(x, f)),
            Value::Array(a) => a.iter().for_each(|x| walk(x, f)),
            Value::String(s) => f(s),
            _ => {}
        }
    }
    walk(&doc, &mut |s| {
        if s.chars().next().is_some_and(|c| c.is_ascii_digit()) && s.contains('.') {
            assert!(tables.contains(&format!("\t{s}")), "{s} is not in the published tables");
            figures += 1;
        }
    });
    assert!(figures > 300, "{figures}");
    let n = |t: &str| doc[t]["rows"].as_array().unwrap().len();
    assert_eq!([n("income"), n("expenditure"), n("general"), n("basic"), n("projects"), n("carried"), n("fund"), n("capital")], [24, 24, 22, 30, 25, 10, 0, 0]);
    assert_eq!(doc["summary"]["rows"].as_array().unwrap().len(), 29);
}

#[test]
fn a_broken_item_row_is_found_in_its_section_and_in_every_table_that_restates_it() {
    let mut doc = seed();
    let i = row(&doc, "general", ["215", "05", "02"]);
    doc["general"]["rows"][i]["sum"] = "629.71".into();
    doc["general"]["rows"][i]["projects"] = "629.71".into();
    let ev = eval(&doc);
    let k = row(&doc, "general", ["215", "05", ""]);
    // its 款 (合计 and 项目支出 columns)
    let f = finding(&ev, "sum.mismatch", &format!("general.rows.{k}.sum"));
    assert_eq!((f.stated.as_deref(), f.computed.as_deref()), (Some("1,903.65"), Some("1,913.65")));
    assert!(has(&ev, "sum.mismatch", &format!("general.rows.{k}.projects")));
    // 表2 (the same 科目's 一般公共预算) and 表7 (the projects under it)
    let f = finding(&ev, "figure.inconsistent", &format!("general.rows.{i}.sum"));
    assert!(f.message.contains("表5") && f.message.contains("表2") && f.message.contains("215 05 02"), "{}", f.message);
    let f = finding(&ev, "figure.inconsistent", &format!("general.rows.{i}.projects"));
    assert!(f.message.contains("表7") && f.message.contains("8 个项目"), "{}", f.message);
    assert_eq!(f.related.len(), 1);

    // broken with its 款 too: its 类 and 表4 find it, and the 总计 row
    let mut doc = seed();
    for (code, to) in [(["215", "05", "02"], "629.71"), (["215", "05", ""], "1,913.65")] {
        let i = row(&doc, "general", code);
        doc["general"]["rows"][i]["sum"] = to.into();
    }
    let ev = eval(&doc);
    let c = row(&doc, "general", ["215", "", ""]);
    let f = finding(&ev, "sum.mismatch", &format!("general.rows.{c}.sum"));
    assert_eq!((f.stated.as_deref(), f.computed.as_deref()), (Some("4,363.77"), Some("4,373.77")));
    // the 款's 合计 no longer equals its 基本支出 + 项目支出
    assert!(has(&ev, "sum.mismatch", &format!("general.rows.{}.sum", row(&doc, "general", ["215", "05", ""]))));
}

#[test]
fn blank_totals_are_filled_from_their_parts() {
    let mut doc = seed();
    for r in doc["expenditure"]["rows"].as_array_mut().unwrap() {
        if r["item"].as_str().unwrap_or("").is_empty() {
            for k in ["sum", "basic", "projects"] {
                r.as_object_mut().unwrap().remove(k);
            }
        } else {
            // a 项's 合计 left blank is its 基本支出 + 项目支出
            r.as_object_mut().unwrap().remove("sum");
        }
    }
    doc["expenditure"]["total"] = Value::Object(Default::default());
    let ev = eval(&doc);
    assert_eq!(ev.summary.errors, 0, "{:#?}", ev.findings);
    assert_eq!(ev.computed.get("expenditure.total.sum").unwrap(), "6,724.07");
    assert_eq!(ev.computed.get("expenditure.total.basic").unwrap(), "2,157.26");
    let c = row(&doc, "expenditure", ["215", "", ""]);
    assert_eq!(ev.computed.get(&format!("expenditure.rows.{c}.projects")).unwrap(), "4,515.10");
    let k = row(&doc, "expenditure", ["215", "05", "02"]);
    assert_eq!(ev.computed.get(&format!("expenditure.rows.{k}.sum")).unwrap(), "717.20");
    // names come from the code list where the row has none
    let mut doc = seed();
    doc["income"]["rows"][0].as_object_mut().unwrap().remove("name");
    assert_eq!(eval(&doc).computed.get("income.rows.0.name").unwrap(), "科学技术支出");
}

#[test]
fn identities_between_tables() {
    // 表5 基本支出 = 表6 合计
    let mut doc = seed();
    doc["basic"]["total"]["sum"] = "2,175.26".into();
    doc["basic"]["total"]["personnel"] = "1,981.41".into();
    let ev = eval(&doc);
    let f = finding(&ev, "figure.inconsistent", "basic.total.sum");
    assert!(f.message.contains("表6") && f.message.contains("表5") && f.message.contains("基本支出"), "{}", f.message);
    // 表11 = 表1 上年结转结余
    let mut doc = seed();
    doc["carried"]["total"]["sum"] = "1,665.90".into();
    assert!(has(&eval(&doc), "figure.inconsistent", "carried.total.sum"));
    // 表1 收入总计 = 支出总计, and = 表2
    let mut doc = seed();
    doc["summary"]["income_total"]["sum"] = "6,742.07".into();
    let ev = eval(&doc);
    assert!(has(&ev, "sum.mismatch", "summary.income_total.sum"));
    assert!(has(&ev, "figure.inconsistent", "summary.expenditure_total.sum"));
    assert!(has(&ev, "figure.inconsistent", "income.total.sum"));
    // a 类 of 表1 against 表3
    let mut doc = seed();
    let i = doc["summary"]["rows"].as_array().unwrap().iter().position(|r| r["class"] == "211").unwrap();
    doc["summary"]["rows"][i]["sum"] = "276.53".into();
    let ev = eval(&doc);
    assert!(has(&ev, "figure.inconsistent", &format!("summary.rows.{i}.sum")), "{:#?}", ev.findings);
    // 表4 一般公共预算 by 类 = 表5
    let mut doc = seed();
    let i = doc["fiscal"]["rows"].as_array().unwrap().iter().position(|r| r["class"] == "208").unwrap();
    doc["fiscal"]["rows"][i]["general"] = "402.96".into();
    let ev = eval(&doc);
    assert!(has(&ev, "figure.inconsistent", &format!("fiscal.rows.{i}.general")), "{:#?}", ev.findings);
    assert!(has(&ev, "sum.mismatch", &format!("fiscal.rows.{i}.sum")));
    // 表4 lists 政府性基金 spending while 表8 is empty
    let mut doc = seed();
    doc["fiscal"]["expenditure_total"]["fund"] = "10.00".into();
    let ev = eval(&doc);
    assert!(has(&ev, "figure.inconsistent", "fiscal.expenditure_total.fund"), "{:#?}", ev.findings);
}

#[test]
fn three_costs_cover_the_matching_basic_spending() {
    let mut doc = seed();
    doc["three"]["reception"] = serde_json::json!({"sum": "0.10", "general": "0.10"});
    doc["three"]["total"] = serde_json::json!({"sum": "17.92", "general": "17.92"});
    let ev = eval(&doc);
    let f = finding(&ev, "three.below_basic", "three.reception.sum");
    assert_eq!((f.stated.as_deref(), f.computed.as_deref()), (Some("0.10"), Some("0.30")));
    assert_eq!(ev.summary.errors, 1, "{:#?}", ev.findings);
}

#[test]
fn empty_fund_tables_are_said_so_in_the_published_wording() {
    let ev = eval(&seed());
    assert_eq!(ev.computed.get("fund.note").unwrap(), "乌鲁木齐市工业和信息化局 2025 年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。");
    assert_eq!(ev.computed.get("capital.note").unwrap(), "乌鲁木齐市工业和信息化局 2025 年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表为空表。");
    let mut doc = seed();
    doc["fund"]["rows"] = serde_json::json!([{"class": "212", "sum": "5.00", "projects": "5.00"}]);
    let ev = eval(&doc);
    assert!(ev.computed.get("fund.note").is_none());
    // and 表4 has no 政府性基金 spending: the 类 of 表8 is not in it
    assert!(ev.findings.iter().any(|f| f.code == "figure.inconsistent" && f.path.starts_with("fund.")), "{:#?}", ev.findings);
}

#[test]
fn a_blank_form_has_nothing_wrong_and_odd_input_is_a_finding() {
    let blank = jiaohe::forms::blank("budget_disclosure").unwrap();
    let ev = jiaohe::forms::evaluate(&blank, &jiaohe::Policy::default());
    assert_eq!(ev.summary.errors + ev.summary.warnings, 0, "{:#?}", ev.findings);
    let mut doc = seed();
    doc["general"]["rows"][0]["sum"] = "六点七二".into();
    doc["projects"] = serde_json::json!({"rows": [{"name": "某单位"}, {"project": "x", "sum": "1e9999"}, null]});
    let ev = eval(&doc);
    assert!(has(&ev, "value.unparseable", "general.rows.0.sum"));
    assert!(has(&ev, "value.unparseable", "projects.rows.1.sum"));
    assert!(evaluate(r#"{"kind":"budget_disclosure","income":{"rows":{}}}"#, "").unwrap_err().contains("income.rows"));
}
