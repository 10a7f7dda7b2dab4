//! 科目: 功能分类 (类 `215`, 款 `21505`, 项 `2150501`) and 经济分类 (类 `301`, 款 `30101`) codes
//! with their names, from a compact list (`subjects.txt`: every code and name the seeds print,
//! and the common ones around them). A row's 科目 is read from what the user typed — a code,
//! a code split in columns (`215 | 05 | 01`), a code and its name, or the names alone as the
//! explanation writes them (`科学技术支出(类)技术研究与开发(款)科技成果转化与扩散(项)`) — and its
//! parent is taken from the digits. A code or name not in the list is kept as typed: the list
//! helps, it never judges.

use crate::number::normalize;

const LIST: &str = include_str!("subjects.txt");

/// (code, names) of every entry: the first name is the current one, the others older wordings.
fn entries() -> impl Iterator<Item = (&'static str, &'static str)> {
    LIST.lines().filter_map(|l| l.split_once('\t'))
}

/// The current name of a code in the list.
pub fn name(code: &str) -> Option<&'static str> {
    entries().find(|e| e.0 == code).and_then(|e| e.1.split('|').next())
}

/// "2060404 科技成果转化与扩散" for each entry: what the page offers as the user types a 科目.
pub fn offered() -> Vec<String> {
    entries().map(|(c, n)| format!("{c} {}", n.split('|').next().unwrap_or(n))).collect()
}

/// A row's 科目 as read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Subject {
    /// the code, when typed or found from the names
    pub code: Option<String>,
    /// the names by level as typed, or from the list: [类, 款, 项]
    pub names: Vec<String>,
}

impl Subject {
    /// What the group of this 科目's 类 is known by: its 3-digit code, or its 类 name.
    pub fn class_key(&self) -> Option<String> {
        match &self.code {
            Some(c) => c.get(..3).map(str::to_string),
            None => self.names.first().cloned(),
        }
    }

    /// The name the explanation writes: `科学技术支出(类)技术研究与开发(款)科技成果转化与扩散(项)`
    /// for a 项 of 功能分类, the bare name otherwise; empty when nothing is known.
    pub fn full_name(&self) -> String {
        const LEVELS: [&str; 3] = ["(类)", "(款)", "(项)"];
        if !self.is_function() {
            return self.names.last().cloned().unwrap_or_default();
        }
        // a name alone, without code or level, is shown as typed: its level is not known
        if self.code.is_none() && self.names.len() == 1 {
            return self.names[0].clone();
        }
        // a 科目 named without its code is read as from its 类 down
        self.names.iter().zip(LEVELS).filter(|(n, _)| !n.is_empty()).map(|(n, l)| format!("{n}{l}")).collect()
    }

    fn is_function(&self) -> bool {
        // 经济分类 starts with 3; 功能分类 with 2; a name-only 科目 is read as 功能分类
        self.code.as_ref().is_none_or(|c| c.starts_with('2'))
    }
}

/// Reads a 科目 as typed.
pub fn read(text: &str) -> Subject {
    let t = normalize(text);
    // a list number the explanation puts first: `1.科学技术支出(类)…`, `2、…`
    let t = match t.find(['.', '、']) {
        Some(i) if (1..=2).contains(&i) && t[..i].bytes().all(|b| b.is_ascii_digit()) => {
            let after = &t[i + t[i..].chars().next().map_or(1, char::len_utf8)..];
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                &*t
            } else {
                after
            }
        }
        _ => &*t,
    };
    // the code: leading digits, possibly split by spaces, tabs or bars (`215 | 05 | 01`)
    let mut digits = String::new();
    let mut rest = t;
    for (i, c) in t.char_indices() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !matches!(c, ' ' | '|' | '\t') {
            rest = &t[i..];
            break;
        }
        rest = &t[i + c.len_utf8()..];
    }
    let code = (matches!(digits.len(), 3 | 5 | 7)).then_some(digits);
    let rest = rest.trim();
    let mut names = split_levels(rest);
    if let Some(c) = &code {
        // the names by level from the list, where the text does not give them all: the name as
        // typed (an older or newer wording, or one not in the list) is kept at its own level
        let listed: Vec<String> = [3, 5, 7].iter().filter(|&&n| n <= c.len()).map(|&n| name(&c[..n]).unwrap_or("").to_string()).collect();
        if names.is_empty() {
            names = listed;
        } else if names.len() == 1 {
            let own = names.remove(0);
            names = listed;
            if let Some(last) = names.last_mut() {
                *last = own;
            }
        }
    }
    let code = code.or_else(|| code_of(&names));
    Subject { code, names }
}

/// `A(类)B(款)C(项)` → [A, B, C]; a bare name → [name].
fn split_levels(text: &str) -> Vec<String> {
    let t = text.replace(['（', '）'], "\u{0}").replace(['(', ')'], "\u{0}");
    if !t.contains('\u{0}') {
        return if text.is_empty() { Vec::new() } else { vec![text.to_string()] };
    }
    let mut out = Vec::new();
    let mut name = String::new();
    let mut parts = t.split('\u{0}');
    // name, marker, name, marker…: a bracket that is not a level marker belongs to the name
    let mut pending = parts.next().unwrap_or("").to_string();
    while let Some(inner) = parts.next() {
        let after = parts.next().unwrap_or("");
        if matches!(inner, "类" | "款" | "项") {
            name.push_str(&pending);
            out.push(std::mem::take(&mut name).trim().to_string());
            pending = after.to_string();
        } else {
            pending = format!("{pending}（{inner}）{after}");
        }
    }
    if !pending.trim().is_empty() {
        out.push(pending.trim().to_string());
    }
    out.retain(|n| !n.is_empty());
    out
}

/// The code of 类/款/项 names, each looked up under its parent; None unless every level is found.
fn code_of(names: &[String]) -> Option<String> {
    let mut code = String::new();
    for n in names.iter().take(3) {
        let want = if code.is_empty() { 3 } else { code.len() + 2 };
        let found = entries().find(|(c, ns)| c.len() == want && c.starts_with(code.as_str()) && c.starts_with('2') && ns.split('|').any(|x| x == n))?;
        code = found.0.to_string();
    }
    (!code.is_empty()).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_is_read_from_a_code_split_code_or_names() {
        let s = read("2060404");
        assert_eq!(s.code.as_deref(), Some("2060404"));
        assert_eq!(s.full_name(), "科学技术支出(类)技术研究与开发(款)科技成果转化与扩散(项)");
        assert_eq!(read("215 | 05 | 01").full_name(), "资源勘探工业信息等支出(类)工业和信息产业监管(款)行政运行(项)");
        assert_eq!(read("２１５　０５　０１").code.as_deref(), Some("2150501"));
        let s = read("社会保障和就业支出(类)抚恤(款)死亡抚恤(项)");
        assert_eq!(s.code.as_deref(), Some("2080801"));
        assert_eq!(s.class_key().as_deref(), Some("208"));
        assert_eq!(read("政府办公厅（室）及相关机构事务(款)").names, ["政府办公厅（室）及相关机构事务"]);
        assert_eq!(read("科学技术支出（类）").full_name(), "科学技术支出(类)");
        assert_eq!(read("206").full_name(), "科学技术支出(类)");
        assert_eq!(read("301 工资福利支出").full_name(), "工资福利支出");
        assert_eq!(read("30101").names, ["工资福利支出", "基本工资"]);
    }

    #[test]
    fn what_is_not_in_the_list_is_kept_as_typed() {
        let s = read("2159988 新设的项");
        assert_eq!(s.code.as_deref(), Some("2159988"));
        assert_eq!(s.names, ["资源勘探工业信息等支出", "其他资源勘探工业信息等支出", "新设的项"]);
        assert_eq!(read("2109988 新设的项").full_name(), "卫生健康支出(类)新设的项(项)");
        assert_eq!(read("9999999").full_name(), "");
        let s = read("某新类(类)某款(款)某项(项)");
        assert_eq!(s.code, None);
        assert_eq!(s.class_key().as_deref(), Some("某新类"));
        assert_eq!(s.full_name(), "某新类(类)某款(款)某项(项)");
        assert_eq!(read("").full_name(), "");
        assert_eq!(read("12").code, None);
        assert_eq!(read("1、科学技术支出(类)").full_name(), "科学技术支出(类)");
        assert_eq!(read("行政运行").full_name(), "行政运行");
        assert_eq!(read("12、").names, Vec::<String>::new());
        assert_eq!(read("1.科学技术支出(类)技术研究与开发(款)其他技术研究与开发支出(项)").code.as_deref(), Some("2060499"));
    }
}
