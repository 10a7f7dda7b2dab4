//! Form A, 项目支出绩效自评表 (SPEC §6 A): the document format, the layout the page renders,
//! and the checks — funds totals, 执行率 and its score, the indicator table, 总分 and 等级.

use super::indicators::{self, Context, IndicatorRow};
use super::weights;
use super::{Path, Sheet, Shown};
use crate::cell::Cell;
use crate::finding::{Code, Finding, Severity};
use crate::number::{add, compare_total, percent_exact, sub, fmt_amount, fmt_rate, fmt_score, is_not_applicable, rate_reachable, Agreement, Figure};
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
    let funds = funds_totals(&doc.funds, &mut sheet);
    let plan = weights::plan(&doc.indicators);
    let exec = exec_block(&doc.funds.total, &funds, plan.weight, &mut sheet);
    for (k, what) in [(1, "年度资金的全年预算数"), (2, "年度资金的全年执行数")] {
        if funds.cols[k].is_none() {
            sheet.missing.push(what.to_string());
        }
    }
    let year = doc.year.trim().trim_end_matches(['年', '度']).parse().ok();
    let hundred = Decimal::ONE_HUNDRED;
    let trust_labels = add(plan.weight, exec.weight) != hundred && add(plan.weight_by_labels, exec.weight) == hundred;
    let ctx = Context { executed_funds: funds.cols[2].map(|f| f.value), project_levels: kind == "project_self_evaluation", year, trust_labels };
    let mut ind = indicators::evaluate_planned(&doc.indicators, &plan, ctx, &mut sheet);
    // each disputed label over a single row gave that row its weight: the table weighs what the labels say
    if trust_labels && plan.groups.iter().filter(|g| g.disagrees()).all(|g| g.rows.len() == 1 && g.inner.is_empty()) {
        ind.weight = plan.weight_by_labels;
    }
    ind.exec_stated = exec.stated_score;
    ind.exec_exact = exec.exact;
    // nothing typed yet: the summary says what is missing, the list has nothing to point at
    let untouched = ind.rows == 0
        && [&doc.funds.total].into_iter().chain(&doc.funds.rows).all(|r| [&r.initial, &r.adjusted, &r.executed, &r.rate, &r.score].iter().all(|c| c.trim().is_empty()))
        && doc.total_score.trim().is_empty()
        && doc.grade.trim().is_empty();
    let (total, grade) = if untouched {
        sheet.missing.insert(0, "绩效指标（三级指标、指标值与实际完成值）".to_string());
        (None, None)
    } else {
        total_and_grade(exec.weight, exec.score, &ind, &doc.total_score, &doc.grade, &mut sheet)
    };
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

/// The funds block's totals, as used further on.
pub struct FundTotals {
    /// 年初预算数, 全年预算数, 全年执行数: stated where readable, else the sum of the rows
    pub cols: [Option<Figure>; 3],
    /// the total row was printed as zeros while its rows hold money: a row not filled, whose
    /// 执行率 and 得分 are not the unit's figures either
    pub unfilled: bool,
    /// the sum of the rows where a stated total disagrees with it: which of the two is right
    /// is told by the 执行率 the unit stated
    pub sums_if_wrong: [Option<Figure>; 3],
    /// `当年财政拨款 7.84 + 其他资金 2.29` for each column's sum
    pub how: [String; 3],
}

fn row_name(r: &FundRow) -> &str {
    let t = r.label.trim();
    t.strip_prefix("其中：").or_else(|| t.strip_prefix("其中:")).unwrap_or(t).trim()
}

/// The funds block's totals row against its rows, column by column.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn funds_totals(funds: &Funds, sheet: &mut Sheet) -> FundTotals {
    let cell = |r: &FundRow, k: usize| -> Cell {
        match k {
            0 => r.initial.clone(),
            1 => r.adjusted.clone(),
            _ => r.executed.clone(),
        }
    };
    // every cell read once: (value, path) per row and column; the first unreadable term per column
    let mut values: Vec<[Option<Figure>; 3]> = Vec::with_capacity(funds.rows.len());
    let mut broken: [Option<Path>; 3] = [None; 3];
    for (i, r) in funds.rows.iter().enumerate() {
        let mut v = [None; 3];
        for (k, &(col, _, _)) in COLUMNS.iter().enumerate() {
            let text = cell(r, k);
            let path = Path::row("funds.rows", i, col);
            v[k] = sheet.amount(path, &text);
            if v[k].is_none() && !is_not_applicable(&text) {
                sheet.name_cell(path, &format!("{}的{}", row_name(r), COLUMNS[k].1));
                broken[k] = broken[k].or(Some(path));
            }
        }
        if let (Some(a), Some(e)) = (v[1], v[2]) {
            if e.value > a.value {
                let name = row_name(r);
                sheet.push(
                    Finding::new(
                        Code::FundsOverBudget,
                        Severity::Warning,
                        Path::row("funds.rows", i, "executed"),
                        format!("{name}的全年执行数 {} 超过其全年预算数 {}，请核对这一行", fmt_amount(e.value), fmt_amount(a.value)),
                    )
                    .values(Some(fmt_amount(e.value)), Some(fmt_amount(a.value)))
                    .related([Path::row("funds.rows", i, "adjusted").to_string()]),
                );
            }
        }
        values.push(v);
    }
    let sums: [Option<Figure>; 3] = std::array::from_fn(|k| {
        let terms: Vec<Figure> = values.iter().filter_map(|v| v[k]).collect();
        (!terms.is_empty() && broken[k].is_none()).then(|| Figure { value: terms.iter().map(|f| f.value).sum(), decimals: terms.iter().map(|f| f.decimals).max().unwrap_or(2) })
    });
    let stated: [Option<Figure>; 3] = std::array::from_fn(|k| sheet.amount(COLUMNS[k].2, &cell(&funds.total, k)));
    for (k, &(_, label, path)) in COLUMNS.iter().enumerate() {
        if stated[k].is_none() && !is_not_applicable(&cell(&funds.total, k)) {
            sheet.name_cell(path, &format!("年度资金总额的{label}"));
        }
    }

    // 年初 0 / 全年 0 / 执行 0 above rows that hold the money: the row was not filled in
    let zero_or_blank = (0..3).all(|k| stated[k].is_none_or(|f| f.value.is_zero()) && (stated[k].is_some() || is_not_applicable(&cell(&funds.total, k))));
    let zero_over_money = (0..3).any(|k| stated[k].is_some_and(|f| f.value.is_zero()) && sums[k].is_some_and(|f| !f.value.is_zero()));
    if zero_or_blank && zero_over_money {
        for (k, s) in sums.iter().enumerate() {
            if let Some(f) = s {
                sheet.set(COLUMNS[k].2, Shown::Amount(f.value));
            }
        }
        let what = COLUMNS.iter().zip(&sums).filter_map(|((_, l, _), s)| s.map(|f| format!("{l} {}", fmt_amount(f.value)))).collect::<Vec<_>>().join("、");
        sheet.push(
            Finding::new(
                Code::FundsTotalUnfilled,
                Severity::Warning,
                "funds.total.adjusted",
                format!("年度资金总额一行填写为 0，而其中各项合计{what}：请按各项之和填写这一行，执行率和得分已按各项之和计算"),
            )
            .related(["funds.total.initial", "funds.total.executed", "funds.total.rate", "funds.total.score"]),
        );
        return FundTotals { cols: sums, unfilled: true, sums_if_wrong: [None; 3], how: Default::default() };
    }

    let mut cols = [None; 3];
    let mut sums_if_wrong = [None; 3];
    let mut hows: [String; 3] = Default::default();
    for (k, &(col, label, path)) in COLUMNS.iter().enumerate() {
        if let Some(root) = broken[k] {
            // the sum cannot be known: one finding, on the cell that cannot be read
            sheet.consequence(root, &format!("年度资金总额的{label}"));
            cols[k] = stated[k];
            continue;
        }
        let Some(sum) = sums[k] else {
            cols[k] = stated[k];
            continue;
        };
        sheet.set(path, Shown::Amount(sum.value));
        let parts: Vec<(usize, Figure)> = values.iter().enumerate().filter_map(|(i, v)| v[k].map(|f| (i, f))).collect();
        cols[k] = Some(stated[k].unwrap_or(sum));
        let Some(s) = stated[k] else { continue };
        let how = parts.iter().map(|(i, f)| format!("{} {}", row_name(&funds.rows[*i]), fmt_amount(f.value))).collect::<Vec<_>>().join(" + ");
        hows[k] = how.clone();
        match compare_total(s.value, sum.value, parts.len(), sheet.policy.rounding_tolerance) {
            Agreement::Equal => {}
            Agreement::Tail => sheet.push(
                Finding::new(Code::SumTail, Severity::Info, path, format!("年度资金总额的{label} {} 与各项之和 {}（{how}）相差在尾差范围内", fmt_amount(s.value), fmt_amount(sum.value)))
                    .values(Some(fmt_amount(s.value)), Some(fmt_amount(sum.value))),
            ),
            Agreement::Mismatch => {
                sums_if_wrong[k] = Some(sum);
                sheet.push(
                Finding::new(
                    Code::SumMismatch,
                    Severity::Error,
                    path,
                    format!("年度资金总额的{label} {} 与其中各项之和 {}（{how}）不符，请改正合计或填错的那一项", fmt_amount(s.value), fmt_amount(sum.value)),
                )
                .values(Some(fmt_amount(s.value)), Some(fmt_amount(sum.value)))
                .related(parts.iter().map(|(i, _)| Path::row("funds.rows", *i, col).to_string())),
                )
            }
        }
    }
    let rows_said = sheet.findings.iter().any(|f| f.code == Code::FundsOverBudget);
    if let (Some(a), Some(e), false) = (cols[1], cols[2], rows_said) {
        if e.value > a.value {
            sheet.push(
                Finding::new(
                    Code::FundsOverBudget,
                    Severity::Warning,
                    Path::field("funds.total.executed"),
                    format!("全年执行数 {} 超过全年预算数 {}，请核对", fmt_amount(e.value), fmt_amount(a.value)),
                )
                .values(Some(fmt_amount(e.value)), Some(fmt_amount(a.value))),
            );
        }
    }
    FundTotals { cols, unfilled: false, sums_if_wrong, how: hows }
}

pub struct ExecBlock {
    pub weight: Decimal,
    pub rate: Option<Decimal>,
    pub score: Option<Decimal>,
    /// the score before rounding to the cent
    pub exact: Option<Decimal>,
    pub stated_score: Option<Decimal>,
}

/// 分值, 执行率 and 得分 of the funds' total row. `declared` is what the indicator table
/// declares: a template without a 执行率 block has its indicators weigh 100 on their own.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn exec_block(row: &FundRow, funds: &FundTotals, declared: Decimal, sheet: &mut Sheet) -> ExecBlock {
    const WEIGHT: Path = Path::field("funds.total.weight");
    const RATE: Path = Path::field("funds.total.rate");
    const SCORE: Path = Path::field("funds.total.score");
    let [_, mut adjusted, mut executed] = funds.cols;
    let stated_weight = sheet.score(WEIGHT, &row.weight).map(|f| f.value);
    let absent = stated_weight.is_none_or(|w| w.is_zero())
        && is_not_applicable(&row.score)
        && (sheet.policy.exec_weight.is_zero() || (is_not_applicable(&row.weight) && declared == Decimal::ONE_HUNDRED));
    let weight = if absent { Decimal::ZERO } else { stated_weight.unwrap_or(sheet.policy.exec_weight) };
    sheet.set(WEIGHT, Shown::Score(weight));
    // a total row printed as zeros: a 0 in its 执行率 or 得分 is the same unfilled row, not a second mistake
    let (mut stated_rate, mut stated_score) = (sheet.rate(RATE, &row.rate), sheet.score(SCORE, &row.score));
    let stated = stated_score.map(|f| f.value);
    if funds.unfilled {
        stated_rate = stated_rate.filter(|f| !f.value.is_zero());
        stated_score = stated_score.filter(|f| !f.value.is_zero());
    }
    if let (Some(s), [_, sa, se]) = (stated_rate, funds.sums_if_wrong) {
        // a total that disagrees with its rows while the stated 执行率 agrees with the rows:
        // the total is the slip, and the rate, its score and 总分 follow the rows
        let (a, e) = (sa.or(adjusted), se.or(executed));
        if let (Some(a), Some(e), Some(a0), Some(e0)) = (a, e, adjusted, executed) {
            let exact = |a: Figure, e: Figure| percent_exact(e.value, a.value);
            if judge_rate(s, exact(a0, e0), e0, a0) == Agreement::Mismatch && judge_rate(s, exact(a, e), e, a) != Agreement::Mismatch {
                (adjusted, executed) = (Some(a), Some(e));
                for (k, v) in [(1, sa), (2, se)] {
                    let (Some(sum), Some(was)) = (v, funds.cols[k]) else { continue };
                    let (_, label, path) = COLUMNS[k];
                    if let Some(f) = sheet.finding_mut(path, Code::SumMismatch) {
                        f.message = format!("年度资金总额的{label}应为 {}（{}），填写为 {}；所填执行率 {}% 也与各项之和相符", fmt_amount(sum.value), funds.how[k], fmt_amount(was.value), s.value);
                    }
                }
            }
        }
    }
    let (Some(adj), Some(exe)) = (adjusted, executed) else {
        return ExecBlock { weight, rate: None, score: if absent { Some(Decimal::ZERO) } else { stated }, exact: None, stated_score: stated };
    };
    let Some(rate) = scoring::exec_rate(adj.value, exe.value) else {
        let why = if adj.value.is_zero() {
            "全年预算数为 0，无法计算执行率：请填写全年预算数".to_string()
        } else {
            format!("全年执行数 {} 与全年预算数 {} 相差悬殊，执行率超出可计算的范围，请检查单位（万元/元/亿元）", fmt_amount(exe.value), fmt_amount(adj.value))
        };
        sheet.push(Finding::new(Code::ExecRateNoBudget, Severity::Warning, Path::field("funds.total.adjusted"), why));
        return ExecBlock { weight, rate: None, score: if absent { Some(Decimal::ZERO) } else { stated }, exact: None, stated_score: stated };
    };
    sheet.set(RATE, Shown::Rate(rate));
    let exact_rate = percent_exact(exe.value, adj.value);
    if let Some(s) = stated_rate.filter(|s| s.value != rate) {
        let how = format!("{} ÷ {}", fmt_amount(exe.value), fmt_amount(adj.value));
        match judge_rate(s, exact_rate, exe, adj) {
            Agreement::Equal => {}
            Agreement::Tail => sheet.push(
                Finding::new(Code::RateTail, Severity::Info, RATE, format!("执行率填写为 {}%，按 {how} 计算为 {}，在四舍五入范围内", s.value, fmt_rate(rate)))
                    .values(Some(format!("{}%", s.value)), Some(fmt_rate(rate))),
            ),
            Agreement::Mismatch => sheet.push(
                Finding::new(Code::RateMismatch, Severity::Error, RATE, format!("执行率应为 {}（{how}），填写为 {}%", fmt_rate(rate), s.value))
                    .values(Some(format!("{}%", s.value)), Some(fmt_rate(rate))),
            ),
        }
    }
    if let Some(below) = sheet.policy.exec_rate_reason_below {
        if rate < below {
            sheet.push(Finding::new(
                Code::ExecRateLow,
                Severity::Warning,
                RATE,
                format!("执行率 {} 低于 {}%，请在实际完成情况中说明原因", fmt_rate(rate), below.normalize()),
            ));
        }
    }
    if absent {
        if !sheet.policy.exec_weight.is_zero() {
            sheet.push(Finding::new(
                Code::WeightsNoExecBlock,
                Severity::Info,
                WEIGHT,
                format!("指标分值合计已为 100，本表未设执行率分值：执行率 {} 不计分，总分为各指标得分之和", fmt_rate(rate)),
            ));
        }
        return ExecBlock { weight, rate: Some(rate), score: Some(Decimal::ZERO), exact: Some(Decimal::ZERO), stated_score: None };
    }
    let exact = scoring::exec_exact(weight, rate);
    let score = scoring::exec_score(weight, rate);
    sheet.set(SCORE, Shown::Score(score));
    if funds.unfilled {
        if let Some(f) = sheet.finding_mut(Path::field("funds.total.adjusted"), Code::FundsTotalUnfilled) {
            f.message.push_str(&format!("（执行率 {}，得分 {}）", fmt_rate(rate), fmt_score(score)));
        }
    }
    let how = format!("{} × {}", fmt_score(weight), fmt_rate(rate.min(Decimal::ONE_HUNDRED)));
    if row.score.trim().is_empty() || (funds.unfilled && stated_score.is_none()) {
        if !funds.unfilled {
            // seed 002's department table printed no 执行率得分 at all: a published table needs it
            sheet.push(
                Finding::new(Code::ExecScoreMissing, Severity::Warning, SCORE, format!("未填写执行率得分，按 {how} 应为 {}，请填写", fmt_score(score)))
                    .values(None, Some(fmt_score(score))),
            );
        }
    } else if let Some(s) = stated_score.map(|f| f.value).filter(|s| *s != score) {
        let from_stated_rate = stated_rate.is_some_and(|r| r.value != rate && scoring::exec_score(weight, r.value) == s);
        if from_stated_rate {
            if let Some(f) = sheet.finding_mut(RATE, Code::RateMismatch) {
                f.message.push_str(&format!("；执行率得分随之应为 {}（{how}）", fmt_score(score)));
            }
            return ExecBlock { weight, rate: Some(rate), score: Some(score), exact: Some(exact), stated_score: stated };
        }
        sheet.push(
            Finding::new(Code::ScoreMismatch, Severity::Error, SCORE, format!("执行率得分应为 {}（{how}），填写为 {}", fmt_score(score), fmt_score(s)))
                .values(Some(fmt_score(s)), Some(fmt_score(score))),
        );
    }
    ExecBlock { weight, rate: Some(rate), score: Some(score), exact: Some(exact), stated_score: stated }
}

/// A stated rate against `num ÷ den`: equal when the unrounded rate rounds to it at the
/// precision it is written with (`12%` for 12.495%), 尾差 when rounded inputs allow it (SPEC §3).
pub fn judge_rate(stated: Figure, exact: Option<Decimal>, num: Figure, den: Figure) -> Agreement {
    if exact.is_some_and(|e| crate::number::round(e, stated.decimals) == stated.value) {
        Agreement::Equal
    } else if rate_reachable(stated, num, den) {
        Agreement::Tail
    } else {
        Agreement::Mismatch
    }
}

/// Σ weights + 分值 = 100; 总分 = 执行率得分 + Σ scores; 等级 from 总分. A table not filled in
/// far enough is summarised as 未完成填报 with what it lacks, and not graded.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn total_and_grade(
    exec_weight: Decimal,
    exec_score: Option<Decimal>,
    ind: &indicators::Totals,
    stated_total: &str,
    stated_grade: &str,
    sheet: &mut Sheet,
) -> (Option<Decimal>, Option<&'static str>) {
    let hundred = Decimal::ONE_HUNDRED;
    let weights = add(ind.weight, exec_weight);
    sheet.set(Path::field("weight_total"), Shown::Score(weights));
    let stated = sheet.score(Path::field("total_score"), stated_total).map(|f| f.value);

    // the caller may have said precisely which funds are missing
    let mut missing = std::mem::take(&mut sheet.missing);
    if ind.rows == 0 {
        missing.insert(0, "绩效指标（三级指标、指标值与实际完成值）".to_string());
    }
    if exec_score.is_none() && !missing.iter().any(|m| m.contains("全年")) {
        missing.push("执行率（年度资金的全年预算数和全年执行数）".to_string());
    }
    if ind.without_actual > 0 {
        missing.push(format!("{} 项指标的实际完成值", ind.without_actual));
    }
    if ind.without_score > 0 && ind.without_score != ind.without_actual {
        missing.push(format!("{} 项指标的得分（无法按实际完成值计算）", ind.without_score));
    }
    // a table cut off loses its last 一级 (满意度指标 ends every template); one with all its parts
    // and too few points has a weight wrong
    let short = ind.rows > 0 && weights < hundred && stated.is_none() && !ind.has_satisfaction;
    if short {
        // a table cut off, or being typed: what is there is checked, the total is not judged
        missing.push(format!("部分指标（分值合计 {}，应为 100）", fmt_score(weights)));
    } else if ind.rows > 0 && weights != hundred && add(ind.weight_by_labels, exec_weight) == hundred && sheet.findings.iter().any(|f| f.code == Code::WeightsGroup) {
        // the labels add up to 100 and a row under one says otherwise: that label's finding is the one
        for f in sheet.findings.iter_mut().filter(|f| f.code == Code::WeightsGroup) {
            f.message.push_str("；改正前无法核对总分和等级");
        }
        return (None, None);
    } else if ind.rows > 0 && weights != hundred {
        // scores out of 110 points cannot be judged: the total and grade wait for the weights
        sheet.push(
            Finding::new(
                Code::WeightsTotal,
                Severity::Error,
                "weight_total",
                format!("指标分值合计 {} 加执行率分值 {} 为 {}，应为 100，请核对各指标分值；改正前无法核对总分和等级", fmt_score(ind.weight), fmt_score(exec_weight), fmt_score(weights)),
            )
            .values(Some(fmt_score(weights)), Some("100.00".into())),
        );
        return (None, None);
    }
    // over 100 because a score is over its weight: that score's finding is the one
    if let Some(s) = stated.filter(|s| *s > hundred && ind.disputed.is_empty()) {
        sheet.push(Finding::new(Code::TotalOver100, Severity::Error, "total_score", format!("总分 {} 超过 100，请核对各项得分", fmt_score(s))));
    }
    if !missing.is_empty() {
        sheet.push(Finding::new(
            Code::FormIncomplete,
            Severity::Warning,
            "total_score",
            format!("未完成填报，尚缺：{}；填完后再计算总分、评定等级", missing.join("、")),
        ));
        sheet.missing = missing;
        return (None, None);
    }

    let Some(exec) = exec_score else { return (None, None) };
    // a 定性 score out of its band counts as the score within the band the stated 总分 implies
    let (in_bands, lo, hi) = ind.bands;
    let shift = if in_bands.is_zero() && lo.is_zero() && hi.is_zero() {
        Decimal::ZERO
    } else {
        let wanted = stated.map_or(in_bands, |s| sub(s, sub(add(exec, ind.score), in_bands)));
        // a negative weight turns a band upside down
        sub(wanted.max(lo.min(hi)).min(lo.max(hi)), in_bands)
    };
    let t = add(add(exec, ind.score), shift);
    sheet.set(Path::field("total_score"), Shown::Score(t));
    let how = format!("执行率得分 {} + 指标得分 {}", fmt_score(exec), fmt_score(add(ind.score, shift)));
    let mut follows = false;
    let mut tail = None;
    if let Some(s) = stated.filter(|s| *s != t) {
        // what the document's own scores add up to, and the same before each was rounded
        let own = add(ind.exec_stated.unwrap_or(exec), ind.stated);
        let exact = add(add(ind.exec_exact.unwrap_or(exec), ind.exact), shift);
        let by_policy = sheet.findings.iter().any(|f| f.code == Code::ScorePolicyDiffers);
        let exec_disputed = ind.exec_stated.is_some_and(|e| e != exec);
        let mut wrong: Vec<&str> = ind.disputed.iter().map(String::as_str).collect();
        if exec_disputed {
            wrong.insert(0, "执行率");
        }
        let finding = if crate::number::round2(exact) == s || (s == own && wrong.is_empty() && compare_total(s, t, ind.rows + 1, sheet.policy.rounding_tolerance) == Agreement::Tail) {
            // the stated total is right: it is the one shown and graded
            tail = Some(s);
            Finding::new(
                Code::TotalTail,
                Severity::Info,
                "total_score",
                format!("总分 {} 无需改动：各项得分四舍五入前合计 {}，按两位小数的各项相加为 {}（{how}），相差属尾差", fmt_score(s), exact.round_dp(4).normalize(), fmt_score(t)),
            )
        } else if by_policy {
            // the stated scores follow another region's reading: the total differs for that reason alone
            follows = true;
            Finding::new(Code::TotalMismatch, Severity::Warning, "total_score", format!("总分应为 {}（{how}），填写为 {}；差异来自反向指标的评分口径，见各指标说明", fmt_score(t), fmt_score(s)))
        } else if s == own && !wrong.is_empty() {
            follows = true;
            Finding::new(
                Code::TotalFollows,
                Severity::Warning,
                "total_score",
                format!("总分填写为 {}，是所填各项得分之和；{}的得分改正后，总分应为 {}（{how}）", fmt_score(s), quote_list(&wrong), fmt_score(t)),
            )
        } else {
            Finding::new(Code::TotalMismatch, Severity::Error, "total_score", format!("总分应为 {}（{how}），填写为 {}", fmt_score(t), fmt_score(s)))
        };
        sheet.push(finding.values(Some(fmt_score(s)), Some(fmt_score(t))));
    }
    if stated_total.trim().is_empty() {
        sheet.push(Finding::new(Code::TotalMissing, Severity::Warning, "total_score", format!("未填写总分，按 {how} 应为 {}，请填写", fmt_score(t))).values(None, Some(fmt_score(t))));
    }
    let t = tail.unwrap_or(t);
    if tail.is_some() {
        sheet.set(Path::field("total_score"), Shown::Score(t));
    }
    if t > hundred {
        // scores taken as stated where they could not be computed, and some of them are too high
        return (None, None);
    }
    let g = scoring::grade(t, sheet.policy);
    sheet.set(Path::field("grade"), Shown::Word(g));
    let typed = stated_grade.trim();
    if !typed.is_empty() && typed != g {
        let known = GRADES.contains(&typed);
        let finding = if known && follows && stated.is_some_and(|s| scoring::grade(s, sheet.policy) == typed) {
            Finding::new(Code::GradeFollows, Severity::Warning, "grade", format!("等级“{typed}”与填写的总分相符；总分改为 {} 后，等级应为“{g}”", fmt_score(t)))
        } else if known {
            Finding::new(Code::GradeMismatch, Severity::Error, "grade", format!("总分 {} 对应的等级应为“{g}”，填写为“{typed}”", fmt_score(t)))
        } else {
            Finding::new(Code::GradeMismatch, Severity::Error, "grade", format!("等级填写为“{typed}”，不是 优/良/中/差 之一；按总分 {} 应为“{g}”", fmt_score(t)))
        };
        sheet.push(finding.values(Some(typed.to_string()), Some(g.to_string())));
    }
    (Some(t), Some(g))
}

/// `“A”“B”` as names in a sentence.
fn quote_list(names: &[&str]) -> String {
    names.iter().map(|n| format!("“{n}”")).collect::<Vec<_>>().join("、")
}
