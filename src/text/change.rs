//! 增减: "比上年增加/减少A万元，增长/下降B%" — the previous year is this year's figure less the
//! change, the rate the change over it; "上年X万元…增长B%"; percentage points between two rates.
//! The words must agree with the sign (增加 … 下降 is wrong whatever the figures).

use super::claim::{ClaimKind, Verdict};
use super::figure::{Fig, Role, Unit};
use super::reader::{corners, depth, interval, is_change_amount, is_stock_amount, judge, show, show_exact, Draft, Reader};
use crate::number::{add, distance, percent_exact, sub};
use rust_decimal::Decimal;

/// Which way a change goes: its word (增加 +1, 减少 −1; a template's "增长（减少）" +1), turned
/// round by a minus sign ("增加-64.80万元" is a fall).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn direction(f: &Fig) -> i8 {
    match f.role {
        Role::Change(s) => {
            let w = if s == 0 { 1 } else { s };
            if f.figure.value.is_sign_negative() && !f.figure.value.is_zero() { -w } else { w }
        }
        _ => 0,
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn word(s: i8, rate: bool) -> &'static str {
    match (s > 0, rate) {
        (true, false) => "增加",
        (false, false) => "减少",
        (true, true) => "增长",
        (false, true) => "下降",
    }
}

/// This year's figure a change is said of: the amount before it in the sentence, else the one
/// its paragraph is about, else — for "与上年相比，…" standing alone — the last paragraph's.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn current(r: &Reader, at: usize, like: Option<usize>) -> Option<usize> {
    let fits = |g: &Fig| is_stock_amount(g) && g.role != Role::Previous && like.is_none_or(|l| r.figs[l].unit.adds_with(g.unit));
    let s0 = r.sentence_of(at).range.start;
    let level = depth(&r.text[s0..r.figs[at].start]);
    // "人员经费和公用经费分别比上年增加70.00万元和减少20.00万元": the k-th of "分别为A和B"
    if let Some(c) = respective(r, at) {
        return Some(c);
    }
    // not a figure in brackets the change stands outside of: "收入1213.00万元（财政拨款…，其他收入87.64万元），较上年…"
    if let Some(c) = r.before_in_sentence(at, |g| fits(g) && depth(&r.text[s0..g.start]) <= level) {
        return Some(c);
    }
    // "…增加8.40万元，增长7.00%，达到128.40万元": this year's figure after the change
    let sentence = r.sentence_of(at);
    if let Some(c) = (at + 1..sentence.figs.end).find(|&j| fits(&r.figs[j]) && ["达到", "达", "增至", "降至", "为"].iter().any(|w| r.text[r.figs[j].clause..r.figs[j].start].trim_end().ends_with(w))) {
        return Some(c);
    }
    // "…；公务用车运行费减少4.68万元": the figure so named before
    let clause = &r.text[r.figs[at].clause..r.figs[at].start];
    let cut = ["比上年", "比上一年", "较上年", "与上年", "同比", "比", "较", "增加", "减少", "增长", "下降"].iter().filter_map(|w| clause.find(w)).min();
    if let Some(name) = cut.map(|c| clause[..c].trim()).filter(|n| n.chars().count() >= 2) {
        if let Some(c) = r.named(name, at).filter(|&c| fits(&r.figs[c])) {
            return Some(c);
        }
    }
    // the sentence before it that states an amount: "X支出A万元，…。与上年相比，减少…" — its
    // 决算数 rather than its 预算数
    let para = r.sentence_of(at).para;
    for s in (r.paras[para].sentences.start..r.figs[at].sentence).rev() {
        let figs = r.sentences[s].figs.clone();
        if let Some(c) = figs.clone().find(|&c| fits(&r.figs[c]) && r.figs[c].role != Role::Budget).or_else(|| figs.clone().find(|&c| fits(&r.figs[c]))) {
            return Some(c);
        }
    }
    let s = &r.sentences[r.figs[at].sentence];
    let said = &r.text[s.range.start..r.figs[at].start];
    if r.paras[para].sentences.start == r.figs[at].sentence && ["上年", "同比", "相比", "同期"].iter().any(|w| said.contains(w)) {
        return para.checked_sub(1).and_then(|p| r.subject_of(p)).filter(|&c| fits(&r.figs[c]));
    }
    None
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn find(r: &Reader, out: &mut Vec<Draft>) {
    level(r, out);
    for i in 0..r.figs.len() {
        let f = &r.figs[i];
        if !matches!(f.role, Role::Change(_)) {
            continue;
        }
        match f.unit {
            Unit::Percent => rate(r, i, out),
            Unit::Points => points(r, i, out),
            _ if f.unit.summable() => amount(r, i, out),
            _ => {}
        }
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn previous_in_sentence(r: &Reader, i: usize, unit_like: usize) -> Option<usize> {
    // in the change's own clause group: "收入…，较上年1098.50万元增加…；支出…，较上年减少…"
    let apart = |j: usize| {
        let (a, b) = if j < i { (r.figs[j].end, r.figs[i].start) } else { (r.figs[i].end, r.figs[j].start) };
        r.text[a..b].contains(['；', ';'])
    };
    r.sentence_of(i).figs.clone().find(|&j| r.figs[j].role == Role::Previous && r.figs[j].unit.adds_with(r.figs[unit_like].unit) && !apart(j))
}

/// "A和B分别为X万元和Y万元。A和B分别比上年增加…和减少…": the k-th change amount of a 分别 sentence
/// is said of the k-th amount of the 分别 sentence before it.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn respective(r: &Reader, at: usize) -> Option<usize> {
    let s = r.figs[at].sentence;
    if !r.text[r.sentences[s].range.clone()].contains("分别") || !matches!(r.figs[at].role, Role::Change(_)) {
        return None;
    }
    let changes: Vec<usize> = r.sentences[s].figs.clone().filter(|&j| is_change_amount(&r.figs[j])).collect();
    let k = changes.iter().position(|&j| j == at)?;
    let n = changes.len();
    let para = r.sentences[s].para;
    (r.paras[para.saturating_sub(1)].sentences.start..=s).rev().find_map(|t| {
        let body = &r.text[r.sentences[t].range.clone()];
        let stock: Vec<usize> = r.sentences[t].figs.clone().filter(|&j| j < at && is_stock_amount(&r.figs[j]) && r.figs[j].role != Role::Previous).collect();
        // the last n amounts: "基本支出1,800.00万元，其中：…分别为1,520.00万元和280.00万元"
        (body.contains("分别") && n >= 2 && stock.len() >= n).then(|| stock[stock.len() - n + k])
    })
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn rate(r: &Reader, i: usize, out: &mut Vec<Draft>) {
    let f = &r.figs[i];
    let stated = r.fig_text(i).to_string();
    let dp = f.figure.decimals;
    // the change amount said just before the rate (no other amount between); in a 分别 sentence the
    // one going the same way; else one right after it ("增幅为9.99%，较上年增加52.16万元")
    let mut a = r.before_in_sentence(i, |g| g.unit.summable()).filter(|&j| is_change_amount(&r.figs[j]));
    let in_turn = r.text[r.sentence_of(i).range.clone()].contains("分别");
    if in_turn && a.is_some_and(|a| direction(&r.figs[a]) != direction(f)) {
        let rank = r.sentence_of(i).figs.clone().filter(|&j| j < i && r.figs[j].unit == Unit::Percent && matches!(r.figs[j].role, Role::Change(_))).count();
        a = r.sentence_of(i).figs.clone().filter(|&j| is_change_amount(&r.figs[j])).nth(rank).filter(|&j| direction(&r.figs[j]) == direction(f));
    }
    if a.is_none() {
        let next = i + 1;
        if next < r.sentence_of(i).figs.end && is_change_amount(&r.figs[next]) && !r.text[f.end..r.figs[next].start].contains(['；', ';']) {
            a = Some(next);
        }
    }
    let sentence = &r.text[r.sentence_of(i).range.clone()];
    if ["与年初预算相比", "比年初预算", "较年初预算", "与预算相比", "比预算"].iter().any(|w| sentence.contains(w)) {
        return against_budget(r, i, a, out);
    }
    let c = current(r, a.unwrap_or(i), a);
    let stated_abs = crate::number::Figure { value: f.figure.value.abs(), decimals: dp };
    let draft = |verdict, inputs, computed: Option<String>, how: String, message: String| Draft { kind: ClaimKind::Change, verdict, figure: r.at(i), word: "", inputs, stated: stated.clone(), computed, how, message };
    if let (Some(a), Some(c)) = (a, c) {
        let sa = direction(&r.figs[a]);
        let (cv, _) = interval(r, c);
        let av = interval(r, a).0.abs();
        let signed = if sa > 0 { av } else { -av };
        let prev = sub(cv, signed);
        if sa != direction(f) {
            out.push(draft(Verdict::Wrong, vec![a, c], None, format!("{}{} 而 {}{}", word(sa, false), r.num(a), word(direction(f), true), r.num(i)), format!("前面说{}，后面却说{}，增减方向前后矛盾", word(sa, false), word(direction(f), true))));
            return;
        }
        if prev.is_sign_negative() && !prev.is_zero() {
            out.push(draft(Verdict::Wrong, vec![a, c], None, format!("{} − ({}) = {}", r.num(c), show(signed, r.figs[a].figure.decimals), show(prev, 2)), "按本年数和增减额推算的上年数为负数，增减额或本年数有误".into()));
            return;
        }
        if prev.is_zero() {
            let (verdict, message) = if av.is_zero() {
                if f.figure.value.is_zero() { (Verdict::Verified, "本年与上年都为 0，增减为 0".to_string()) } else { (Verdict::Wrong, "增减额为 0，增减率应为 0%".to_string()) }
            } else if sa > 0 && f.figure.value.abs() == Decimal::ONE_HUNDRED && r.policy.growth_from_zero_accepted() {
                (Verdict::Verified, "上年为 0，按惯例写增长 100%".to_string())
            } else {
                (Verdict::Wrong, "上年为 0，增长率无从计算（按惯例写 100%）".to_string())
            };
            out.push(draft(verdict, vec![a, c], None, format!("上年 = {} − {} = 0", r.num(c), r.num(a)), message));
            return;
        }
        let Some(exact) = percent_exact(av, prev) else { return };
        let range = corners(&[interval(r, c), interval(r, a)], |v| {
            let p = if sa > 0 { sub(v[0], v[1].abs()) } else { add(v[0], v[1].abs()) };
            percent_exact(v[1].abs(), p)
        });
        let verdict = judge(stated_abs, exact, range);
        let computed = format!("{}%", show(exact, dp));
        let how = format!("上年 = {} {} {} = {}；{} ÷ {} × 100% = {}%", r.num(c), if sa > 0 { "−" } else { "+" }, r.num(a), show(prev, 2), r.num(a), show(prev, 2), show_exact(exact, dp));
        let message = match verdict {
            Verdict::Verified => format!("{}{computed}，相符", word(sa, true)),
            Verdict::Tail => format!("按所印数字算得{}{computed}，所述 {stated} 可由四舍五入解释（尾差）", word(sa, true)),
            // the commonest slip: the change over this year's figure instead of last year's
            _ if percent_exact(av, cv).is_some_and(|on_current| judge(stated_abs, on_current, corners(&[interval(r, a), interval(r, c)], |v| percent_exact(v[0], v[1]))) != Verdict::Wrong) => format!(
                "所述 {stated} 是以本年数为基数算的（{} ÷ {}）；{}率应以上年数 {} 为基数，为 {computed}",
                r.num(a),
                r.num(c),
                word(sa, true),
                show(prev, 2)
            ),
            _ => format!("按本年 {} 与{} {} 算，{}率应为 {computed}，所述为 {stated}，请改正", r.num(c), word(sa, false), r.num(a), word(sa, true)),
        };
        out.push(draft(verdict, vec![c, a], Some(computed), how, message));
        return;
    }
    if let Some(c) = c {
        if let Some(p) = previous_in_sentence(r, i, c) {
            let (cv, _) = interval(r, c);
            let (pv, _) = interval(r, p);
            if pv.is_zero() {
                out.push(draft(Verdict::Unresolved, vec![c, p], None, String::new(), "上年为 0，增长率无从计算".into()));
                return;
            }
            let Some(exact) = percent_exact(sub(cv, pv), pv) else { return };
            if (exact.is_sign_negative() && !exact.is_zero()) != (direction(f) < 0) && !exact.is_zero() {
                out.push(draft(Verdict::Wrong, vec![c, p], Some(format!("{}%", show(exact, dp))), format!("({} − {}) ÷ {}", r.num(c), r.num(p), r.num(p)), format!("本年 {} 比上年 {} {}，所述方向相反", r.num(c), r.num(p), if exact > Decimal::ZERO { "增长" } else { "下降" })));
                return;
            }
            let range = corners(&[interval(r, c), interval(r, p)], |v| percent_exact(sub(v[0], v[1]), v[1]).map(|x| x.abs()));
            let verdict = judge(stated_abs, exact.abs(), range);
            let computed = format!("{}%", show(exact.abs(), dp));
            let how = format!("({} − {}) ÷ {} × 100% = {}%", r.num(c), r.num(p), r.num(p), show_exact(exact, dp));
            let message = if verdict == Verdict::Wrong { format!("按本年 {} 与上年 {} 算应为 {computed}，所述为 {stated}，请改正", r.num(c), r.num(p)) } else { format!("{computed}，{}", if verdict == Verdict::Tail { "尾差" } else { "相符" }) };
            out.push(draft(verdict, vec![c, p], Some(computed), how, message));
            return;
        }
    }
    // "增长率为0.1%": the value of a rate so named (an indicator's), not a change worked out here
    let said = r.text[f.clause..f.start].trim_end_matches(['为', '是', '：', ':', '达', '约', ' ']);
    if a.is_none() && said.ends_with('率') {
        return;
    }
    if let (Some(c), None) = (c, a) {
        // "上年为0万元，本年为3.00万元，增长100%"
        if let Some(p) = previous_in_sentence(r, i, c).filter(|&p| interval(r, p).0.is_zero()) {
            let accepted = f.figure.value.abs() == Decimal::ONE_HUNDRED && r.policy.growth_from_zero_accepted() && !interval(r, c).0.is_zero();
            let (verdict, message) = if accepted { (Verdict::Verified, "上年为 0，按惯例写增长 100%") } else { (Verdict::Wrong, "上年为 0，增长率无从计算（按惯例写 100%）") };
            out.push(draft(verdict, vec![c, p], None, format!("上年 {} 为 0", r.fig_text(p)), message.into()));
            return;
        }
    }
    let why = if c.is_none() { "没有找到本年数，无法核对增减率" } else { "没有写增减额或上年数，无法核对增减率" };
    out.push(draft(Verdict::Unresolved, c.into_iter().collect(), None, String::new(), why.into()));
}

/// "与年初预算相比，决算数减少82.50万元，下降9.17%，年初预算为900.00万元": the change over the
/// budget, wherever in the sentence the budget stands.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn against_budget(r: &Reader, i: usize, a: Option<usize>, out: &mut Vec<Draft>) {
    let f = &r.figs[i];
    let stated = r.fig_text(i).to_string();
    let budget = r.sentence_of(i).figs.clone().find(|&j| r.figs[j].role == Role::Budget && r.figs[j].unit.summable());
    let (Some(a), Some(b)) = (a, budget) else {
        out.push(Draft { kind: ClaimKind::Change, verdict: Verdict::Unresolved, figure: r.at(i), word: "", inputs: vec![], stated, computed: None, how: String::new(), message: "与预算相比的增减率：没有同时找到增减额和预算数，无法核对".into() });
        return;
    };
    let Some(exact) = percent_exact(interval(r, a).0, interval(r, b).0) else { return };
    let dp = f.figure.decimals;
    let stated_abs = crate::number::Figure { value: f.figure.value.abs(), decimals: dp };
    let range = corners(&[interval(r, a), interval(r, b)], |v| percent_exact(v[0], v[1]));
    let verdict = judge(stated_abs, exact, range);
    let computed = format!("{}%", show(exact, dp));
    out.push(Draft {
        kind: ClaimKind::Change,
        verdict,
        figure: r.at(i),
        word: "",
        inputs: vec![a, b],
        stated: stated.clone(),
        computed: Some(computed.clone()),
        how: format!("{} ÷ {} × 100% = {}%", r.num(a), r.num(b), show_exact(exact, dp)),
        message: if verdict == Verdict::Wrong { format!("与预算数 {} 相比，增减 {} 为 {computed}，所述为 {stated}", r.num(b), r.num(a)) } else { format!("与预算相比 {computed}，相符") },
    });
}

/// "上年X万元，本年Y万元，增加A万元" — a change amount with both years stated.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn amount(r: &Reader, i: usize, out: &mut Vec<Draft>) {
    let Some(p) = previous_in_sentence(r, i, i) else { return };
    let Some(c) = current(r, i, Some(i)) else { return };
    if p == c {
        return;
    }
    let f = &r.figs[i];
    let diff = sub(interval(r, c).0, interval(r, p).0);
    let dp = f.figure.decimals.max(r.figs[c].figure.decimals);
    let stated = r.fig_text(i).to_string();
    let ok_dir = diff.is_zero() || (diff > Decimal::ZERO) == (direction(f) > 0);
    let exact_ok = diff.abs() == interval(r, i).0.abs();
    let verdict = if ok_dir && exact_ok { Verdict::Verified } else { Verdict::Wrong };
    let computed = format!("{}{}", if diff >= Decimal::ZERO { "增加" } else { "减少" }, show(diff.abs(), dp));
    out.push(Draft {
        kind: ClaimKind::Change,
        verdict,
        figure: r.at(i), word: "",
        inputs: vec![c, p],
        stated: stated.clone(),
        computed: Some(computed.clone()),
        how: format!("{} − {} = {}", r.num(c), r.num(p), show(diff, dp)),
        message: if verdict == Verdict::Verified { format!("{computed}，相符") } else { format!("本年 {} 与上年 {} 相比应为{computed}，所述为{}{stated}，请改正", r.num(c), r.num(p), word(direction(f), false)) },
    });
}

/// "与上年持平" with both years' figures in the sentence: they are equal.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn level(r: &Reader, out: &mut Vec<Draft>) {
    for s in &r.sentences {
        let body = &r.text[s.range.clone()];
        let Some(k) = body.find("持平") else { continue };
        // "基本持平", "大体持平": roughly level, nothing to hold to the cent
        if ["基本", "大体", "大致", "总体"].iter().any(|w| body[..k].ends_with(w)) {
            continue;
        }
        let at = s.range.start + k;
        let previous = s.figs.clone().find(|&j| r.figs[j].role == Role::Previous && r.figs[j].unit.summable());
        let Some(p) = previous else { continue };
        let Some(c) = s.figs.clone().rev().find(|&j| j != p && r.figs[j].start < at && is_stock_amount(&r.figs[j]) && r.figs[j].role != Role::Previous && r.figs[j].unit.adds_with(r.figs[p].unit)) else { continue };
        let (cv, pv) = (interval(r, c).0, interval(r, p).0);
        let same = cv == pv;
        out.push(Draft {
            kind: ClaimKind::Change,
            verdict: if same { Verdict::Verified } else { Verdict::Wrong },
            figure: at..at + "持平".len(),
            word: "",
            inputs: vec![c, p],
            stated: "持平".into(),
            computed: Some(if same { "持平".into() } else { format!("{}{}", if cv > pv { "增加" } else { "减少" }, show(distance(cv, pv), 2)) }),
            how: format!("{} 与 {}", r.fig_text(c), r.fig_text(p)),
            message: if same { "本年与上年相同，持平".into() } else { format!("本年 {} 与上年 {} 不同，不是持平", r.fig_text(c), r.fig_text(p)) },
        });
    }
}

/// "提高2.3个百分点": the difference of this year's rate and last year's.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn points(r: &Reader, i: usize, out: &mut Vec<Draft>) {
    let f = &r.figs[i];
    let stated = r.fig_text(i).to_string();
    let cur = r.before_in_sentence(i, |g| g.unit == Unit::Percent && !matches!(g.role, Role::Change(_) | Role::Previous));
    let prev = r.sentence_of(i).figs.clone().find(|&j| r.figs[j].unit == Unit::Percent && r.figs[j].role == Role::Previous);
    let (Some(c), Some(p)) = (cur, prev) else {
        out.push(Draft { kind: ClaimKind::Change, verdict: Verdict::Unresolved, figure: r.at(i), word: "", inputs: cur.into_iter().collect(), stated, computed: None, how: String::new(), message: "没有同时写出本年和上年的比率，无法核对百分点".into() });
        return;
    };
    let diff = sub(r.figs[c].value(), r.figs[p].value());
    let dp = f.figure.decimals;
    let stated_abs = crate::number::Figure { value: f.figure.value.abs(), decimals: dp };
    let range = corners(&[interval(r, c), interval(r, p)], |v| Some(distance(v[0], v[1])));
    let mut verdict = judge(stated_abs, diff.abs(), range);
    if !diff.is_zero() && (diff > Decimal::ZERO) != (direction(f) > 0) {
        verdict = Verdict::Wrong;
    }
    let computed = format!("{}{}个百分点", if diff >= Decimal::ZERO { "提高" } else { "降低" }, show(diff.abs(), dp));
    out.push(Draft {
        kind: ClaimKind::Change,
        verdict,
        figure: r.at(i), word: "",
        inputs: vec![c, p],
        stated: stated.clone(),
        computed: Some(computed.clone()),
        how: format!("{} − {} = {}", r.fig_text(c), r.fig_text(p), show(diff, dp)),
        message: if verdict == Verdict::Wrong { format!("本年 {} 与上年 {} 相差应为{computed}，所述为 {stated}", r.fig_text(c), r.fig_text(p)) } else { format!("{computed}，相符") },
    });
}
