//! Scores in prose: "权重A分，得分B分" (B not above A, and for the 执行率 the weight times the
//! rate), "综合得分A分 … 评价等级为“优”" (the bands of the policy), and "A = B + C" restated.

use super::claim::{ClaimKind, Verdict};
use super::figure::{Fig, Role, Unit};
use super::reader::{corners, interval, judge, show, Draft, Reader};
use crate::number::{distance, mul, ratio, total};
use crate::scoring::grade;
use rust_decimal::Decimal;

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn is_score(g: &Fig) -> bool {
    g.role == Role::Score && matches!(g.unit, Unit::Score | Unit::Other)
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn find(r: &Reader, out: &mut Vec<Draft>) {
    for i in 0..r.figs.len() {
        if is_score(&r.figs[i]) {
            score(r, i, out);
        }
    }
    overall(r, out);
    grades(r, out);
    equations(r, out);
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn score(r: &Reader, i: usize, out: &mut Vec<Draft>) {
    let weight = r.before_in_sentence(i, |g| g.role == Role::Weight && matches!(g.unit, Unit::Score | Unit::Other));
    let f = &r.figs[i];
    let stated = r.fig_text(i).to_string();
    // the 执行率 block: 分值 × 执行率 (capped at 100%); "执行率为99.53%，得9.95分" is scored
    // on the policy's 分值 when the sentence names none
    let rate = r.before_in_sentence(i, |g| g.unit == Unit::Percent && g.role == Role::Rate("执行率"));
    if let (None, Some(rt)) = (weight, rate) {
        let wv = r.policy.exec_weight;
        let capped = |x: Decimal| x.min(Decimal::ONE_HUNDRED);
        let Some(exact) = ratio(mul(wv, capped(r.figs[rt].value())), Decimal::ONE_HUNDRED) else { return };
        let (rv, rh) = interval(r, rt);
        let range = corners(&[(rv, rh)], |v| ratio(mul(wv, capped(v[0])), Decimal::ONE_HUNDRED));
        let verdict = judge(f.figure, exact, range);
        let computed = show(exact, f.figure.decimals.max(2));
        out.push(Draft {
            kind: ClaimKind::Score,
            verdict,
            figure: r.at(i),
            word: "",
            inputs: vec![rt],
            stated: stated.clone(),
            computed: Some(computed.clone()),
            how: format!("{wv}（口径的执行率分值）× {} = {computed}", r.fig_text(rt)),
            message: match verdict {
                Verdict::Wrong => format!("执行率得分应为 {wv} × {} = {computed}，所述为 {stated}", r.fig_text(rt)),
                Verdict::Tail => format!("算得 {computed}，所述 {stated} 在尾差范围内"),
                _ => format!("执行率得分 {computed}（分值 {wv}），相符"),
            },
        });
        return;
    }
    let Some(w) = weight else { return };
    let (sv, wv) = (f.value(), r.figs[w].value());
    if let Some(rt) = rate {
        let capped = |x: Decimal| x.min(Decimal::ONE_HUNDRED);
        let Some(exact) = ratio(mul(wv, capped(r.figs[rt].value())), Decimal::ONE_HUNDRED) else { return };
        // the 分值 is exact; only the printed rate was rounded
        let range = corners(&[(wv, Decimal::ZERO), interval(r, rt)], |v| ratio(mul(v[0], capped(v[1])), Decimal::ONE_HUNDRED));
        let verdict = judge(f.figure, exact, range);
        let computed = show(exact, f.figure.decimals.max(2));
        out.push(Draft {
            kind: ClaimKind::Score,
            verdict,
            figure: r.at(i), word: "",
            inputs: vec![w, rt],
            stated: stated.clone(),
            computed: Some(computed.clone()),
            how: format!("{} × {} = {}", r.num(w), r.fig_text(rt), computed),
            message: match verdict {
                Verdict::Wrong => format!("执行率得分应为 分值 × 执行率 = {computed}，所述为 {stated}"),
                Verdict::Tail => format!("算得 {computed}，所述 {stated} 在尾差范围内"),
                _ => format!("执行率得分 {computed}，相符"),
            },
        });
        return;
    }
    let ok = sv <= wv && sv >= Decimal::ZERO;
    out.push(Draft {
        kind: ClaimKind::Score,
        verdict: if ok { Verdict::Verified } else { Verdict::Wrong },
        figure: r.at(i), word: "",
        inputs: vec![w],
        stated: stated.clone(),
        computed: None,
        how: format!("{} ≤ {}", r.num(i), r.num(w)),
        message: if ok { format!("得分 {stated} 不超过权重 {}", r.fig_text(w)) } else { format!("得分 {stated} 超过了权重 {}，请改正", r.fig_text(w)) },
    });
}

/// "综合得分 91.95 分" after the scores of each part: the total of the stated scores.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn overall(r: &Reader, out: &mut Vec<Draft>) {
    let total_word = |j: usize| {
        let c = &r.text[r.figs[j].clause..r.figs[j].start];
        c.contains("综合得分") || c.contains("总分") || c.contains("总得分")
    };
    for i in 0..r.figs.len() {
        if !is_score(&r.figs[i]) || !total_word(i) {
            continue;
        }
        let earlier = (0..i).rev().take_while(|&j| !(is_score(&r.figs[j]) && total_word(j)));
        let parts: Vec<usize> = earlier.filter(|&j| is_score(&r.figs[j])).collect::<Vec<_>>().into_iter().rev().collect();
        if parts.len() < 3 {
            continue;
        }
        let sum = total(&parts.iter().map(|&j| r.figs[j].value()).collect::<Vec<_>>());
        let tol = Decimal::new(1, 2) * Decimal::from(parts.len() as u64);
        let stated = r.figs[i].value();
        let diff = distance(sum, stated);
        let verdict = if diff.is_zero() { Verdict::Verified } else if diff <= tol { Verdict::Tail } else { Verdict::Wrong };
        let computed = show(sum, r.figs[i].figure.decimals.max(2));
        let terms: Vec<String> = parts.iter().map(|&j| r.num(j)).collect();
        out.push(Draft {
            kind: ClaimKind::Sum,
            verdict,
            figure: r.at(i),
            word: "",
            inputs: parts,
            stated: r.fig_text(i).to_string(),
            computed: Some(computed.clone()),
            how: format!("{} = {computed}", terms.join(" + ")),
            message: match verdict {
                Verdict::Verified => format!("前文各项得分合计 {computed}，与综合得分相符"),
                Verdict::Tail => format!("前文各项得分合计 {computed}，差别在尾差范围内"),
                _ => format!("前文各项得分合计为 {computed}，与所述 {} 不符", r.fig_text(i)),
            },
        });
    }
}

const GRADE_CUES: [&str; 10] = ["评价等级为", "评价结果为", "评价结论为", "等级为", "等次为", "评定为", "评价为", "评级为", "结果为", "等级："];

/// (word as written, 优/良/中/差 or None when no grade is given, what follows the word)
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn grade_word(after: &str) -> Option<(&str, Option<&'static str>, &str)> {
    let t = after.trim_start_matches(['“', '”', '"', '「', '『', '‘', '\'', ' ', '：', ':']);
    for (w, g) in [("优秀", Some("优")), ("良好", Some("良")), ("中等", Some("中")), ("较差", Some("差")), ("优", Some("优")), ("良", Some("良")), ("中", Some("中")), ("差", Some("差")), ("？", None), ("?", None), ("/", None), ("空", None)] {
        if let Some(rest) = t.strip_prefix(w) {
            return Some((&t[..w.len()], g, rest));
        }
    }
    None
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn grades(r: &Reader, out: &mut Vec<Draft>) {
    for s in 0..r.sentences.len() {
        let range = r.sentences[s].range.clone();
        let body = &r.text[range.clone()];
        let Some((at, cue)) = GRADE_CUES.iter().filter_map(|c| body.find(c).map(|p| (p, *c))).min_by_key(|x| x.0) else { continue };
        let after_at = range.start + at + cue.len();
        let Some((written, given, rest)) = grade_word(&r.text[after_at..range.end]) else { continue };
        // "其中评价等级为“优”的11个": a count of projects by grade, not a grade given
        if rest.trim_start_matches(['”', '"', '」', '』', '’', '\'']).starts_with('的') {
            continue;
        }
        let Some(score) = overall_score(r, s, after_at) else { continue };
        let value = r.figs[score].value();
        let should = grade(value, r.policy);
        let w_start = r.text[after_at..].find(written).map_or(after_at, |p| after_at + p);
        let verdict = if given == Some(should) { Verdict::Verified } else { Verdict::Wrong };
        let (g1, g2, g3) = r.policy.grade_cuts;
        let how = format!("{} 分：优 ≥ {g1}，良 ≥ {g2}，中 ≥ {g3}，差 < {g3}", r.num(score));
        let message = match given {
            Some(g) if g == should => format!("综合得分 {} 分对应“{should}”，相符", r.num(score)),
            Some(_) => format!("综合得分 {} 分应评为“{should}”，所述为“{written}”，请改正", r.num(score)),
            None => format!("评价结果未填写（“{written}”）；综合得分 {} 分应评为“{should}”", r.num(score)),
        };
        out.push(Draft { kind: ClaimKind::Grade, verdict, figure: w_start..w_start + written.len(), word: "", inputs: vec![score], stated: written.to_string(), computed: Some(should.to_string()), how, message });
    }
}

/// The 综合得分 a grade is given for: the figure after the last "综合得分/总分" before it (the result
/// of "综合得分：a+b+c=X分" where it is an equation), else the nearest score before it.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn overall_score(r: &Reader, s: usize, before: usize) -> Option<usize> {
    let first = s.saturating_sub(3);
    let window = r.sentences[first].range.start..before;
    let text = &r.text[window.clone()];
    let word = ["综合得分", "总得分", "综合评分", "合计得分", "得分合计", "总分", "合计"].iter().filter_map(|w| text.rfind(w).map(|p| window.start + p + w.len())).max();
    // the figures of the window only: a long text has tens of thousands
    let figs = r.sentences[first].figs.start..r.sentences[s].figs.end;
    if let Some(w) = word {
        let sentence = figs.clone().find(|&j| r.figs[j].start >= w).map(|j| r.figs[j].sentence);
        let after: Vec<usize> = figs.clone().filter(|&j| r.figs[j].start >= w && r.figs[j].start < before && Some(r.figs[j].sentence) == sentence && matches!(r.figs[j].unit, Unit::Score | Unit::Other)).collect();
        let result = after.iter().rev().copied().find(|&j| r.text[..r.figs[j].start].trim_end().ends_with('='));
        if let Some(j) = result.or(after.first().copied()) {
            return Some(j);
        }
    }
    figs.rev().find(|&j| r.figs[j].start < before && r.figs[j].sentence >= first && r.figs[j].sentence <= s && r.figs[j].role == Role::Score && matches!(r.figs[j].unit, Unit::Score | Unit::Other))
}

/// "A = B + C − D" and "B + C = A": the chain of terms against the single figure.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn equations(r: &Reader, out: &mut Vec<Draft>) {
    let gap = |k: usize| r.text[r.figs[k].end..r.figs[k + 1].start].trim_matches([' ', '\u{3000}']);
    let sign = |g: &str| match g {
        "+" => Some(Decimal::ONE),
        "-" | "−" => Some(Decimal::NEGATIVE_ONE),
        _ => None,
    };
    for k in 0..r.figs.len().saturating_sub(1) {
        if r.figs[k].sentence != r.figs[k + 1].sentence || gap(k) != "=" {
            continue;
        }
        let mut lo = k;
        while lo > 0 && r.figs[lo - 1].sentence == r.figs[k].sentence && sign(gap(lo - 1)).is_some() {
            lo -= 1;
        }
        let mut hi = k + 1;
        while hi + 1 < r.figs.len() && r.figs[hi + 1].sentence == r.figs[k].sentence && sign(gap(hi)).is_some() {
            hi += 1;
        }
        let (result, terms) = match (k - lo, hi - (k + 1)) {
            (0, n) if n >= 1 => (k, (k + 1)..=hi),
            (n, 0) if n >= 1 => (k + 1, lo..=k),
            _ => continue,
        };
        let ru = r.figs[result].unit;
        if terms.clone().any(|t| r.figs[t].unit != Unit::Other && ru != Unit::Other && !r.figs[t].unit.adds_with(ru) && r.figs[t].unit != ru) {
            continue;
        }
        let first = *terms.start();
        let signed = |t: usize| if t == first { Decimal::ONE } else { sign(gap(t - 1)).unwrap_or(Decimal::ONE) };
        let sum = total(&terms.clone().map(|t| mul(signed(t), interval(r, t).0)).collect::<Vec<_>>());
        let n = terms.clone().count();
        let ts: Vec<usize> = terms.clone().collect();
        let tol = if matches!(ru, Unit::Money(_)) { r.tolerance(&ts) } else { mul(Decimal::new(1, 2), Decimal::from(n as u64)) };
        let diff = distance(interval(r, result).0, sum);
        let verdict = if diff.is_zero() { Verdict::Verified } else if diff <= tol { Verdict::Tail } else { Verdict::Wrong };
        let dp = ts.iter().chain([&result]).map(|&t| r.figs[t].figure.decimals).max().unwrap_or(0);
        let expr: String = ts.iter().map(|&t| if t == first { r.num(t) } else { format!(" {} {}", gap(t - 1), r.num(t)) }).collect();
        let computed = show(sum, dp);
        out.push(Draft {
            kind: ClaimKind::Equation,
            verdict,
            figure: r.at(result), word: "",
            inputs: ts,
            stated: r.fig_text(result).to_string(),
            computed: Some(computed.clone()),
            how: format!("{expr} = {computed}"),
            message: match verdict {
                Verdict::Verified => "等式成立".into(),
                Verdict::Tail => format!("另一边算得 {computed}，差别在尾差范围内"),
                _ => format!("等式不成立：另一边各项之和为 {computed}，所述为 {}", r.fig_text(result)),
            },
        });
    }
}
