//! The reading of a text the claim finders share: paragraphs, sentences and figures, and the
//! questions a reader asks of them — the figure a share hangs on, the total a paragraph is about,
//! the figure a label names — plus the drafts of claims they build.

use super::claim::{ClaimKind, Verdict};
use super::figure::{self, Fig, Role, Unit};
use super::source::{starts_item, Source};
use crate::number::{add, half_unit, mul, push_digits, round, sub, Figure};
use rust_decimal::prelude::ToPrimitive;
use crate::policy::Policy;
use rust_decimal::Decimal;
use std::ops::Range;

pub struct Sentence {
    pub range: Range<usize>,
    pub para: usize,
    pub figs: Range<usize>,
}

pub struct Paragraph {
    pub range: Range<usize>,
    /// starts with a list marker: 1. （一） 一、
    pub item: bool,
    pub sentences: Range<usize>,
    pub figs: Range<usize>,
}

pub struct Reader<'a> {
    pub src: &'a Source,
    pub text: &'a str,
    pub figs: Vec<Fig>,
    pub sentences: Vec<Sentence>,
    pub paras: Vec<Paragraph>,
    pub policy: &'a Policy,
    /// the total of the 其中 list a figure is a part of
    pub total_of: Vec<Option<usize>>,
}

/// A claim as found, before its positions are mapped back to the pasted text.
pub struct Draft {
    pub kind: ClaimKind,
    pub verdict: Verdict,
    /// the stated figure: bytes of the reading text
    pub figure: Range<usize>,
    /// the word a rate is stated as (执行率, 完成率 …), else empty
    pub word: &'static str,
    pub inputs: Vec<usize>,
    pub stated: String,
    pub computed: Option<String>,
    pub how: String,
    pub message: String,
}

impl<'a> Reader<'a> {
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn new(src: &'a Source, policy: &'a Policy) -> Reader<'a> {
        let text = src.text.as_str();
        let mut figs = Vec::new();
        let mut sentences = Vec::new();
        let mut paras = Vec::new();
        for (p, r) in src.paragraphs.iter().enumerate() {
            let s0 = sentences.len();
            let f0 = figs.len();
            let mut start = r.start;
            let body = &text[r.clone()];
            let mut ends: Vec<usize> = Vec::new();
            let mut from = 0;
            for (i, m) in body.match_indices(['。', '！', '？', '!', '?', '；', ';']) {
                let end = i + m.len();
                // a sentence runs to 。！？; past a few thousand characters (a paste without full
                // stops) it ends at ； too, so that no search runs over the whole text
                if !matches!(m, "；" | ";") || end - from > 3000 {
                    ends.push(r.start + end);
                    from = end;
                }
            }
            if ends.last() != Some(&r.end) {
                ends.push(r.end);
            }
            for end in ends {
                if text[start..end].trim().is_empty() {
                    start = end;
                    continue;
                }
                let k = sentences.len();
                let ff = figs.len();
                figure::read(text, start, end, k, &mut figs);
                sentences.push(Sentence { range: start..end, para: p, figs: ff..figs.len() });
                start = end;
            }
            paras.push(Paragraph { range: r.clone(), item: starts_item(body), sentences: s0..sentences.len(), figs: f0..figs.len() });
        }
        let n = figs.len();
        Reader { src, text, figs, sentences, paras, policy, total_of: vec![None; n] }
    }

    /// The bytes of figure `i` in the reading text.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn at(&self, i: usize) -> Range<usize> {
        self.figs[i].start..self.figs[i].end
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn fig_text(&self, i: usize) -> &str {
        let f = &self.figs[i];
        &self.text[f.start..f.end]
    }

    /// The number of a figure as written, without its unit: "38,249.76"
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn num(&self, i: usize) -> String {
        let t = self.fig_text(i);
        t.trim_end_matches(|c: char| !c.is_ascii_digit()).to_string()
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn sentence_of(&self, i: usize) -> &Sentence {
        &self.sentences[self.figs[i].sentence]
    }

    /// The figure nearest before `i` in its sentence that `pred` accepts.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn before_in_sentence(&self, i: usize, pred: impl Fn(&Fig) -> bool) -> Option<usize> {
        let s = self.sentence_of(i);
        (s.figs.start..i).rev().find(|&j| pred(&self.figs[j]))
    }

    /// The figure nearest before `i` in its paragraph (earlier sentences included).
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn before_in_paragraph(&self, i: usize, pred: impl Fn(&Fig) -> bool) -> Option<usize> {
        let p = &self.paras[self.sentence_of(i).para];
        (p.figs.start..i).rev().find(|&j| pred(&self.figs[j]))
    }

    /// The first amount or count a paragraph states of something: what it is about.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn subject_of(&self, p: usize) -> Option<usize> {
        self.paras[p].figs.clone().find(|&j| self.figs[j].unit.summable() && self.figs[j].role.is_stock())
    }

    /// The total a paragraph's figures are parts of when it does not name one: the subject of the
    /// nearest paragraph before it that is not itself an item of a list (a list's items are
    /// parts of the total stated above the list).
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn enclosing_total(&self, p: usize) -> Option<usize> {
        let start = p.saturating_sub(40);
        for q in (start..p).rev() {
            if self.paras[q].item {
                continue;
            }
            if let Some(j) = self.subject_of(q) {
                // a paragraph that is itself a part of a list stands for the list's total
                return Some(self.total_of[j].unwrap_or(j));
            }
        }
        None
    }

    /// The words a figure is said of: its clause before it, without connectives.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn label(&self, j: usize) -> &str {
        let f = &self.figs[j];
        let mut l = self.text[f.clause..f.start].trim();
        for pre in ["其中", "包括", "分别为", "共计", "合计", "共"] {
            l = l.trim_start_matches(pre);
        }
        // "2023年度…", "截至2023年12月31日…": the year is no part of the name
        if let Some(p) = l.find("年度") {
            if l[..p].bytes().all(|b| b.is_ascii_digit()) {
                l = &l[p + "年度".len()..];
            }
        }
        l.trim_end_matches(['为', '是', '达', '约', '：', ':', ' ']).trim_start_matches(['：', ':', ' '])
    }

    /// The figure before `i` whose label names `name` ("本年支出合计"), nearest first.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn named(&self, name: &str, before: usize) -> Option<usize> {
        self.named_exactly(name, before).or_else(|| {
            // "项目支出总额" for a figure said of "项目支出"
            let short = ["总额", "合计", "总计", "总数", "金额"].iter().find_map(|w| name.trim().strip_suffix(w))?;
            self.named_exactly(short, before)
        })
    }

    fn named_exactly(&self, name: &str, before: usize) -> Option<usize> {
        // quotes and spaces are no part of a name: "三公经费" is "“三公”经费"
        let bare = |s: &str| s.chars().filter(|c| !"“”\"'‘’「」《》 ".contains(*c)).collect::<String>();
        let name = bare(name);
        let name = name.as_str();
        if name.chars().count() < 2 {
            return None;
        }
        // within the few thousand figures before it: a name is looked up in its own part of the text
        (before.saturating_sub(4000)..before).rev().find(|&j| {
            let f = &self.figs[j];
            if !f.unit.summable() || !f.role.is_stock() {
                return false;
            }
            let l = bare(self.label(j));
            let l = l.as_str();
            l.ends_with(name) || (l.chars().count() >= 2 && name.ends_with(l)) || (name.chars().count() >= 4 && l.contains(name))
        })
    }

    /// The tolerance of 尾差 for a sum of `terms` in 万元: the policy's 0.01 per term at two
    /// decimals, scaled to the decimals the figures are written with; counts are exact.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn tolerance(&self, terms: &[usize]) -> Decimal {
        terms
            .iter()
            .map(|&t| {
                let f = &self.figs[t];
                match f.unit {
                    Unit::Money(p) => {
                        // 0.01 at two decimals is one unit of the last written digit
                        // one unit of the last written digit, as 0.01 is at two decimals
                        let per = mul(mul(half_unit(f.figure.decimals), Decimal::TWO), mul(self.policy.rounding_tolerance, Decimal::ONE_HUNDRED));
                        figure::tens(per, p as i32 - 4)
                    }
                    _ => Decimal::ZERO,
                }
            })
            .fold(Decimal::ZERO, add)
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn span(&self, r: Range<usize>) -> [u32; 2] {
        self.src.span(r)
    }

    /// Whether the text right after figure `i` (to its sentence's end, and the next sentence's
    /// start) gives a reason: 主要原因是…
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn reason_after(&self, i: usize) -> bool {
        let s = self.sentence_of(i);
        let rest = &self.text[self.figs[i].end..s.range.end];
        let next = self.sentences.get(self.figs[i].sentence + 1).filter(|n| n.para == s.para).map_or("", |n| &self.text[n.range.clone()]);
        let next_head: String = next.chars().take(12).collect();
        rest.contains("原因") || rest.contains("由于") || rest.contains("因为") || next_head.contains("原因") || next_head.contains("由于")
    }
}

/// A stated percentage (or score) against the exact value and the range the printed inputs allow:
/// 相符 when it is the exact value at the stated precision, 尾差 when some inputs within their
/// rounding give it, 有误 otherwise.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn judge(stated: Figure, exact: Decimal, range: Option<(Decimal, Decimal)>) -> Verdict {
    if round(exact, stated.decimals) == stated.value {
        return Verdict::Verified;
    }
    let h = half_unit(stated.decimals);
    match range {
        Some((lo, hi)) if add(stated.value, h) >= lo && sub(stated.value, h) <= hi => Verdict::Tail,
        _ => Verdict::Wrong,
    }
}

/// How many brackets are open at the end of `s`.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn depth(s: &str) -> i32 {
    s.chars().fold(0, |d, c| match c {
        '（' | '(' => d + 1,
        '）' | ')' => (d - 1).max(0),
        _ => d,
    })
}

/// A figure as the interval it stands for, in 万元 for money: (value, half of its last digit).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn interval(r: &Reader, j: usize) -> (Decimal, Decimal) {
    let f = &r.figs[j];
    let h = half_unit(f.figure.decimals);
    match f.unit {
        Unit::Money(p) => (f.in_wan(), figure::tens(h, p as i32 - 4)),
        _ => (f.figure.value, h),
    }
}

/// The least and greatest of `f` over the corners of the inputs' intervals (each `f` here is
/// monotonic in each input, so the corners bound it).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn corners(inputs: &[(Decimal, Decimal)], f: impl Fn(&[Decimal]) -> Option<Decimal>) -> Option<(Decimal, Decimal)> {
    let n = inputs.len();
    let mut lo: Option<Decimal> = None;
    let mut hi: Option<Decimal> = None;
    let mut vals = vec![Decimal::ZERO; n];
    for mask in 0..(1u32 << n) {
        for (k, (v, h)) in inputs.iter().enumerate() {
            vals[k] = if mask & (1 << k) == 0 { v.checked_sub(*h)? } else { v.checked_add(*h)? };
        }
        let v = f(&vals)?;
        lo = Some(lo.map_or(v, |l: Decimal| l.min(v)));
        hi = Some(hi.map_or(v, |h: Decimal| h.max(v)));
    }
    Some((lo?, hi?))
}

/// A decimal with thousands separators and `dp` decimals, 四舍五入: "38,249.76"
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn show(v: Decimal, dp: u32) -> String {
    let r = round(v, dp);
    let m = r.abs();
    let mut out = String::new();
    if r.is_sign_negative() && !r.is_zero() {
        out.push('-');
    }
    push_digits(&mut out, m.trunc().to_u128().unwrap_or(0), true);
    if dp > 0 {
        // "0.50" → ".50": the fraction at the stated decimals
        let f = format!("{:.*}", dp as usize, m.fract());
        out.push_str(f.get(1..).unwrap_or(""));
    }
    out
}

/// An exact quotient shown to a few more decimals than stated: "99.737…"
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn show_exact(v: Decimal, dp: u32) -> String {
    let more = round(v, dp + 3);
    if more == v.normalize() || round(v, dp + 3) == v {
        show(v.normalize(), dp.max(v.normalize().scale().min(dp + 3)))
    } else {
        format!("{}…", show(more, dp + 3))
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn is_money(f: &Fig) -> bool {
    matches!(f.unit, Unit::Money(_))
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn is_stock_amount(f: &Fig) -> bool {
    f.unit.summable() && f.role.is_stock()
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn is_change_amount(f: &Fig) -> bool {
    f.unit.summable() && matches!(f.role, Role::Change(_))
}
