//! Report C, 部门整体支出绩效自评报告 (SPEC §6 C): the figures a report states — 编制, budget
//! scale and adjustment, execution, basic and project spending, the project list by group, one
//! paragraph per indicator — every identity checked; the rates, sums, 综合得分 and 评价结果 its
//! own narrative states checked against those figures; and the whole report text written in the
//! official wording, section order and typography (seed 003) from the checked figures, so the
//! text never states a figure the checker's summary contradicts.

use super::indicators::{self, Context, IndicatorRow};
use super::project::total_and_grade;
use super::{at, Path, Sheet, Shown};
use crate::cell::Cell;
use crate::finding::{Code, Finding, Severity};
use crate::indicator::{parse_value, Value};
use crate::number::{self, compare_total, fmt_amount, fmt_rate, fmt_score, hundred, rate_reachable, round, round2, Agreement, Figure};
use crate::policy::Policy;
use crate::{scoring, text, Evaluation, Summary};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

const KIND: &str = "department_report";

/// The figures and texts a report states, in its section order.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct ReportDoc {
    /// 格式版本 (1)
    pub version: Cell,
    pub year: Cell,
    /// 标题中部门前的地区：“高新区部门单位整体支出绩效自评报告”中的“高新区”
    pub region: Cell,
    /// 部门（单位）名称，即“部门单位名称（公章）”
    pub unit: Cell,
    /// 填报时间（如“2024年4月15日”）
    pub filled: Cell,
    /// 部门主要职能
    pub duties: Cell,
    /// 部门单位年度重点工作
    pub key_work: Cell,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub staffing: Staffing,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub budget: Budget,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub execution: Execution,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub spending: Spending,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub basic: Basic,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub projects: Projects,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub performance: Performance,
    #[serde(deserialize_with = "crate::cell::rows")]
    pub indicators: Vec<ReportIndicator>,
    pub total_score: Cell,
    pub grade: Cell,
    /// 存在的主要问题及原因分析
    pub problems: Cell,
    /// 改进措施（六、（一）；未填“建议”时即“改进措施和建议”全文）
    pub improvements: Cell,
    /// 建议（六、（二））
    pub suggestions: Cell,
}

/// 编制 = 行政编制 + 事业编制; 实有人数
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Staffing {
    pub total: Cell,
    pub administrative: Cell,
    pub institutional: Cell,
    pub actual: Cell,
}

/// 年初预算安排 and 预算调整
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Budget {
    /// 年初预算数 = 基本支出 + 项目支出
    pub initial: Cell,
    pub initial_basic: Cell,
    pub initial_project: Cell,
    /// 年初批复预算数
    pub approved: Cell,
    /// 调增 / 调减
    pub direction: Cell,
    /// 年中调整数
    pub adjustment: Cell,
    /// 调整后全年预算数
    pub adjusted: Cell,
    /// 预算调整率
    pub adjustment_rate: Cell,
    /// 年初预算安排后的“综上所述”
    pub initial_summary: Cell,
    /// 预算调整后的“综上所述”
    pub adjustment_summary: Cell,
}

/// 全年预算执行情况
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Execution {
    pub budget: Cell,
    pub executed: Cell,
    pub rate: Cell,
    /// 执行情况后的“综上所述”
    pub summary: Cell,
}

/// 资金使用主要内容及范围: 全年支出 = 基本支出 + 项目支出
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Spending {
    pub total: Cell,
    pub basic: Cell,
    pub basic_use: Cell,
    pub project: Cell,
    pub project_use: Cell,
}

/// 基本支出 = 人员经费 + 公用经费, and its 执行率
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Basic {
    pub budget: Cell,
    pub personnel: Cell,
    pub public: Cell,
    pub executed: Cell,
    pub rate: Cell,
    /// 基本支出的使用说明（数字之后的一段）
    pub note: Cell,
}

/// 项目管理和使用情况: totals, groups and the project list
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Projects {
    /// 项目管理情况：（1）管理制度健全性
    pub management: Cell,
    /// 项目管理情况：（2）资金使用合规性和安全性
    pub compliance: Cell,
    pub count: Cell,
    pub budget: Cell,
    pub executed: Cell,
    #[serde(deserialize_with = "crate::cell::rows")]
    pub groups: Vec<ProjectGroup>,
    #[serde(deserialize_with = "crate::cell::rows")]
    pub items: Vec<ProjectItem>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct ProjectGroup {
    pub name: Cell,
    pub count: Cell,
    pub budget: Cell,
    pub executed: Cell,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct ProjectItem {
    /// the group's name
    pub group: Cell,
    pub name: Cell,
    pub budget: Cell,
    pub executed: Cell,
    /// 效益 achieved
    pub benefit: Cell,
}

/// 绩效分析: the 执行率 the score is given on
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Performance {
    pub budget: Cell,
    pub executed: Cell,
    pub rate: Cell,
    pub weight: Cell,
    pub score: Cell,
}

/// One paragraph per indicator: the indicator row plus what the report says of it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct ReportIndicator {
    pub level1: Cell,
    pub level2: Cell,
    pub name: Cell,
    pub operator: Cell,
    pub target: Cell,
    /// 年中监控实际完成值
    pub monitor: Cell,
    /// 年中监控值之后的补充说明（如“预算调增189.64万元”）
    pub note: Cell,
    pub actual: Cell,
    pub level: Cell,
    /// 完成率 as stated
    pub completion: Cell,
    pub weight: Cell,
    pub score: Cell,
    pub rule: Cell,
    /// 偏差原因
    pub reason: Cell,
    /// 改进措施
    pub measures: Cell,
}

impl ReportIndicator {
    fn row(&self) -> IndicatorRow {
        IndicatorRow {
            level1: self.level1.clone(),
            level2: self.level2.clone(),
            name: self.name.clone(),
            operator: self.operator.clone(),
            target: self.target.clone(),
            actual: self.actual.clone(),
            level: self.level.clone(),
            weight: self.weight.clone(),
            score: self.score.clone(),
            rule: self.rule.clone(),
            reason: self.reason.clone(),
            ..IndicatorRow::default()
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Unit {
    Amount,
    Count,
}

fn shown(unit: Unit, d: Decimal) -> Shown {
    match unit {
        Unit::Amount => Shown::Amount(d),
        Unit::Count => Shown::Count(d),
    }
}

fn show(unit: Unit, d: Decimal) -> String {
    match unit {
        Unit::Amount => fmt_amount(d),
        Unit::Count => d.normalize().to_string(),
    }
}

struct Report<'p> {
    sheet: Sheet<'p>,
}

/// "a + b + c" for a message, or "所列 N 项之和" when the list is long.
fn terms(unit: Unit, parts: &[(&str, Option<Figure>)]) -> String {
    let value = |f: &Option<Figure>| show(unit, f.map(|f| f.value).unwrap_or_default());
    if parts.iter().all(|p| p.0.is_empty()) {
        if parts.len() > 6 {
            return format!("所列 {} 项之和", parts.len());
        }
        return parts.iter().map(|(_, f)| value(f)).collect::<Vec<_>>().join(" + ");
    }
    parts.iter().map(|(l, f)| format!("{l} {}", value(f))).collect::<Vec<_>>().join(" + ")
}

impl Report<'_> {
    /// Reads a figure, records it as the value the generated text will use, and returns it.
    fn figure(&mut self, (t, path): (&Cell, Path), unit: Unit) -> Option<Figure> {
        let f = match unit {
            Unit::Amount => self.sheet.amount(path, t),
            Unit::Count => self.sheet.score(path, t),
        };
        if let Some(f) = f {
            self.sheet.set(path, shown(unit, f.value));
        }
        f
    }

    /// `path` = Σ parts: checks a stated total and returns the value to use (the sum when every
    /// part is given, else the stated total).
    fn sum(&mut self, (t, path): (&Cell, Path), label: &str, unit: Unit, parts: &[(&str, Option<Figure>)]) -> Option<Decimal> {
        let stated = self.figure((t, path), unit);
        if parts.is_empty() || parts.iter().any(|p| p.1.is_none()) {
            return stated.map(|f| f.value);
        }
        let sum: Decimal = parts.iter().filter_map(|p| p.1).map(|f| f.value).sum();
        self.sheet.set(path, shown(unit, sum));
        if let Some(st) = stated {
            let agreement = compare_total(st.value, sum, parts.len(), self.sheet.policy.rounding_tolerance);
            let (how, s, total) = (terms(unit, parts), show(unit, st.value), show(unit, sum));
            match agreement {
                Agreement::Equal => {}
                Agreement::Tail => self.sheet.push(
                    Finding::new(Code::SumTail, Severity::Info, path, format!("{label}填写为 {s}，按 {how} 计算为 {total}，只差尾差，可不改动"))
                        .values(Some(s), Some(total)),
                ),
                Agreement::Mismatch => self
                    .sheet
                    .push(Finding::new(Code::SumMismatch, Severity::Error, path, format!("{label}应为 {total}（{how}），填写为 {s}")).values(Some(s), Some(total))),
            }
        }
        Some(sum)
    }

    /// A stated rate `num / den × 100`; returns the computed rate.
    fn rate(&mut self, (t, path): (&Cell, Path), label: &str, num: Option<Figure>, den: Option<Figure>) -> Option<Decimal> {
        let stated = self.sheet.rate(path, t);
        let (Some(n), Some(d)) = (num, den) else { return stated.map(|f| f.value) };
        let r = number::percent(n.value, d.value)?;
        self.sheet.set(path, Shown::Rate(r));
        if let Some(s) = stated.filter(|s| s.value != r) {
            let ok = rate_reachable(s, n, d);
            let how = format!("{} ÷ {}", fmt_amount(n.value), fmt_amount(d.value));
            let message = if ok {
                format!("{label}填写为 {}%，按 {how} 计算为 {}，差异在四舍五入范围内，可不改动", s.value, fmt_rate(r))
            } else {
                format!("{label}应为 {}（{how}），填写为 {}%", fmt_rate(r), s.value)
            };
            self.sheet.push(
                Finding::new(if ok { Code::RateTail } else { Code::RateMismatch }, if ok { Severity::Info } else { Severity::Error }, path, message)
                    .values(Some(format!("{}%", s.value)), Some(fmt_rate(r))),
            );
        }
        Some(r)
    }

    fn same(&mut self, path: &str, a: Option<Figure>, b: Option<Figure>, message: impl FnOnce(Decimal, Decimal) -> String) {
        if let (Some(a), Some(b)) = (a, b) {
            if a.value != b.value {
                let m = format!("{}，请核对后两处填写同一个数", message(a.value, b.value));
                self.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Error, path, m).values(Some(fmt_amount(a.value)), Some(fmt_amount(b.value))));
            }
        }
    }

    /// A stated count against the number of listed items.
    fn count(&mut self, (t, path): (&Cell, Path), label: &str, listed: usize) -> Option<Figure> {
        let n = Decimal::from(listed as u64);
        let count = self.figure((t, path), Unit::Count);
        if listed == 0 {
            return count;
        }
        self.sheet.set(path, Shown::Count(n));
        if let Some(c) = count.filter(|c| c.value != n) {
            self.sheet.push(
                Finding::new(Code::CountMismatch, Severity::Error, path, format!("{label}应为 {n} 个（下面列出了 {n} 个项目），填写为 {} 个", c.value.normalize()))
                    .values(Some(c.value.normalize().to_string()), Some(n.to_string())),
            );
        }
        Some(Figure { value: n, decimals: 0 })
    }
}

/// How an indicator's completion is computed, for a message: "367.19 ÷ 554.23".
fn completion_how(x: &ReportIndicator, kind: Option<&Shown>) -> Option<String> {
    let quantity = |c: &Cell| match parse_value(c) {
        Ok(Some(Value::Quantity { number, unit, .. })) => Some((number.value, unit)),
        _ => None,
    };
    let (t, tu) = quantity(&x.target)?;
    let (a, au) = quantity(&x.actual)?;
    if !(tu == au || tu.is_empty() || au.is_empty()) {
        return None;
    }
    match kind {
        Some(Shown::Word("反向")) => Some(format!("{} ÷ {}", t.normalize(), a.normalize())),
        Some(Shown::Word("正向")) => Some(format!("{} ÷ {}", a.normalize(), t.normalize())),
        _ => None,
    }
}

/// The figures the text states where the checks resolve them: the 执行率 the score is given on
/// (the one in the summary), its budget and executed, the score, the 综合得分 and 评价结果.
#[derive(Default)]
struct Resolved {
    exec_budget: Option<Decimal>,
    executed: Option<Decimal>,
    exec_rate: Option<Decimal>,
    exec_score: Option<Decimal>,
    indicator_score: Decimal,
    total: Option<Decimal>,
    grade: Option<&'static str>,
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
#[inline(never)] // one function per kind: the page compiles only the kind it evaluates
pub fn evaluate(d: &ReportDoc, policy: &Policy) -> Evaluation {
    let mut r = Report { sheet: Sheet::new(policy) };
    use Unit::*;

    // 编制 = 行政编制 + 事业编制
    let adm = r.figure(at!(d.staffing.administrative), Count);
    let inst = r.figure(at!(d.staffing.institutional), Count);
    r.sum(at!(d.staffing.total), "编制数", Count, &[("行政编制", adm), ("事业编制", inst)]);
    r.figure(at!(d.staffing.actual), Count);

    // 年初预算 = 基本支出 + 项目支出
    let ib = r.figure(at!(d.budget.initial_basic), Amount);
    let ip = r.figure(at!(d.budget.initial_project), Amount);
    let initial = r.sum(at!(d.budget.initial), "年初预算数", Amount, &[("基本支出", ib), ("项目支出", ip)]).map(|v| Figure { value: v, decimals: 2 });

    // 年初批复 ± 年中调整 = 调整后; 调整率 = 调整数 / 年初批复
    let approved = r.figure(at!(d.budget.approved), Amount);
    let adjustment = r.figure(at!(d.budget.adjustment), Amount);
    let stated_adjusted = r.figure(at!(d.budget.adjusted), Amount);
    let direction = match d.budget.direction.trim() {
        "调减" => -1,
        "调增" => 1,
        _ => match (approved, stated_adjusted) {
            (Some(a), Some(s)) if s.value < a.value => -1,
            _ => 1,
        },
    };
    r.sheet.set(Path::field("budget.direction"), Shown::Word(if direction < 0 { "调减" } else { "调增" }));
    r.same("budget.approved", approved, initial, |a, i| {
        format!("年初批复预算数 {} 与“年初预算安排情况”中的年初预算数 {} 不一致", fmt_amount(a), fmt_amount(i))
    });
    let adjusted = match (approved, adjustment) {
        (Some(a), Some(d)) => {
            let sum = a.value + Decimal::from(direction) * d.value;
            r.sheet.set(Path::field("budget.adjusted"), Shown::Amount(sum));
            if let Some(s) = stated_adjusted.filter(|s| s.value != sum) {
                let op = if direction < 0 { "−" } else { "+" };
                r.sheet.push(
                    Finding::new(
                        Code::SumMismatch,
                        Severity::Error,
                        "budget.adjusted",
                        format!("调整后全年预算数应为 {}（年初批复 {} {op} 年中调整 {}），填写为 {}", fmt_amount(sum), fmt_amount(a.value), fmt_amount(d.value), fmt_amount(s.value)),
                    )
                    .values(Some(fmt_amount(s.value)), Some(fmt_amount(sum))),
                );
            }
            Some(Figure { value: sum, decimals: 2 })
        }
        _ => stated_adjusted,
    };
    r.rate(at!(d.budget.adjustment_rate), "预算调整率", adjustment, approved.or(initial));

    // 全年预算执行情况
    let exec_budget = r.figure(at!(d.execution.budget), Amount);
    let executed = r.figure(at!(d.execution.executed), Amount);
    // against the 调整后 as stated: a wrong adjustment is reported once, where it is
    r.same("execution.budget", exec_budget, stated_adjusted.or(adjusted), |b, a| format!("全年预算数 {} 与调整后全年预算数 {} 不一致", fmt_amount(b), fmt_amount(a)));
    let exec_budget = exec_budget.or(adjusted);
    let exec_rate = r.rate(at!(d.execution.rate), "预算执行率", executed, exec_budget);

    // 全年支出 = 基本支出 + 项目支出
    let sb = r.figure(at!(d.spending.basic), Amount);
    let sp = r.figure(at!(d.spending.project), Amount);
    let spent = r.sum(at!(d.spending.total), "全年支出金额", Amount, &[("基本支出", sb), ("项目支出", sp)]).map(|v| Figure { value: v, decimals: 2 });
    r.same("spending.total", spent, executed, |s, e| format!("全年支出金额 {} 与全年实际支出资金 {} 不一致", fmt_amount(s), fmt_amount(e)));

    // 基本支出 = 人员经费 + 公用经费, and its 执行率
    let personnel = r.figure(at!(d.basic.personnel), Amount);
    let public = r.figure(at!(d.basic.public), Amount);
    let basic_budget = r.sum(at!(d.basic.budget), "基本支出全年预算总额", Amount, &[("人员经费", personnel), ("公用经费", public)]).map(|v| Figure { value: v, decimals: 2 });
    let basic_exec = r.figure(at!(d.basic.executed), Amount);
    r.rate(at!(d.basic.rate), "基本支出预算执行率", basic_exec, basic_budget);

    // projects by group
    let (items, groups) = (&d.projects.items, &d.projects.groups);
    let mut item_budget = Vec::new();
    let mut item_exec = Vec::new();
    for (i, it) in items.iter().enumerate() {
        item_budget.push(r.figure((&it.budget, Path::row("projects.items", i, "budget")), Amount));
        item_exec.push(r.figure((&it.executed, Path::row("projects.items", i, "executed")), Amount));
    }
    let by_group = members_by_group(items);
    for (g, group) in groups.iter().enumerate() {
        let name = &group.name;
        let members: &[usize] = by_group.get(name.trim()).map_or(&[], Vec::as_slice);
        let label = |what: &str| format!("{}{what}", name.trim());
        r.count((&group.count, Path::row("projects.groups", g, "count")), &label("项目个数"), members.len());
        let parts: Vec<(&str, Option<Figure>)> = members.iter().map(|i| ("", item_budget[*i])).collect();
        r.sum((&group.budget, Path::row("projects.groups", g, "budget")), &label("金额"), Amount, &parts);
        let parts: Vec<(&str, Option<Figure>)> = members.iter().map(|i| ("", item_exec[*i])).collect();
        r.sum((&group.executed, Path::row("projects.groups", g, "executed")), &label("执行金额"), Amount, &parts);
    }
    r.count(at!(d.projects.count), "项目个数", items.len());
    let parts: Vec<(&str, Option<Figure>)> = item_budget.iter().map(|f| ("", *f)).collect();
    r.sum(at!(d.projects.budget), "项目总金额", Amount, &parts);
    let parts: Vec<(&str, Option<Figure>)> = item_exec.iter().map(|f| ("", *f)).collect();
    let project_exec = r.sum(at!(d.projects.executed), "项目执行金额", Amount, &parts);
    if let (Some(pe), Some(sp)) = (project_exec, sp) {
        if pe != sp.value {
            r.sheet.push(Finding::new(
                Code::FigureInconsistent,
                Severity::Warning,
                "projects.executed",
                format!("项目执行金额合计 {} 与“资金使用”中的项目支出 {} 不一致，请核对后两处填写同一个数", fmt_amount(pe), fmt_amount(sp.value)),
            ));
        }
    }

    // 绩效分析: the 执行率 the score is given on must be the same as the one above
    let pb = r.figure(at!(d.performance.budget), Amount);
    let pe = r.figure(at!(d.performance.executed), Amount);
    let perf_rate = r.rate(at!(d.performance.rate), "绩效分析中的执行率", pe.or(executed), pb.or(exec_budget));
    if let (Some(pb), Some(eb)) = (pb, exec_budget) {
        if pb.value != eb.value {
            let other = |n: Option<Figure>, d: Figure| n.and_then(|n| number::percent(n.value, d.value)).map(fmt_rate).unwrap_or_else(|| "—".into());
            r.sheet.push(
                Finding::new(
                    Code::ExecRateBase,
                    Severity::Error,
                    "performance.budget",
                    format!(
                        "执行率前后按不同的预算数计算：前文 {} ÷ {} = {}，此处 {} ÷ {} = {}；请两处都按同一个全年预算数计算",
                        fmt_amount(executed.map(|f| f.value).unwrap_or_default()),
                        fmt_amount(eb.value),
                        other(executed, eb),
                        fmt_amount(pe.or(executed).map(|f| f.value).unwrap_or_default()),
                        fmt_amount(pb.value),
                        other(pe.or(executed), pb)
                    ),
                )
                .values(Some(fmt_amount(pb.value)), Some(fmt_amount(eb.value))),
            );
        }
    }
    let weight = r.sheet.score(Path::field("performance.weight"), &d.performance.weight).map(|f| f.value).unwrap_or(policy.exec_weight);
    let stated_score = r.sheet.score(Path::field("performance.score"), &d.performance.score);
    // the rate the score is given on: the summary's 执行率 and the text's, everywhere
    let scored_rate = perf_rate.or(exec_rate);
    let perf_score = scored_rate.map(|rate| scoring::exec_score(weight, rate));
    if let (Some(s), Some(rate)) = (perf_score, scored_rate) {
        r.sheet.set(Path::field("performance.score"), Shown::Score(s));
        if let Some(st) = stated_score.filter(|st| st.value != s) {
            r.sheet.push(
                Finding::new(
                    Code::ScoreMismatch,
                    Severity::Error,
                    "performance.score",
                    format!("执行率得分应为 {}（分值 {} × 执行率 {}），填写为 {}", fmt_score(s), weight.normalize(), fmt_rate(rate.min(hundred())), fmt_score(st.value)),
                )
                .values(Some(fmt_score(st.value)), Some(fmt_score(s))),
            );
        }
    }

    // indicators: scored by the shared engine, then the stated 完成率 checked
    let rows: Vec<IndicatorRow> = d.indicators.iter().map(ReportIndicator::row).collect();
    let ind = indicators::evaluate(&rows, Context::default(), &mut r.sheet);
    for (i, x) in d.indicators.iter().enumerate() {
        let path = Path::row("indicators", i, "completion");
        let stated = &x.completion;
        let Ok(Some(s)) = number::parse_rate(stated) else { continue };
        // the unrounded completion at the stated precision: "12%" for 12.495% is right, and
        // rounding it to 12.50% first would make it wrong
        let Some(exact) = r.sheet.get(path).and_then(Shown::number) else { continue };
        let c = Figure { value: round2(exact), decimals: 2 };
        let capped = exact.min(hundred());
        if round(exact, s.decimals) != s.value && round(capped, s.decimals) != s.value {
            let how = completion_how(x, r.sheet.get(Path::row("indicators", i, "kind"))).map(|h| format!("（{h}）")).unwrap_or_default();
            r.sheet.push(
                Finding::new(Code::CompletionMismatch, Severity::Error, path, format!("指标“{}”的完成率应为 {}{how}，填写为 {}%", x.name.trim(), fmt_rate(c.value), s.value))
                    .values(Some(format!("{}%", s.value)), Some(fmt_rate(c.value))),
            );
        }
    }
    let (total, grade) = total_and_grade(weight, perf_score, &ind, &d.total_score, &d.grade, &mut r.sheet);
    let resolved = Resolved {
        exec_budget: pb.or(exec_budget).map(|f| f.value),
        executed: pe.or(executed).map(|f| f.value),
        exec_rate: scored_rate,
        exec_score: perf_score,
        indicator_score: ind.score,
        total,
        grade,
    };

    narrative(d, &resolved, &mut r.sheet);

    let text = write(d, &r.sheet, &resolved);
    r.sheet.set(Path::field("report"), Shown::Text(text));
    let year = &d.year;
    Evaluation::new(
        KIND,
        Summary {
            title: format!("{}{}", d.unit.trim(), if year.trim().is_empty() { String::new() } else { format!("（{}年度）", year.trim()) }),
            total_score: total.map(fmt_score),
            grade: grade.map(str::to_string),
            exec_rate: scored_rate.map(fmt_rate),
            ..Summary::default()
        },
        r.sheet,
    )
}

/// The free-text fields of a report, with their paths: where its narrative claims are.
fn narrative_fields(d: &ReportDoc) -> Vec<(&Cell, Path, Option<usize>)> {
    let mut v = vec![
        (&d.duties, Path::field("duties"), None),
        (&d.key_work, Path::field("key_work"), None),
        (&d.budget.initial_summary, Path::field("budget.initial_summary"), None),
        (&d.budget.adjustment_summary, Path::field("budget.adjustment_summary"), None),
        (&d.execution.summary, Path::field("execution.summary"), None),
        (&d.spending.basic_use, Path::field("spending.basic_use"), None),
        (&d.spending.project_use, Path::field("spending.project_use"), None),
        (&d.basic.note, Path::field("basic.note"), None),
        (&d.projects.management, Path::field("projects.management"), None),
        (&d.projects.compliance, Path::field("projects.compliance"), None),
    ];
    for (i, x) in d.indicators.iter().enumerate() {
        v.push((&x.note, Path::row("indicators", i, "note"), Some(i)));
        v.push((&x.reason, Path::row("indicators", i, "reason"), Some(i)));
        v.push((&x.measures, Path::row("indicators", i, "measures"), Some(i)));
    }
    v.push((&d.problems, Path::field("problems"), None));
    v.push((&d.improvements, Path::field("improvements"), None));
    v.push((&d.suggestions, Path::field("suggestions"), None));
    v
}

const RATE_WORDS: [&str; 3] = ["执行率", "完成率", "调整率"];

#[cfg(test)]
mod narrative_tests {
    use super::*;

    fn claims(s: &str, completion: Option<Decimal>) -> Vec<Finding> {
        let policy = Policy::default();
        let mut sheet = Sheet::new(&policy);
        let figures = Resolved { total: Some(Decimal::new(8790, 2)), grade: Some("良"), ..Resolved::default() };
        claims_in_sentence(s, Path::field("problems"), &figures, completion.map(|c| (c, None)).as_ref(), &mut sheet);
        sheet.findings
    }

    #[test]
    fn only_a_figure_said_of_the_word_right_before_it() {
        // 总分值 is a weight, not the 综合得分; a percentage after 完成率 elsewhere in the clause is not it
        assert!(claims("各指标总分值为90分。", None).is_empty());
        assert!(claims("完成率较低，实际支出占比45%。", Some(Decimal::from(80))).is_empty());
        assert_eq!(claims("综合得分为 91.95 分。", None).len(), 1);
        assert_eq!(claims("自评总分91.95分。", None).len(), 1);
        assert_eq!(claims("本指标完成率仅45%。", Some(Decimal::from(80))).len(), 1);
        assert!(claims("本指标完成率为80.0%。", Some(Decimal::new(8004, 2))).is_empty());
    }
}
const AMOUNT_UNITS: [&str; 3] = ["万元", "亿元", "元"];

/// Whether a stated figure is `v` at the precision it is written with.
fn agrees(stated: Figure, v: Decimal) -> bool {
    round(v, stated.decimals) == stated.value
}

/// Claims in the report's own words, tied to the figures: "共 X 条，其中 A 条、B 条" and
/// "A = B + C" add up; a 执行率 / 完成率 / 调整率 written after two amounts is their ratio; a
/// 完成率 in an indicator's own text is that indicator's; 综合得分 and 评价结果 are the checked ones.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn narrative(d: &ReportDoc, figures: &Resolved, sheet: &mut Sheet) {
    for (cell, path, row) in narrative_fields(d) {
        if cell.is_blank() {
            continue;
        }
        // the text checker's reading of sums, one-part 其中 and equations (文字核对); the rates
        // are tied to the report's own figures below
        for c in text::check(cell, sheet.policy).claims {
            if c.verdict == text::Verdict::Wrong && matches!(c.kind, text::ClaimKind::Sum | text::ClaimKind::Part | text::ClaimKind::Equation) {
                sheet.push(Finding::new(Code::TextSumMismatch, Severity::Error, path, format!("“{}”：{}", c.quote, c.message)).values(Some(c.stated), c.computed));
            }
        }
        let completion = row.and_then(|i| {
            let c = sheet.get(Path::row("indicators", i, "completion")).and_then(Shown::number)?;
            let how = completion_how(&d.indicators[i], sheet.get(Path::row("indicators", i, "kind")));
            Some((c, how))
        });
        let narrow = text::narrow(cell);
        for s in text::sentences(&narrow) {
            claims_in_sentence(s, path, figures, completion.as_ref(), sheet);
        }
    }
}

fn claims_in_sentence(s: &str, path: Path, figures: &Resolved, completion: Option<&(Decimal, Option<String>)>, sheet: &mut Sheet) {
    let fs = text::figures(s);
    for (k, w) in fs.iter().enumerate() {
        let from_prev = if k == 0 { 0 } else { fs[k - 1].end };
        let before = &s[from_prev..w.start];
        // the word the figure is said of, right before it: "执行率为99.53%", "综合得分 87.90 分"
        let said = before.trim_end_matches([' ', '\u{3000}', '为', '是', '：', ':', '达', '到', '仅', '约']);
        if w.unit == "%" {
            let Some(word) = RATE_WORDS.iter().find(|r| said.ends_with(**r)) else { continue };
            let from = before.rfind(word).map_or(w.start, |p| from_prev + p);
            let amounts: Vec<&text::Written> = fs[..k].iter().filter(|f| AMOUNT_UNITS.contains(&f.unit.as_str())).collect();
            if let [.., a, b] = amounts.as_slice() {
                if a.unit != b.unit {
                    continue;
                }
                if rate_reachable(w.figure, b.figure, a.figure) || rate_reachable(w.figure, a.figure, b.figure) {
                    continue;
                }
                let Some(should) = number::percent(b.figure.value, a.figure.value) else { continue };
                sheet.push(
                    Finding::new(
                        Code::TextRateMismatch,
                        Severity::Error,
                        path,
                        format!("“{}”：{word}应为 {}（{} ÷ {}），所述为 {}%，请改正", &s[a.start..w.end], fmt_rate(should), b.figure.value, a.figure.value, w.figure.value),
                    )
                    .values(Some(format!("{}%", w.figure.value)), Some(fmt_rate(should))),
                );
            } else if let (true, Some((c, how))) = (*word == "完成率", completion) {
                if agrees(w.figure, *c) || agrees(w.figure, (*c).min(hundred())) {
                    continue;
                }
                let how = how.as_ref().map(|h| format!("（{h}）")).unwrap_or_default();
                sheet.push(
                    Finding::new(
                        Code::TextRateMismatch,
                        Severity::Error,
                        path,
                        format!("“{}”与本指标不符：完成率应为 {}{how}，所述为 {}%，请改正", &s[from..w.end], fmt_rate(*c), w.figure.value),
                    )
                    .values(Some(format!("{}%", w.figure.value)), Some(fmt_rate(*c))),
                );
            }
        } else if w.unit == "分" && (said.ends_with("综合得分") || said.ends_with("总分")) {
            let Some(t) = figures.total else { continue };
            if agrees(w.figure, t) {
                continue;
            }
            sheet.push(
                Finding::new(
                    Code::TextFigureMismatch,
                    Severity::Error,
                    path,
                    format!(
                        "正文所述综合得分 {} 分与校核结果不符：应为 {}（执行率得分 {} + 指标得分 {}），请改正",
                        w.figure.value,
                        fmt_score(t),
                        fmt_score(figures.exec_score.unwrap_or_default()),
                        fmt_score(figures.indicator_score)
                    ),
                )
                .values(Some(w.figure.value.to_string()), Some(fmt_score(t))),
            );
        }
    }
    // 评价结果为“优” / 等级为良
    let Some(g) = figures.grade else { return };
    for key in ["评价结果", "等级"] {
        let mut rest = s;
        while let Some(p) = rest.find(key) {
            let after = &rest[p + key.len()..];
            let word = after.trim_start_matches(['为', '是', '：', ':', '“', '"', '「', ' ']).chars().next();
            if let Some(w) = word.filter(|w| "优良中差".contains(*w)) {
                if w.to_string() != g {
                    sheet.push(
                        Finding::new(
                            Code::TextFigureMismatch,
                            Severity::Error,
                            path,
                            format!(
                                "正文所述{key}“{w}”与校核结果不符：综合得分 {} 对应“{g}”，请改为“{g}”",
                                figures.total.map(fmt_score).unwrap_or_else(|| "—".into())
                            ),
                        )
                        .values(Some(w.to_string()), Some(g.to_string())),
                    );
                }
                return;
            }
            rest = after;
        }
    }
}

/// Each group's items, by the group's name: one pass, however many groups.
fn members_by_group(items: &[ProjectItem]) -> std::collections::HashMap<&str, Vec<usize>> {
    let mut m: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, it) in items.iter().enumerate() {
        m.entry(it.group.trim()).or_default().push(i);
    }
    m
}

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn numeral(i: usize) -> String {
    match i {
        0..=9 => NUMERALS[i].to_string(),
        10..=19 => format!("十{}", if i == 10 { "" } else { NUMERALS[i - 11] }),
        _ => (i + 1).to_string(),
    }
}

/// A first-line indent of two characters, as full-width spaces: it survives a copy into Word/WPS
/// as plain text, where a style would not.
pub const INDENT: &str = "\u{3000}\u{3000}";
/// Where the text needs a figure the form does not give: a line to fill in.
pub const BLANK: &str = "＿＿";

fn wide(c: char) -> bool {
    c as u32 >= 0x2E80 || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—')
}

/// The user's text in the report's typography: no space between Chinese and a number
/// ("2023 年" → "2023年"), no leading or trailing space.
fn tidy(text: &str) -> String {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    let numeric = |c: char| c.is_ascii_digit() || c == '%';
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' || c == '\u{3000}' || c == '\t' {
            let start = i;
            while i < chars.len() && matches!(chars[i], ' ' | '\u{3000}' | '\t') {
                i += 1;
            }
            let (prev, next) = (chars.get(start.wrapping_sub(1)).copied(), chars.get(i).copied());
            let drop = match (prev, next) {
                (Some(p), Some(n)) => (wide(p) && (numeric(n) || wide(n))) || (numeric(p) && wide(n)),
                _ => true,
            };
            if !drop {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A user's text as paragraphs: one per line, tidied, empty lines left out.
fn paragraphs(cell: &Cell) -> Vec<String> {
    cell.lines().map(tidy).filter(|l| !l.is_empty()).collect()
}

/// A clause from the user's text, without the full stop the sentence adds.
fn clause(cell: &Cell) -> String {
    tidy(cell).trim_end_matches(['。', '；', '，', '.', ';']).to_string()
}

/// The report text from the checked figures: a computed value wherever the form computes one
/// (the recomputed one where the stated one is wrong), the 执行率, 综合得分 and 评价结果 of the
/// summary, and the user's own text for the rest. One paragraph a line; body paragraphs begin
/// with [`INDENT`]; the first two lines (title, year) and the 公章 / 填报时间 lines have none.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn write(d: &ReportDoc, sheet: &Sheet, figures: &Resolved) -> String {
    let or_blank = |s: String| if s.is_empty() { BLANK.to_string() } else { s };
    let c = |(cell, p): (&Cell, Path)| or_blank(sheet.get(p).map_or_else(|| tidy(cell), Shown::to_string));
    let opt = |v: Option<String>| v.unwrap_or_else(|| BLANK.to_string());
    let year = or_blank(tidy(&d.year));
    let mut s = String::new();
    let mut line = |indent: bool, text: &str| {
        if indent {
            s.push_str(INDENT);
        }
        s.push_str(text);
        s.push('\n');
    };
    line(false, &format!("{}部门单位整体支出绩效自评报告", tidy(&d.region)));
    line(false, &format!("（{year}年度）"));
    line(false, &format!("部门单位名称（公章）：{}", or_blank(tidy(&d.unit))));
    line(false, &format!("填报时间：{}", or_blank(tidy(&d.filled))));
    let mut para = |text: &str| line(true, text);
    let texts = |para: &mut dyn FnMut(&str), cell: &Cell| {
        for p in paragraphs(cell) {
            para(&p);
        }
    };

    para("一、基本概况");
    para("（一）部门单位基本情况");
    para("1.部门主要职能");
    texts(&mut para, &d.duties);
    para("2.部门机构设置及人员构成");
    para(&format!(
        "{}编制{}名，其中：行政编制{}名，事业编制{}名。实有人员{}人。",
        if d.unit.is_blank() { "我单位".to_string() } else { tidy(&d.unit) },
        c(at!(d.staffing.total)),
        c(at!(d.staffing.administrative)),
        c(at!(d.staffing.institutional)),
        c(at!(d.staffing.actual))
    ));
    para("（二）部门单位年度重点工作");
    texts(&mut para, &d.key_work);
    para("（三）部门单位整体预算规模及安排情况");
    para("1.年初预算安排情况");
    para(&format!(
        "我单位年初预算数为{}万元，其中：基本支出年初预算数为{}万元、项目支出年初预算数为{}万元。",
        c(at!(d.budget.initial)),
        c(at!(d.budget.initial_basic)),
        c(at!(d.budget.initial_project))
    ));
    texts(&mut para, &d.budget.initial_summary);
    para("2.预算调整情况");
    para(&format!(
        "我单位年初批复预算数{}万元，年中{}数{}万元，调整后全年预算数{}万元，预算调整率{}。",
        c(at!(d.budget.approved)),
        c(at!(d.budget.direction)),
        c(at!(d.budget.adjustment)),
        c(at!(d.budget.adjusted)),
        c(at!(d.budget.adjustment_rate))
    ));
    texts(&mut para, &d.budget.adjustment_summary);
    para("3.全年预算执行情况");
    let exec_budget = opt(figures.exec_budget.map(fmt_amount));
    let executed = opt(figures.executed.map(fmt_amount));
    let exec_rate = opt(figures.exec_rate.map(fmt_rate));
    para(&format!("全年预算数为{exec_budget}万元，全年实际支出资金{executed}万元，预算执行率为{exec_rate}。"));
    texts(&mut para, &d.execution.summary);
    para("4.资金使用主要内容及范围");
    let with_use = |amount: String, use_cell: &Cell| {
        let u = clause(use_cell);
        if u.is_empty() { format!("{amount}万元") } else { format!("{amount}万元，主要用于{u}") }
    };
    para(&format!(
        "我单位{year}年全年预算支出金额共计{}万元，其中：基本支出为{}；项目支出{}。",
        c(at!(d.spending.total)),
        with_use(c(at!(d.spending.basic)), &d.spending.basic_use),
        with_use(c(at!(d.spending.project)), &d.spending.project_use)
    ));

    para("二、部门单位整体支出管理及使用情况");
    para("（一）基本支出和使用情况");
    para(&format!(
        "{year}年本单位基本支出全年预算总额{}万元，其中：人员经费{}万元，公用经费{}万元。实际支出{}万元，基本支出预算执行率{}。",
        c(at!(d.basic.budget)),
        c(at!(d.basic.personnel)),
        c(at!(d.basic.public)),
        c(at!(d.basic.executed)),
        c(at!(d.basic.rate))
    ));
    texts(&mut para, &d.basic.note);
    para("（二）项目管理和使用情况");
    para("1.项目管理情况");
    para("（1）管理制度健全性");
    texts(&mut para, &d.projects.management);
    para("（2）资金使用合规性和安全性");
    texts(&mut para, &d.projects.compliance);
    para("2.项目使用情况");
    para(&format!(
        "{year}年本单位共有{}个项目，项目总金额为{}万元，执行金额为{}万元。其中：",
        c(at!(d.projects.count)),
        c(at!(d.projects.budget)),
        c(at!(d.projects.executed))
    ));
    let by_group = members_by_group(&d.projects.items);
    let shown_groups: Vec<(usize, &ProjectGroup, &[usize])> = d
        .projects
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| (g, group, by_group.get(group.name.trim()).map_or(&[][..], Vec::as_slice)))
        .filter(|(_, group, members)| !members.is_empty() || !group.count.is_blank() || !group.budget.is_blank())
        .collect();
    for (k, (g, group, members)) in shown_groups.iter().enumerate() {
        let list: Vec<String> = members
            .iter()
            .map(|&i| {
                let it = &d.projects.items[i];
                let benefit = clause(&it.benefit);
                format!(
                    "{}，预算金额为{}万元，执行金额为{}万元{}",
                    tidy(&it.name),
                    c((&it.budget, Path::row("projects.items", i, "budget"))),
                    c((&it.executed, Path::row("projects.items", i, "executed"))),
                    if benefit.is_empty() { String::new() } else { format!("，达到{benefit}效益") }
                )
            })
            .collect();
        let number = if shown_groups.len() > 1 { format!("（{}）", k + 1) } else { String::new() };
        para(&format!(
            "{number}{}：共计{}个项目，金额为{}万元{}。",
            tidy(&group.name),
            c((&group.count, Path::row("projects.groups", *g, "count"))),
            c((&group.budget, Path::row("projects.groups", *g, "budget"))),
            if list.is_empty() { String::new() } else { format!("，分别为：{}", list.join("；")) }
        ));
    }

    para("三、部门单位整体支出绩效分析");
    para(&format!(
        "我单位{year}年全年预算金额为{exec_budget}万元，执行金额为{executed}万元，执行率为{exec_rate}，得{}分。",
        opt(figures.exec_score.map(fmt_score))
    ));
    let mut n = 0;
    for (i, x) in d.indicators.iter().enumerate() {
        if [&x.name, &x.target, &x.monitor, &x.actual, &x.completion, &x.weight, &x.score].iter().all(|c| c.is_blank()) {
            continue;
        }
        let p = |k: &'static str| Path::row("indicators", i, k);
        let name = tidy(&x.name);
        let completion = match sheet.get(p("completion")) {
            Some(Shown::Rate(v)) => format!("该指标完成率为{}", fmt_rate(round2(*v).min(hundred()))),
            Some(Shown::Word(w)) => format!("该指标完成情况为{w}"),
            _ => format!("该指标完成率为{}", or_blank(tidy(&x.completion))),
        };
        let mut t = format!("{name}：该指标预期指标值为{}{}，年中监控实际完成值为{}，", tidy(&x.operator), or_blank(tidy(&x.target)), or_blank(tidy(&x.monitor)));
        let note = clause(&x.note);
        if !note.is_empty() {
            t.push_str(&format!("{note}，"));
        }
        t.push_str(&format!("本次评价{name}{}，{completion}。", or_blank(tidy(&x.actual))));
        let reason = clause(&x.reason);
        if !reason.is_empty() {
            t.push_str(&format!("偏差原因：{reason}。"));
        }
        let measures = clause(&x.measures);
        if !measures.is_empty() {
            t.push_str(&format!("改进措施：{measures}。"));
        }
        let weight = number::parse_score(&x.weight).ok().flatten().map(|f| f.value.normalize().to_string());
        let score = sheet
            .get(p("score"))
            .and_then(Shown::number)
            .or_else(|| number::parse_score(&x.score).ok().flatten().map(|f| f.value))
            .map(fmt_score);
        t.push_str(&format!("该指标权重分值为{}分，自评得分{}分。", opt(weight), opt(score)));
        para(&format!("（{}）指标{}：", numeral(n), numeral(n)));
        para(&t);
        n += 1;
    }

    para("四、评价结论");
    para(&format!(
        "{year}年度部门整体支出绩效自评综合得分{}分，评价结果为“{}”。",
        opt(figures.total.map(fmt_score)),
        figures.grade.unwrap_or(BLANK)
    ));
    para("五、存在的主要问题及原因分析");
    texts(&mut para, &d.problems);
    para("六、改进措施和建议");
    if d.suggestions.is_blank() {
        texts(&mut para, &d.improvements);
    } else {
        para("（一）改进措施");
        texts(&mut para, &d.improvements);
        para("（二）建议");
        texts(&mut para, &d.suggestions);
    }
    para("七、附表：《部门整体支出绩效自评表》");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_drops_spaces_between_chinese_and_numbers_only() {
        assert_eq!(tidy(" 2023 年，已投产 5 项，增长 2.9 亿元 "), "2023年，已投产5项，增长2.9亿元");
        assert_eq!(tidy("编制 28 名，占 50 %"), "编制28名，占50 %");
        assert_eq!(tidy("Word 文档 and WPS"), "Word 文档 and WPS");
        assert_eq!(tidy("见 《办法》 第 3 条"), "见《办法》第3条");
    }
}
