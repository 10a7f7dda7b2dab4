//! Report C, 部门整体支出绩效自评报告 (SPEC §6 C): the figures a report states — 编制, budget
//! scale and adjustment, execution, basic and project spending, the project list by group, one
//! paragraph per indicator — every identity checked, and the whole report text written from the
//! figures in the official wording and section order, so it is consistent by construction.

use super::indicators::{self, Context, IndicatorRow};
use super::project::total_and_grade;
use super::{cell, rows, Sheet};
use crate::finding::{Finding, Severity};
use crate::number::{self, compare_total, fmt_amount, fmt_rate, fmt_score, hundred, rate_reachable, round, round2, Agreement, Figure};
use crate::policy::Policy;
use crate::{scoring, text, Evaluation, Summary};
use rust_decimal::Decimal;
use crate::json::Value;

pub const KIND: &str = "department_report";
pub const TITLE: &str = "部门整体支出绩效自评报告";
pub const VERSION: u64 = 1;

/// One figure of the report as typed, by its path in the document.
struct Doc<'a>(&'a Value);

impl Doc<'_> {
    fn text(&self, path: &str) -> String {
        let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
        cell(if parent.is_empty() { self.0 } else { self.0.at(parent) }, key)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Unit {
    Amount,
    Count,
}

fn show(unit: Unit, d: Decimal) -> String {
    match unit {
        Unit::Amount => fmt_amount(d),
        Unit::Count => d.normalize().to_string(),
    }
}

struct Report<'a, 'p> {
    doc: Doc<'a>,
    sheet: Sheet<'p>,
}

impl Report<'_, '_> {
    /// Reads a figure, records it as the value the generated text will use, and returns it.
    fn figure(&mut self, path: &str, unit: Unit) -> Option<Figure> {
        let t = self.doc.text(path);
        let f = match unit {
            Unit::Amount => self.sheet.amount(path, &t),
            Unit::Count => self.sheet.score(path, &t),
        };
        if let Some(f) = f {
            self.sheet.set(path, show(unit, f.value));
        }
        f
    }

    /// `path` = Σ parts: checks a stated total and returns the value to use (the sum when every
    /// part is given, else the stated total).
    fn sum(&mut self, path: &str, label: &str, unit: Unit, parts: &[(&str, Option<Figure>)]) -> Option<Decimal> {
        let stated = self.figure(path, unit);
        if parts.is_empty() || parts.iter().any(|p| p.1.is_none()) {
            return stated.map(|f| f.value);
        }
        let sum: Decimal = parts.iter().filter_map(|p| p.1).map(|f| f.value).sum();
        self.sheet.set(path, show(unit, sum));
        if let Some(s) = stated {
            let how = if parts.iter().all(|p| p.0.is_empty()) {
                format!("所列 {} 项之和", parts.len())
            } else {
                parts.iter().map(|(l, f)| format!("{l} {}", show(unit, f.map(|f| f.value).unwrap_or_default()))).collect::<Vec<_>>().join(" + ")
            };
            match compare_total(s.value, sum, parts.len(), self.sheet.policy.rounding_tolerance) {
                Agreement::Equal => {}
                Agreement::Tail => self.sheet.push(
                    Finding::new("sum.tail", Severity::Info, path, format!("{label} {} 与 {how} = {} 相差在尾差范围内", show(unit, s.value), show(unit, sum)))
                        .values(Some(show(unit, s.value)), Some(show(unit, sum))),
                ),
                Agreement::Mismatch => self.sheet.push(
                    Finding::new("sum.mismatch", Severity::Error, path, format!("{label}应为 {how} = {}，填写为 {}", show(unit, sum), show(unit, s.value)))
                        .values(Some(show(unit, s.value)), Some(show(unit, sum))),
                ),
            }
        }
        Some(sum)
    }

    /// A stated rate `num / den × 100`; returns the computed rate.
    fn rate(&mut self, path: &str, label: &str, num: Option<Figure>, den: Option<Figure>) -> Option<Decimal> {
        let t = self.doc.text(path);
        let stated = self.sheet.rate(path, &t);
        let (Some(n), Some(d)) = (num, den) else { return stated.map(|f| f.value) };
        if d.value.is_zero() {
            return None;
        }
        let r = round2(n.value / d.value * hundred());
        self.sheet.set(path, fmt_rate(r));
        if let Some(s) = stated.filter(|s| s.value != r) {
            let ok = rate_reachable(s, n, d);
            self.sheet.push(
                Finding::new(
                    if ok { "rate.tail" } else { "rate.mismatch" },
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
                self.sheet.push(Finding::new("figure.inconsistent", Severity::Error, path, m).values(Some(fmt_amount(a.value)), Some(fmt_amount(b.value))));
            }
        }
    }
}

pub fn evaluate(v: &Value, policy: &Policy) -> Evaluation {
    let mut r = Report { doc: Doc(v), sheet: Sheet::new(policy) };
    use Unit::*;

    // 编制 = 行政编制 + 事业编制
    let adm = r.figure("staffing.administrative", Count);
    let inst = r.figure("staffing.institutional", Count);
    r.sum("staffing.total", "编制数", Count, &[("行政编制", adm), ("事业编制", inst)]);
    r.figure("staffing.actual", Count);

    // 年初预算 = 基本支出 + 项目支出
    let ib = r.figure("budget.initial_basic", Amount);
    let ip = r.figure("budget.initial_project", Amount);
    let initial = r.sum("budget.initial", "年初预算数", Amount, &[("基本支出", ib), ("项目支出", ip)]).map(|v| Figure { value: v, decimals: 2 });

    // 年初批复 ± 年中调整 = 调整后; 调整率 = 调整数 / 年初批复
    let approved = r.figure("budget.approved", Amount);
    let adjustment = r.figure("budget.adjustment", Amount);
    let stated_adjusted = r.figure("budget.adjusted", Amount);
    let direction = match r.doc.text("budget.direction").trim() {
        "调减" => -1,
        "调增" => 1,
        _ => match (approved, stated_adjusted) {
            (Some(a), Some(s)) if s.value < a.value => -1,
            _ => 1,
        },
    };
    r.sheet.set("budget.direction", if direction < 0 { "调减" } else { "调增" }.into());
    r.same("budget.approved", approved, initial, |a, i| {
        format!("年初批复预算数 {} 与“年初预算安排情况”中的年初预算数 {} 不一致", fmt_amount(a), fmt_amount(i))
    });
    let adjusted = match (approved, adjustment) {
        (Some(a), Some(d)) => {
            let sum = a.value + Decimal::from(direction) * d.value;
            r.sheet.set("budget.adjusted", fmt_amount(sum));
            if let Some(s) = stated_adjusted.filter(|s| s.value != sum) {
                let op = if direction < 0 { "−" } else { "+" };
                r.sheet.push(
                    Finding::new(
                        "sum.mismatch",
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
    r.rate("budget.adjustment_rate", "预算调整率", adjustment, approved.or(initial));

    // 全年预算执行情况
    let exec_budget = r.figure("execution.budget", Amount);
    let executed = r.figure("execution.executed", Amount);
    // against the 调整后 as stated: a wrong adjustment is reported once, where it is
    r.same("execution.budget", exec_budget, stated_adjusted.or(adjusted), |b, a| format!("全年预算数 {} 与调整后全年预算数 {} 不一致", fmt_amount(b), fmt_amount(a)));
    let exec_budget = exec_budget.or(adjusted);
    let exec_rate = r.rate("execution.rate", "预算执行率", executed, exec_budget);

    // 全年支出 = 基本支出 + 项目支出
    let sb = r.figure("spending.basic", Amount);
    let sp = r.figure("spending.project", Amount);
    let spent = r.sum("spending.total", "全年支出金额", Amount, &[("基本支出", sb), ("项目支出", sp)]).map(|v| Figure { value: v, decimals: 2 });
    r.same("spending.total", spent, executed, |s, e| format!("全年支出金额 {} 与全年实际支出资金 {} 不一致", fmt_amount(s), fmt_amount(e)));

    // 基本支出 = 人员经费 + 公用经费, and its 执行率
    let personnel = r.figure("basic.personnel", Amount);
    let public = r.figure("basic.public", Amount);
    let basic_budget = r.sum("basic.budget", "基本支出全年预算总额", Amount, &[("人员经费", personnel), ("公用经费", public)]).map(|v| Figure { value: v, decimals: 2 });
    let basic_exec = r.figure("basic.executed", Amount);
    r.rate("basic.rate", "基本支出预算执行率", basic_exec, basic_budget);

    // projects by group
    let items = v.get("projects").and_then(|p| p.get("items")).and_then(Value::as_array).cloned().unwrap_or_default();
    let groups = v.get("projects").and_then(|p| p.get("groups")).and_then(Value::as_array).cloned().unwrap_or_default();
    let mut item_budget = Vec::new();
    let mut item_exec = Vec::new();
    for i in 0..items.len() {
        item_budget.push(r.figure(&format!("projects.items.{i}.budget"), Amount));
        item_exec.push(r.figure(&format!("projects.items.{i}.executed"), Amount));
    }
    let mut group_counts = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        let name = cell(group, "name");
        let members: Vec<usize> = (0..items.len()).filter(|i| cell(&items[*i], "group").trim() == name.trim()).collect();
        let label = |what: &str| format!("{}{what}", name.trim());
        let n = Decimal::from(members.len() as u64);
        let count = r.figure(&format!("projects.groups.{g}.count"), Count);
        if !members.is_empty() {
            r.sheet.set(&format!("projects.groups.{g}.count"), n.to_string());
            if let Some(c) = count.filter(|c| c.value != n) {
                r.sheet.push(
                    Finding::new("count.mismatch", Severity::Error, format!("projects.groups.{g}.count"), format!("{}所列项目为 {} 个，填写为 {} 个", name.trim(), n, c.value.normalize()))
                        .values(Some(c.value.normalize().to_string()), Some(n.to_string())),
                );
            }
        }
        group_counts.push(if members.is_empty() { count } else { Some(Figure { value: n, decimals: 0 }) });
        let parts: Vec<(&str, Option<Figure>)> = members.iter().map(|i| ("", item_budget[*i])).collect();
        r.sum(&format!("projects.groups.{g}.budget"), &label("金额"), Amount, &parts);
        let parts: Vec<(&str, Option<Figure>)> = members.iter().map(|i| ("", item_exec[*i])).collect();
        r.sum(&format!("projects.groups.{g}.executed"), &label("执行金额"), Amount, &parts);
    }
    let n_items = Decimal::from(items.len() as u64);
    let count = r.figure("projects.count", Count);
    if !items.is_empty() {
        r.sheet.set("projects.count", n_items.to_string());
        if let Some(c) = count.filter(|c| c.value != n_items) {
            r.sheet.push(
                Finding::new("count.mismatch", Severity::Error, "projects.count", format!("所列项目共 {} 个，填写为 {} 个", n_items, c.value.normalize()))
                    .values(Some(c.value.normalize().to_string()), Some(n_items.to_string())),
            );
        }
    }
    let parts: Vec<(&str, Option<Figure>)> = item_budget.iter().map(|f| ("", *f)).collect();
    r.sum("projects.budget", "项目总金额", Amount, &parts);
    let parts: Vec<(&str, Option<Figure>)> = item_exec.iter().map(|f| ("", *f)).collect();
    let project_exec = r.sum("projects.executed", "项目执行金额", Amount, &parts).map(|v| Figure { value: v, decimals: 2 });
    if project_exec.is_some() && sp.is_some() && project_exec.map(|f| f.value) != sp.map(|f| f.value) {
        r.sheet.push(Finding::new(
            "figure.inconsistent",
            Severity::Warning,
            "projects.executed",
            format!("项目执行金额合计 {} 与项目支出 {} 不一致", fmt_amount(project_exec.map(|f| f.value).unwrap_or_default()), fmt_amount(sp.map(|f| f.value).unwrap_or_default())),
        ));
    }

    // 绩效分析: the 执行率 the score is given on must be the same as the one above
    let pb = r.figure("performance.budget", Amount);
    let pe = r.figure("performance.executed", Amount);
    let perf_rate = r.rate("performance.rate", "绩效分析中的执行率", pe.or(executed), pb.or(exec_budget));
    if let (Some(pb), Some(eb)) = (pb, exec_budget) {
        if pb.value != eb.value {
            let other = |n: Option<Figure>, d: Figure| n.map(|n| fmt_rate(round2(n.value / d.value * hundred()))).unwrap_or_default();
            r.sheet.push(
                Finding::new(
                    "exec_rate.base",
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
    let weight = r.sheet.score("performance.weight", &r.doc.text("performance.weight")).map(|f| f.value).unwrap_or(policy.exec_weight);
    let stated_score = r.sheet.score("performance.score", &r.doc.text("performance.score"));
    let perf_score = perf_rate.or(exec_rate).map(|rate| scoring::exec_score(weight, rate));
    if let Some(s) = perf_score {
        r.sheet.set("performance.score", fmt_score(s));
        if let Some(st) = stated_score.filter(|st| st.value != s) {
            r.sheet.push(
                Finding::new("score.mismatch", Severity::Error, "performance.score", format!("执行率得分应为 {}，填写为 {}", fmt_score(s), fmt_score(st.value)))
                    .values(Some(fmt_score(st.value)), Some(fmt_score(s))),
            );
        }
    }

    // indicators: scored by the shared engine, then the stated 完成率 checked
    let rows: Vec<IndicatorRow> = rows(v, "indicators", |x| IndicatorRow {
        name: cell(x, "name"),
        target: cell(x, "target"),
        actual: cell(x, "actual"),
        weight: cell(x, "weight"),
        score: cell(x, "score"),
        reason: cell(x, "reason"),
        ..IndicatorRow::read(x)
    });
    let ind = indicators::evaluate(&rows, "indicators", Context::default(), &mut r.sheet);
    for (i, x) in v.get("indicators").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]).iter().enumerate() {
        let path = format!("indicators.{i}.completion");
        let stated = cell(x, "completion");
        let Ok(Some(s)) = number::parse_rate(&stated) else { continue };
        let Some(c) = r.sheet.computed.get(&path).and_then(|c| number::parse_rate(c).ok().flatten()) else { continue };
        let capped = c.value.min(hundred());
        if round(c.value, s.decimals) != s.value && round(capped, s.decimals) != s.value {
            r.sheet.push(
                Finding::new(
                    "completion.mismatch",
                    Severity::Error,
                    &path,
                    format!("指标“{}”的完成率应为 {}，填写为 {}%", cell(x, "name").trim(), fmt_rate(c.value), s.value),
                )
                .values(Some(format!("{}%", s.value)), Some(fmt_rate(c.value))),
            );
        }
    }
    let (total, grade) = total_and_grade(weight, perf_score, &ind, &r.doc.text("total_score"), &r.doc.text("grade"), &mut r.sheet);
    // The text keeps each indicator's score as entered (a score against the rules is an error
    // above, not silently changed), and adds up what it shows.
    let shown: Decimal = (0..rows.len())
        .filter_map(|i| {
            let stated = number::parse_score(&rows[i].score).ok().flatten().map(|f| f.value);
            stated.or_else(|| r.sheet.computed.get(&format!("indicators.{i}.score")).and_then(|c| number::parse_score(c).ok().flatten()).map(|f| f.value))
        })
        .sum();
    // One 全年预算数 for the whole text — the 调整后 the figures give — and every rate and score
    // from it, so the two places the report states 执行率 can never disagree again.
    let text_rate = match (executed, adjusted) {
        (Some(e), Some(a)) if !a.value.is_zero() => Some(round2(e.value / a.value * hundred())),
        _ => perf_rate.or(exec_rate),
    };
    if let Some(rate) = text_rate {
        let score = scoring::exec_score(weight, rate);
        let t = score + shown;
        r.sheet.set("report.exec_rate", fmt_rate(rate));
        r.sheet.set("report.exec_score", fmt_score(score));
        r.sheet.set("report.total_score", fmt_score(t));
        r.sheet.set("report.grade", scoring::grade(t, policy).to_string());
    }

    // sums stated in the narrative
    for key in ["duties", "key_work"] {
        for c in text::sum_claims(&r.doc.text(key)) {
            r.sheet.push(
                Finding::new(
                    "text.sum_mismatch",
                    Severity::Error,
                    key,
                    format!("“{}”：各项之和为 {}{}，与所述 {}{} 不符", c.text, c.sum().normalize(), c.unit, c.total.normalize(), c.unit),
                )
                .values(Some(c.total.normalize().to_string()), Some(c.sum().normalize().to_string())),
            );
        }
    }

    let text = write(&r.doc, &r.sheet, v);
    r.sheet.set("report", text);
    let year = r.doc.text("year");
    Evaluation::new(
        KIND,
        Summary {
            title: format!("{}{}", r.doc.text("unit").trim(), if year.trim().is_empty() { String::new() } else { format!("（{}年度）", year.trim()) }),
            total_score: total.map(fmt_score),
            grade: grade.map(str::to_string),
            exec_rate: exec_rate.map(fmt_rate),
            ..Summary::default()
        },
        r.sheet,
    )
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
fn write(doc: &Doc, sheet: &Sheet, v: &Value) -> String {
    let c = |p: &str| sheet.computed.get(p).cloned().unwrap_or_else(|| doc.text(p).trim().to_string());
    let t = |p: &str| doc.text(p).trim().to_string();
    let year = t("year");
    let unit = t("unit");
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
    para(t("duties"));
    para("2.部门机构设置及人员构成".into());
    para(format!(
        "{unit}编制 {} 名，其中：行政编制 {} 名，事业编制 {} 名。实有人员 {} 人。",
        c("staffing.total"),
        c("staffing.administrative"),
        c("staffing.institutional"),
        c("staffing.actual")
    ));
    para("（二）部门单位年度重点工作".into());
    para(t("key_work"));
    para("（三）部门单位整体预算规模及安排情况".into());
    para("1.年初预算安排情况".into());
    para(format!(
        "我单位年初预算数为 {} 万元，其中：基本支出年初预算数为 {} 万元、项目支出年初预算数为 {} 万元。",
        c("budget.initial"),
        c("budget.initial_basic"),
        c("budget.initial_project")
    ));
    para("2.预算调整情况".into());
    para(format!(
        "我单位年初批复预算数 {} 万元，年中{}数 {} 万元，调整后全年预算数 {} 万元，预算调整率 {}。",
        c("budget.approved"),
        c("budget.direction"),
        c("budget.adjustment"),
        c("budget.adjusted"),
        c("budget.adjustment_rate")
    ));
    para("3.全年预算执行情况".into());
    para(format!("全年预算数为 {} 万元，全年实际支出资金 {} 万元，预算执行率为 {}。", c("budget.adjusted"), c("execution.executed"), c("report.exec_rate")));
    para("4.资金使用主要内容及范围".into());
    let with_use = |amount: String, use_path: &str| {
        let u = t(use_path);
        if u.is_empty() { format!("{amount} 万元") } else { format!("{amount} 万元，主要用于{u}") }
    };
    para(format!(
        "我单位 {year} 年全年预算支出金额共计 {} 万元，其中：基本支出为 {}；项目支出为 {}。",
        c("spending.total"),
        with_use(c("spending.basic"), "spending.basic_use"),
        with_use(c("spending.project"), "spending.project_use")
    ));
    para("二、部门单位整体支出管理及使用情况".into());
    para("（一）基本支出和使用情况".into());
    para(format!(
        "{year} 年本单位基本支出全年预算总额 {} 万元，其中：人员经费 {} 万元，公用经费 {} 万元。实际支出 {} 万元，基本支出预算执行率 {}。",
        c("basic.budget"),
        c("basic.personnel"),
        c("basic.public"),
        c("basic.executed"),
        c("basic.rate")
    ));
    para("（二）项目管理和使用情况".into());
    para(format!("{year}年本单位共有 {} 个项目，项目总金额为 {} 万元，执行金额为 {} 万元。其中：", c("projects.count"), c("projects.budget"), c("projects.executed")));
    let items = v.get("projects").and_then(|p| p.get("items")).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    let groups = v.get("projects").and_then(|p| p.get("groups")).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    for (g, group) in groups.iter().enumerate() {
        let name = cell(group, "name").trim().to_string();
        let list: Vec<String> = items
            .iter()
            .enumerate()
            .filter(|(_, it)| cell(it, "group").trim() == name)
            .map(|(i, it)| {
                let benefit = cell(it, "benefit");
                format!(
                    "{}，预算金额为 {} 万元，执行金额为 {} 万元{}",
                    cell(it, "name").trim(),
                    c(&format!("projects.items.{i}.budget")),
                    c(&format!("projects.items.{i}.executed")),
                    if benefit.trim().is_empty() { String::new() } else { format!("，达到{}效益", benefit.trim()) }
                )
            })
            .collect();
        para(format!(
            "（{}）{name}：共计 {} 个项目，金额为 {} 万元，分别为：{}。",
            g + 1,
            c(&format!("projects.groups.{g}.count")),
            c(&format!("projects.groups.{g}.budget")),
            list.join("；")
        ));
    }
    para("三、部门单位整体支出绩效分析".into());
    para(format!(
        "我单位{year}年全年预算金额为 {} 万元，执行金额为 {} 万元，执行率为 {}，得 {} 分。",
        c("budget.adjusted"),
        c("execution.executed"),
        c("report.exec_rate"),
        c("report.exec_score")
    ));
    let inds = v.get("indicators").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    for (i, x) in inds.iter().enumerate() {
        let p = |k: &str| format!("indicators.{i}.{k}");
        let name = cell(x, "name").trim().to_string();
        let completion = sheet.computed.get(&p("completion")).map(|s| match number::parse_rate(s) {
            Ok(Some(f)) if f.value > hundred() => "100.00%".to_string(),
            _ => s.clone(),
        });
        let mut line = format!(
            "{name}：该指标预期指标值为{}，年中监控实际完成值为{}，本次评价{name}为{}，该指标完成率为{}。",
            t(&p("target")),
            t(&p("monitor")),
            t(&p("actual")),
            completion.unwrap_or_else(|| t(&p("completion")))
        );
        if !t(&p("reason")).is_empty() {
            line.push_str(&format!("偏差原因：{}。", t(&p("reason")).trim_end_matches('。')));
        }
        if !t(&p("measures")).is_empty() {
            line.push_str(&format!("改进措施：{}。", t(&p("measures")).trim_end_matches('。')));
        }
        let score = if t(&p("score")).is_empty() { c(&p("score")) } else { t(&p("score")) };
        line.push_str(&format!("该指标权重分值为 {} 分，自评得分 {} 分。", t(&p("weight")), score));
        para(format!("（{}）指标{}：", numeral(i), numeral(i)));
        para(line);
    }
    para("四、评价结论".into());
    para(format!("{year} 年度部门整体支出绩效自评综合得分 {} 分，评价结果为“{}”。", c("report.total_score"), c("report.grade")));
    para("五、存在的主要问题及原因分析".into());
    para(t("problems"));
    para("六、改进措施和建议".into());
    para(t("improvements"));
    para("七、附表：《部门整体支出绩效自评表》".into());
    s
}

pub fn blank() -> Value {
    super::builtin(include_str!("report.blank.json"))
}

pub fn layout() -> Value {
    super::builtin(include_str!("report.layout.json"))
}
