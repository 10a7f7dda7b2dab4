//! Each table's own sums: the rows are read into a tree by their codes (a 款 under its 类, a 项
//! under its 款; in 表7 and 表11 the rows under a 单位), every parent is checked against the sum of
//! its children in every column, every row's 合计 against its parts, the 总计 row against the rows
//! at the top. A blank parent or 合计 is filled from its parts; a blank part is 0, as published.

use super::{at, BudgetDoc, Row};
use crate::finding::{Code, Finding, Severity};
use crate::forms::subjects;
use crate::forms::{Path, Sheet, Shown};
use crate::number::{compare_total, fmt_amount, Agreement};
use rust_decimal::Decimal;

/// How a table's rows are arranged.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// by 功能分类 or 经济分类 code only
    Subjects,
    /// 表7: under each 单位 its 类 and 款, the projects as the rows that carry the figures
    Projects,
    /// 表11: under each 单位 its projects, no codes
    Carried,
}

/// A table as published: its number and name, where its rows live in the document, its amount
/// columns in the printed order, and which column is the sum of which.
pub(super) struct Spec {
    pub no: &'static str,
    pub title: &'static str,
    pub rows: &'static str,
    pub total: &'static str,
    /// (key, 列名)
    pub columns: &'static [(&'static str, &'static str)],
    /// (sum, parts) by key
    pub identities: &'static [(&'static str, &'static [&'static str])],
    pub shape: Shape,
}

impl Spec {
    pub fn col(&self, key: &str) -> usize {
        self.columns.iter().position(|c| c.0 == key).unwrap_or(0)
    }

    pub fn name(&self) -> String {
        format!("{} {}", self.no, self.title)
    }
}

const SUM_BASIC_PROJECTS: &[(&str, &[&str])] = &[("sum", &["basic", "projects"])];

pub(super) const SUMMARY: Spec = Spec {
    no: "表1",
    title: "部门收支总体情况表",
    rows: "summary.rows",
    total: "summary.expenditure_total",
    columns: &[("sum", "预算数")],
    identities: &[],
    shape: Shape::Subjects,
};
pub(super) const INCOME: Spec = Spec {
    no: "表2",
    title: "部门收入总体情况表",
    rows: "income.rows",
    total: "income.total",
    columns: &[
        ("sum", "总计"),
        ("fiscal", "财政拨款（补助）小计"),
        ("general", "一般公共预算"),
        ("general_transfer", "上级一般公共预算安排的转移支付"),
        ("fund", "政府性基金预算"),
        ("fund_transfer", "上级政府性基金安排的转移支付"),
        ("capital", "国有资本经营预算"),
        ("capital_transfer", "上级国有资本经营预算安排的转移支付"),
        ("special", "财政专户管理资金"),
        ("unit_funds", "单位资金"),
        ("carried_fiscal", "财政拨款结转"),
        ("carried_nonfiscal", "非财政拨款结转结余"),
    ],
    identities: &[
        ("sum", &["fiscal", "special", "unit_funds", "carried_fiscal", "carried_nonfiscal"]),
        ("fiscal", &["general", "general_transfer", "fund", "fund_transfer", "capital", "capital_transfer"]),
    ],
    shape: Shape::Subjects,
};
pub(super) const EXPENDITURE: Spec = Spec {
    no: "表3",
    title: "部门支出总体情况表",
    rows: "expenditure.rows",
    total: "expenditure.total",
    columns: &[("sum", "合计"), ("basic", "基本支出"), ("projects", "项目支出")],
    identities: SUM_BASIC_PROJECTS,
    shape: Shape::Subjects,
};
pub(super) const FISCAL: Spec = Spec {
    no: "表4",
    title: "财政拨款收支预算总体情况表",
    rows: "fiscal.rows",
    total: "fiscal.expenditure_total",
    columns: &[("sum", "合计"), ("general", "一般公共预算"), ("fund", "政府性基金预算"), ("capital", "国有资本经营预算")],
    identities: &[("sum", &["general", "fund", "capital"])],
    shape: Shape::Subjects,
};
pub(super) const GENERAL: Spec = Spec {
    no: "表5",
    title: "一般公共预算支出情况表",
    rows: "general.rows",
    total: "general.total",
    columns: &[("sum", "合计"), ("basic", "基本支出"), ("projects", "项目支出")],
    identities: SUM_BASIC_PROJECTS,
    shape: Shape::Subjects,
};
pub(super) const BASIC: Spec = Spec {
    no: "表6",
    title: "一般公共预算基本支出情况表",
    rows: "basic.rows",
    total: "basic.total",
    columns: &[("sum", "合计"), ("personnel", "人员经费"), ("public", "公用经费")],
    identities: &[("sum", &["personnel", "public"])],
    shape: Shape::Subjects,
};
pub(super) const PROJECTS: Spec = Spec {
    no: "表7",
    title: "一般公共预算项目支出情况表",
    rows: "projects.rows",
    total: "projects.total",
    columns: &[
        ("sum", "项目支出合计"),
        ("wages", "工资福利支出"),
        ("goods", "商品和服务支出"),
        ("households", "对个人和家庭的补助"),
        ("debt", "债务利息及费用支出"),
        ("capital_build", "资本性支出（基本建设）"),
        ("capital_other", "资本性支出"),
        ("enterprise_build", "对企业补助（基本建设）"),
        ("enterprise", "对企业补助"),
        ("social", "对社会保障基金补助"),
        ("other", "其他支出"),
    ],
    identities: &[("sum", &["wages", "goods", "households", "debt", "capital_build", "capital_other", "enterprise_build", "enterprise", "social", "other"])],
    shape: Shape::Projects,
};
const BY_KIND: &[(&str, &str)] = &[("sum", "合计"), ("personnel", "人员经费"), ("public", "公用经费"), ("projects", "项目支出")];
const BY_KIND_SUM: &[(&str, &[&str])] = &[("sum", &["personnel", "public", "projects"])];
pub(super) const FUND: Spec = Spec { no: "表8", title: "政府性基金预算支出情况表", rows: "fund.rows", total: "fund.total", columns: BY_KIND, identities: BY_KIND_SUM, shape: Shape::Subjects };
pub(super) const CAPITAL: Spec = Spec { no: "表9", title: "国有资本经营预算支出情况表", rows: "capital.rows", total: "capital.total", columns: BY_KIND, identities: BY_KIND_SUM, shape: Shape::Subjects };
pub(super) const CARRIED: Spec = Spec {
    no: "表11",
    title: "上年结转结余情况明细表",
    rows: "carried.rows",
    total: "carried.total",
    columns: &[
        ("sum", "合计"),
        ("fiscal", "财政拨款小计"),
        ("fiscal_personnel", "财政拨款人员经费"),
        ("fiscal_public", "财政拨款公用经费"),
        ("fiscal_projects", "财政拨款项目支出"),
        ("nonfiscal", "非财政拨款小计"),
        ("nonfiscal_personnel", "非财政拨款人员经费"),
        ("nonfiscal_public", "非财政拨款公用经费"),
        ("nonfiscal_projects", "非财政拨款项目支出"),
    ],
    identities: &[
        ("sum", &["fiscal", "nonfiscal"]),
        ("fiscal", &["fiscal_personnel", "fiscal_public", "fiscal_projects"]),
        ("nonfiscal", &["nonfiscal_personnel", "nonfiscal_public", "nonfiscal_projects"]),
    ],
    shape: Shape::Carried,
};

/// A row's cell by column key.
pub(super) fn cell<'a>(r: &'a Row, key: &str) -> &'a str {
    let c = match key {
        "sum" => &r.sum,
        "fiscal" => &r.fiscal,
        "general" => &r.general,
        "general_transfer" => &r.general_transfer,
        "fund" => &r.fund,
        "fund_transfer" => &r.fund_transfer,
        "capital" => &r.capital,
        "capital_transfer" => &r.capital_transfer,
        "special" => &r.special,
        "unit_funds" => &r.unit_funds,
        "carried_fiscal" => &r.carried_fiscal,
        "carried_nonfiscal" => &r.carried_nonfiscal,
        "basic" => &r.basic,
        "projects" => &r.projects,
        "personnel" => &r.personnel,
        "public" => &r.public,
        "wages" => &r.wages,
        "goods" => &r.goods,
        "households" => &r.households,
        "debt" => &r.debt,
        "capital_build" => &r.capital_build,
        "capital_other" => &r.capital_other,
        "enterprise_build" => &r.enterprise_build,
        "enterprise" => &r.enterprise,
        "social" => &r.social,
        "other" => &r.other,
        "nonfiscal" => &r.nonfiscal,
        "fiscal_personnel" => &r.fiscal_personnel,
        "fiscal_public" => &r.fiscal_public,
        "fiscal_projects" => &r.fiscal_projects,
        "nonfiscal_personnel" => &r.nonfiscal_personnel,
        "nonfiscal_public" => &r.nonfiscal_public,
        "nonfiscal_projects" => &r.nonfiscal_projects,
        _ => return "",
    };
    c
}

/// What a row is in its table's tree.
#[derive(Debug, Clone, Default)]
pub(super) struct Place {
    pub code: Option<String>,
    /// 科目 (`215 05 02 一般行政管理事务`), 单位 or project, as a message names the row
    pub label: String,
    /// the name alone: the 科目名称 as typed or from the code list, the 单位 or project
    pub name: String,
    pub parent: Option<usize>,
    /// a row that carries figures and has no rows under it: a project (表7, 表11)
    pub project: bool,
    /// nothing typed in it
    pub blank: bool,
}

/// A checked table: every row's figures as resolved (stated, or filled from its parts), the
/// 总计 row's, and the rows' places.
pub(super) struct Checked {
    pub spec: &'static Spec,
    pub places: Vec<Place>,
    pub values: Vec<Vec<Option<Decimal>>>,
    pub total: Vec<Option<Decimal>>,
}

impl Checked {
    pub fn column(&self, key: &str) -> usize {
        self.spec.col(key)
    }

    /// Whether anything at all is filled in.
    pub fn is_empty(&self) -> bool {
        self.total.iter().all(Option::is_none) && self.values.iter().flatten().all(Option::is_none)
    }

    /// The row of a 科目 (not a project), by its code.
    pub fn row_of(&self, code: &str) -> Option<usize> {
        self.places.iter().position(|p| !p.project && p.code.as_deref() == Some(code))
    }

    /// The rows with a 科目 code of `len` digits (not projects), in order.
    pub fn codes(&self, len: usize) -> impl Iterator<Item = (usize, &str)> {
        self.places.iter().enumerate().filter(move |(_, p)| !p.project).filter_map(move |(i, p)| p.code.as_deref().filter(|c| c.len() == len).map(|c| (i, c)))
    }

    pub fn path(&self, row: usize, key: &'static str) -> Path {
        Path::row(self.spec.rows, row, key)
    }

    pub fn total_path(&self, key: &'static str) -> Path {
        at(self.spec.total, key)
    }
}

/// The figure of a cell; an unreadable one is a finding and counts as blank.
fn read(sheet: &mut Sheet, path: Path, text: &str) -> Option<Decimal> {
    sheet.amount(path, text).map(|f| f.value)
}

/// A stated total against the sum of its parts (a blank part is 0): equal, 尾差 (info) or an
/// error; a blank total is filled with the sum. Returns the resolved total.
pub(super) fn sum(sheet: &mut Sheet, path: Path, stated: Option<Decimal>, parts: &[Option<Decimal>], label: &str, how: &dyn Fn() -> String, related: Vec<String>) -> Option<Decimal> {
    if parts.iter().all(Option::is_none) {
        return stated;
    }
    let total = parts.iter().flatten().fold(Decimal::ZERO, |s, x| s.checked_add(*x).unwrap_or(s));
    let Some(st) = stated else {
        sheet.set(path, Shown::Amount(total));
        return Some(total);
    };
    let terms = parts.iter().filter(|p| p.is_some()).count();
    let (s, c) = (fmt_amount(st), fmt_amount(total));
    match compare_total(st, total, terms, sheet.policy.rounding_tolerance) {
        Agreement::Equal => {}
        Agreement::Tail => {
            let m = format!("{label}填写为 {s}，按{}计算为 {c}，只差尾差，可不改动", how());
            sheet.push(Finding::new(Code::SumTail, Severity::Info, path, m).values(Some(s), Some(c)).related(related));
        }
        Agreement::Mismatch => {
            let m = format!("{label}填写为 {s}，按{}计算应为 {c}", how());
            sheet.push(Finding::new(Code::SumMismatch, Severity::Error, path, m).values(Some(s), Some(c)).related(related));
        }
    }
    Some(st)
}

/// Whether a 表11 row names a 单位 (its rows follow) rather than a project.
fn is_unit(name: &str) -> bool {
    const ENDS: [&str; 18] = ["局", "中心", "委员会", "委", "办公室", "院", "所", "站", "队", "馆", "处", "厅", "部", "会", "室", "学校", "本级）", "本级)"];
    let n = name.trim();
    !n.is_empty() && ENDS.iter().any(|e| n.ends_with(e))
}

/// The rows' places: codes from the split columns (or a whole code typed in 类, or a 类 named
/// without its code), each row under the nearest row above it whose code its own extends (in
/// 表7 and 表11 also under the 单位 above it).
fn places(sheet: &mut Sheet, spec: &'static Spec, rows: &[Row]) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::with_capacity(rows.len());
    // (depth, row) of the rows a following row may be under
    let mut stack: Vec<(u8, usize)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let digits = format!("{}{}{}", r.class.trim(), r.section.trim(), r.item.trim());
        let name = r.name.trim();
        let blank = digits.is_empty() && name.is_empty() && r.project.is_blank() && spec.columns.iter().all(|c| cell(r, c.0).trim().is_empty());
        if blank {
            out.push(Place { blank: true, ..Place::default() });
            continue;
        }
        let s = if spec.shape == Shape::Carried { subjects::Subject::default() } else { subjects::read(&format!("{digits} {name}")) };
        let code = s.code.clone();
        if name.is_empty() {
            if let Some(n) = s.names.last().filter(|n| !n.is_empty()) {
                sheet.set(Path::row(spec.rows, i, "name"), Shown::Text(n.clone()));
            }
        }
        let project = match spec.shape {
            Shape::Projects => !r.project.is_blank(),
            Shape::Carried => !is_unit(name),
            Shape::Subjects => false,
        };
        let unit = !project && code.is_none() && spec.shape != Shape::Subjects;
        // 单位 0, 类 1, 款 2, 项 3; a project, or a row whose 科目 is not known, has nothing under it
        let depth = match (&code, project || (!unit && code.is_none())) {
            (_, true) => 9,
            (None, false) => 0,
            (Some(c), false) => (c.len() as u8 - 1) / 2,
        };
        while let Some(&(d, j)) = stack.last() {
            let inside = d < depth
                && match (&out[j].code, &code) {
                    (Some(p), Some(c)) => c.len() > p.len() && c.starts_with(p.as_str()),
                    _ => true,
                };
            if inside {
                break;
            }
            stack.pop();
        }
        let own = if project && spec.shape == Shape::Projects {
            r.project.trim().to_string()
        } else if name.is_empty() {
            s.names.last().cloned().unwrap_or_default()
        } else {
            name.to_string()
        };
        let label = if project {
            own.clone()
        } else {
            let head = [r.class.trim(), r.section.trim(), r.item.trim()].iter().filter(|c| !c.is_empty()).copied().collect::<Vec<_>>().join(" ");
            let l = format!("{head} {own}").trim().to_string();
            if l.is_empty() { format!("第 {} 行", i + 1) } else { l }
        };
        out.push(Place { code, label, name: own, parent: stack.last().map(|s| s.1), project, blank: false });
        if depth < 9 {
            stack.push((depth, i));
        }
    }
    out
}

/// Checks one table: the tree of its rows bottom up, each row's own identities, the 总计 row.
pub(super) fn check(sheet: &mut Sheet, spec: &'static Spec, total_row: &Row, rows: &[Row]) -> Checked {
    let places = places(sheet, spec, rows);
    let cols = spec.columns;
    let mut values: Vec<Vec<Option<Decimal>>> =
        rows.iter().enumerate().map(|(i, r)| cols.iter().map(|c| read(sheet, Path::row(spec.rows, i, c.0), cell(r, c.0))).collect()).collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    let mut top = Vec::new();
    for (i, p) in places.iter().enumerate().filter(|(_, p)| !p.blank) {
        match p.parent {
            Some(j) => children[j].push(i),
            None => top.push(i),
        }
    }
    let table = spec.name();
    for i in (0..rows.len()).rev() {
        if !children[i].is_empty() {
            let names: Vec<&str> = children[i].iter().map(|&j| places[j].label.as_str()).collect();
            for (c, (key, col)) in cols.iter().enumerate() {
                let parts: Vec<Option<Decimal>> = children[i].iter().map(|&j| values[j][c]).collect();
                let label = format!("{table}中“{}”的{col}", places[i].label);
                let how = || format!("其下 {} 行（{}）之和", names.len(), short(&names));
                let related = children[i].iter().map(|&j| Path::row(spec.rows, j, key).to_string()).collect();
                values[i][c] = sum(sheet, Path::row(spec.rows, i, key), values[i][c], &parts, &label, &how, related);
            }
        }
        let label = places[i].label.clone();
        identities(sheet, spec, &mut values[i], |k| Path::row(spec.rows, i, k), &format!("{table}中“{label}”"), |k| !cell(&rows[i], k).trim().is_empty());
    }
    let mut total: Vec<Option<Decimal>> = cols.iter().map(|c| read(sheet, at(spec.total, c.0), cell(total_row, c.0))).collect();
    if !top.is_empty() {
        let names: Vec<&str> = top.iter().map(|&j| places[j].label.as_str()).collect();
        for (c, (key, col)) in cols.iter().enumerate() {
            let parts: Vec<Option<Decimal>> = top.iter().map(|&j| values[j][c]).collect();
            let how = || format!("表中 {} 行（{}）之和", names.len(), short(&names));
            let related = top.iter().map(|&j| Path::row(spec.rows, j, key).to_string()).collect();
            total[c] = sum(sheet, at(spec.total, key), total[c], &parts, &format!("{table}总计行的{col}"), &how, related);
        }
    }
    identities(sheet, spec, &mut total, |k| at(spec.total, k), &format!("{table}总计行"), |k| !cell(total_row, k).trim().is_empty());
    Checked { spec, places, values, total }
}

/// A row's 合计 = its parts (表2 总计 = 财政拨款小计 + …; 表3 合计 = 基本支出 + 项目支出); a sum
/// filled from the rows below is checked too, but only a typed one is called wrong.
fn identities(sheet: &mut Sheet, spec: &Spec, row: &mut [Option<Decimal>], path: impl Fn(&'static str) -> Path, label: &str, typed: impl Fn(&str) -> bool) {
    for (total, parts) in spec.identities.iter().rev() {
        let t = spec.col(total);
        let vals: Vec<Option<Decimal>> = parts.iter().map(|k| row[spec.col(k)]).collect();
        if row[t].is_some() && !typed(total) {
            continue;
        }
        let names: Vec<&str> = parts.iter().map(|k| spec.columns[spec.col(k)].1).collect();
        let how = || names.join(" + ");
        let related = parts.iter().map(|k| path(k).to_string()).collect();
        row[t] = sum(sheet, path(total), row[t], &vals, &format!("{label}的{}", spec.columns[t].1), &how, related);
    }
}

/// The first names of a list, for a message.
fn short(names: &[&str]) -> String {
    if names.len() <= 3 {
        names.join("、")
    } else {
        format!("{}等", names[..3].join("、"))
    }
}

/// A table of fixed lines (表1 and 表4 收入, 表10): each line's place and name, its columns, which
/// line is the sum of which (deepest first), and each line's own 合计 = its parts.
pub(super) struct Lines {
    pub no: &'static str,
    pub title: &'static str,
    pub lines: &'static [(&'static str, &'static str)],
    pub columns: &'static [(&'static str, &'static str)],
    pub sums: &'static [(usize, &'static [usize])],
    pub identities: &'static [(&'static str, &'static [&'static str])],
}

pub(super) const SUMMARY_INCOME: Lines = Lines {
    no: "表1",
    title: "部门收支总体情况表",
    lines: &[
        ("summary.income", "一、本年收入"),
        ("summary.general", "1.一般公共预算拨款"),
        ("summary.general_own", "一般财力"),
        ("summary.general_transfer", "上级一般公共预算安排转移支付"),
        ("summary.fund", "2.政府性基金预算拨款"),
        ("summary.fund_own", "政府性基金收入"),
        ("summary.fund_transfer", "上级政府性基金安排转移支付"),
        ("summary.capital", "3.国有资本经营预算拨款"),
        ("summary.capital_own", "国有资本经营收入"),
        ("summary.capital_transfer", "上级国有资本经营预算安排转移支付"),
        ("summary.special", "4.财政专户核拨"),
        ("summary.unit_funds", "5.单位资金"),
        ("summary.business", "事业收入"),
        ("summary.superior", "上级补助收入"),
        ("summary.affiliated", "附属单位上缴收入"),
        ("summary.operating", "事业单位经营收入"),
        ("summary.other", "其他收入"),
        ("summary.carried", "二、上年结转结余"),
        ("summary.carried_fiscal", "1.财政拨款结转"),
        ("summary.carried_general", "一般公共预算拨款结转"),
        ("summary.carried_fund", "政府性基金预算拨款结转"),
        ("summary.carried_capital", "国有资本经营预算拨款结转"),
        ("summary.carried_nonfiscal", "2.非财政拨款结转结余"),
        ("summary.carried_special", "财政专户核拨结转结余"),
        ("summary.carried_unit", "单位资金结转结余"),
        ("summary.income_total", "收入总计"),
    ],
    columns: &[("sum", "预算数")],
    sums: &[
        (1, &[2, 3]),
        (4, &[5, 6]),
        (7, &[8, 9]),
        (11, &[12, 13, 14, 15, 16]),
        (0, &[1, 4, 7, 10, 11]),
        (18, &[19, 20, 21]),
        (22, &[23, 24]),
        (17, &[18, 22]),
        (25, &[0, 17]),
    ],
    identities: &[],
};

/// The index of each 表1 line, by name, for the identities between tables.
pub(super) mod line {
    pub const GENERAL: usize = 1;
    pub const GENERAL_OWN: usize = 2;
    pub const GENERAL_TRANSFER: usize = 3;
    pub const FUND: usize = 4;
    pub const CAPITAL: usize = 7;
    pub const SPECIAL: usize = 10;
    pub const UNIT_FUNDS: usize = 11;
    pub const CARRIED: usize = 17;
    pub const CARRIED_FISCAL: usize = 18;
    pub const CARRIED_NONFISCAL: usize = 22;
    pub const INCOME_TOTAL: usize = 25;
}

pub(super) const FISCAL_INCOME: Lines = Lines {
    no: "表4",
    title: "财政拨款收支预算总体情况表",
    lines: &[("fiscal.fiscal", "一、财政拨款（补助）"), ("fiscal.general", "一般公共预算"), ("fiscal.fund", "政府性基金预算"), ("fiscal.capital", "国有资本经营预算"), ("fiscal.income_total", "收入总计")],
    columns: &[("sum", "合计")],
    sums: &[(0, &[1, 2, 3]), (4, &[0])],
    identities: &[],
};

pub(super) const THREE: Lines = Lines {
    no: "表10",
    title: "财政拨款“三公”经费支出情况表",
    lines: &[
        ("three.total", "合计"),
        ("three.abroad", "因公出国（境）费"),
        ("three.reception", "公务接待费"),
        ("three.car", "公务用车购置及运行费（小计）"),
        ("three.car_purchase", "公务用车购置费"),
        ("three.car_running", "公务用车运行费"),
    ],
    columns: &[("sum", "合计"), ("general", "一般公共预算"), ("fund", "政府性基金"), ("capital", "国有资本经营预算")],
    sums: &[(3, &[4, 5]), (0, &[1, 2, 3])],
    identities: &[("sum", &["general", "fund", "capital"])],
};

/// Checks a table of fixed lines; returns each line's figures as resolved, by column.
pub(super) fn check_lines(sheet: &mut Sheet, spec: &Lines, rows: &[&Row]) -> Vec<Vec<Option<Decimal>>> {
    let table = format!("{} {}", spec.no, spec.title);
    let mut v: Vec<Vec<Option<Decimal>>> = spec.lines.iter().zip(rows).map(|((p, _), r)| spec.columns.iter().map(|c| read(sheet, at(p, c.0), cell(r, c.0))).collect()).collect();
    let as_spec = Spec { no: spec.no, title: spec.title, rows: "", total: "", columns: spec.columns, identities: spec.identities, shape: Shape::Subjects };
    for (l, ((p, name), r)) in spec.lines.iter().zip(rows).enumerate() {
        identities(sheet, &as_spec, &mut v[l], |k| at(p, k), &format!("{table}中“{name}”"), |k| !cell(r, k).trim().is_empty());
    }
    for (total, parts) in spec.sums {
        let (p, name) = spec.lines[*total];
        let names: Vec<&str> = parts.iter().map(|&j| spec.lines[j].1).collect();
        for (c, (key, col)) in spec.columns.iter().enumerate() {
            let vals: Vec<Option<Decimal>> = parts.iter().map(|&j| v[j][c]).collect();
            let how = || names.join(" + ");
            let related = parts.iter().map(|&j| at(spec.lines[j].0, key).to_string()).collect();
            let label = if spec.columns.len() == 1 { format!("{table}中“{name}”") } else { format!("{table}中“{name}”的{col}") };
            v[*total][c] = sum(sheet, at(p, key), v[*total][c], &vals, &label, &how, related);
        }
    }
    v
}

/// Every table of the document, checked on its own.
pub(super) struct All {
    /// 表1 收入 by line
    pub summary_income: Vec<Vec<Option<Decimal>>>,
    /// 表1 支出 by 类
    pub summary: Checked,
    pub income: Checked,
    pub expenditure: Checked,
    /// 表4 收入 by line
    pub fiscal_income: Vec<Vec<Option<Decimal>>>,
    pub fiscal: Checked,
    pub general: Checked,
    pub basic: Checked,
    pub projects: Checked,
    pub fund: Checked,
    pub capital: Checked,
    /// 表10 by line and column
    pub three: Vec<Vec<Option<Decimal>>>,
    pub carried: Checked,
}

pub(super) fn check_all(sheet: &mut Sheet, d: &BudgetDoc) -> All {
    let s = &d.summary;
    let f = &d.fiscal;
    let t = &d.three;
    All {
        summary_income: check_lines(
            sheet,
            &SUMMARY_INCOME,
            &[
                &s.income, &s.general, &s.general_own, &s.general_transfer, &s.fund, &s.fund_own, &s.fund_transfer, &s.capital, &s.capital_own, &s.capital_transfer, &s.special, &s.unit_funds, &s.business, &s.superior, &s.affiliated,
                &s.operating, &s.other, &s.carried, &s.carried_fiscal, &s.carried_general, &s.carried_fund, &s.carried_capital, &s.carried_nonfiscal, &s.carried_special, &s.carried_unit, &s.income_total,
            ],
        ),
        summary: check(sheet, &SUMMARY, &s.expenditure_total, &s.rows),
        income: check(sheet, &INCOME, &d.income.total, &d.income.rows),
        expenditure: check(sheet, &EXPENDITURE, &d.expenditure.total, &d.expenditure.rows),
        fiscal_income: check_lines(sheet, &FISCAL_INCOME, &[&f.fiscal, &f.general, &f.fund, &f.capital, &f.income_total]),
        fiscal: check(sheet, &FISCAL, &f.expenditure_total, &f.rows),
        general: check(sheet, &GENERAL, &d.general.total, &d.general.rows),
        basic: check(sheet, &BASIC, &d.basic.total, &d.basic.rows),
        projects: check(sheet, &PROJECTS, &d.projects.total, &d.projects.rows),
        fund: check(sheet, &FUND, &d.fund.total, &d.fund.rows),
        capital: check(sheet, &CAPITAL, &d.capital.total, &d.capital.rows),
        three: check_lines(sheet, &THREE, &[&t.total, &t.abroad, &t.reception, &t.car, &t.car_purchase, &t.car_running]),
        carried: check(sheet, &CARRIED, &d.carried.total, &d.carried.rows),
    }
}
