//! Form B, 部门（单位）整体支出绩效自评表 (SPEC §6 B): funds by source (中央 / 自治区 /
//! 地（州、市）/ 县（市、区）/ 其他) with totals in every column, 执行率 and its score,
//! indicators with 指标值设定依据, 总分 and 等级. The checks are form A's.

use super::project;
use crate::policy::Policy;
use crate::Evaluation;
use crate::json::Value;

pub const KIND: &str = "department_self_evaluation";
pub const TITLE: &str = "部门（单位）整体支出绩效自评表";
pub const VERSION: u64 = 1;

/// The department table reads as a project table whose header names a unit; its checks are
/// form A's.
pub fn evaluate(v: &Value, policy: &Policy) -> Evaluation {
    project::evaluate_as(KIND, &project::ProjectDoc::read(v), policy)
}

pub fn blank() -> Value {
    super::builtin(include_str!("department.blank.json"))
}

pub fn layout() -> Value {
    super::builtin(include_str!("department.layout.json"))
}
