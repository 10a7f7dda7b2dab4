//! Report C, 部门整体支出绩效自评报告 (SPEC §6 C): the figures a report states — 编制, budget
//! scale and adjustment, execution, basic and project spending, the project list by group, one
//! paragraph per indicator — every identity checked, and the whole report text written from the
//! figures in the official wording and section order, so it is consistent by construction.

use super::indicators::{self, Context, IndicatorRow};
use super::project::total_and_grade;
use super::{at, Path, Sheet, Shown};
use crate::cell::Cell;
use crate::finding::{Code, Finding, Severity};
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
    /// 部门（单位）名称
    pub unit: Cell,
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
    /// 改进措施和建议
    pub improvements: Cell,
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
}

/// 全年预算执行情况
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Execution {
    pub budget: Cell,
    pub executed: Cell,
    pub rate: Cell,
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
}

/// 项目管理和使用情况: totals, groups and the project list
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Projects {
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
        if let Some(s) = stated {
            let how = if parts.iter().all(|p| p.0.is_empty()) {
                format!("所列 {} 项之和", parts.len())
            } else {
                parts.iter().map(|(l, f)| format!("{l} {}", show(unit, f.map(|f| f.value).unwrap_or_default()))).collect::<Vec<_>>().join(" + ")
            };
            match compare_total(s.value, sum, parts.len(), self.sheet.policy.rounding_tolerance) {
                Agreement::Equal => {}
                Agreement::Tail => self.sheet.push(
                    Finding::new(Code::SumTail, Severity::Info, path, format!("{label} {} 与 {how} = {} 相差在尾差范围内", show(unit, s.value), show(unit, sum)))
                        .values(Some(show(unit, s.value)), Some(show(unit, sum))),
                ),
                Agreement::Mismatch => self.sheet.push(
                    Finding::new(Code::SumMismatch, Severity::Error, path, format!("{label}应为 {how} = {}，填写为 {}", show(unit, sum), show(unit, s.value)))
                        .values(Some(show(unit, s.value)), Some(show(unit, sum))),
                ),
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
            self.sheet.push(
                Finding::new(
                    if ok { Code::RateTail } else { Code::RateMismatch },
                    if ok { Severity::Info } else { Severity::Error },
                    path,
                    format!("{label}按 {} / {} 计算为 {}，填写为 {}%", fmt_amount(n.value), fmt_amount(d.value), fmt_rate(r), s.value),
                )
                .values(Some(format!("{}%", s.value)), Some(fmt_rate(r))),
            );
        }
        Some(r)
    }

    fn same(&mut self, path: &str, a: Option<Figure>, b: Option<Figure>, message: impl FnOnce(Decimal, Decimal) -> String) {
        if let (Some(a), Some(b)) = (a, b) {
            if a.value != b.value {
                let m = message(a.value, b.value);
                self.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Error, path, m).values(Some(fmt_amount(a.value)), Some(fmt_amount(b.value))));
            }
        }
    }
}

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
                        format!("调整后全年预算数应为 {} {op} {} = {}，填写为 {}", fmt_amount(a.value), fmt_amount(d.value), fmt_amount(sum), fmt_amount(s.value)),
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
    let mut group_counts = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        let name = &group.name;
        let members: &[usize] = by_group.get(name.trim()).map_or(&[], Vec::as_slice);
        let label = |what: &str| format!("{}{what}", name.trim());
        let n = Decimal::from(members.len() as u64);
        let count = r.figure((&group.count, Path::row("projects.groups", g, "count")), Count);
        if !members.is_empty() {
            r.sheet.set(Path::row("projects.groups", g, "count"), Shown::Count(n));
            if let Some(c) = count.filter(|c| c.value != n) {
                r.sheet.push(
                    Finding::new(Code::CountMismatch, Severity::Error, Path::row("projects.groups", g, "count"), format!("{}所列项目为 {} 个，填写为 {} 个", name.trim(), n, c.value.normalize()))
                        .values(Some(c.value.normalize().to_string()), Some(n.to_string())),
                );
            }
        }
        group_counts.push(if members.is_empty() { count } else { Some(Figure { value: n, decimals: 0 }) });
        let parts: Vec<(&str, Option<Figure>)> = members.iter().map(|i| ("", item_budget[*i])).collect();
        r.sum((&group.budget, Path::row("projects.groups", g, "budget")), &label("金额"), Amount, &parts);
        let parts: Vec<(&str, Option<Figure>)> = members.iter().map(|i| ("", item_exec[*i])).collect();
        r.sum((&group.executed, Path::row("projects.groups", g, "executed")), &label("执行金额"), Amount, &parts);
    }
    let n_items = Decimal::from(items.len() as u64);
    let count = r.figure(at!(d.projects.count), Count);
    if !items.is_empty() {
        r.sheet.set(Path::field("projects.count"), Shown::Count(n_items));
        if let Some(c) = count.filter(|c| c.value != n_items) {
            r.sheet.push(
                Finding::new(Code::CountMismatch, Severity::Error, "projects.count", format!("所列项目共 {} 个，填写为 {} 个", n_items, c.value.normalize()))
                    .values(Some(c.value.normalize().to_string()), Some(n_items.to_string())),
            );
        }
    }
    let parts: Vec<(&str, Option<Figure>)> = item_budget.iter().map(|f| ("", *f)).collect();
    r.sum(at!(d.projects.budget), "项目总金额", Amount, &parts);
    let parts: Vec<(&str, Option<Figure>)> = item_exec.iter().map(|f| ("", *f)).collect();
    let project_exec = r.sum(at!(d.projects.executed), "项目执行金额", Amount, &parts).map(|v| Figure { value: v, decimals: 2 });
    if project_exec.is_some() && sp.is_some() && project_exec.map(|f| f.value) != sp.map(|f| f.value) {
        r.sheet.push(Finding::new(
            Code::FigureInconsistent,
            Severity::Warning,
            "projects.executed",
            format!("项目执行金额合计 {} 与项目支出 {} 不一致", fmt_amount(project_exec.map(|f| f.value).unwrap_or_default()), fmt_amount(sp.map(|f| f.value).unwrap_or_default())),
        ));
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
                        "执行率前后按不同的预算数计算：前文 {} / {} = {}，此处 {} / {} = {}；应以同一全年预算数计算",
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
    let perf_score = perf_rate.or(exec_rate).map(|rate| scoring::exec_score(weight, rate));
    if let Some(s) = perf_score {
        r.sheet.set(Path::field("performance.score"), Shown::Score(s));
        if let Some(st) = stated_score.filter(|st| st.value != s) {
            r.sheet.push(
                Finding::new(Code::ScoreMismatch, Severity::Error, "performance.score", format!("执行率得分应为 {}，填写为 {}", fmt_score(s), fmt_score(st.value)))
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
        // as the table shows it, to the hundredth (issue 11 compares at the stated precision)
        let Some(c) = r.sheet.get(path).and_then(Shown::number).map(|v| Figure { value: round2(v), decimals: 2 }) else { continue };
        let capped = c.value.min(hundred());
        if round(c.value, s.decimals) != s.value && round(capped, s.decimals) != s.value {
            r.sheet.push(
                Finding::new(
                    Code::CompletionMismatch,
                    Severity::Error,
                    path,
                    format!("指标“{}”的完成率应为 {}，填写为 {}%", x.name.trim(), fmt_rate(c.value), s.value),
                )
                .values(Some(format!("{}%", s.value)), Some(fmt_rate(c.value))),
            );
        }
    }
    let (total, grade) = total_and_grade(weight, perf_score, &ind, &d.total_score, &d.grade, &mut r.sheet);
    // The text keeps each indicator's score as entered (a score against the rules is an error
    // above, not silently changed), and adds up what it shows.
    let shown: Decimal = (0..rows.len())
        .filter_map(|i| {
            let stated = number::parse_score(&rows[i].score).ok().flatten().map(|f| f.value);
            stated.or_else(|| r.sheet.get(Path::row("indicators", i, "score")).and_then(Shown::number).map(round2))
        })
        .sum();
    // One 全年预算数 for the whole text — the 调整后 the figures give — and every rate and score
    // from it, so the two places the report states 执行率 can never disagree again.
    let text_rate = match (executed, adjusted) {
        (Some(e), Some(a)) if number::percent(e.value, a.value).is_some() => number::percent(e.value, a.value),
        _ => perf_rate.or(exec_rate),
    };
    if let Some(rate) = text_rate {
        let score = scoring::exec_score(weight, rate);
        let t = score + shown;
        r.sheet.set(Path::field("report.exec_rate"), Shown::Rate(rate));
        r.sheet.set(Path::field("report.exec_score"), Shown::Score(score));
        r.sheet.set(Path::field("report.total_score"), Shown::Score(t));
        r.sheet.set(Path::field("report.grade"), Shown::Word(scoring::grade(t, policy)));
    }

    // sums stated in the narrative
    for (said, key) in [at!(d.duties), at!(d.key_work)] {
        for c in text::sum_claims(said) {
            r.sheet.push(
                Finding::new(
                    Code::TextSumMismatch,
                    Severity::Error,
                    key,
                    format!("“{}”：各项之和为 {}{}，与所述 {}{} 不符", c.text, c.sum().normalize(), c.unit, c.total.normalize(), c.unit),
                )
                .values(Some(c.total.normalize().to_string()), Some(c.sum().normalize().to_string())),
            );
        }
    }

    let text = write(d, &r.sheet);
    r.sheet.set(Path::field("report"), Shown::Text(text));
    let year = &d.year;
    Evaluation::new(
        KIND,
        Summary {
            title: format!("{}{}", d.unit.trim(), if year.trim().is_empty() { String::new() } else { format!("（{}年度）", year.trim()) }),
            total_score: total.map(fmt_score),
            grade: grade.map(str::to_string),
            exec_rate: exec_rate.map(fmt_rate),
            ..Summary::default()
        },
        r.sheet,
    )
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

/// The report text from the resolved figures: a computed value wherever the form computes one,
/// the typed text otherwise.
fn write(d: &ReportDoc, sheet: &Sheet) -> String {
    let c = |(cell, p): (&Cell, Path)| sheet.get(p).map_or_else(|| cell.trim().to_string(), Shown::to_string);
    let k = |p: &'static str| sheet.get(Path::field(p)).map(Shown::to_string).unwrap_or_default();
    let t = |cell: &Cell| cell.trim().to_string();
    let year = t(&d.year);
    let unit = t(&d.unit);
    let mut s = String::new();
    let mut para = |line: String| {
        s.push_str(&line);
        s.push('\n');
    };
    para(format!("{unit}整体支出绩效自评报告"));
    para(format!("（{year}年度）"));
    para("一、基本概况".into());
    para("（一）部门单位基本情况".into());
    para("1.部门主要职能".into());
    para(t(&d.duties));
    para("2.部门机构设置及人员构成".into());
    para(format!(
        "{unit}编制 {} 名，其中：行政编制 {} 名，事业编制 {} 名。实有人员 {} 人。",
        c(at!(d.staffing.total)),
        c(at!(d.staffing.administrative)),
        c(at!(d.staffing.institutional)),
        c(at!(d.staffing.actual))
    ));
    para("（二）部门单位年度重点工作".into());
    para(t(&d.key_work));
    para("（三）部门单位整体预算规模及安排情况".into());
    para("1.年初预算安排情况".into());
    para(format!(
        "我单位年初预算数为 {} 万元，其中：基本支出年初预算数为 {} 万元、项目支出年初预算数为 {} 万元。",
        c(at!(d.budget.initial)),
        c(at!(d.budget.initial_basic)),
        c(at!(d.budget.initial_project))
    ));
    para("2.预算调整情况".into());
    para(format!(
        "我单位年初批复预算数 {} 万元，年中{}数 {} 万元，调整后全年预算数 {} 万元，预算调整率 {}。",
        c(at!(d.budget.approved)),
        c(at!(d.budget.direction)),
        c(at!(d.budget.adjustment)),
        c(at!(d.budget.adjusted)),
        c(at!(d.budget.adjustment_rate))
    ));
    para("3.全年预算执行情况".into());
    para(format!("全年预算数为 {} 万元，全年实际支出资金 {} 万元，预算执行率为 {}。", c(at!(d.budget.adjusted)), c(at!(d.execution.executed)), k("report.exec_rate")));
    para("4.资金使用主要内容及范围".into());
    let with_use = |amount: String, use_cell: &Cell| {
        let u = t(use_cell);
        if u.is_empty() { format!("{amount} 万元") } else { format!("{amount} 万元，主要用于{u}") }
    };
    para(format!(
        "我单位 {year} 年全年预算支出金额共计 {} 万元，其中：基本支出为 {}；项目支出为 {}。",
        c(at!(d.spending.total)),
        with_use(c(at!(d.spending.basic)), &d.spending.basic_use),
        with_use(c(at!(d.spending.project)), &d.spending.project_use)
    ));
    para("二、部门单位整体支出管理及使用情况".into());
    para("（一）基本支出和使用情况".into());
    para(format!(
        "{year} 年本单位基本支出全年预算总额 {} 万元，其中：人员经费 {} 万元，公用经费 {} 万元。实际支出 {} 万元，基本支出预算执行率 {}。",
        c(at!(d.basic.budget)),
        c(at!(d.basic.personnel)),
        c(at!(d.basic.public)),
        c(at!(d.basic.executed)),
        c(at!(d.basic.rate))
    ));
    para("（二）项目管理和使用情况".into());
    para(format!("{year}年本单位共有 {} 个项目，项目总金额为 {} 万元，执行金额为 {} 万元。其中：", c(at!(d.projects.count)), c(at!(d.projects.budget)), c(at!(d.projects.executed))));
    let by_group = members_by_group(&d.projects.items);
    for (g, group) in d.projects.groups.iter().enumerate() {
        let name = group.name.trim();
        let list: Vec<String> = by_group
            .get(name)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| {
                let it = &d.projects.items[i];
                format!(
                    "{}，预算金额为 {} 万元，执行金额为 {} 万元{}",
                    it.name.trim(),
                    c((&it.budget, Path::row("projects.items", i, "budget"))),
                    c((&it.executed, Path::row("projects.items", i, "executed"))),
                    if it.benefit.is_blank() { String::new() } else { format!("，达到{}效益", it.benefit.trim()) }
                )
            })
            .collect();
        para(format!(
            "（{}）{name}：共计 {} 个项目，金额为 {} 万元，分别为：{}。",
            g + 1,
            c((&group.count, Path::row("projects.groups", g, "count"))),
            c((&group.budget, Path::row("projects.groups", g, "budget"))),
            list.join("；")
        ));
    }
    para("三、部门单位整体支出绩效分析".into());
    para(format!(
        "我单位{year}年全年预算金额为 {} 万元，执行金额为 {} 万元，执行率为 {}，得 {} 分。",
        c(at!(d.budget.adjusted)),
        c(at!(d.execution.executed)),
        k("report.exec_rate"),
        k("report.exec_score")
    ));
    for (i, x) in d.indicators.iter().enumerate() {
        let p = |k: &'static str| Path::row("indicators", i, k);
        let name = x.name.trim();
        let completion = sheet.get(p("completion")).map(|s| match s {
            Shown::Rate(v) if round2(*v) > hundred() => "100.00%".to_string(),
            other => other.to_string(),
        });
        let mut line = format!(
            "{name}：该指标预期指标值为{}，年中监控实际完成值为{}，本次评价{name}为{}，该指标完成率为{}。",
            t(&x.target),
            t(&x.monitor),
            t(&x.actual),
            completion.unwrap_or_else(|| t(&x.completion))
        );
        if !x.reason.is_blank() {
            line.push_str(&format!("偏差原因：{}。", t(&x.reason).trim_end_matches('。')));
        }
        if !x.measures.is_blank() {
            line.push_str(&format!("改进措施：{}。", t(&x.measures).trim_end_matches('。')));
        }
        let score = if x.score.is_blank() { c((&x.score, p("score"))) } else { t(&x.score) };
        line.push_str(&format!("该指标权重分值为 {} 分，自评得分 {} 分。", t(&x.weight), score));
        para(format!("（{}）指标{}：", numeral(i), numeral(i)));
        para(line);
    }
    para("四、评价结论".into());
    para(format!("{year} 年度部门整体支出绩效自评综合得分 {} 分，评价结果为“{}”。", k("report.total_score"), k("report.grade")));
    para("五、存在的主要问题及原因分析".into());
    para(t(&d.problems));
    para("六、改进措施和建议".into());
    para(t(&d.improvements));
    para("七、附表：《部门整体支出绩效自评表》".into());
    s
}
