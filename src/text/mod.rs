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
            // the sentence holding it (sentences are in text order)
            let k = r.sentences.partition_point(|s| s.range.end <= d.figure.start);
            let s = r.sentences.get(k).filter(|s| s.range.contains(&d.figure.start)).map_or(d.figure.clone(), |s| s.range.clone());
            // from its own clause, or the first figure it cites in its sentence, to the last of
            // them: a sum's quote runs through its parts
            let from = d.inputs.iter().map(|&j| r.figs[j].start).filter(|&p| s.contains(&p) && p < d.figure.start).min();
            let to = d.inputs.iter().map(|&j| r.figs[j].end).filter(|&p| p <= s.end && p > d.figure.end).max();
            let clause = figure::clause_start(r.text, d.figure.start, s.start);
            let range = from.unwrap_or(clause).min(d.figure.start)..to.unwrap_or(d.figure.end).max(d.figure.end);
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
            // drafts are in text order: the first whose figure starts there
            let k = drafts.partition_point(|d| d.figure.start < at);
            f.path = drafts.get(k).filter(|d| d.figure.start == at).map_or("text".into(), |_| format!("claims.{k}"));
        }
    }
    TextCheck::new(text.chars().count(), claims, extra)
}

use crate::number::{parse_decimal, Figure};

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
    text.chars().map(source::narrow).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn wrong(t: &str) -> Vec<(ClaimKind, String, Option<String>)> {
        check(t, &Policy::default()).claims.into_iter().filter(|c| c.verdict == Verdict::Wrong).map(|c| (c.kind, c.stated, c.computed)).collect()
    }

    #[test]
    fn seed000_hidden_dangers_and_staffing() {
        let t = "检查工业企业 497 家次，发现一般问题隐患 1509 条，其中立查立改隐患 1007 条、限期整改 501条。统筹协调国家电网。";
        assert_eq!(wrong(t), [(ClaimKind::Sum, "1509条".to_string(), Some("1,508条".to_string()))]);
        let t = "工业和信息化局机关行政编制 4 名，其中：行政编制 4 名，事业编制 13名。实有人员 15人。";
        assert_eq!(wrong(t), [(ClaimKind::Sum, "4名".to_string(), Some("17名".to_string()))]);
        // consistent, or one part only within the total: nothing wrong
        assert!(wrong("编制 28 名，其中：行政编制 0 名，事业编制 28 名。").is_empty());
        assert!(wrong("企业 94家，其中新增 8 家。").is_empty());
        assert_eq!(wrong("企业 4家，其中新增 8 家。")[0].0, ClaimKind::Part);
    }

    #[test]
    fn figures_with_units_and_equations() {
        let f = figures(&narrow("执行率为９９．５３％，得 9.95 分，共 1,509 条。"));
        let got: Vec<(String, &str)> = f.iter().map(|w| (w.figure.value.to_string(), w.unit.as_str())).collect();
        assert_eq!(got, [("99.53".to_string(), "%"), ("9.95".into(), "分"), ("1509".into(), "条")]);
        // a sum that does not hold, either way round; one that does; a date range is no sum
        assert_eq!(wrong("综合得分91.95分 = 9.95+0+7.95+10+10+25+15+10"), [(ClaimKind::Equation, "91.95分".to_string(), Some("87.90".to_string()))]);
        assert_eq!(wrong("9.95 + 12 - 2 = 20.95 分")[0].2.as_deref(), Some("19.95"));
        assert!(wrong("综合得分87.90分 = 9.95+0+7.95+10+10+25+15+10").is_empty());
        assert!(wrong("1-12 月，工业增速 0.1%").is_empty());
        assert!(wrong("10万元 = 3% + 7%").is_empty());
    }

    #[test]
    fn changes_shares_and_variances_as_the_seeds_write_them() {
        let t = "2023年度一般公共预算财政拨款支出7,624.18万元，占本年支出合计的19.88%。";
        let c = check(t, &Policy::default());
        assert_eq!((c.summary.claims, c.summary.unresolved), (1, 1), "the named total is not in this text");
        let t = "本年支出合计38,349.81万元。2023年度一般公共预算财政拨款支出7,624.18万元，占本年支出合计的19.88%。与上年相比，减少8,188.76万元，下降51.79%。与年初预算相比,年初预算数14,259.41万元，决算数7,624.18万元，预决算差异率-46.53%，主要原因是：年中调减。";
        let c = check(t, &Policy::default());
        assert_eq!((c.summary.claims, c.summary.verified), (3, 3), "{:#?}", c.claims);
        // the sign flipped, the word against the figures, no reason given
        let t = "年初预算数14,259.41万元，决算数7,624.18万元，预决算差异率46.53%。";
        let c = check(t, &Policy::default());
        assert!(c.claims[0].message.contains("符号反了"), "{}", c.claims[0].message);
        assert!(c.findings.iter().any(|f| f.code == "text.reason_missing"));
        let t = "支出决算数为600.00万元，比上年决算减少7,799.59万元，增长92.86%。";
        assert!(check(t, &Policy::default()).claims[0].message.contains("矛盾"));
        // growth from a previous year of 0, by policy
        let t = "支出决算数为6.00万元，比上年决算增加6.00万元，增长100.00%。";
        assert_eq!(check(t, &Policy::default()).summary.verified, 1);
        let omit = Policy { growth_from_zero: crate::policy::GrowthFromZero::Omit, ..Policy::default() };
        assert_eq!(check(t, &omit).summary.wrong, 1);
    }

    #[test]
    fn spans_count_characters_of_the_text_as_given() {
        let t = "😀本年收入 100.00 万元，其中：甲 60.00 万元，占 60.00%；乙 40.00 万元，占 40.00%。";
        let c = check(t, &Policy::default());
        let chars: Vec<char> = t.chars().collect();
        let at = |s: [u32; 2]| chars[s[0] as usize..s[1] as usize].iter().collect::<String>();
        assert_eq!(c.summary.verified, 3);
        assert_eq!(at(c.claims[0].figure), "100.00 万元");
        assert_eq!(at(c.claims[1].figure), "60.00%");
    }
}
