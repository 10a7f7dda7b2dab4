//! 绩效目标表 (SPEC §6 E, §5): the 项目支出绩效目标表 and the 部门整体绩效目标表 published with
//! the budget. Checked: the funds (年度预算总额 = 财政拨款 + 其他资金; 财政资金 = 上级安排 +
//! 本级安排), every indicator's 指标值 (read as the 自评表 will read it), its 赋分规则 (SPEC §5.4)
//! and whether the rule suits the value, and the weights (Σ = 100 − the 执行率 block). A target
//! table is also next year's 自评表 before its actuals: [`self_evaluation`] carries it forward.

use super::indicators::{IndicatorRow, LEVEL1, LEVEL2};
use super::project::{FundRow, Funds, Goals, ProjectDoc};
use super::{weights, Path, RowAt, Sheet, Shown};
use crate::cell::Cell;
use crate::document::Document;
use crate::finding::{Code, Finding, Severity};
use crate::indicator::{parse_value, Value};
use crate::number::{fmt_amount, fmt_score};
use crate::policy::Policy;
use crate::scoring::Rule;
use crate::{Evaluation, Summary};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const PROJECT: &str = "project_target";
pub const DEPARTMENT: &str = "department_target";

/// A 项目支出绩效目标表 or a 部门整体绩效目标表, every cell as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct TargetDoc {
    /// 格式版本 (1)
    pub version: Cell,
    /// 预算年度
    pub year: Cell,
    /// 预算单位（部门整体表：部门名称）
    pub unit: Cell,
    /// 项目名称（部门整体表没有）
    pub project: Cell,
    /// 项目负责人（部门整体表：部门联系人）
    pub manager: Cell,
    /// 联系电话
    pub phone: Cell,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub funds: TargetFunds,
    /// 项目总体目标（部门整体表：年度绩效目标）
    pub goal: Cell,
    #[serde(deserialize_with = "crate::cell::rows")]
    pub indicators: Vec<TargetRow>,
}

/// 项目资金 / 年度预算 (万元).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct TargetFunds {
    /// 年度预算总额（资金总额）
    pub total: Cell,
    /// 其中：财政拨款（财政资金）
    pub fiscal: Cell,
    /// 财政资金：上级安排
    pub upper: Cell,
    /// 财政资金：本级安排
    pub local: Cell,
    /// 其他资金
    pub other: Cell,
}

/// One indicator of a target table.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct TargetRow {
    /// 一级指标; blank means "as the row above" (merged cells)
    pub level1: Cell,
    /// 二级指标; blank means "as the row above"
    pub level2: Cell,
    /// 三级指标
    pub name: Cell,
    /// 指标值
    pub target: Cell,
    /// 指标值设置依据
    pub basis: Cell,
    /// 上年完成值
    pub previous: Cell,
    /// 指标分值权重
    pub weight: Cell,
    /// 指标赋分规则
    pub rule: Cell,
    /// 佐证资料
    pub evidence: Cell,
}

impl TargetRow {
    /// The row as the 自评表 has it: what was planned, nothing done yet.
    fn planned(&self, basis: bool) -> IndicatorRow {
        IndicatorRow {
            level1: Cell(squeezed(&self.level1)),
            level2: Cell(squeezed(&self.level2)),
            name: self.name.clone(),
            target: self.target.clone(),
            basis: if basis { self.basis.clone() } else { Cell::default() },
            weight: self.weight.clone(),
            rule: self.rule.clone(),
            ..IndicatorRow::default()
        }
    }
}

fn is_department(kind: &str) -> bool {
    kind == DEPARTMENT
}

/// Level names as a PDF or Word paste leaves them (`产出 指标`) compare without their spaces.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The funds block: each sum filled when blank, checked when typed. Returns the resolved total.
fn funds(f: &TargetFunds, department: bool, sheet: &mut Sheet) -> Option<Decimal> {
    let read = |sheet: &mut Sheet, field: &'static str, text: &Cell| sheet.amount(Path::field(field), text).map(|x| x.value);
    let (upper, local) = (read(sheet, "funds.upper", &f.upper), read(sheet, "funds.local", &f.local));
    let mut fiscal = read(sheet, "funds.fiscal", &f.fiscal);
    let other = read(sheet, "funds.other", &f.other);
    let total = read(sheet, "funds.total", &f.total);
    let (total_name, fiscal_name) = if department { ("资金总额", "财政资金") } else { ("年度预算总额", "财政拨款") };
    if upper.is_some() || local.is_some() {
        let parts = format!("上级安排 {} + 本级安排 {}", fmt_amount(upper.unwrap_or_default()), fmt_amount(local.unwrap_or_default()));
        fiscal = check_sum(sheet, "funds.fiscal", fiscal, &[upper, local], fiscal_name, &parts, &["funds.upper", "funds.local"]);
    }
    if fiscal.is_none() && other.is_none() {
        return total;
    }
    let parts = format!("{fiscal_name} {} + 其他资金 {}", fmt_amount(fiscal.unwrap_or_default()), fmt_amount(other.unwrap_or_default()));
    check_sum(sheet, "funds.total", total, &[fiscal, other], total_name, &parts, &["funds.fiscal", "funds.other"])
}

fn check_sum(sheet: &mut Sheet, field: &'static str, stated: Option<Decimal>, parts: &[Option<Decimal>], name: &str, how: &str, related: &[&str]) -> Option<Decimal> {
    let sum = parts.iter().flatten().fold(Decimal::ZERO, |s, x| s.checked_add(*x).unwrap_or(s));
    let Some(st) = stated else {
        sheet.set(Path::field(field), Shown::Amount(sum));
        return Some(sum);
    };
    if st != sum {
        let (s, c) = (fmt_amount(st), fmt_amount(sum));
        sheet.push(
            Finding::new(Code::SumMismatch, Severity::Error, Path::field(field), format!("{name}填写为 {s}，按{how} 计算应为 {c}"))
                .values(Some(s), Some(c))
                .related(related.iter().map(|r| r.to_string())),
        );
    }
    Some(st)
}

/// What a 赋分规则 can score, by the kind of value the indicator sets.
fn rule_fits(rule: Rule, value: &Value, level1: &str) -> Option<String> {
    let qualitative = matches!(value, Value::Qualitative(_));
    match rule {
        Rule::Grade if !qualitative => Some("按评判等级赋分用于定性指标，这一指标值是可计量的数，应按照完成比例赋分或直接赋分".into()),
        Rule::Proportional if qualitative => Some("定性指标（指标值为文字）无法按完成比例计分，应按评判等级赋分".into()),
        Rule::Satisfaction if qualitative => Some("满意度赋分需要一个比例（如 ≥90%），这一指标值是文字".into()),
        Rule::Satisfaction if !level1.contains("满意度") => Some("满意度赋分只用于满意度指标".into()),
        _ => None,
    }
}

#[inline(never)] // one function per kind: the page compiles only the kind it evaluates
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn evaluate_as(kind: &str, d: &TargetDoc, policy: &Policy) -> Evaluation {
    let mut sheet = Sheet::new(policy);
    let department = is_department(kind);
    funds(&d.funds, department, &mut sheet);
    let rows: Vec<IndicatorRow> = d.indicators.iter().map(|r| r.planned(false)).collect();
    let plan = weights::plan(&rows);
    let mut counted = 0usize;
    for (i, row) in d.indicators.iter().enumerate() {
        if !plan.counted.get(i).copied().unwrap_or(false) && row.target.is_blank() && row.weight.is_blank() {
            continue;
        }
        counted += 1;
        let at = RowAt("indicators", i);
        let (level1, level2) = plan.levels(i);
        let name = if row.name.is_blank() { format!("第 {} 行指标", i + 1) } else { format!("指标“{}”", row.name.trim()) };
        if !department && !row.level1.is_blank() && !LEVEL1.contains(&squeezed(level1).as_str()) {
            let msg = format!("一级指标“{level1}”不是{}之一，请改为其中之一", LEVEL1.join("、"));
            sheet.push(Finding::new(Code::LevelNonstandard, Severity::Warning, at.cell("level1"), msg));
        }
        if !row.level2.is_blank() && !level2.is_empty() && !LEVEL2.contains(&squeezed(level2).as_str()) {
            let msg = format!("二级指标“{level2}”不是常见的二级指标（{}），请核对", LEVEL2.join("、"));
            sheet.push(Finding::new(Code::LevelNonstandard, Severity::Info, at.cell("level2"), msg));
        }
        if row.name.is_blank() {
            sheet.push(Finding::new(Code::ValueMissing, Severity::Warning, at.cell("name"), format!("{name}缺少三级指标名称")));
        }
        let value = match parse_value(&row.target) {
            // `>=` with its figure lost (a cell cut off, a paste from PDF)
            Ok(Some(Value::Qualitative(t))) if !t.chars().any(char::is_alphanumeric) => {
                let msg = format!("{name}的指标值只有符号“{}”，缺少数值，请补上（如 ≥50家）", row.target.trim());
                sheet.push(Finding::new(Code::ValueUnparseable, Severity::Error, at.cell("target"), msg).values(Some(row.target.to_string()), None));
                None
            }
            Ok(v) => v,
            Err(m) => {
                sheet.push(Finding::new(Code::ValueUnparseable, Severity::Error, at.cell("target"), format!("{name}的指标值：{m}")).values(Some(row.target.to_string()), None));
                None
            }
        };
        if row.target.is_blank() {
            sheet.push(Finding::new(Code::ValueMissing, Severity::Warning, at.cell("target"), format!("{name}缺少指标值；自评时无法按它计算完成率")));
        }
        match sheet.score(at.cell("weight"), &row.weight) {
            Some(_) => {}
            None if row.weight.is_blank() => sheet.push(Finding::new(Code::WeightMissing, Severity::Warning, at.cell("weight"), format!("{name}未填写分值权重"))),
            None => sheet.name_cell(at.cell("weight"), &format!("{name}的分值权重")),
        }
        match Rule::parse(&row.rule) {
            Err(m) => sheet.push(Finding::new(Code::ValueUnparseable, Severity::Error, at.cell("rule"), format!("{name}的赋分规则：{m}")).values(Some(row.rule.to_string()), None)),
            Ok(None) => {
                if let Some(v) = &value {
                    let qualitative = matches!(v, Value::Qualitative(_));
                    sheet.set(at.cell("rule"), Shown::Word(if qualitative { Rule::Grade.label() } else { Rule::Proportional.label() }));
                }
            }
            Ok(Some(rule)) => {
                if let Some(why) = value.as_ref().and_then(|v| rule_fits(rule, v, &squeezed(level1))) {
                    let msg = format!("{name}（指标值 {}）定为{}：{why}", row.target.trim(), rule.label());
                    sheet.push(Finding::new(Code::RuleMismatch, Severity::Warning, at.cell("rule"), msg).related([at.cell("target").to_string()]));
                }
            }
        }
    }
    let exec = policy.exec_weight;
    sheet.set(Path::field("weight_total"), Shown::Score(plan.weight));
    if counted == 0 {
        sheet.missing.push("绩效指标（三级指标、指标值与分值权重）".to_string());
    } else if plan.weight == Decimal::ONE_HUNDRED && !exec.is_zero() {
        sheet.push(Finding::new(Code::WeightsNoExecBlock, Severity::Info, "weight_total", "指标分值权重已合计 100：自评时按不设执行率分值的模板计分"));
    } else if plan.weight.checked_add(exec) != Some(Decimal::ONE_HUNDRED) {
        let should = Decimal::ONE_HUNDRED - exec;
        let msg = format!("指标分值权重合计 {}，应为 {}（另 {} 分为预算执行率），请核对各指标分值", fmt_score(plan.weight), fmt_score(should), fmt_score(exec));
        sheet.push(Finding::new(Code::WeightsTotal, Severity::Error, "weight_total", msg).values(Some(fmt_score(plan.weight)), Some(fmt_score(should))));
    }
    let name = if department || d.project.is_blank() { d.unit.trim() } else { d.project.trim() };
    let year = d.year.trim().trim_end_matches(['年', '度']);
    let what = if department { "部门整体绩效目标表" } else { "项目支出绩效目标表" };
    let title = format!("{name}（{}{what}）", if year.is_empty() { String::new() } else { format!("{year}年") });
    Evaluation::new(kind, Summary { title, ..Summary::default() }, sheet)
}

/// A target table carried forward as the 自评表 its unit fills in after the year: header, funds
/// as budgeted (年初预算数), the goal as 预期目标, and every indicator with its 指标值, 分值 and
/// 赋分规则 — the actuals, 全年预算数 and 执行数 left for the unit. `carried` is the part of the
/// 财政拨款 that is 上年结转 (表11), when the budget disclosure says so.
pub fn self_evaluation(kind: &str, d: &TargetDoc, department_name: &str, carried: Option<Decimal>) -> Option<Document> {
    let department = match kind {
        PROJECT => false,
        DEPARTMENT => true,
        _ => return None,
    };
    let amount = |c: &Cell| crate::number::parse_amount(c).ok().flatten().map(|f| f.value);
    let (fiscal, other) = (amount(&d.funds.fiscal).or_else(|| amount(&d.funds.upper)?.checked_add(amount(&d.funds.local).unwrap_or_default())), amount(&d.funds.other));
    let total = match amount(&d.funds.total) {
        Some(_) => d.funds.total.clone(),
        None if fiscal.is_some() || other.is_some() => Cell(fmt_amount(fiscal.unwrap_or_default().checked_add(other.unwrap_or_default())?)),
        None => Cell::default(),
    };
    let row = |label: &str, initial: Cell| FundRow { label: Cell::from(label), initial, ..FundRow::default() };
    let text = |v: Option<Decimal>| v.map(|v| Cell(fmt_amount(v))).unwrap_or_default();
    let funds = if department {
        let blank = |l: &str| row(l, Cell::default());
        Funds {
            total: row("年度总资金", total),
            rows: vec![blank("其中：中央安排"), blank("自治区安排"), blank("地（州、市）安排"), blank("县（市、区）安排"), row("其他资金", text(other))],
        }
    } else {
        let (this_year, last_year) = match (fiscal, carried) {
            (Some(f), Some(c)) if c <= f => (Some(f.saturating_sub(c)), Some(c)),
            _ => (fiscal, None),
        };
        Funds { total: row("年度资金总额", total), rows: vec![row("其中：当年财政拨款", text(this_year)), row("上年结转资金", text(last_year)), row("其他资金", text(other))] }
    };
    let indicators = d.indicators.iter().filter(|r| [&r.level1, &r.level2, &r.name, &r.target, &r.weight].iter().any(|c| !c.is_blank())).map(|r| r.planned(department)).collect();
    let doc = ProjectDoc {
        version: Cell::from("1"),
        year: d.year.clone(),
        project: if department { Cell::default() } else { d.project.clone() },
        department: if department { Cell::default() } else { Cell::from(department_name) },
        implementer: if department { Cell::default() } else { d.unit.clone() },
        unit: if department { d.unit.clone() } else { Cell::default() },
        funds,
        goals: Goals { expected: d.goal.clone(), actual: Cell::default() },
        indicators,
        total_score: Cell::default(),
        grade: Cell::default(),
    };
    Some(if department { Document::Department(doc) } else { Document::Project(doc) })
}
