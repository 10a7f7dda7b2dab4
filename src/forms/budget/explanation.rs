//! 第三部分 部门预算情况说明, sections 一 to 十二, written from the checked tables in the wording
//! of the published explanation (seed 004). The tables give every 本年 figure; the `notes` give
//! last year's budget (or the change) and the reasons, from which 占比, 增减额 and 增减率 are
//! computed here as the 决算说明 computes them; the text is then read back by the text checker.

use super::tables::{All, Checked, Shape};
use super::{BudgetDoc, Row};
use crate::cell::Cell;
use crate::finding::{Code, Finding, Severity};
use crate::forms::final_accounts::{figure, line_at, Accounts, AccountsLine, At, Unit};
use crate::forms::prose::{reason, year, Writer, BLANK};
use crate::forms::{Path, Sheet, Shown};
use crate::number::fmt_amount;
use rust_decimal::Decimal;

/// 二、收入: the sources in the published order, with the 表2 总计 column each is read from.
const SOURCES: [(At, &str, &str); 10] = [
    (line_at!(notes.general), "一般公共预算", "general"),
    (line_at!(notes.general_transfer), "上级一般公共预算安排的转移支付资金", "general_transfer"),
    (line_at!(notes.fund), "政府性基金预算", "fund"),
    (line_at!(notes.fund_transfer), "上级政府性基金安排的转移支付资金", "fund_transfer"),
    (line_at!(notes.capital), "国有资本经营预算", "capital"),
    (line_at!(notes.capital_transfer), "上级国有资本经营预算安排的转移支付资金", "capital_transfer"),
    (line_at!(notes.special), "财政专户管理资金", "special"),
    (line_at!(notes.unit_funds), "单位资金", "unit_funds"),
    (line_at!(notes.carried_fiscal), "财政拨款结转", "carried_fiscal"),
    (line_at!(notes.carried_nonfiscal), "非财政拨款结转结余", "carried_nonfiscal"),
];
const BASIC: At = line_at!(notes.basic);
const PROJECTS: At = line_at!(notes.projects);
const GENERAL_BASIC: At = line_at!(notes.general_basic);
const GENERAL_PROJECTS: At = line_at!(notes.general_projects);
/// 十、“三公”: each line and the 表10 line it is read from (`tables::THREE` order).
const THREE: [(At, &str, usize); 5] = [
    (line_at!(notes.three_total), "“三公”经费", 0),
    (line_at!(notes.three_abroad), "因公出国（境）费", 1),
    (line_at!(notes.three_car_purchase), "公务用车购置费", 4),
    (line_at!(notes.three_car_running), "公务用车运行费", 5),
    (line_at!(notes.three_reception), "公务接待费", 2),
];
const RUNNING: At = line_at!(notes.running);

fn notes(d: &BudgetDoc) -> [&AccountsLine; 10] {
    let n = &d.notes;
    [&n.general, &n.general_transfer, &n.fund, &n.fund_transfer, &n.capital, &n.capital_transfer, &n.special, &n.unit_funds, &n.carried_fiscal, &n.carried_nonfiscal]
}

fn three_notes(d: &BudgetDoc) -> [&AccountsLine; 5] {
    let n = &d.notes;
    [&n.three_total, &n.three_abroad, &n.three_car_purchase, &n.three_car_running, &n.three_reception]
}

fn total(t: &Checked, key: &str) -> Option<Decimal> {
    t.total[t.column(key)]
}

/// A 表5 row's cells of the 说明 as a line, for the 增减 the 决算说明 computes.
fn line_of(r: &Row) -> AccountsLine {
    AccountsLine { previous: r.previous.clone(), change: r.change.clone(), rate: r.rate.clone(), reason: r.reason.clone(), ..AccountsLine::default() }
}

/// The figures of the 说明 that are not in the tables: each 占比 and each change on last year.
pub(super) fn figures(a: &mut Accounts, d: &BudgetDoc, t: &All) {
    let show = |a: &mut Accounts, at: At, v: Option<Decimal>| {
        if let Some(v) = v {
            a.sheet.set(at.amount, Shown::Amount(v));
        }
        v.map(figure)
    };
    // 二、收入 (of 表2's 总计), 三、支出 (of 表3's)
    let income = total(&t.income, "sum").map(figure);
    for ((at, name, key), line) in SOURCES.iter().zip(notes(d)) {
        let v = show(a, *at, total(&t.income, key));
        a.share(line, *at, &format!("说明二 {name}"), v, income, "收入预算合计");
        a.trend(line, *at, &format!("说明二 {name}"), v);
    }
    let spending = total(&t.expenditure, "sum").map(figure);
    for (at, line, key, name) in [(BASIC, &d.notes.basic, "basic", "基本支出"), (PROJECTS, &d.notes.projects, "projects", "项目支出")] {
        let v = show(a, at, total(&t.expenditure, key));
        a.share(line, at, &format!("说明三 {name}"), v, spending, "支出预算合计");
        a.trend(line, at, &format!("说明三 {name}"), v);
    }
    // 五（一）of 表5's 总计; （二）each 类's 占比; （三）each 项's change
    for (at, line, key, name) in [(GENERAL_BASIC, &d.notes.general_basic, "basic", "基本支出"), (GENERAL_PROJECTS, &d.notes.general_projects, "projects", "项目支出")] {
        let v = show(a, at, total(&t.general, key));
        a.trend(line, at, &format!("说明五 一般公共预算{name}"), v);
    }
    let general = total(&t.general, "sum").map(figure);
    let sum = t.general.column("sum");
    for (i, place) in t.general.places.iter().enumerate() {
        let (Some(code), Some(r)) = (place.code.as_deref(), d.general.rows.get(i)) else { continue };
        let v = t.general.values[i][sum].map(figure);
        let at = At::row("general.rows", i);
        if code.len() == 3 {
            a.share(&line_of(r), at, &format!("说明五 {}", place.label), v, general, "一般公共预算拨款合计");
        } else if code.len() == 7 {
            a.trend(&line_of(r), at, &format!("说明五 {}", place.label), v);
        }
    }
    // 十、“三公”
    for ((at, name, l), line) in THREE.iter().zip(three_notes(d)) {
        let v = show(a, *at, t.three[*l][0]);
        // the published 说明 gives the reasons of the items, not of their total
        a.trend_of(line, *at, &format!("说明十 {name}"), v, *l != 0);
    }
    // 十二（一）机关运行经费; （二）政府采购 = 货物 + 工程 + 服务; （三）车辆 = 按用途之和
    let running = &d.notes.running;
    let v = a.amount(&running.amount, RUNNING.amount);
    a.trend(running, RUNNING, "说明十二 机关运行经费", v);
    let p = &d.notes.procurement;
    let f = |k: &'static str| Path::field(k);
    let parts = [
        ("政府采购货物预算", a.amount(&p.goods, f("notes.procurement.goods"))),
        ("政府采购工程预算", a.amount(&p.works, f("notes.procurement.works"))),
        ("政府采购服务预算", a.amount(&p.services, f("notes.procurement.services"))),
    ];
    a.total(&p.total, f("notes.procurement.total"), "说明十二 政府采购预算", &parts, Unit::Amount);
    let sme = a.amount(&p.sme, f("notes.procurement.sme"));
    let small = a.amount(&p.small, f("notes.procurement.small"));
    if let (Some(s), Some(m)) = (sme, small) {
        if m.value > s.value {
            let msg = format!("说明十二 小微企业预留政府采购项目预算金额 {} 大于面向中小企业预留的 {}：小微企业是中小企业的一部分，请核对", fmt_amount(m.value), fmt_amount(s.value));
            a.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Error, f("notes.procurement.small"), msg));
        }
    }
    let s = &d.notes.assets;
    a.amount(&s.house_area, f("notes.assets.house_area"));
    a.amount(&s.house_value, f("notes.assets.house_value"));
    let cars = [
        ("一般公务用车", a.count(&s.official_cars, f("notes.assets.official_cars"))),
        ("执法执勤用车", a.count(&s.enforcement_cars, f("notes.assets.enforcement_cars"))),
        ("其他车辆", a.count(&s.other_cars, f("notes.assets.other_cars"))),
    ];
    a.total(&s.cars, f("notes.assets.cars"), "说明十二 车辆", &cars, Unit::Count);
    let values = [
        ("一般公务用车价值", a.amount(&s.official_value, f("notes.assets.official_value"))),
        ("执法执勤用车价值", a.amount(&s.enforcement_value, f("notes.assets.enforcement_value"))),
        ("其他车辆价值", a.amount(&s.other_value, f("notes.assets.other_value"))),
    ];
    a.total(&s.cars_value, f("notes.assets.cars_value"), "说明十二 车辆价值", &values, Unit::Amount);
    a.amount(&s.furniture, f("notes.assets.furniture"));
    a.amount(&s.other, f("notes.assets.other"));
    for (all, over, name, all_path, over_path) in [
        (&s.equipment_50, &s.equipment_100, "现有", "notes.assets.equipment_50", "notes.assets.equipment_100"),
        (&s.planned_equipment_50, &s.planned_equipment_100, "本年安排购置", "notes.assets.planned_equipment_50", "notes.assets.planned_equipment_100"),
    ] {
        let (all, over) = (a.count(all, f(all_path)), a.count(over, f(over_path)));
        if let (Some(all), Some(over)) = (all, over) {
            if over.value > all.value {
                let msg = format!("说明十二 {name}单位价值 100 万元以上大型设备 {} 台多于 50 万元以上的 {} 台：100 万元以上的设备也在 50 万元以上之列，请核对", over.value, all.value);
                a.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Error, f(over_path), msg));
            }
        }
    }
    // 购置车辆经费: typed, else the 表10 公务用车购置费 it must cover
    let purchase = t.three[4][0];
    match a.amount(&s.planned_cars, f("notes.assets.planned_cars")) {
        Some(p) => {
            if let Some(c) = purchase.filter(|c| *c > p.value) {
                let msg = format!("说明十二 购置车辆经费 {} 万元少于表10 财政拨款“三公”经费支出情况表中的公务用车购置费 {} 万元，请核对", fmt_amount(p.value), fmt_amount(c));
                a.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Warning, f("notes.assets.planned_cars"), msg));
            }
        }
        None => {
            if let Some(c) = purchase {
                a.sheet.set(f("notes.assets.planned_cars"), Shown::Amount(c));
            }
        }
    }
    // 十二（四）预算绩效: 财政拨款项目 = 表7 与表8、表9 的项目支出 (当年拨款，不含结转); the
    // 非财政拨款项目 are in no table and typed
    let fiscal = [total(&t.projects, "sum"), total(&t.fund, "projects"), total(&t.capital, "projects")].into_iter().flatten().fold(None, |s: Option<Decimal>, v| Some(s.unwrap_or_default() + v));
    if let Some(v) = fiscal {
        a.sheet.set(f("notes.fiscal_projects"), Shown::Amount(v));
    }
    a.amount(&d.notes.nonfiscal_projects, f("notes.nonfiscal_projects"));
}

fn nonzero(v: Option<Decimal>) -> bool {
    v.is_some_and(|v| !v.is_zero())
}

fn amount(v: Option<Decimal>) -> String {
    v.map_or_else(|| BLANK.to_string(), fmt_amount)
}

/// The user's text as written (政策依据, 资金分配情况), kept apart from the form's figures.
fn typed(c: &Cell) -> String {
    reason(c)
}

impl Writer<'_> {
    /// "，比上年预算减少1,754.77万元，下降38.57%，主要原因是…"; nothing where neither the 上年数
    /// nor the change is given and no reason is typed.
    fn on_last_year(&self, at: At, line: &AccountsLine, why: bool) -> String {
        if self.number(at.change).is_none() && line.previous.is_blank() && line.change.is_blank() && line.reason.is_blank() {
            return String::new();
        }
        let mut s = format!("，比上年预算{}", self.change(at));
        if why {
            s.push_str(&format!("，主要原因是{}", reason(&line.reason)));
        }
        s
    }
}

/// The 说明, and the character spans of the user's own words in it.
pub(super) fn write(d: &BudgetDoc, t: &All, sheet: &Sheet) -> (String, Vec<[u32; 2]>) {
    let mut w = Writer { sheet, out: String::with_capacity(8192) };
    let y = year(&d.year);
    let unit = if d.unit.is_blank() { "本部门" } else { d.unit.trim() };
    w.out.push_str(&format!("第三部分 {y} 年部门预算情况说明\n{unit}\n"));

    w.para(&format!("一、关于{unit}{y}年收支预算情况总体说明"));
    let income_total = total(&t.income, "sum");
    w.para(&format!("按照全口径预算的原则，{unit}{y}年所有收入和支出均纳入部门预算管理。收支总预算{}万元。", amount(income_total)));
    let groups: [(&str, &[&str]); 7] = [
        ("一般公共预算", &["general", "general_transfer"]),
        ("政府性基金预算", &["fund", "fund_transfer"]),
        ("国有资本经营预算", &["capital", "capital_transfer"]),
        ("财政专户管理资金", &["special"]),
        ("单位资金", &["unit_funds"]),
        ("财政拨款结转结余", &["carried_fiscal"]),
        ("非财政拨款结转结余", &["carried_nonfiscal"]),
    ];
    let sources: Vec<&str> = groups.iter().filter(|(_, keys)| keys.iter().any(|k| nonzero(total(&t.income, k)))).map(|g| g.0).collect();
    w.para(&format!("收入预算包括：{}。", if sources.is_empty() { BLANK.to_string() } else { sources.join("、") }));
    let spent = classes(&t.expenditure);
    w.para(&format!("支出预算包括：{}。", if spent.is_empty() { BLANK.to_string() } else { spent.iter().map(|c| c.1.as_str()).collect::<Vec<_>>().join("、") }));

    w.para(&format!("二、关于{unit}{y}年收入预算情况说明"));
    w.para(&format!("{unit}部门收入预算{}万元，其中：", amount(income_total)));
    for ((at, name, key), line) in SOURCES.iter().zip(notes(d)) {
        let v = total(&t.income, key);
        if nonzero(v) {
            w.para(&format!("{name}{}万元，占{}{}。", amount(v), w.rate(at.share), w.on_last_year(*at, line, true)));
        } else if !matches!(*key, "special" | "unit_funds") {
            // 财政专户 and 单位资金 are left out when there are none, as published
            w.para(&format!("{name}未安排。"));
        }
    }

    w.para(&format!("三、关于{unit}{y}年支出预算情况说明"));
    w.para(&format!("{unit}{y}年支出预算{}万元，其中：", amount(total(&t.expenditure, "sum"))));
    for (at, line, key, name) in [(BASIC, &d.notes.basic, "basic", "基本支出"), (PROJECTS, &d.notes.projects, "projects", "项目支出")] {
        w.para(&format!("{name}{}万元，占{}{}。", amount(total(&t.expenditure, key)), w.rate(at.share), w.on_last_year(at, line, true)));
    }

    w.para(&format!("四、关于{unit}{y}年财政拨款收支预算情况的总体说明"));
    let fi = &t.fiscal_income;
    w.para(&format!("{y}年财政拨款收支总预算{}万元。", amount(fi[4][0])));
    let (fund, capital) = (nonzero(fi[2][0]), nonzero(fi[3][0]));
    if !fund && !capital {
        w.para("收入全部为一般公共预算拨款，无政府性基金预算拨款和国有资本经营预算。");
    }
    let mut income = vec![format!("一般公共预算拨款{}万元", amount(fi[1][0]))];
    if fund {
        income.push(format!("政府性基金预算拨款{}万元", amount(fi[2][0])));
    }
    if capital {
        income.push(format!("国有资本经营预算拨款{}万元", amount(fi[3][0])));
    }
    w.para(&format!("收入预算包括：{}。", income.join("，")));
    let uses: Vec<String> = classes(&t.general)
        .iter()
        .map(|(i, name, v)| {
            let u = d.general.rows.get(*i).map_or(String::new(), |r| if r.uses.is_blank() { String::new() } else { format!("，主要用于{}", typed(&r.uses)) });
            format!("{name}{}万元{u}", amount(*v))
        })
        .collect();
    w.para(&format!("一般公共预算支出包括：{}。", if uses.is_empty() { BLANK.to_string() } else { uses.join("；") }));

    w.para(&format!("五、关于{unit}{y}年一般公共预算当年拨款情况说明"));
    w.para("（一）一般公共预算当年拨款规模变化情况");
    w.para(&format!("{unit}{y}年一般公共预算拨款合计{}万元，其中：", amount(total(&t.general, "sum"))));
    for (at, line, key, name) in [(GENERAL_BASIC, &d.notes.general_basic, "basic", "基本支出"), (GENERAL_PROJECTS, &d.notes.general_projects, "projects", "项目支出")] {
        w.para(&format!("{name}{}万元{}。", amount(total(&t.general, key)), w.on_last_year(at, line, true)));
    }
    w.para("（二）一般公共预算当年拨款结构情况");
    for (n, (i, name, v)) in classes(&t.general).iter().enumerate() {
        w.para(&format!("{}、{name}（类）{}万元，占{}。", n + 1, amount(*v), w.rate(Path::row("general.rows", *i, "share"))));
    }
    w.para("（三）一般公共预算当年拨款具体使用情况");
    let sum = t.general.column("sum");
    let mut n = 0;
    for (i, place) in t.general.places.iter().enumerate() {
        if place.code.as_deref().is_none_or(|c| c.len() != 7) {
            continue;
        }
        n += 1;
        // 类（类）款（款）项（项）, each named from its row or the code list
        let mut names = vec![format!("{}（项）", place.name)];
        let mut up = place.parent;
        while let Some(j) = up {
            let p = &t.general.places[j];
            names.push(format!("{}（{}）", p.name, if p.code.as_deref().is_some_and(|c| c.len() == 3) { "类" } else { "款" }));
            up = p.parent;
        }
        names.reverse();
        let at = At::row("general.rows", i);
        let line = d.general.rows.get(i).map(line_of).unwrap_or_default();
        w.para(&format!("{n}、{}：{y}年预算数为{}万元{}。", names.concat(), amount(t.general.values[i][sum]), w.on_last_year(at, &line, true)));
    }

    w.para(&format!("六、关于{unit}{y}年一般公共预算基本支出情况说明"));
    w.para(&format!("{unit}{y}年一般公共预算基本支出{}万元，其中：", amount(total(&t.basic, "sum"))));
    for (key, name) in [("personnel", "人员经费"), ("public", "公用经费")] {
        let c = t.basic.column(key);
        let items: Vec<&str> = t.basic.places.iter().enumerate().filter(|(i, p)| p.code.as_deref().is_some_and(|c| c.len() == 5) && nonzero(t.basic.values[*i][c])).map(|(_, p)| p.name.as_str()).collect();
        w.para(&format!("{name}{}万元，主要包括：{}。", amount(total(&t.basic, key)), if items.is_empty() { BLANK.to_string() } else { items.join("、") }));
    }

    w.para(&format!("七、关于{unit}{y}年一般公共预算项目支出情况说明"));
    let psum = t.projects.column("sum");
    let mut n = 0;
    for (i, place) in t.projects.places.iter().enumerate() {
        let Some(r) = d.projects.rows.get(i).filter(|_| place.project) else { continue };
        n += 1;
        // 项目承担单位: the 单位 row it is under
        let mut up = place.parent;
        let mut owner = unit.to_string();
        while let Some(j) = up {
            let p = &t.projects.places[j];
            if p.code.is_none() && !p.name.is_empty() {
                owner = p.name.clone();
            }
            up = p.parent;
        }
        w.para(&format!("（{}）项目名称：{}", ordinal(n), place.name));
        w.para(&format!("设立的政策依据：{}", typed(&r.basis)));
        w.para(&format!("预算安排规模：{}万元", amount(t.projects.values[i][psum])));
        w.para(&format!("项目承担单位：{owner}"));
        w.para(&format!("资金分配情况：{}", typed(&r.allocation)));
        w.para(&format!("资金执行时间：{}", typed(&r.period)));
    }
    if n == 0 {
        w.para(&format!("{unit}{y}年无一般公共预算项目支出。"));
    }

    for (no, c, fund) in [("八", &t.fund, "政府性基金预算"), ("九", &t.capital, "国有资本经营预算")] {
        w.para(&format!("{no}、关于{unit}{y}年{fund}拨款情况说明"));
        if c.is_empty() {
            w.para(&format!("{unit}{y}年没有使用{fund}拨款安排的支出，{}为空表。", c.spec.title));
        } else {
            let parts: Vec<String> = [("personnel", "人员经费"), ("public", "公用经费"), ("projects", "项目支出")].iter().filter(|(k, _)| nonzero(total(c, k))).map(|(k, n)| format!("{n}{}万元", amount(total(c, k)))).collect();
            w.para(&format!("{unit}{y}年{fund}拨款安排的支出{}万元{}。", amount(total(c, "sum")), if parts.is_empty() { String::new() } else { format!("，其中：{}", parts.join("，")) }));
        }
    }

    w.para(&format!("十、关于{unit}{y}年财政拨款“三公”经费预算情况说明"));
    // a 表10 line left blank beside a filled total is none spent: "因公出国（境）费0.00万元"
    let v = |l: usize| amount(t.three[l][0].or(t.three[0][0].map(|_| Decimal::ZERO)));
    w.para(&format!("{unit}{y}年财政拨款“三公”经费数为{}万元，其中：因公出国（境）费{}万元，公务用车购置费{}万元，公务用车运行费{}万元，公务接待费{}万元。", v(0), v(1), v(4), v(5), v(2)));
    let three = three_notes(d);
    if !w.on_last_year(THREE[0].0, three[0], false).is_empty() {
        let items: Vec<String> = THREE[1..].iter().zip(&three[1..]).map(|((at, name, _), line)| format!("{name}{}，主要原因是{}", w.change(*at), reason(&line.reason))).collect();
        w.para(&format!("{y}年财政拨款“三公”经费预算比上年预算{}，其中：{}。", w.change(THREE[0].0), items.join("；")));
    }

    w.para(&format!("十一、关于{unit}{y}年上年结转结余预算情况说明"));
    let cs = |k: &str| amount(total(&t.carried, k));
    w.para(&format!("{unit}{y}年上年结转结余{}万元，包括：财政拨款{}万元，非财政拨款{}万元，其中：", cs("sum"), cs("fiscal"), cs("nonfiscal")));
    let csum = t.carried.column("sum");
    let mut n = 0;
    for (i, place) in t.carried.places.iter().enumerate() {
        let Some(r) = d.carried.rows.get(i).filter(|_| place.project && t.carried.spec.shape == Shape::Carried) else { continue };
        n += 1;
        let uses = r.uses.trim();
        let what = if uses.starts_with("完全不予公开") || uses.starts_with("不予公开") { format!("，{}", typed(&r.uses)) } else { format!("，主要用于：{}", typed(&r.uses)) };
        // "特定目标 8010124C 341.45万元": a name ending in a code keeps a space before the amount
        let gap = if place.name.ends_with(|c: char| c.is_ascii_alphanumeric()) { " " } else { "" };
        w.para(&format!("{n}. {}{gap}{}万元{what}。", place.name, amount(t.carried.values[i][csum])));
    }

    w.para("十二、其他重要事项的情况说明");
    w.para("（一）单位运行经费情况");
    let running = &d.notes.running;
    w.para(&format!("{unit}{y}年的机关运行经费财政拨款预算{}万元{}。", w.amount(RUNNING.amount), w.on_last_year(RUNNING, running, true)));
    w.para("（二）政府采购情况");
    // figures read while `w` is being written
    let read = Writer { sheet, out: String::new() };
    let f = |k: &'static str| read.amount(Path::field(k));
    w.para(&format!(
        "{y}年，{unit}政府采购预算{}万元，其中：政府采购货物预算{}万元，政府采购工程预算{}万元，政府采购服务预算{}万元。",
        f("notes.procurement.total"),
        f("notes.procurement.goods"),
        f("notes.procurement.works"),
        f("notes.procurement.services")
    ));
    w.para(&format!("{y}年，{unit}面向中小企业预留政府采购项目预算金额{}万元，小微企业预留政府采购项目预算金额{}万元。", f("notes.procurement.sme"), f("notes.procurement.small")));
    w.para("（三）国有资产占用使用情况");
    let before = y.parse::<u32>().ok().and_then(|y| y.checked_sub(1)).map_or_else(|| BLANK.to_string(), |y| y.to_string());
    w.para(&format!("截至{before}年底，{unit}及下属各预算单位占用使用国有资产总体情况为："));
    let c = |k: &'static str| read.count(Path::field(k));
    w.para(&format!("1.房屋{}平方米，价值{}万元。", f("notes.assets.house_area"), f("notes.assets.house_value")));
    w.para(&format!(
        "2.车辆{}辆，价值{}万元；其中：一般公务用车{}辆，价值{}万元；执法执勤用车{}辆，价值{}万元；其他车辆{}辆，价值{}万元。",
        c("notes.assets.cars"),
        f("notes.assets.cars_value"),
        c("notes.assets.official_cars"),
        f("notes.assets.official_value"),
        c("notes.assets.enforcement_cars"),
        f("notes.assets.enforcement_value"),
        c("notes.assets.other_cars"),
        f("notes.assets.other_value")
    ));
    w.para(&format!("3.办公家具价值{}万元。", f("notes.assets.furniture")));
    w.para(&format!("4.其他资产价值{}万元。", f("notes.assets.other")));
    w.para(&format!("部门价值50万元以上大型设备{}台，部门价值100万元以上大型设备{}台。", c("notes.assets.equipment_50"), c("notes.assets.equipment_100")));
    let cars = match read.number(Path::field("notes.assets.planned_cars")) {
        Some(v) if !v.is_zero() => format!("安排购置车辆经费{}万元", fmt_amount(v)),
        Some(_) => "未安排购置车辆经费".to_string(),
        None => format!("购置车辆经费{BLANK}万元"),
    };
    w.para(&format!("{y}年部门预算{cars}，安排购置50万元以上大型设备{}台，单位价值100万元以上大型设备{}台。", c("notes.assets.planned_equipment_50"), c("notes.assets.planned_equipment_100")));
    w.para("（四）预算绩效情况");
    let projects = t.projects.places.iter().filter(|p| p.project).count();
    w.para(&format!(
        "{y}年，本部门预算绩效管理整体预算绩效目标1个，涉及预算金额{}万元；当年预算安排项目共{projects}个，其中：财政拨款项目涉及预算金额{}万元；非财政拨款项目涉及预算金额{}万元。",
        amount(income_total),
        f("notes.fiscal_projects"),
        f("notes.nonfiscal_projects")
    ));
    crate::forms::prose::unmark(&w.out)
}

/// The 类 rows of a table with their sums: (row, name, 合计).
fn classes(t: &Checked) -> Vec<(usize, String, Option<Decimal>)> {
    let sum = t.column("sum");
    t.codes(3).filter(|(i, _)| nonzero(t.values[*i][sum])).map(|(i, _)| (i, t.places[i].name.clone(), t.values[i][sum])).collect()
}

/// 一 … 十, 一十一 …: the numbering of the published 七 (（一十）, （一十四）).
fn ordinal(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => "〇".to_string(),
        1..=9 => D[n].to_string(),
        10..=99 => format!("{}十{}", D[n / 10], D[n % 10]),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ordinals_as_published() {
        assert_eq!(super::ordinal(7), "七");
        assert_eq!(super::ordinal(10), "一十");
        assert_eq!(super::ordinal(14), "一十四");
        assert_eq!(super::ordinal(23), "二十三");
    }
}
