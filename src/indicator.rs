//! One performance indicator (绩效指标): read its target (年度指标值) and actual (实际完成值) as
//! people write them, decide its kind (正向 / 反向 / 等于0 / 定性 / 日期) and its completion rate.
//! Scoring the completion is `scoring.rs`'s job.

use crate::number::{normalize, parse_decimal, ratio, Figure};
use rust_decimal::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Ge => "≥",
            Comparator::Gt => ">",
            Comparator::Le => "≤",
            Comparator::Lt => "<",
            Comparator::Eq => "=",
        }
    }
}

/// A calendar day; enough for deadlines (`2023.12.31`, Excel serial 44561).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Quantity { cmp: Option<Comparator>, number: Figure, unit: String },
    Date { cmp: Option<Comparator>, day: Day },
    /// an Excel date serial: a date if the other side is one, else a plain number
    Serial { number: Figure, day: Day },
    Qualitative(String),
}

/// Operators as written, longest first: `> =` (stray space) is folded before this.
const OPERATORS: &[(&str, Comparator)] = &[
    (">=", Comparator::Ge),
    ("=>", Comparator::Ge),
    ("≥", Comparator::Ge),
    ("≧", Comparator::Ge),
    ("大于等于", Comparator::Ge),
    ("不低于", Comparator::Ge),
    ("不少于", Comparator::Ge),
    ("<=", Comparator::Le),
    ("=<", Comparator::Le),
    ("≤", Comparator::Le),
    ("≦", Comparator::Le),
    ("小于等于", Comparator::Le),
    ("不高于", Comparator::Le),
    ("不超过", Comparator::Le),
    ("不多于", Comparator::Le),
    (">", Comparator::Gt),
    ("大于", Comparator::Gt),
    ("<", Comparator::Lt),
    ("小于", Comparator::Lt),
    ("=", Comparator::Eq),
    ("等于", Comparator::Eq),
];

/// The operator when it stands in its own column (指标性质): `≥`, `=`, `≤`, 正向, 反向.
pub fn parse_operator_column(text: &str) -> Result<Option<Comparator>, String> {
    let t = normalize(text).replace(' ', "");
    if t.is_empty() {
        return Ok(None);
    }
    match t.as_str() {
        "正向" | "正向指标" => return Ok(Some(Comparator::Ge)),
        "反向" | "反向指标" => return Ok(Some(Comparator::Le)),
        _ => {}
    }
    OPERATORS
        .iter()
        .find(|(s, _)| *s == t)
        .map(|(_, c)| Some(*c))
        .ok_or_else(|| format!("无法识别指标性质“{}”，可填 ≥、≤、=、正向、反向", text.trim()))
}

/// Units written as words in some provinces' templates.
fn canonical_unit(unit: &str) -> String {
    match unit {
        "百分比" | "百分率" | "％" => "%".into(),
        "公里" => "千米".into(),
        "个百分点" => "%".into(),
        u => u.to_string(),
    }
}

/// Reads a target or actual value. `Ok(None)` for a blank cell; `Err` with a Chinese message
/// for what looks numeric but cannot be read (OCR noise): never guess.
pub fn parse_value(text: &str) -> Result<Option<Value>, String> {
    let t = normalize(text);
    if t.is_empty() {
        return Ok(None);
    }
    // `> =90%` (a stray space inside the operator)
    let folded: std::borrow::Cow<str> = if t.contains('=') && (t.contains(" =") || t.contains("= ")) { t.replace("> =", ">=").replace("< =", "<=").replace("= >", "=>").into() } else { (&*t).into() };
    // no operator starts with a digit, and most values do
    let operator = if folded.starts_with(|c: char| c.is_ascii_digit()) { None } else { OPERATORS.iter().find(|(s, _)| folded.starts_with(s)) };
    let (cmp, rest) = match operator {
        Some((s, c)) => (Some(*c), folded[s.len()..].trim()),
        None => (None, &*folded),
    };
    if let Some(day) = parse_day(rest) {
        return Ok(Some(Value::Date { cmp, day }));
    }
    // `12月底前`, `6月30日前`: a deadline without its year, not the number 12
    if (rest.contains('月') || rest.starts_with('年') || rest.starts_with("本年") || rest.starts_with("当年")) && deadline_in(rest, 2000).is_some() {
        return Ok(Some(Value::Qualitative(t.into_owned())));
    }
    match split_number(rest) {
        Some((number, unit)) => {
            let unit = unit.trim();
            if unit.starts_with(['O', 'o', 'l', 'I']) {
                if let Some(n) = digits_from_letters(&t) {
                    return Err(format!("“{}”中夹有字母，是否为 {n}？请改为数字", text.trim()));
                }
            }
            if unit_is_plausible(unit) {
                if cmp.is_none() && unit.is_empty() && number.decimals == 0 {
                    if let Some(day) = excel_serial(number.value) {
                        return Ok(Some(Value::Serial { number, day }));
                    }
                }
                return Ok(Some(Value::Quantity { cmp, number, unit: canonical_unit(unit) }));
            }
            if looks_like_noise(unit) {
                return Err(format!("无法读取“{}”：数字后跟着数字或符号，可能是扫描识别错误，请核对后重填", text.trim()));
            }
            if let Some(n) = digits_from_letters(&t) {
                return Err(format!("“{}”中夹有字母，是否为 {n}？请改为数字", text.trim()));
            }
            // `7×24小时运维保障服务响应`: starts with a digit but is a description.
            Ok(Some(Value::Qualitative(t.into_owned())))
        }
        None if cmp.is_some() && rest.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '.') => {
            Err(format!("无法读取“{}”中的数值，请核对后重填", text.trim()))
        }
        None => match digits_from_letters(rest) {
            Some(n) => Err(format!("“{}”中夹有字母，是否为 {}？请改为数字", text.trim(), digits_from_letters(&t).unwrap_or(n))),
            None if cmp.is_some() => Ok(Some(Value::Qualitative(rest.to_string()))),
            None => Ok(Some(Value::Qualitative(t.into_owned()))),
        },
    }
}

fn split_number(s: &str) -> Option<(Figure, &str)> {
    let end = s
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || *c == '.' || *c == ',' || (*i == 0 && *c == '-')))
        .map_or(s.len(), |(i, _)| i);
    if end == 0 {
        return None;
    }
    let num = s[..end].trim_end_matches(['.', ',']);
    let figure = parse_decimal(num)?;
    Some((figure, &s[num.len()..]))
}

/// A unit is a short word: `家`, `%`, `万元`, `元/人次`, `万吨/年`, `个月`, `平方千米`.
fn unit_is_plausible(unit: &str) -> bool {
    let n = unit.chars().count();
    n <= 6 && !unit.chars().any(|c| c.is_ascii_digit() || c == '×' || c == '*' || c == ' ' || c == '，' || c == ',')
}

fn looks_like_noise(unit: &str) -> bool {
    let first = unit.trim_start().chars().next();
    first.is_some_and(|c| c.is_ascii_digit() || c == '%' || c == '.' || c == ' ')
        || unit.trim().chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// `2023.12.31`, `2023-12-31`, `2023年12月31日`, with `前`/`以前`/`之前` after it (a
/// deadline), and `2023年底`, `2023年6月底`.
fn parse_day(s: &str) -> Option<Day> {
    // every date starts with its year or month: most values are not dates
    if !s.trim_start().starts_with(|c: char| c.is_ascii_digit()) || !s.contains(['.', '-', '/', '年']) {
        return None;
    }
    let s = strip_before(s);
    if let Some(y) = s.strip_suffix("年底").or_else(|| s.strip_suffix("年末")) {
        return year_of(y).map(|year| Day { year, month: 12, day: 31 });
    }
    if let Some(ym) = s.strip_suffix("月底").or_else(|| s.strip_suffix("月末")) {
        let (y, m) = ym.split_once('年')?;
        let (year, month) = (year_of(y)?, m.parse().ok().filter(|m| (1..=12).contains(m))?);
        return Some(Day { year, month, day: days_in_month(year, month) });
    }
    let s = s.trim_end_matches(['日', '号']);
    let mut parts = s.split(['.', '-', '/', '年', '月']).filter(|p| !p.is_empty());
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let year = year_of(y)?;
    let month: u32 = m.parse().ok()?;
    let day: u32 = d.parse().ok()?;
    (1..=12).contains(&month).then_some(())?;
    (1..=days_in_month(year, month)).contains(&day).then_some(Day { year, month, day })
}

fn strip_before(s: &str) -> &str {
    let mut s = s.trim();
    while let Some(r) = ["以前", "之前", "前", "以内", "内"].iter().find_map(|w| s.strip_suffix(w)) {
        s = r.trim_end();
    }
    s
}

fn year_of(y: &str) -> Option<i32> {
    (y.len() == 4).then(|| y.parse().ok()).flatten()
}

/// A deadline written without its year (`年底前`, `年内`, `6月30日前`, `12月底前`), in `year`.
pub fn deadline_in(text: &str, year: i32) -> Option<Day> {
    let n = normalize(text);
    let s = strip_before(&n);
    if matches!(s, "年底" | "年末" | "年" | "本年" | "本年度" | "年度" | "当年") {
        return Some(Day { year, month: 12, day: 31 });
    }
    parse_day(&format!("{year}年{s}"))
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Excel's day numbers (1900 system; 44561 = 2021-12-31), for the range a deadline falls in.
pub fn excel_serial(n: Decimal) -> Option<Day> {
    let n = n.to_i64()?;
    if !(36526..=73051).contains(&n) {
        return None; // 2000-01-01 ..= 2099-12-31
    }
    // days since 1899-12-30 (Excel's leap-year bug only matters before March 1900)
    let mut days = n - 36526; // days since 2000-01-01
    let mut year = 2000;
    loop {
        let len = if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 { 366 } else { 365 };
        if days < len {
            break;
        }
        days -= len;
        year += 1;
    }
    let mut month = 1;
    loop {
        let len = days_in_month(year, month) as i64;
        if days < len {
            break;
        }
        days -= len;
        month += 1;
    }
    Some(Day { year, month, day: days as u32 + 1 })
}

/// The kind of an indicator, from its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 正向: ≥, >, and = by default
    Positive,
    /// 反向: ≤, <
    Reverse,
    /// 等于0 (`=0起` accidents)
    Zero,
    /// 定性
    Qualitative,
    /// a deadline
    Date,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Positive => "正向",
            Kind::Reverse => "反向",
            Kind::Zero => "等于0",
            Kind::Qualitative => "定性",
            Kind::Date => "日期",
        }
    }
}

/// The completion level of a 定性 indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Achieved,
    Partly,
    NotAchieved,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Achieved => "达成",
            Level::Partly => "部分达成",
            Level::NotAchieved => "未达成",
        }
    }

    pub fn parse(text: &str) -> Option<Level> {
        match text.trim() {
            "达成" => Some(Level::Achieved),
            "部分达成" => Some(Level::Partly),
            "未达成" => Some(Level::NotAchieved),
            _ => None,
        }
    }
}

/// SPEC §5.3: text equal to the target, or containing 达到/达成/完成 without 未 or 部分, is 达成;
/// and the words units write for outcomes. Returns the level and the word it was read from
/// (None when the text is a level or the target itself, nothing to show).
pub fn qualitative_level(target: &str, actual: &str) -> Option<(Level, Option<&'static str>)> {
    let a = normalize(actual);
    let t = normalize(target);
    if let Some(l) = Level::parse(&a) {
        return Some((l, None));
    }
    if a == t {
        return Some((Level::Achieved, None));
    }
    let word = |words: &[&'static str]| words.iter().copied().find(|w| a.contains(w));
    // most results say only that it was met ("完全达到预期"): without a character that could turn
    // the meaning (未, 不, 部分, 基本, 有所, 滞后 …) the words below cannot change the reading
    if !a.chars().any(|c| "未不没滞延逾无部基有略一初欠零杜".contains(c)) && !a.contains('0') {
        if let Some(w) = word(MET) {
            return Some((Level::Achieved, Some(w).filter(|w| !SPEC_WORDS.contains(w))));
        }
    }
    // "不发生安全事故" met by "未发生": an absence is the outcome, not a shortfall
    const AVOID_TARGET: &[&str] = &["不发生", "无", "杜绝", "零", "避免", "不出现", "0起", "0次", "0例"];
    const AVOIDED: &[&str] = &["未发生", "未出现", "没有发生", "无", "零", "0起", "0次", "0例", "杜绝"];
    if AVOID_TARGET.iter().any(|w| t.contains(w)) {
        if let Some(w) = word(AVOIDED) {
            return Some((Level::Achieved, Some(w)));
        }
    }
    // a result said to be weak ("提高不明显", "保障不到位") is not read as met or missed: asked
    if word(&["不明显", "无明显", "不到位", "不够", "不理想", "不足", "欠缺", "未见", "不高", "不好", "不显著"]).is_some() {
        return None;
    }
    if let Some(w) = word(&["不达标", "不合格", "不符合", "滞后", "延期", "逾期", "无法", "未达到", "未达成", "未完成", "未实现", "没有完成"]) {
        return Some((Level::NotAchieved, Some(w)));
    }
    // "降低" met by "有所下降": a direction without a size is met by any move that way
    const UP: &[&str] = &["提高", "提升", "增加", "增长", "增强", "改善", "扩大", "加强"];
    const DOWN: &[&str] = &["降低", "下降", "减少", "压缩", "缩短", "减轻"];
    let sized = ["显著", "明显", "大幅", "大力", "全面"].iter().any(|w| t.contains(w));
    if !sized {
        for way in [UP, DOWN] {
            if way.iter().any(|w| t.contains(w)) {
                if let Some(w) = word(way) {
                    return Some((Level::Achieved, Some(w)));
                }
            }
        }
    }
    if let Some(w) = word(&["部分", "基本", "有所", "略有", "一定程度", "初步"]) {
        return Some((Level::Partly, Some(w)));
    }
    // "未出现投诉" against a target that is not about avoiding something: not a shortfall, asked
    if word(&["未发生", "未出现", "没有发生", "没有出现"]).is_some() {
        return None;
    }
    if let Some(w) = word(&["未", "没有"]) {
        return Some((Level::NotAchieved, Some(w)));
    }
    word(MET).map(|w| (Level::Achieved, Some(w).filter(|w| !SPEC_WORDS.contains(w))))
}

/// SPEC §5.3's words for 达成: they need no explanation; the others are shown as the reading.
const SPEC_WORDS: [&str; 4] = ["达到", "达成", "完成", "实现"];
const MET: &[&str] = &[
    "达到", "达成", "完成", "实现", "达标", "显著", "明显", "提高", "提升", "改善", "增强", "有效", "良好", "优良", "满意", "合格", "按期", "按时", "如期", "全部", "全面",
    "稳步", "持续", "确保", "保障", "符合", "到位", "落实", "已",
];

/// Letters typed for digits (`1O0`, `l2`): the number it probably is, to ask about, never to use.
pub fn digits_from_letters(text: &str) -> Option<String> {
    let t = normalize(text);
    // `IOO%` has no digit, but only a number is written that way before a %
    let numeric = t.chars().any(|c| c.is_ascii_digit()) || (t.ends_with('%') && t.len() > 1);
    if !numeric || !t.chars().any(|c| matches!(c, 'O' | 'o' | 'l' | 'I')) {
        return None;
    }
    let fixed: String = t.chars().map(|c| match c {
        'O' | 'o' => '0',
        'l' | 'I' => '1',
        c => c,
    }).collect();
    match parse_value(&fixed) {
        Ok(Some(Value::Quantity { .. })) => Some(fixed),
        _ => None,
    }
}

/// The obvious unit families (SPEC §5.2): a factor to a base unit of the family.
fn unit_factor(unit: &str) -> Option<(&'static str, Decimal)> {
    Some(match unit {
        "元" => ("money", Decimal::ONE),
        "万元" => ("money", Decimal::from(10_000)),
        "亿元" => ("money", Decimal::from(100_000_000)),
        "米" => ("length", Decimal::ONE),
        "千米" => ("length", Decimal::from(1_000)),
        "分钟" => ("time", Decimal::ONE),
        "小时" => ("time", Decimal::from(60)),
        "天" | "日" => ("time", Decimal::from(1_440)),
        _ => return None,
    })
}

/// Converts `value` in `from` to the unit `to`; None when they are not the same unit family.
pub fn convert(value: Decimal, from: &str, to: &str) -> Option<Decimal> {
    if from == to || from.is_empty() || to.is_empty() {
        return Some(value);
    }
    let (fam_f, f) = unit_factor(from)?;
    let (fam_t, t) = unit_factor(to)?;
    if fam_f != fam_t {
        return None;
    }
    ratio(value.checked_mul(f)?, t)
}

/// Completion of a quantitative indicator as a fraction (1 = 100%), uncapped; None when the
/// quotient is beyond any figure (a target of 0.000000001 亿元 against billions).
pub fn completion(kind: Kind, target: Decimal, actual: Decimal) -> Option<Decimal> {
    match kind {
        Kind::Positive => {
            if target.is_zero() {
                Some(if actual >= Decimal::ZERO { Decimal::ONE } else { Decimal::ZERO })
            } else {
                ratio(actual, target)
            }
        }
        Kind::Reverse => {
            if actual <= Decimal::ZERO {
                Some(Decimal::ONE)
            } else {
                ratio(target, actual)
            }
        }
        Kind::Zero => Some(if actual <= Decimal::ZERO { Decimal::ONE } else { Decimal::ZERO }),
        Kind::Qualitative | Kind::Date => Some(Decimal::ONE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> (Option<Comparator>, Decimal, String) {
        match parse_value(text).unwrap().unwrap() {
            Value::Quantity { cmp, number, unit } => (cmp, number.value, unit),
            other => panic!("{text}: {other:?}"),
        }
    }
    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn every_value_form_in_the_seeds_parses() {
        use Comparator::*;
        assert_eq!(q(">=20家"), (Some(Ge), d("20"), "家".into()));
        assert_eq!(q("≥12次"), (Some(Ge), d("12"), "次".into()));
        assert_eq!(q("> =90%"), (Some(Ge), d("90"), "%".into()));
        assert_eq!(q(">=203964万元"), (Some(Ge), d("203964"), "万元".into()));
        assert_eq!(q("<=5.6万元"), (Some(Le), d("5.6"), "万元".into()));
        assert_eq!(q("≤8.9万元"), (Some(Le), d("8.9"), "万元".into()));
        assert_eq!(q("<=8 小时"), (Some(Le), d("8"), "小时".into()));
        assert_eq!(q("=100%"), (Some(Eq), d("100"), "%".into()));
        assert_eq!(q("=0起"), (Some(Eq), d("0"), "起".into()));
        assert_eq!(q("=300元/人次"), (Some(Eq), d("300"), "元/人次".into()));
        assert_eq!(q("=300元/人/半天"), (Some(Eq), d("300"), "元/人/半天".into()));
        assert_eq!(q("40家"), (None, d("40"), "家".into()));
        assert_eq!(q("108.223 万元"), (None, d("108.223"), "万元".into()));
        assert_eq!(q("95.83%"), (None, d("95.83"), "%".into()));
        assert_eq!(q("=3万吨/年"), (Some(Eq), d("3"), "万吨/年".into()));
        assert_eq!(q(">=140平方千米"), (Some(Ge), d("140"), "平方千米".into()));
        assert_eq!(q("=2 次"), (Some(Eq), d("2"), "次".into()));
        assert_eq!(q("≥100百分比"), (Some(Ge), d("100"), "%".into()));
        assert_eq!(q("＞＝９０％"), (Some(Ge), d("90"), "%".into()));
        assert_eq!(q("22.5"), (None, d("22.5"), "".into()));
    }

    #[test]
    fn dates_qualitative_and_noise() {
        assert_eq!(
            parse_value("2023.12.31").unwrap(),
            Some(Value::Date { cmp: None, day: Day { year: 2023, month: 12, day: 31 } })
        );
        assert!(matches!(parse_value("44561").unwrap(), Some(Value::Serial { day: Day { year: 2021, month: 12, day: 31 }, .. })));
        for t in ["稳步增长", "有效确保", "完全达到预期", "完全达到预期目标", "L2", "7×24小时运维保障服务响应"] {
            assert_eq!(parse_value(t).unwrap(), Some(Value::Qualitative(t.into())), "{t}");
        }
        assert!(parse_value("2 90%").is_err());
        // deadlines as people write them
        let day = |y, m, d| Some(Value::Date { cmp: None, day: Day { year: y, month: m, day: d } });
        assert_eq!(parse_value("2023年12月31日前").unwrap(), day(2023, 12, 31));
        assert_eq!(parse_value("2023年6月30日以前").unwrap(), day(2023, 6, 30));
        assert_eq!(parse_value("2023年底前").unwrap(), day(2023, 12, 31));
        assert_eq!(parse_value("2024年2月底").unwrap(), day(2024, 2, 29));
        assert_eq!(deadline_in("年底前", 2023), Some(Day { year: 2023, month: 12, day: 31 }));
        assert_eq!(deadline_in("6月30日前", 2023), Some(Day { year: 2023, month: 6, day: 30 }));
        assert_eq!(deadline_in("11月底之前", 2023), Some(Day { year: 2023, month: 11, day: 30 }));
        assert_eq!(deadline_in("稳步增长", 2023), None);
        // letters for digits: asked about, never read
        let e = parse_value("1O0").unwrap_err();
        assert!(e.contains("是否为 100？"), "{e}");
        assert!(parse_value(">=l2次").unwrap_err().contains("是否为 >=12次？"));
        assert_eq!(parse_value("ISO9001认证").unwrap(), Some(Value::Qualitative("ISO9001认证".into())));
        assert_eq!(parse_value("L2").unwrap(), Some(Value::Qualitative("L2".into())));
        assert!(parse_value("98.5O%").unwrap_err().contains("是否为 98.50%？"));
        assert!(parse_value("IOO%").unwrap_err().contains("是否为 100%？"));
        assert_eq!(parse_value("12月底前").unwrap(), Some(Value::Qualitative("12月底前".into())));
        assert!(parse_value(">=9.0.1%").is_err());
        assert_eq!(parse_value("  ").unwrap(), None);
    }

    #[test]
    fn excel_serials() {
        assert_eq!(excel_serial(d("44561")), Some(Day { year: 2021, month: 12, day: 31 }));
        assert_eq!(excel_serial(d("45291")), Some(Day { year: 2023, month: 12, day: 31 }));
        assert_eq!(excel_serial(d("36526")), Some(Day { year: 2000, month: 1, day: 1 }));
        assert_eq!(excel_serial(d("100")), None);
    }

    #[test]
    fn levels() {
        let level = |t: &str, a: &str| qualitative_level(t, a).map(|r| r.0);
        assert_eq!(level("有效确保", "完全达到预期目标"), Some(Level::Achieved));
        assert_eq!(qualitative_level("有效提高", "有效提高"), Some((Level::Achieved, None)));
        assert_eq!(level("L2", "L2"), Some(Level::Achieved));
        assert_eq!(level("显著提高", "部分达到"), Some(Level::Partly));
        assert_eq!(level("显著提高", "未达到预期"), Some(Level::NotAchieved));
        assert_eq!(level("显著提高", "一般"), None);
        // the words units write, and the word shown as the reading
        for a in ["显著提高", "达标", "按期完成", "全部完成", "明显改善", "已落实"] {
            assert_eq!(level("有效提升", a), Some(Level::Achieved), "{a}");
        }
        assert_eq!(qualitative_level("显著提高", "达标"), Some((Level::Achieved, Some("达标"))));
        assert_eq!(qualitative_level("显著提高", "有所提升"), Some((Level::Partly, Some("有所"))));
        assert_eq!(level("显著提高", "基本完成"), Some(Level::Partly));
        assert_eq!(level("按期完成", "工期滞后"), Some(Level::NotAchieved));
        // an absence met is met
        assert_eq!(level("不发生重大安全事故", "未发生"), Some(Level::Achieved));
        assert_eq!(level("=0起", "未发生"), Some(Level::Achieved));
        assert_eq!(level("显著提高", "未发生变化"), None);
        // weak results are asked about; directions without a size are met by a move that way
        for a in ["提高不明显", "效果不明显", "无明显改善", "保障不到位"] {
            assert_eq!(level("有效提升", a), None, "{a}");
        }
        assert_eq!(level("符合标准", "不符合要求"), Some(Level::NotAchieved));
        assert_eq!(level("群众投诉率降低", "有所下降"), Some(Level::Achieved));
        assert_eq!(level("显著降低", "有所下降"), Some(Level::Partly));
        assert_eq!(level("群众投诉率降低", "未出现投诉"), None);
    }

    #[test]
    fn operator_column() {
        assert_eq!(parse_operator_column("≥").unwrap(), Some(Comparator::Ge));
        assert_eq!(parse_operator_column("反向").unwrap(), Some(Comparator::Le));
        assert!(parse_operator_column("大约").is_err());
    }

    #[test]
    fn completions() {
        assert_eq!(completion(Kind::Positive, d("90"), d("100")).map(|c| c.round_dp(4)), Some(d("1.1111")));
        assert_eq!(completion(Kind::Reverse, d("5.6"), d("0")), Some(d("1")));
        assert_eq!(completion(Kind::Zero, d("0"), d("1")), Some(d("0")));
        // beyond any figure: not computed (a panic would kill the page)
        assert_eq!(completion(Kind::Positive, d("0.0000000000001"), d("99999999999999999999")), None);
        assert_eq!(convert(d("79228162514264337593543950335"), "亿元", "元"), None);
        assert_eq!(convert(d("108.223"), "万元", "元"), Some(d("1082230")));
        assert_eq!(convert(d("1"), "元/人次", "元/人/半天"), None);
    }
}
