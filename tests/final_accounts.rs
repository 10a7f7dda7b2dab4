//! Form D, 部门决算情况说明, on seeds 001 and 002 transcribed in full: every figure their
//! published explanations state is reproduced (the two 尾差 of each told apart from errors), the
//! generated explanation states the same figures in the same order as the published one, and the
//! text checker finds nothing wrong in it; then the errors a unit makes, one at a time.

use jiaohe::{evaluate, Evaluation, Policy};
use rust_decimal::Decimal;
use serde_json::Value;

fn fixture(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{}/tests/fixtures/final_accounts/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()).unwrap()
}

fn eval(doc: &Value) -> Evaluation {
    evaluate(&doc.to_string(), "").unwrap()
}

fn eval_with(doc: &Value, options: &str) -> Evaluation {
    evaluate(&doc.to_string(), options).unwrap()
}

fn finding<'a>(ev: &'a Evaluation, code: &str, path: &str) -> &'a jiaohe::Finding {
    ev.findings.iter().find(|f| f.code == code && f.path == path).unwrap_or_else(|| panic!("no {code} at {path}: {:#?}", ev.findings))
}

fn values(f: &jiaohe::Finding) -> (Option<&str>, Option<&str>) {
    (f.stated.as_deref(), f.computed.as_deref())
}

fn computed(ev: &Evaluation, path: &str) -> String {
    ev.computed.get(path).unwrap_or_else(|| panic!("nothing computed at {path}"))
}

/// The published 情况说明 (第二部分, sections 一 to 十一) of a seed.
fn published(seed: &str) -> String {
    let file = if seed == "001" { "001_e4da69d8425f7f2c.txt" } else { "002_17da6f78e742cb41.txt" };
    let text = std::fs::read_to_string(format!("{}/../shared/seeds/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let from = text.find("一、收入支出决算总体情况说明").unwrap();
    let to = from + text[from..].find("部门（单位）整体支出绩效目标自评表").unwrap();
    // the Word bookmarks the conversion left (`[bookmark: _Toc1979]`) are not part of the text
    let mut out = text[from..to].to_string();
    while let Some(i) = out.find("[bookmark:") {
        let j = i + out[i..].find(']').unwrap();
        out.replace_range(i..=j, "");
    }
    out
}

/// Every figure of a text, in order, as a number: `38,544.43` and `100%` alike.
fn figures(text: &str) -> Vec<Decimal> {
    let mut out = Vec::new();
    let cs: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        if !cs[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut s = String::new();
        while i < cs.len() && (cs[i].is_ascii_digit() || ((cs[i] == ',' || cs[i] == '.') && cs.get(i + 1).is_some_and(char::is_ascii_digit))) {
            if cs[i] != ',' {
                s.push(cs[i]);
            }
            i += 1;
        }
        out.push(s.parse::<Decimal>().unwrap().normalize());
    }
    out
}

/// The generated explanation without its title and year lines.
fn explanation(ev: &Evaluation) -> String {
    computed(ev, "explanation").lines().skip(2).collect::<Vec<_>>().join("\n")
}

#[test]
fn seed001_every_stated_figure_is_reproduced_and_only_the_two_tails_are_noted() {
    let ev = eval(&fixture("seed001"));
    assert_eq!((ev.summary.errors, ev.summary.warnings), (0, 0), "{:#?}", ev.findings);
    // SPEC §3: 2,647.30 + 35,702.50 = 38,349.80 against 38,349.81; and the 类 sum to 7,624.19
    assert_eq!(values(finding(&ev, "sum.tail", "overall.expenditure")), (Some("38,349.81"), Some("38,349.80")));
    assert_eq!(values(finding(&ev, "sum.tail", "general.total.amount")), (Some("7,624.18"), Some("7,624.19")));
    assert_eq!(ev.summary.infos, 2);
    // SPEC §8.1: 38,249.76 of 38,350.62 = 99.74%; 减少 8,214.09, 下降 17.57%; 54.04%; 死亡抚恤 281.07%
    assert_eq!(computed(&ev, "income.fiscal.share"), "99.74%");
    assert_eq!(computed(&ev, "overall.trend.change"), "-8,214.09");
    assert_eq!(computed(&ev, "overall.trend.previous"), "46,758.52");
    assert_eq!(computed(&ev, "overall.trend.rate"), "-17.57%");
    assert_eq!(computed(&ev, "fiscal.total.variance"), "54.04%");
    assert_eq!(computed(&ev, "general.total.variance"), "-46.53%");
    assert_eq!(computed(&ev, "general.items.6.rate"), "281.07%");
    assert_eq!(computed(&ev, "general.items.6.name"), "社会保障和就业支出(类)抚恤(款)死亡抚恤(项)");
    assert_eq!(computed(&ev, "general.classes.3.share"), "70.69%");
    assert_eq!(computed(&ev, "three.car.share"), "99.96%");
    assert_eq!(computed(&ev, "three.reception.rate"), "-85.71%");
    assert_eq!(computed(&ev, "three.car.budget"), "23.44");
    assert_eq!(computed(&ev, "procurement.sme_share"), "40.14%");
    assert_eq!(computed(&ev, "fund.total.variance"), "188.23%");
}

#[test]
fn seed002_every_stated_figure_is_reproduced_with_its_tails() {
    let ev = eval(&fixture("seed002"));
    assert_eq!((ev.summary.errors, ev.summary.warnings), (0, 0), "{:#?}", ev.findings);
    // 71.23 + 93.22 = 164.45 against 164.46; the five 类 to 229.64 against 229.63
    assert_eq!(values(finding(&ev, "sum.tail", "general.classes.3.amount")), (Some("164.46"), Some("164.45")));
    assert_eq!(values(finding(&ev, "sum.tail", "general.total.amount")), (Some("229.63"), Some("229.64")));
    // written with words ("减少266.65", "下降52.15%") and signs alike
    assert_eq!(computed(&ev, "overall.trend.rate"), "-52.15%");
    assert_eq!(computed(&ev, "fiscal.total.rate"), "-53.73%");
    assert_eq!(computed(&ev, "three.total.variance"), "-18.27%");
    assert_eq!(computed(&ev, "three.car_running.variance"), "-2.99%");
    assert_eq!(computed(&ev, "three.reception.variance"), "-100.00%");
    // "下降 100%" written without decimals is right
    assert_eq!(computed(&ev, "general.items.7.rate"), "-100.00%");
    assert_eq!(computed(&ev, "operation.admin.rate"), "120.17%");
}

#[test]
fn the_generated_explanations_state_the_published_figures_in_the_published_order() {
    for seed in ["001", "002"] {
        let ev = eval(&fixture(&format!("seed{seed}")));
        let (ours, theirs) = (figures(&explanation(&ev)), figures(&published(seed)));
        let first = ours.iter().zip(&theirs).position(|(a, b)| a != b);
        let around = |v: &[Decimal], k: usize| v[k.saturating_sub(3)..(k + 3).min(v.len())].iter().map(|d| d.to_string()).collect::<Vec<_>>().join(" ");
        assert!(first.is_none() && ours.len() == theirs.len(), "seed {seed}: {} figures against {}, first difference at {first:?}: {} / {}", ours.len(), theirs.len(), first.map_or(String::new(), |k| around(&ours, k)), first.map_or(String::new(), |k| around(&theirs, k)));
        assert!(theirs.len() > 180, "seed {seed}: only {} figures read", theirs.len());
    }
}

#[test]
fn the_generated_explanations_hold_up_under_the_text_checker() {
    for (seed, least) in [("001", 60), ("002", 50)] {
        let ev = eval(&fixture(&format!("seed{seed}")));
        let check = jiaohe::text::check(&explanation(&ev), &Policy::default());
        let wrong: Vec<_> = check.claims.iter().filter(|c| c.verdict == jiaohe::text::Verdict::Wrong).map(|c| (&c.quote, &c.message)).collect();
        assert!(wrong.is_empty(), "seed {seed}: {wrong:#?}");
        let verified = check.claims.iter().filter(|c| c.verdict == jiaohe::text::Verdict::Verified).count();
        assert!(verified >= least, "seed {seed}: only {verified} claims verified");
        assert!(!ev.findings.iter().any(|f| f.path == "explanation"), "{:#?}", ev.findings);
    }
}

#[test]
fn the_explanation_follows_the_published_wording_and_layout() {
    let ev = eval(&fixture("seed001"));
    let text = computed(&ev, "explanation");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "部门决算情况说明");
    assert_eq!(lines[1], "乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）（汇总）　2023年度");
    assert!(lines[2..].iter().all(|l| l.starts_with("\u{3000}\u{3000}")));
    let heads: Vec<&str> = lines.iter().filter_map(|l| l.trim_start_matches('\u{3000}').split_once('、').map(|h| h.0)).filter(|h| ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"].contains(h)).collect();
    assert_eq!(heads, ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"]);
    assert!(text.contains("　　收入支出总体与上年相比，减少8,214.09万元，下降17.57%，主要原因是：本年乌鲁木齐市政务云服务项目资金较上年减少。\n"));
    assert!(text.contains("　　我部门本年度无国有资本经营预算财政拨款收入、支出及结转和结余，国有资本经营预算财政拨款收入支出决算表为空表。\n"));
    let ev = eval(&fixture("seed002"));
    assert!(computed(&ev, "explanation").contains("　　我单位本年度无政府性基金预算财政拨款收入、支出及结转和结余，政府性基金预算财政拨款收入支出决算表为空表。\n"));
}

fn set(doc: &mut Value, path: &str, v: &str) {
    let mut at = &mut *doc;
    let parts: Vec<&str> = path.split('.').collect();
    for p in &parts[..parts.len() - 1] {
        at = match p.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => {
                if at.get(*p).is_none() {
                    at[*p] = serde_json::json!({});
                }
                &mut at[*p]
            }
        };
    }
    at[parts[parts.len() - 1]] = Value::String(v.into());
}

#[test]
fn a_wrong_share_change_rate_or_variance_is_an_error_on_its_cell() {
    let base = fixture("seed001");
    for (path, wrong, code, stated, computed) in [
        ("income.fiscal.share", "99.47", "share.mismatch", "99.47%", "99.74%"),
        ("general.classes.0.share", "13.21", "share.mismatch", "13.21%", "13.12%"),
        ("three.car.share", "96.99", "share.mismatch", "96.99%", "99.96%"),
        ("procurement.sme_share", "41.14", "share.mismatch", "41.14%", "40.14%"),
        ("general.total.variance", "46.53", "share.mismatch", "46.53%", "-46.53%"),
        ("fiscal.total.variance", "53.04", "share.mismatch", "53.04%", "54.04%"),
        ("three.total.rate", "0.61", "growth.mismatch", "0.61%", "0.51%"),
        ("general.items.6.rate", "181.07", "growth.mismatch", "181.07%", "281.07%"),
    ] {
        let mut doc = base.clone();
        set(&mut doc, path, wrong);
        let ev = eval(&doc);
        assert_eq!(values(finding(&ev, code, path)), (Some(stated), Some(computed)), "{path}");
        assert_eq!(ev.summary.errors, 1, "{path}: {:#?}", ev.findings);
        // the explanation states the computed figure, not the wrong one
        assert!(!ev.findings.iter().any(|f| f.path == "explanation"), "{path}");
    }
}

#[test]
fn a_rise_written_as_a_fall_is_named_as_such() {
    let mut doc = fixture("seed001");
    set(&mut doc, "overall.trend.rate", "17.57");
    let ev = eval(&doc);
    let f = finding(&ev, "growth.mismatch", "overall.trend.rate");
    assert!(f.message.contains("比上年减少，应写下降 17.57%"), "{}", f.message);
}

#[test]
fn a_total_that_does_not_add_up_is_an_error_and_the_text_uses_the_sum() {
    let mut doc = fixture("seed001");
    // a 类 against its 项: 社会保障和就业支出 738.24 = 172.74 + 13.89 + 179.52 + 31.41 + 340.68
    set(&mut doc, "general.classes.1.amount", "783.24");
    // 三公 合计 against its three parts, 收入总计 against its three
    set(&mut doc, "three.total.amount", "23.54");
    set(&mut doc, "overall.income_total", "38,454.43");
    let ev = eval(&doc);
    assert_eq!(values(finding(&ev, "sum.mismatch", "general.classes.1.amount")), (Some("783.24"), Some("738.24")));
    assert_eq!(values(finding(&ev, "sum.mismatch", "three.total.amount")), (Some("23.54"), Some("23.45")));
    assert_eq!(values(finding(&ev, "sum.mismatch", "overall.income_total")), (Some("38,454.43"), Some("38,544.43")));
    let text = computed(&ev, "explanation");
    assert!(text.contains("2.社会保障和就业支出(类)738.24万元，占9.68%。"));
    assert!(text.contains("财政拨款“三公”经费支出23.45万元"));
}

#[test]
fn last_years_figures_may_be_typed_instead_of_the_change() {
    let mut doc = fixture("seed001");
    for (line, previous) in [("overall.trend", "46,758.52"), ("general.items.6", "89.40")] {
        set(&mut doc, &format!("{line}.change"), "");
        set(&mut doc, &format!("{line}.rate"), "");
        set(&mut doc, &format!("{line}.previous"), previous);
    }
    let ev = eval(&doc);
    assert_eq!(computed(&ev, "overall.trend.change"), "-8,214.09");
    assert_eq!(computed(&ev, "overall.trend.rate"), "-17.57%");
    assert_eq!(computed(&ev, "general.items.6.change"), "251.28");
    assert_eq!(computed(&ev, "general.items.6.rate"), "281.07%");
    assert_eq!(figures(&explanation(&ev)), figures(&published("001")));
    // a typed change against the one last year's figure gives
    set(&mut doc, "general.items.6.change", "215.28");
    let ev = eval(&doc);
    assert_eq!(values(finding(&ev, "growth.mismatch", "general.items.6.change")), (Some("215.28"), Some("251.28")));
}

#[test]
fn a_rise_from_nothing_follows_the_policy() {
    // 节能环保支出…其他污染防治支出: 6.00 from 0, "增长100.00%"
    let doc = fixture("seed001");
    assert!(eval(&doc).findings.iter().all(|f| f.path != "general.items.8.rate"));
    let ev = eval_with(&doc, r#"{"policy":{"base":"default","growth_from_zero":"omit"}}"#);
    finding(&ev, "growth.mismatch", "general.items.8.rate");
    let mut blank = doc.clone();
    set(&mut blank, "general.items.8.rate", "");
    let ev = eval_with(&blank, r#"{"policy":{"base":"default","growth_from_zero":"omit"}}"#);
    assert!(computed(&ev, "explanation").contains("比上年决算增加6.00万元，上年为0，不可比"));
}

#[test]
fn a_missing_reason_counts_and_vehicles_are_warned_about() {
    let mut doc = fixture("seed002");
    set(&mut doc, "general.items.0.reason", "");
    set(&mut doc, "three.car_running.variance_reason", "");
    set(&mut doc, "three.fleet_reason", "");
    set(&mut doc, "three.batches", "0");
    set(&mut doc, "three.reception.amount", "0.50");
    let ev = eval(&doc);
    finding(&ev, "reason.missing", "general.items.0.change");
    finding(&ev, "reason.missing", "three.car_running.variance");
    finding(&ev, "reason.missing", "three.fleet_reason");
    finding(&ev, "figure.inconsistent", "three.batches");
    // 0.50 more 接待 makes the 合计 5.69, not 5.19
    assert_eq!(values(finding(&ev, "sum.mismatch", "three.total.amount")), (Some("5.19"), Some("5.69")));
    // the text says what is missing rather than inventing it
    assert!(computed(&ev, "explanation").contains("与公务用车保有量差异原因是：＿＿。"));
}

#[test]
fn vehicles_by_use_add_up_to_the_vehicles_and_procurement_to_its_total() {
    let mut doc = fixture("seed001");
    set(&mut doc, "assets.other", "11");
    set(&mut doc, "procurement.goods", "14.38");
    set(&mut doc, "procurement.small", "12.65");
    let ev = eval(&doc);
    assert_eq!(values(finding(&ev, "sum.mismatch", "assets.vehicles")), (Some("12"), Some("11")));
    assert_eq!(values(finding(&ev, "sum.mismatch", "procurement.total")), (Some("29.02"), Some("28.57")));
    finding(&ev, "figure.inconsistent", "procurement.small");
}

#[test]
fn subjects_by_code_land_under_their_class() {
    // the items typed as codes: the names come from the list, the 类 sums from the digits
    let mut doc = fixture("seed002");
    for (i, code) in ["2069999", "2080505", "2101101", "2101103", "2150501", "2150502", "2210201", "2011308"].iter().enumerate() {
        set(&mut doc, &format!("general.items.{i}.subject"), code);
    }
    set(&mut doc, "general.classes.2.subject", "210");
    let ev = eval(&doc);
    assert_eq!(computed(&ev, "general.items.2.name"), "卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项)");
    assert_eq!(ev.summary.errors, 0, "{:#?}", ev.findings);
    assert_eq!(figures(&explanation(&ev)), figures(&published("002")));
    // a child under the wrong class shows at once
    set(&mut doc, "general.items.3.subject", "2080599");
    let ev = eval(&doc);
    assert_eq!(values(finding(&ev, "sum.mismatch", "general.classes.2.amount")), (Some("5.54"), Some("4.53")));
    // a code the list does not know is kept as typed, never an error
    set(&mut doc, "general.items.3.subject", "2109988 新设的项");
    let ev = eval(&doc);
    assert_eq!(computed(&ev, "general.items.3.name"), "卫生健康支出(类)新设的项(项)");
}

#[test]
fn economic_classification_gives_personnel_and_public_costs() {
    let mut doc = fixture("seed002");
    set(&mut doc, "basic.personnel", "");
    set(&mut doc, "basic.public", "");
    set(&mut doc, "basic.personnel_items", "");
    doc["basic"]["economic"] = serde_json::json!([
        {"subject": "301", "amount": "80.00"}, {"subject": "30101", "amount": "50.00"}, {"subject": "30102", "amount": "30.00"},
        {"subject": "303 对个人和家庭的补助", "amount": "8.07"}, {"subject": "30305", "amount": "8.07"},
        {"subject": "302", "amount": "10.15"}, {"subject": "30201", "amount": "10.15"}
    ]);
    let ev = eval(&doc);
    assert_eq!(computed(&ev, "basic.personnel"), "88.07");
    assert_eq!(computed(&ev, "basic.public"), "10.15");
    assert_eq!(ev.summary.errors, 0, "{:#?}", ev.findings);
    assert!(computed(&ev, "explanation").contains("人员经费88.07万元，包括：基本工资、津贴补贴、生活补助。"));
    // 类 = Σ 款 in the 经济分类 table
    doc["basic"]["economic"][0]["amount"] = "81.00".into();
    let ev = eval(&doc);
    assert_eq!(values(finding(&ev, "sum.mismatch", "basic.economic.0.amount")), (Some("81.00"), Some("80.00")));
}

#[test]
fn a_blank_or_half_filled_document_is_checked_without_inventing_figures() {
    let ev = evaluate(r#"{"kind":"final_accounts"}"#, "").unwrap();
    assert_eq!(ev.summary.errors, 0);
    let text = computed(&ev, "explanation");
    assert!(text.contains("收入总计＿＿万元"), "{text}");
    let ev = evaluate(r#"{"kind":"final_accounts","overall":null,"general":{"items":[null,{"subject":"x","amount":"abc"}]},"three":{"total":null}}"#, "").unwrap();
    finding(&ev, "value.unparseable", "general.items.1.amount");
}

/// Lines `from..to` (1-based, `to` excluded) of seed 004, a table as copied from its spreadsheet.
fn seed004(from: usize, to: usize) -> String {
    let text = std::fs::read_to_string(format!("{}/../shared/seeds/004_0a1f217f2835b61f.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    text.lines().skip(from - 1).take(to - from).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_pasted_function_table_fills_the_classes_items_and_total() {
    // seed 004's 一般公共预算支出情况表: split code columns, a ※ row, blanks for 0, its header rows
    let doc = serde_json::json!({"kind": "final_accounts", "tables": {"general": seed004(238, 274)}});
    let ev = eval(&doc);
    assert_eq!(ev.summary.errors, 0, "{:#?}", ev.findings);
    assert_eq!(computed(&ev, "general.total.amount"), "5,058.98");
    assert_eq!(computed(&ev, "general.classes.0.subject"), "206 科学技术支出");
    assert_eq!(computed(&ev, "general.classes.3.amount"), "4,363.77");
    assert_eq!(computed(&ev, "general.items.0.subject"), "2060499 其他技术与开发支出");
    assert_eq!(computed(&ev, "general.items.0.name"), "科学技术支出(类)技术研究与开发(款)其他技术与开发支出(项)");
    assert_eq!(computed(&ev, "general.classes.3.share"), "86.26%");
    assert!(computed(&ev, "explanation").contains("4.资源勘探工业信息等支出(类)4,363.77万元，占86.26%。"));
    // a figure changed in the table breaks its own sums, on the table
    let broken = seed004(238, 274).replace("1,194.27\t1,194.27", "1,149.27\t1,194.27");
    let ev = eval(&serde_json::json!({"kind": "final_accounts", "tables": {"general": broken}}));
    let f = finding(&ev, "sum.mismatch", "tables.general");
    assert!(f.message.contains("“2150501 行政运行”的合计为 1,149.27，按其各项计算为 1,194.27"), "{}", f.message);
    // a typed figure against the table's
    let ev = eval(&serde_json::json!({"kind": "final_accounts", "general": {"total": {"amount": "5,085.98"}}, "tables": {"general": seed004(238, 274)}}));
    assert_eq!(values(finding(&ev, "figure.inconsistent", "general.total.amount")), (Some("5,085.98"), Some("5,058.98")));
}

#[test]
fn a_pasted_economic_table_gives_personnel_and_public_costs_and_finds_its_tail() {
    // SPEC §3: seed 004 表6, 303 items sum to 253.97 against 253.98
    let doc = serde_json::json!({"kind": "final_accounts", "tables": {"basic": seed004(274, 317)}});
    let ev = eval(&doc);
    assert_eq!(computed(&ev, "basic.total"), "2,157.26");
    assert_eq!(computed(&ev, "basic.personnel"), "1,963.41");
    assert_eq!(computed(&ev, "basic.public"), "193.85");
    let tail = finding(&ev, "sum.tail", "tables.basic");
    assert!(tail.message.contains("303 对个人和家庭的补助"), "{}", tail.message);
    assert_eq!(ev.summary.errors, 0, "{:#?}", ev.findings);
}

#[test]
fn pasted_summary_and_three_costs_tables_fill_sections_one_and_seven() {
    let summary = "收入支出决算总表\n单位：万元\n收入\t\t支出\t\n项目\t行次\t金额\t项目\t行次\t金额\n一、财政拨款收入\t1\t38,249.76\t一、一般公共服务支出\t31\t0.00\n本年收入合计\t7\t38,350.62\t本年支出合计\t57\t38,349.81\n使用非财政拨款结余\t8\t0.00\t结余分配\t58\t0.00\n年初结转和结余\t9\t193.81\t年末结转和结余\t59\t194.62\n收入总计\t10\t38,544.43\t支出总计\t60\t38,544.43";
    let three = "财政拨款“三公”经费支出决算表\n预算数\t\t\t\t\t\t决算数\n合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n\t\t小计\t公务用车购置费\t公务用车运行费\t\t\t\t小计\t公务用车购置费\t公务用车运行费\t\n23.45\t0.00\t23.44\t0.00\t23.44\t0.01\t23.45\t0.00\t23.44\t0.00\t23.44\t0.01";
    let mut doc = fixture("seed001");
    for p in ["overall.income_total", "overall.income", "overall.carried_in", "overall.expenditure", "overall.carried_out", "three.total.amount", "three.car.amount", "three.car_running.amount", "three.car_running.budget", "three.reception.amount"] {
        set(&mut doc, p, "");
    }
    doc["tables"] = serde_json::json!({"summary": summary, "three": three});
    let ev = eval(&doc);
    assert_eq!(computed(&ev, "overall.income"), "38,350.62");
    assert_eq!(computed(&ev, "overall.carried_out"), "194.62");
    assert_eq!(computed(&ev, "three.car_running.budget"), "23.44");
    assert_eq!(computed(&ev, "three.reception.amount"), "0.01");
    assert_eq!(ev.summary.errors, 0, "{:#?}", ev.findings);
    assert_eq!(figures(&explanation(&ev)), figures(&published("001")));
    // a 合计 in the table that is not its parts
    doc["tables"]["three"] = three.replace("23.45\t0.00\t23.44\t0.00\t23.44\t0.01\t23.45", "23.45\t0.00\t23.44\t0.00\t23.44\t0.01\t23.54").into();
    let ev = eval(&doc);
    assert!(finding(&ev, "sum.mismatch", "tables.three").message.contains("决算数合计为 23.54，按其各项计算为 23.45"));
}

#[test]
fn a_paste_that_is_not_a_table_says_so_and_changes_nothing() {
    let ev = eval(&serde_json::json!({"kind": "final_accounts", "tables": {"income": "这里不是表格"}}));
    assert!(finding(&ev, "value.unparseable", "tables.income").message.contains("没有读到数字"));
    assert_eq!(ev.summary.errors, 0);
}

#[test]
fn what_a_review_found_stays_fixed() {
    // a rate is judged with each figure in its own rounding interval: 0.30 on 0.20 is 55% at 0 dp
    let mut doc = serde_json::json!({"kind": "final_accounts", "operation": {"admin": {"amount": "0.30", "previous": "0.20", "rate": "55%", "reason": "x"}},
        "general": {"total": {"amount": "0.30", "budget": "0.20", "variance": "55%", "variance_reason": "x"}}});
    let ev = eval(&doc);
    assert!(ev.findings.iter().all(|f| f.severity != jiaohe::Severity::Error), "{:#?}", ev.findings);
    // a 本年收入合计 that is not its sources: reported where it was typed, shares on the sources' sum
    doc = fixture("seed001");
    set(&mut doc, "overall.income", "38,450.62");
    let ev = eval(&doc);
    assert_eq!(values(finding(&ev, "sum.mismatch", "overall.income")), (Some("38,450.62"), Some("38,350.62")));
    assert!(ev.findings.iter().all(|f| f.path != "income.fiscal.share"), "{:#?}", ev.findings);
    assert!(computed(&ev, "explanation").contains("本年收入38,350.62万元"));
    // a share typed without its base is kept for the text
    let ev = eval(&serde_json::json!({"kind": "final_accounts", "general": {"total": {"share": "19.88", "variance": "-46.53"}}}));
    assert!(computed(&ev, "explanation").contains("占本年支出合计的19.88%"));
    // counts with their unit; a negative or fractional count is not one
    let ev = eval(&serde_json::json!({"kind": "final_accounts", "three": {"fleet": "12辆", "batches": "1.5"}, "assets": {"vehicles": "-1"}}));
    assert_eq!(computed(&ev, "three.fleet"), "12");
    finding(&ev, "value.unparseable", "three.batches");
    finding(&ev, "value.unparseable", "assets.vehicles");
    // a negative last year is named
    let ev = eval(&serde_json::json!({"kind": "final_accounts", "operation": {"admin": {"amount": "5", "previous": "-5", "reason": "x"}}}));
    finding(&ev, "growth.mismatch", "operation.admin.previous");
    // figures in the user's own reason are theirs: not reported against the explanation
    doc = fixture("seed001");
    set(&mut doc, "overall.trend.reason", "政务云服务项目资金较上年减少8,000.00万元，下降60%");
    let ev = eval(&doc);
    assert!(ev.findings.iter().all(|f| f.path != "explanation"), "{:#?}", ev.findings);
    // a rate within rounding is written as computed, so the text checker agrees
    set(&mut doc, "overall.trend.rate", "-17.6");
    let ev = eval(&doc);
    assert_eq!(ev.summary.errors, 0, "{:#?}", ev.findings);
    // the year as people type it; a reason typed with its lead-in
    set(&mut doc, "year", "2023年度决算");
    set(&mut doc, "overall.trend.reason", "主要原因是：本年减少");
    let text = computed(&eval(&doc), "explanation");
    assert!(text.contains("2023年度收入总计") && text.contains("主要原因是：本年减少。") && !text.contains("决算年度"));
    // no budget, money spent: no rate to write
    let ev = eval(&serde_json::json!({"kind": "final_accounts", "general": {"total": {"amount": "5.00", "budget": "0", "variance_reason": "x"}}}));
    assert!(computed(&ev, "explanation").contains("年初预算数0.00万元，决算数5.00万元，预决算差异率不适用（预算数为0）"));
    // list numbers with 、 (once a panic), unreadable 科目 named by their row
    let ev = eval(&serde_json::json!({"kind": "final_accounts", "general": {"classes": [{"subject": "1、科学技术支出(类)", "amount": "1"}], "items": [{"subject": "(类)", "amount": "1"}]}}));
    finding(&ev, "figure.inconsistent", "general.items.0.subject");
}
