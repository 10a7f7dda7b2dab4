//! Form E, 部门预算公开 (SPEC §6 E): the eleven tables a unit publishes, as printed — rows by
//! 科目 code (功能分类 类/款/项, 经济分类 类/款) in split columns, amounts in the official columns.
//! Each table's own sums are checked (`tables.rs`: 类 = Σ 款 = Σ 项 in every column, each row's
//! 合计 against its parts, the 总计 row against its rows) and then every identity between tables
//! (`cross.rs`: 表1 = 表2 = 表3, 表4 一般公共预算 = 表5, 表5 基本支出 = 表6, 表5 项目支出 = 表7
//! by 科目, 表11 = 表1 上年结转结余, 三公 against 表6). Blank totals are filled from their parts.

mod cross;
mod explanation;
mod review;
mod tables;
mod targets;

use super::final_accounts::Accounts;
use super::{prose, Path, Sheet, Shown};
use crate::cell::Cell;
use crate::policy::Policy;
use crate::{Evaluation, Summary};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

const KIND: &str = "budget_disclosure";

fn empty(c: &Cell) -> bool {
    c.0.is_empty()
}

/// A 部门预算公开: its eleven tables (表1 部门收支总体情况表 … 表11 上年结转结余情况明细表).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct BudgetDoc {
    /// 格式版本 (1)
    pub version: Cell,
    /// 预算年度，如 2025
    pub year: Cell,
    /// 编制部门，如“乌鲁木齐市工业和信息化局”
    pub unit: Cell,
    /// 表1 部门收支总体情况表
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub summary: Overview,
    /// 表2 部门收入总体情况表
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub income: Table,
    /// 表3 部门支出总体情况表
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub expenditure: Table,
    /// 表4 财政拨款收支预算总体情况表
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub fiscal: FiscalOverview,
    /// 表5 一般公共预算支出情况表
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub general: Table,
    /// 表6 一般公共预算基本支出情况表（经济分类）
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub basic: Table,
    /// 表7 一般公共预算项目支出情况表
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub projects: Table,
    /// 表8 政府性基金预算支出情况表
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub fund: Table,
    /// 表9 国有资本经营预算支出情况表
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub capital: Table,
    /// 表10 财政拨款“三公”经费支出情况表
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub three: ThreeCosts,
    /// 表11 上年结转结余情况明细表
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub carried: Table,
    /// 第三部分 部门预算情况说明：表中没有的数（上年预算数、增减原因、其他重要事项）
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub notes: Notes,
    /// 部门整体绩效目标表 and 项目支出绩效目标表
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub targets: Targets,
}

/// The 绩效目标表 published with the tables (部门整体 one, 项目支出 each).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Targets {
    /// 部门整体绩效目标表
    pub department: Option<crate::forms::target::TargetDoc>,
    /// 项目支出绩效目标表（涉密项目不公开）
    #[serde(deserialize_with = "crate::cell::rows")]
    pub projects: Vec<crate::forms::target::TargetDoc>,
}

/// What the 说明 states beside the tables. Each line's 本年数 comes from the tables (its
/// `amount` is left blank); its 上年预算数 (or 增减额) and reason are typed, 占比 and 增减率 are
/// computed.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Notes {
    /// 二、收入：一般公共预算（一般财力）
    pub general: NoteLine,
    /// 上级一般公共预算安排的转移支付资金
    pub general_transfer: NoteLine,
    /// 政府性基金预算
    pub fund: NoteLine,
    /// 上级政府性基金安排的转移支付资金
    pub fund_transfer: NoteLine,
    /// 国有资本经营预算
    pub capital: NoteLine,
    /// 上级国有资本经营预算安排的转移支付资金
    pub capital_transfer: NoteLine,
    /// 财政专户管理资金
    pub special: NoteLine,
    /// 单位资金
    pub unit_funds: NoteLine,
    /// 财政拨款结转
    pub carried_fiscal: NoteLine,
    /// 非财政拨款结转结余
    pub carried_nonfiscal: NoteLine,
    /// 三、支出：基本支出（表3）
    pub basic: NoteLine,
    /// 项目支出（表3）
    pub projects: NoteLine,
    /// 五（一）一般公共预算当年拨款：基本支出（表5）
    pub general_basic: NoteLine,
    /// 项目支出（表5）
    pub general_projects: NoteLine,
    /// 十、“三公”经费合计（表10）
    pub three_total: NoteLine,
    /// 因公出国（境）费
    pub three_abroad: NoteLine,
    /// 公务用车购置费
    pub three_car_purchase: NoteLine,
    /// 公务用车运行费
    pub three_car_running: NoteLine,
    /// 公务接待费
    pub three_reception: NoteLine,
    /// 十二（一）机关运行经费财政拨款预算（本年数填在 amount）
    pub running: NoteLine,
    /// 十二（二）政府采购预算
    pub procurement: Procurement,
    /// 十二（三）国有资产占用使用情况
    pub assets: Assets,
    /// 十二（四）非财政拨款项目涉及预算金额（财政拨款项目的取自表7、表8、表9）
    pub nonfiscal_projects: Cell,
}

/// A line of the 说明 (the 决算说明's line: 本年数, 占比, 上年数, 增减额, 增减率, 原因).
pub type NoteLine = crate::forms::final_accounts::Line;

/// 十二（二）政府采购预算 = 货物 + 工程 + 服务.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Procurement {
    /// 政府采购预算
    pub total: Cell,
    /// 政府采购货物预算
    pub goods: Cell,
    /// 政府采购工程预算
    pub works: Cell,
    /// 政府采购服务预算
    pub services: Cell,
    /// 面向中小企业预留政府采购项目预算金额
    pub sme: Cell,
    /// 其中：小微企业预留
    pub small: Cell,
}

/// 十二（三）国有资产：截至上年底的房屋、车辆（按用途）、办公家具与其他资产.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Assets {
    /// 房屋（平方米）
    pub house_area: Cell,
    /// 房屋价值（万元）
    pub house_value: Cell,
    /// 车辆（辆）
    pub cars: Cell,
    /// 车辆价值
    pub cars_value: Cell,
    /// 一般公务用车（辆）
    pub official_cars: Cell,
    pub official_value: Cell,
    /// 执法执勤用车（辆）
    pub enforcement_cars: Cell,
    pub enforcement_value: Cell,
    /// 其他车辆（辆）
    pub other_cars: Cell,
    pub other_value: Cell,
    /// 办公家具价值
    pub furniture: Cell,
    /// 其他资产价值
    pub other: Cell,
    /// 单位价值 50 万元以上大型设备（台）
    pub equipment_50: Cell,
    /// 单位价值 100 万元以上大型设备（台），是 50 万元以上的一部分
    pub equipment_100: Cell,
    /// 本年预算安排的购置车辆经费（万元）；空白时取表10 公务用车购置费
    pub planned_cars: Cell,
    /// 本年安排购置 50 万元以上大型设备（台）
    pub planned_equipment_50: Cell,
    /// 本年安排购置单位价值 100 万元以上大型设备（台）
    pub planned_equipment_100: Cell,
}

/// A table of 科目 rows with its 总计 row.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Table {
    /// 总计（合计）行
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub total: Line,
    /// the rows in the printed order: a 类 before its 款, a 款 before its 项 (表7, 表11: a 单位
    /// before its rows)
    #[serde(deserialize_with = "crate::cell::rows")]
    pub rows: Vec<Row>,
}

/// A fixed line, boxed: a table's reader then moves pointers, not 38 cells per line (the
/// readers' stack frames would otherwise hold every line of 表1 at once).
pub type Line = Box<Row>;

/// One row of a table: its 科目 as printed in split columns (or the whole code in `class`), its
/// name, the project of 表7, and its amounts by column (万元). A table uses the columns it prints.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Row {
    /// 科目编码：类（也可填完整编码，如 2150502）
    #[serde(skip_serializing_if = "empty")]
    pub class: Cell,
    /// 款
    #[serde(skip_serializing_if = "empty")]
    pub section: Cell,
    /// 项
    #[serde(skip_serializing_if = "empty")]
    pub item: Cell,
    /// 科目名称（留空时按编码取得）；表7、表11 的单位名称；表11 的项目
    #[serde(skip_serializing_if = "empty")]
    pub name: Cell,
    /// 表7 项目名称
    #[serde(skip_serializing_if = "empty")]
    pub project: Cell,
    /// 合计（总计、预算数）
    #[serde(skip_serializing_if = "empty")]
    pub sum: Cell,
    /// 表2 财政拨款（补助）小计
    #[serde(skip_serializing_if = "empty")]
    pub fiscal: Cell,
    /// 一般公共预算
    #[serde(skip_serializing_if = "empty")]
    pub general: Cell,
    /// 上级一般公共预算安排的转移支付
    #[serde(skip_serializing_if = "empty")]
    pub general_transfer: Cell,
    /// 政府性基金预算
    #[serde(skip_serializing_if = "empty")]
    pub fund: Cell,
    /// 上级政府性基金安排的转移支付
    #[serde(skip_serializing_if = "empty")]
    pub fund_transfer: Cell,
    /// 国有资本经营预算
    #[serde(skip_serializing_if = "empty")]
    pub capital: Cell,
    /// 上级国有资本经营预算安排的转移支付
    #[serde(skip_serializing_if = "empty")]
    pub capital_transfer: Cell,
    /// 财政专户管理资金（教育收费）
    #[serde(skip_serializing_if = "empty")]
    pub special: Cell,
    /// 单位资金
    #[serde(skip_serializing_if = "empty")]
    pub unit_funds: Cell,
    /// 财政拨款结转
    #[serde(skip_serializing_if = "empty")]
    pub carried_fiscal: Cell,
    /// 非财政拨款结转结余
    #[serde(skip_serializing_if = "empty")]
    pub carried_nonfiscal: Cell,
    /// 基本支出
    #[serde(skip_serializing_if = "empty")]
    pub basic: Cell,
    /// 项目支出
    #[serde(skip_serializing_if = "empty")]
    pub projects: Cell,
    /// 人员经费
    #[serde(skip_serializing_if = "empty")]
    pub personnel: Cell,
    /// 公用经费
    #[serde(skip_serializing_if = "empty")]
    pub public: Cell,
    /// 表7 工资福利支出
    #[serde(skip_serializing_if = "empty")]
    pub wages: Cell,
    /// 商品和服务支出
    #[serde(skip_serializing_if = "empty")]
    pub goods: Cell,
    /// 对个人和家庭的补助
    #[serde(skip_serializing_if = "empty")]
    pub households: Cell,
    /// 债务利息及费用支出
    #[serde(skip_serializing_if = "empty")]
    pub debt: Cell,
    /// 资本性支出（基本建设）
    #[serde(skip_serializing_if = "empty")]
    pub capital_build: Cell,
    /// 资本性支出
    #[serde(skip_serializing_if = "empty")]
    pub capital_other: Cell,
    /// 对企业补助（基本建设）
    #[serde(skip_serializing_if = "empty")]
    pub enterprise_build: Cell,
    /// 对企业补助
    #[serde(skip_serializing_if = "empty")]
    pub enterprise: Cell,
    /// 对社会保障基金补助
    #[serde(skip_serializing_if = "empty")]
    pub social: Cell,
    /// 其他支出
    #[serde(skip_serializing_if = "empty")]
    pub other: Cell,
    /// 表11 非财政拨款小计
    #[serde(skip_serializing_if = "empty")]
    pub nonfiscal: Cell,
    /// 表11 财政拨款：人员经费
    #[serde(skip_serializing_if = "empty")]
    pub fiscal_personnel: Cell,
    /// 财政拨款：公用经费
    #[serde(skip_serializing_if = "empty")]
    pub fiscal_public: Cell,
    /// 财政拨款：项目支出
    #[serde(skip_serializing_if = "empty")]
    pub fiscal_projects: Cell,
    /// 非财政拨款：人员经费
    #[serde(skip_serializing_if = "empty")]
    pub nonfiscal_personnel: Cell,
    /// 非财政拨款：公用经费
    #[serde(skip_serializing_if = "empty")]
    pub nonfiscal_public: Cell,
    /// 非财政拨款：项目支出
    #[serde(skip_serializing_if = "empty")]
    pub nonfiscal_projects: Cell,
    /// 说明用（不在公开表中）：表5 的 项 的上年预算数
    #[serde(skip_serializing_if = "empty")]
    pub previous: Cell,
    /// 说明用：比上年增减额（减少为负数，也可写“减少30.44”；填了上年预算数时由此算出）
    #[serde(skip_serializing_if = "empty")]
    pub change: Cell,
    /// 说明用：增减率（%）
    #[serde(skip_serializing_if = "empty")]
    pub rate: Cell,
    /// 说明用：增减的主要原因
    #[serde(skip_serializing_if = "empty")]
    pub reason: Cell,
    /// 说明用：主要用于（表5 的 类，表11 的项目）
    #[serde(skip_serializing_if = "empty")]
    pub uses: Cell,
    /// 说明用：表7 项目的设立的政策依据
    #[serde(skip_serializing_if = "empty")]
    pub basis: Cell,
    /// 说明用：表7 项目的资金分配情况
    #[serde(skip_serializing_if = "empty")]
    pub allocation: Cell,
    /// 说明用：表7 项目的资金执行时间
    #[serde(skip_serializing_if = "empty")]
    pub period: Cell,
}

/// 表1 部门收支总体情况表: the income lines as printed (each line's amount in `sum`), the spending
/// by 功能分类 类.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Overview {
    /// 一、本年收入
    pub income: Line,
    /// 1.一般公共预算拨款
    pub general: Line,
    /// 其中：一般财力
    pub general_own: Line,
    /// 上级一般公共预算安排转移支付
    pub general_transfer: Line,
    /// 2.政府性基金预算拨款
    pub fund: Line,
    /// 其中：政府性基金收入
    pub fund_own: Line,
    /// 上级政府性基金安排转移支付
    pub fund_transfer: Line,
    /// 3.国有资本经营预算拨款
    pub capital: Line,
    /// 其中：国有资本经营收入
    pub capital_own: Line,
    /// 上级国有资本经营预算安排转移支付
    pub capital_transfer: Line,
    /// 4.财政专户核拨
    pub special: Line,
    /// 5.单位资金
    pub unit_funds: Line,
    /// 其中：事业收入
    pub business: Line,
    /// 上级补助收入
    pub superior: Line,
    /// 附属单位上缴收入
    pub affiliated: Line,
    /// 事业单位经营收入
    pub operating: Line,
    /// 其他收入
    pub other: Line,
    /// 二、上年结转结余
    pub carried: Line,
    /// 1.财政拨款结转
    pub carried_fiscal: Line,
    /// 其中：一般公共预算拨款
    pub carried_general: Line,
    /// 政府性基金预算拨款
    pub carried_fund: Line,
    /// 国有资本经营预算拨款
    pub carried_capital: Line,
    /// 2.非财政拨款结转结余
    pub carried_nonfiscal: Line,
    /// 其中：财政专户核拨
    pub carried_special: Line,
    /// 单位资金
    pub carried_unit: Line,
    /// 收入总计
    pub income_total: Line,
    /// 支出：按功能分类 类
    #[serde(deserialize_with = "crate::cell::rows")]
    pub rows: Vec<Row>,
    /// 支出总计
    pub expenditure_total: Line,
}

/// 表4 财政拨款收支预算总体情况表.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct FiscalOverview {
    /// 一、财政拨款（补助）
    pub fiscal: Line,
    /// 一般公共预算
    pub general: Line,
    /// 政府性基金预算
    pub fund: Line,
    /// 国有资本经营预算
    pub capital: Line,
    /// 收入总计
    pub income_total: Line,
    /// 支出：按功能分类 类（合计、一般公共预算、政府性基金预算、国有资本经营预算）
    #[serde(deserialize_with = "crate::cell::rows")]
    pub rows: Vec<Row>,
    /// 支出总计
    pub expenditure_total: Line,
}

/// 表10 财政拨款“三公”经费支出情况表 (合计、一般公共预算、政府性基金、国有资本经营预算 in
/// each line).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct ThreeCosts {
    /// 合计
    pub total: Line,
    /// 因公出国（境）费
    pub abroad: Line,
    /// 公务接待费
    pub reception: Line,
    /// 公务用车购置及运行费（小计）
    pub car: Line,
    /// 其中：公务用车购置费
    pub car_purchase: Line,
    /// 公务用车运行费
    pub car_running: Line,
}

pub fn evaluate(d: &BudgetDoc, policy: &Policy) -> Evaluation {
    let mut sheet = Sheet::new(policy);
    let checked = tables::check_all(&mut sheet, d);
    cross::check(&mut sheet, d, &checked);
    targets::check(&mut sheet, d, &checked);
    // the 说明: its own figures, then the text written from them and read back
    let mut a = Accounts { sheet };
    explanation::figures(&mut a, d, &checked);
    let marked = explanation::write(d, &checked, &a.sheet);
    let text = prose::check_back(&mut a.sheet, "explanation", marked, policy, "预算情况说明");
    a.sheet.set(Path::field("explanation"), Shown::Text(text));
    let mut sheet = a.sheet;
    // a cell read twice reports its unreadable text once
    let mut seen = rustc_hash::FxHashSet::default();
    sheet.findings.retain(|f| seen.insert((f.code, f.path.clone(), f.message.clone())));
    let summary = review::write(d, &checked, &sheet);
    sheet.set(Path::field("review"), Shown::Text(summary));
    let (unit, year) = (d.unit.trim(), d.year.trim());
    let title = format!("{unit}{}", if year.is_empty() { String::new() } else { format!("（{year}年部门预算公开）") });
    Evaluation::new(KIND, Summary { title, ..Summary::default() }, sheet)
}

/// A 预算公开 with its 绩效目标表 files put in (`jiaohe package`): a 部门整体 table replaces the
/// one it has, project tables are added after its own. Anything else is refused by name.
pub fn assemble(mut d: BudgetDoc, members: Vec<(String, crate::Document)>) -> Result<BudgetDoc, String> {
    for (name, m) in members {
        match m {
            crate::Document::DepartmentTarget(t) => d.targets.department = Some(t),
            crate::Document::ProjectTarget(t) => d.targets.projects.push(t),
            other => return Err(format!("{name}：是{}，预算公开只能汇入部门整体绩效目标表和项目支出绩效目标表", other.title())),
        }
    }
    Ok(d)
}

/// The 自评表 a 绩效目标表 of the disclosure becomes: project `i`'s, or (None) the 部门整体 one.
/// A project's 上年结转 (表11) goes on its own funds line, and the disclosing 部门 is its 主管部门.
pub fn self_evaluation(d: &BudgetDoc, project: Option<usize>) -> Result<crate::Document, String> {
    use crate::forms::target;
    let Some(i) = project else {
        let dep = d.targets.department.as_ref().ok_or("本预算公开没有部门整体绩效目标表")?;
        return target::self_evaluation(target::DEPARTMENT, dep, "", None).ok_or_else(|| "无法转换".to_string());
    };
    let p = d.targets.projects.get(i).ok_or_else(|| format!("本预算公开只有 {} 张项目支出绩效目标表，没有第 {} 张", d.targets.projects.len(), i + 1))?;
    let policy = Policy::default();
    let mut scratch = Sheet::new(&policy);
    let checked = tables::check_all(&mut scratch, d);
    let m = targets::matched(&mut scratch, i, p, &targets::projects(&checked.projects), &targets::projects(&checked.carried));
    let carried = m.t11.map(|(_, v)| v).filter(|_| m.t7.is_some());
    target::self_evaluation(target::PROJECT, p, d.unit.trim(), carried).ok_or_else(|| "无法转换".to_string())
}

/// A place in the document: a fixed line's column (`summary.general.sum`) or a row's.
pub(crate) fn at(prefix: &'static str, field: &'static str) -> Path {
    Path::nested(prefix, field)
}
