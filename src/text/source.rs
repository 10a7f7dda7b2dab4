//! Pasted text as a reader sees it: the lines a PDF or Word copy broke inside a sentence joined
//! again, page numbers dropped, full-width digits read as digits, spaces around figures gone —
//! with, for every byte of that reading text, the character of the pasted text it came from, so a
//! claim points at the characters the user pasted.

use std::ops::Range;

/// The reading text of a paste and where each of its bytes came from.
pub struct Source {
    /// the reading text: one paragraph per line
    pub text: String,
    /// per byte of `text` (and one past its end): the character offset in the pasted text
    origin: Vec<u32>,
    /// byte ranges of the paragraphs in `text`
    pub paragraphs: Vec<Range<usize>>,
}

/// Chapter headings and list items start a paragraph: 一、 （一） (一) 1. 1、 （1） 第二部分.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn starts_item(line: &str) -> bool {
    let mut t = line.trim_start_matches([' ', '\u{3000}', '\t', '-', '•', '·']);
    // Word's bookmarks as some converters print them: "[bookmark: _Toc25314]一、…"
    while let Some(rest) = t.strip_prefix("[bookmark:") {
        t = rest.split_once(']').map_or("", |x| x.1).trim_start();
    }
    let mut chars = t.chars();
    let Some(first) = chars.next() else { return false };
    let rest = chars.as_str();
    if first == '第' {
        let n: String = rest.chars().take_while(|c| CHINESE_DIGITS.contains(*c) || c.is_ascii_digit()).collect();
        return !n.is_empty() && (rest[n.len()..].starts_with('部') || rest[n.len()..].starts_with('章') || rest[n.len()..].starts_with('节'));
    }
    if first == '（' || first == '(' {
        let n: String = rest.chars().take_while(|c| CHINESE_DIGITS.contains(*c) || c.is_ascii_digit()).collect();
        return !n.is_empty() && (rest[n.len()..].starts_with('）') || rest[n.len()..].starts_with(')'));
    }
    if CHINESE_DIGITS.contains(first) {
        let n: String = t.chars().take_while(|c| CHINESE_DIGITS.contains(*c)).collect();
        return t[n.len()..].starts_with('、');
    }
    if first.is_ascii_digit() {
        let n = t.bytes().take_while(u8::is_ascii_digit).count();
        let after = &t[n..];
        // "1." and "1、" but not "1.5万元"
        return n <= 3 && (after.starts_with('、') || (after.starts_with('.') && !after[1..].starts_with(|c: char| c.is_ascii_digit())) || after.starts_with('．'));
    }
    false
}

const CHINESE_DIGITS: &str = "一二三四五六七八九十";

/// A line that is only a page number: "12", "- 12 -", "第 3 页", "第3页 共10页", "3/10".
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect();
    if t.is_empty() || t.len() > 16 {
        return false;
    }
    let core = t.trim_matches(['-', '—', '－', '–']);
    if !core.is_empty() && core.len() <= 4 && core.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    if let Some((a, b)) = core.split_once('/') {
        return !a.is_empty() && !b.is_empty() && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit());
    }
    let s = core.replace(['第', '页', '共'], "");
    core.starts_with('第') && core.contains('页') && !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit())
}

/// A short chapter heading without figures: a paragraph of its own, never joined to what follows.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn heading(line: &str) -> bool {
    starts_item(line) && line.chars().count() <= 40 && !line.contains(['%', '。', '，']) && !line.contains("万元")
}

/// Full-width digits and signs as ASCII, one character for one.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn narrow(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        '％' => '%',
        '＋' => '+',
        '＝' => '=',
        '－' | '−' => '-',
        '＜' => '<',
        '＞' => '>',
        _ => c,
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn is_cjk(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{f900}'..='\u{faff}').contains(&c)
}

impl Source {
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn read(pasted: &str) -> Source {
        let mut s = Source { text: String::with_capacity(pasted.len()), origin: Vec::with_capacity(pasted.len() + 1), paragraphs: Vec::new() };
        // (line text, character offset of its first char, is a table cell)
        let mut at = 0u32;
        let mut para_start = 0usize;
        let mut open = false; // a paragraph is open and may continue on the next line
        let mut last_line = String::new();
        let lines: Vec<&str> = pasted.split('\n').collect();
        // a line that holds a whole paragraph (Word's text), as against a PDF's broken one
        let whole = |k: usize| {
            lines[k + 1..].iter().map(|l| l.trim()).find(|l| !l.is_empty() && !page_number(l)).is_some_and(|l| l.ends_with(['。', '！', '？', '；']))
        };
        for (k, raw) in lines.iter().enumerate() {
            let raw = *raw;
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let first = at;
            at += raw.chars().count() as u32 + 1;
            let content = line.trim_matches(|c: char| c == ' ' || c == '\u{3000}' || c == '\u{feff}');
            if content.trim().is_empty() || (!line.contains('\t') && page_number(content)) {
                continue;
            }
            let cell = line.contains('\t');
            let ends = |l: &str| l.trim_end().ends_with(['。', '！', '？', '!', '?', '；']);
            // "…6,724.07万元，其中：" with its parts in whole paragraphs below (not a PDF line break)
            let announces = ["其中：", "包括：", "如下：", "其中:", "包括:", "如下:"].iter().any(|w| last_line.trim_end().ends_with(w)) && k > 0 && whole(k - 1);
            let joins = open
                && !cell
                && !starts_item(content)
                && !ends(&last_line)
                && !announces
                && !heading(&last_line)
                // never glue two figures into one ("10" + "2.49"), but a long line of prose broken
                // inside a number ("…合计5,87" + "8.63万元") and "38,544." + "43万元" are one
                && !(last_line.ends_with(|c: char| c.is_ascii_digit()) && last_line.chars().count() < 10 && content.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)));
            if !joins && open {
                s.close(para_start);
                para_start = s.text.len();
            }
            // the character offset of each char of the line
            let lead = line.chars().take_while(|c| *c == ' ' || *c == '\u{3000}' || *c == '\u{feff}').count() as u32;
            let mut prev: Option<char> = s.text.chars().next_back().filter(|_| s.text.len() > para_start);
            let chars: Vec<char> = content.chars().collect();
            // WPS's "收 入 合 计 9 8 . 0 0 万 元": a space after nearly every character is no space
            let singles = chars.windows(2).filter(|w| w[1] == ' ' && w[0] != ' ').count();
            let spaced = chars.len() > 8 && singles * 5 >= chars.len() * 2;
            for (k, &c0) in chars.iter().enumerate() {
                let mut c = narrow(c0);
                // "１１，２３０．５０": a full-width comma between digits, before three of them, groups thousands
                if c == '，' && prev.is_some_and(|p| p.is_ascii_digit()) {
                    let next: Vec<char> = chars[k + 1..].iter().take(4).map(|c| narrow(*c)).collect();
                    if next.len() >= 3 && next[..3].iter().all(char::is_ascii_digit) && !next.get(3).is_some_and(char::is_ascii_digit) {
                        c = ',';
                    }
                }
                let here = first + lead + k as u32;
                if c == ' ' || c == '\u{3000}' || c == '\t' {
                    // spaces matter only between two figures or two words of Latin text; "18 765.43"
                    // groups thousands with one
                    let next = chars[k + 1..].iter().map(|c| narrow(*c)).find(|c| *c != ' ' && *c != '\u{3000}' && *c != '\t');
                    let rest: Vec<char> = chars[k + 1..].iter().take(4).map(|c| narrow(*c)).collect();
                    let grouping = c == ' ' && prev.is_some_and(|p| p.is_ascii_digit()) && rest.len() >= 3 && rest[..3].iter().all(char::is_ascii_digit) && !rest.get(3).is_some_and(char::is_ascii_digit);
                    let keep = c == '\t' || (!spaced && !grouping && matches!((prev, next), (Some(p), Some(n)) if !is_cjk(p) && !is_cjk(n) && (!p.is_ascii_digit() || n != '%')));
                    if !keep || prev == Some(' ') {
                        continue;
                    }
                    let c = if c == '\t' { '\t' } else { ' ' };
                    s.push(c, here);
                    prev = Some(c);
                    continue;
                }
                s.push(c, here);
                prev = Some(c);
            }
            last_line = content.to_string();
            open = true;
            if cell {
                s.close(para_start);
                para_start = s.text.len();
                open = false;
                last_line.clear();
            }
        }
        if open {
            s.close(para_start);
        }
        s.origin.push(at.saturating_sub(1).max(s.origin.last().map_or(0, |o| o + 1)));
        s
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn push(&mut self, c: char, at: u32) {
        for _ in 0..c.len_utf8() {
            self.origin.push(at);
        }
        self.text.push(c);
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn close(&mut self, start: usize) {
        if self.text.len() > start {
            self.paragraphs.push(start..self.text.len());
            self.push('\n', self.origin.last().map_or(0, |o| o + 1));
        }
    }

    /// The pasted characters `[start, end)` a byte range of the reading text stands for.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn span(&self, r: Range<usize>) -> [u32; 2] {
        let start = self.origin.get(r.start).copied().unwrap_or(0);
        let end = if r.end > r.start { self.origin.get(r.end - 1).map_or(start, |o| o + 1) } else { start };
        [start, end.max(start)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str, span: [u32; 2]) -> String {
        s.chars().skip(span[0] as usize).take((span[1] - span[0]) as usize).collect()
    }

    #[test]
    fn pdf_lines_join_and_point_back() {
        let pasted = "一、收入支出决算总体情况说明\n\n2023 年度收入总计 244.63 万元，其中：本\n\n- 3 -\n\n年收入 229.63 万元。\n二、收入";
        let s = Source::read(pasted);
        let paras: Vec<&str> = s.paragraphs.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(paras, ["一、收入支出决算总体情况说明", "2023年度收入总计244.63万元，其中：本年收入229.63万元。", "二、收入"]);
        let at = s.text.find("229.63万元").unwrap();
        assert_eq!(chars(pasted, s.span(at..at + "229.63万元".len())), "229.63 万元");
    }

    #[test]
    fn table_cells_stay_apart() {
        let s = Source::read("\t劳务费\n\t<=8.90万元\n\t10\n\t2.49\n\t实际支付2.22万元，只完成目标75.06%");
        assert_eq!(s.paragraphs.len(), 5);
        assert!(s.text.contains("\n10\n2.49\n") || s.text.contains("10\n\t2.49") || s.text.contains("\t10\n\t2.49"), "{:?}", s.text);
    }

    #[test]
    fn items_and_page_numbers() {
        assert!(starts_item("（三）一般公共预算") && starts_item("1.科学技术支出") && starts_item("十一、预算") && starts_item("第二部分 说明"));
        assert!(!starts_item("1.5万元") && !starts_item("2023年度") && !starts_item("一般公共预算"));
        assert!(page_number("- 12 -") && page_number("第 3 页 共 10 页") && page_number("3/10") && page_number("12"));
        assert!(!page_number("12万元") && !page_number("2023年"));
    }
}
