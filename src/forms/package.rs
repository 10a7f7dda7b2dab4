//! A department's package (SPEC §8.4): its 整体 table and its project tables checked each on
//! its own and against the totals the 决算 explanation cites — 预算绩效评价项目 N 个, 全年预算数,
//! 全年执行数, and the 整体 table's 年度总资金 against 收入总计 / 本年支出合计. When the package holds
//! the 决算情况说明 itself (form D), those figures are taken from it, and its own findings are
//! the package's too.

use super::final_accounts::{self, FinalAccountsDoc};
use super::project::{self, ProjectDoc};
use super::{Path, Sheet, Shown};
use crate::cell::Cell;
use crate::finding::{Code, Finding, Severity};
use crate::number::{compare_total, fmt_amount, round2, Agreement, Figure};
use crate::policy::Policy;
use crate::{Evaluation, Summary};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

const KIND: &str = "department_package";

/// One department's 整体 table and project tables, with the totals its 决算说明 cites.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct PackageDoc {
    /// 格式版本 (1)
    pub version: Cell,
    pub year: Cell,
    pub unit: Cell,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub final_accounts: FinalAccounts,
    /// the 部门（单位）整体支出绩效自评表
    pub department: Option<ProjectDoc>,
    /// the 项目支出绩效自评表 of its projects
    #[serde(deserialize_with = "crate::cell::rows")]
    pub projects: Vec<ProjectDoc>,
    /// the 部门决算情况说明 (form D), whose figures stand in for blank `final_accounts` cells
    pub explanation: Option<Box<FinalAccountsDoc>>,
}

/// What the 决算说明 says of the department's performance evaluation.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct FinalAccounts {
    /// 预算绩效评价项目 N 个
    pub project_count: Cell,
    /// 项目全年预算数
    pub project_budget: Cell,
    /// 项目全年执行数
    pub project_executed: Cell,
    /// 收入总计
    pub income_total: Cell,
    /// 本年支出合计
    pub expenditure_total: Cell,
}

/// A member's amount as its table shows it (to the cent).
fn resolved(sheet: &Sheet, path: Path) -> Option<Decimal> {
    sheet.get(path).and_then(Shown::number).map(round2)
}

#[inline(never)] // one function per kind: the page compiles only the kind it evaluates
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn evaluate(v: &PackageDoc, policy: &Policy) -> Evaluation {
    let mut sheet = Sheet::new(policy);
    let projects = &v.projects;
    for (i, p) in projects.iter().enumerate() {
        let ev = project::evaluate_as("project_self_evaluation", p, policy);
        if let Some(t) = &ev.summary.total_score {
            sheet.set(Path::field("total_score").under("projects", Some(i)), Shown::Text(t.clone()));
        }
        sheet.adopt("projects", Some(i), ev);
    }
    let dept = v.department.as_ref();
    if let Some(d) = dept {
        let ev = project::evaluate_as("department_self_evaluation", d, policy);
        sheet.adopt("department", None, ev);
    }

    let mut fa = v.final_accounts.clone();
    if let Some(d) = &v.explanation {
        let ev = final_accounts::evaluate(d, policy);
        // what the explanation states, where the package's own cells are blank
        for (cell, from, to) in [
            (&mut fa.project_count, "performance.projects", "final_accounts.project_count"),
            (&mut fa.project_budget, "performance.project_budget", "final_accounts.project_budget"),
            (&mut fa.project_executed, "performance.project_executed", "final_accounts.project_executed"),
            (&mut fa.income_total, "overall.income_total", "final_accounts.income_total"),
            (&mut fa.expenditure_total, "overall.expenditure", "final_accounts.expenditure_total"),
        ] {
            if let (true, Some(said)) = (cell.is_blank(), ev.computed.get(from)) {
                sheet.set(Path::field(to), Shown::Text(said.clone()));
                *cell = Cell(said);
            }
        }
        for mut f in ev.findings.into_iter().filter(|f| f.path != "explanation") {
            f.path = format!("explanation.{}", f.path);
            sheet.push(f);
        }
    }
    let fa = &fa;
    let n = Decimal::from(projects.len() as u64);
    sheet.set(Path::field("members.count"), Shown::Count(n));
    if let Some(c) = sheet.score(Path::field("final_accounts.project_count"), &fa.project_count) {
        if c.value != n {
            sheet.push(
                Finding::new(Code::CountMismatch, Severity::Error, "final_accounts.project_count", format!("决算说明所述预算绩效评价项目 {} 个，所附项目自评表为 {} 个：请核对项目个数或补齐所附的表", c.value.normalize(), n))
                    .values(Some(c.value.normalize().to_string()), Some(n.to_string())),
            );
        }
    }
    let members = [(Path::field("funds.total.adjusted"), Path::field("members.adjusted")), (Path::field("funds.total.executed"), Path::field("members.executed"))];
    for ((col, total), (said, path), label) in [(members[0], (&fa.project_budget, Path::field("final_accounts.project_budget")), "全年预算数"), (members[1], (&fa.project_executed, Path::field("final_accounts.project_executed")), "全年执行数")] {
        let parts: Vec<Option<Decimal>> = (0..projects.len()).map(|i| resolved(&sheet, col.under("projects", Some(i)))).collect();
        let sum: Decimal = parts.iter().flatten().sum();
        sheet.set(total, Shown::Amount(sum));
        let stated = sheet.amount(path, said);
        if let (Some(s), true) = (stated, parts.iter().all(Option::is_some) && !parts.is_empty()) {
            let tol = sheet.policy.rounding_tolerance;
            let verdict = compare_total(s.value, sum, parts.len(), tol);
            if verdict != Agreement::Equal {
                let tail = verdict == Agreement::Tail;
                sheet.push(
                    Finding::new(
                        if tail { Code::SumTail } else { Code::SumMismatch },
                        if tail { Severity::Info } else { Severity::Error },
                        path,
                        format!("决算说明所述项目{label} {}，所附 {} 张项目自评表合计为 {}：请核对决算说明或各表的{label}", fmt_amount(s.value), parts.len(), fmt_amount(sum)),
                    )
                    .values(Some(fmt_amount(s.value)), Some(fmt_amount(sum))),
                );
            }
        }
    }
    if dept.is_some() {
        for ((col, _), (said, path), label) in [(members[0], (&fa.income_total, Path::field("final_accounts.income_total")), "收入总计"), (members[1], (&fa.expenditure_total, Path::field("final_accounts.expenditure_total")), "本年支出合计")] {
            let stated: Option<Figure> = sheet.amount(path, said);
            if let (Some(s), Some(t)) = (stated, resolved(&sheet, col.under("department", None))) {
                if s.value != t {
                    sheet.push(
                        Finding::new(
                            Code::FigureInconsistent,
                            Severity::Error,
                            path,
                            format!("决算{label} {} 与整体支出绩效自评表的年度总资金{} {} 不一致：请核对两处中填错的一处", fmt_amount(s.value), if col == members[0].0 { "全年预算数" } else { "全年执行数" }, fmt_amount(t)),
                        )
                        .values(Some(fmt_amount(s.value)), Some(fmt_amount(t))),
                    );
                }
            }
        }
    }
    let unit = &v.unit;
    Evaluation::new(KIND, Summary { title: format!("{}（{} 张项目表）", unit.trim(), projects.len()), ..Summary::default() }, sheet)
}

/// A package of the given member documents, as the page's import and the CLI build one: the
/// first department table, the first 决算情况说明 and every project table.
pub fn assemble(unit: &str, members: Vec<crate::Document>) -> PackageDoc {
    let mut p = PackageDoc { version: Cell::from("1"), unit: Cell::from(unit), ..PackageDoc::default() };
    for m in members {
        match m {
            crate::Document::Department(d) if p.department.is_none() => p.department = Some(d),
            crate::Document::Project(d) => p.projects.push(d),
            crate::Document::FinalAccounts(d) if p.explanation.is_none() => p.explanation = Some(Box::new(d)),
            _ => {}
        }
    }
    p
}
