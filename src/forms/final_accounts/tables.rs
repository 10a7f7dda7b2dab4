//! The 决算公开表 a unit publishes with its 情况说明, pasted as copied from Excel / WPS (one row a
//! line, cells between tabs, the header rows with them): their figures fill the form's blank cells
//! and lists, and each table's own identities are checked — every row's 合计 against its parts,
//! 类 = Σ 款 = Σ 项 in every column, the 合计 row against its 类, 年初结转 + 本年收入 − 本年支出 =
//! 年末结转. The columns are found by their header words, else taken in the official order.

use super::{AccountsLine, FinalAccountsDoc};
use crate::cell::Cell;
use crate::finding::{Code, Finding, Severity};
use crate::number::{self, compare_total, fmt_amount, Agreement};
use crate::policy::Policy;
use rust_decimal::Decimal;

/// The tables, by their place in the 部门决算公开表 (表一 to 表九; 表四 is not read yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Summary,
    Income,
    Expenditure,
    General,
    Basic,
    Three,
    Fund,
    Capital,
}

impl Kind {
    pub fn title(self) -> &'static str {
        match self {
            Kind::Summary => "收入支出决算总表",
            Kind::Income => "收入决算表",
            Kind::Expenditure => "支出决算表",
            Kind::General => "一般公共预算财政拨款支出决算表",
            Kind::Basic => "一般公共预算财政拨款基本支出决算表",
            Kind::Three => "财政拨款“三公”经费支出决算表",
            Kind::Fund => "政府性基金预算财政拨款收入支出决算表",
            Kind::Capital => "国有资本经营预算财政拨款收入支出决算表",
        }
    }

    /// Each value column's role and the words that name it in a header, in the official order.
    fn columns(self) -> &'static [&'static [&'static str]] {
        match self {
            Kind::Income => &[&["本年收入合计", "合计"], &["财政拨款"], &["上级补助"], &["事业收入"], &["经营收入"], &["附属单位"], &["其他收入"]],
            Kind::Expenditure => &[&["本年支出合计", "合计"], &["基本支出"], &["项目支出"], &["上缴上级"], &["经营支出"], &["附属单位"]],
            Kind::General => &[&["合计", "小计"], &["基本支出"], &["项目支出"]],
            Kind::Basic => &[&["合计", "决算数"], &["人员经费"], &["公用经费"]],
            Kind::Fund | Kind::Capital => &[&["年初结转"], &["本年收入"], &["本年支出合计", "支出合计", "小计"], &["基本支出"], &["项目支出"], &["年末结转"]],
            Kind::Summary | Kind::Three => &[],
        }
    }
}

/// Where a figure read from a table goes in the form.
pub(super) type Slot = (&'static str, fn(&mut FinalAccountsDoc) -> &mut Cell);

/// What a table gives: figures for cells, rows for lists, and what is wrong in it.
#[derive(Default)]
pub(super) struct Read {
    pub fills: Vec<(Slot, Decimal)>,
    pub lists: Vec<(&'static str, Vec<(String, Decimal)>)>,
    pub findings: Vec<Finding>,
}

/// One line of a pasted table: its 科目 code and name where it has them, the label otherwise,
/// and its cells by column.
struct Line {
    code: String,
    name: String,
    /// (column, figure) of every figure after the name
    values: Vec<(usize, Decimal)>,
    /// (column, text) of every cell
    cells: Vec<(usize, String)>,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    for raw in text.lines() {
        if raw.contains('※') || raw.trim().is_empty() {
            continue;
        }
        // cells between tabs; a line copied from a PDF has runs of spaces instead
        let split: Vec<String> = if raw.contains('\t') { raw.split('\t').map(|c| number::normalize(c).into_owned()).collect() } else { raw.split_whitespace().map(|c| number::normalize(c).into_owned()).collect() };
        let mut code = String::new();
        let mut name = String::new();
        let mut name_at = None;
        for (j, c) in split.iter().enumerate() {
            if c.is_empty() {
                continue;
            }
            if name_at.is_none() && c.len() <= 7 && c.bytes().all(|b| b.is_ascii_digit()) && code.len() < 7 {
                code.push_str(c);
                continue;
            }
            if name_at.is_none() && number::parse_amount(c).is_err() {
                name = c.clone();
                name_at = Some(j);
                break;
            }
            break;
        }
        if !matches!(code.len(), 0 | 3 | 5 | 7) {
            // a lone 行次 or serial number is not a code
            code.clear();
        }
        let from = name_at.map_or(0, |j| j + 1);
        let values = split.iter().enumerate().skip(from).filter_map(|(j, c)| number::parse_amount(c).ok().flatten().map(|f| (j, f.value))).collect();
        let cells = split.into_iter().enumerate().filter(|(_, c)| !c.is_empty()).collect();
        out.push(Line { code, name, values, cells });
    }
    out
}

/// The role of each column, from the header words above the first row of figures; columns no
/// header names take the official order.
fn roles(kind: Kind, ls: &[Line]) -> Vec<(usize, usize)> {
    let first = ls.iter().position(is_row).unwrap_or(ls.len());
    let mut words: Vec<(usize, String)> = Vec::new();
    for l in &ls[..first] {
        for (j, t) in &l.cells {
            words.push((*j, t.clone()));
        }
    }
    let columns: Vec<usize> = {
        let mut c: Vec<usize> = ls.iter().filter(|l| is_row(l)).flat_map(|l| l.values.iter().map(|v| v.0)).collect();
        c.sort_unstable();
        c.dedup();
        c
    };
    let spec = kind.columns();
    let mut out = Vec::new();
    let mut taken = vec![false; spec.len()];
    for &col in &columns {
        let said: String = words.iter().filter(|(j, _)| *j == col).map(|(_, t)| t.as_str()).collect();
        if let Some(r) = (0..spec.len()).find(|&r| !taken[r] && spec[r].iter().any(|w| said.contains(w))) {
            taken[r] = true;
            out.push((col, r));
        }
    }
    if out.is_empty() {
        // no header copied: the official order
        out = columns.iter().copied().zip(0..spec.len()).collect();
    }
    out
}

fn value(l: &Line, roles: &[(usize, usize)], role: usize) -> Option<Decimal> {
    let col = roles.iter().find(|r| r.1 == role)?.0;
    // a blank cell in a row of figures is 0
    Some(l.values.iter().find(|v| v.0 == col).map_or(Decimal::ZERO, |v| v.1))
}

/// A row of a 科目 table: a 科目 with figures, or its 合计 row (not a caption such as "表 5").
fn is_row(l: &Line) -> bool {
    !l.values.is_empty() && (!l.code.is_empty() || is_total(l))
}

fn is_total(l: &Line) -> bool {
    l.code.is_empty() && (l.name.contains("合计") || l.name.contains("总计")) && !l.values.is_empty()
}

fn subject(l: &Line) -> String {
    if l.code.is_empty() {
        l.name.clone()
    } else {
        format!("{} {}", l.code, l.name)
    }
}

struct Checker<'p> {
    path: &'static str,
    title: &'static str,
    policy: &'p Policy,
    findings: Vec<Finding>,
}

impl Checker<'_> {
    fn sum(&mut self, what: &str, stated: Decimal, parts: &[Decimal]) {
        let sum = number::total(parts);
        let (code, sev) = match compare_total(stated, sum, parts.len(), self.policy.rounding_tolerance) {
            Agreement::Equal => return,
            Agreement::Tail => (Code::SumTail, Severity::Info),
            Agreement::Mismatch => (Code::SumMismatch, Severity::Error),
        };
        let m = format!("《{}》中{what}为 {}，按其各项计算为 {}{}", self.title, fmt_amount(stated), fmt_amount(sum), if sev == Severity::Info { "，只差尾差" } else { "" });
        self.findings.push(Finding::new(code, sev, self.path, m).values(Some(fmt_amount(stated)), Some(fmt_amount(sum))));
    }
}

/// 类 = Σ 款 and 款 = Σ 项 in every column; the 合计 row = Σ 类.
fn hierarchy(c: &mut Checker, ls: &[&Line], roles: &[(usize, usize)], labels: &[&[&str]]) {
    for &(_, role) in roles {
        let label = labels.get(role).and_then(|w| w.first()).copied().unwrap_or("");
        for l in ls {
            if l.code.is_empty() || l.code.len() >= 7 {
                continue;
            }
            let kids: Vec<Decimal> = ls.iter().filter(|k| k.code.len() == l.code.len() + 2 && k.code.starts_with(&l.code)).filter_map(|k| value(k, roles, role)).collect();
            if let (false, Some(v)) = (kids.is_empty(), value(l, roles, role)) {
                c.sum(&format!("“{}”的{label}", subject(l)), v, &kids);
            }
        }
        if let Some(t) = ls.iter().find(|l| is_total(l)) {
            let classes: Vec<Decimal> = ls.iter().filter(|k| k.code.len() == 3).filter_map(|k| value(k, roles, role)).collect();
            if let (false, Some(v)) = (classes.is_empty(), value(t, roles, role)) {
                c.sum(&format!("合计行的{label}"), v, &classes);
            }
        }
    }
}

/// The first figure after a cell that says `label`, skipping a 行次 column.
fn labelled(ls: &[Line], label: &str, rows_col: &[usize]) -> Option<Decimal> {
    for l in ls {
        let Some(&(j, _)) = l.cells.iter().find(|(_, t)| t.trim_start_matches(|c: char| "一二三四五六七八九十、.0123456789".contains(c)).trim() == label) else { continue };
        if let Some(v) = l.values.iter().find(|v| v.0 > j && !rows_col.contains(&v.0)) {
            return Some(v.1);
        }
        // the label was taken as the row's name: its figures follow it
        if l.name.ends_with(label) {
            return l.values.iter().find(|v| !rows_col.contains(&v.0)).map(|v| v.1);
        }
    }
    None
}

macro_rules! slot {
    ($path:literal, |$d:ident| $e:expr) => {
        ($path, (|$d: &mut FinalAccountsDoc| -> &mut Cell { $e }) as fn(&mut FinalAccountsDoc) -> &mut Cell)
    };
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub(super) fn read(kind: Kind, text: &str, path: &'static str, policy: &Policy) -> Read {
    let ls = lines(text);
    let mut r = Read::default();
    let mut c = Checker { path, title: kind.title(), policy, findings: Vec::new() };
    if !ls.iter().any(|l| !l.values.is_empty()) {
        let m = format!("粘贴的《{}》中没有读到数字：请从 Excel / WPS 选中整张表（含表头）复制后粘贴", kind.title());
        r.findings.push(Finding::new(Code::ValueUnparseable, Severity::Warning, path, m));
        return r;
    }
    match kind {
        Kind::Summary => {
            // the two sides of the total table, by their labels; the 行次 columns are skipped
            let rows_col: Vec<usize> = ls.iter().flat_map(|l| l.cells.iter().filter(|(_, t)| t.contains("行次")).map(|(j, _)| *j)).collect();
            let want: [(&str, Slot); 8] = [
                ("本年收入合计", slot!("overall.income", |d| &mut d.overall.income)),
                ("使用非财政拨款结余", slot!("overall.nonfiscal", |d| &mut d.overall.nonfiscal)),
                ("年初结转和结余", slot!("overall.carried_in", |d| &mut d.overall.carried_in)),
                ("收入总计", slot!("overall.income_total", |d| &mut d.overall.income_total)),
                ("本年支出合计", slot!("overall.expenditure", |d| &mut d.overall.expenditure)),
                ("结余分配", slot!("overall.distribution", |d| &mut d.overall.distribution)),
                ("年末结转和结余", slot!("overall.carried_out", |d| &mut d.overall.carried_out)),
                ("支出总计", slot!("overall.expenditure_total", |d| &mut d.overall.expenditure_total)),
            ];
            let got: Vec<Option<Decimal>> = want.iter().map(|(label, _)| labelled(&ls, label, &rows_col)).collect();
            for ((_, s), v) in want.iter().zip(&got) {
                if let Some(v) = v {
                    r.fills.push((*s, *v));
                }
            }
            if let [Some(a), Some(b), Some(cc), Some(t), Some(e), Some(f), Some(g), Some(u)] = got[..] {
                c.sum("收入总计", t, &[a, b, cc]);
                c.sum("支出总计", u, &[e, f, g]);
                if t != u {
                    c.sum("收入总计与支出总计", t, &[u]);
                }
            }
        }
        Kind::Three => {
            // 预算数 then 决算数, each 合计, 因公出国（境）, 公务用车 小计, 购置, 运行, 公务接待
            let Some(row) = ls.iter().find(|l| l.values.len() >= 6) else {
                r.findings.push(Finding::new(Code::ValueUnparseable, Severity::Warning, path, "粘贴的《财政拨款“三公”经费支出决算表》中没有一行有六个以上的数：请连同空格子一起复制".to_string()));
                return r;
            };
            let v: Vec<Decimal> = row.values.iter().map(|v| v.1).collect();
            let blocks: Vec<(&[Decimal], bool)> = if v.len() >= 12 { vec![(&v[..6], true), (&v[6..12], false)] } else { vec![(&v[..6], false)] };
            const BUDGET: [Slot; 6] = [
                slot!("three.total.budget", |d| &mut d.three.total.budget),
                slot!("three.abroad.budget", |d| &mut d.three.abroad.budget),
                slot!("three.car.budget", |d| &mut d.three.car.budget),
                slot!("three.car_purchase.budget", |d| &mut d.three.car_purchase.budget),
                slot!("three.car_running.budget", |d| &mut d.three.car_running.budget),
                slot!("three.reception.budget", |d| &mut d.three.reception.budget),
            ];
            const FINAL: [Slot; 6] = [
                slot!("three.total.amount", |d| &mut d.three.total.amount),
                slot!("three.abroad.amount", |d| &mut d.three.abroad.amount),
                slot!("three.car.amount", |d| &mut d.three.car.amount),
                slot!("three.car_purchase.amount", |d| &mut d.three.car_purchase.amount),
                slot!("three.car_running.amount", |d| &mut d.three.car_running.amount),
                slot!("three.reception.amount", |d| &mut d.three.reception.amount),
            ];
            for (b, budget) in blocks {
                let which = if budget { "预算数" } else { "决算数" };
                c.sum(&format!("{which}合计"), b[0], &[b[1], b[2], b[5]]);
                c.sum(&format!("{which}公务用车购置及运行费"), b[2], &[b[3], b[4]]);
                for (s, x) in (if budget { BUDGET } else { FINAL }).iter().zip(b) {
                    r.fills.push((*s, *x));
                }
            }
        }
        _ => {
            let roles = roles(kind, &ls);
            let spec = kind.columns();
            let data: Vec<&Line> = ls.iter().filter(|l| is_row(l)).collect();
            // each row: 合计 = its parts; 年初结转 + 本年收入 − 本年支出 = 年末结转
            for l in &data {
                let at = |role| value(l, &roles, role);
                let who = subject(l);
                match kind {
                    Kind::Fund | Kind::Capital => {
                        if let (Some(a), Some(b), Some(s), Some(e)) = (at(0), at(1), at(2), at(5)) {
                            c.sum(&format!("“{who}”的年末结转和结余"), e, &[a, b, -s]);
                        }
                        if let (Some(s), Some(b), Some(p)) = (at(2), at(3), at(4)) {
                            c.sum(&format!("“{who}”的本年支出合计"), s, &[b, p]);
                        }
                    }
                    _ => {
                        let parts: Vec<Decimal> = (1..spec.len()).filter_map(at).collect();
                        if let (Some(t), true) = (at(0), parts.len() == spec.len() - 1) {
                            c.sum(&format!("“{who}”的合计"), t, &parts);
                        }
                    }
                }
            }
            hierarchy(&mut c, &data, &roles, spec);
            let total = data.iter().find(|l| is_total(l));
            let of_total = |role| total.and_then(|t| value(t, &roles, role));
            let rows = |len: &[usize], role| -> Vec<(String, Decimal)> { data.iter().filter(|l| len.contains(&l.code.len())).filter_map(|l| Some((subject(l), value(l, &roles, role)?))).collect() };
            let mut fill = |s: Slot, role| {
                if let Some(v) = of_total(role) {
                    r.fills.push((s, v));
                }
            };
            match kind {
                Kind::Income => {
                    fill(slot!("income.total.amount", |d| &mut d.income.total.amount), 0);
                    fill(slot!("income.fiscal.amount", |d| &mut d.income.fiscal.amount), 1);
                    fill(slot!("income.superior.amount", |d| &mut d.income.superior.amount), 2);
                    fill(slot!("income.business.amount", |d| &mut d.income.business.amount), 3);
                    fill(slot!("income.operating.amount", |d| &mut d.income.operating.amount), 4);
                    fill(slot!("income.affiliated.amount", |d| &mut d.income.affiliated.amount), 5);
                    fill(slot!("income.other.amount", |d| &mut d.income.other.amount), 6);
                }
                Kind::Expenditure => {
                    fill(slot!("expenditure.total.amount", |d| &mut d.expenditure.total.amount), 0);
                    fill(slot!("expenditure.basic.amount", |d| &mut d.expenditure.basic.amount), 1);
                    fill(slot!("expenditure.project.amount", |d| &mut d.expenditure.project.amount), 2);
                    fill(slot!("expenditure.superior.amount", |d| &mut d.expenditure.superior.amount), 3);
                    fill(slot!("expenditure.operating.amount", |d| &mut d.expenditure.operating.amount), 4);
                    fill(slot!("expenditure.affiliated.amount", |d| &mut d.expenditure.affiliated.amount), 5);
                }
                Kind::General => {
                    fill(slot!("general.total.amount", |d| &mut d.general.total.amount), 0);
                    r.lists.push(("general.classes", rows(&[3], 0)));
                    r.lists.push(("general.items", rows(&[7], 0)));
                }
                Kind::Basic => {
                    fill(slot!("basic.total", |d| &mut d.basic.total), 0);
                    fill(slot!("basic.personnel", |d| &mut d.basic.personnel), 1);
                    fill(slot!("basic.public", |d| &mut d.basic.public), 2);
                    r.lists.push(("basic.economic", rows(&[3, 5], 0)));
                }
                Kind::Fund | Kind::Capital => {
                    if kind == Kind::Fund {
                        fill(slot!("fund.carried_in", |d| &mut d.fund.carried_in), 0);
                        fill(slot!("fund.income", |d| &mut d.fund.income), 1);
                        fill(slot!("fund.spent", |d| &mut d.fund.spent), 2);
                        fill(slot!("fund.carried_out", |d| &mut d.fund.carried_out), 5);
                        r.lists.push(("fund.items", rows(&[7], 2)));
                    } else {
                        fill(slot!("capital.carried_in", |d| &mut d.capital.carried_in), 0);
                        fill(slot!("capital.income", |d| &mut d.capital.income), 1);
                        fill(slot!("capital.spent", |d| &mut d.capital.spent), 2);
                        fill(slot!("capital.carried_out", |d| &mut d.capital.carried_out), 5);
                        r.lists.push(("capital.items", rows(&[7], 2)));
                    }
                }
                Kind::Summary | Kind::Three => {}
            }
        }
    }
    r.lists.retain(|l| !l.1.is_empty());
    r.findings.append(&mut c.findings);
    r
}

/// A list of the form that nothing was typed in.
pub(super) fn blank(rows: &[AccountsLine]) -> bool {
    rows.iter().all(|l| l.subject.is_blank() && l.amount.is_blank())
}

/// The figure a table gives, as a cell's text.
pub(super) fn text(v: Decimal) -> Cell {
    Cell(number::round2(v).to_string())
}
