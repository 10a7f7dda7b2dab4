//! 合计与其中各项: "X万元，其中：A万元、B万元…" (and 包括, 分别为, a 其中 opening the next
//! sentence, parts that go on in the next paragraph), "A万元、B万元，合计X万元", counts alike;
//! a 其中 with one part says the part is not above the total.

use super::claim::{ClaimKind, Verdict};
use super::figure::{Role, Unit};
use super::reader::{is_stock_amount, show, Draft, Reader};
use crate::number::{compare_total, Agreement};
use rust_decimal::Decimal;

const MARKERS: [&str; 4] = ["其中", "包括", "分别为", "分别是"];
const TOTAL_WORDS: [&str; 8] = ["合计", "共计", "总计", "累计", "合计为", "共计为", "总计为", "共"];

/// Budget, previous-year and other amounts add up each among their own.
fn role_class(r: Role) -> u8 {
    match r {
        Role::Budget => 1,
        Role::Previous => 2,
        _ => 0,
    }
}

pub fn find(r: &mut Reader, out: &mut Vec<Draft>) {
    for s in 0..r.sentences.len() {
        let range = r.sentences[s].range.clone();
        let figs = r.sentences[s].figs.clone();
        let body = &r.text[range.clone()];
        let mut marks: Vec<(usize, &str)> = MARKERS.iter().flat_map(|m| body.match_indices(m).map(move |(i, _)| (range.start + i, *m))).collect();
        marks.sort_unstable();
        let mut listed = false;
        for (k, &(m, word)) in marks.iter().enumerate() {
            let end = marks.get(k + 1).map_or(range.end, |n| n.0);
            let tail: Vec<usize> = figs.clone().filter(|&j| r.figs[j].start >= m && r.figs[j].start < end && is_stock_amount(&r.figs[j])).collect();
            if tail.is_empty() {
                continue;
            }
            let mut head: Vec<usize> = figs.clone().filter(|&j| r.figs[j].end <= m && is_stock_amount(&r.figs[j])).collect();
            let opens = r.text[range.start..m].trim_matches(|c: char| c.is_whitespace() || "，,；;：:".contains(c)).is_empty();
            if head.is_empty() && opens && word == "其中" {
                // "…支出23.45万元，比上年增加0.12万元。其中：因公出国…": the last sentence's totals
                if let Some(prev) = s.checked_sub(1).filter(|&p| r.sentences[p].para == r.sentences[s].para || r.paras[r.sentences[s].para].sentences.start == s) {
                    head = r.sentences[prev].figs.clone().filter(|&j| is_stock_amount(&r.figs[j])).collect();
                }
            }
            if head.is_empty() {
                continue;
            }
            listed = true;
            // one total per kind of figure the parts are: amounts, counts; budgets and finals apart
            let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
            for &j in &tail {
                let f = &r.figs[j];
                let total = head.iter().rev().copied().find(|&h| r.figs[h].unit.adds_with(f.unit) && role_class(r.figs[h].role) == role_class(f.role));
                let Some(total) = total else { continue };
                match groups.iter_mut().find(|g| g.0 == total) {
                    Some(g) => g.1.push(j),
                    None => groups.push((total, vec![j])),
                }
            }
            for (total, parts) in groups {
                for &p in &parts {
                    r.total_of[p] = Some(total);
                }
                sum_claim(r, total, parts, s, out);
            }
        }
        if !listed {
            parts_then_total(r, s, out);
        }
    }
}

/// "基本支出A万元，项目支出B万元，合计X万元"
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
            sum_claim(r, t, parts, s, out);
        }
    }
}

fn in_wan(r: &Reader, j: usize) -> Decimal {
    r.figs[j].in_wan()
}

fn agreement(r: &Reader, total: usize, parts: &[usize]) -> (Decimal, Agreement) {
    let sum: Decimal = parts.iter().map(|&p| in_wan(r, p)).sum();
    let tol = r.tolerance(parts);
    let a = if tol.is_zero() {
        if sum == in_wan(r, total) { Agreement::Equal } else { Agreement::Mismatch }
    } else {
        compare_total(in_wan(r, total), sum, 1, tol)
    };
    (sum, a)
}

fn sum_claim(r: &Reader, total: usize, mut parts: Vec<usize>, s: usize, out: &mut Vec<Draft>) {
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
    let t = &r.figs[total];
    let dp = parts.iter().map(|&p| r.figs[p].figure.decimals).chain([t.figure.decimals]).max().unwrap_or(0);
    let unit = unit_word(r, total);
    let terms: Vec<String> = parts.iter().map(|&p| if r.figs[p].unit == t.unit { r.num(p) } else { r.fig_text(p).to_string() }).collect();
    let stated = r.fig_text(total).to_string();
    let in_unit = |v: Decimal| match t.unit {
        Unit::Money(p) if p != 4 => super::reader::show(rescale(v, p), dp),
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
        Agreement::Tail => (Verdict::Tail, format!("各项之和为 {}{unit}，与所述 {stated} 相差 {}，在四舍五入的尾差范围内", in_unit(sum), in_unit((sum - in_wan(r, total)).abs()))),
        Agreement::Mismatch => (Verdict::Wrong, format!("各项之和为 {}{unit}，与所述合计 {stated} 不符，相差 {}{unit}，请改正合计或各项", in_unit(sum), in_unit((sum - in_wan(r, total)).abs()))),
    };
    out.push(Draft { kind: ClaimKind::Sum, verdict, figure: r.at(total), word: "", inputs: parts, stated, computed: Some(format!("{}{unit}", in_unit(sum))), how, message });
}

/// 万元 back to the total's own unit.
fn rescale(v: Decimal, p: u32) -> Decimal {
    let mut v = v;
    if p > 4 {
        for _ in 4..p {
            v = v.checked_div(Decimal::TEN).unwrap_or(v);
        }
    } else {
        for _ in p..4 {
            v = v.checked_mul(Decimal::TEN).unwrap_or(v);
        }
    }
    v
}

/// The unit a figure is written in: "万元", "名"
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
