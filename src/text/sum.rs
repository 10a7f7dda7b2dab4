//! 合计与其中各项: "X万元，其中：A万元、B万元…" (and 包括, 分别为, a 其中 opening the next
//! sentence, parts that go on in the next paragraph), "A万元、B万元，合计X万元", counts alike;
//! a 其中 with one part says the part is not above the total.

use super::claim::{ClaimKind, Verdict};
use super::figure::{Role, Unit};
use super::reader::{is_stock_amount, show, Draft, Reader};
use crate::number::{add, compare_total, distance, sub, Agreement};
use rust_decimal::Decimal;

const MARKERS: [&str; 4] = ["其中", "包括", "分别为", "分别是"];
const TOTAL_WORDS: [&str; 8] = ["合计", "共计", "总计", "累计", "合计为", "共计为", "总计为", "共"];

/// Budget, previous-year and other amounts add up each among their own.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn role_class(r: Role) -> u8 {
    match r {
        Role::Budget => 1,
        Role::Previous => 2,
        _ => 0,
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn find(r: &mut Reader, out: &mut Vec<Draft>) {
    for s in 0..r.sentences.len() {
        let range = r.sentences[s].range.clone();
        let figs = r.sentences[s].figs.clone();
        let body = &r.text[range.clone()];
        // the markers in text order (a marker's index is its place among MARKERS)
        let mut at: Vec<u64> = MARKERS.iter().enumerate().flat_map(|(k, m)| body.match_indices(m).map(move |(i, _)| ((range.start + i) as u64) << 8 | k as u64)).collect();
        at.sort_unstable();
        let marks: Vec<(usize, &str)> = at
            .iter()
            .map(|x| ((x >> 8) as usize, MARKERS[(x & 0xff) as usize]))
            // "人员经费…，主要包括：基本工资、津贴补贴；公用经费…": a list of words, not of figures
            .filter(|&(m, w)| w == "其中" || r.text[m..range.end].split(['；', ';']).next().is_some_and(|g| g.bytes().any(|b| b.is_ascii_digit())))
            .collect();
        let depth = |p: usize| paren_depth(&r.text[range.start..p]);
        let mut listed = false;
        for (k, &(m, word)) in marks.iter().enumerate() {
            let inner = depth(m) > 0;
            // a list in brackets ends with them; the list around it runs on past them
            let end = if inner {
                close_of(r.text, m, range.end)
            } else {
                marks[k + 1..].iter().find(|n| depth(n.0) == 0).map_or(range.end, |n| n.0)
            };
            let mut tail: Vec<usize> = figs.clone().filter(|&j| r.figs[j].start >= m && r.figs[j].start < end && is_stock_amount(&r.figs[j]) && (inner || depth(r.figs[j].start) == 0)).collect();
            let mut numbered = false;
            if tail.is_empty() && r.text[m..range.end].trim_end_matches(['：', ':', '\n', ' ']).chars().count() <= word.chars().count() {
                // "收入预算6,724.07万元，其中：" ending its paragraph: one part per paragraph below
                tail = parts_below(r, r.sentences[s].para);
                // "其中：1．…（项）2．…（项）": a numbered list may give only the main items
                numbered = tail.iter().all(|&j| super::source::starts_item(&r.text[r.paras[r.sentences[r.figs[j].sentence].para].range.clone()]));
            }
            if tail.is_empty() {
                continue;
            }
            // the total is in the clause group of the 其中 ("…；当年项目共14个，其中：…"), else the sentence
            let segment = r.text[range.start..m].rfind(['；', ';']).map_or(range.start, |p| range.start + p);
            let mut head: Vec<usize> = figs.clone().filter(|&j| r.figs[j].end <= m && r.figs[j].start >= segment && is_stock_amount(&r.figs[j])).collect();
            if head.is_empty() {
                head = figs.clone().filter(|&j| r.figs[j].end <= m && is_stock_amount(&r.figs[j])).collect();
            }
            let opens = r.text[range.start..m].trim_matches(|c: char| c.is_whitespace() || "，,；;：:".contains(c)).is_empty();
            if head.is_empty() && opens && word == "其中" {
                // "…支出23.45万元，比上年增加0.12万元。其中：因公出国…": the totals of the last
                // sentence that states any (in its paragraph, or the paragraph before)
                let para = r.sentences[s].para;
                let floor = r.paras[para.saturating_sub(1)].sentences.start;
                for prev in (floor..s).rev() {
                    head = r.sentences[prev].figs.clone().filter(|&j| is_stock_amount(&r.figs[j])).collect();
                    if !head.is_empty() {
                        break;
                    }
                }
            }
            if head.is_empty() {
                continue;
            }
            listed = true;
            // one total per kind of figure the parts are: amounts, counts; budgets and previous
            // years apart when the parts are of both
            let mixed = tail.iter().any(|&j| role_class(r.figs[j].role) != role_class(r.figs[tail[0]].role));
            let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
            for &j in &tail {
                let f = &r.figs[j];
                // "金额为X万元" over items "预算金额为a，执行金额为b": the items' first-named figures
                let class = |h: usize| if mixed && !head.iter().any(|&x| r.figs[x].unit.adds_with(f.unit) && role_class(r.figs[x].role) == role_class(f.role) && r.figs[x].role != Role::Subject) && r.figs[h].role == Role::Subject { role_class(r.figs[tail[0]].role) } else { role_class(r.figs[h].role) };
                // the nearest total of the part's own kind: the same word (预算数 with 预算数),
                // else an amount said of something or a 决算数 for a part said of something
                let rank = |h: usize| {
                    if r.figs[h].role == f.role { 0 } else if class(h) == role_class(f.role) { 1 } else { 2 }
                };
                let total = head.iter().rev().copied().filter(|&h| r.figs[h].unit.adds_with(f.unit) && (rank(h) < 2 || !mixed)).min_by_key(|&h| rank(h));
                let Some(total) = total else { continue };
                match groups.iter_mut().find(|g| g.0 == total) {
                    Some(g) => g.1.push(j),
                    None => groups.push((total, vec![j])),
                }
            }
            for (mut total, parts) in groups {
                // "1,665.09万元，包括：财政拨款1,636.89万元，非财政拨款28.20万元，其中：…" — the
                // list may be of an earlier total of the sentence: the one its parts make
                if agreement(r, total, &parts).1 == Agreement::Mismatch {
                    if let Some(t) = head.iter().rev().copied().find(|&h| h != total && r.figs[h].unit.adds_with(r.figs[total].unit) && agreement(r, h, &parts).1 != Agreement::Mismatch) {
                        total = t;
                    }
                }
                for &p in &parts {
                    r.total_of[p] = Some(total);
                }
                sum_claim(r, total, parts, s, numbered, out);
            }
        }
        if !listed {
            parts_then_total(r, s, out);
        }
        adjusted_budget(r, s, out);
    }
}

/// How many brackets are open at the end of `s`.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn paren_depth(s: &str) -> i32 {
    s.chars().fold(0, |d, c| match c {
        '（' | '(' => d + 1,
        '）' | ')' => (d - 1).max(0),
        _ => d,
    })
}

/// Where the bracket open at `from` closes (or `to`).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn close_of(text: &str, from: usize, to: usize) -> usize {
    let mut d = 1;
    for (i, c) in text[from..to].char_indices() {
        match c {
            '（' | '(' => d += 1,
            '）' | ')' => {
                d -= 1;
                if d == 0 {
                    return from + i;
                }
            }
            _ => {}
        }
    }
    to
}

/// The parts of a list that ends its paragraph with "其中：": the amount each following
/// paragraph is about, up to the next heading (paragraphs without a figure, "政府性基金预算未安排。",
/// are passed over).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn parts_below(r: &Reader, para: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for p in para + 1..r.paras.len().min(para + 40) {
        let body = &r.text[r.paras[p].range.clone()];
        if r.paras[p].figs.clone().all(|j| r.figs[j].unit == Unit::Other) {
            // a sub-heading of the list, "（1）转移支付项目", is passed over; a chapter's ("三、关于
            // 2025 年支出预算情况说明") ends it
            let sub_item = body.starts_with(['（', '(']) && body.chars().nth(1).is_some_and(|c| c.is_ascii_digit());
            if super::source::starts_item(body) && !sub_item {
                break;
            }
            continue;
        }
        let Some(j) = r.paras[p].figs.clone().find(|&j| r.figs[j].unit != Unit::Other) else { continue };
        if !is_stock_amount(&r.figs[j]) {
            break;
        }
        out.push(j);
        // "（1）转移支付项目共计4个，金额为4,359.58万元，…": its first figure of each kind
        if let Some(k) = r.paras[p].figs.clone().find(|&k| is_stock_amount(&r.figs[k]) && r.figs[k].role != Role::Final && !r.figs[k].unit.adds_with(r.figs[j].unit)) {
            out.push(k);
        }
    }
    out
}

/// "年初批复预算数A万元，年中调增数B万元，调整后全年预算数C万元": A ± B = C.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn adjusted_budget(r: &Reader, s: usize, out: &mut Vec<Draft>) {
    let figs = r.sentences[s].figs.clone();
    let said = |j: usize, w: &str| r.text[r.figs[j].clause..r.figs[j].start].contains(w);
    let money = |j: usize| matches!(r.figs[j].unit, Unit::Money(_));
    let Some(initial) = figs.clone().find(|&j| money(j) && r.figs[j].role == Role::Budget && said(j, "年初")) else { return };
    let Some(adj) = figs.clone().find(|&j| j > initial && money(j) && matches!(r.figs[j].role, Role::Adjustment(_))) else { return };
    let Some(adjusted) = figs.clone().find(|&j| j > adj && money(j) && said(j, "调整后")) else { return };
    let (a, d, c) = (r.figs[initial].in_wan(), r.figs[adj].in_wan(), r.figs[adjusted].in_wan());
    let signs: &[i8] = match r.figs[adj].role {
        Role::Adjustment(1) => &[1],
        Role::Adjustment(-1) => &[-1],
        _ => &[1, -1],
    };
    let tol = r.tolerance(&[initial, adj]);
    let results: Vec<(i8, Decimal)> = signs.iter().map(|&k| (k, if k > 0 { add(a, d) } else { sub(a, d) })).collect();
    let hit = results.iter().find(|(_, v)| distance(*v, c) <= tol);
    let dp = r.figs[adjusted].figure.decimals.max(r.figs[initial].figure.decimals);
    let shown = |(k, v): &(i8, Decimal)| format!("{} {} {} = {}", r.num(initial), if *k > 0 { "+" } else { "−" }, r.num(adj), show(*v, dp));
    let (verdict, how, computed) = match hit {
        Some(h) if h.1 == c => (Verdict::Verified, shown(h), show(h.1, dp)),
        Some(h) => (Verdict::Tail, shown(h), show(h.1, dp)),
        None => (Verdict::Wrong, results.iter().map(shown).collect::<Vec<_>>().join("；"), results.iter().map(|x| show(x.1, dp)).collect::<Vec<_>>().join(" 或 ")),
    };
    let stated = r.fig_text(adjusted).to_string();
    let message = match verdict {
        Verdict::Wrong => format!("年初预算 {} 经调整 {} 应为 {computed}，所述调整后预算为 {stated}，请核对", r.num(initial), r.num(adj)),
        _ => format!("年初预算加减调整数为 {computed}，与调整后预算相符"),
    };
    out.push(Draft { kind: ClaimKind::Sum, verdict, figure: r.at(adjusted), word: "", inputs: vec![initial, adj], stated, computed: Some(computed), how, message });
}

/// "基本支出A万元，项目支出B万元，合计X万元"
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn parts_then_total(r: &mut Reader, s: usize, out: &mut Vec<Draft>) {
    let figs = r.sentences[s].figs.clone();
    for t in figs.clone() {
        let clause = r.text[r.figs[t].clause..r.figs[t].start].trim();
        if !TOTAL_WORDS.contains(&clause) || !is_stock_amount(&r.figs[t]) {
            continue;
        }
        let parts: Vec<usize> = (figs.start..t).filter(|&j| is_stock_amount(&r.figs[j]) && r.figs[j].unit.adds_with(r.figs[t].unit) && role_class(r.figs[j].role) == role_class(r.figs[t].role)).collect();
        if parts.len() >= 2 {
            for &p in &parts {
                r.total_of[p] = Some(t);
            }
            sum_claim(r, t, parts, s, false, out);
        }
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn in_wan(r: &Reader, j: usize) -> Decimal {
    r.figs[j].in_wan()
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn agreement(r: &Reader, total: usize, parts: &[usize]) -> (Decimal, Agreement) {
    let sum = crate::number::total(&parts.iter().map(|&p| in_wan(r, p)).collect::<Vec<_>>());
    let tol = r.tolerance(parts);
    let a = if tol.is_zero() {
        if sum == in_wan(r, total) { Agreement::Equal } else { Agreement::Mismatch }
    } else {
        compare_total(in_wan(r, total), sum, 1, tol)
    };
    (sum, a)
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn sum_claim(r: &Reader, total: usize, mut parts: Vec<usize>, s: usize, numbered: bool, out: &mut Vec<Draft>) {
    let (mut sum, mut agree) = agreement(r, total, &parts);
    if parts.len() == 1 {
        // "人员经费2,485.53万元，…。公用经费161.73万元…": the list goes on in the next sentences
        let mut more = parts.clone();
        let mut next = s + 1;
        while next < r.sentences.len() && next <= s + 3 {
            let Some(j) = r.sentences[next].figs.clone().next() else { break };
            let f = &r.figs[j];
            if !is_stock_amount(f) || !f.unit.adds_with(r.figs[total].unit) || f.clause != r.sentences[next].range.start {
                break;
            }
            more.push(j);
            let (sm, a) = agreement(r, total, &more);
            if a != Agreement::Mismatch {
                parts = more;
                sum = sm;
                agree = a;
                break;
            }
            next += 1;
        }
    }
    if agree == Agreement::Mismatch && parts.len() > 2 {
        // a list that ends before its sentence does: the first parts make the total
        for k in (2..parts.len()).rev() {
            let (sm, a) = agreement(r, total, &parts[..k]);
            if a != Agreement::Mismatch {
                parts.truncate(k);
                sum = sm;
                agree = a;
                break;
            }
        }
    }
    if numbered && agree == Agreement::Mismatch && sum < in_wan(r, total) {
        // the main items of a numbered list, short of the total: each is within it
        for p in parts {
            sum_claim(r, total, vec![p], s, false, out);
        }
        return;
    }
    let t = &r.figs[total];
    let dp = parts.iter().map(|&p| r.figs[p].figure.decimals).chain([t.figure.decimals]).max().unwrap_or(0);
    let unit = unit_word(r, total);
    let terms: Vec<String> = parts.iter().map(|&p| if r.figs[p].unit == t.unit { r.num(p) } else { r.fig_text(p).to_string() }).collect();
    let stated = r.fig_text(total).to_string();
    let in_unit = |v: Decimal| match t.unit {
        Unit::Money(p) => show(super::figure::tens(v, 4 - p as i32), dp),
        _ => show(v, dp),
    };
    if parts.len() == 1 {
        let p = parts[0];
        let ok = in_wan(r, p) <= in_wan(r, total);
        out.push(Draft {
            kind: ClaimKind::Part,
            verdict: if ok { Verdict::Verified } else { Verdict::Wrong },
            figure: r.at(p), word: "",
            inputs: vec![total],
            stated: r.fig_text(p).to_string(),
            computed: None,
            how: format!("{} ≤ {}", r.fig_text(p), stated),
            message: if ok { format!("其中一项 {} 不超过合计 {}", r.fig_text(p), stated) } else { format!("其中一项 {} 大于合计 {}，请核对合计或该项", r.fig_text(p), stated) },
        });
        return;
    }
    let how = format!("{} = {}{unit}", terms.join(" + "), in_unit(sum));
    let (verdict, message) = match agree {
        Agreement::Equal => (Verdict::Verified, format!("各项之和 {}{unit}，与合计相符", in_unit(sum))),
        Agreement::Tail => (Verdict::Tail, format!("各项之和为 {}{unit}，与所述 {stated} 相差 {}，在四舍五入的尾差范围内", in_unit(sum), in_unit(distance(sum, in_wan(r, total))))),
        Agreement::Mismatch => (Verdict::Wrong, format!("各项之和为 {}{unit}，与所述合计 {stated} 不符，相差 {}{unit}，请改正合计或各项", in_unit(sum), in_unit(distance(sum, in_wan(r, total))))),
    };
    out.push(Draft { kind: ClaimKind::Sum, verdict, figure: r.at(total), word: "", inputs: parts, stated, computed: Some(format!("{}{unit}", in_unit(sum))), how, message });
}

/// The unit a figure is written in: "万元", "名"
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn unit_word(r: &Reader, j: usize) -> &'static str {
    match r.figs[j].unit {
        Unit::Money(8) => "亿元",
        Unit::Money(3) => "千元",
        Unit::Money(0) => "元",
        Unit::Money(_) => "万元",
        Unit::Count(n) => n,
        Unit::Percent => "%",
        Unit::Points => "个百分点",
        Unit::Score => "分",
        Unit::Other => "",
    }
}
