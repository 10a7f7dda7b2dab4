//! Figures between the document's text and a spreadsheet's numbers. A typed figure becomes a
//! number cell only with a number format that shows it exactly as typed (`1,234.50` →
//! `#,##0.00`, `78.59%` → `0.00%`); a number read from a file is shown as Excel shows it — its
//! own number format applied, or Excel's 15 significant digits under General — never as the
//! long digits of the binary float stored in the file.
//!
//! Run once per file opened or saved: every function is built for size in the wasm.


use rust_decimal::prelude::*;

/// The number and number format a typed figure is written with, if the format gives back the
/// very text typed; else the text is written as text.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn number_of(typed: &str) -> Option<(String, String)> {
    let t = typed.trim();
    if t.is_empty() || t.len() > 30 {
        return None;
    }
    // a unit after the figure (`7.86分`, `2个`, `12.50万元`) is the number format's literal text
    let unit_at = t.char_indices().rev().take_while(|(_, c)| !c.is_ascii_digit() && !".,%".contains(*c) && !c.is_whitespace() && *c != '"').last().map_or(t.len(), |(i, _)| i);
    let (t, unit) = t.split_at(unit_at);
    if unit.chars().count() > 4 || unit.chars().any(|c| c.is_ascii_alphanumeric() || "-+=<>≥≤＞＜≈~～/\\以不低高超少多内前后约达".contains(c)) {
        // a comparison (90%以上) is an indicator's wording, not a unit
        return None;
    }
    let (body, percent) = match t.strip_suffix('%') {
        Some(b) => (b, true),
        None => (t, false),
    };
    let plain = body.strip_prefix('-').unwrap_or(body);
    if plain.is_empty() || !plain.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') || !plain.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let grouped = plain.contains(',');
    let decimals = plain.split_once('.').map_or(0, |(_, f)| f.len());
    let value = Decimal::from_str(&body.replace(',', "")).ok()?;
    let value = if percent { value.checked_div(Decimal::ONE_HUNDRED)? } else { value };
    let mut format = format_code(decimals, grouped, percent);
    if !unit.is_empty() {
        format = format!("{format}\"{unit}\"");
    }
    // 15 significant digits is all a spreadsheet holds
    if significant(value) > 15 || show(value, &format) != format!("{t}{unit}") {
        return None;
    }
    Some((value.normalize().to_string(), format))
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn format_code(decimals: usize, grouped: bool, percent: bool) -> String {
    let mut f = String::from(if grouped { "#,##0" } else { "0" });
    if decimals > 0 {
        f.push('.');
        f.push_str(&"0".repeat(decimals));
    }
    if percent {
        f.push('%');
    }
    f
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn significant(d: Decimal) -> u32 {
    let d = d.normalize();
    let digits = d.mantissa().unsigned_abs().to_string().len() as u32;
    digits.max(1)
}

/// What a number format shows for a value: the decimals it fixes, its thousands separators and
/// percent sign; `General` (or anything not understood) as Excel's General does.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn show(value: Decimal, format: &str) -> String {
    let (section, before, after) = first_section(format);
    let Some(shape) = Shape::of(&section) else { return general(value) };
    let mut out = before;
    out.push_str(&digits(value, &shape));
    out.push_str(&after);
    out
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn digits(value: Decimal, shape: &Shape) -> String {
    let v = if shape.percent { value * Decimal::ONE_HUNDRED } else { value };
    let v = v.round_dp_with_strategy(shape.decimals, RoundingStrategy::MidpointAwayFromZero);
    let mut out = String::new();
    if v.is_sign_negative() && !v.is_zero() {
        out.push('-');
    }
    let abs = v.abs();
    let int = abs.trunc().to_string();
    if shape.grouped {
        let n = int.len();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (n - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
    } else {
        out.push_str(&int);
    }
    if shape.decimals > 0 {
        let frac = (abs.fract() * Decimal::from(10u64.pow(shape.decimals))).round().to_u64().unwrap_or(0);
        out.push('.');
        out.push_str(&format!("{frac:0width$}", width = shape.decimals as usize));
    }
    if shape.percent {
        out.push('%');
    }
    out
}

/// A stored binary number (as a spreadsheet keeps it) shown with its format: its shortest
/// decimal form, cut to Excel's 15 significant digits, then formatted.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn show_float(f: f64, format: &str) -> Option<String> {
    if !f.is_finite() {
        return None;
    }
    let d = Decimal::from_str(&format!("{f}")).ok().or_else(|| Decimal::from_scientific(&format!("{f:e}")).ok())?;
    Some(show(fifteen(d), format))
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn fifteen(d: Decimal) -> Decimal {
    let n = significant(d);
    if n <= 15 {
        return d;
    }
    let int_digits = d.abs().trunc().to_string().trim_start_matches('0').len() as i64;
    let keep = 15 - int_digits;
    if keep >= 0 {
        d.round_dp_with_strategy(keep as u32, RoundingStrategy::MidpointAwayFromZero)
    } else {
        d
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn general(d: Decimal) -> String {
    fifteen(d).normalize().to_string()
}

/// The section of a format for positive numbers, without colours, conditions and padding
/// (`0.00_ `, `[Red]0.00`), and the literal text it shows before and after the figure
/// (`0.00"万元"`).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn first_section(format: &str) -> (String, String, String) {
    let mut out = String::new();
    let (mut before, mut after) = (String::new(), String::new());
    let mut quoted = false;
    let mut bracket = false;
    let mut skip = false;
    let mut literal = false;
    for ch in format.chars() {
        if skip {
            skip = false;
            continue;
        }
        if literal {
            literal = false;
            if out.is_empty() { before.push(ch) } else { after.push(ch) }
            continue;
        }
        match ch {
            '"' => quoted = !quoted,
            _ if quoted => {
                if out.is_empty() {
                    before.push(ch);
                } else {
                    after.push(ch);
                }
            }
            '[' => bracket = true,
            ']' => bracket = false,
            _ if bracket => {}
            ';' => break,
            '_' | '*' => skip = true,
            '\\' => literal = true,
            _ => out.push(ch),
        }
    }
    (out, before, after)
}

struct Shape {
    decimals: u32,
    grouped: bool,
    percent: bool,
}

impl Shape {
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn of(section: &str) -> Option<Shape> {
        let s = section.trim();
        if s.is_empty() || s.eq_ignore_ascii_case("general") || s.eq_ignore_ascii_case("g/通用格式") || !s.contains(['0', '#']) {
            return None;
        }
        let decimals = s.split_once('.').map_or(0, |(_, f)| f.chars().take_while(|c| matches!(c, '0' | '#' | '?')).count()) as u32;
        Some(Shape { decimals: decimals.min(10), grouped: s.contains(','), percent: s.contains('%') })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_figure_is_written_with_the_format_that_shows_it_as_typed() {
        assert_eq!(number_of("9.00"), Some(("9".into(), "0.00".into())));
        assert_eq!(number_of("38,544.43"), Some(("38544.43".into(), "#,##0.00".into())));
        assert_eq!(number_of("78.59%"), Some(("0.7859".into(), "0.00%".into())));
        assert_eq!(number_of("2023"), Some(("2023".into(), "0".into())));
        assert_eq!(number_of("-1.5"), Some(("-1.5".into(), "0.0".into())));
        assert_eq!(number_of("7.86分"), Some(("7.86".into(), "0.00\"分\"".into())));
        assert_eq!(number_of("2个"), Some(("2".into(), "0\"个\"".into())));
        // kept as text: what a number cell could not show as typed
        for t in ["0991", "约7.86", "≥90%", "90%以上", "5次/年", "1,23", "12345678901234567", "", ".5", "1.2.3"] {
            assert_eq!(number_of(t), None, "{t}");
        }
    }

    #[test]
    fn a_stored_float_is_read_as_excel_shows_it() {
        assert_eq!(show_float(0.1 + 0.2, "General").unwrap(), "0.3");
        assert_eq!(show_float(1.005, "0.00").unwrap(), "1.01");
        assert_eq!(show_float(0.7859, "0.00%").unwrap(), "78.59%");
        assert_eq!(show_float(38544.43, "#,##0.00_ ").unwrap(), "38,544.43");
        assert_eq!(show_float(12.5, "0.00\"万元\"").unwrap(), "12.50万元");
        assert_eq!(show_float(-3.0, "[Red]0.0;-0.0").unwrap(), "-3.0");
        assert_eq!(show_float(45291.0, "General").unwrap(), "45291");
        assert_eq!(show_float(f64::NAN, "General"), None);
    }
}
