//! The 绩效指标 table shared by the project (A) and department (B) forms: each row's kind,
//! completion and score under the policy, the checks of a stated score, the 偏差原因 rules
//! (SPEC §5.6), and the table's weight and score totals.

use super::{Path, RowAt, Sheet, Shown};
use crate::cell::Cell;
use crate::finding::{Code, Finding, Severity};
use crate::indicator::{self, completion, convert, parse_operator_column, parse_value, Comparator, Kind, Level, Value};
use crate::number::{fmt_amount, fmt_rate, fmt_score, hundred, round2};
use crate::policy::ReverseFormula;
use crate::scoring::{self, Rule};
use super::weights::{self, Plan};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One row of the indicator table, every cell as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct IndicatorRow {
    /// 一级指标; blank means "as the row above" (merged cells)
    pub level1: Cell,
    /// 二级指标; blank means "as the row above"
    pub level2: Cell,
    /// 三级指标
    pub name: Cell,
    /// 指标性质 when the operator has its own column (≥ / ≤ / = / 正向 / 反向)
    pub operator: Cell,
    /// 年度指标值
    pub target: Cell,
    /// 指标值设定依据 (department and target tables)
    pub basis: Cell,
    /// 实际完成值
    pub actual: Cell,
    /// 定性 completion chosen by the user: 达成 / 部分达成 / 未达成
    pub level: Cell,
    /// 分值
    pub weight: Cell,
    /// 得分
    pub score: Cell,
    /// 赋分规则; blank: the default for the kind
    pub rule: Cell,
    /// 偏差原因分析及改进措施
    pub reason: Cell,
}

/// What the table adds up to.
#[derive(Debug, Default)]
pub struct Totals {
    /// what the table weighs: the rows' own weights, a label's where its rows have none
    pub weight: Decimal,
    /// the same with the printed labels believed over the rows
    pub weight_by_labels: Decimal,
    /// computed scores where they can be computed, the stated one otherwise
    pub score: Decimal,
    /// the same before each score was rounded to the cent (a 总分 summed unrounded is 尾差)
    pub exact: Decimal,
    /// Σ of the scores as the document states them (computed where it states none)
    pub stated: Decimal,
    /// rows whose stated score is wrong: a 总分 that follows from them is a consequence
    pub disputed: Vec<String>,
    /// 定性 scores outside their band, counted in `score` as stated: (Σ stated, Σ lowest, Σ highest)
    /// of their bands, so a 总分 is judged against any score the bands allow
    pub bands: (Decimal, Decimal, Decimal),
    pub rows: usize,
    /// a 满意度 一级 is there: the table was not cut off before its end
    pub has_satisfaction: bool,
    /// rows without 实际完成值, and rows whose score cannot be known
    pub without_actual: usize,
    pub without_score: usize,
    /// the 执行率 block as stated and unrounded, when the caller has one (project and department tables)
    pub exec_stated: Option<Decimal>,
    pub exec_exact: Option<Decimal>,
}

/// Facts from outside the table that some checks need.
/// The four 一级指标 of a project table (财预〔2020〕10号 附件); the layout offers the same.
pub const LEVEL1: [&str; 4] = ["产出指标", "成本指标", "效益指标", "满意度指标"];
/// The 二级指标 the official templates name (成本指标 under 产出指标 in the older ones).
pub const LEVEL2: [&str; 12] =
    ["数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "满意度指标"];

#[derive(Debug, Default, Clone, Copy)]
pub struct Context {
    /// 全年执行数 of the funds the indicators are paid from, in 万元
    pub executed_funds: Option<Decimal>,
    /// whether 一级指标 must be one of [`LEVEL1`] (a project table; department tables vary)
    pub project_levels: bool,
    /// the document's 年度: `年底前` is the end of this year, whenever the work was done
    pub year: Option<i32>,
    /// the printed labels add up to 100 and the rows' own weights do not: the labels are believed
    pub trust_labels: bool,
}

enum Outcome {
    Quantity { kind: Kind, cmp: Comparator, target: Decimal, actual: Decimal, unit: String },
    Date { on_time: bool },
    Qualitative { level: Option<Level> },
    Unknown,
}

/// Every form keeps its indicator table under `indicators`.
pub fn evaluate(rows: &[IndicatorRow], ctx: Context, sheet: &mut Sheet) -> Totals {
    evaluate_planned(rows, &weights::plan(rows), ctx, sheet)
}

pub fn evaluate_planned(rows: &[IndicatorRow], plan: &Plan, ctx: Context, sheet: &mut Sheet) -> Totals {
    sheet.reserve(rows.len() * 4);
    let mut totals = Totals { weight: plan.weight, weight_by_labels: plan.weight_by_labels, has_satisfaction: plan.has_satisfaction, ..Totals::default() };
    let mut scores: Vec<Option<Decimal>> = vec![None; if plan.groups.is_empty() { 0 } else { rows.len() }];
    for (i, row) in rows.iter().enumerate() {
        let (level1, level2) = plan.levels(i);
        if !row.level1.trim().is_empty() && ctx.project_levels && !LEVEL1.contains(&level1) {
            let msg = format!("一级指标“{level1}”不是{}之一，请改为其中之一", LEVEL1.join("、"));
            sheet.push(Finding::new(Code::LevelNonstandard, Severity::Warning, RowAt("indicators", i).cell("level1"), msg));
        }
        if !row.level2.trim().is_empty() && !level2.is_empty() && !LEVEL2.contains(&level2) {
            let msg = format!("二级指标“{level2}”不是常见的二级指标（{}），请核对", LEVEL2.join("、"));
            sheet.push(Finding::new(Code::LevelNonstandard, Severity::Info, RowAt("indicators", i).cell("level2"), msg));
        }
        if !plan.counted[i] {
            continue;
        }
        totals.rows += 1;
        if row.actual.trim().is_empty() && row.level.trim().is_empty() {
            totals.without_actual += 1;
        }
        let r = evaluate_row(row, RowAt("indicators", i), level1, level2, plan, ctx, sheet);
        if r.score.is_none() {
            totals.without_score += 1;
        }
        if let Some(s) = scores.get_mut(i) {
            *s = r.score;
        }
        totals.score += r.score.unwrap_or_default();
        totals.exact += r.exact.or(r.score).unwrap_or_default();
        totals.stated += r.stated.or(r.score).unwrap_or_default();
        if r.disputed {
            totals.disputed.push(row.name.trim().to_string());
        }
        if let (Some((lo, hi)), Some(s)) = (r.band, r.score) {
            totals.bands.0 += s;
            totals.bands.1 += lo;
            totals.bands.2 += hi;
        }
    }
    totals.disputed.extend(check_groups(plan, &scores, sheet));
    sheet.set(Path::field("indicators.weight_total"), Shown::Score(totals.weight));
    sheet.set(Path::field("indicators.score_total"), Shown::Score(totals.score));
    totals
}

/// A label's weight against its direct parts (labelled 二级 inside it, rows with their own
/// weights); the scores under the innermost label against its weight.
/// Returns the labels whose scores are over their weight (a 总分 follows from them).
fn check_groups(plan: &Plan, scores: &[Option<Decimal>], sheet: &mut Sheet) -> Vec<String> {
    let mut over = vec![false; plan.groups.len()];
    for (k, g) in plan.groups.iter().enumerate().rev() {
        let cell = RowAt("indicators", g.row).cell(if g.level == 1 { "level1" } else { "level2" });
        let level = if g.level == 1 { "一级" } else { "二级" };
        if let (true, Some(sum)) = (g.disagrees(), g.parts) {
            let parts = g.inner.iter().map(|&j| plan.groups[j].weight).chain(g.rows.iter().filter_map(|&r| plan.weights[r]));
            let how = parts.map(fmt_plain).collect::<Vec<_>>().join(" + ");
            let related = g.inner.iter().map(|&j| RowAt("indicators", plan.groups[j].row).cell("level2")).chain(g.rows.iter().map(|&r| RowAt("indicators", r).cell("weight")));
            sheet.push(
                Finding::new(
                    Code::WeightsGroup,
                    Severity::Error,
                    cell,
                    format!("{level}指标“{}”标注 {} 分，其下分值合计 {} 分（{how}），请改正标注或分值", g.name, fmt_plain(g.weight), fmt_plain(sum)),
                )
                .values(Some(fmt_score(g.weight)), Some(fmt_score(sum)))
                .related(related.map(|p| p.to_string())),
            );
            continue;
        }
        if scores.is_empty() || g.inner.iter().any(|&j| over[j] || plan.groups[j].disagrees()) {
            continue;
        }
        let under: Vec<usize> = g.rows.iter().copied().chain(g.inner.iter().flat_map(|&j| plan.groups[j].rows.iter().copied())).collect();
        let got: Decimal = under.iter().filter_map(|&r| scores[r]).sum();
        if got > g.weight {
            over[k] = true;
            sheet.push(
                Finding::new(Code::ScoreOverWeight, Severity::Error, cell, format!("{level}指标“{}”下各指标得分合计 {} 超过其分值 {}，请核对得分", g.name, fmt_score(got), fmt_score(g.weight)))
                    .values(Some(fmt_score(got)), Some(fmt_score(g.weight)))
                    .related(under.iter().map(|&r| RowAt("indicators", r).cell("score").to_string())),
            );
        }
    }
    plan.groups.iter().zip(&over).filter(|(_, o)| **o).map(|(g, _)| g.name.clone()).collect()
}

/// `30`, `22.5`: a weight as people write it in a sentence.
fn fmt_plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// What one row contributes.
#[derive(Debug, Default)]
struct RowScore {
    /// computed where it can be, the stated one otherwise
    score: Option<Decimal>,
    exact: Option<Decimal>,
    stated: Option<Decimal>,
    /// the stated score is an error on this row
    disputed: bool,
    /// a 定性 score outside its band: the band
    band: Option<(Decimal, Decimal)>,
}

fn unparseable(sheet: &mut Sheet, path: Path, text: &str, msg: String) {
    sheet.push(Finding::new(Code::ValueUnparseable, Severity::Error, path, msg).values(Some(text.to_string()), None));
}

/// `指标“培训人数”的实际完成值`, to name a cell in a message.
fn cell_name(row: &IndicatorRow, column: &str) -> String {
    let name = row.name.trim();
    if name.is_empty() { column.to_string() } else { format!("指标“{name}”的{column}") }
}

fn evaluate_row(row: &IndicatorRow, path: RowAt, level1: &str, level2: &str, plan: &Plan, ctx: Context, sheet: &mut Sheet) -> RowScore {
    // Seed 001's department table prints 实际完成值 and 分值 swapped (`>=20家 | 20 | 40家`): a
    // weight with a unit cannot be, so say so and read the row the right way round.
    let unswapped;
    let row = if columns_swapped(row) {
        sheet.push(
            Finding::new(
                Code::ColumnsSwapped,
                Severity::Warning,
                path.cell("weight"),
                format!("指标“{}”的分值“{}”带有单位，实际完成值“{}”像是分值：两列可能填反了：请互换两列（已按互换后校核）", row.name.trim(), row.weight.trim(), row.actual.trim()),
            )
            .values(Some(row.weight.trim().to_string()), Some(row.actual.trim().to_string())),
        );
        unswapped = IndicatorRow { actual: row.weight.clone(), weight: row.actual.clone(), ..row.clone() };
        &unswapped
    } else {
        row
    };
    // read once, when the table was planned; read again only to say why it cannot be
    let weight_fig = plan.weights[path.1].or_else(|| sheet.score(path.cell("weight"), &row.weight).map(|f| f.value));
    let stated = sheet.score(path.cell("score"), &row.score).map(|f| f.value);
    for (field, column, read, text) in [("weight", "分值", weight_fig.is_some(), &row.weight), ("score", "得分", stated.is_some(), &row.score)] {
        if !read && !crate::number::is_not_applicable(text) {
            sheet.name_cell(path.cell(field), &cell_name(row, column));
        }
    }
    // labels believed over a row that disagrees with its own: a row alone under its label takes
    // the label's weight; rows sharing one are not judged by weights in dispute
    let trust_label = ctx.trust_labels && plan.disputed(path.1);
    let inherited = if row.weight.trim().is_empty() || trust_label { plan.inherited(path.1) } else { None };
    let weight = if trust_label { inherited } else { weight_fig.or(inherited) };
    if let Some(w) = inherited {
        sheet.set(path.cell("weight"), Shown::Score(w));
    }
    let rule = match Rule::parse(&row.rule) {
        Ok(r) => r,
        Err(m) => {
            unparseable(sheet, path.cell("rule"), &row.rule, format!("{}：{m}", cell_name(row, "赋分规则")));
            None
        }
    };
    let operator = match parse_operator_column(&row.operator) {
        Ok(c) => c,
        Err(m) => {
            unparseable(sheet, path.cell("operator"), &row.operator, format!("{}：{m}", cell_name(row, "指标性质")));
            None
        }
    };
    let target = parse_value(&row.target).unwrap_or_else(|m| {
        unparseable(sheet, path.cell("target"), &row.target, format!("{}：{m}", cell_name(row, "年度指标值")));
        None
    });
    let actual = parse_value(&row.actual).unwrap_or_else(|m| {
        unparseable(sheet, path.cell("actual"), &row.actual, format!("{}：{m}", cell_name(row, "实际完成值")));
        None
    });

    if weight.is_none() && row.weight.trim().is_empty() && !plan.labelled(path.1) {
        sheet.push(Finding::new(Code::WeightMissing, Severity::Warning, path.cell("weight"), format!("指标“{}”未填写分值，请填写", row.name.trim())));
    }
    if let Some(Value::Quantity { cmp: Some(c), .. } | Value::Date { cmp: Some(c), .. }) = &actual {
        if *c != Comparator::Eq {
            sheet.push(Finding::new(
                Code::ValueActualHasComparator,
                Severity::Warning,
                path.cell("actual"),
                format!("实际完成值“{}”带有“{}”，实际值应是一个确定的数：请去掉符号（已按其中的数值计算）", row.actual.trim(), c.symbol()),
            ));
        }
    }

    let outcome = outcome(row, path, operator, target, actual, ctx.year, sheet);
    let kind = match &outcome {
        Outcome::Quantity { kind, .. } => Some(*kind),
        Outcome::Date { .. } => Some(Kind::Date),
        Outcome::Qualitative { .. } => Some(Kind::Qualitative),
        Outcome::Unknown => None,
    };
    if let Some(k) = kind {
        sheet.set(path.cell("kind"), Shown::Word(k.label()));
    }
    let rule = rule.or(kind.map(Rule::default_for)).unwrap_or(Rule::Proportional);
    sheet.set(path.cell("rule"), Shown::Word(rule.label()));

    // completion, shown uncapped
    match &outcome {
        Outcome::Quantity { kind, target, actual, .. } => {
            if let Some(pct) = completion(*kind, *target, *actual).and_then(|c| c.checked_mul(hundred())) {
                sheet.set(path.cell("completion"), Shown::Rate(pct));
            }
        }
        Outcome::Date { on_time } => sheet.set(path.cell("completion"), if *on_time { Shown::Rate(hundred()) } else { Shown::Word("逾期") }),
        Outcome::Qualitative { level: Some(l) } => sheet.set(path.cell("completion"), Shown::Word(l.label())),
        _ => {}
    }

    let Some(weight) = weight else {
        return RowScore { score: stated, stated, ..RowScore::default() };
    };
    let mut out = RowScore { stated, ..RowScore::default() };
    // a weight its label disputes: the label's finding says so, the score is not judged by it
    if trust_label && inherited.is_none() && stated.is_some() {
        out.score = stated;
        out.exact = stated;
        return out;
    }
    // a score above its weight is one error, whatever else is wrong with it
    let over = stated.is_some_and(|s| s > weight);
    if let Some(s) = stated {
        if over {
            out.disputed = true;
            sheet.push(
                Finding::new(Code::ScoreOverWeight, Severity::Error, path.cell("score"), format!("指标“{}”得分 {} 超过其分值 {}，请改正得分", row.name.trim(), fmt_score(s), fmt_score(weight)))
                    .values(Some(fmt_score(s)), Some(fmt_score(weight))),
            );
        }
    }

    let policy = sheet.policy;
    let name = row.name.trim();
    // the score, before rounding, and how it is computed (put in words only for a message)
    let computed: Option<(Decimal, How)> = match &outcome {
        Outcome::Quantity { kind: Kind::Reverse, target, actual, .. } if rule != Rule::Direct => {
            let formula = policy.reverse_formula_for(level1);
            let exact = scoring::reverse_exact(formula, weight, *target, *actual);
            let c = round2(exact);
            if let Some(s) = stated.filter(|s| (*s - c).abs() > policy.rounding_tolerance) {
                // say which reading the unit used, so a user sees both numbers
                let other = [ReverseFormula::WithinLimit, ReverseFormula::Linear, ReverseFormula::ActualOverTarget]
                    .into_iter()
                    .find(|f| *f != formula && scoring::reverse_score(*f, weight, *target, *actual) == s);
                if let Some(f) = other {
                    sheet.push(
                        Finding::new(
                            Code::ScorePolicyDiffers,
                            Severity::Warning,
                            path.cell("score"),
                            format!(
                                "反向指标“{name}”按当前口径（{}）应得 {}，填写为 {}；填写值与“{}”的算法一致，请确认所在地区的评分口径",
                                formula.describe(),
                                fmt_score(c),
                                fmt_score(s),
                                f.describe()
                            ),
                        )
                        .values(Some(fmt_score(s)), Some(fmt_score(c))),
                    );
                    sheet.set(path.cell("score"), Shown::Score(c));
                    out.score = Some(c);
                    out.exact = Some(exact);
                    return out;
                }
            }
            Some((exact, How::Reverse { formula, target: *target, actual: *actual }))
        }
        Outcome::Quantity { kind, target, actual, .. } => completion(*kind, *target, *actual).map(|c| {
            (scoring::quantitative_exact(rule, weight, c), How::Quantity { rule, kind: *kind, completion: c, target: *target, actual: *actual })
        }),
        Outcome::Date { on_time } => Some((if *on_time { weight } else { Decimal::ZERO }, How::Date { on_time: *on_time })),
        Outcome::Qualitative { level: Some(level) } => {
            let (lo, hi) = scoring::band(*level, weight, policy);
            match stated {
                Some(s) if rule != Rule::Direct => {
                    if scoring::in_band(*level, s, weight, policy) {
                        Some((s, How::Stated))
                    } else {
                        // the band is the answer: no single score is "the" right one
                        out.disputed = true;
                        let upper = if *level == Level::Achieved { "至" } else { "至不足" };
                        if !over {
                            sheet.push(
                                Finding::new(
                                    Code::ScoreOutOfBand,
                                    Severity::Error,
                                    path.cell("score"),
                                    format!(
                                        "定性指标“{name}”为{}，按评判等级赋分得分应在 {} {upper} {} 分之间（分值 {} 的 {}%–{}%），填写为 {}，请在此区间内打分或改选完成程度",
                                        level.label(),
                                        fmt_score(lo),
                                        fmt_score(hi),
                                        fmt_plain(weight),
                                        fmt_plain(ratio_pct(lo, weight)),
                                        fmt_plain(ratio_pct(hi, weight)),
                                        fmt_score(s)
                                    ),
                                )
                                .values(Some(fmt_score(s)), Some(format!("{}–{}", fmt_score(lo), fmt_score(hi)))),
                            );
                        }
                        out.score = Some(s);
                        out.exact = Some(s);
                        out.band = Some((lo, hi));
                        deviation_reason(row, path, &outcome, sheet);
                        return out;
                    }
                }
                _ => Some((scoring::default_qualitative_score(rule, *level, weight, policy), How::Stated)),
            }
        }
        Outcome::Qualitative { level: None } => {
            sheet.push(Finding::new(
                Code::QualitativeLevelNeeded,
                Severity::Warning,
                path.cell("level"),
                format!("定性指标“{name}”的实际完成值“{}”无法判断完成程度，请选择：达成、部分达成或未达成", row.actual.trim()),
            ));
            None
        }
        Outcome::Unknown => None,
    };
    let rounded = computed.as_ref().map(|(e, _)| round2(*e));

    if let (Some((_, how)), Some(c), Some(s)) = (&computed, rounded, stated) {
        if c != s {
            let tail = (c - s).abs() <= policy.rounding_tolerance;
            out.disputed = !tail;
            let how = how.explain(weight).map(|h| format!("（{h}）")).unwrap_or_default();
            if over {
                let m = format!("指标“{name}”得分 {} 超过其分值 {}，应为 {}{how}，请改正得分", fmt_score(s), fmt_score(weight), fmt_score(c));
                if let Some(f) = sheet.finding_mut(path.cell("score"), Code::ScoreOverWeight) {
                    f.message = m;
                }
            } else {
                sheet.push(
                    Finding::new(
                        if tail { Code::ScoreTail } else { Code::ScoreMismatch },
                        if tail { Severity::Info } else { Severity::Error },
                        path.cell("score"),
                        if tail {
                            format!("指标“{name}”得分 {} 与计算值 {}{how} 相差 0.01 以内，属尾差", fmt_score(s), fmt_score(c))
                        } else {
                            format!("指标“{name}”的得分应为 {}{how}，填写为 {}", fmt_score(c), fmt_score(s))
                        },
                    )
                    .values(Some(fmt_score(s)), Some(fmt_score(c))),
                );
            }
        }
    }
    if let Some(c) = rounded {
        sheet.set(path.cell("score"), Shown::Score(c));
    }

    deviation_reason(row, path, &outcome, sheet);
    cost_above_funds(row, path, level1, level2, &outcome, ctx, sheet);
    out.score = rounded.or(stated);
    out.exact = computed.map(|(e, _)| e).or(stated);
    out
}

/// How a computed score came about.
enum How {
    Reverse { formula: ReverseFormula, target: Decimal, actual: Decimal },
    Quantity { rule: Rule, kind: Kind, completion: Decimal, target: Decimal, actual: Decimal },
    Date { on_time: bool },
    /// a 定性 score: the stated one within its band, or the band's default
    Stated,
}

impl How {
    /// The computation in a message: `5 × 37 ÷ 40`, `完成率 105.00%，得满分`.
    fn explain(&self, weight: Decimal) -> Option<String> {
        let w = fmt_plain(weight);
        Some(match *self {
            How::Reverse { formula, target, actual } => {
                let (t, a) = (fmt_plain(target), fmt_plain(actual));
                match formula {
                    ReverseFormula::ActualOverTarget if actual < target => format!("{w} × {a} ÷ {t}"),
                    _ if actual <= target => format!("{a} 未超过 {t}，得满分"),
                    ReverseFormula::Linear => format!("{w} × (1 − ({a} − {t}) ÷ {t})"),
                    _ => format!("{w} × {t} ÷ {a}"),
                }
            }
            How::Quantity { rule: Rule::Direct, completion, .. } => format!("直接赋分，{}", if completion >= Decimal::ONE { "完成得满分" } else { "未完成不得分" }),
            How::Quantity { kind: Kind::Zero, actual, .. } => format!("指标值为 0，实际为 {}", fmt_plain(actual)),
            How::Quantity { completion, .. } if completion >= Decimal::ONE => format!("完成率 {}，得满分", fmt_rate(completion.saturating_mul(hundred()))),
            How::Quantity { kind: Kind::Reverse, target, actual, .. } => format!("{w} × {} ÷ {}", fmt_plain(target), fmt_plain(actual)),
            How::Quantity { target, actual, .. } => format!("{w} × {} ÷ {}", fmt_plain(actual), fmt_plain(target)),
            How::Date { on_time: true } => "按期完成得满分".to_string(),
            How::Date { on_time: false } => "逾期未完成不得分".to_string(),
            How::Stated => return None,
        })
    }
}

/// `lo` as a percentage of `weight`: 80 for 12 of 15.
fn ratio_pct(part: Decimal, weight: Decimal) -> Decimal {
    crate::number::percent(part, weight).unwrap_or_default()
}

fn outcome(row: &IndicatorRow, path: RowAt, operator: Option<Comparator>, target: Option<Value>, actual: Option<Value>, year: Option<i32>, sheet: &mut Sheet) -> Outcome {
    let name = row.name.trim();
    let chosen = Level::parse(&row.level);
    let (target, actual) = match (target, actual) {
        (Some(t), Some(a)) => (t, a),
        (Some(Value::Qualitative(_)), None) if chosen.is_some() => return Outcome::Qualitative { level: chosen },
        _ => {
            let (field, what) = if row.target.trim().is_empty() { ("target", "年度指标值") } else { ("actual", "实际完成值") };
            if row.target.trim().is_empty() || row.actual.trim().is_empty() {
                sheet.push(Finding::new(Code::ValueMissing, Severity::Warning, path.cell(field), format!("指标“{name}”未填写{what}，请填写")));
            }
            return Outcome::Unknown;
        }
    };
    let number = |v: &Value| match v {
        Value::Quantity { cmp, number, unit } => Some((*cmp, *number, unit.clone())),
        Value::Serial { number, .. } => Some((None, *number, String::new())),
        _ => None,
    };
    let day = |v: &Value| match v {
        Value::Date { day, .. } | Value::Serial { day, .. } => Some(*day),
        _ => None,
    };
    // a deadline: a date target, or an Excel serial against a date actual
    let deadline = matches!(target, Value::Date { .. }) || matches!((&target, &actual), (Value::Serial { .. }, Value::Date { .. }));
    if deadline {
        if let (Some(t), Some(a)) = (day(&target), day(&actual)) {
            return Outcome::Date { on_time: a <= t };
        }
    }
    // `年底前`, `6月30日前`: a deadline in the document's year (else the year it was met in)
    if let (Value::Qualitative(t), Some(a)) = (&target, day(&actual)) {
        if let Some(t) = indicator::deadline_in(t, year.unwrap_or(a.year)) {
            return Outcome::Date { on_time: a <= t };
        }
    }
    // a level read from words is shown with the word, so a user can overrule it
    let mut read = |target: &str, actual: &str| -> Option<Level> {
        if chosen.is_some() {
            return chosen;
        }
        let (level, word) = indicator::qualitative_level(target, actual)?;
        // shown in the 完成程度 cell, as any computed value in a blank cell
        sheet.set(path.cell("level"), Shown::Word(level.label()));
        if let Some(w) = word {
            sheet.push(Finding::new(
                Code::QualitativeReading,
                Severity::Info,
                path.cell("level"),
                format!("指标“{name}”的实际完成值“{}”按“{w}”判为{}；如不同，请在完成程度中另选", actual.trim(), level.label()),
            ));
        }
        Some(level)
    };
    match (&target, &actual) {
        (Value::Qualitative(t), _) => Outcome::Qualitative { level: read(t, &row.actual) },
        (_, Value::Qualitative(a)) => match read(&row.target, a) {
            Some(level) => Outcome::Qualitative { level: Some(level) },
            None => {
                sheet.push(Finding::new(
                    Code::ValueKindMismatch,
                    Severity::Warning,
                    path.cell("actual"),
                    format!("指标“{name}”的年度指标值是数值，实际完成值“{}”不是，无法计算完成率：请填写实际达到的数值", row.actual.trim()),
                ));
                Outcome::Unknown
            }
        },
        (t, a) => {
            let (Some((tcmp, tnum, tunit)), Some((_, anum, aunit))) = (number(t), number(a)) else {
                sheet.push(Finding::new(
                    Code::ValueKindMismatch,
                    Severity::Warning,
                    path.cell("actual"),
                    format!("指标“{name}”的年度指标值与实际完成值类型不同（日期/数值），无法比较：请按年度指标值的写法填写实际完成值"),
                ));
                return Outcome::Unknown;
            };
            let Some(actual) = convert(anum.value, &aunit, &tunit) else {
                sheet.push(
                    Finding::new(
                        Code::UnitMismatch,
                        Severity::Warning,
                        path.cell("actual"),
                        format!("指标“{name}”的单位不一致：年度指标值为“{tunit}”，实际完成值为“{aunit}”，无法比较，得分未能核实：请用同一单位填写"),
                    )
                    .values(Some(aunit.clone()), Some(tunit.clone())),
                );
                return Outcome::Unknown;
            };
            let cmp = operator.or(tcmp).unwrap_or(Comparator::Eq);
            let kind = match cmp {
                Comparator::Ge | Comparator::Gt => Kind::Positive,
                Comparator::Le | Comparator::Lt => Kind::Reverse,
                Comparator::Eq if tnum.value.is_zero() => Kind::Zero,
                Comparator::Eq => Kind::Positive,
            };
            Outcome::Quantity { kind, cmp, target: tnum.value, actual, unit: tunit }
        }
    }
}

fn deviation_reason(row: &IndicatorRow, path: RowAt, outcome: &Outcome, sheet: &mut Sheet) {
    if !row.reason.trim().is_empty() {
        return;
    }
    let warn = sheet.policy.over_achievement_warn;
    let name = row.name.trim();
    let why = match outcome {
        Outcome::Quantity { kind, cmp, target, actual, .. } => {
            let c = completion(*kind, *target, *actual);
            if c.is_none() {
                Some("实际完成值与指标值相差悬殊，完成率超出可计算的范围（请检查单位：元、万元、亿元）".to_string())
            } else if let Some(c) = c.filter(|c| *c < Decimal::ONE) {
                Some(format!("完成率 {} 未达到目标", fmt_rate(c.saturating_mul(hundred()))))
            } else if *cmp == Comparator::Eq && actual != target {
                Some(format!("指标值要求等于 {}，实际为 {}", target.normalize(), actual.normalize()))
            } else if let Some(c) = c.filter(|c| *kind == Kind::Positive && *c > Decimal::ONE + warn) {
                Some(format!("完成率 {}，超出目标 {}% 以上", fmt_rate(c.saturating_mul(hundred())), (warn * hundred()).normalize()))
            } else if *kind == Kind::Reverse && target.checked_mul(Decimal::ONE - warn).is_some_and(|limit| *actual < limit) {
                Some(format!("实际值 {} 低于限额 {} 的 {}% 以上", actual.normalize(), target.normalize(), (warn * hundred()).normalize()))
            } else {
                None
            }
        }
        Outcome::Date { on_time: false } => Some("未在时限内完成".to_string()),
        Outcome::Qualitative { level: Some(l) } if *l != Level::Achieved => Some(format!("完成程度为{}", l.label())),
        _ => None,
    };
    if let Some(why) = why {
        sheet.push(Finding::new(
            Code::DeviationReasonMissing,
            Severity::Warning,
            path.cell("reason"),
            format!("指标“{name}”{why}，应填写偏差原因分析及改进措施"),
        ));
    }
}

/// SPEC §6 A: a cost indicator's actual above the executed funds deserves a warning.
fn cost_above_funds(row: &IndicatorRow, path: RowAt, level1: &str, level2: &str, outcome: &Outcome, ctx: Context, sheet: &mut Sheet) {
    let (Outcome::Quantity { actual, unit, .. }, Some(executed)) = (outcome, ctx.executed_funds) else {
        return;
    };
    if !(level1.contains("成本") || level2.contains("成本")) {
        return;
    }
    let Some(wan) = convert(*actual, unit, "万元").filter(|_| matches!(unit.as_str(), "元" | "万元" | "亿元")) else {
        return;
    };
    if wan > executed {
        sheet.push(
            Finding::new(
                Code::CostExceedsExecuted,
                Severity::Warning,
                path.cell("actual"),
                format!("成本指标“{}”的实际完成值 {} 万元 超过项目全年执行数 {} 万元，请核对金额或单位", row.name.trim(), wan.normalize(), fmt_amount(executed)),
            )
            .values(Some(wan.normalize().to_string()), Some(fmt_amount(executed))),
        );
    }
}


pub(super) fn columns_swapped(row: &IndicatorRow) -> bool {
    let with_unit = |t: &str| matches!(parse_value(t), Ok(Some(Value::Quantity { unit, .. })) if !unit.is_empty());
    let bare = |t: &str| matches!(parse_value(t), Ok(Some(Value::Quantity { unit, cmp: None, .. })) if unit.is_empty());
    crate::number::parse_score(&row.weight).is_err() && with_unit(&row.weight) && bare(&row.actual)
}

#[cfg(test)]
mod levels {
    use super::{LEVEL1, LEVEL2};
    use crate::forms::layout::Column;

    fn column(kind: &str, key: &str) -> Column {
        let layout = crate::forms::layout(kind).unwrap();
        layout.blocks.into_iter().flat_map(|b| b.columns).find(|c| c.key == key).unwrap()
    }

    /// The page offers the names the checks know: one list, in the layout and here.
    #[test]
    fn the_layouts_offer_the_levels_the_checks_know() {
        assert_eq!(column("project_self_evaluation", "level1").options, LEVEL1);
        for kind in ["project_self_evaluation", "department_self_evaluation"] {
            assert_eq!(column(kind, "level2").options, LEVEL2, "{kind}");
        }
    }

    fn level_findings(kind: &str, level1: &str, level2: &str) -> Vec<(String, String)> {
        let text = format!(r#"{{"kind":"{kind}","indicators":[{{"level1":"{level1}","level2":"{level2}","name":"x","target":"1","actual":"1","weight":"10"}}]}}"#);
        let doc = crate::Document::from_json(&text).unwrap();
        let ev = crate::evaluate_document(&doc, &crate::Options::default().policy().unwrap());
        ev.findings.iter().filter(|f| f.code == "level.nonstandard").map(|f| (f.path.clone(), format!("{:?}", f.severity))).collect()
    }

    /// A 一级 typed twice over (the page's old 添加指标 appended to a copied value) is pointed out;
    /// an uncommon 二级 is a note; a department table's own 一级 names are its template's business.
    #[test]
    fn a_level_that_is_not_a_standard_name_is_a_finding() {
        let p = "project_self_evaluation";
        assert_eq!(level_findings(p, "产出指标产出指标", "数量指标"), vec![("indicators.0.level1".into(), "Warning".into())]);
        assert_eq!(level_findings(p, "产出指标", "数量指标数量"), vec![("indicators.0.level2".into(), "Info".into())]);
        assert!(level_findings(p, " 效益指标 ", "成本指标").is_empty());
        assert!(level_findings("department_self_evaluation", "服务对象满意度", "满意度指标").is_empty());
    }
}
