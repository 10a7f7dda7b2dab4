//! 文字核对 (SPEC §6 F): every arithmetic claim of a Chinese text — sums, shares, changes,
//! 差异率, 执行率 / 完成率 / 调整率, scores, grades, restated equations — found with the
//! characters it stands on and verified: 相符, 有误 (with the recomputed value and the
//! computation), 尾差 (explained by the rounding of the printed figures) or 无法核对 (saying
//! why). The pipeline: pasted text → [`source`] (the reading text) → [`reader`] (sentences and
//! figures with their roles) → one finder per kind of claim → [`TextCheck`].
//!
//! Below [`check`], the older helpers a form's own narrative checks use ([`figures`], …).

pub mod claim;
mod change;
mod figure;
mod rate;
mod reader;
mod score;
mod share;
pub mod source;
mod sum;

pub use claim::{Claim, ClaimKind, TextCheck, TextSummary, Verdict};

use crate::policy::Policy;

/// Finds and verifies every arithmetic claim of `text`.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn check(text: &str, policy: &Policy) -> TextCheck {
    let src = source::Source::read(text);
    let mut r = reader::Reader::new(&src, policy);
    let mut drafts = Vec::new();
    let mut extra = Vec::new();
    sum::find(&mut r, &mut drafts);
    share::find(&r, &mut drafts);
    change::find(&r, &mut drafts);
    rate::find(&r, &mut drafts, &mut extra);
    score::find(&r, &mut drafts);
    // in text order, one claim per figure and kind: sorted by a plain u64 key
    let mut keys: Vec<u64> = drafts.iter().enumerate().map(|(k, d)| (d.figure.start as u64) << 24 | (d.kind as u64) << 20 | k as u64).collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<reader::Draft>> = drafts.into_iter().map(Some).collect();
    let mut drafts: Vec<reader::Draft> = keys.iter().filter_map(|k| slots[(k & 0xf_ffff) as usize].take()).collect();
    drafts.dedup_by(|a, b| a.figure == b.figure && a.kind == b.kind);
    let claims: Vec<Claim> = drafts
        .iter()
        .map(|d| {
            let s = r.sentences.iter().position(|s| s.range.contains(&d.figure.start)).map_or(d.figure.clone(), |k| r.sentences[k].range.clone());
            // from the first figure it cites in its sentence, else from its own clause
            let from = d.inputs.iter().map(|&j| r.figs[j].start).filter(|&p| s.contains(&p) && p < d.figure.start).min();
            let clause = figure::clause_start(r.text, d.figure.start, s.start);
            let range = from.unwrap_or(clause).min(d.figure.start)..d.figure.end;
            Claim {
                kind: d.kind,
                verdict: d.verdict,
                span: r.span(range.clone()),
                figure: r.span(d.figure.clone()),
                inputs: d.inputs.iter().map(|&j| r.span(r.at(j))).collect(),
                quote: r.text[range].trim().to_string(),
                stated: d.stated.clone(),
                computed: d.computed.clone(),
                how: d.how.clone(),
                message: d.message.clone(),
            }
        })
        .collect();
    // findings about a stated figure point at its claim
    for f in &mut extra {
        if let Some(at) = f.path.strip_prefix("at.").and_then(|a| a.parse::<usize>().ok()) {
            f.path = drafts.iter().position(|d| d.figure.start == at).map_or("text".into(), |k| format!("claims.{k}"));
        }
    }
    TextCheck::new(text.chars().count(), claims, extra)
}

use crate::number::{compare_total, parse_decimal, Agreement, Figure};
use rust_decimal::Decimal;

/// A total and parts stated in text that do not add up.
#[derive(Debug, Clone, PartialEq)]
pub struct SumClaim {
    /// the sentence, as written
    pub text: String,
    pub total: Decimal,
    pub parts: Vec<Decimal>,
    pub unit: String,
}

impl SumClaim {
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn sum(&self) -> Decimal {
        self.parts.iter().copied().sum()
    }
}

/// Numbers with their unit in a piece of text: (value, unit, char offset).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn numbers(s: &str) -> Vec<(Decimal, String, usize)> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.')) {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ',') {
                i += 1;
            }
            let num: String = chars[start..i].iter().collect();
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let unit: String = chars[j..].iter().take_while(|c| UNIT_CHARS.contains(**c)).collect();
            if let Some(f) = parse_decimal(num.trim_end_matches(['.', ','])) {
                if !unit.is_empty() {
                    out.push((f.value, unit, start));
                }
            }
        } else {
            i += 1;
        }
    }
    out
}

const UNIT_CHARS: &str = "条个家名人项次件万元亿台套份";

/// Finds "X<unit>…其中…A<unit>…B<unit>" in each sentence where the parts, all in the total's unit,
/// do not add up to the total. A sentence with one part, or parts in other units, makes no claim.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn sum_claims(text: &str) -> Vec<SumClaim> {
    let mut out = Vec::new();
    for sentence in text.split_inclusive(['。', '；', ';', '\n']) {
        if let Some(k) = sentence.find("其中") {
            let (head, tail) = sentence.split_at(k);
            let head_nums = numbers(head);
            let parts: Vec<(Decimal, String, usize)> = numbers(tail);
            if let Some((total, unit, _)) = head_nums.last() {
                let same: Vec<Decimal> = parts.iter().filter(|p| &p.1 == unit).map(|p| p.0).collect();
                if same.len() >= 2 && same.len() == parts.len() {
                    // quote from the clause that states the total
                    let stem = head.trim_end_matches(['，', ',', '：', ':', ' ']);
                    let clause = stem.rfind(['，', '；', ',']).map_or(0, |p| p + stem[p..].chars().next().map_or(0, char::len_utf8));
                    let claim = SumClaim { text: sentence[clause..].trim().to_string(), total: *total, parts: same, unit: unit.clone() };
                    if compare_total(claim.total, claim.sum(), claim.parts.len(), Decimal::new(1, 2)) == Agreement::Mismatch {
                        out.push(claim);
                    }
                }
            }
        }
    }
    out
}

/// A number written in a sentence: its value as written, the unit right after it, and where it
/// and its unit are (byte offsets into the sentence).
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub figure: Figure,
    pub unit: String,
    pub start: usize,
    /// just past the unit
    pub end: usize,
}

/// Units a narrative figure may carry: counts, amounts, percentages, scores.
const FIGURE_UNITS: [&str; 18] = ["万元", "亿元", "元", "%", "分", "条", "个", "家", "名", "人", "项", "次", "件", "台", "套", "份", "年", "月"];

/// Full-width digits and signs as the ASCII ones, so "９９．５３％" reads as "99.53%"; every other
/// character (the Chinese comma above all) is kept.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn narrow(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '％' => '%',
            '＋' => '+',
            '＝' => '=',
            '－' | '−' => '-',
            _ => c,
        })
        .collect()
}

/// Every number of a sentence (ASCII digits; see [`narrow`]) with the unit written after it,
/// if any, in order.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn figures(s: &str) -> Vec<Written> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = b[i].is_ascii_digit() && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.'));
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.' || b[i] == b',') {
            i += 1;
        }
        // a trailing separator is punctuation: "共 5 个，2 个" and "为 5." end at the digit
        let mut num_end = i;
        while num_end > start && (b[num_end - 1] == b'.' || b[num_end - 1] == b',') {
            num_end -= 1;
        }
        let Some(figure) = parse_decimal(&s[start..num_end]) else { continue };
        let mut j = num_end;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        let unit = FIGURE_UNITS.iter().find(|u| s[j..].starts_with(**u)).copied().unwrap_or("");
        let end = if unit.is_empty() { num_end } else { j + unit.len() };
        out.push(Written { figure, unit: unit.to_string(), start, end });
        i = end.max(num_end);
    }
    out
}

/// A sentence's pieces: what a claim is quoted from.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['。', '；', ';', '\n', '！', '？']).filter(|s| !s.trim().is_empty())
}

/// "A = B + C − D" (or "B + C = A") written in a sentence, where the terms do not add up:
/// (the quoted expression, the stated result, the terms' sum, the unit). Terms must be in one
/// unit (or carry none); a chain with fewer than two terms states nothing.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn equation_claims(sentence: &str) -> Vec<(String, Figure, Decimal, String)> {
    let fs = figures(sentence);
    // what is written between consecutive figures, spaces and brackets aside
    let gap = |k: usize| sentence[fs[k].end..fs[k + 1].start].trim_matches([' ', '\u{3000}']);
    let sign = |g: &str| match g {
        "+" => Some(Decimal::ONE),
        "-" => Some(Decimal::NEGATIVE_ONE),
        _ => None,
    };
    let mut out = Vec::new();
    for k in 0..fs.len().saturating_sub(1) {
        if gap(k) != "=" {
            continue;
        }
        let mut lo = k;
        while lo > 0 && sign(gap(lo - 1)).is_some() {
            lo -= 1;
        }
        let mut hi = k + 1;
        while hi + 1 < fs.len() && sign(gap(hi)).is_some() {
            hi += 1;
        }
        // one side a single figure, the other a chain of at least two
        let (result, terms) = match (k - lo, hi - (k + 1)) {
            (0, n) if n >= 1 => (k, (k + 1)..=hi),
            (n, 0) if n >= 1 => (k + 1, lo..=k),
            _ => continue,
        };
        let unit = &fs[result].unit;
        if terms.clone().any(|t| !fs[t].unit.is_empty() && !unit.is_empty() && &fs[t].unit != unit) {
            continue;
        }
        let first = *terms.start();
        let sum: Decimal = terms.clone().map(|t| if t == first { fs[t].figure.value } else { sign(gap(t - 1)).unwrap_or(Decimal::ONE) * fs[t].figure.value }).sum();
        let n = terms.clone().count();
        if compare_total(fs[result].figure.value, sum, n, Decimal::new(1, 2)) == Agreement::Mismatch {
            let quoted = sentence[fs[lo].start..fs[hi].end].to_string();
            out.push((quoted, fs[result].figure, sum, unit.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed000_hidden_dangers_and_staffing() {
        let t = "检查工业企业 497 家次，发现一般问题隐患 1509 条，其中立查立改隐患 1007 条、限期整改 501条。统筹协调国家电网。";
        let c = sum_claims(t);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].total, c[0].sum(), c[0].unit.as_str()), (Decimal::from(1509), Decimal::from(1508), "条"));
        assert_eq!(c[0].text, "发现一般问题隐患 1509 条，其中立查立改隐患 1007 条、限期整改 501条。");
        let t = "工业和信息化局机关行政编制 4 名，其中：行政编制 4 名，事业编制 13名。实有人员 15人。";
        let c = sum_claims(t);
        assert_eq!((c[0].total, c[0].sum()), (Decimal::from(4), Decimal::from(17)));
        // consistent, or one part only: no claim
        assert!(sum_claims("编制 28 名，其中：行政编制 0 名，事业编制 28 名。").is_empty());
        assert!(sum_claims("企业 94家，其中新增 8 家。").is_empty());
    }

    #[test]
    fn figures_with_units_and_equations() {
        let f = figures(&narrow("执行率为９９．５３％，得 9.95 分，共 1,509 条。"));
        let got: Vec<(String, &str)> = f.iter().map(|w| (w.figure.value.to_string(), w.unit.as_str())).collect();
        assert_eq!(got, [("99.53".to_string(), "%"), ("9.95".into(), "分"), ("1509".into(), "条")]);
        // a sum that does not hold, either way round; one that does; a date range is no sum
        let c = equation_claims("综合得分91.95分 = 9.95+0+7.95+10+10+25+15+10");
        assert_eq!((c.len(), c[0].1.value, c[0].2), (1, Decimal::new(9195, 2), Decimal::new(8790, 2)));
        assert_eq!(c[0].0, "91.95分 = 9.95+0+7.95+10+10+25+15+10");
        assert_eq!(equation_claims("9.95 + 12 - 2 = 20.95 分")[0].2, Decimal::new(1995, 2));
        assert!(equation_claims("综合得分87.90分 = 9.95+0+7.95+10+10+25+15+10").is_empty());
        assert!(equation_claims("1-12 月，工业增速 0.1%").is_empty());
        assert!(equation_claims("10万元 = 3% + 7%").is_empty());
    }
}
