//! Form B, 部门（单位）整体支出绩效自评表 (SPEC §6 B): funds by source (中央 / 自治区 /
//! 地（州、市）/ 县（市、区）/ 其他) with totals in every column, 执行率 and its score,
//! indicators with 指标值设定依据, 总分 and 等级. The checks are form A's.

use super::indicators::{self, Context, IndicatorRow};
use super::project::{exec_block, funds_totals, total_and_grade, FundRow, Funds, Goals};
use super::{cell, rows, Sheet};
use crate::number::{fmt_rate, fmt_score};
use crate::policy::Policy;
use crate::{Evaluation, Summary};
use crate::json::Value;

pub const KIND: &str = "department_self_evaluation";
pub const TITLE: &str = "部门（单位）整体支出绩效自评表";
pub const VERSION: u64 = 1;

#[derive(Debug, Clone, Default)]
pub struct DepartmentDoc {
    pub year: String,
    /// 部门（单位）名称
    pub unit: String,
    pub funds: Funds,
    pub goals: Goals,
    pub indicators: Vec<IndicatorRow>,
    pub total_score: String,
    pub grade: String,
}

impl DepartmentDoc {
    pub fn read(v: &Value) -> Self {
        let funds = v.get("funds").unwrap_or(&Value::Null);
        let goals = v.get("goals").unwrap_or(&Value::Null);
        DepartmentDoc {
            year: cell(v, "year"),
            unit: cell(v, "unit"),
            funds: Funds { total: FundRow::read(funds.get("total").unwrap_or(&Value::Null)), rows: rows(funds, "rows", FundRow::read) },
            goals: Goals { expected: cell(goals, "expected"), actual: cell(goals, "actual") },
            indicators: rows(v, "indicators", IndicatorRow::read),
            total_score: cell(v, "total_score"),
            grade: cell(v, "grade"),
        }
    }
}

pub fn evaluate(doc: &DepartmentDoc, policy: &Policy) -> Evaluation {
    let mut sheet = Sheet::new(policy);
    let totals = funds_totals(&doc.funds, "funds", &mut sheet);
    let exec = exec_block(&doc.funds.total, "funds.total", totals[1], totals[2], &mut sheet);
    let ind = indicators::evaluate(&doc.indicators, "indicators", Context::default(), &mut sheet);
    let (total, grade) = total_and_grade(exec.weight, exec.score, &ind, &doc.total_score, &doc.grade, &mut sheet);
    Evaluation::new(
        KIND,
        Summary {
            title: format!("{}{}", doc.unit.trim(), if doc.year.trim().is_empty() { String::new() } else { format!("（{}年度）", doc.year.trim()) }),
            total_score: total.map(fmt_score),
            grade: grade.map(str::to_string),
            exec_rate: exec.rate.map(fmt_rate),
            ..Summary::default()
        },
        sheet,
    )
}

pub fn blank() -> Value {
    super::builtin(include_str!("department.blank.json"))
}

pub fn layout() -> Value {
    super::builtin(include_str!("department.layout.json"))
}
