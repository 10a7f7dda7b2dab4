//! 文字核对 against the seeds' texts, each claim in them counted by hand
//! (`tests/fixtures/text/*.claims.json`, see its README): recall (claims found / present),
//! verdicts that agree, and false errors (an error where the hand count has none).

use jiaohe::text::{check, Claim, Verdict};
use jiaohe::Policy;
use serde_json::Value;

struct Expected {
    kind: String,
    verdict: String,
    figure: [u32; 2],
    at: String,
}

fn expected(name: &str) -> (String, Vec<Expected>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/text/");
    let text = std::fs::read_to_string(format!("{dir}{name}.txt")).unwrap();
    let list: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(format!("{dir}{name}.claims.json")).unwrap()).unwrap();
    let out = list
        .iter()
        .map(|e| {
            let at = e["at"].as_str().unwrap();
            let nth = e.get("nth").and_then(Value::as_u64).unwrap_or(0) as usize;
            let byte = text.match_indices(at).nth(nth).unwrap_or_else(|| panic!("{name}: “{at}” not in the text")).0;
            let fig = e["figure"].as_str().unwrap();
            let fbyte = byte + at.find(fig).unwrap();
            let start = text[..fbyte].chars().count() as u32;
            Expected { kind: e["kind"].as_str().unwrap().into(), verdict: e["verdict"].as_str().unwrap().into(), figure: [start, start + fig.chars().count() as u32], at: at.into() }
        })
        .collect();
    (text, out)
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Verified => "verified",
        Verdict::Tail => "tail",
        Verdict::Wrong => "wrong",
        Verdict::Unresolved => "unresolved",
    }
}

fn overlaps(a: [u32; 2], b: [u32; 2]) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

struct Score {
    present: usize,
    found: usize,
    agree: usize,
    false_errors: Vec<String>,
    missed: Vec<String>,
    disagree: Vec<String>,
}

fn score(name: &str) -> Score {
    let (text, exp) = expected(name);
    let got = check(&text, &Policy::default());
    let matched = |e: &Expected| -> Option<&Claim> { got.claims.iter().find(|c| overlaps(c.figure, e.figure)) };
    let mut s = Score { present: exp.len(), found: 0, agree: 0, false_errors: vec![], missed: vec![], disagree: vec![] };
    for e in &exp {
        match matched(e) {
            Some(c) => {
                s.found += 1;
                if verdict(c.verdict) == e.verdict {
                    s.agree += 1;
                } else {
                    s.disagree.push(format!("{} {} “{}”: expected {}, got {} — {}", e.kind, verdict(c.verdict), e.at, e.verdict, verdict(c.verdict), c.message));
                }
            }
            None => s.missed.push(format!("{} ({}) “{}”", e.kind, e.verdict, e.at)),
        }
    }
    for c in got.claims.iter().filter(|c| c.verdict == Verdict::Wrong) {
        if !exp.iter().any(|e| e.verdict == "wrong" && overlaps(c.figure, e.figure)) {
            s.false_errors.push(format!("{:?} “{}”: {}", c.kind, c.quote, c.message));
        }
    }
    s
}

fn report(name: &str) -> Score {
    let s = score(name);
    println!("{name}: found {}/{} claims, {} verdicts agree, {} false errors", s.found, s.present, s.agree, s.false_errors.len());
    for m in &s.missed {
        println!("  missed: {m}");
    }
    for d in &s.disagree {
        println!("  verdict: {d}");
    }
    for f in &s.false_errors {
        println!("  false error: {f}");
    }
    s
}

#[test]
fn recall_and_false_errors_per_seed() {
    // (file, least recall in claims found, verdicts that may differ from the hand count)
    for (name, found, differ) in [("seed001-juesuan", 76, 0), ("seed002-juesuan", 59, 0), ("seed004-shuoming", 57, 0), ("seed000", 35, 1), ("seed003", 29, 2), ("seed001-anquan", 1, 0)] {
        let s = report(name);
        assert!(s.false_errors.is_empty(), "{name}: an error where the hand count has none");
        assert!(s.found >= found, "{name}: recall fell to {}/{}", s.found, s.present);
        assert!(s.found - s.agree <= differ, "{name}: {} verdicts differ from the hand count", s.found - s.agree);
    }
}

fn findings_of(name: &str) -> Vec<(String, String)> {
    let (text, _) = expected(name);
    let got = check(&text, &Policy::default());
    got.findings.iter().map(|f| (f.code.as_str().to_string(), f.message.clone())).collect()
}

#[test]
fn seed000_errors_visible_in_prose_are_found_from_the_text_alone() {
    let f = findings_of("seed000");
    let has = |code: &str, words: &[&str]| f.iter().any(|(c, m)| c == code && words.iter().all(|w| m.contains(w)));
    assert!(has("text.sum_mismatch", &["17名", "4名"]), "编制 4 ≠ 4 + 13");
    assert!(has("text.sum_mismatch", &["1,508条", "1509条"]), "隐患 1,509 ≠ 1,007 + 501");
    assert!(has("text.sum_mismatch", &["4,396.65", "4359.58"]), "转移支付 items");
    assert!(has("text.sum_mismatch", &["67.74", "63.18"]), "本级财力 items");
    assert!(has("text.sum_mismatch", &["4,422.76", "4398.82"]), "the two groups against the 7 projects");
    assert!(has("text.sum_mismatch", &["3,244.47", "2385.28"]), "年初 − 调整 ≠ 调整后");
    assert!(has("text.rate_base", &["2385.28", "4664.42"]), "执行率 on two bases");
    assert!(has("text.rate_mismatch", &["2.0%", "0.1%"]), "指标五 完成率");
    assert!(has("text.grade_mismatch", &["差"]), "评价结果 ？");
}

#[test]
fn seed001_shortfall_is_not_the_completion() {
    let f = findings_of("seed001-anquan");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "text.rate_mismatch");
    assert!(f[0].1.contains("24.94%") && f[0].1.contains("未完成的部分"), "{}", f[0].1);
}

#[test]
fn seed001_tail_is_a_note() {
    let (text, _) = expected("seed001-juesuan");
    let got = check(&text, &Policy::default());
    assert_eq!((got.summary.wrong, got.summary.tail), (0, 1), "{:?}", got.summary);
    let tail = got.claims.iter().find(|c| c.verdict == Verdict::Tail).unwrap();
    assert_eq!(tail.stated, "38,349.81万元");
    assert!(tail.how.contains("38,349.80"), "{}", tail.how);
    assert_eq!(got.findings.iter().filter(|f| f.code.as_str() == "text.tail").count(), 1);
}

mod common;

/// Pasted text cut, spliced and sprinkled with what breaks readers: no panic, every span inside
/// the text.
#[test]
fn mutated_texts_never_panic() {
    let pieces = ["其中：", "占", "%", "，", "。", "\n", "\t", "万元", "亿元", "元", "增加", "减少", "增长", "下降", "差异率", "执行率", "完成率", "得分", "权重", "分", "评价结果为“", "？", "=", "+", "-", "－", "１２．５", "0", "9", ".", ",", "1,234", "99999999999999999999", "0.0000000001", "（2）", "两", "十二个", "千千千千千千千千千千千千个", "评价等级为'优'的", "等级为‘良’", "😀", "\u{0}", "个百分点", "上年", "年初预算数", "决算数", "调整后", "年中调整数", "合计", "以上", "第3页"];
    let texts: Vec<String> = ["seed001-juesuan", "seed000", "seed004-shuoming"].iter().map(|n| expected(n).0).collect();
    let mut r = common::Rng(0x7e47_c0de_1234_5678);
    let rounds = 3_000;
    for _ in 0..rounds {
        let base: Vec<char> = texts[r.below(texts.len())].chars().collect();
        let a = r.below(base.len());
        let len = r.below(400).min(base.len() - a);
        let mut t: String = base[a..a + len].iter().collect();
        for _ in 0..r.below(12) {
            let chars: Vec<char> = t.chars().collect();
            let at = if chars.is_empty() { 0 } else { r.below(chars.len() + 1) };
            let (x, y): (String, String) = (chars[..at].iter().collect(), chars[at..].iter().collect());
            t = format!("{x}{}{y}", r.pick(&pieces));
        }
        let n = t.chars().count() as u32;
        let got = check(&t, &Policy::default());
        for c in &got.claims {
            assert!(c.span[0] <= c.span[1] && c.span[1] <= n && c.figure[1] <= n, "span outside the text: {c:?} in {t:?}");
        }
    }
    println!("文字核对: {rounds} mutated texts, no panic");
}

#[test]
#[ignore]
fn dump() {
    let name = std::env::var("DUMP").unwrap_or("seed001-juesuan".into());
    let (text, _) = expected(&name);
    let got = check(&text, &Policy::default());
    for c in &got.claims {
        println!("{:?} {:?} [{}] {} | {} | {}", c.kind, c.verdict, c.quote, c.stated, c.how, c.message);
    }
}

/// Explanations written the way other provinces write them (not from the seeds): named totals
/// in quotes, a list "主要用于以下方面：", "与上年持平", a figure broken across lines, and three
/// mistakes put in on purpose — a rate on the wrong base (5 ÷ 25), a 10% that is 11.1%, parts
/// that add to 1,100 under a stated 1,000.
#[test]
fn other_provinces_wording() {
    let read = |n: &str| std::fs::read_to_string(format!("{}/tests/fixtures/text/{n}.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let a = check(&read("variant-juesuan"), &Policy::default());
    assert_eq!((a.summary.wrong, a.summary.tail), (0, 0), "{:#?}", a.claims.iter().filter(|c| c.verdict == Verdict::Wrong).collect::<Vec<_>>());
    assert!(a.summary.verified >= 16, "{:?}", a.summary);
    // what cannot be resolved says why: the totals it names are not in the text
    assert!(a.claims.iter().filter(|c| c.verdict == Verdict::Unresolved).all(|c| c.message.contains("没有找到")));
    let b = check(&read("variant-yusuan"), &Policy::default());
    let wrong: Vec<(&str, Option<&str>)> = b.claims.iter().filter(|c| c.verdict == Verdict::Wrong).map(|c| (c.stated.as_str(), c.computed.as_deref())).collect();
    assert_eq!(wrong, [("25%", Some("20%")), ("10%", Some("11%")), ("1,000万元", Some("1,100万元"))]);
    assert_eq!(b.summary.verified, 11);
}

#[test]
fn a_rate_on_the_wrong_base_is_named() {
    let c = check("2024年机关运行经费预算为300万元，比上年预算增加30万元，增长10%。", &Policy::default());
    assert!(c.claims[0].message.contains("以本年数为基数") && c.claims[0].computed.as_deref() == Some("11%"), "{:?}", c.claims[0]);
    let c = check("年初预算数100.00万元，决算数80.00万元，预决算差异率-25.00%，主要原因是调减。", &Policy::default());
    assert!(c.claims[0].message.contains("以决算数为基数") && c.claims[0].computed.as_deref() == Some("-20.00%"), "{:?}", c.claims[0]);
}

#[test]
fn level_with_last_year() {
    let c = check("公务接待费支出2.50万元，上年支出2.50万元，与上年持平。", &Policy::default());
    assert_eq!((c.summary.claims, c.summary.verified), (1, 1), "{:#?}", c.claims);
    let c = check("公务接待费支出2.50万元，上年支出3.00万元，与上年持平。", &Policy::default());
    assert_eq!(c.summary.wrong, 1);
    assert_eq!(c.claims[0].computed.as_deref(), Some("减少0.50"));
    // 持平 with no figure of last year says nothing to check
    assert_eq!(check("因公出国（境）费0万元，与上年持平。", &Policy::default()).summary.claims, 0);
}

/// Wordings a review found misread (each was a false error or a missed mistake): what a reader
/// expects — no error ("ok"), or an error whose message or computed value says the given text.
#[test]
fn wordings_found_misread_in_review() {
    let cases: &[(&str, &str)] = &[
        (r#"2023年度“三公”经费支出预算为15.00万元，支出决算为11.85万元，完成预算的79.00%。比上年减少1.25万元，下降9.54%。其中：因公出国（境）费0万元；公务用车购置及运行维护费8.60万元，占72.57%；公务接待费3.25万元，占27.43%。"#, "ok"),
        (r#"一般公共预算财政拨款支出3,050.40万元，比上年决算数2,890.10万元增加160.30万元，增长5.55%。"#, "ok"),
        (r#"2023年度收入总计1,056.42万元，上年决算数为1,150.00万元，减少93.58万元，下降8.14%。"#, "ok"),
        (r#"支出预算总计2.36亿元。
按支出功能分类，一般公共服务支出1.80亿元，占支出预算的76.27%；社会保障和就业支出0.32亿元，占13.56%；教育支出0.24亿元，占10.17%。"#, "ok"),
        (r#"支出预算总计2.36亿元。
按支出功能分类，一般公共服务支出0万元，占支出预算的0%；社会保障和就业支出2.36亿元，占100%。"#, "ok"),
        (r#"支出预算总计2.36亿元。其中基本支出、项目支出分别为1.46亿元、0.90亿元，分别占61.86%、38.14%。"#, "ok"),
        (r#"“三公”经费预算数为18.50万元，其中：因公出国（境）费0万元；公务用车购置及运行维护费12.00万元（其中公务用车购置费0万元，公务用车运行维护费12.00万元）；公务接待费6.50万元。"#, "ok"),
        (r#"本年收入合计3,200.50万元，其中：财政拨款收入3,100.00万元（其中：一般公共预算3,000.00万元，政府性基金100.00万元），占本年收入合计的96.86%；其他收入100.50万元，占3.14%。"#, "ok"),
        (r#"项目自评综合得分为92.30分，其中：预算执行率得分9.55分，产出指标得分45.00分，效益指标得分28.75分，满意度指标得分9.00分。评价等级为“优”。"#, "ok"),
        (r#"产出指标得分48分，效益指标得分20分。综合得分：9.50+9.33+10+48+20=96.83分，等级为优。"#, "ok"),
        (r#"机关运行经费决算数为101.76万元。与年初预算相比，项目支出决算数减少82.50万元，下降9.17%，年初预算为900.00万元。"#, "ok"),
        (r#"一般公共预算财政拨款支出年初预算为980.00万元，支出决算为1,000.40万元。其中：
1．教育（类）普通教育（款）小学教育（项）。年初预算为600.00万元，支出决算为610.00万元。
2．教育（类）普通教育（款）初中教育（项）。年初预算为160.00万元，支出决算为170.00万元。"#, "ok"),
        (r#"基本支出300.00万元，其中：人员经费100.00万元，主要包括：基本工资、津贴补贴；公用经费200.00万元，主要包括：办公费。"#, "ok"),
        (r#"本年收入合计１．２５亿元，其中：财政拨款收入１１，２３０．５０万元，占本年收入合计的８９．８４％；其他收入１，２６９．５０万元，占１０．１６％。"#, "ok"),
        (r#"本年收入合计5,87
8.63万元，其中：财政拨款收入5,632.18万元，占95.81%；其他收入246.45万元，占4.19%。"#, "ok"),
        (r#"年初预算为356.20万元，支出决算为372.48万元，完成年初预算的110.57%。"#, "104.57%"),
        (r#"年初预算为356.20万元，支出决算为372.48万元，完成年初预算的112.57%。"#, "104.57%"),
        (r#"执行数427.50万元，预算数450.00万元，执行率95.00%，该指标分值10分，得分9.60分。"#, "9.50"),
        (r#"目标值12000平方米，实际完成12600平方米，完成率105%。"#, "ok"),
        (r#"公务接待费上年为0万元，本年为3.00万元，增长100%。"#, "ok"),
        (r#"收 入 合 计 9 8 . 0 0 万 元 ， 其 中 ： 财 政 拨 款 5 6 . 0 0 万 元 ， 占 5 7 . 1 4 % ； 其 他 收 入 4 2 . 0 0 万 元 ， 占 4 2 . 8 6 % 。"#, "ok"),
        (r#"收 入 合 计 1 8 , 7 6 5 . 4 3 万 元 ， 比 上 年 减 少 1 , 2 3 4 . 5 7 万 元 ， 下 降 6 . 1 7 % 。"#, "ok"),
        (r#"收 入 合 计 9 8 . 5 0 万 元 ， 其 中 ： 财 政 拨 款 5 6 . 2 5 万 元 ， 占 5 7 . 1 1 % ； 其 他 收 入 4 2 . 2 5 万 元 ， 占 4 2 . 8 9 % 。"#, "ok"),
        (r#"“三公”经费支出预算为25.60万元，支出决算为21.37万元。公务接待费支出决算为5.25万元，占“三公”经费的24.57%。"#, "ok"),
        (r#"收入总计1,820.40万元，较上年增长（减少）120.40万元，增长（下降）7.08%。"#, "ok"),
        (r#"支出总计965.30万元，较上年增加（减少）-64.80万元，增长（减少）-6.29%。"#, "ok"),
        (r#"收入1213.00万元（财政拨款1125.36万元，其他收入87.64万元），较上年1098.50万元增加114.50万元，增长10.42%。"#, "ok"),
        (r#"收入1213.00万元，较上年1098.50万元增加114.50万元；支出1180.20万元，较上年减少18.10万元，下降1.51%。"#, "ok"),
        (r#"2024年支出预算800.00万元，较2023年预算数836.00万元减少36.00万元，下降4.31%。"#, "ok"),
        (r#"2024年支出预算800.00万元。与2023年相比，2024年政府采购预算增加8.40万元，增长7.00%，达到128.40万元。"#, "ok"),
        (r#"全年累计完成投资3.00亿元，较2022年的2.50亿元增加0.50亿元，增长20%。"#, "ok"),
        (r#"全年累计完成投资3.00亿元，较上年的2.50亿元增加0.50亿元，增长20%。"#, "ok"),
        (r#"培训费支出1.79万元，上年1.80万元，与上年基本持平。"#, "ok"),
        (r#"2022年度自评得分为85.20分。项目支出绩效自评共开展15个项目，其中评价等级为“优”的11个、“良”的4个。"#, "ok"),
        (r#"人员经费和公用经费分别为1,520.00万元和280.00万元。人员经费和公用经费分别比上年增加70.00万元和减少20.00万元，分别增长4.83%和下降6.67%。"#, "ok"),
        (r#"支出预算21,500.00万元，上年预算数20,000.00万元，增减变化1,500.00万元，增减幅度7.50%。"#, "ok"),
        (r#"本年支出合计18 765.43万元，比上年减少1 234.57万元，下降6.17%。"#, "ok"),
        (r#"效益指标得27分，合计93.5分，评价等级为优秀。"#, "ok"),
        (r#"2023年度支出总计965.30万元，比上年增加-64.80万元，增长-6.29%。"#, "ok"),
        (r#"2023年度本年支出合计2,680.00万元，基本支出、项目支出和上缴上级支出占比分别为69.04%、23.49%和7.46%。
基本支出1,850.40万元，占本年支出合计（2,680.00万元）的69.04%。
项目支出629.60万元，在本年支出中所占比例为23.49%，较上年的25.10%下降1.61个百分点。"#, "ok"),
        (r#"该项目年初预算500.00万元，调减30.00万元，调整后预算470.00万元，调整率-6.00%。"#, "ok"),
        // a second review's planted mistakes
        (r#"指标值500户，实际完成460户，完成率93.2%。"#, "92.0%"),
        (r#"预算8.00万元，决算6.30万元，差异率-12.25%。"#, "-21.25%"),
        (r#"门诊量12.5万人次，比上年增加1.2万人次，增长12.62%。"#, "10.62%"),
    ];
    for (text, expected) in cases {
        let got = check(text, &Policy::default());
        let wrong: Vec<&Claim> = got.claims.iter().filter(|c| c.verdict == Verdict::Wrong).collect();
        if *expected == "ok" {
            assert!(wrong.is_empty(), "{text}: {:#?}", wrong);
        } else {
            assert!(wrong.iter().any(|c| c.message.contains(expected) || c.computed.as_deref().is_some_and(|v| v.contains(expected))), "{text}: {:#?}", got.claims);
        }
    }
}
