//! A department's package (SPEC §8.4): its 整体 table and its project tables checked each on
//! its own and against the totals the 决算 explanation cites — 预算绩效评价项目 N 个, 全年预算数,
//! 全年执行数, and the 整体 table's 年度总资金 against 收入总计 / 本年支出合计.

use super::{department, project, Sheet};
use crate::finding::{Finding, Severity};
use crate::number::{compare_total, fmt_amount, parse_amount, Agreement, Figure};
use crate::policy::Policy;
use crate::{Evaluation, Summary};
use rust_decimal::Decimal;
use crate::json::Value;

pub const KIND: &str = "department_package";
pub const TITLE: &str = "部门绩效材料汇总核对";
pub const VERSION: u64 = 1;

/// Moves a member's cells and findings under `prefix`, so every path still names its field.
fn adopt(sheet: &mut Sheet, prefix: &str, ev: Evaluation) {
    for (k, v) in ev.computed {
        sheet.set(&format!("{prefix}.{k}"), v);
    }
    for mut f in ev.findings {
        f.path = format!("{prefix}.{}", f.path);
        sheet.push(f);
    }
}

fn resolved(sheet: &Sheet, path: &str) -> Option<Decimal> {
    sheet.computed.get(path).and_then(|t| parse_amount(t).ok().flatten()).map(|f| f.value)
}

pub fn evaluate(v: &Value, policy: &Policy) -> Evaluation {
    let mut sheet = Sheet::new(policy);
    let projects = v.get("projects").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    for (i, p) in projects.iter().enumerate() {
        let ev = project::evaluate(&project::ProjectDoc::read(p), policy);
        if let Some(t) = &ev.summary.total_score {
            sheet.set(&format!("projects.{i}.total_score"), t.clone());
        }
        adopt(&mut sheet, &format!("projects.{i}"), ev);
    }
    let dept = v.get("department").filter(|d| d.is_object());
    if let Some(d) = dept {
        let ev = department::evaluate(d, policy);
        adopt(&mut sheet, "department", ev);
    }

    let fa = v.get("final_accounts").unwrap_or(&Value::Null);
    let text = |k: &str| super::cell(fa, k);
    let n = Decimal::from(projects.len() as u64);
    sheet.set("members.count", n.to_string());
    if let Some(c) = sheet.score("final_accounts.project_count", &text("project_count")) {
        if c.value != n {
            sheet.push(
                Finding::new("count.mismatch", Severity::Error, "final_accounts.project_count", format!("决算说明所述预算绩效评价项目 {} 个，所附项目自评表为 {} 个", c.value.normalize(), n))
                    .values(Some(c.value.normalize().to_string()), Some(n.to_string())),
            );
        }
    }
    for (col, key, label) in [("adjusted", "project_budget", "全年预算数"), ("executed", "project_executed", "全年执行数")] {
        let parts: Vec<Option<Decimal>> = (0..projects.len()).map(|i| resolved(&sheet, &format!("projects.{i}.funds.total.{col}"))).collect();
        let sum: Decimal = parts.iter().flatten().sum();
        let path = format!("final_accounts.{key}");
        sheet.set(&format!("members.{col}"), fmt_amount(sum));
        let stated = sheet.amount(&path, &text(key));
        if let (Some(s), true) = (stated, parts.iter().all(Option::is_some) && !parts.is_empty()) {
            let tol = sheet.policy.rounding_tolerance;
            let verdict = compare_total(s.value, sum, parts.len(), tol);
            if verdict != Agreement::Equal {
                let tail = verdict == Agreement::Tail;
                sheet.push(
                    Finding::new(
                        if tail { "sum.tail" } else { "sum.mismatch" },
                        if tail { Severity::Info } else { Severity::Error },
                        &path,
                        format!("决算说明所述项目{label} {}，所附 {} 张项目自评表合计为 {}", fmt_amount(s.value), parts.len(), fmt_amount(sum)),
                    )
                    .values(Some(fmt_amount(s.value)), Some(fmt_amount(sum))),
                );
            }
        }
    }
    if dept.is_some() {
        for (col, key, label) in [("adjusted", "income_total", "收入总计"), ("executed", "expenditure_total", "本年支出合计")] {
            let path = format!("final_accounts.{key}");
            let stated: Option<Figure> = sheet.amount(&path, &text(key));
            if let (Some(s), Some(t)) = (stated, resolved(&sheet, &format!("department.funds.total.{col}"))) {
                if s.value != t {
                    sheet.push(
                        Finding::new(
                            "figure.inconsistent",
                            Severity::Error,
                            &path,
                            format!("决算{label} {} 与整体支出绩效自评表的年度总资金{} {} 不一致", fmt_amount(s.value), if col == "adjusted" { "全年预算数" } else { "全年执行数" }, fmt_amount(t)),
                        )
                        .values(Some(fmt_amount(s.value)), Some(fmt_amount(t))),
                    );
                }
            }
        }
    }
    let unit = super::cell(v, "unit");
    Evaluation::new(KIND, Summary { title: format!("{}（{} 张项目表）", unit.trim(), projects.len()), ..Summary::default() }, sheet)
}

/// A package of the given member documents, as the page's import and the CLI build one.
pub fn assemble(unit: &str, members: Vec<Value>) -> Value {
    let (depts, projects): (Vec<Value>, Vec<Value>) = members.into_iter().partition(|m| m.get("kind").and_then(Value::as_str) == Some(department::KIND));
    Value::object(vec![
        ("kind", Value::str(KIND)),
        ("version", Value::Number(VERSION.to_string())),
        ("unit", Value::str(unit)),
        ("final_accounts", Value::Object(Vec::new())),
        ("department", depts.into_iter().next().unwrap_or(Value::Null)),
        ("projects", Value::Array(projects)),
    ])
}

pub fn blank() -> Value {
    super::builtin(include_str!("package.blank.json"))
}

pub fn layout() -> Value {
    super::builtin(include_str!("package.layout.json"))
}
