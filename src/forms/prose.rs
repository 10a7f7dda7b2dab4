//! What the written explanations (决算情况说明, 预算情况说明) share: figures as the checks resolved
//! them (`＿＿` where none is filled in), one paragraph a line opened by two full-width spaces,
//! the user's own words marked while the text is written — and the text read back by the text
//! checker, so a sentence the form wrote can never contradict its own figures.

use crate::cell::Cell;
use crate::finding::{Finding, Severity};
use crate::forms::final_accounts::At;
use crate::forms::{Path, Sheet, Shown};
use crate::number::{fmt_amount, fmt_rate};
use crate::policy::Policy;
use crate::text;
use rust_decimal::Decimal;

pub(crate) const BLANK: &str = "＿＿";

pub(crate) struct Writer<'s> {
    pub sheet: &'s Sheet<'s>,
    pub out: String,
}

impl Writer<'_> {
    pub fn number(&self, p: Path) -> Option<Decimal> {
        self.sheet.get(p).and_then(Shown::number)
    }

    pub fn amount(&self, p: Path) -> String {
        self.number(p).map_or_else(|| BLANK.to_string(), fmt_amount)
    }

    pub fn rate(&self, p: Path) -> String {
        self.number(p).map_or_else(|| format!("{BLANK}%"), fmt_rate)
    }

    pub fn count(&self, p: Path) -> String {
        self.number(p).map_or_else(|| BLANK.to_string(), |d| d.normalize().to_string())
    }

    pub fn para(&mut self, text: &str) {
        self.out.push_str("\u{3000}\u{3000}");
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// "增加0.12万元，增长0.51%" / "减少8,214.09万元，下降17.57%"; the rate is left out where the
    /// policy gives none (上年为 0).
    pub fn change(&self, at: At) -> String {
        let Some(c) = self.number(at.change) else { return format!("增加{BLANK}万元，增长{BLANK}%") };
        let up = !c.is_sign_negative() || c.is_zero();
        let mut s = format!("{}{}万元", if up { "增加" } else { "减少" }, fmt_amount(c.abs()));
        match self.number(at.rate) {
            Some(r) => s.push_str(&format!("，{}{}", if up { "增长" } else { "下降" }, fmt_rate(r.abs()))),
            // 0 → 0 is written as published: "增加0.00万元，增长0.00%"
            None if c.is_zero() => s.push_str("，增长0.00%"),
            None => s.push_str("，上年为0，不可比"),
        }
        s
    }
}

/// A reason or description as typed, without the full stop the sentence adds.
/// The user's own words are marked while the text is written (`USER` … `END`), so what the
/// checker reads back can tell the form's figures from figures typed in a reason.
const USER: char = '\u{E000}';
const END: char = '\u{E001}';

pub(crate) fn reason(c: &Cell) -> String {
    let t = c.trim();
    // "主要原因是：" typed with the reason is already in the sentence
    let t = ["主要原因是：", "主要原因是:", "主要原因是", "主要原因：", "原因是："].iter().fold(t, |t, p| t.strip_prefix(p).unwrap_or(t));
    let t = t.trim().trim_end_matches(['。', '；', ';', '，', ',', '.']).trim();
    if t.is_empty() {
        BLANK.to_string()
    } else {
        format!("{USER}{}{END}", t.replace(['\r', '\n', USER, END], ""))
    }
}

/// The text without its marks, and where (in characters) the user's words are.
pub(crate) fn unmark(marked: &str) -> (String, Vec<[u32; 2]>) {
    let mut out = String::with_capacity(marked.len());
    let mut spans = Vec::new();
    let mut at = 0u32;
    let mut from = 0u32;
    for c in marked.chars() {
        match c {
            USER => from = at,
            END => spans.push([from, at]),
            _ => {
                out.push(c);
                at += 1;
            }
        }
    }
    (out, spans)
}


/// A year as the text writes it: "2023", "2023年", "2023年度决算" alike give 2023.
pub(crate) fn year(y: &str) -> &str {
    let y = y.trim();
    let digits = y.find(|c: char| !c.is_ascii_digit()).map_or(y, |i| &y[..i]);
    if digits.len() == 4 {
        digits
    } else if y.is_empty() {
        BLANK
    } else {
        y.trim_end_matches("年度").trim_end_matches('年')
    }
}

/// Reads the written text back with the text checker: a wrong calculation in the form's own
/// figures is an error at `at`; one inside the user's words (a reason) is theirs to word. The
/// blanks left are counted for 未完成填报.
pub(crate) fn check_back(sheet: &mut Sheet, at: &'static str, (written, typed): (String, Vec<[u32; 2]>), policy: &Policy, what: &str) -> String {
    let in_typed = |r: &[u32; 2]| typed.iter().any(|t| r[0] < t[1] && t[0] < r[1]);
    for c in text::check(&written, policy).claims {
        if c.verdict == text::Verdict::Wrong && !in_typed(&c.figure) && !c.inputs.iter().any(in_typed) {
            let f = Finding::new(c.kind.wrong_code(), Severity::Error, Path::field(at), format!("说明中“{}”：{}", c.quote, c.message)).values(Some(c.stated), c.computed);
            sheet.push(f);
        }
    }
    let blanks = written.matches(BLANK).count();
    if blanks > 0 {
        sheet.missing.push(format!("{what}中还有 {blanks} 处空白（{BLANK}）待填写"));
    }
    written
}
