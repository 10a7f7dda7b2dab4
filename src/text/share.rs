//! 占比: "A万元，占B%" of the total the sentence lists it under, "占本年支出合计的B%" of the
//! figure so named earlier, and a list item's share of the total stated above the list.

use super::claim::{ClaimKind, Verdict};
use super::figure::{Role, Unit};
use super::reader::{corners, depth, interval, is_stock_amount, judge, show, show_exact, Draft, Reader};
use crate::number::percent_exact;

/// The total a share names: "占本年支出合计的" → "本年支出合计"; "占比" names none.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn named_base(clause: &str) -> Option<String> {
    let p = clause.rfind('占')?;
    let mut n = &clause[p + '占'.len_utf8()..];
    for suffix in ["的比重为", "的比重", "的比例为", "的比例", "比重为", "比重", "比例为", "比例", "的", "为", "达", "约"] {
        n = n.strip_suffix(suffix).unwrap_or(n);
    }
    let n = n.trim();
    (!n.is_empty() && !n.starts_with('比') && n.chars().count() >= 2).then(|| n.to_string())
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn find(r: &Reader, out: &mut Vec<Draft>) {
    let paired = respectively(r);
    // the base the last share of a paragraph was taken of: "…，占支出预算的76.27%；…0.32亿元，占13.56%"
    let mut carried: Option<(usize, usize)> = None;
    for i in 0..r.figs.len() {
        let f = &r.figs[i];
        let run = paired.iter().find(|p| p.0 == i).map(|p| p.1);
        if (f.role != Role::Share && run.is_none()) || f.unit != Unit::Percent {
            continue;
        }
        let stated = r.fig_text(i).to_string();
        let unresolved = |why: String, inputs: Vec<usize>| Draft { kind: ClaimKind::Share, verdict: Verdict::Unresolved, figure: r.at(i), word: "", inputs, stated: stated.clone(), computed: None, how: String::new(), message: why };
        // the amount it is said of: the nearest before it, not one in brackets it is outside of
        let s0 = r.sentence_of(i).range.start;
        let outside = |g: &super::figure::Fig| is_stock_amount(g) && depth(&r.text[s0..g.start]) <= depth(&r.text[s0..f.start]);
        if run == Some(None) {
            out.push(unresolved("“占比分别为…”前没有写出各项的数额，无法核对".into(), vec![]));
            continue;
        }
        let part = run.flatten().or_else(|| r.before_in_sentence(i, outside));
        let Some(part) = part else {
            out.push(unresolved("没有找到这个占比是哪一笔数额的占比".into(), vec![]));
            continue;
        };
        // "占本年支出合计（2,680.00万元）的69.04%": the total written in the brackets
        let s_text = &r.text[s0..f.start];
        let in_brackets = s_text.rfind('占').and_then(|p| (0..i).rev().take_while(|&j| r.figs[j].start >= s0 + p).find(|&j| is_stock_amount(&r.figs[j]) && depth(&r.text[s0..r.figs[j].start]) > depth(&r.text[s0..f.start])));
        // "在本年支出中所占比例为23.49%": the name before 所占
        let within = s_text.rfind("中所占").and_then(|p| s_text[..p].rfind('在').map(|q| s_text[q + '在'.len_utf8()..p].to_string()));
        let named = named_base(&r.text[f.clause..f.start]).or(within);
        let explicit: Option<Result<usize, String>> = match (in_brackets, named) {
            (Some(b), _) => Some(Ok(b)),
            (None, None) => None,
            (None, Some(name)) => Some(match r.named(&name, part).or(r.total_of[part]) {
                // a 预算数 and its 决算数 stated together: a 决算 part is a share of the 决算数
                Some(b) if r.figs[b].role == Role::Budget && r.figs[part].role != Role::Budget => {
                    let s = &r.sentences[r.figs[b].sentence];
                    Ok((b + 1..s.figs.end).find(|&j| r.figs[j].role == Role::Final && r.figs[j].unit.adds_with(r.figs[b].unit)).unwrap_or(b))
                }
                Some(b) => Ok(b),
                None => Err(name),
            }),
        };
        let base = match explicit {
            Some(Ok(b)) => b,
            Some(Err(name)) => {
                out.push(unresolved(format!("在它之前没有找到“{name}”的数额，无法核对"), vec![part]));
                continue;
            }
            None => {
                let para = r.sentence_of(part).para;
                let carried_here = carried.filter(|c| c.0 == para).map(|c| c.1);
                // the paragraph's first amount is itself one of the parts when the paragraph is a list
                let subject = r.subject_of(para).filter(|&s| r.figs[s].sentence != r.figs[part].sentence || r.figs[s].role != r.figs[part].role || s == part);
                let found = r.total_of[part].or(carried_here).or_else(|| if subject == Some(part) || subject.is_none() { r.enclosing_total(para) } else { subject });
                match found.filter(|&b| b != part && r.figs[b].unit.adds_with(r.figs[part].unit)) {
                    Some(b) => b,
                    None => {
                        out.push(unresolved(format!("没有找到 {} 所占的合计数，无法核对", r.fig_text(part)), vec![part]));
                        continue;
                    }
                }
            }
        };
        carried = Some((r.sentence_of(part).para, base));
        let (pv, _) = interval(r, part);
        let (bv, _) = interval(r, base);
        if bv.is_zero() && pv.is_zero() && f.figure.value.is_zero() {
            out.push(Draft { kind: ClaimKind::Share, verdict: Verdict::Verified, figure: r.at(i), word: "", inputs: vec![part, base], stated: stated.clone(), computed: Some(stated.clone()), how: format!("{} 与 {} 都为 0", r.num(part), r.num(base)), message: "该项与合计都为 0，占比记为 0".into() });
            continue;
        }
        let Some(exact) = percent_exact(pv, bv) else {
            out.push(unresolved(format!("合计 {} 为 0，占比无从计算", r.fig_text(base)), vec![part, base]));
            continue;
        };
        let range = corners(&[interval(r, part), interval(r, base)], |v| percent_exact(v[0], v[1]));
        let verdict = judge(f.figure, exact, range);
        let dp = f.figure.decimals;
        let how = format!("{} ÷ {} × 100% = {}%", r.num(part), r.num(base), show_exact(exact, dp));
        let computed = format!("{}%", show(exact, dp));
        let message = match verdict {
            Verdict::Verified => format!("{} 占 {} 的 {computed}，相符", r.num(part), r.num(base)),
            Verdict::Tail => format!("按所印数字算得 {computed}，所述 {stated} 可由各数四舍五入解释（尾差）"),
            _ => format!("{} 占 {} 的比例应为 {computed}，所述为 {stated}，请改正", r.num(part), r.num(base)),
        };
        out.push(Draft { kind: ClaimKind::Share, verdict, figure: r.at(i), word: "", inputs: vec![part, base], stated, computed: Some(computed), how, message });
    }
}

/// "基本支出、项目支出分别为1.46亿元、0.90亿元，分别占61.86%、38.14%": (share, its amount) in order.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn respectively(r: &Reader) -> Vec<(usize, Option<usize>)> {
    let mut out: Vec<(usize, Option<usize>)> = Vec::new();
    for i in 0..r.figs.len() {
        let f = &r.figs[i];
        let said = &r.text[f.clause..f.start];
        if f.unit != Unit::Percent || out.iter().any(|p| p.0 == i) || !["分别占", "占比分别为", "比重分别为", "分别占比"].iter().any(|w| said.contains(w)) {
            continue;
        }
        // the run of shares: 61.86%、38.14%(、…)
        let mut run = vec![i];
        while let Some(&last) = run.last() {
            let next = last + 1;
            if next < r.figs.len() && r.figs[next].unit == Unit::Percent && matches!(r.text[r.figs[last].end..r.figs[next].start].trim(), "、" | "和" | "及" | "，") {
                run.push(next);
            } else {
                break;
            }
        }
        let amounts: Vec<usize> = r.sentence_of(i).figs.clone().filter(|&j| j < i && is_stock_amount(&r.figs[j])).collect();
        if amounts.len() >= run.len() {
            let tail = &amounts[amounts.len() - run.len()..];
            out.extend(run.iter().copied().zip(tail.iter().copied().map(Some)));
        } else {
            out.extend(run.iter().map(|&s| (s, None)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::named_base;

    #[test]
    fn names_of_bases() {
        assert_eq!(named_base("占本年支出合计的").as_deref(), Some("本年支出合计"));
        assert_eq!(named_base("占政府采购支出总额的").as_deref(), Some("政府采购支出总额"));
        assert_eq!(named_base("占比"), None);
        assert_eq!(named_base("占"), None);
    }
}
