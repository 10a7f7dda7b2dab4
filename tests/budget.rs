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
    // and the one 绩效目标表 whose 表11 结转 has another name (tests/targets.rs)
    assert_eq!(tails, [("sum.tail", format!("basic.rows.{r303}.sum").as_str()), ("sum.tail", format!("basic.rows.{r303}.personnel").as_str()), ("target.carried", "targets.projects.1.funds.total")]);
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
    let explanation = &text[text.rfind("第三部分").unwrap()..];
    let mut doc = seed();
    // the 说明's own inputs (last year's figures, 三公 and assets) are printed in the 说明
    let mut notes = vec![doc["notes"].take()];
    // the 绩效目标表 are checked against their own section (tests/targets.rs)
    doc["targets"].take();
    for t in ["general", "projects", "carried"] {
        for r in doc[t]["rows"].as_array_mut().unwrap() {
            for k in ["previous", "change", "rate", "reason", "uses", "basis", "allocation", "period"] {
                notes.extend(r.as_object_mut().unwrap().remove(k));
            }
        }
    }
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
    let mut stated = 0;
    walk(&Value::Array(notes), &mut |s| {
        let n = s.trim_start_matches(|c: char| !c.is_ascii_digit());
        if n.chars().next().is_some_and(|c| c.is_ascii_digit()) && n.contains('.') && !n.contains(' ') {
            let whole = explanation.match_indices(n).any(|(i, _)| !explanation[..i].ends_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.'));
            assert!(whole, "{s} is not in the published 说明");
            stated += 1;
        }
    });
    assert!(stated > 40, "{stated}");
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

/// The figures of each section (一 … 十二) of a 说明 as written: every figure with decimals or a
/// percentage, and every count of 辆/台/个, in the order they come.
fn figures_by_section(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = vec![(String::new(), Vec::new())];
    for line in text.lines() {
        let line: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        let head: String = line.chars().take_while(|c| "一二三四五六七八九十".contains(*c)).collect();
        if !head.is_empty() && line[head.len()..].starts_with('、') {
            out.push((head, Vec::new()));
        }
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_alphanumeric()) {
                i += 1;
                continue;
            }
            let from = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == ',' || (chars[i] == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit))) {
                i += 1;
            }
            let n: String = chars[from..i].iter().collect();
            let next = chars.get(i).copied().unwrap_or(' ');
            if n.contains('.') || "辆台个%".contains(next) {
                out.last_mut().unwrap().1.push(format!("{n}{}", if next == '%' { "%" } else { "" }));
            }
        }
    }
    out
}

#[test]
fn the_explanation_states_the_figures_of_the_published_one() {
    let seed_text = std::fs::read_to_string(format!("{}/../shared/seeds/004_0a1f217f2835b61f.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    // the 说明 itself (its second 第三部分, after the contents) up to the 绩效目标表 it announces
    let from = seed_text.rfind("第三部分").unwrap();
    let to = from + seed_text[from..].find("具体情况见下表").unwrap();
    let published = figures_by_section(&seed_text[from..to]);
    let ev = eval(&seed());
    let written = ev.computed.get("explanation").expect("a 说明 is written");
    assert!(!written.contains("＿＿"), "{written}");
    let ours = figures_by_section(&written);
    let names: Vec<&str> = ours.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(names, ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]);
    assert_eq!(published.iter().map(|s| s.0.as_str()).collect::<Vec<_>>(), names);
    for ((name, mut p), (_, mut o)) in published.into_iter().zip(ours) {
        // 七 and 十一 list the projects in the order of 表7 and 表11, the published text in its
        // own: the same figures, compared as sets there
        if name == "七" || name == "十一" {
            p.sort();
            o.sort();
        }
        assert_eq!(o, p, "section {name}");
    }
    // its own figures read back by the text checker: no finding on the 说明
    assert!(!ev.findings.iter().any(|f| f.path == "explanation"), "{:#?}", ev.findings);
    // 0 → 0 as published, and the 占比 and 增减率 the form computed
    assert!(written.contains("因公出国（境）费增加0.00万元，增长0.00%"));
    for (path, v) in [("notes.general.share", "41.57%"), ("notes.general.rate", "-38.57%"), ("notes.three_total.rate", "-20.53%"), ("notes.three_car_running.rate", "-20.80%"), ("notes.carried_nonfiscal.share", "0.42%"), ("notes.fiscal_projects", "2,901.72")] {
        assert_eq!(ev.computed.get(path).as_deref(), Some(v), "{path}");
    }
}

#[test]
fn an_explanation_without_its_notes_asks_for_them_and_a_table_change_flows_into_it() {
    let mut doc = seed();
    doc["notes"] = serde_json::json!({});
    for r in doc["general"]["rows"].as_array_mut().unwrap() {
        for k in ["previous", "change", "rate", "reason", "uses"] {
            r.as_object_mut().unwrap().remove(k);
        }
    }
    let ev = eval(&doc);
    let written = ev.computed.get("explanation").unwrap();
    assert!(written.contains("政府采购预算＿＿万元"), "{written}");
    assert!(ev.summary.missing.iter().any(|m| m.contains("＿＿")), "{:?}", ev.summary.missing);
    // no 上年数 given: no 增减 sentence, and nothing is guessed
    assert!(!written.contains("比上年预算"), "{written}");
    assert_eq!(ev.summary.errors, 0, "{:#?}", ev.findings);

    // a 类 of 表5 moved by 10.00: its 说明 sentence says the new figure
    let mut doc = seed();
    let i = row(&doc, "general", ["206", "", ""]);
    let old = doc["general"]["rows"][i]["sum"].as_str().unwrap().to_string();
    assert!(ev_text(&doc).contains(&format!("科学技术支出（类）{old}万元")));
    doc["general"]["rows"][i]["sum"] = "1.00".into();
    let ev = eval(&doc);
    assert!(has(&ev, "sum.mismatch", &format!("general.rows.{i}.sum")), "{:#?}", ev.findings);
}

fn ev_text(doc: &Value) -> String {
    eval(doc).computed.get("explanation").unwrap_or_default()
}

#[test]
fn explanation_figures_that_cannot_be_are_found() {
    let mut doc = seed();
    doc["notes"]["procurement"]["small"] = "30.00".into();
    doc["notes"]["procurement"]["total"] = "100.00".into();
    doc["notes"]["assets"]["equipment_100"] = "2".into();
    doc["notes"]["assets"]["cars"] = "12".into();
    let ev = eval(&doc);
    for p in ["notes.procurement.small", "notes.procurement.total", "notes.assets.equipment_100", "notes.assets.cars"] {
        assert!(ev.findings.iter().any(|f| f.path == p && f.severity == jiaohe::Severity::Error), "{p}: {:#?}", ev.findings);
    }
}

#[test]
fn the_reviewers_summary_states_the_checked_totals_and_the_errors_on_one_page() {
    let review = |ev: &Evaluation| ev.computed.get("review").unwrap();
    let ev = eval(&seed());
    let r = review(&ev);
    for s in [
        "乌鲁木齐市工业和信息化局2025年部门预算公开审核摘要",
        "收入总计6,724.07万元，其中本年收入5,058.98万元、上年结转结余1,665.09万元；支出总计6,724.07万元",
        "“三公”经费18.12万元",
        "十一张表有数的9张，表8、表9为空表",
        "错误0处，警告0处，提示3处（其中尾差2处，可不改动）",
        "部门整体绩效目标表资金总额6,724.07万元；项目支出绩效目标表11张，年度预算总额合计967.71万元，其中与表7、表11 金额相符11张。",
        "未发现须改正的错误。",
    ] {
        assert!(r.contains(s), "{s} not in\n{r}");
    }
    // errors made on purpose: counted as the page counts them, the first listed by their messages
    let mut d = seed();
    let i = row(&d, "general", ["215", "05", "02"]);
    d["general"]["rows"][i]["sum"] = "629.71".into();
    d["targets"]["projects"][0]["funds"]["total"] = "450.00".into();
    d["targets"]["projects"][4]["project"] = "工业和信息化调研经费".into();
    d["income"] = serde_json::json!({});
    for k in 5..10 {
        d["targets"]["projects"][k]["funds"]["fiscal"] = "1.00".into();
    }
    let ev = eval(&d);
    let r = review(&ev);
    assert!(r.contains(&format!("错误{}处，警告{}处", ev.summary.errors, ev.summary.warnings)), "{r}");
    assert!(r.contains("表2尚未填写") && r.contains("不符1张") && r.contains("表中找不到1张"), "{r}");
    let errors: Vec<&str> = ev.findings.iter().filter(|f| f.severity == jiaohe::Severity::Error).map(|f| f.message.as_str()).collect();
    assert!(errors.len() > 8, "{}", errors.len());
    assert!(r.contains(&format!("1.{}", errors[0])) && r.contains(&format!("8.{}", errors[7])) && !r.contains(errors[8]), "{r}");
    assert!(r.contains(&format!("另有{}处错误，见校核结果。", errors.len() - 8)), "{r}");
}
