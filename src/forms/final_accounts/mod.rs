//! Form D, 部门决算 情况说明 (SPEC §6 D): the figures the explanation's eleven sections cite, in
//! their official order — every 占比, 增减额, 增长率/下降率, 预决算差异率 and 完成预算% computed,
//! every identity checked (尾差 told apart from errors) — and the explanation itself written from
//! the checked figures in the published wording (`explanation.rs`), then read back by the text
//! checker so the text and the form cannot disagree.

mod explanation;
mod tables;

use super::subjects::{self, Subject};
use super::{prose, Path, Sheet, Shown};
use crate::cell::Cell;
use crate::finding::{Code, Finding, Severity};
use crate::number::{self, compare_total, fmt_amount, fmt_rate, rate_reachable, Agreement, Figure};
use crate::policy::Policy;
use crate::{Evaluation, Summary};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

const KIND: &str = "final_accounts";

/// The figures a 部门决算 情况说明 cites, section by section.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct FinalAccountsDoc {
    /// 格式版本 (1)
    pub version: Cell,
    pub year: Cell,
    /// 部门（单位）名称，如“乌鲁木齐市工业和信息化局（汇总）”
    pub unit: Cell,
    /// 说明中的自称：我部门 / 我单位
    pub we: Cell,
    /// 一、收入支出决算总体情况
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub overall: AccountsOverall,
    /// 二、收入决算情况
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub income: AccountsIncome,
    /// 三、支出决算情况
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub expenditure: AccountsExpenditure,
    /// 四、财政拨款收入支出决算总体情况
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub fiscal: Appropriation,
    /// 五、一般公共预算财政拨款支出决算情况
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub general: GeneralBudget,
    /// 六、一般公共预算财政拨款基本支出决算情况
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub basic: BasicSpending,
    /// 七、财政拨款“三公”经费支出决算情况
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub three: ThreeCosts,
    /// 八、政府性基金预算财政拨款收入支出决算情况
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub fund: Appropriation,
    /// 九、国有资本经营预算财政拨款收入支出决算情况
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub capital: Appropriation,
    /// 十（一）机关运行经费
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub operation: OperatingCosts,
    /// 十（二）政府采购
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub procurement: Procurement,
    /// 十（三）国有资产占用
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub assets: StateAssets,
    /// 十一、预算绩效
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub performance: PerformanceManagement,
    /// 决算公开表 as pasted: their figures fill the blank cells and lists above
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub tables: PublishedTables,
}

/// The 部门决算公开表 pasted from Excel / WPS, one text each (表四 is not read yet).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct PublishedTables {
    /// 表一 收入支出决算总表
    pub summary: Cell,
    /// 表二 收入决算表
    pub income: Cell,
    /// 表三 支出决算表
    pub expenditure: Cell,
    /// 表五 一般公共预算财政拨款支出决算表
    pub general: Cell,
    /// 表六 一般公共预算财政拨款基本支出决算表
    pub basic: Cell,
    /// 表七 财政拨款“三公”经费支出决算表
    pub three: Cell,
    /// 表八 政府性基金预算财政拨款收入支出决算表
    pub fund: Cell,
    /// 表九 国有资本经营预算财政拨款收入支出决算表
    pub capital: Cell,
}

/// A line inside a section, boxed: a section's reader then moves and drops pointers, not eleven
/// cells per line at every exit (which made the sections' readers most of this form's wasm).
pub type Line = Box<AccountsLine>;

/// One figure and what the explanation says of it: its 占比, its change on last year with the
/// reason, its budget with the 预决算差异率 (or 完成预算%) and the reason. A row of a list also
/// names its 科目.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct AccountsLine {
    /// 科目：功能分类或经济分类的编码和/或名称（列表中的行）
    pub subject: Cell,
    /// 科目名称（留空时按编码从科目表取得）
    pub name: Cell,
    /// 本年数（决算数）
    pub amount: Cell,
    /// 占比（%）
    pub share: Cell,
    /// 上年数
    pub previous: Cell,
    /// 增减额（减少为负数，也可写“减少8,214.09”）
    pub change: Cell,
    /// 增减率（%，下降为负数）
    pub rate: Cell,
    /// 增减的主要原因
    pub reason: Cell,
    /// 预算数（年初预算数；三公为全年预算数）
    pub budget: Cell,
    /// 预决算差异率（%）
    pub variance: Cell,
    /// 完成预算（%）
    pub completion: Cell,
    /// 预决算差异的主要原因
    pub variance_reason: Cell,
}

/// 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余; 支出总计 = 本年支出合计 +
/// 结余分配 + 年末结转和结余; 收入总计 = 支出总计.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct AccountsOverall {
    pub income_total: Cell,
    pub income: Cell,
    pub nonfiscal: Cell,
    pub carried_in: Cell,
    pub expenditure_total: Cell,
    pub expenditure: Cell,
    pub distribution: Cell,
    pub carried_out: Cell,
    /// 收入支出总体与上年相比
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub trend: Line,
}

/// 本年收入 by source, each with its 占比.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct AccountsIncome {
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub total: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub fiscal: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub superior: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub business: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub operating: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub affiliated: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub other: Line,
}

/// 本年支出 by kind, each with its 占比.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct AccountsExpenditure {
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub total: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub basic: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub project: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub superior: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub operating: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub affiliated: Line,
}

/// 财政拨款 (四), 政府性基金 (八) or 国有资本经营 (九): 收入总计 = 年初结转和结余 + 本年收入 =
/// 支出总计 = 年末结转和结余 + 本年支出; the 总计 against last year and against the 年初预算;
/// the spending by 科目 (八, 九).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Appropriation {
    /// 收入总计 (amount), its change on last year and its 年初预算 (决算数 = 总计)
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub total: Line,
    pub carried_in: Cell,
    pub income: Cell,
    pub total_out: Cell,
    pub carried_out: Cell,
    pub spent: Cell,
    #[serde(deserialize_with = "crate::cell::rows")]
    pub items: Vec<AccountsLine>,
}

/// 一般公共预算财政拨款支出: the total with its share of 本年支出合计, by 类 with 占比, by 项.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct GeneralBudget {
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub total: Line,
    #[serde(deserialize_with = "crate::cell::rows")]
    pub classes: Vec<AccountsLine>,
    #[serde(deserialize_with = "crate::cell::rows")]
    pub items: Vec<AccountsLine>,
}

/// 基本支出 = 人员经费 + 公用经费, with what each includes; by 经济分类 when the table is given.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct BasicSpending {
    pub total: Cell,
    pub personnel: Cell,
    /// 人员经费包括（留空时按经济分类各款写出）
    pub personnel_items: Cell,
    pub public: Cell,
    /// 公用经费包括
    pub public_items: Cell,
    /// 一般公共预算财政拨款基本支出决算表：经济分类 类/款 and amounts
    #[serde(deserialize_with = "crate::cell::rows")]
    pub economic: Vec<AccountsLine>,
}

/// 三公: 合计 = 因公出国（境）+ 公务用车购置及运行维护 + 公务接待; 公务用车 = 购置 + 运行维护;
/// each with 占比, change, 全年预算 and 差异率; and the counts.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct ThreeCosts {
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub total: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub abroad: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub car: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub car_purchase: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub car_running: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub reception: Line,
    /// 因公出国（境）费开支内容
    pub abroad_content: Cell,
    /// 因公出国（境）团组（个）
    pub groups: Cell,
    /// 因公出国（境）人次
    pub travellers: Cell,
    /// 公务用车运行维护费开支内容
    pub car_content: Cell,
    /// 公务用车购置数（辆）
    pub cars_bought: Cell,
    /// 公务用车保有量（辆）
    pub fleet: Cell,
    /// 国有资产占用情况中固定资产车辆（辆；留空取“国有资产”中的车辆数）
    pub asset_vehicles: Cell,
    /// 与公务用车保有量差异原因
    pub fleet_reason: Cell,
    /// 公务接待费开支内容
    pub reception_content: Cell,
    /// 国内公务接待批次
    pub batches: Cell,
    /// 国内公务接待人次
    pub guests: Cell,
}

/// 机关运行经费 (行政单位和参照公务员法管理事业单位) and the 公用经费 of 事业单位, each
/// against last year.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct OperatingCosts {
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub admin: Line,
    #[serde(deserialize_with = "crate::cell::or_empty")]
    pub institution: Line,
}

/// 政府采购支出总额 = 货物 + 工程 + 服务; 授予中小企业 / 小微企业合同金额 with 占比.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct Procurement {
    pub total: Cell,
    pub goods: Cell,
    pub works: Cell,
    pub services: Cell,
    pub sme: Cell,
    pub sme_share: Cell,
    pub small: Cell,
    pub small_share: Cell,
}

/// 国有资产占用: 车辆 by use sums to the 车辆 total.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct StateAssets {
    /// 固定资产原值（万元）
    pub original: Cell,
    /// 房屋（平方米）
    pub building_area: Cell,
    pub building_value: Cell,
    /// 车辆（辆）
    pub vehicles: Cell,
    pub vehicles_value: Cell,
    /// 副部（省）级及以上领导用车
    pub leader: Cell,
    /// 主要负责人用车
    pub head: Cell,
    /// 机要通信用车
    pub confidential: Cell,
    /// 应急保障用车
    pub emergency: Cell,
    /// 执法执勤用车
    pub enforcement: Cell,
    /// 特种专业技术用车
    pub special: Cell,
    /// 离退休干部服务用车
    pub retired: Cell,
    /// 其他用车
    pub other: Cell,
    /// 其他用车主要是
    pub other_use: Cell,
    /// 单价100万元（含）以上设备（不含车辆），台（套）
    pub equipment: Cell,
}

/// 预算绩效: the 整体 table(s) and the evaluated projects with their totals.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default)]
pub struct PerformanceManagement {
    /// 整体支出绩效自评表（个）
    pub tables: Cell,
    /// 全年预算总额
    pub budget: Cell,
    /// 实际执行总额
    pub executed: Cell,
    /// 预算绩效评价项目（个）
    pub projects: Cell,
    /// 项目全年预算数
    pub project_budget: Cell,
    /// 项目全年执行数
    pub project_executed: Cell,
    /// 预算绩效管理取得的成效
    pub achievements: Cell,
    /// 发现的问题及原因
    pub problems: Cell,
    /// 下一步改进措施
    pub improvements: Cell,
}

/// The paths of a line's cells.
#[derive(Debug, Clone, Copy)]
pub(crate) struct At {
    pub name: Path,
    pub amount: Path,
    pub share: Path,
    pub previous: Path,
    pub change: Path,
    pub rate: Path,
    pub budget: Path,
    pub variance: Path,
    pub completion: Path,
}

impl At {
    pub const fn row(list: &'static str, i: usize) -> At {
        At {
            name: Path::row(list, i, "name"),
            amount: Path::row(list, i, "amount"),
            share: Path::row(list, i, "share"),
            previous: Path::row(list, i, "previous"),
            change: Path::row(list, i, "change"),
            rate: Path::row(list, i, "rate"),
            budget: Path::row(list, i, "budget"),
            variance: Path::row(list, i, "variance"),
            completion: Path::row(list, i, "completion"),
        }
    }
}

/// The paths of a fixed line's cells: `line_at!(three.abroad)` names `three.abroad.amount`, ….
macro_rules! line_at {
    ($($p:ident).+) => {
        At {
            name: Path::field(concat!($(stringify!($p), ".",)+ "name")),
            amount: Path::field(concat!($(stringify!($p), ".",)+ "amount")),
            share: Path::field(concat!($(stringify!($p), ".",)+ "share")),
            previous: Path::field(concat!($(stringify!($p), ".",)+ "previous")),
            change: Path::field(concat!($(stringify!($p), ".",)+ "change")),
            rate: Path::field(concat!($(stringify!($p), ".",)+ "rate")),
            budget: Path::field(concat!($(stringify!($p), ".",)+ "budget")),
            variance: Path::field(concat!($(stringify!($p), ".",)+ "variance")),
            completion: Path::field(concat!($(stringify!($p), ".",)+ "completion")),
        }
    };
}

pub(crate) use line_at;

/// The fixed lines, named once for the checks and the text.
pub(crate) mod lines {
    use super::At;
    use crate::forms::Path;
    pub const TREND: At = line_at!(overall.trend);
    pub const INCOME: [(At, &str); 7] = [
        (line_at!(income.total), "本年收入合计"),
        (line_at!(income.fiscal), "财政拨款收入"),
        (line_at!(income.superior), "上级补助收入"),
        (line_at!(income.business), "事业收入"),
        (line_at!(income.operating), "经营收入"),
        (line_at!(income.affiliated), "附属单位上缴收入"),
        (line_at!(income.other), "其他收入"),
    ];
    pub const EXPENDITURE: [(At, &str); 6] = [
        (line_at!(expenditure.total), "本年支出合计"),
        (line_at!(expenditure.basic), "基本支出"),
        (line_at!(expenditure.project), "项目支出"),
        (line_at!(expenditure.superior), "上缴上级支出"),
        (line_at!(expenditure.operating), "经营支出"),
        (line_at!(expenditure.affiliated), "对附属单位补助支出"),
    ];
    pub const FISCAL: At = line_at!(fiscal.total);
    pub const FUND: At = line_at!(fund.total);
    pub const CAPITAL: At = line_at!(capital.total);
    pub const GENERAL: At = line_at!(general.total);
    pub const THREE: [(At, &str); 6] = [
        (line_at!(three.total), "“三公”经费"),
        (line_at!(three.abroad), "因公出国（境）费"),
        (line_at!(three.car), "公务用车购置及运行维护费"),
        (line_at!(three.car_purchase), "公务用车购置费"),
        (line_at!(three.car_running), "公务用车运行维护费"),
        (line_at!(three.reception), "公务接待费"),
    ];
    pub const ADMIN: At = line_at!(operation.admin);
    pub const INSTITUTION: At = line_at!(operation.institution);
}

/// "减少8,214.09" → -8214.09; "增长17.57%" → 17.57: the words of a change as its sign.
fn signed(text: &str) -> (i8, &str) {
    let t = text.trim();
    for (w, s) in [("增加", 1), ("增长", 1), ("上升", 1), ("提高", 1), ("减少", -1), ("下降", -1), ("降低", -1), ("减", -1), ("增", 1)] {
        if let Some(rest) = t.strip_prefix(w) {
            return (s, rest);
        }
    }
    (0, t)
}

/// What a total adds up: 万元 or a count (辆).
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Unit {
    Amount,
    Count,
}

impl Unit {
    fn show(self, d: Decimal) -> Shown {
        match self {
            Unit::Amount => Shown::Amount(d),
            Unit::Count => Shown::Count(d),
        }
    }
}

pub(crate) fn figure(v: Decimal) -> Figure {
    Figure { value: v, decimals: 2 }
}

pub(crate) struct Accounts<'p> {
    pub sheet: Sheet<'p>,
}

impl Accounts<'_> {
    fn parsed(&mut self, path: Path, text: &str, r: Result<Option<Figure>, number::NumberError>, show: fn(Decimal) -> Shown) -> Option<Figure> {
        match r {
            Ok(Some(f)) => {
                self.sheet.set(path, show(f.value));
                Some(f)
            }
            Ok(None) => None,
            Err(number::NumberError(msg)) => {
                self.sheet.push(Finding::new(Code::ValueUnparseable, Severity::Error, path, msg).values(Some(text.to_string()), None));
                None
            }
        }
    }

    pub(crate) fn amount(&mut self, text: &Cell, path: Path) -> Option<Figure> {
        self.parsed(path, text, number::parse_amount(text), Shown::Amount)
    }

    /// A count (辆, 个, 人次, 批次, 台套): a whole number, its unit word allowed after it.
    pub(crate) fn count(&mut self, text: &Cell, path: Path) -> Option<Figure> {
        let t = number::normalize(text);
        let bare = t.trim_end_matches(|c: char| "辆个人次批台套家名".contains(c) || c == '（' || c == '）' || c == '(' || c == ')').trim();
        if number::is_not_applicable(bare) {
            return None;
        }
        match number::parse_decimal(bare) {
            Some(f) if f.value.fract().is_zero() && !f.value.is_sign_negative() && bare.len() <= 12 => {
                self.sheet.set(path, Shown::Count(f.value.normalize()));
                Some(Figure { value: f.value.normalize(), decimals: 0 })
            }
            _ => {
                let m = format!("无法识别“{}”为数量：应为不小于 0 的整数，如 12 或 12辆", text.trim());
                self.sheet.push(Finding::new(Code::ValueUnparseable, Severity::Error, path, m).values(Some(text.to_string()), None));
                None
            }
        }
    }

    /// A rate cell, with the words of a change as its sign.
    fn signed_rate(&mut self, text: &Cell, path: Path) -> Option<Figure> {
        let (s, rest) = signed(text);
        let f = self.sheet.rate(path, rest)?;
        Some(if s < 0 { Figure { value: -f.value.abs(), ..f } } else { f })
    }

    /// A total typed in a cell against the sum of its parts; see `sum`.
    pub(crate) fn total(&mut self, text: &Cell, path: Path, label: &str, parts: &[(&str, Option<Figure>)], unit: Unit) -> Option<Figure> {
        let stated = match unit {
            Unit::Amount => self.amount(text, path),
            Unit::Count => self.count(text, path),
        };
        self.sum(stated, path, label, parts, unit)
    }

    /// A stated total against the sum of its parts. The figure to use, shown at `path`, is the
    /// stated one when it agrees (a 尾差 is the published tables' own rounding, kept as printed),
    /// else the sum.
    pub(crate) fn sum(&mut self, stated: Option<Figure>, path: Path, label: &str, parts: &[(&str, Option<Figure>)], unit: Unit) -> Option<Figure> {
        let show = |d| unit.show(d);
        if parts.is_empty() || parts.iter().any(|p| p.1.is_none()) {
            return stated;
        }
        let values: Vec<Decimal> = parts.iter().filter_map(|p| p.1).map(|f| f.value).collect();
        let sum = number::total(&values);
        let Some(st) = stated else {
            self.sheet.set(path, show(sum));
            return Some(figure(sum));
        };
        let how = || {
            if parts.len() > 6 {
                format!("所列 {} 项之和", parts.len())
            } else {
                parts
                    .iter()
                    .map(|(l, f)| {
                        let v = show(f.map(|f| f.value).unwrap_or_default());
                        if l.is_empty() { v.to_string() } else { format!("{l} {v}") }
                    })
                    .collect::<Vec<_>>()
                    .join(" + ")
            }
        };
        self.sheet.set(path, show(st.value));
        match compare_total(st.value, sum, parts.len(), self.sheet.policy.rounding_tolerance) {
            Agreement::Equal => Some(st),
            Agreement::Tail => {
                let (s, c) = (show(st.value).to_string(), show(sum).to_string());
                self.sheet.push(Finding::new(Code::SumTail, Severity::Info, path, format!("{label}填写为 {s}，按 {} 计算为 {c}，只差尾差，可不改动", how())).values(Some(s), Some(c)));
                Some(st)
            }
            Agreement::Mismatch => {
                let (s, c) = (show(st.value).to_string(), show(sum).to_string());
                self.sheet.push(Finding::new(Code::SumMismatch, Severity::Error, path, format!("{label}应为 {c}（{}），填写为 {s}", how())).values(Some(s), Some(c)));
                self.sheet.set(path, show(sum));
                Some(figure(sum))
            }
        }
    }

    /// Two places that state the same figure.
    fn same(&mut self, path: Path, a: Option<Figure>, b: Option<Figure>, what: &str) {
        if let (Some(a), Some(b)) = (a, b) {
            if a.value != b.value {
                let m = format!("{what}：{} 与 {} 不一致，请核对后两处填写同一个数", fmt_amount(a.value), fmt_amount(b.value));
                self.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Error, path, m).values(Some(fmt_amount(a.value)), Some(fmt_amount(b.value))));
            }
        }
    }

    /// A stated percentage `num / den × 100 − offset` (占比; 完成预算%; with an offset of 100 the
    /// 预决算差异率 and 增长率 as 决算数 / 预算数 − 1, so each input keeps its own rounding
    /// interval); returns the computed one, which is what the explanation states.
    pub(crate) fn percent(&mut self, stated: Option<Figure>, path: Path, label: &str, (num, den): (Figure, Figure), offset: Decimal, how: &str) -> Option<Decimal> {
        // 0 of 0 is written 0.00% (占0.00%, 差异率0.00%)
        let r = if num.value.is_zero() && den.value.is_zero() { Some(Decimal::ZERO) } else { number::percent(num.value, den.value).map(|r| number::sub(r, offset)) };
        let Some(r) = r else {
            if let Some(s) = stated {
                // what was typed is kept for the text; it cannot be checked
                self.sheet.set(path, Shown::Rate(s.value));
                if !s.value.is_zero() {
                    let m = format!("{label}填写为 {}%，但{how}为 0，无法计算：请核对{how}", s.value);
                    self.sheet.push(Finding::new(Code::ShareMismatch, Severity::Error, path, m).values(Some(format!("{}%", s.value)), None));
                }
            }
            return None;
        };
        self.sheet.set(path, Shown::Rate(r));
        if let Some(s) = stated.filter(|s| s.value != r) {
            let ok = !den.value.is_zero() && rate_reachable(Figure { value: number::add(s.value, offset), ..s }, num, den);
            let h = if offset.is_zero() { format!("{} ÷ {}", fmt_amount(num.value), fmt_amount(den.value)) } else { format!("{} ÷ {} − 1", fmt_amount(num.value), fmt_amount(den.value)) };
            let message = if ok {
                format!("{label}填写为 {}%，按 {h} 计算为 {}，差异在四舍五入范围内，可不改动", s.value, fmt_rate(r))
            } else {
                format!("{label}应为 {}（{h}），填写为 {}%", fmt_rate(r), s.value)
            };
            let code = if ok { Code::RateTail } else { Code::ShareMismatch };
            self.sheet.push(Finding::new(code, if ok { Severity::Info } else { Severity::Error }, path, message).values(Some(format!("{}%", s.value)), Some(fmt_rate(r))));
        }
        Some(r)
    }

    pub(crate) fn share(&mut self, line: &AccountsLine, at: At, label: &str, part: Option<Figure>, base: Option<Figure>, base_label: &str) -> Option<Decimal> {
        let stated = self.sheet.rate(at.share, &line.share);
        match (part, base) {
            (Some(p), Some(b)) => self.percent(stated, at.share, &format!("{label}占{base_label}的比例"), (p, b), Decimal::ZERO, base_label),
            _ => {
                if let Some(s) = stated {
                    self.sheet.set(at.share, Shown::Rate(s.value));
                }
                stated.map(|s| s.value)
            }
        }
    }

    /// 增减额 and 增减率 on last year: from 上年数 when given, else the stated change (上年数 =
    /// 本年数 − 增减额). The reason is asked for when the figure moved.
    pub(crate) fn trend(&mut self, line: &AccountsLine, at: At, label: &str, current: Option<Figure>) {
        self.trend_of(line, at, label, current, true);
    }

    /// `trend`, asking for the reason only where `ask` (the explanation gives none for 公务用车
    /// 购置费 and 运行维护费 on their own).
    pub(crate) fn trend_of(&mut self, line: &AccountsLine, at: At, label: &str, current: Option<Figure>, ask: bool) {
        let previous = self.amount(&line.previous, at.previous);
        let (sign, rest) = signed(&line.change);
        let stated_change = self.sheet.amount(at.change, rest).map(|f| if sign < 0 { Figure { value: -f.value.abs(), ..f } } else { f });
        let stated_rate = self.signed_rate(&line.rate, at.rate);
        // what was typed stands for the text until it can be computed
        if let Some(c) = stated_change {
            self.sheet.set(at.change, Shown::Amount(c.value));
        }
        if let Some(r) = stated_rate {
            self.sheet.set(at.rate, Shown::Rate(r.value));
        }
        let Some(current) = current else { return };
        let said = |f: Figure| format!("{}{}", if f.value.is_sign_negative() { "减少" } else { "增加" }, fmt_amount(f.value.abs()));
        let (change, previous, typed) = match (previous, stated_change) {
            (Some(p), _) => {
                if p.value.is_sign_negative() {
                    self.sheet.push(Finding::new(Code::GrowthMismatch, Severity::Error, at.previous, format!("{label}的上年数 {} 为负数，请核对", fmt_amount(p.value))));
                }
                let c = figure(number::sub(current.value, p.value));
                if let Some(s) = stated_change.filter(|s| s.value != c.value) {
                    let m = format!("{label}比上年应为{}（本年 {} − 上年 {}），填写为{}", said(c), fmt_amount(current.value), fmt_amount(p.value), said(s));
                    self.sheet.push(Finding::new(Code::GrowthMismatch, Severity::Error, at.change, m).values(Some(fmt_amount(s.value)), Some(fmt_amount(c.value))));
                }
                (c, p, true)
            }
            (None, Some(c)) => {
                let p = figure(number::sub(current.value, c.value));
                self.sheet.set(at.previous, Shown::Amount(p.value));
                if p.value.is_sign_negative() {
                    let m = format!("{label}本年 {}、比上年{}，推得上年数为 {}，不可能为负：请核对增减额及其增加 / 减少", fmt_amount(current.value), said(c), fmt_amount(p.value));
                    self.sheet.push(Finding::new(Code::GrowthMismatch, Severity::Error, at.change, m));
                }
                (c, p, false)
            }
            (None, None) => {
                if stated_rate.is_some() {
                    self.sheet.missing.push(format!("{label}的上年数或增减额"));
                }
                return;
            }
        };
        self.sheet.set(at.change, Shown::Amount(change.value));
        if previous.value.is_zero() || previous.value.is_sign_negative() {
            let r = match (change.value.is_zero(), self.sheet.policy.growth_from_zero_accepted()) {
                (true, _) => Some(Decimal::ZERO),
                (false, true) if change.value.is_sign_positive() && previous.value.is_zero() => Some(number::hundred()),
                _ => None,
            };
            match (r, stated_rate) {
                (Some(r), Some(s)) if s.value != r => {
                    let m = format!("{label}上年为 0，增长率按口径写 {}，填写为 {}%", fmt_rate(r), s.value);
                    self.sheet.push(Finding::new(Code::GrowthMismatch, Severity::Error, at.rate, m).values(Some(format!("{}%", s.value)), Some(fmt_rate(r))));
                    self.sheet.set(at.rate, Shown::Rate(r));
                }
                (Some(r), _) => self.sheet.set(at.rate, Shown::Rate(r)),
                (None, Some(s)) => {
                    let m = format!("{label}上年为 0，按口径不计算增减率（写“上年为0，不可比”），填写为 {}%", s.value);
                    self.sheet.push(Finding::new(Code::GrowthMismatch, Severity::Error, at.rate, m).values(Some(format!("{}%", s.value)), None));
                }
                (None, None) => {}
            }
        } else if let Some(r) = number::percent(change.value, previous.value) {
            self.sheet.set(at.rate, Shown::Rate(r));
            if let Some(s) = stated_rate.filter(|s| s.value != r) {
                // 本年 / 上年 − 1 with each in its own rounding interval; a 上年数 derived from the
                // change is read both ways
                let plus = |s: Figure| Figure { value: number::add(s.value, number::hundred()), ..s };
                let reachable = rate_reachable(plus(s), current, previous) || (!typed && rate_reachable(s, change, previous));
                let how = format!("{} ÷ {}", fmt_amount(change.value), fmt_amount(previous.value));
                let (code, sev, m) = if reachable {
                    (Code::RateTail, Severity::Info, format!("{label}的增减率填写为 {}%，按 {how} 计算为 {}，差异在四舍五入范围内，可不改动", s.value, fmt_rate(r)))
                } else if s.value == -r && !r.is_zero() {
                    let word = if r.is_sign_negative() { "下降" } else { "增长" };
                    (Code::GrowthMismatch, Severity::Error, format!("{label}比上年{}，应写{word} {}（{how}），填写为 {}%", if r.is_sign_negative() { "减少" } else { "增加" }, fmt_rate(r.abs()), s.value))
                } else {
                    (Code::GrowthMismatch, Severity::Error, format!("{label}的增减率应为 {}（{how}），填写为 {}%", fmt_rate(r), s.value))
                };
                self.sheet.push(Finding::new(code, sev, at.rate, m).values(Some(format!("{}%", s.value)), Some(fmt_rate(r))));
            }
        }
        if ask && !change.value.is_zero() && line.reason.is_blank() {
            self.sheet.push(Finding::new(Code::ReasonMissing, Severity::Warning, at.change, format!("{label}比上年有增减，请填写主要原因")));
        }
    }

    /// 预决算差异率 = (决算数 − 预算数) / 预算数 and, where stated, 完成预算% = 决算数 / 预算数.
    fn variance(&mut self, line: &AccountsLine, at: At, label: &str, actual: Option<Figure>) -> Option<Decimal> {
        self.variance_of(line, at, label, actual, true)
    }

    /// `variance`, asking for a reason only where `ask` (not for a budget the form added up).
    fn variance_of(&mut self, line: &AccountsLine, at: At, label: &str, actual: Option<Figure>, ask: bool) -> Option<Decimal> {
        let budget = self.amount(&line.budget, at.budget);
        let stated = self.signed_rate(&line.variance, at.variance);
        let completion = self.sheet.rate(at.completion, &line.completion);
        let (Some(b), Some(a)) = (budget, actual) else {
            if let Some(s) = stated {
                self.sheet.set(at.variance, Shown::Rate(s.value));
            }
            return stated.map(|s| s.value);
        };
        let v = self.percent(stated, at.variance, &format!("{label}的预决算差异率"), (a, b), number::hundred(), "预算数");
        self.percent(completion, at.completion, &format!("{label}完成预算的比例"), (a, b), Decimal::ZERO, "预算数");
        if ask && v.is_some_and(|v| !v.is_zero()) && line.variance_reason.is_blank() {
            self.sheet.push(Finding::new(Code::ReasonMissing, Severity::Warning, at.variance, format!("{label}的决算数与预算数有差异，请填写主要原因")));
        }
        v
    }
}

/// What a 科目 is, from its code and name as typed; its full name is shown in the name cell.
fn subject(a: &mut Accounts, line: &AccountsLine, at: At) -> Subject {
    let s = if line.name.is_blank() { subjects::read(&line.subject) } else { subjects::read(&format!("{} {}", line.subject.trim(), line.name.trim())) };
    let name = s.full_name();
    if !name.is_empty() {
        a.sheet.set(at.name, Shown::Text(name));
    }
    s
}

/// 类 = Σ 款 = Σ 项 within one list of 科目 rows (by the codes' digits), deepest first, each
/// parent's amount resolved in place for what follows.
fn hierarchy(a: &mut Accounts, list: &'static str, subjects: &[Subject], amounts: &mut [Option<Figure>]) {
    for level in [5, 3] {
        for i in 0..subjects.len() {
            let Some(code) = subjects[i].code.as_deref().filter(|c| c.len() == level) else { continue };
            let children: Vec<usize> = (0..subjects.len()).filter(|&j| subjects[j].code.as_deref().is_some_and(|c| c.len() == level + 2 && c.starts_with(code))).collect();
            if children.is_empty() {
                continue;
            }
            let parts: Vec<(&str, Option<Figure>)> = children.iter().map(|&j| ("", amounts[j])).collect();
            let name = if level == 3 { "类" } else { "款" };
            amounts[i] = a.sum(amounts[i], Path::row(list, i, "amount"), &format!("{code}（{name}）"), &parts, Unit::Amount);
        }
    }
}

/// The label of a 科目 row in a message.
fn row_label(s: &Subject, i: usize) -> String {
    s.names.iter().rev().find(|n| !n.is_empty()).cloned().or_else(|| s.code.clone()).unwrap_or_else(|| format!("第 {} 行", i + 1))
}

fn zero_or(f: Option<Figure>) -> Figure {
    f.unwrap_or(figure(Decimal::ZERO))
}

/// Whether a section states nothing but zeros or blanks (八, 九 written as 空表: a unit with no such
/// funds leaves them so).
fn empty(a: &Appropriation) -> bool {
    let zero = |c: &Cell| number::parse_amount(c).map_or(false, |f| f.is_none_or(|f| f.value.is_zero()));
    [&a.total.amount, &a.carried_in, &a.income, &a.total_out, &a.carried_out, &a.spent, &a.total.previous, &a.total.change, &a.total.budget].iter().all(|c| zero(c))
        && a.items.iter().all(|l| zero(&l.amount) && zero(&l.change) && zero(&l.previous))
}

/// 四, 八, 九: the totals' identities, change, 差异率 and (八, 九) the spending by 科目.
fn appropriation(a: &mut Accounts, s: &Appropriation, at: At, list: &'static str, label: &str) -> Option<Figure> {
    let (p_in, p_income, p_out_total, p_out, p_spent) = match list {
        "fund.items" => ("fund.carried_in", "fund.income", "fund.total_out", "fund.carried_out", "fund.spent"),
        "capital.items" => ("capital.carried_in", "capital.income", "capital.total_out", "capital.carried_out", "capital.spent"),
        _ => ("fiscal.carried_in", "fiscal.income", "fiscal.total_out", "fiscal.carried_out", "fiscal.spent"),
    };
    let carried_in = a.amount(&s.carried_in, Path::field(p_in));
    let income = a.amount(&s.income, Path::field(p_income));
    let total = a.total(&s.total.amount, at.amount, &format!("{label}收入总计"), &[("年初结转和结余", carried_in), ("本年收入", income)], Unit::Amount);
    let carried_out = a.amount(&s.carried_out, Path::field(p_out));
    let mut spent = a.amount(&s.spent, Path::field(p_spent));
    if !s.items.is_empty() {
        let mut parts = Vec::new();
        for (i, line) in s.items.iter().enumerate() {
            let at = At::row(list, i);
            let sub = subject(a, line, at);
            let amount = a.amount(&line.amount, at.amount);
            parts.push(("", amount));
            let name = sub.names.last().cloned().unwrap_or_else(|| format!("第 {} 行", i + 1));
            a.trend(line, at, &name, amount);
            a.variance(line, at, &name, amount);
        }
        spent = a.total(&s.spent, Path::field(p_spent), &format!("{label}本年支出"), &parts, Unit::Amount);
    }
    let total_out = a.total(&s.total_out, Path::field(p_out_total), &format!("{label}支出总计"), &[("年末结转和结余", carried_out), ("本年支出", spent)], Unit::Amount);
    if let (Some(i), Some(o)) = (total, total_out) {
        if i.value != o.value {
            let m = format!("{label}收入总计 {} 与支出总计 {} 应相等", fmt_amount(i.value), fmt_amount(o.value));
            a.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Error, Path::field(p_out_total), m).values(Some(fmt_amount(o.value)), Some(fmt_amount(i.value))));
        }
    }
    let line = &s.total;
    a.trend(line, at, &format!("{label}收入支出总计"), total);
    a.variance(line, at, &format!("{label}收入支出"), total);
    spent
}

/// The document with what its pasted tables give: a blank cell takes the table's figure (shown
/// as computed), a typed one is checked against it; a list nothing was typed in takes the table's
/// rows (their 科目 shown as computed, for the page to adopt).
fn with_tables(d: &FinalAccountsDoc, a: &mut Accounts) -> FinalAccountsDoc {
    use tables::Kind;
    let mut doc = d.clone();
    let t = &d.tables;
    for (kind, text, path) in [
        (Kind::Summary, &t.summary, "tables.summary"),
        (Kind::Income, &t.income, "tables.income"),
        (Kind::Expenditure, &t.expenditure, "tables.expenditure"),
        (Kind::General, &t.general, "tables.general"),
        (Kind::Basic, &t.basic, "tables.basic"),
        (Kind::Three, &t.three, "tables.three"),
        (Kind::Fund, &t.fund, "tables.fund"),
        (Kind::Capital, &t.capital, "tables.capital"),
    ] {
        if text.is_blank() {
            continue;
        }
        let read = tables::read(kind, text, path, a.sheet.policy);
        for f in read.findings {
            a.sheet.push(f);
        }
        for ((p, get), v) in read.fills {
            let cell = get(&mut doc);
            if cell.is_blank() {
                *cell = tables::text(v);
            } else if let Ok(Some(f)) = number::parse_amount(cell) {
                if f.value != v {
                    let m = format!("《{}》中为 {}，此处填写为 {}：请核对表与说明中填错的一处", kind.title(), fmt_amount(v), fmt_amount(f.value));
                    a.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Error, Path::field(p), m).values(Some(fmt_amount(f.value)), Some(fmt_amount(v))));
                }
            }
        }
        for (list, rows) in read.lists {
            let target = match list {
                "general.classes" => &mut doc.general.classes,
                "general.items" => &mut doc.general.items,
                "basic.economic" => &mut doc.basic.economic,
                "fund.items" => &mut doc.fund.items,
                _ => &mut doc.capital.items,
            };
            if tables::blank(target) {
                for (i, (s, _)) in rows.iter().enumerate() {
                    a.sheet.set(Path::row(list, i, "subject"), Shown::Text(s.clone()));
                }
                *target = rows.into_iter().map(|(s, v)| AccountsLine { subject: Cell(s), amount: tables::text(v), ..AccountsLine::default() }).collect();
            }
        }
    }
    doc
}

#[inline(never)] // one function per kind: the page compiles only the kind it evaluates
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn evaluate(d: &FinalAccountsDoc, policy: &Policy) -> Evaluation {
    use lines::*;
    let mut a = Accounts { sheet: Sheet::new(policy) };
    let t = &d.tables;
    let owned;
    let d = if [&t.summary, &t.income, &t.expenditure, &t.general, &t.basic, &t.three, &t.fund, &t.capital].iter().all(|c| c.is_blank()) {
        d
    } else {
        owned = with_tables(d, &mut a);
        &owned
    };
    let amount = Unit::Amount;
    let o = &d.overall;

    // 二、收入决算 and 三、支出决算 first: the sources and kinds make up 一's 本年收入合计 and
    // 本年支出合计, each with its share of the resolved total
    let income = a.amount(&o.income, Path::field("overall.income"));
    let expenditure = a.amount(&o.expenditure, Path::field("overall.expenditure"));
    let sources = |a: &mut Accounts, rows: &[(&AccountsLine, At, &str)], stated: Option<Figure>, overall: &'static str| -> Option<Figure> {
        let parts: Vec<(&str, Option<Figure>)> = rows[1..].iter().map(|(l, at, name)| (*name, a.amount(&l.amount, at.amount))).collect();
        // once one source is filled, a blank one is 0, and is written so
        let filled = parts.iter().any(|p| p.1.is_some());
        let parts: Vec<(&str, Option<Figure>)> = parts
            .into_iter()
            .zip(&rows[1..])
            .map(|((n, f), (_, at, _))| {
                if filled && f.is_none() {
                    a.sheet.set(at.amount, Shown::Amount(Decimal::ZERO));
                }
                (n, if filled { Some(zero_or(f)) } else { f })
            })
            .collect();
        let (total_line, total_at, total_name) = rows[0];
        // the table's own total row when typed (checked against 一), else the total 一 states
        let own = a.amount(&total_line.amount, total_at.amount);
        if let (Some(x), Some(y)) = (own, stated) {
            if x.value != y.value {
                a.same(total_at.amount, own, stated, &format!("{total_name}与“一、总体情况”中的不同"));
            }
        }
        let path = if own.is_some() || stated.is_none() { total_at.amount } else { Path::field(overall) };
        let total = a.sum(own.or(stated), path, total_name, if filled { &parts } else { &[] }, amount);
        if let Some(t) = total {
            a.sheet.set(total_at.amount, Shown::Amount(t.value));
            if own.is_none() && stated.is_some() {
                a.sheet.set(Path::field(overall), Shown::Amount(t.value));
            }
        }
        for ((line, at, name), (_, part)) in rows[1..].iter().zip(&parts) {
            a.share(line, *at, name, *part, total, total_name);
        }
        total
    };
    let i = &d.income;
    let rows: Vec<(&AccountsLine, At, &str)> = [&i.total, &i.fiscal, &i.superior, &i.business, &i.operating, &i.affiliated, &i.other].into_iter().zip(INCOME).map(|(l, (at, n))| (&**l, at, n)).collect();
    let income = sources(&mut a, &rows, income, "overall.income").or(income);
    let e = &d.expenditure;
    let rows: Vec<(&AccountsLine, At, &str)> = [&e.total, &e.basic, &e.project, &e.superior, &e.operating, &e.affiliated].into_iter().zip(EXPENDITURE).map(|(l, (at, n))| (&**l, at, n)).collect();
    let year_spending = sources(&mut a, &rows, expenditure, "overall.expenditure").or(expenditure);

    // 一、收入支出决算总体情况
    let nonfiscal = a.amount(&o.nonfiscal, Path::field("overall.nonfiscal"));
    let carried_in = a.amount(&o.carried_in, Path::field("overall.carried_in"));
    let income_total = a.total(&o.income_total, Path::field("overall.income_total"), "收入总计", &[("本年收入合计", income), ("使用非财政拨款结余", nonfiscal), ("年初结转和结余", carried_in)], amount);
    let distribution = a.amount(&o.distribution, Path::field("overall.distribution"));
    let carried_out = a.amount(&o.carried_out, Path::field("overall.carried_out"));
    let expenditure_total =
        a.total(&o.expenditure_total, Path::field("overall.expenditure_total"), "支出总计", &[("本年支出合计", year_spending), ("结余分配", distribution), ("年末结转和结余", carried_out)], amount);
    if let (Some(i), Some(e)) = (income_total, expenditure_total) {
        if i.value != e.value {
            let m = format!("收入总计 {} 与支出总计 {} 应相等（收入支出决算总表平衡）", fmt_amount(i.value), fmt_amount(e.value));
            a.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Error, "overall.expenditure_total", m).values(Some(fmt_amount(e.value)), Some(fmt_amount(i.value))));
        }
    }
    a.trend(&o.trend, TREND, "收入支出总体", income_total);

    // 四、财政拨款收入支出
    let fiscal_spent = appropriation(&mut a, &d.fiscal, FISCAL, "fiscal.items", "财政拨款");
    let fiscal_income = a.sheet.get(Path::field("fiscal.income")).and_then(Shown::number).map(figure);
    let income_fiscal = a.sheet.get(INCOME[1].0.amount).and_then(Shown::number).map(figure);
    a.same(Path::field("fiscal.income"), fiscal_income, income_fiscal, "本年财政拨款收入与收入决算中的财政拨款收入不同");

    // 五、一般公共预算财政拨款支出: the 项 first, then the 类 they add up to, then the total the
    // 类 add up to; the shares, changes and 差异率 on the resolved figures
    let g = &d.general;
    let mut item_subjects = Vec::new();
    let mut item_amounts = Vec::new();
    for (i, line) in g.items.iter().enumerate() {
        let at = At::row("general.items", i);
        item_subjects.push(subject(&mut a, line, at));
        item_amounts.push(a.amount(&line.amount, at.amount));
    }
    hierarchy(&mut a, "general.items", &item_subjects, &mut item_amounts);
    // the 项 rows only (a list may also carry its 类 and 款 rows)
    let leaves: Vec<usize> = (0..item_subjects.len()).filter(|&j| !item_subjects.iter().any(|p| p.code.as_deref().zip(item_subjects[j].code.as_deref()).is_some_and(|(pc, c)| pc.len() > c.len() && pc.starts_with(c)))).collect();
    let mut class_amounts = Vec::new();
    let mut listed = Vec::new();
    for (k, line) in g.classes.iter().enumerate() {
        let at = At::row("general.classes", k);
        let s = subject(&mut a, line, at);
        let key = s.class_key().filter(|k| !k.is_empty());
        let members: Vec<usize> = leaves.iter().copied().filter(|&j| key.is_some() && item_subjects[j].class_key() == key).collect();
        let parts: Vec<(&str, Option<Figure>)> = members.iter().map(|&j| ("", item_amounts[j])).collect();
        if let Some(c) = s.code.as_deref().filter(|c| c.len() != 3) {
            let m = format!("“按类”中应填写类科目（3 位编码），“{c}”是{}：请把它填在“按项”中", if c.len() == 5 { "款" } else { "项" });
            a.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Warning, Path::row("general.classes", k, "subject"), m));
        } else if key.is_some() && listed.iter().any(|l: &(Option<String>, String)| l.0 == key) {
            let m = format!("“{}”在“按类”中列了两次，合计会重复计算", row_label(&s, k));
            a.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Error, Path::row("general.classes", k, "subject"), m));
        }
        class_amounts.push(a.total(&line.amount, at.amount, &format!("{}（类）", row_label(&s, k)), &parts, amount));
        listed.push((key, row_label(&s, k)));
    }
    let stated_general = a.amount(&g.total.amount, GENERAL.amount);
    let general = if !g.classes.is_empty() {
        for &j in &leaves {
            let k = item_subjects[j].class_key();
            let spent = item_amounts[j].is_some_and(|f| !f.value.is_zero());
            let known = item_subjects[j].code.is_some() || item_subjects[j].names.len() >= 2;
            if spent && (!known || !listed.iter().any(|l| l.0 == k)) {
                let who = row_label(&item_subjects[j], j);
                let m = if !known {
                    format!("科目“{who}”无法归入哪一类：请填写科目编码，或写成“类(类)款(款)项(项)”")
                } else {
                    format!("“{who}”有支出，但它的类（{}）未列在“按类”中", k.unwrap_or_default())
                };
                a.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Warning, Path::row("general.items", j, "subject"), m));
            }
        }
        let parts: Vec<(&str, Option<Figure>)> = class_amounts.iter().map(|f| ("", *f)).collect();
        a.sum(stated_general, GENERAL.amount, "一般公共预算财政拨款支出", &parts, amount)
    } else if !leaves.is_empty() {
        let parts: Vec<(&str, Option<Figure>)> = leaves.iter().map(|&j| ("", item_amounts[j])).collect();
        a.sum(stated_general, GENERAL.amount, "一般公共预算财政拨款支出", &parts, amount)
    } else {
        stated_general
    };
    for (k, line) in g.classes.iter().enumerate() {
        let at = At::row("general.classes", k);
        a.share(line, at, &format!("{}（类）", listed[k].1), class_amounts[k], general, "一般公共预算财政拨款支出");
    }
    a.share(&g.total, GENERAL, "一般公共预算财政拨款支出", general, year_spending, "本年支出合计");
    a.trend(&g.total, GENERAL, "一般公共预算财政拨款支出", general);
    a.variance(&g.total, GENERAL, "一般公共预算财政拨款支出", general);
    for (i, line) in g.items.iter().enumerate() {
        let at = At::row("general.items", i);
        let name = row_label(&item_subjects[i], i);
        a.trend(line, at, &name, item_amounts[i]);
        a.variance(line, at, &name, item_amounts[i]);
    }

    // 六、基本支出 = 人员经费 + 公用经费 (from the 经济分类 table when given)
    let b = &d.basic;
    let mut eco_subjects = Vec::new();
    let mut eco_amounts = Vec::new();
    for (i, line) in b.economic.iter().enumerate() {
        let at = At::row("basic.economic", i);
        eco_subjects.push(subject(&mut a, line, at));
        eco_amounts.push(a.amount(&line.amount, at.amount));
    }
    hierarchy(&mut a, "basic.economic", &eco_subjects, &mut eco_amounts);
    let tops: Vec<usize> = (0..eco_subjects.len()).filter(|&j| eco_subjects[j].code.as_deref().is_some_and(|c| c.len() == 3)).collect();
    let of = |personnel: bool| -> Vec<(&str, Option<Figure>)> {
        tops.iter().filter(|&&j| matches!(eco_subjects[j].code.as_deref(), Some("301" | "303")) == personnel).map(|&j| ("", eco_amounts[j])).collect()
    };
    let personnel = a.total(&b.personnel, Path::field("basic.personnel"), "人员经费（工资福利支出 + 对个人和家庭的补助）", &of(true), amount);
    let public = a.total(&b.public, Path::field("basic.public"), "公用经费（商品和服务支出等）", &of(false), amount);
    a.total(&b.total, Path::field("basic.total"), "基本支出", &[("人员经费", personnel), ("公用经费", public)], amount);

    // 七、三公
    let t = &d.three;
    let three_lines = [&t.total, &t.abroad, &t.car, &t.car_purchase, &t.car_running, &t.reception];
    let mut amounts = [None; 6];
    for k in [1, 3, 4, 5] {
        amounts[k] = a.amount(&three_lines[k].amount, THREE[k].0.amount);
    }
    amounts[2] = a.total(&t.car.amount, THREE[2].0.amount, "公务用车购置及运行维护费", &[("购置费", amounts[3]), ("运行维护费", amounts[4])], amount);
    amounts[0] = a.total(&t.total.amount, THREE[0].0.amount, "“三公”经费", &[("因公出国（境）费", amounts[1]), ("公务用车购置及运行维护费", amounts[2]), ("公务接待费", amounts[5])], amount);
    // last year and the budget add up the same way, where every part is given
    for (col, path_of) in [("上年数", (|at: At| at.previous) as fn(At) -> Path), ("全年预算数", |at: At| at.budget)] {
        let cell = |l: &AccountsLine| if col == "上年数" { l.previous.clone() } else { l.budget.clone() };
        let mut f = [None; 6];
        for k in [1, 3, 4, 5] {
            f[k] = number::parse_amount(&cell(three_lines[k])).ok().flatten();
        }
        if f[3].is_some() && f[4].is_some() {
            f[2] = a.total(&cell(&t.car), path_of(THREE[2].0), &format!("公务用车购置及运行维护费的{col}"), &[("购置费", f[3]), ("运行维护费", f[4])], amount);
        } else {
            f[2] = number::parse_amount(&cell(&t.car)).ok().flatten();
        }
        if f[1].is_some() && f[2].is_some() && f[5].is_some() {
            a.total(&cell(&t.total), path_of(THREE[0].0), &format!("“三公”经费的{col}"), &[("因公出国（境）费", f[1]), ("公务用车购置及运行维护费", f[2]), ("公务接待费", f[5])], amount);
        }
    }
    let computed_cell = |a: &Accounts, line: &AccountsLine, p: Path, pick: fn(&AccountsLine) -> &Cell| -> Cell {
        if pick(line).is_blank() {
            a.sheet.get(p).and_then(Shown::number).map(|v| Cell(v.to_string())).unwrap_or_default()
        } else {
            pick(line).clone()
        }
    };
    for k in 0..6 {
        let (at, name) = THREE[k];
        let mut line = three_lines[k].clone();
        // the sums just computed stand in for blank 上年数 and 全年预算数 of 合计 and 公务用车
        line.previous = computed_cell(&a, three_lines[k], at.previous, |l| &l.previous);
        line.budget = computed_cell(&a, three_lines[k], at.budget, |l| &l.budget);
        if matches!(k, 1 | 2 | 5) {
            a.share(&line, at, name, amounts[k], amounts[0], "“三公”经费");
        }
        a.trend_of(&line, at, name, amounts[k], !matches!(k, 3 | 4));
        a.variance_of(&line, at, name, amounts[k], !three_lines[k].budget.is_blank());
    }
    let counts: Vec<Option<Figure>> = [("three.groups", &t.groups), ("three.travellers", &t.travellers), ("three.cars_bought", &t.cars_bought), ("three.fleet", &t.fleet), ("three.batches", &t.batches), ("three.guests", &t.guests)]
        .into_iter()
        .map(|(p, c)| a.count(c, Path::field(p)))
        .collect();
    for (spent, count, path, m) in [
        (amounts[1], counts[0], "three.groups", "有因公出国（境）费支出，团组数却为 0"),
        (amounts[3], counts[2], "three.cars_bought", "有公务用车购置费支出，购置数却为 0"),
        (amounts[5], counts[4], "three.batches", "有公务接待费支出，接待批次却为 0"),
    ] {
        if spent.is_some_and(|s| !s.value.is_zero()) && count.is_some_and(|c| c.value.is_zero()) {
            a.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Warning, path, format!("{m}，请核对")));
        }
    }
    for (few, many, path, m) in [(counts[0], counts[1], "three.travellers", "因公出国（境）人次少于团组数"), (counts[4], counts[5], "three.guests", "接待人次少于接待批次")] {
        if let (Some(f), Some(n)) = (few, many) {
            if n.value < f.value {
                a.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Warning, path, format!("{m}，请核对")));
            }
        }
    }

    // 八、政府性基金 and 九、国有资本经营
    let fund_spent = appropriation(&mut a, &d.fund, FUND, "fund.items", "政府性基金预算财政拨款");
    let capital_spent = appropriation(&mut a, &d.capital, CAPITAL, "capital.items", "国有资本经营预算财政拨款");
    // 本年财政拨款支出 = 一般公共预算 + 政府性基金 + 国有资本经营 (an empty section is 0)
    if let (Some(f), Some(g)) = (fiscal_spent, general) {
        let of = |s: &Appropriation, v: Option<Figure>| if empty(s) { Some(zero_or(v)) } else { v };
        if let (Some(fu), Some(ca)) = (of(&d.fund, fund_spent), of(&d.capital, capital_spent)) {
            let sum = number::total(&[g.value, fu.value, ca.value]);
            if compare_total(f.value, sum, 3, policy.rounding_tolerance) == Agreement::Mismatch {
                let m = format!(
                    "本年财政拨款支出 {} 应等于一般公共预算 {} + 政府性基金 {} + 国有资本经营 {} = {}",
                    fmt_amount(f.value),
                    fmt_amount(g.value),
                    fmt_amount(fu.value),
                    fmt_amount(ca.value),
                    fmt_amount(sum)
                );
                a.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Warning, "fiscal.spent", m).values(Some(fmt_amount(f.value)), Some(fmt_amount(sum))));
            }
        }
    }

    // 十（一）机关运行经费 and 事业单位公用经费: together the 公用经费 of 六
    let op = &d.operation;
    let admin = a.amount(&op.admin.amount, ADMIN.amount);
    a.trend(&op.admin, ADMIN, "机关运行经费", admin);
    let inst = a.amount(&op.institution.amount, INSTITUTION.amount);
    a.trend(&op.institution, INSTITUTION, "事业单位公用经费", inst);
    if let (Some(ad), Some(p)) = (admin, public) {
        let sum = number::add(ad.value, zero_or(inst).value);
        if sum > p.value {
            let m = format!("机关运行经费{} {} 超过一般公共预算财政拨款基本支出中的公用经费 {}", if inst.is_some() { "与事业单位公用经费之和" } else { "" }, fmt_amount(sum), fmt_amount(p.value));
            a.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Warning, ADMIN.amount, m));
        }
    }

    // 十（二）政府采购
    let pr = &d.procurement;
    let parts = [("货物", a.amount(&pr.goods, Path::field("procurement.goods"))), ("工程", a.amount(&pr.works, Path::field("procurement.works"))), ("服务", a.amount(&pr.services, Path::field("procurement.services")))];
    let purchases = a.total(&pr.total, Path::field("procurement.total"), "政府采购支出总额", &parts, amount);
    let sme = a.amount(&pr.sme, Path::field("procurement.sme"));
    let small = a.amount(&pr.small, Path::field("procurement.small"));
    for (part, cell, path, label) in [(sme, &pr.sme_share, "procurement.sme_share", "授予中小企业合同金额"), (small, &pr.small_share, "procurement.small_share", "授予小微企业合同金额")] {
        let stated = a.sheet.rate(Path::field(path), cell);
        match (part, purchases) {
            (Some(p), Some(t)) => {
                a.percent(stated, Path::field(path), &format!("{label}占政府采购支出总额的比例"), (p, t), Decimal::ZERO, "政府采购支出总额");
            }
            _ => {}
        }
    }
    for (part, whole, m) in [(sme, purchases, "授予中小企业合同金额超过政府采购支出总额"), (small, sme, "授予小微企业合同金额超过授予中小企业合同金额")] {
        if let (Some(p), Some(w)) = (part, whole) {
            if p.value > w.value {
                a.sheet.push(Finding::new(Code::FigureInconsistent, Severity::Error, "procurement.small", format!("{m}（{} ＞ {}）", fmt_amount(p.value), fmt_amount(w.value))));
            }
        }
    }

    // 十（三）国有资产: 车辆 by use
    let s = &d.assets;
    for (c, p) in [(&s.original, "assets.original"), (&s.building_area, "assets.building_area"), (&s.building_value, "assets.building_value"), (&s.vehicles_value, "assets.vehicles_value")] {
        a.amount(c, Path::field(p));
    }
    a.count(&s.equipment, Path::field("assets.equipment"));
    let uses: Vec<(&str, Option<Figure>)> = [
        ("副部（省）级及以上领导用车", &s.leader, "assets.leader"),
        ("主要负责人用车", &s.head, "assets.head"),
        ("机要通信用车", &s.confidential, "assets.confidential"),
        ("应急保障用车", &s.emergency, "assets.emergency"),
        ("执法执勤用车", &s.enforcement, "assets.enforcement"),
        ("特种专业技术用车", &s.special, "assets.special"),
        ("离退休干部服务用车", &s.retired, "assets.retired"),
        ("其他用车", &s.other, "assets.other"),
    ]
    .into_iter()
    .map(|(n, c, p)| (n, a.count(c, Path::field(p))))
    .collect();
    let filled = uses.iter().any(|u| u.1.is_some());
    let uses: Vec<(&str, Option<Figure>)> = uses.into_iter().map(|(n, f)| (n, if filled { Some(zero_or(f)) } else { f })).collect();
    let vehicles = a.total(&s.vehicles, Path::field("assets.vehicles"), "车辆数（按用途）", if filled { &uses } else { &[] }, Unit::Count);
    let fleet = counts[3];
    let asset_vehicles = a.count(&t.asset_vehicles, Path::field("three.asset_vehicles")).or(vehicles);
    if let Some(v) = asset_vehicles {
        a.sheet.set(Path::field("three.asset_vehicles"), Shown::Count(v.value));
        if t.asset_vehicles.is_blank() {
            // shown as taken from 国有资产
        } else {
            a.same(Path::field("three.asset_vehicles"), Some(v), vehicles, "国有资产占用情况中的车辆数与“国有资产”中填写的不同");
        }
    }
    if let (Some(f), Some(v)) = (fleet, asset_vehicles) {
        if f.value != v.value && t.fleet_reason.is_blank() {
            a.sheet.push(Finding::new(Code::ReasonMissing, Severity::Warning, "three.fleet_reason", format!("公务用车保有量 {} 辆与固定资产车辆 {} 辆不同，请说明差异原因", f.value.normalize(), v.value.normalize())));
        }
    }

    // 十一、预算绩效
    let pf = &d.performance;
    for (c, p) in [(&pf.budget, "performance.budget"), (&pf.executed, "performance.executed"), (&pf.project_budget, "performance.project_budget"), (&pf.project_executed, "performance.project_executed")] {
        a.amount(c, Path::field(p));
    }
    for (c, p) in [(&pf.tables, "performance.tables"), (&pf.projects, "performance.projects")] {
        a.count(c, Path::field(p));
    }

    // the explanation, written from the checked figures and read back by the text checker
    let marked = explanation::write(d, &a.sheet);
    let written = prose::check_back(&mut a.sheet, "explanation", marked, policy, "情况说明");
    a.sheet.set(Path::field("explanation"), Shown::Text(written));
    // a cell read twice (a total, then its line) reports its unreadable text once
    let mut seen = rustc_hash::FxHashSet::default();
    a.sheet.findings.retain(|f| seen.insert((f.code, f.path.clone(), f.message.clone())));
    let year = &d.year;
    Evaluation::new(
        KIND,
        Summary { title: format!("{}{}", d.unit.trim(), if year.trim().is_empty() { String::new() } else { format!("（{}年度决算）", year.trim()) }), ..Summary::default() },
        a.sheet,
    )
}
