//! The 绩效目标表 published with the tables (SPEC §6 E): each checked on its own, then against
//! the tables — a project's 年度预算总额 is its 表7 amount plus any 上年结转 of it in 表11 (seed
//! 004: 安全生产和节能审查工作经费 25.49 = 表7 20.50 + 表11 “安全生产工作经费” 4.99), and the
//! 部门整体 table's 资金总额 is 表1's 收入总计, its 财政资金 表1's 财政拨款 plus 财政拨款结转.

use super::tables::{line, All, Checked};
use super::{at, BudgetDoc};
use crate::finding::{Code, Finding, Severity};
use crate::forms::target::{self, TargetDoc};
use crate::forms::{Path, Sheet, Shown};
use crate::number::{fmt_amount, round2};
use rust_decimal::Decimal;

const PROJECTS: &str = "targets.projects";
const DEPARTMENT: &str = "targets.department";

/// Names as tables print them: `2024 年度` and `2024年度` are one project.
fn key(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A target table's figure as checked (typed, or filled from its parts).
fn figure(sheet: &Sheet, member: &'static str, index: Option<usize>, field: &'static str, typed: &str) -> Option<Decimal> {
    let computed = sheet.get(Path::field(field).under(member, index)).and_then(Shown::number);
    computed.or_else(|| crate::number::parse_amount(typed).ok().flatten().map(|f| f.value)).map(round2)
}

/// A project row of 表7 or 表11: its row, its name as compared and as printed, its 合计.
pub(super) struct Project<'a> {
    row: usize,
    key: String,
    name: &'a str,
    amount: Decimal,
}

pub(super) fn projects(t: &Checked) -> Vec<Project<'_>> {
    let col = t.column("sum");
    t.places.iter().enumerate().filter(|(_, p)| p.project).map(|(i, p)| Project { row: i, key: key(&p.name), name: p.name.trim(), amount: t.values[i][col].unwrap_or_default() }).collect()
}

/// Where a project target's money is in the tables: its 表7 row, and 表11 rows of the same
/// project (by name; else the one 表11 project whose amount is the difference).
pub(super) struct Matched {
    pub t7: Option<(usize, Decimal)>,
    pub t11: Option<(usize, Decimal)>,
}

pub(super) fn check(sheet: &mut Sheet, d: &BudgetDoc, t: &All) {
    let policy = sheet.policy;
    if let Some(dep) = &d.targets.department {
        sheet.adopt(DEPARTMENT, None, named("部门整体绩效目标表", target::evaluate_as(target::DEPARTMENT, dep, policy)));
        department(sheet, dep, t);
    }
    let (t7, t11) = (projects(&t.projects), projects(&t.carried));
    for (i, p) in d.targets.projects.iter().enumerate() {
        let what = format!("项目支出绩效目标表“{}”", p.project.trim());
        sheet.adopt(PROJECTS, Some(i), named(&what, target::evaluate_as(target::PROJECT, p, policy)));
        let m = matched(sheet, i, p, &t7, &t11);
        if let Some((_, v)) = m.t7 {
            sheet.set(Path::field("table7").under(PROJECTS, Some(i)), Shown::Amount(v));
        }
        if let Some((_, v)) = m.t11 {
            sheet.set(Path::field("table11").under(PROJECTS, Some(i)), Shown::Amount(v));
        }
    }
}

/// Among the disclosure's findings a target table's own name which table they are in.
fn named(what: &str, mut ev: crate::Evaluation) -> crate::Evaluation {
    for f in &mut ev.findings {
        f.message = format!("{what}：{}", f.message);
    }
    ev
}

/// A project target against 表7 and 表11.
pub(super) fn matched(sheet: &mut Sheet, i: usize, p: &TargetDoc, t7: &[Project], t11: &[Project]) -> Matched {
    let name = key(&p.project);
    let mut m = Matched { t7: None, t11: None };
    if name.is_empty() {
        return m;
    }
    let find = |rows: &[Project]| rows.iter().find(|r| r.key == name).map(|r| (r.row, r.amount));
    m.t7 = find(t7);
    m.t11 = find(t11);
    let total_at = Path::field("funds.total").under(PROJECTS, Some(i));
    let Some(total) = figure(sheet, PROJECTS, Some(i), "funds.total", &p.funds.total) else { return m };
    let shown = p.project.trim();
    if m.t7.is_none() && m.t11.is_none() {
        let msg = format!("项目支出绩效目标表“{shown}”在表7 一般公共预算项目支出情况表和表11 上年结转结余情况明细表中都找不到同名项目，请核对项目名称");
        sheet.push(Finding::new(Code::TargetUnmatched, Severity::Warning, Path::field("project").under(PROJECTS, Some(i)), msg));
        return m;
    }
    // figures near Decimal's limit saturate: a sum that cannot be is then a mismatch, never a panic
    let in_tables = |m: &Matched| m.t7.map_or(Decimal::ZERO, |x| x.1).saturating_add(m.t11.map_or(Decimal::ZERO, |x| x.1));
    // the rest may be carried over under another name (the 说明 then says so)
    if m.t11.is_none() && in_tables(&m) != total {
        let rest = total.saturating_sub(in_tables(&m));
        let named: Vec<&Project> = t11.iter().filter(|r| r.amount == rest).collect();
        if let [r] = named.as_slice() {
            m.t11 = Some((r.row, rest));
            let msg = format!(
                "“{shown}”年度预算总额 {} 按表7 {} 加表11“{}”上年结转 {} 计算；两处名称不同，请确认是同一项目",
                fmt_amount(total),
                fmt_amount(in_tables(&Matched { t7: m.t7, t11: None })),
                r.name,
                fmt_amount(rest)
            );
            sheet.push(Finding::new(Code::TargetCarried, Severity::Info, total_at, msg).related([Path::row("carried.rows", r.row, "sum").to_string()]));
        }
    }
    let sum = in_tables(&m);
    if sum != total {
        let parts = match (m.t7, m.t11) {
            (Some((_, a)), Some((_, b))) => format!("表7 {} 加表11 结转 {} 为 {}", fmt_amount(a), fmt_amount(b), fmt_amount(sum)),
            (Some((_, a)), None) => format!("表7 该项目为 {}（表11 无其结转）", fmt_amount(a)),
            (None, Some((_, b))) => format!("表11 该项目结转 {}（表7 无此项目）", fmt_amount(b)),
            (None, None) => String::new(),
        };
        let related = m.t7.map(|(r, _)| Path::row("projects.rows", r, "sum")).into_iter().chain(m.t11.map(|(r, _)| Path::row("carried.rows", r, "sum")));
        let msg = format!("项目支出绩效目标表“{shown}”的年度预算总额为 {}，{parts}，两处应相等，请核对", fmt_amount(total));
        sheet.push(Finding::new(Code::FigureInconsistent, Severity::Error, total_at, msg).values(Some(fmt_amount(total)), Some(fmt_amount(sum))).related(related.map(|p| p.to_string())));
    }
    m
}

/// The 部门整体 table's money is the department's whole budget (表1).
fn department(sheet: &mut Sheet, dep: &TargetDoc, t: &All) {
    let s = &t.summary_income;
    let line = |i: usize| s.get(i).and_then(|l| l.first().copied().flatten());
    let pairs = [
        ("funds.total", &dep.funds.total, "资金总额", line(line::INCOME_TOTAL), "表1 收入总计", vec![at("summary.income_total", "sum")]),
        (
            "funds.fiscal",
            &dep.funds.fiscal,
            "财政资金",
            [line::GENERAL, line::FUND, line::CAPITAL, line::CARRIED_FISCAL].iter().map(|&i| line(i)).try_fold(Decimal::ZERO, |a, x| a.checked_add(x.unwrap_or_default())).filter(|_| line(line::INCOME_TOTAL).is_some()),
            "表1 一般公共预算、政府性基金、国有资本经营预算拨款与财政拨款结转之和",
            vec![at("summary.general", "sum"), at("summary.carried_fiscal", "sum")],
        ),
    ];
    for (field, typed, what, table, table_what, related) in pairs {
        let (Some(ours), Some(theirs)) = (figure(sheet, DEPARTMENT, None, field, typed), table.map(round2)) else { continue };
        if ours != theirs {
            let msg = format!("部门整体绩效目标表的{what}为 {}，{table_what}为 {}，两处应相等，请核对", fmt_amount(ours), fmt_amount(theirs));
            sheet.push(
                Finding::new(Code::FigureInconsistent, Severity::Error, Path::field(field).under(DEPARTMENT, None), msg)
                    .values(Some(fmt_amount(ours)), Some(fmt_amount(theirs)))
                    .related(related.iter().map(|p| p.to_string())),
            );
        }
    }
}
