//! Amounts, rates and scores: parse what people type and paste, round 四舍五入, format, and
//! decide whether a stated figure agrees with a recomputed one (equal / 尾差 / mismatch).
//! Every figure is a `Decimal`; nothing here ever goes through a float.

use rust_decimal::prelude::*;
use rust_decimal::RoundingStrategy;

/// A figure as the user wrote it, with how many decimals they wrote (the rounding interval).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub value: Decimal,
    pub decimals: u32,
}

/// Why a text is not a figure; the message is shown to the 填报人 as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberError(pub String);

pub fn hundred() -> Decimal {
    Decimal::ONE_HUNDRED
}

/// 四舍五入 to `dp` decimals (half away from zero; `round_dp` alone would round half-to-even).
pub fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

pub fn round2(d: Decimal) -> Decimal {
    round(d, 2)
}

/// `num / den`, or None when `den` is 0 or the quotient is beyond any Decimal. Every division of
/// figures goes through here or `percent`: an overflowing Decimal panics, and a panic in the wasm
/// kills the page.
#[inline(never)] // one copy of Decimal's long division in the wasm, not one per caller
pub fn ratio(num: Decimal, den: Decimal) -> Option<Decimal> {
    num.checked_div(den)
}

/// `a + b` and `a − b` for code that runs once per document: rust_decimal inlines every `+`, `−`
/// and `×` (`#[inline(always)]`), about 1 KB of wasm at each use; these keep one copy.
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Decimal {
    a + b
}

#[inline(never)]
pub fn sub(a: Decimal, b: Decimal) -> Decimal {
    a - b
}

#[inline(never)]
pub fn mul(a: Decimal, b: Decimal) -> Decimal {
    a.checked_mul(b).unwrap_or(Decimal::MAX)
}

/// `|a − b|`, kept out of line like [`add`].
#[inline(never)]
pub fn distance(a: Decimal, b: Decimal) -> Decimal {
    sub(a, b).abs()
}

/// `Σ xs`, kept out of line like [`add`].
#[inline(never)]
pub fn total(xs: &[Decimal]) -> Decimal {
    xs.iter().fold(Decimal::ZERO, |s, x| s.checked_add(*x).unwrap_or(s))
}

/// `num / den × 100`, 四舍五入 to two decimals, as a form shows a rate; None as for [`ratio`].
pub fn percent(num: Decimal, den: Decimal) -> Option<Decimal> {
    ratio(num, den)?.checked_mul(hundred()).map(round2)
}

/// One character as [`normalize`] folds it: full-width forms to ASCII, odd spaces to a space.
fn fold(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        '，' => ',',
        '－' | '−' | '–' => '-',
        '％' => '%',
        '＋' => '+',
        '＝' => '=',
        '＞' => '>',
        '＜' => '<',
        '\u{3000}' | '\u{a0}' | '\t' | '\r' | '\n' => ' ',
        _ => c,
    }
}

/// Full-width forms and stray spaces as pasted from Word, WPS and PDFs, folded to ASCII.
pub fn normalize(text: &str) -> std::borrow::Cow<'_, str> {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    // most cells have nothing to fold (plain ASCII, or Chinese words and `≥`): no copy
    if t.bytes().all(|b| b.is_ascii_graphic() || b == b' ') || t.chars().all(|c| fold(c) == c) {
        return t.into();
    }
    let out: String = t.chars().map(fold).collect();
    match out.trim() {
        t if t.len() == out.len() => out.into(),
        t => t.to_string().into(),
    }
}

/// True for the cells that mean "not applicable": blank, `—`, `-`, `－`, `/`.
pub fn is_not_applicable(text: &str) -> bool {
    let t = normalize(text);
    t.is_empty()
        || matches!(&*t, "—" | "-" | "--" | "——" | "/" | "／" | "－")
        // `基数为0，不可比`: a rate with no base (a figure is shorter than these words)
        || (t.len() >= 9 && t.contains("不可比") && !t.chars().any(|c| c.is_ascii_digit() && c != '0'))
}

const MAX_INT_DIGITS: usize = 15;
const MAX_DECIMALS: usize = 10;

/// Parses a plain decimal with optional sign and thousands separators (`1,505.70`, `-46.53`).
pub fn parse_decimal(text: &str) -> Option<Figure> {
    let t = text.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, t.strip_prefix('+').unwrap_or(t).trim_start()),
    };
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let (int_part, frac_part) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if let Some(f) = frac_part {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    if int_part.is_empty() {
        return None;
    }
    if int_part.contains(',') {
        // Separators only in groups of three: `1,2345` is a typo, not a number to guess at.
        let groups: Vec<&str> = int_part.split(',').collect();
        let first_ok = !groups[0].is_empty() && groups[0].len() <= 3;
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    // Bounded so that no sum, product or rate of figures can overflow a Decimal (a panic in the
    // page): 15 integer digits is a thousand trillion 万元; 10 decimals is beyond any table.
    let significant = int_part.bytes().filter(u8::is_ascii_digit).skip_while(|b| *b == b'0').count();
    if significant > MAX_INT_DIGITS || frac_part.is_some_and(|f| f.len() > MAX_DECIMALS) {
        return None;
    }
    // at most 25 digits: the mantissa fits an i128 and the Decimal exactly
    let mut mantissa: i128 = 0;
    for b in int_part.bytes().chain(frac_part.unwrap_or("").bytes()).filter(u8::is_ascii_digit) {
        mantissa = mantissa * 10 + i128::from(b - b'0');
    }
    if neg {
        mantissa = -mantissa;
    }
    let value = Decimal::try_from_i128_with_scale(mantissa, frac_part.map_or(0, |f| f.len() as u32)).ok()?;
    Some(Figure { value, decimals: frac_part.map_or(0, |f| f.len() as u32) })
}

fn strip_suffix_any<'a>(t: &'a str, suffixes: &[&'static str]) -> Option<(&'a str, &'static str)> {
    suffixes.iter().find_map(|s| t.strip_suffix(s).map(|rest| (rest.trim_end(), *s)))
}

/// An amount in 万元 as typed: `38,544.43`, `３８５４４．４３`, ` 6.72 `, `108.223 万元`.
/// `Ok(None)` means "not applicable" (blank, `—`); anything else unreadable is an error.
pub fn parse_amount(text: &str) -> Result<Option<Figure>, NumberError> {
    if is_not_applicable(text) {
        return Ok(None);
    }
    let t = normalize(text);
    let (body, unit) = strip_suffix_any(&t, &["万元", "亿元", "元"]).unwrap_or((&*t, ""));
    match unit {
        "元" => {
            return Err(NumberError(format!(
                "“{}”的单位是元，本表金额以万元填写（例如 1.23 万元）",
                text.trim()
            )))
        }
        "亿元" => {
            let f = parse_decimal(body).ok_or_else(|| unreadable(text, "金额"))?;
            return Ok(Some(Figure { value: f.value * Decimal::from(10_000), decimals: f.decimals.saturating_sub(4) }));
        }
        _ => {}
    }
    parse_decimal(body).map(Some).ok_or_else(|| unreadable(text, "金额"))
}

/// A rate in percent as typed: `99.74%`, `99.5 %`, `1,055.4%`, `100`. Returns the percentage
/// (99.74 for `99.74%`) with the decimals written.
pub fn parse_rate(text: &str) -> Result<Option<Figure>, NumberError> {
    if is_not_applicable(text) {
        return Ok(None);
    }
    let t = normalize(text);
    let body = t.strip_suffix('%').map(str::trim_end).unwrap_or(&t);
    parse_decimal(body).map(Some).ok_or_else(|| unreadable(text, "百分比"))
}

/// A score or weight as typed: `7.86`, `7.86分`, `10.00 分`, `22.5`.
pub fn parse_score(text: &str) -> Result<Option<Figure>, NumberError> {
    if is_not_applicable(text) {
        return Ok(None);
    }
    let t = normalize(text);
    let body = t.strip_suffix('分').map(str::trim_end).unwrap_or(&t);
    parse_decimal(body).map(Some).ok_or_else(|| unreadable(text, "分值"))
}

fn unreadable(text: &str, what: &str) -> NumberError {
    let t = text.trim();
    NumberError(match likely_number(t) {
        Some(n) => format!("无法识别“{t}”为{what}：是否为 {n}？请改正"),
        None => format!("无法识别“{t}”为{what}，请填写数字（如 1,234.56）"),
    })
}

/// What an unreadable figure was probably meant to be, to ask and never to use: letters typed
/// for digits (`1O0`), a decimal comma (`116,00`).
fn likely_number(t: &str) -> Option<String> {
    let n = normalize(t);
    let n = n.trim_end_matches(['%', '分']).trim_end();
    if n.chars().any(|c| c.is_ascii_digit()) && n.chars().any(|c| matches!(c, 'O' | 'o' | 'l' | 'I')) {
        let fixed: String = n.chars().map(|c| match c { 'O' | 'o' => '0', 'l' | 'I' => '1', c => c }).collect();
        return parse_decimal(&fixed).map(|_| fixed);
    }
    let (int, frac) = n.split_once(',')?;
    let decimal_comma = !frac.contains([',', '.']) && (1..=2).contains(&frac.len()) && frac.bytes().all(|b| b.is_ascii_digit());
    let fixed = format!("{int}.{frac}");
    (decimal_comma && parse_decimal(&fixed).is_some()).then_some(fixed)
}

/// `38,544.43`: two decimals, thousands separators.
pub fn fmt_amount(d: Decimal) -> String {
    let mut out = String::with_capacity(24);
    write_fixed2(&mut out, d);
    out
}

/// `99.74%` from the percentage 99.74.
pub fn fmt_rate(pct: Decimal) -> String {
    let mut out = String::with_capacity(24);
    write_fixed2(&mut out, pct);
    out.push('%');
    out
}

/// `89.15`
pub fn fmt_score(d: Decimal) -> String {
    fmt_amount(d)
}

/// Appends the decimal digits of `v`, with thousands separators when `grouped`.
pub fn push_digits(out: &mut String, v: u128, grouped: bool) {
    let mut digits = [0u8; 40];
    let mut n = 0;
    let mut next = |d: u8| {
        digits[n] = b'0' + d;
        n += 1;
    };
    // 64-bit division where the number allows (128-bit is slow in wasm)
    match u64::try_from(v) {
        Ok(mut v) => loop {
            next((v % 10) as u8);
            v /= 10;
            if v == 0 {
                break;
            }
        },
        Err(_) => {
            let mut v = v;
            loop {
                next((v % 10) as u8);
                v /= 10;
                if v == 0 {
                    break;
                }
            }
        }
    }
    for i in (0..n).rev() {
        out.push(digits[i] as char);
        if grouped && i > 0 && i % 3 == 0 {
            out.push(',');
        }
    }
}

/// Writes `d` 四舍五入 to two decimals with thousands separators. Every figure shown goes
/// through here, so it works on the integer mantissa rather than through `fmt`.
pub fn write_fixed2(out: &mut String, d: Decimal) {
    let mut r = round2(d);
    if r.is_sign_negative() && !r.is_zero() {
        out.push('-');
    }
    r.rescale(2);
    if r.scale() == 2 {
        let cents = r.mantissa().unsigned_abs();
        push_digits(out, cents / 100, true);
        out.push('.');
        let c = (cents % 100) as u8;
        out.push((b'0' + c / 10) as char);
        out.push((b'0' + c % 10) as char);
        return;
    }
    // too large to carry two decimals: whole units and cents apart, exact for every Decimal
    let a = r.abs();
    let mut int = a.trunc();
    int.rescale(0);
    let mut cents = (a - a.trunc()) * Decimal::ONE_HUNDRED;
    cents.rescale(0);
    let cents = cents.mantissa() as u8;
    push_digits(out, int.mantissa().unsigned_abs(), true);
    out.push('.');
    out.push((b'0' + cents / 10) as char);
    out.push((b'0' + cents % 10) as char);
}

/// How a stated figure stands against the recomputed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    Equal,
    /// Off by no more than the rounding of the terms (尾差): say so, it is not an error.
    Tail,
    Mismatch,
}

/// Compares a stated total with the sum of `terms` rounded parts; `per_term` is the tolerance
/// each rounded term may contribute (policy `rounding_tolerance`, 0.01 by default).
pub fn compare_total(stated: Decimal, computed: Decimal, terms: usize, per_term: Decimal) -> Agreement {
    let diff = (stated - computed).abs();
    if diff.is_zero() {
        Agreement::Equal
    } else if diff <= per_term * Decimal::from(terms.max(1) as u64) {
        Agreement::Tail
    } else {
        Agreement::Mismatch
    }
}

/// Half of the last written digit: the interval a rounded figure stands for.
pub fn half_unit(decimals: u32) -> Decimal {
    Decimal::new(5, decimals + 1)
}

/// Whether a stated percentage (written with `stated.decimals` decimals) can be the rounding of
/// `num / den × 100` for some num and den inside their own rounding intervals. A small base makes
/// that interval wide, which is why `99.5%` for 38,349.81 / 38,544.43 is right.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn rate_reachable(stated: Figure, num: Figure, den: Figure) -> bool {
    let (hn, hd) = (half_unit(num.decimals), half_unit(den.decimals));
    let (d_lo, d_hi) = (sub(den.value, hd), add(den.value, hd));
    if d_lo <= Decimal::ZERO && d_hi >= Decimal::ZERO {
        return false;
    }
    let (n_lo, n_hi) = (sub(num.value, hn), add(num.value, hn));
    let (mut lo, mut hi) = (None::<Decimal>, None::<Decimal>);
    for (n, d) in [(n_lo, d_lo), (n_lo, d_hi), (n_hi, d_lo), (n_hi, d_hi)] {
        let Some(q) = percent_exact(n, d) else { return false };
        lo = Some(lo.map_or(q, |l| l.min(q)));
        hi = Some(hi.map_or(q, |h| h.max(q)));
    }
    let (Some(lo), Some(hi)) = (lo, hi) else { return false };
    let hs = half_unit(stated.decimals);
    add(stated.value, hs) >= lo && sub(stated.value, hs) <= hi
}

/// `num / den × 100`, unrounded.
#[inline(never)]
pub fn percent_exact(num: Decimal, den: Decimal) -> Option<Decimal> {
    ratio(num, den)?.checked_mul(hundred())
}

#[cfg(test)]
mod tests {
    #[test]
    fn shown_to_the_cent_with_separators() {
        let d = |t: &str| t.parse::<rust_decimal::Decimal>().unwrap();
        for (v, shown) in [("1234567.891", "1,234,567.89"), ("-0.005", "-0.01"), ("-0.004", "0.00"), ("0", "0.00"), ("1.005", "1.01"), ("999.995", "1,000.00"), ("-1234.5", "-1,234.50"), ("100", "100.00"), ("79228162514264337593543950.335", "79,228,162,514,264,337,593,543,950.34")] {
            assert_eq!(fmt_amount(d(v)), shown, "{v}");
        }
        assert_eq!(fmt_rate(d("78.585")), "78.59%");
        // no room left in the mantissa for two decimals
        assert_eq!(fmt_amount(d("9999999999999999999999999999")), "9,999,999,999,999,999,999,999,999,999.00");
    }

    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn amt(s: &str) -> Decimal {
        parse_amount(s).unwrap().unwrap().value
    }

    #[test]
    fn float_traps_do_not_happen() {
        assert_eq!(round2(d("1.005")), d("1.01"));
        assert_eq!(d("0.1") + d("0.2"), d("0.3"));
        assert_eq!(d("200.05") - d("200"), d("0.05"));
        assert_eq!(round(d("21.9") / d("0.2"), 0), d("110"));
        // half away from zero, also below zero; round_dp alone would give 2.62
        assert_eq!(round2(d("2.625")), d("2.63"));
        assert_eq!(round2(d("-2.625")), d("-2.63"));
    }

    #[test]
    fn amounts_as_written_in_the_seeds() {
        assert_eq!(amt("38,544.43"), d("38544.43"));
        assert_eq!(amt("38544.43"), d("38544.43"));
        assert_eq!(amt("３８５４４．４３"), d("38544.43"));
        assert_eq!(amt(" 6.72 "), d("6.72"));
        assert_eq!(amt("108.223 万元"), d("108.223"));
        assert_eq!(amt("1,505.70"), d("1505.70"));
        assert_eq!(amt("-46.53"), d("-46.53"));
        assert_eq!(amt("2,180.00"), d("2180"));
        assert_eq!(amt("0.00"), d("0"));
        assert_eq!(amt("38.1859 万元"), d("38.1859"));
        assert_eq!(amt("1.2亿元"), d("12000"));
        assert_eq!(parse_amount("108.223 万元").unwrap().unwrap().decimals, 3);
    }

    #[test]
    fn not_applicable_is_not_zero() {
        for t in ["", "  ", "—", "-", "－", "——", "/"] {
            assert_eq!(parse_amount(t).unwrap(), None, "{t:?}");
        }
    }

    #[test]
    fn garbage_is_rejected_with_a_chinese_message() {
        for t in ["abc", "1,2345", "12..3", "1.2.3", "1。5", "12万", ".5", "5.", "3500元"] {
            let e = parse_amount(t).unwrap_err();
            assert!(e.0.contains(t.trim()), "{t}: {}", e.0);
        }
    }

    #[test]
    fn rates_and_scores() {
        assert_eq!(parse_rate("99.74%").unwrap().unwrap().value, d("99.74"));
        assert_eq!(parse_rate("99.5 %").unwrap().unwrap(), Figure { value: d("99.5"), decimals: 1 });
        assert_eq!(parse_rate("1,055.4%").unwrap().unwrap().value, d("1055.4"));
        assert_eq!(parse_rate("-46.53%").unwrap().unwrap().value, d("-46.53"));
        assert_eq!(parse_rate("100%").unwrap().unwrap().value, d("100"));
        assert_eq!(parse_score("7.86分").unwrap().unwrap().value, d("7.86"));
        assert_eq!(parse_score("10.00 分").unwrap().unwrap().value, d("10"));
        assert_eq!(parse_score("22.5").unwrap().unwrap().value, d("22.5"));
        assert!(parse_rate("约百分之九十").is_err());
    }

    #[test]
    fn formatting() {
        assert_eq!(fmt_amount(d("38544.43")), "38,544.43");
        assert_eq!(fmt_amount(d("2165.075")), "2,165.08");
        assert_eq!(fmt_amount(d("-8214.09")), "-8,214.09");
        assert_eq!(fmt_amount(d("0")), "0.00");
        assert_eq!(fmt_amount(d("123")), "123.00");
        assert_eq!(fmt_rate(d("99.7429")), "99.74%");
        assert_eq!(fmt_score(d("89.15")), "89.15");
    }

    #[test]
    fn tails_from_the_seeds() {
        // seed 001: 基本支出 2,647.30 + 项目支出 35,702.50 against a published 38,349.81
        let sum = amt("2,647.30") + amt("35,702.50");
        assert_eq!(compare_total(amt("38,349.81"), sum, 2, d("0.01")), Agreement::Tail);
        // seed 000: 7 projects stated 4,398.82, items sum to 4,464.39
        assert_eq!(compare_total(d("4398.82"), d("4464.39"), 7, d("0.01")), Agreement::Mismatch);
        assert_eq!(compare_total(d("556.83"), d("367.19") + d("189.64"), 2, d("0.01")), Agreement::Equal);
    }

    #[test]
    fn stated_rates_reachable_within_rounding() {
        let f = |s: &str| parse_rate(s).unwrap().unwrap();
        let a = |s: &str| parse_amount(s).unwrap().unwrap();
        // seed 001: 38,349.81 / 38,544.43 stated as 99.5%
        assert!(rate_reachable(f("99.5%"), a("38,349.81"), a("38,544.43")));
        assert!(rate_reachable(f("99.50%"), a("38,349.81"), a("38,544.43")));
        assert!(!rate_reachable(f("99.40%"), a("38,349.81"), a("38,544.43")));
        // seed 001: 财政拨款收入 38,249.76 of 38,350.62 = 99.74%
        assert!(rate_reachable(f("99.74%"), a("38,249.76"), a("38,350.62")));
        assert!(!rate_reachable(f("99.73%"), a("38,249.76"), a("38,350.62")));
        // a small base makes the interval wide: 1 / 3 written in whole 万元
        assert!(rate_reachable(f("40%"), a("1"), a("3")));
    }
}
