//! The figures of a reading text: each number with its unit (万元, %, 个百分点, 分, 名 …), the
//! comparator before it (≤8.90万元), and what the words before it say it is — a 预算数, a change
//! 比上年增加…, a share 占…, a 差异率 — as a reader takes it from the clause it stands in.

use crate::number::{parse_decimal, Figure};
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// 元, 万元 (the default of these documents), 亿元: the power of ten of 元 it counts
    Money(u32),
    Percent,
    /// 个百分点
    Points,
    /// 分 (a score)
    Score,
    /// 个, 条, 名, 人次 …
    Count(&'static str),
    /// 年, 月, 日, 平方米 … and a bare number: read, never a claim's figure
    Other,
}

impl Unit {
    /// Whether figures of the two units add up: money with money, a count with the same count.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn adds_with(self, other: Unit) -> bool {
        match (self, other) {
            (Unit::Money(_), Unit::Money(_)) => true,
            (Unit::Count(a), Unit::Count(b)) => a == b || (PERSONS.contains(&a) && PERSONS.contains(&b)),
            (a, b) => a == b && a != Unit::Other,
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn summable(self) -> bool {
        matches!(self, Unit::Money(_) | Unit::Count(_))
    }
}

const PERSONS: [&str; 2] = ["名", "人"];

/// What the words before a figure say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// an amount or count said of something: 本年收入38,350.62万元
    Subject,
    /// 预算数, 年初预算, 目标
    Budget,
    /// 决算数, 执行数, 实际支出, 支付
    Final,
    /// 上年…, 上年决算数
    Previous,
    /// 比上年增加 (+1) / 减少 (−1): an amount or, with %, a growth rate
    Change(i8),
    Share,
    Variance,
    /// 执行率, 完成率, 调整率 …: which word
    Rate(&'static str),
    /// 年中调整数, 调增, 调减
    Adjustment(i8),
    Score,
    Weight,
}

impl Role {
    /// An amount that is said of something rather than derived from others.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn is_stock(self) -> bool {
        matches!(self, Role::Subject | Role::Budget | Role::Final | Role::Previous)
    }
}

#[derive(Debug, Clone)]
pub struct Fig {
    pub figure: Figure,
    pub unit: Unit,
    /// byte range of the number and its unit in the reading text
    pub start: usize,
    pub end: usize,
    /// ≤ ≥ < > = written right before the number
    pub cmp: Option<char>,
    pub role: Role,
    /// where the clause the figure stands in starts (after ，；：、 or the sentence start)
    pub clause: usize,
    /// the sentence (index into the reader's sentences)
    pub sentence: usize,
}

impl Fig {
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn value(&self) -> Decimal {
        self.figure.value
    }

    /// The value in 万元 for money, as is otherwise.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn in_wan(&self) -> Decimal {
        match self.unit {
            Unit::Money(p) => tens(self.figure.value, p as i32 - 4),
            _ => self.figure.value,
        }
    }
}

/// `v × 10^by`: 元, 万元 and 亿元 into one another.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn tens(v: Decimal, by: i32) -> Decimal {
    let mut v = v;
    for _ in 0..by.unsigned_abs() {
        v = if by > 0 { v.checked_mul(Decimal::TEN) } else { v.checked_div(Decimal::TEN) }.unwrap_or(v);
    }
    v
}

/// Units in the order they are tried (longer first), with their kind.
const UNITS: [(&str, Unit); 41] = [
    ("万元", Unit::Money(4)),
    ("亿元", Unit::Money(8)),
    ("千元", Unit::Money(3)),
    ("元", Unit::Money(0)),
    ("%", Unit::Percent),
    ("个百分点", Unit::Points),
    ("百分点", Unit::Points),
    ("万人次", Unit::Count("万人次")),
    ("人次", Unit::Count("人次")),
    ("批次", Unit::Count("批次")),
    ("家次", Unit::Count("家次")),
    ("台（套）", Unit::Count("台")),
    ("平方米", Unit::Count("平方米")),
    ("公里", Unit::Count("公里")),
    ("千米", Unit::Count("公里")),
    ("万亩", Unit::Count("万亩")),
    ("亩", Unit::Count("亩")),
    ("吨", Unit::Count("吨")),
    ("间", Unit::Count("间")),
    ("册", Unit::Count("册")),
    ("分钟", Unit::Other),
    ("分", Unit::Score),
    ("个", Unit::Count("个")),
    ("条", Unit::Count("条")),
    ("名", Unit::Count("名")),
    ("人", Unit::Count("人")),
    ("辆", Unit::Count("辆")),
    ("项", Unit::Count("项")),
    ("家", Unit::Count("家")),
    ("次", Unit::Count("次")),
    ("件", Unit::Count("件")),
    ("台", Unit::Count("台")),
    ("套", Unit::Count("套")),
    ("份", Unit::Count("份")),
    ("户", Unit::Count("户")),
    ("所", Unit::Count("所")),
    ("座", Unit::Count("座")),
    ("处", Unit::Count("处")),
    ("场", Unit::Count("场")),
    ("期", Unit::Count("期")),
    ("篇", Unit::Count("篇")),
];

/// Words after a count unit that make it something else: 一次性, 次年, 个人, 家庭, 人员 …
const NOT_COUNT_AFTER: &str = "性年人庭员数均别体级类";

/// The words that say what a figure is, found last-wins in its clause.
const ROLE_WORDS: [(&str, Role); 70] = [
    ("增加", Role::Change(1)),
    ("增长", Role::Change(1)),
    ("上升", Role::Change(1)),
    ("提高", Role::Change(1)),
    ("增幅", Role::Change(1)),
    ("增长率", Role::Change(1)),
    ("多支出", Role::Change(1)),
    ("增支", Role::Change(1)),
    ("减少", Role::Change(-1)),
    ("下降", Role::Change(-1)),
    ("降低", Role::Change(-1)),
    ("减幅", Role::Change(-1)),
    ("降幅", Role::Change(-1)),
    ("下降率", Role::Change(-1)),
    ("减支", Role::Change(-1)),
    ("节约", Role::Change(-1)),
    ("占", Role::Share),
    ("比重", Role::Share),
    ("所占比例", Role::Share),
    ("差异率", Role::Variance),
    ("执行率", Role::Rate("执行率")),
    ("支出进度", Role::Rate("执行率")),
    ("执行进度", Role::Rate("执行率")),
    ("完成率", Role::Rate("完成率")),
    ("完成预算", Role::Rate("执行率")),
    ("完成年度预算", Role::Rate("执行率")),
    ("完成年初预算", Role::Rate("执行率")),
    ("完成目标", Role::Rate("完成率")),
    ("达成率", Role::Rate("完成率")),
    ("调整率", Role::Rate("调整率")),
    ("调增", Role::Adjustment(1)),
    ("追加", Role::Adjustment(1)),
    ("调减", Role::Adjustment(-1)),
    ("调整数", Role::Adjustment(0)),
    ("年中调整", Role::Adjustment(0)),
    // "预算" alone names a kind of money (一般公共预算, 预算经费), not a budget figure
    ("预算数", Role::Budget),
    ("年初预算", Role::Budget),
    ("全年预算", Role::Budget),
    ("预算金额", Role::Budget),
    ("预算总额", Role::Budget),
    ("预算安排", Role::Budget),
    ("预算为", Role::Budget),
    ("批复", Role::Budget),
    ("目标值", Role::Budget),
    ("预期指标值", Role::Budget),
    ("指标值", Role::Budget),
    ("完成指标值", Role::Final),
    ("完成值", Role::Final),
    ("增减", Role::Change(0)),
    ("变动", Role::Change(0)),
    ("年度指标值", Role::Budget),
    ("目标为", Role::Budget),
    ("计划", Role::Budget),
    ("调整后", Role::Budget),
    ("决算", Role::Final),
    ("执行", Role::Final),
    ("实际", Role::Final),
    ("支付", Role::Final),
    ("完成", Role::Final),
    ("上年", Role::Previous),
    ("去年", Role::Previous),
    ("上一年", Role::Previous),
    ("同期", Role::Previous),
    ("得分", Role::Score),
    ("得", Role::Score),
    ("总分", Role::Score),
    ("评分", Role::Score),
    ("权重", Role::Weight),
    ("分值", Role::Weight),
    ("满分", Role::Weight),
];

const NAMES: [&str; 8] = ["转移支付", "一般公共预算", "政府性基金预算", "国有资本经营预算", "部门预算", "预算绩效", "上年结转", "上年结余"];

/// Chinese numerals of a count: 两, 十二, 一百零五 (up to 9,999).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn chinese_number(s: &str) -> Option<(u32, usize)> {
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    let mut len = 0;
    for c in s.chars() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            digit = Some(d);
        } else {
            let m = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                _ => break,
            };
            total = total.saturating_add(digit.unwrap_or(1).saturating_mul(m));
            digit = None;
        }
        len += c.len_utf8();
    }
    if len == 0 {
        return None;
    }
    Some((total.saturating_add(digit.unwrap_or(0)), len))
}

const CLAUSE_ENDS: [char; 11] = ['，', ',', '；', ';', '：', ':', '、', '（', '(', '\n', '\t'];

/// Where the clause holding byte `at` starts, not before `floor`.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn clause_start(text: &str, at: usize, floor: usize) -> usize {
    let b = text.as_bytes();
    let mut i = at;
    while i > floor {
        let Some(c) = text[floor..i].chars().next_back() else { break };
        let j = i - c.len_utf8();
        // a comma between digits is a thousands separator, not a clause's end
        let separator = c == ',' && j > 0 && b[j - 1].is_ascii_digit() && b.get(i).is_some_and(u8::is_ascii_digit);
        if CLAUSE_ENDS.contains(&c) && !separator {
            return i;
        }
        i = j;
    }
    floor
}

/// What the words of a clause before a figure say it is.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn role_of(before: &str, unit: Unit) -> Role {
    // names of kinds of money that hold a role word: 转移支付 is no payment made
    let masked;
    let before = if NAMES.iter().any(|n| before.contains(n)) {
        let mut m = before.to_string();
        for n in NAMES {
            m = m.replace(n, &"_".repeat(n.len()));
        }
        masked = m;
        masked.as_str()
    } else {
        before
    };
    let mut best: Option<(usize, usize, Role)> = None;
    for (w, r) in ROLE_WORDS {
        if let Some(p) = before.rfind(w) {
            let end = p + w.len();
            // the word nearest the figure wins; at one place the longer word
            if best.is_none_or(|(e, l, _)| end > e || (end == e && w.len() > l)) {
                best = Some((end, w.len(), r));
            }
        }
    }
    let mut role = best.map_or(Role::Subject, |b| b.2);
    // "支出预算800.00万元", "预算8.00万元": 预算 right before the figure names it a budget
    if role == Role::Subject && before.trim_end().ends_with("预算") {
        role = Role::Budget;
    }
    // a template's two words, "增长（减少）", "增加（减少）-64.80", and "增减变化": the sign says which
    if let Role::Change(_) = role {
        let tail = &before[best.map_or(0, |b| b.0)..];
        let paired = ["（减少）", "（下降）", "（增加）", "（增长）", "(减少)", "(下降)", "(增加)", "(增长)"].iter().any(|w| before.ends_with(w) || tail.trim_start().starts_with(w));
        if paired || before.contains("增减") || before.contains("变动") {
            role = Role::Change(0);
        }
    }
    // "比上年决算数2,890.10万元", "上年决算数为1,150.00万元", "较2022年的2.50亿元": last year's
    // figure, whatever it is
    let year_before = ["较", "比", "与"].iter().any(|w| before.match_indices(w).any(|(p, _)| {
        let after = &before[p + w.len()..];
        let n = after.bytes().take_while(u8::is_ascii_digit).count();
        n == 4 && after[n..].starts_with('年')
    }));
    if matches!(role, Role::Subject | Role::Budget | Role::Final) && (year_before || ["上年", "去年", "上一年", "同期"].iter().any(|w| before.contains(w))) {
        role = Role::Previous;
    }
    match (role, unit) {
        // "得分 9.95" without 分 is still a score; a score word before an amount is not
        (Role::Score | Role::Weight, Unit::Money(_) | Unit::Percent | Unit::Count(_)) => Role::Subject,
        (Role::Share | Role::Variance | Role::Rate(_), Unit::Money(_) | Unit::Count(_)) => {
            // "占地面积…" or "执行数": a rate word before an amount says nothing of it
            let r = best.map_or(Role::Subject, |b| b.2);
            if matches!(r, Role::Rate("执行率")) { Role::Final } else { Role::Subject }
        }
        (r, _) => r,
    }
}

/// Every figure of one sentence `[from, to)` of the reading text.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn read(text: &str, from: usize, to: usize, sentence: usize, out: &mut Vec<Fig>) {
    let b = text.as_bytes();
    let mut i = from;
    while i < to {
        let c = b[i];
        let digit_start = c.is_ascii_digit() && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.' || b[i - 1] == b'_'));
        if digit_start {
            let start = i;
            // a comma is a thousands separator only before exactly three digits: "1,505.70"
            let separator = |i: usize| b[i] == b',' && i + 3 < to && b[i + 1..i + 4].iter().all(u8::is_ascii_digit) && !(i + 4 < to && b[i + 4].is_ascii_digit());
            while i < to && (b[i].is_ascii_digit() || (b[i] == b'.' && i + 1 < to && b[i + 1].is_ascii_digit()) || separator(i)) {
                i += 1;
            }
            let neg = start > from && b[start - 1] == b'-' && !(start > from + 1 && b[start - 2].is_ascii_digit());
            let Some(mut figure) = parse_decimal(&text[start..i]) else { continue };
            if neg {
                figure.value = -figure.value;
            }
            let num_start = if neg { start - 1 } else { start };
            // "（2）", "(3)": a list's number
            if start > from && matches!(text[..start].chars().next_back(), Some('（' | '(')) && matches!(text[i..].chars().next(), Some('）' | ')')) {
                continue;
            }
            push(text, num_start, start, i, to, figure, sentence, from, out);
        } else if c >= 0x80 {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if "两一二三四五六七八九十".contains(ch) && !text[from..i].ends_with('第') {
                if let Some((n, len)) = chinese_number(&text[i..to]) {
                    let after = &text[i + len..to];
                    if let Some((u, unit)) = UNITS.iter().find(|(u, _)| after.starts_with(u)) {
                        if matches!(unit, Unit::Count(_)) && !after[u.len()..].starts_with(|c: char| NOT_COUNT_AFTER.contains(c)) {
                            let figure = Figure { value: Decimal::from(n), decimals: 0 };
                            let end = i + len + u.len();
                            let clause = clause_start(text, i, from);
                            out.push(Fig { figure, unit: *unit, start: i, end, cmp: None, role: role_of(&text[clause..i], *unit), clause, sentence });
                            i = end;
                            continue;
                        }
                    }
                }
            }
            i += ch.len_utf8();
        } else {
            i += 1;
        }
    }
}

#[allow(clippy::too_many_arguments)]
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn push(text: &str, num_start: usize, digits: usize, num_end: usize, to: usize, figure: Figure, sentence: usize, from: usize, out: &mut Vec<Fig>) {
    let after = &text[num_end..to];
    let (unit, len) = match UNITS.iter().find(|(u, _)| after.starts_with(u)) {
        Some((u, Unit::Count(name))) if after[u.len()..].starts_with(|c: char| NOT_COUNT_AFTER.contains(c)) => {
            let _ = name;
            (Unit::Other, 0)
        }
        Some((_, Unit::Score)) if after.starts_with("分别") || after.starts_with("分之") => (Unit::Other, 0),
        Some((u, unit)) => (*unit, u.len()),
        // a table cell's bare amount: "年度预算总额\t500.00\t其中：财政拨款\t500.00"
        None if figure.decimals == 2 && text[..num_start].ends_with('\t') && (after.is_empty() || after.starts_with(['\t', '\n'])) => (Unit::Money(4), 0),
        None => (Unit::Other, 0),
    };
    let rest = &text[num_end + len..to];
    let rest = rest.strip_prefix("（含）").or_else(|| rest.strip_prefix("(含)")).unwrap_or(rest);
    // a threshold, not an amount: "单价100万元以上设备", "50人以下"
    let unit = if ["以上", "以下", "及以上", "及以下", "以内"].iter().any(|w| rest.starts_with(w)) { Unit::Other } else { unit };
    let before = &text[from..num_start];
    let cmp = before
        .trim_end()
        .chars()
        .next_back()
        .filter(|c| matches!(c, '≤' | '≥' | '<' | '>' | '=' | '＜' | '＞'))
        .map(|c| match c {
            '<' | '＜' => if before.trim_end().ends_with("<=") { '≤' } else { '<' },
            '>' | '＞' => if before.trim_end().ends_with(">=") { '≥' } else { '>' },
            '=' if before.trim_end().ends_with("<=") => '≤',
            '=' if before.trim_end().ends_with(">=") => '≥',
            c => c,
        })
        .or_else(|| ["不低于", "不少于", "不小于", "大于等于"].iter().any(|w| before.ends_with(w)).then_some('≥'))
        .or_else(|| ["不高于", "不超过", "不大于", "小于等于", "控制在"].iter().any(|w| before.ends_with(w)).then_some('≤'))
        .or_else(|| ["大于", "高于", "超过"].iter().any(|w| before.ends_with(w)).then_some('>'))
        .or_else(|| ["小于", "低于"].iter().any(|w| before.ends_with(w)).then_some('<'))
        .or_else(|| before.ends_with("等于").then_some('='));
    let mut clause = clause_start(text, num_start, from);
    // "增长（减少）120.40万元": a template's bracketed second word belongs to the clause before it
    let open = text[..clause].chars().next_back().filter(|c| matches!(c, '（' | '('));
    if let Some(o) = open {
        let inner = text[clause..num_start].trim_end();
        if ["减少）", "下降）", "增加）", "增长）", "减少)", "下降)", "增加)", "增长)"].iter().any(|w| inner.ends_with(w)) && clause - o.len_utf8() > from {
            clause = clause_start(text, clause - o.len_utf8(), from);
        }
    }
    let role = role_of(&text[clause..num_start], unit);
    let _ = digits;
    out.push(Fig { figure, unit, start: num_start, end: num_end + len, cmp, role, clause, sentence });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(t: &str) -> Vec<Fig> {
        let mut out = Vec::new();
        read(t, 0, t.len(), 0, &mut out);
        out
    }

    #[test]
    fn units_roles_and_signs() {
        let f = figs("本年支出38,349.81万元，比上年减少8,214.09万元，下降17.57%，预决算差异率-46.53%，占本年支出合计的19.88%");
        let got: Vec<(String, Unit, Role)> = f.iter().map(|f| (f.value().to_string(), f.unit, f.role)).collect();
        assert_eq!(
            got,
            [
                ("38349.81".to_string(), Unit::Money(4), Role::Subject),
                ("8214.09".into(), Unit::Money(4), Role::Change(-1)),
                ("17.57".into(), Unit::Percent, Role::Change(-1)),
                ("-46.53".into(), Unit::Percent, Role::Variance),
                ("19.88".into(), Unit::Percent, Role::Share),
            ]
        );
    }

    #[test]
    fn counts_in_chinese_and_list_markers() {
        let f = figs("共两个项目，其中十二条，一次性支出，1.科学技术支出");
        let got: Vec<(String, Unit)> = f.iter().map(|f| (f.value().to_string(), f.unit)).collect();
        assert_eq!(got, [("2".to_string(), Unit::Count("个")), ("12".into(), Unit::Count("条")), ("1".into(), Unit::Other)]);
        let f = figs("年度指标值<=8.90万元，实际2.22万元");
        assert_eq!((f[0].cmp, f[1].cmp, f[1].role), (Some('≤'), None, Role::Final));
    }
}
