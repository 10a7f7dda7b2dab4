//! The 情况说明 text, written from the checked figures in the wording and order of the published
//! explanations (seeds 001 and 002): every figure is the one the checks resolved (a computed
//! one wherever the form computes it), so the text states nothing the findings contradict. One
//! paragraph a line; the first two lines are the title and the unit and year; a paragraph starts
//! with two full-width spaces; a figure not yet filled in is written `＿＿`.

use super::lines::*;
use super::{empty, At, AccountsLine, Appropriation, FinalAccountsDoc};
use crate::cell::Cell;
use crate::forms::prose::{reason, unmark, year, Writer, BLANK};
use crate::forms::{Path, Sheet, Shown};

impl Writer<'_> {
    /// "年初预算数A万元，决算数B万元，预决算差异率C%，主要原因是：…"
    fn variance(&self, line: &AccountsLine, at: At, budget_word: &str) -> String {
        let rate = match (self.number(at.variance), self.number(at.budget)) {
            // no budget, money spent: there is no rate to write
            (None, Some(b)) if b.is_zero() => "不适用（预算数为0）".to_string(),
            _ => self.rate(at.variance),
        };
        format!("{budget_word}{}万元，决算数{}万元，预决算差异率{rate}，主要原因是：{}", self.amount(at.budget), self.amount(at.amount), reason(&line.variance_reason))
    }
}

fn line_name(w: &Writer, at: At, typed: &Cell) -> String {
    match w.sheet.get(at.name) {
        Some(Shown::Text(t)) => t.clone(),
        _ => reason(typed),
    }
}

/// "1.科学技术支出(类)…(项)：支出决算数为600.00万元，比上年决算减少…，主要原因是：…。"
fn items(w: &mut Writer, rows: &[AccountsLine], list: &'static str) {
    for (i, line) in rows.iter().enumerate() {
        let at = At::row(list, i);
        let mut s = format!("{}.{}：支出决算数为{}万元", i + 1, line_name(w, at, &line.subject), w.amount(at.amount));
        if w.number(at.budget).is_some() {
            s.push_str(&format!("，年初预算为{}万元，完成年初预算的{}", w.amount(at.budget), w.rate(at.completion)));
        }
        if w.number(at.change).is_some() || !line.previous.is_blank() || !line.change.is_blank() {
            s.push_str(&format!("，比上年决算{}，主要原因是：{}", w.change(at), reason(&line.reason)));
        }
        if w.number(at.variance).is_some() {
            s.push_str(&format!("；预决算差异率{}，主要原因是：{}", w.rate(at.variance), reason(&line.variance_reason)));
        }
        s.push('。');
        w.para(&s);
    }
}

/// 四、八、九 as the explanation writes a fund with money: its totals, change and 差异率.
fn appropriation(w: &mut Writer, y: &str, s: &Appropriation, at: At, prefix: &str, name: &str, fields: [&'static str; 5]) {
    let [carried_in, income, total_out, carried_out, spent] = fields.map(Path::field);
    let (ci, inc, co, sp) = if name == "财政拨款" {
        ("年初财政拨款结转和结余", "本年财政拨款收入", "年末财政拨款结转和结余", "本年财政拨款支出")
    } else {
        ("年初结转和结余", "本年收入", "年末结转和结余", "本年支出")
    };
    let p = format!(
        "{y}年度{prefix}收入总计{}万元，其中：{ci}{}万元，{inc}{}万元。{prefix}支出总计{}万元，其中：{co}{}万元，{sp}{}万元。",
        w.amount(at.amount),
        w.amount(carried_in),
        w.amount(income),
        w.amount(total_out),
        w.amount(carried_out),
        w.amount(spent)
    );
    w.para(&p);
    let p = format!("{prefix}收入支出{}与上年相比，{}，主要原因是：{}。与年初预算相比，{}。", if name == "财政拨款" { "总体" } else { "" }, w.change(at), reason(&s.total.reason), w.variance(&s.total, at, "年初预算数"));
    w.para(&p);
}

/// The explanation, and the character spans of the user's own words in it.
pub(super) fn write(d: &FinalAccountsDoc, sheet: &Sheet) -> (String, Vec<[u32; 2]>) {
    let mut w = Writer { sheet, out: String::with_capacity(8192) };
    let y = year(&d.year);
    let unit = d.unit.trim();
    let we = if d.we.is_blank() { "我单位" } else { d.we.trim() };
    w.out.push_str("部门决算情况说明\n");
    w.out.push_str(&format!("{}{y}年度\n", if unit.is_empty() { String::new() } else { format!("{unit}　") }));
    let f = |p: &'static str| Path::field(p);

    w.para("一、收入支出决算总体情况说明");
    let p = format!(
        "{y}年度收入总计{}万元，其中：本年收入合计{}万元，使用非财政拨款结余{}万元，年初结转和结余{}万元。",
        w.amount(f("overall.income_total")),
        w.amount(f("overall.income")),
        w.amount(f("overall.nonfiscal")),
        w.amount(f("overall.carried_in"))
    );
    w.para(&p);
    let p = format!(
        "{y}年度支出总计{}万元，其中：本年支出合计{}万元，结余分配{}万元，年末结转和结余{}万元。",
        w.amount(f("overall.expenditure_total")),
        w.amount(f("overall.expenditure")),
        w.amount(f("overall.distribution")),
        w.amount(f("overall.carried_out"))
    );
    w.para(&p);
    let p = format!("收入支出总体与上年相比，{}，主要原因是：{}。", w.change(TREND), reason(&d.overall.trend.reason));
    w.para(&p);

    w.para("二、收入决算情况说明");
    let parts: Vec<String> = INCOME[1..].iter().map(|(at, n)| format!("{n}{}万元，占{}", w.amount(at.amount), w.rate(at.share))).collect();
    let p = format!("本年收入{}万元，其中：{}。", w.amount(f("overall.income")), parts.join("；"));
    w.para(&p);

    w.para("三、支出决算情况说明");
    let parts: Vec<String> = EXPENDITURE[1..].iter().map(|(at, n)| format!("{n}{}万元，占{}", w.amount(at.amount), w.rate(at.share))).collect();
    let p = format!("本年支出{}万元，其中：{}。", w.amount(f("overall.expenditure")), parts.join("；"));
    w.para(&p);

    w.para("四、财政拨款收入支出决算总体情况说明");
    appropriation(&mut w, y, &d.fiscal, FISCAL, "财政拨款", "财政拨款", ["fiscal.carried_in", "fiscal.income", "fiscal.total_out", "fiscal.carried_out", "fiscal.spent"]);

    w.para("五、一般公共预算财政拨款支出决算情况说明");
    w.para("（一）一般公共预算财政拨款支出决算总体情况");
    let g = &d.general;
    let p = format!(
        "{y}年度一般公共预算财政拨款支出{}万元，占本年支出合计的{}。与上年相比，{}，主要原因是：{}。与年初预算相比，{}。",
        w.amount(GENERAL.amount),
        w.rate(GENERAL.share),
        w.change(GENERAL),
        reason(&g.total.reason),
        w.variance(&g.total, GENERAL, "年初预算数")
    );
    w.para(&p);
    w.para("（二）一般公共预算财政拨款支出决算结构情况");
    for (k, line) in g.classes.iter().enumerate() {
        let at = At::row("general.classes", k);
        let name = line_name(&w, at, &line.subject);
        let name = if name.ends_with("(类)") || name == BLANK { name } else { format!("{name}(类)") };
        let p = format!("{}.{}{}万元，占{}。", k + 1, name, w.amount(at.amount), w.rate(at.share));
        w.para(&p);
    }
    w.para("（三）一般公共预算财政拨款支出决算具体情况");
    items(&mut w, &g.items, "general.items");

    w.para("六、一般公共预算财政拨款基本支出决算情况说明");
    let b = &d.basic;
    let included = |typed: &Cell, personnel: bool| -> String {
        if !typed.is_blank() {
            return reason(typed);
        }
        // the 款 of the 经济分类 table with money, in its order
        let names: Vec<String> = b
            .economic
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                let at = At::row("basic.economic", i);
                let code = super::subjects::read(&l.subject).code?;
                let ours = matches!(&code[..3], "301" | "303") == personnel;
                (code.len() == 5 && ours && sheet.get(at.amount).and_then(Shown::number).is_some_and(|v| !v.is_zero())).then(|| line_name(&Writer { sheet, out: String::new() }, at, &l.subject))
            })
            .collect();
        if names.is_empty() {
            BLANK.to_string()
        } else {
            names.join("、")
        }
    };
    let p = format!("{y}年度一般公共预算财政拨款基本支出{}万元，其中：人员经费{}万元，包括：{}。", w.amount(f("basic.total")), w.amount(f("basic.personnel")), included(&b.personnel_items, true));
    w.para(&p);
    let p = format!("公用经费{}万元，包括：{}。", w.amount(f("basic.public")), included(&b.public_items, false));
    w.para(&p);

    w.para("七、财政拨款“三公”经费支出决算情况说明");
    let t = &d.three;
    let lines = [&t.total, &t.abroad, &t.car, &t.car_purchase, &t.car_running, &t.reception];
    let each: Vec<String> = [1, 2, 5]
        .iter()
        .map(|&k| {
            let (at, n) = THREE[k];
            format!("{n}支出{}万元，占{}，比上年{}，主要原因是：{}", w.amount(at.amount), w.rate(at.share), w.change(at), reason(&lines[k].reason))
        })
        .collect();
    let p = format!("{y}年度财政拨款“三公”经费支出{}万元，比上年{}，主要原因是：{}。其中：{}。", w.amount(THREE[0].0.amount), w.change(THREE[0].0), reason(&t.total.reason), each.join("；"));
    w.para(&p);
    w.para("具体情况如下：");
    let p = format!(
        "因公出国（境）费支出{}万元，开支内容包括{}。单位全年安排的因公出国（境）团组{}个，因公出国（境）{}人次。",
        w.amount(THREE[1].0.amount),
        reason(&t.abroad_content),
        w.count(f("three.groups")),
        w.count(f("three.travellers"))
    );
    w.para(&p);
    let p = format!(
        "公务用车购置及运行维护费{}万元，其中：公务用车购置费{}万元，公务用车运行维护费{}万元。公务用车运行维护费开支内容包括{}。公务用车购置数{}辆，公务用车保有量{}辆。国有资产占用情况中固定资产车辆{}辆，与公务用车保有量差异原因是：{}。",
        w.amount(THREE[2].0.amount),
        w.amount(THREE[3].0.amount),
        w.amount(THREE[4].0.amount),
        reason(&t.car_content),
        w.count(f("three.cars_bought")),
        w.count(f("three.fleet")),
        w.count(f("three.asset_vehicles")),
        reason(&t.fleet_reason)
    );
    w.para(&p);
    let p = format!(
        "公务接待费{}万元，开支内容包括{}。单位全年安排的国内公务接待{}批次，{}人次。",
        w.amount(THREE[5].0.amount),
        reason(&t.reception_content),
        w.count(f("three.batches")),
        w.count(f("three.guests"))
    );
    w.para(&p);
    let each: Vec<String> = [1, 3, 4, 5]
        .iter()
        .map(|&k| {
            let (at, n) = THREE[k];
            let n = if k == 4 { "公务用车运行费" } else { n };
            format!("{n}{}", w.variance(lines[k], at, "全年预算数"))
        })
        .collect();
    let p = format!("与全年预算相比，财政拨款“三公”经费支出{}。其中：{}。", w.variance(&t.total, THREE[0].0, "全年预算数"), each.join("；"));
    w.para(&p);

    for (s, at, title, name, list, fields) in [
        (&d.fund, FUND, "八、政府性基金预算财政拨款收入支出决算情况说明", "政府性基金预算财政拨款", "fund.items", ["fund.carried_in", "fund.income", "fund.total_out", "fund.carried_out", "fund.spent"]),
        (&d.capital, CAPITAL, "九、国有资本经营预算财政拨款收入支出决算情况说明", "国有资本经营预算财政拨款", "capital.items", ["capital.carried_in", "capital.income", "capital.total_out", "capital.carried_out", "capital.spent"]),
    ] {
        w.para(title);
        if empty(s) {
            w.para(&format!("{we}本年度无{name}收入、支出及结转和结余，{name}收入支出决算表为空表。"));
            continue;
        }
        appropriation(&mut w, y, s, at, name, name, fields);
        let p = format!("{name}支出{}万元。", w.amount(Path::field(fields[4])));
        w.para(&p);
        items(&mut w, &s.items, list);
    }

    w.para("十、其他重要事项的情况说明");
    w.para("（一）机关运行经费支出情况");
    let op = &d.operation;
    let p = format!("{y}年度{unit}（行政单位和参照公务员法管理事业单位）机关运行经费支出{}万元，比上年{}，主要原因是：{}。", w.amount(ADMIN.amount), w.change(ADMIN), reason(&op.admin.reason));
    w.para(&p);
    if w.number(INSTITUTION.amount).is_some() {
        let p = format!("{y}年度{unit}（事业单位）公用经费{}万元，比上年{}，主要原因是：{}。", w.amount(INSTITUTION.amount), w.change(INSTITUTION), reason(&op.institution.reason));
        w.para(&p);
    }
    w.para("（二）政府采购情况");
    let p = format!(
        "{y}年度政府采购支出总额{}万元，其中：政府采购货物支出{}万元、政府采购工程支出{}万元、政府采购服务支出{}万元。",
        w.amount(f("procurement.total")),
        w.amount(f("procurement.goods")),
        w.amount(f("procurement.works")),
        w.amount(f("procurement.services"))
    );
    w.para(&p);
    let p = format!(
        "授予中小企业合同金额{}万元，占政府采购支出总额的{}，其中：授予小微企业合同金额{}万元，占政府采购支出总额的{}。",
        w.amount(f("procurement.sme")),
        w.rate(f("procurement.sme_share")),
        w.amount(f("procurement.small")),
        w.rate(f("procurement.small_share"))
    );
    w.para(&p);
    w.para("（三）国有资产占用情况说明");
    let uses: Vec<String> = [
        ("副部（省）级及以上领导用车", "assets.leader"),
        ("主要负责人用车", "assets.head"),
        ("机要通信用车", "assets.confidential"),
        ("应急保障用车", "assets.emergency"),
        ("执法执勤用车", "assets.enforcement"),
        ("特种专业技术用车", "assets.special"),
        ("离退休干部服务用车", "assets.retired"),
        ("其他用车", "assets.other"),
    ]
    .iter()
    .map(|(n, p)| format!("{n}{}辆", w.number(f(p)).map_or_else(|| "0".to_string(), |d| d.normalize().to_string())))
    .collect();
    let p = format!(
        "截至{y}年12月31日，固定资产原值{}万元，房屋{}平方米，价值{}万元。车辆{}辆，价值{}万元，其中：{}，其他用车主要是：{}；单价100万元（含）以上设备（不含车辆）{}台（套）。",
        w.amount(f("assets.original")),
        w.amount(f("assets.building_area")),
        w.amount(f("assets.building_value")),
        w.count(f("assets.vehicles")),
        w.amount(f("assets.vehicles_value")),
        uses.join("、"),
        reason(&d.assets.other_use),
        w.count(f("assets.equipment"))
    );
    w.para(&p);

    w.para("十一、预算绩效的情况说明");
    let pf = &d.performance;
    let p = format!(
        "根据预算绩效管理要求，{we}{y}年度预算绩效管理整体支出绩效自评表{}个，全年预算总额{}万元，实际执行总额{}万元；预算绩效评价项目{}个，全年预算数{}万元，全年执行数{}万元。预算绩效管理取得的成效：{}。发现的问题及原因：{}。下一步改进措施：{}。具体项目自评情况附绩效自评表及自评报告。",
        w.count(f("performance.tables")),
        w.amount(f("performance.budget")),
        w.amount(f("performance.executed")),
        w.count(f("performance.projects")),
        w.amount(f("performance.project_budget")),
        w.amount(f("performance.project_executed")),
        reason(&pf.achievements),
        reason(&pf.problems),
        reason(&pf.improvements)
    );
    w.para(&p);
    unmark(&w.out)
}
