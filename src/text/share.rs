//! 占比: "A万元，占B%" of the total the sentence lists it under, "占本年支出合计的B%" of the
//! figure so named earlier, and a list item's share of the total stated above the list.

use super::claim::{ClaimKind, Verdict};
use super::figure::{Role, Unit};
use super::reader::{corners, interval, is_stock_amount, judge, show, show_exact, Draft, Reader};
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
    for i in 0..r.figs.len() {
        let f = &r.figs[i];
        if f.role != Role::Share || f.unit != Unit::Percent {
            continue;
        }
        let stated = r.fig_text(i).to_string();
        let unresolved = |why: String, inputs: Vec<usize>| Draft { kind: ClaimKind::Share, verdict: Verdict::Unresolved, figure: r.at(i), word: "", inputs, stated: stated.clone(), computed: None, how: String::new(), message: why };
        let Some(part) = r.before_in_sentence(i, is_stock_amount) else {
            out.push(unresolved("没有找到这个占比是哪一笔数额的占比".into(), vec![]));
            continue;
        };
        let base = match named_base(&r.text[f.clause..f.start]) {
            Some(name) => match r.named(&name, part).or(r.total_of[part]) {
                Some(b) => b,
                None => {
                    out.push(unresolved(format!("在它之前没有找到“{name}”的数额，无法核对"), vec![part]));
                    continue;
                }
            },
            None => {
                let para = r.sentence_of(part).para;
                let found = r.total_of[part].or_else(|| if r.subject_of(para) == Some(part) { r.enclosing_total(para) } else { r.subject_of(para) });
                match found.filter(|&b| b != part && r.figs[b].unit.adds_with(r.figs[part].unit)) {
                    Some(b) => b,
                    None => {
                        out.push(unresolved(format!("没有找到 {} 所占的合计数，无法核对", r.fig_text(part)), vec![part]));
                        continue;
                    }
                }
            }
        };
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
