//! The reviewer's page (审核摘要): the whole 预算公开 on one portrait page — its totals as checked,
//! which tables are filled, how many identities fail, the 绩效目标表 against 表7 / 表11, and the
//! errors to correct, each in one line. Written last, from the same figures and findings the
//! page shows, so it never says more than the checks found.

use super::tables::{line, All, Checked};
use super::BudgetDoc;
use crate::finding::{Code, Severity};
use crate::forms::{Path, Sheet, Shown};
use crate::number::fmt_amount;
use rust_decimal::Decimal;

/// The errors listed by name; the rest are counted (the page and the printout list them all).
const LISTED: usize = 8;
const INDENT: &str = "\u{3000}\u{3000}";

fn amount(v: Option<Decimal>) -> String {
    v.map_or_else(|| "＿＿".to_string(), fmt_amount)
}

fn total(t: &Checked, key: &str) -> Option<Decimal> {
    t.total[t.column(key)]
}

pub(super) fn write(d: &BudgetDoc, t: &All, sheet: &Sheet) -> String {
    let line_of = |lines: &[Vec<Option<Decimal>>], i: usize| lines.get(i).and_then(|l| l.first().copied().flatten());
    let s = &t.summary_income;
    let (unit, year) = (d.unit.trim(), d.year.trim());
    let mut out = vec![format!("{}{}部门预算公开审核摘要", if unit.is_empty() { "本部门" } else { unit }, if year.is_empty() { String::new() } else { format!("{year}年") }), "（由校核生成，供审核人使用）".to_string()];
    let mut para = |text: String| out.push(format!("{INDENT}{text}"));

    para("一、收支总额".into());
    para(format!(
        "收入总计{}万元，其中本年收入{}万元、上年结转结余{}万元；支出总计{}万元，其中基本支出{}万元、项目支出{}万元。",
        amount(line_of(s, line::INCOME_TOTAL)),
        amount(line_of(s, 0)),
        amount(line_of(s, line::CARRIED)),
        amount(total(&t.summary, "sum")),
        amount(total(&t.expenditure, "basic")),
        amount(total(&t.expenditure, "projects"))
    ));
    para("二、财政拨款".into());
    para(format!(
        "财政拨款收入{}万元，其中一般公共预算{}万元；一般公共预算支出{}万元（基本支出{}万元、项目支出{}万元）；“三公”经费{}万元。",
        amount(line_of(&t.fiscal_income, 0)),
        amount(line_of(&t.fiscal_income, 1)),
        amount(total(&t.general, "sum")),
        amount(total(&t.general, "basic")),
        amount(total(&t.general, "projects")),
        amount(line_of(&t.three, 0))
    ));

    let tables: [(&str, bool); 11] = [
        ("表1", s.iter().any(|l| l[0].is_some()) || !t.summary.is_empty()),
        ("表2", !t.income.is_empty()),
        ("表3", !t.expenditure.is_empty()),
        ("表4", t.fiscal_income.iter().any(|l| l[0].is_some()) || !t.fiscal.is_empty()),
        ("表5", !t.general.is_empty()),
        ("表6", !t.basic.is_empty()),
        ("表7", !t.projects.is_empty()),
        ("表8", !t.fund.is_empty()),
        ("表9", !t.capital.is_empty()),
        ("表10", t.three.iter().any(|l| l.iter().any(Option::is_some))),
        ("表11", !t.carried.is_empty()),
    ];
    // 表8, 表9 are published empty when a unit has no such fund; any other empty table is missing
    let (empty, unfilled): (Vec<&str>, Vec<&str>) = tables.iter().filter(|x| !x.1).map(|x| x.0).partition(|n| *n == "表8" || *n == "表9");
    let filled = 11 - empty.len() - unfilled.len();
    let count = |sev: Severity| sheet.findings.iter().filter(|f| f.severity == sev).count();
    let (errors, warnings, infos) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    let tails = sheet.findings.iter().filter(|f| f.code == Code::SumTail).count();
    para("三、各表核对".into());
    para(format!(
        "十一张表有数的{filled}张{}{}。类、款、项之和，各列之和与表间等式逐一核对：错误{errors}处，警告{warnings}处，提示{infos}处{}。",
        if empty.is_empty() { String::new() } else { format!("，{}为空表", empty.join("、")) },
        if unfilled.is_empty() { String::new() } else { format!("，{}尚未填写", unfilled.join("、")) },
        if tails > 0 { format!("（其中尾差{tails}处，可不改动）") } else { String::new() }
    ));

    para("四、绩效目标表".into());
    let shown = |p: Path| sheet.get(p).and_then(Shown::number);
    let dep = match &d.targets.department {
        Some(_) => format!("部门整体绩效目标表资金总额{}万元", amount(shown(Path::field("funds.total").under("targets.department", None)).or_else(|| crate::number::parse_amount(&d.targets.department.as_ref().map(|x| x.funds.total.to_string()).unwrap_or_default()).ok().flatten().map(|f| f.value)))),
        None => "未附部门整体绩效目标表".to_string(),
    };
    let n = d.targets.projects.len();
    let on = |i: usize, code: Code| sheet.findings.iter().any(|f| f.code == code && f.path.starts_with(&format!("targets.projects.{i}.")));
    let unmatched = (0..n).filter(|&i| on(i, Code::TargetUnmatched)).count();
    let differs = (0..n).filter(|&i| on(i, Code::FigureInconsistent)).count();
    let sum = (0..n).filter_map(|i| shown(Path::field("funds.total").under("targets.projects", Some(i))).or_else(|| crate::number::parse_amount(&d.targets.projects[i].funds.total).ok().flatten().map(|f| f.value))).fold(Decimal::ZERO, |a, x| a.checked_add(x).unwrap_or(a));
    para(if n == 0 {
        format!("{dep}；未附项目支出绩效目标表。")
    } else {
        format!(
            "{dep}；项目支出绩效目标表{n}张，年度预算总额合计{}万元，其中与表7、表11 金额相符{}张{}{}。",
            fmt_amount(sum),
            n.saturating_sub(unmatched + differs),
            if differs > 0 { format!("，不符{differs}张") } else { String::new() },
            if unmatched > 0 { format!("，表中找不到{unmatched}张") } else { String::new() }
        )
    });

    para("五、须改正的错误".into());
    let listed: Vec<&str> = sheet.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.message.as_str()).collect();
    if listed.is_empty() {
        para("未发现须改正的错误。".into());
    }
    for (k, m) in listed.iter().take(LISTED).enumerate() {
        para(format!("{}.{m}", k + 1));
    }
    if listed.len() > LISTED {
        para(format!("另有{}处错误，见校核结果。", listed.len() - LISTED));
    }
    para("六、预算情况说明".into());
    para(if sheet.missing.is_empty() { "说明全文已由各表写出，其中的数字经文字核对读回。".to_string() } else { format!("说明尚有空白，尚缺：{}。", sheet.missing.join("、")) });
    out.join("\n")
}
