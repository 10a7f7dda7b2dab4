//! Form A, 项目支出绩效自评表 (SPEC §6 A): the document format, the layout the page renders,
//! and the checks — funds totals, 执行率 and its score, the indicator table, 总分 and 等级.

use super::indicators::{self, Context, IndicatorRow};
use super::{Path, Sheet, Shown};
use crate::cell::Cell;
use crate::finding::{Code, Finding, Severity};
use crate::number::{compare_total, fmt_amount, fmt_rate, fmt_score, rate_reachable, Agreement, Figure};
use crate::policy::Policy;
use crate::scoring::{self, GRADES};
use crate::{Evaluation, Summary};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct ProjectDoc {
    /// 格式版本 (1)
    pub version: Cell,
    /// 年度
    pub year: Cell,
    /// 项目名称
    pub project: Cell,
    /// 主管部门
    pub department: Cell,
    /// 实施单位
    pub implementer: Cell,
    /// 部门（单位）名称 — the department table (B) names its unit instead of a project
    pub unit: Cell,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub funds: Funds,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub goals: Goals,
    #[serde(deserialize_with = "crate::cell::rows")]
    pub indicators: Vec<IndicatorRow>,
    /// 总分 as stated
    pub total_score: Cell,
    /// 等级 as stated
    pub grade: Cell,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Funds {
    /// 年度资金总额
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub total: FundRow,
    /// 其中：当年财政拨款 / 上年结转资金 / 其他资金
    #[serde(deserialize_with = "crate::cell::rows")]
    pub rows: Vec<FundRow>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct FundRow {
    pub label: Cell,
    /// 年初预算数
    pub initial: Cell,
    /// 全年预算数 (调整后)
    pub adjusted: Cell,
    /// 全年执行数
    pub executed: Cell,
    /// 分值 (total row only)
    pub weight: Cell,
    /// 执行率 (total row only)
    pub rate: Cell,
    /// 得分 (total row only)
    pub score: Cell,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Goals {
    /// 预期目标
    pub expected: Cell,
    /// 实际完成情况
    pub actual: Cell,
}

/// (column, 中文名, the total row's cell)
const COLUMNS: [(&str, &str, Path); 3] = [
    ("initial", "年初预算数", Path::field("funds.total.initial")),
    ("adjusted", "全年预算数", Path::field("funds.total.adjusted")),
    ("executed", "全年执行数", Path::field("funds.total.executed")),
];

/// Forms A and B share their shape (B is a project table whose header names a unit): funds, 执行率 block, indicators, 总分 and 等级.
#[inline(never)] // one function per kind: the page compiles only the kind it evaluates
pub fn evaluate_as(kind: &str, doc: &ProjectDoc, policy: &Policy) -> Evaluation {
    let mut sheet = Sheet::new(policy);
    let totals = funds_totals(&doc.funds, &mut sheet);
    let (adjusted, executed) = (totals[1], totals[2]);
    let exec = exec_block(&doc.funds.total, adjusted, executed, &mut sheet);
    let ctx = Context { executed_funds: executed.map(|f| f.value), project_levels: kind == "project_self_evaluation" };
    let ind = indicators::evaluate(&doc.indicators, ctx, &mut sheet);
    let (total, grade) = total_and_grade(exec.weight, exec.score, &ind, &doc.total_score, &doc.grade, &mut sheet);
    let name = if doc.project.trim().is_empty() { doc.unit.trim() } else { doc.project.trim() };
    Evaluation::new(
        kind,
        Summary {
            title: format!("{}{}", name, if doc.year.trim().is_empty() { String::new() } else { format!("（{}年度）", doc.year.trim()) }),
            total_score: total.map(fmt_score),
            grade: grade.map(str::to_string),
            exec_rate: exec.rate.map(fmt_rate),
            ..Summary::default()
        },
        sheet,
    )
}

/// The funds block's totals row against its rows, column by column; returns the totals used
/// further on (stated where given, else computed).
pub fn funds_totals(funds: &Funds, sheet: &mut Sheet) -> [Option<Figure>; 3] {
    let mut out = [None; 3];
    for (k, &(col, label, path)) in COLUMNS.iter().enumerate() {
        let get = |r: &FundRow| -> Cell {
            match k {
                0 => r.initial.clone(),
                1 => r.adjusted.clone(),
                _ => r.executed.clone(),
            }
        };
        let mut sum = Decimal::ZERO;
        let mut terms = 0;
        let mut decimals = 0;
        for (i, r) in funds.rows.iter().enumerate() {
            if let Some(f) = sheet.amount(Path::row("funds.rows", i, col), &get(r)) {
                sum += f.value;
                terms += 1;
                decimals = decimals.max(f.decimals);
            }
        }
        let stated = sheet.amount(path, &get(&funds.total));
        if terms > 0 {
            sheet.set(path, Shown::Amount(sum));
        }
        out[k] = match stated {
            Some(s) if terms > 0 => {
                match compare_total(s.value, sum, terms, sheet.policy.rounding_tolerance) {
                    Agreement::Equal => {}
                    Agreement::Tail => sheet.push(
                        Finding::new(Code::SumTail, Severity::Info, path, format!("年度资金总额的{label} {} 与各项之和 {} 相差在尾差范围内", fmt_amount(s.value), fmt_amount(sum)))
                            .values(Some(fmt_amount(s.value)), Some(fmt_amount(sum))),
                    ),
                    Agreement::Mismatch => sheet.push(
                        Finding::new(Code::SumMismatch, Severity::Error, path, format!("年度资金总额的{label}应为 {}，填写为 {}", fmt_amount(sum), fmt_amount(s.value)))
                            .values(Some(fmt_amount(s.value)), Some(fmt_amount(sum))),
                    ),
                }
                Some(s)
            }
            Some(s) => Some(s),
            None if terms > 0 => Some(Figure { value: sum, decimals }),
            None => None,
        };
    }
    if let (Some(a), Some(e)) = (out[1], out[2]) {
        if e.value > a.value {
            sheet.push(
                Finding::new(
                    Code::FundsOverBudget,
                    Severity::Warning,
                    Path::field("funds.total.executed"),
                    format!("全年执行数 {} 超过全年预算数 {}", fmt_amount(e.value), fmt_amount(a.value)),
                )
                .values(Some(fmt_amount(e.value)), Some(fmt_amount(a.value))),
            );
        }
    }
    out
}

pub struct ExecBlock {
    pub weight: Decimal,
    pub rate: Option<Decimal>,
    pub score: Option<Decimal>,
}

/// 分值, 执行率 and 得分 of the funds' total row.
pub fn exec_block(row: &FundRow, adjusted: Option<Figure>, executed: Option<Figure>, sheet: &mut Sheet) -> ExecBlock {
    const WEIGHT: Path = Path::field("funds.total.weight");
    const RATE: Path = Path::field("funds.total.rate");
    const SCORE: Path = Path::field("funds.total.score");
    let weight = sheet.score(WEIGHT, &row.weight).map(|f| f.value).unwrap_or(sheet.policy.exec_weight);
    sheet.set(WEIGHT, Shown::Score(weight));
    let stated_rate = sheet.rate(RATE, &row.rate);
    let stated_score = sheet.score(SCORE, &row.score);
    let (Some(adj), Some(exe)) = (adjusted, executed) else {
        return ExecBlock { weight, rate: None, score: stated_score.map(|f| f.value) };
    };
    let Some(rate) = scoring::exec_rate(adj.value, exe.value) else {
        let why = if adj.value.is_zero() { "全年预算数为 0，无法计算执行率" } else { "全年执行数与全年预算数相差悬殊，执行率超出可计算的范围，请检查单位（万元/元/亿元）" };
        sheet.push(Finding::new(Code::ExecRateNoBudget, Severity::Warning, Path::field("funds.total.adjusted"), why));
        return ExecBlock { weight, rate: None, score: stated_score.map(|f| f.value) };
    };
    sheet.set(RATE, Shown::Rate(rate));
    if let Some(s) = stated_rate {
        if s.value != rate {
            let ok = rate_reachable(s, exe, adj);
            sheet.push(
                Finding::new(
                    if ok { Code::RateTail } else { Code::RateMismatch },
                    if ok { Severity::Info } else { Severity::Error },
                    RATE,
                    if ok {
                        format!("执行率填写为 {}%，按 {} / {} 计算为 {}，在四舍五入范围内", s.value, fmt_amount(exe.value), fmt_amount(adj.value), fmt_rate(rate))
                    } else {
                        format!("执行率应为 {}（{} / {}），填写为 {}%", fmt_rate(rate), fmt_amount(exe.value), fmt_amount(adj.value), s.value)
                    },
                )
                .values(Some(format!("{}%", s.value)), Some(fmt_rate(rate))),
            );
        }
    }
    if let Some(below) = sheet.policy.exec_rate_reason_below {
        if rate < below {
            sheet.push(Finding::new(
                Code::ExecRateLow,
                Severity::Warning,
                RATE,
                format!("执行率 {} 低于 {}%，应在实际完成情况中说明原因", fmt_rate(rate), below.normalize()),
            ));
        }
    }
    let score = scoring::exec_score(weight, rate);
    sheet.set(SCORE, Shown::Score(score));
    if row.score.trim().is_empty() {
        // seed 002's department table printed no 执行率得分 at all: a published table needs it
        sheet.push(
            Finding::new(Code::ExecScoreMissing, Severity::Warning, SCORE, format!("未填写执行率得分，按 {} × {} 应为 {}", fmt_score(weight), fmt_rate(rate.min(Decimal::ONE_HUNDRED)), fmt_score(score)))
                .values(None, Some(fmt_score(score))),
        );
    }
    if let Some(s) = stated_score {
        if s.value != score {
            sheet.push(
                Finding::new(
                    Code::ScoreMismatch,
                    Severity::Error,
                    SCORE,
                    format!("执行率得分应为 {}（{} × {}），填写为 {}", fmt_score(score), fmt_score(weight), fmt_rate(rate.min(Decimal::ONE_HUNDRED)), fmt_score(s.value)),
                )
                .values(Some(fmt_score(s.value)), Some(fmt_score(score))),
            );
        }
    }
    ExecBlock { weight, rate: Some(rate), score: Some(score) }
}

/// Σ weights + 分值 = 100; 总分 = 执行率得分 + Σ scores; 等级 from 总分.
pub fn total_and_grade(
    exec_weight: Decimal,
    exec_score: Option<Decimal>,
    ind: &indicators::Totals,
    stated_total: &str,
    stated_grade: &str,
    sheet: &mut Sheet,
) -> (Option<Decimal>, Option<&'static str>) {
    let hundred = Decimal::ONE_HUNDRED;
    let weights = ind.weight + exec_weight;
    sheet.set(Path::field("weight_total"), Shown::Score(weights));
    if ind.rows > 0 && weights != hundred {
        sheet.push(
            Finding::new(
                Code::WeightsTotal,
                Severity::Error,
                "weight_total",
                format!("指标分值合计 {} 加执行率分值 {} 为 {}，应为 100", fmt_score(ind.weight), fmt_score(exec_weight), fmt_score(weights)),
            )
            .values(Some(fmt_score(weights)), Some("100.00".into())),
        );
    }
    let stated = sheet.score(Path::field("total_score"), stated_total).map(|f| f.value);
    let total = exec_score.map(|e| e + ind.score);
    if let Some(t) = total {
        sheet.set(Path::field("total_score"), Shown::Score(t));
    }
    if let (Some(t), Some(s)) = (total, stated) {
        if t != s {
            // when the stated scores follow another region's reading, the total differs for that reason alone
            let by_policy = sheet.findings.iter().any(|f| f.code == Code::ScorePolicyDiffers);
            let why = if by_policy { "；差异来自反向指标的评分口径，见各指标说明" } else { "" };
            sheet.push(
                Finding::new(
                    Code::TotalMismatch,
                    if by_policy { Severity::Warning } else { Severity::Error },
                    "total_score",
                    format!("总分应为 {}（执行率得分 {} + 指标得分 {}），填写为 {}{why}", fmt_score(t), fmt_score(exec_score.unwrap_or_default()), fmt_score(ind.score), fmt_score(s)),
                )
                .values(Some(fmt_score(s)), Some(fmt_score(t))),
            );
        }
    }
    if let (Some(t), true) = (total, stated_total.trim().is_empty() && ind.rows > 0) {
        sheet.push(Finding::new(Code::TotalMissing, Severity::Warning, "total_score", format!("未填写总分，按计算应为 {}", fmt_score(t))).values(None, Some(fmt_score(t))));
    }
    if let Some(s) = stated.filter(|s| *s > hundred) {
        sheet.push(Finding::new(Code::TotalOver100, Severity::Error, "total_score", format!("总分 {} 超过 100", fmt_score(s))));
    }
    let grade = total.or(stated).map(|t| scoring::grade(t, sheet.policy));
    if let Some(g) = grade {
        sheet.set(Path::field("grade"), Shown::Word(g));
        let typed = stated_grade.trim();
        if !typed.is_empty() && typed != g {
            let known = GRADES.contains(&typed);
            sheet.push(
                Finding::new(
                    Code::GradeMismatch,
                    Severity::Error,
                    "grade",
                    if known {
                        format!("总分 {} 对应的等级应为“{}”，填写为“{}”", fmt_score(total.or(stated).unwrap_or_default()), g, typed)
                    } else {
                        format!("等级填写为“{}”，不是 优/良/中/差 之一；按总分 {} 应为“{}”", typed, fmt_score(total.or(stated).unwrap_or_default()), g)
                    },
                )
                .values(Some(typed.to_string()), Some(g.to_string())),
            );
        }
    }
    (total, grade)
}
