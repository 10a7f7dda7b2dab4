//! The identities between tables (SPEC §6 E): the same figure printed in two tables must be the
//! same, by total and by 科目 — 表1 = 表2 = 表3; 表4 = 表1 财政拨款 and, by 类, = 表5, 表8, 表9;
//! 表5 = 表2 一般公共预算 by 科目; 表5 基本支出 = 表6; 表5 项目支出 = 表7 by 科目; 表11 = 表1 上年
//! 结转结余; each 三公 item at least its 表6 经济分类 line. A finding sits on the later table's
//! cell and names both tables and rows; a table left empty is not compared.

use super::tables::{line, All, Checked};
use super::{at, BudgetDoc};
use crate::finding::{Code, Finding, Severity};
use crate::forms::{Path, Sheet, Shown};
use crate::number::{compare_total, fmt_amount, Agreement};
use rust_decimal::Decimal;

/// One side of a comparison: where the figure is, what it is, and how many rounded terms it adds.
struct Side {
    path: Path,
    what: String,
    value: Option<Decimal>,
    terms: usize,
}

fn side(path: Path, what: String, value: Option<Decimal>) -> Side {
    Side { path, what, value, terms: 1 }
}

/// `a` (the finding's cell) and `b` state the same figure.
fn same(sheet: &mut Sheet, a: Side, b: Side) {
    if a.value.is_none() && b.value.is_none() {
        return;
    }
    let (x, y) = (a.value.unwrap_or_default(), b.value.unwrap_or_default());
    let (sx, sy) = (fmt_amount(x), fmt_amount(y));
    let shown = |v: Option<Decimal>, s: &str| if v.is_some() { s.to_string() } else { "空白".to_string() };
    match compare_total(x, y, a.terms.max(b.terms), sheet.policy.rounding_tolerance) {
        Agreement::Equal => {}
        Agreement::Tail if a.terms.max(b.terms) > 1 => {
            let m = format!("{}为 {}，{}为 {}，只差尾差，可不改动", a.what, sx, b.what, sy);
            sheet.push(Finding::new(Code::SumTail, Severity::Info, a.path, m).values(Some(sx), Some(sy)).related([b.path.to_string()]));
        }
        _ => {
            let m = format!("{}为 {}，{}为 {}，两处应相等，请核对", a.what, shown(a.value, &sx), b.what, shown(b.value, &sy));
            sheet.push(Finding::new(Code::FigureInconsistent, Severity::Error, a.path, m).values(Some(sx), Some(sy)).related([b.path.to_string()]));
        }
    }
}

fn sum(xs: &[Option<Decimal>]) -> Option<Decimal> {
    xs.iter().any(Option::is_some).then(|| xs.iter().flatten().fold(Decimal::ZERO, |s, x| s.checked_add(*x).unwrap_or(s)))
}

/// A table's 总计 cell of a column, as a side.
fn total(t: &Checked, key: &'static str, col_name: &str) -> Side {
    side(t.total_path(key), format!("{}总计行的{col_name}", t.spec.name()), t.total[t.column(key)])
}

/// A line of 表1, 表4 or 表10, as a side.
fn fixed(lines: &[Vec<Option<Decimal>>], i: usize, place: &'static str, key: &'static str, what: &str) -> Side {
    side(at(place, key), what.to_string(), lines[i][0])
}

/// The same 科目 in two tables: each row of `a` with a code of one of `lens` digits against the
/// row of `b` with that code (a 科目 only `b` has is reported on `b`).
fn by_code(sheet: &mut Sheet, a: &Checked, ak: &'static str, b: &Checked, bk: &[&'static str], lens: &[usize], b_what: &str) {
    let a_col = a.spec.columns[a.column(ak)].1;
    for &len in lens {
        let rows: Vec<(usize, String)> = a.codes(len).map(|(i, c)| (i, c.to_string())).collect();
        for (i, code) in &rows {
            let j = b.row_of(code);
            let bv = j.and_then(|j| sum(&bk.iter().map(|k| b.values[j][b.column(k)]).collect::<Vec<_>>()));
            let av = a.values[*i][a.column(ak)];
            let b_path = j.map_or(b.total_path(bk[0]), |j| b.path(j, bk[0]));
            let b_side = Side { path: b_path, what: if j.is_some() { format!("{}中同一科目的{b_what}", b.spec.name()) } else { format!("{}中没有这一科目，其{b_what}", b.spec.name()) }, value: bv, terms: bk.len() };
            same(sheet, side(a.path(*i, ak), format!("{}中“{}”的{a_col}", a.spec.name(), a.places[*i].label), av), b_side);
        }
        // what only `b` has
        for (j, code) in b.codes(len) {
            if a.row_of(code).is_none() {
                let bv = sum(&bk.iter().map(|k| b.values[j][b.column(k)]).collect::<Vec<_>>());
                if bv.is_some_and(|v| !v.is_zero()) {
                    let m = format!("{}中“{}”的{b_what}为 {}，{}中没有这一科目（{a_col}）", b.spec.name(), b.places[j].label, fmt_amount(bv.unwrap_or_default()), a.spec.name());
                    sheet.push(Finding::new(Code::FigureInconsistent, Severity::Error, b.path(j, bk[0]), m).values(bv.map(fmt_amount), None));
                }
            }
        }
    }
}

pub(super) fn check(sheet: &mut Sheet, d: &BudgetDoc, t: &All) {
    let s = &t.summary_income;
    let t1_in = s.iter().any(|l| l[0].is_some());
    let t1 = t1_in || !t.summary.is_empty();
    let filled = |c: &Checked| !c.is_empty();

    // 表1: 收入总计 = 支出总计
    if t1_in && !t.summary.is_empty() {
        same(sheet, total(&t.summary, "sum", "支出总计"), fixed(s, line::INCOME_TOTAL, "summary.income_total", "sum", "表1 收入总计"));
    }
    // 表1 = 表2 = 表3
    if t1_in && filled(&t.income) {
        same(sheet, total(&t.income, "sum", "总计"), fixed(s, line::INCOME_TOTAL, "summary.income_total", "sum", "表1 收入总计"));
        let lines: [(usize, &'static str, &str, &[&'static str]); 9] = [
            (line::GENERAL, "summary.general", "表1 一般公共预算拨款", &["general", "general_transfer"]),
            (line::GENERAL_OWN, "summary.general_own", "表1 一般公共预算拨款中的一般财力", &["general"]),
            (line::GENERAL_TRANSFER, "summary.general_transfer", "表1 上级一般公共预算安排转移支付", &["general_transfer"]),
            (line::FUND, "summary.fund", "表1 政府性基金预算拨款", &["fund", "fund_transfer"]),
            (line::CAPITAL, "summary.capital", "表1 国有资本经营预算拨款", &["capital", "capital_transfer"]),
            (line::SPECIAL, "summary.special", "表1 财政专户核拨", &["special"]),
            (line::UNIT_FUNDS, "summary.unit_funds", "表1 单位资金", &["unit_funds"]),
            (line::CARRIED_FISCAL, "summary.carried_fiscal", "表1 财政拨款结转", &["carried_fiscal"]),
            (line::CARRIED_NONFISCAL, "summary.carried_nonfiscal", "表1 非财政拨款结转结余", &["carried_nonfiscal"]),
        ];
        for (i, place, what, keys) in lines {
            let inc = &t.income;
            let names: Vec<&str> = keys.iter().map(|k| inc.spec.columns[inc.column(k)].1).collect();
            let v = sum(&keys.iter().map(|k| inc.total[inc.column(k)]).collect::<Vec<_>>());
            let b = Side { path: inc.total_path(keys[0]), what: format!("{}总计行的{}", inc.spec.name(), names.join(" + ")), value: v, terms: keys.len() };
            same(sheet, fixed(s, i, place, "sum", what), b);
        }
    }
    if !t.summary.is_empty() && filled(&t.expenditure) {
        same(sheet, total(&t.expenditure, "sum", "合计"), total(&t.summary, "sum", "支出总计"));
        by_code(sheet, &t.summary, "sum", &t.expenditure, &["sum"], &[3], "合计");
    }
    if filled(&t.income) && filled(&t.expenditure) {
        if !t1 {
            same(sheet, total(&t.expenditure, "sum", "合计"), total(&t.income, "sum", "总计"));
        }
        by_code(sheet, &t.expenditure, "sum", &t.income, &["sum"], &[3, 5, 7], "总计");
    }

    // 表4: its income against 表1's 财政拨款, its spending by 类 against 表2, 表5, 表8, 表9
    let f = &t.fiscal_income;
    if f.iter().any(|l| l[0].is_some()) {
        if t1_in {
            let parts = sum(&[s[line::GENERAL][0], s[line::FUND][0], s[line::CAPITAL][0]]);
            same(sheet, fixed(f, 0, "fiscal.fiscal", "sum", "表4 财政拨款（补助）收入"), Side { path: at("summary.general", "sum"), what: "表1 一般公共预算、政府性基金预算、国有资本经营预算拨款之和".into(), value: parts, terms: 3 });
            for (i, place, what, l) in [(1, "fiscal.general", "表4 一般公共预算收入", line::GENERAL), (2, "fiscal.fund", "表4 政府性基金预算收入", line::FUND), (3, "fiscal.capital", "表4 国有资本经营预算收入", line::CAPITAL)] {
                let from = ["summary.general", "summary.fund", "summary.capital"][i - 1];
                same(sheet, fixed(f, i, place, "sum", what), side(at(from, "sum"), format!("表1 {}", super::tables::SUMMARY_INCOME.lines[l].1), s[l][0]));
            }
        }
        if filled(&t.fiscal) {
            same(sheet, total(&t.fiscal, "sum", "支出总计"), fixed(f, 4, "fiscal.income_total", "sum", "表4 收入总计"));
        }
    }
    if filled(&t.fiscal) {
        for (key, other, okeys, what) in [("general", &t.general, &["sum"][..], "合计"), ("sum", &t.income, &["fiscal"][..], "财政拨款（补助）小计"), ("fund", &t.fund, &["sum"][..], "合计"), ("capital", &t.capital, &["sum"][..], "合计")] {
            let name = t.fiscal.spec.columns[t.fiscal.column(key)].1;
            if filled(other) {
                same(sheet, total(other, okeys[0], what), total(&t.fiscal, key, &format!("支出总计（{name}）")));
                by_code(sheet, &t.fiscal, key, other, okeys, &[3], what);
            } else if key != "sum" {
                // the table of that fund is empty: 表4 must then have none of it
                let v = t.fiscal.total[t.fiscal.column(key)];
                if v.is_some_and(|v| !v.is_zero()) {
                    same(sheet, total(&t.fiscal, key, &format!("支出总计（{name}）")), side(other.total_path("sum"), format!("{}（空表）的合计", other.spec.name()), None));
                }
            }
        }
    }

    // 表5 against 表2's 一般公共预算 by 科目, 表6 (基本支出) and 表7 (项目支出)
    if filled(&t.general) && filled(&t.income) {
        by_code(sheet, &t.general, "sum", &t.income, &["general", "general_transfer"], &[3, 5, 7], "一般公共预算与上级一般公共预算安排的转移支付之和");
    }
    if filled(&t.general) && filled(&t.basic) {
        same(sheet, total(&t.basic, "sum", "合计"), total(&t.general, "basic", "基本支出"));
    }
    if filled(&t.general) && filled(&t.projects) {
        same(sheet, total(&t.projects, "sum", "项目支出合计"), total(&t.general, "projects", "项目支出"));
        projects_by_code(sheet, &t.general, &t.projects);
    }

    // 表11 = 表1 上年结转结余
    if filled(&t.carried) && t1_in {
        for (key, l, place, what) in [("sum", line::CARRIED, "summary.carried", "表1 上年结转结余"), ("fiscal", line::CARRIED_FISCAL, "summary.carried_fiscal", "表1 财政拨款结转"), ("nonfiscal", line::CARRIED_NONFISCAL, "summary.carried_nonfiscal", "表1 非财政拨款结转结余")] {
            let col = t.carried.spec.columns[t.carried.column(key)].1;
            same(sheet, total(&t.carried, key, col), fixed(s, l, place, "sum", what));
        }
    }

    three_against_basic(sheet, &t.three, &t.basic);

    // 表8, 表9 published empty, in the official wording
    let (unit, year) = (d.unit.trim(), d.year.trim());
    let who = if unit.is_empty() { "本部门".to_string() } else { unit.to_string() };
    let when = if year.is_empty() { String::new() } else { format!(" {year} 年") };
    for (c, place, fund) in [(&t.fund, "fund", "政府性基金预算"), (&t.capital, "capital", "国有资本经营预算")] {
        if c.is_empty() {
            let note = format!("{who}{when}没有使用{fund}拨款安排的支出，{}为空表。", c.spec.title);
            sheet.set(at(place, "note"), Shown::Text(note));
        }
    }
}

/// 表5 项目支出 of each 科目 = the projects of 表7 under that 科目.
fn projects_by_code(sheet: &mut Sheet, general: &Checked, projects: &Checked) {
    let p = projects.column("sum");
    let coded: Vec<(&str, usize)> = projects.places.iter().enumerate().filter(|(_, pl)| pl.project).filter_map(|(i, pl)| pl.code.as_deref().map(|c| (c, i))).collect();
    if coded.is_empty() {
        return;
    }
    let g = general.column("projects");
    for len in [3, 5, 7] {
        for (i, code) in general.codes(len) {
            let under: Vec<usize> = coded.iter().filter(|(c, _)| c.starts_with(code)).map(|x| x.1).collect();
            let v = sum(&under.iter().map(|&j| projects.values[j][p]).collect::<Vec<_>>());
            let a = side(general.path(i, "projects"), format!("{}中“{}”的项目支出", general.spec.name(), general.places[i].label), general.values[i][g]);
            let path = under.first().map_or(projects.total_path("sum"), |&j| projects.path(j, "sum"));
            let b = Side { path, what: format!("{}中这一科目下 {} 个项目之和", projects.spec.name(), under.len()), value: v, terms: under.len() };
            same(sheet, a, b);
        }
    }
}

/// Each 三公 item covers basic and project spending alike, so it is at least the matching
/// 经济分类 line of 表6 (basic spending only).
fn three_against_basic(sheet: &mut Sheet, three: &[Vec<Option<Decimal>>], basic: &Checked) {
    for (line, place, name, code) in [(1, "three.abroad", "因公出国（境）费", "30212"), (2, "three.reception", "公务接待费", "30217"), (5, "three.car_running", "公务用车运行费", "30231"), (4, "three.car_purchase", "公务用车购置费", "31013")] {
        let Some(j) = basic.row_of(code) else { continue };
        let Some(b) = basic.values[j][basic.column("sum")].filter(|b| !b.is_zero()) else { continue };
        let v = three[line][0].unwrap_or_default();
        if v < b {
            let m = format!(
                "表10 “三公”经费中的{name}为 {}，少于表6 基本支出中“{}”的 {}：“三公”经费包括基本支出和项目支出中的这类支出，不应少于基本支出中的",
                fmt_amount(v),
                basic.places[j].label,
                fmt_amount(b)
            );
            sheet.push(Finding::new(Code::ThreeBelowBasic, Severity::Error, at(place, "sum"), m).values(Some(fmt_amount(v)), Some(fmt_amount(b))).related([basic.path(j, "sum").to_string()]));
        }
    }
}
