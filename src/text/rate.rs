//! 预决算差异率 (决算数 − 预算数) ÷ 预算数, signed, and the reason it needs; 执行率 执行数 ÷
//! 预算数; 完成率 实际 ÷ 目标 (the target may stand in the row before: "≤8.90万元"); 调整率
//! 调整数 ÷ 年初预算数. A 执行率 said twice of one 执行数 on two budgets is reported.

use super::claim::{ClaimKind, Verdict};
use super::figure::{Fig, Role, Unit};
use super::reader::{corners, interval, is_money, judge, show, show_exact, Draft, Reader};
use crate::finding::{Code, Finding, Severity};
use crate::number::{percent_exact, sub};
use rust_decimal::Decimal;

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn money_with(role: Role) -> impl Fn(&Fig) -> bool + Copy {
    move |g: &Fig| is_money(g) && g.role == role
}

/// The figure before `i` in its sentence, else in its paragraph.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn near(r: &Reader, i: usize, pred: impl Fn(&Fig) -> bool + Copy) -> Option<usize> {
    r.before_in_sentence(i, pred).or_else(|| r.before_in_paragraph(i, pred))
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn find(r: &Reader, out: &mut Vec<Draft>, extra: &mut Vec<Finding>) {
    for i in 0..r.figs.len() {
        let f = &r.figs[i];
        if f.unit != Unit::Percent {
            continue;
        }
        match f.role {
            Role::Variance => variance(r, i, out, extra),
            Role::Rate("执行率") => ratio(r, i, "执行率", near(r, i, money_with(Role::Final)), near(r, i, money_with(Role::Budget)), out),
            Role::Rate("调整率") => adjustment(r, i, out),
            Role::Rate(w) => completion(r, i, w, out),
            _ => {}
        }
    }
    base_twice(r, out, extra);
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn unresolved(r: &Reader, i: usize, kind: ClaimKind, why: &str) -> Draft {
    Draft { kind, verdict: Verdict::Unresolved, figure: r.at(i), word: "", inputs: vec![], stated: r.fig_text(i).to_string(), computed: None, how: String::new(), message: why.to_string() }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn variance(r: &Reader, i: usize, out: &mut Vec<Draft>, extra: &mut Vec<Finding>) {
    let f = &r.figs[i];
    let (Some(b), Some(d)) = (near(r, i, money_with(Role::Budget)), near(r, i, money_with(Role::Final))) else {
        out.push(unresolved(r, i, ClaimKind::Variance, "没有找到差异率所依据的预算数和决算数，无法核对"));
        return;
    };
    let stated = r.fig_text(i).to_string();
    let dp = f.figure.decimals;
    let (bv, _) = interval(r, b);
    let (dv, _) = interval(r, d);
    let draft = |verdict, computed: Option<String>, how: String, message: String| Draft { kind: ClaimKind::Variance, verdict, figure: r.at(i), word: "", inputs: vec![d, b], stated: stated.clone(), computed, how, message };
    if bv.is_zero() {
        let d = if dv.is_zero() && f.figure.value.is_zero() {
            draft(Verdict::Verified, Some("0.00%".into()), "预算数与决算数都为 0".into(), "预算数与决算数都为 0，差异率为 0".into())
        } else {
            draft(Verdict::Unresolved, None, String::new(), "预算数为 0，差异率无从计算".into())
        };
        out.push(d);
        return;
    }
    let Some(exact) = percent_exact(sub(dv, bv), bv) else { return };
    let range = corners(&[interval(r, d), interval(r, b)], |v| percent_exact(sub(v[0], v[1]), v[1]));
    let verdict = judge(f.figure, exact, range);
    let computed = format!("{}%", show(exact, dp));
    let how = format!("({} − {}) ÷ {} × 100% = {}%", r.num(d), r.num(b), r.num(b), show_exact(exact, dp));
    let flipped = verdict == Verdict::Wrong && judge(crate::number::Figure { value: -f.figure.value, decimals: dp }, exact, range) != Verdict::Wrong;
    let message = match verdict {
        Verdict::Verified => format!("差异率 {computed}，相符"),
        Verdict::Tail => format!("算得 {computed}，所述 {stated} 可由四舍五入解释（尾差）"),
        _ if flipped => format!("决算数{}预算数，差异率应为 {computed}，所述 {stated} 符号反了", if exact < Decimal::ZERO { "小于" } else { "大于" }),
        // divided by the 决算数 instead of the 预算数
        _ if percent_exact(sub(dv, bv), dv).is_some_and(|on_final| judge(f.figure, on_final, corners(&[interval(r, d), interval(r, b)], |v| percent_exact(sub(v[0], v[1]), v[0]))) != Verdict::Wrong) => {
            format!("所述 {stated} 是以决算数为基数算的；差异率应以预算数 {} 为基数，为 {computed}", r.num(b))
        }
        _ => format!("按决算数 {} 与预算数 {} 算，差异率应为 {computed}，所述为 {stated}，请改正", r.num(d), r.num(b)),
    };
    if !f.figure.value.is_zero() && !r.reason_after(i) {
        extra.push(Finding::new(Code::TextReasonMissing, Severity::Warning, format!("at.{}", f.start), format!("“{}”：预决算差异率为 {stated}，应说明差异的主要原因", &r.text[r.figs[b].start..f.end])).values(Some(stated.clone()), None));
    }
    out.push(draft(verdict, Some(computed), how, message));
}

/// `num ÷ den`, stated as `word` at figure `i`.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn ratio(r: &Reader, i: usize, word: &str, num: Option<usize>, den: Option<usize>, out: &mut Vec<Draft>) {
    let (num, den) = match (num, den) {
        (Some(n), Some(d)) if n != d => (n, d),
        _ => {
            // two amounts before it without a word for each: the rate is the smaller over the larger
            let amounts: Vec<usize> = r.sentence_of(i).figs.clone().filter(|&j| j < i && is_money(&r.figs[j]) && r.figs[j].role.is_stock()).collect();
            match amounts.as_slice() {
                [.., a, b] => {
                    let (a, b) = (*a, *b);
                    if interval(r, a).0 <= interval(r, b).0 { (a, b) } else { (b, a) }
                }
                _ => {
                    out.push(unresolved(r, i, ClaimKind::Rate, &format!("没有找到{word}所依据的两个数额，无法核对")));
                    return;
                }
            }
        }
    };
    push_ratio(r, i, word, num, den, out);
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn push_ratio(r: &Reader, i: usize, word: &str, num: usize, den: usize, out: &mut Vec<Draft>) {
    let f = &r.figs[i];
    let stated = r.fig_text(i).to_string();
    let dp = f.figure.decimals;
    let Some(exact) = percent_exact(interval(r, num).0, interval(r, den).0) else {
        out.push(unresolved(r, i, ClaimKind::Rate, &format!("{} 为 0，{word}无从计算", r.fig_text(den))));
        return;
    };
    let range = corners(&[interval(r, num), interval(r, den)], |v| percent_exact(v[0], v[1]));
    // a rate of a cut may be written with its sign: "调减30.00万元…调整率-6.00%"
    let said = if word == "调整率" { crate::number::Figure { value: f.figure.value.abs(), decimals: dp } } else { f.figure };
    let verdict = judge(said, exact, range);
    let computed = format!("{}%", show(exact, dp));
    let how = format!("{} ÷ {} × 100% = {}%", r.num(num), r.num(den), show_exact(exact, dp));
    let shortfall = sub(Decimal::ONE_HUNDRED, exact);
    let message = match verdict {
        Verdict::Verified => format!("{word} {computed}，相符"),
        Verdict::Tail => format!("算得 {computed}，所述 {stated} 可由四舍五入解释（尾差）"),
        _ if crate::number::round(shortfall, dp) == f.figure.value => format!("{} ÷ {} 为 {computed}；所述 {stated} 是未完成的部分（100% − {computed}），不是{word}", r.num(num), r.num(den)),
        _ => format!("{} ÷ {} 应为 {computed}，所述{word}为 {stated}，请改正", r.num(num), r.num(den)),
    };
    out.push(Draft { kind: ClaimKind::Rate, verdict, figure: r.at(i), word: if word == "执行率" { "执行率" } else { "" }, inputs: vec![num, den], stated, computed: Some(computed), how, message });
}

/// 完成率 (and 达成率): the actual over the target — the target over the actual for a ≤ limit
/// exceeded — and 100% for a target met; a target is a figure with ≤ ≥ = before it, or one said
/// to be a 目标/计划, in the sentence, its paragraph, or the table cells just above it.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn completion(r: &Reader, i: usize, word: &str, out: &mut Vec<Draft>) {
    let actual = r.before_in_sentence(i, |g| {
        (g.unit.summable() || g.unit == Unit::Percent) && g.role != Role::Budget && !matches!(g.cmp, Some('≤' | '≥' | '<' | '>')) && !matches!(g.role, Role::Rate("完成率") | Role::Share)
    });
    let Some(actual) = actual else {
        out.push(unresolved(r, i, ClaimKind::Rate, &format!("没有找到{word}所依据的实际完成数，无法核对")));
        return;
    };
    let unit = r.figs[actual].unit;
    let av0 = r.figs[actual].value();
    // "=2.22万元" beside "<=8.90万元" in a row is the actual written again: a bound or a 目标值
    // first, "=100%" after
    let bound = |g: &Fig| g.unit.adds_with(unit) && (matches!(g.cmp, Some('≤' | '≥' | '<' | '>')) || (g.role == Role::Budget && g.cmp.is_none()));
    let is_target = |g: &Fig| bound(g) || (g.unit.adds_with(unit) && g.cmp == Some('=') && g.value() != av0);
    let para = r.sentence_of(i).para;
    let mut target = r.before_in_paragraph(actual, bound).or_else(|| r.before_in_paragraph(actual, |g| g.unit.adds_with(unit) && g.cmp == Some('=')));
    if target.is_none() {
        // a table row pasted one cell per line: the cells just above
        for p in (para.saturating_sub(8)..para).rev() {
            let cell = &r.text[r.paras[p].range.clone()];
            if !cell.starts_with('\t') && (cell.contains('。') || cell.chars().count() > 40) {
                break;
            }
            if let Some(t) = r.paras[p].figs.clone().rev().find(|&j| is_target(&r.figs[j])) {
                target = Some(t);
                break;
            }
        }
    }
    let Some(t) = target else {
        out.push(unresolved(r, i, ClaimKind::Rate, &format!("没有找到{word}所依据的目标值，无法核对")));
        return;
    };
    let (av, tv) = (interval(r, actual).0, interval(r, t).0);
    let limit = matches!(r.figs[t].cmp, Some('≤' | '<'));
    let met = if limit { av <= tv } else { av >= tv };
    let f = &r.figs[i];
    if met && f.figure.value == Decimal::ONE_HUNDRED {
        out.push(Draft {
            kind: ClaimKind::Rate,
            verdict: Verdict::Verified,
            figure: r.at(i),
            word: "",
            inputs: vec![actual, t],
            stated: r.fig_text(i).to_string(),
            computed: Some("100%".into()),
            how: format!("实际 {} {} 目标 {}", r.fig_text(actual), if limit { "未超过" } else { "达到" }, r.fig_text(t)),
            message: format!("实际 {} {}目标 {}，{word}记 100%，相符", r.fig_text(actual), if limit { "未超过" } else { "达到" }, r.fig_text(t)),
        });
        return;
    }
    if limit && !met {
        return push_ratio(r, i, word, t, actual, out);
    }
    push_ratio(r, i, word, actual, t, out)
}

/// 调整率: 调整数 ÷ 年初预算数, or (调整后 − 年初) ÷ 年初.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn adjustment(r: &Reader, i: usize, out: &mut Vec<Draft>) {
    let initial = |g: &Fig| is_money(g) && g.role == Role::Budget && r.text[g.clause..g.start].contains("年初");
    let Some(base) = near(r, i, initial) else {
        out.push(unresolved(r, i, ClaimKind::Rate, "没有找到年初预算数，无法核对调整率"));
        return;
    };
    if let Some(adj) = near(r, i, |g| is_money(g) && matches!(g.role, Role::Adjustment(_))) {
        return push_ratio(r, i, "调整率", adj, base, out);
    }
    let adjusted = near(r, i, |g| is_money(g) && g.role == Role::Budget && r.text[g.clause..g.start].contains("调整后"));
    let Some(adjusted) = adjusted else {
        out.push(unresolved(r, i, ClaimKind::Rate, "没有找到调整数或调整后预算数，无法核对调整率"));
        return;
    };
    let f = &r.figs[i];
    let dp = f.figure.decimals;
    let (a, b) = (interval(r, adjusted).0, interval(r, base).0);
    let Some(exact) = percent_exact(sub(a, b), b) else { return };
    let range = corners(&[interval(r, adjusted), interval(r, base)], |v| percent_exact(sub(v[0], v[1]), v[1]));
    let verdict = judge(crate::number::Figure { value: f.figure.value.abs(), decimals: dp }, exact.abs(), range.map(|(l, h)| (l.abs().min(h.abs()), l.abs().max(h.abs()))));
    let computed = format!("{}%", show(exact.abs(), dp));
    out.push(Draft {
        kind: ClaimKind::Rate,
        verdict,
        figure: r.at(i), word: "",
        inputs: vec![adjusted, base],
        stated: r.fig_text(i).to_string(),
        computed: Some(computed.clone()),
        how: format!("({} − {}) ÷ {} × 100% = {}%", r.num(adjusted), r.num(base), r.num(base), show_exact(exact, dp)),
        message: if verdict == Verdict::Wrong { format!("调整率应为 {computed}，所述为 {}", r.fig_text(i)) } else { format!("调整率 {computed}，相符") },
    });
}

/// One 执行数 over two different budgets: the 执行率 is said on two bases.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn base_twice(r: &Reader, out: &mut [Draft], extra: &mut Vec<Finding>) {
    // for each 执行数, the first 执行率 said on each budget (one pass: a long text has thousands)
    let mut seen: rustc_hash::FxHashMap<Decimal, Vec<(Decimal, usize)>> = Default::default();
    for k in (0..out.len()).filter(|&k| out[k].word == "执行率" && out[k].inputs.len() == 2) {
        let (num, den) = (interval(r, out[k].inputs[0]).0.normalize(), interval(r, out[k].inputs[1]).0.normalize());
        let bases = seen.entry(num).or_default();
        let other = bases.iter().find(|b| b.0 != den).map(|b| b.1);
        if !bases.iter().any(|b| b.0 == den) {
            bases.push((den, k));
        }
        if let Some(l) = other {
            let (a, b) = (&out[l], &out[k]);
            {
                let msg = format!(
                    "执行数 {} 的执行率前后按不同的预算数计算：{} 按 {}，{} 按 {}；执行率应以调整后的全年预算数为基数",
                    r.num(b.inputs[0]),
                    a.stated,
                    r.num(a.inputs[1]),
                    b.stated,
                    r.num(b.inputs[1])
                );
                extra.push(Finding::new(Code::TextRateBase, Severity::Error, format!("at.{}", b.figure.start), msg).values(Some(b.stated.clone()), Some(a.stated.clone())));
            }
        }
    }
}
