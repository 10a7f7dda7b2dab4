// Generated from the Rust types by src/contract.rs: do not edit.

/**
 * 本年支出 by kind, each with its 占比.
 */
export interface AccountsExpenditure {
    affiliated?: AccountsLine;
    basic?: AccountsLine;
    operating?: AccountsLine;
    project?: AccountsLine;
    superior?: AccountsLine;
    total?: AccountsLine;
}

/**
 * 本年收入 by source, each with its 占比.
 */
export interface AccountsIncome {
    affiliated?: AccountsLine;
    business?: AccountsLine;
    fiscal?: AccountsLine;
    operating?: AccountsLine;
    other?: AccountsLine;
    superior?: AccountsLine;
    total?: AccountsLine;
}

/**
 * One figure and what the explanation says of it: its 占比, its change on last year with the
 * reason, its budget with the 预决算差异率 (or 完成预算%) and the reason. A row of a list also
 * names its 科目.
 */
export interface AccountsLine {
    /**
     * 本年数（决算数）
     */
    amount?: Cell;
    /**
     * 预算数（年初预算数；三公为全年预算数）
     */
    budget?: Cell;
    /**
     * 增减额（减少为负数，也可写“减少8,214.09”）
     */
    change?: Cell;
    /**
     * 完成预算（%）
     */
    completion?: Cell;
    /**
     * 科目名称（留空时按编码从科目表取得）
     */
    name?: Cell;
    /**
     * 上年数
     */
    previous?: Cell;
    /**
     * 增减率（%，下降为负数）
     */
    rate?: Cell;
    /**
     * 增减的主要原因
     */
    reason?: Cell;
    /**
     * 占比（%）
     */
    share?: Cell;
    /**
     * 科目：功能分类或经济分类的编码和/或名称（列表中的行）
     */
    subject?: Cell;
    /**
     * 预决算差异率（%）
     */
    variance?: Cell;
    /**
     * 预决算差异的主要原因
     */
    variance_reason?: Cell;
}

/**
 * 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余; 支出总计 = 本年支出合计 +
 * 结余分配 + 年末结转和结余; 收入总计 = 支出总计.
 */
export interface AccountsOverall {
    carried_in?: Cell;
    carried_out?: Cell;
    distribution?: Cell;
    expenditure?: Cell;
    expenditure_total?: Cell;
    income?: Cell;
    income_total?: Cell;
    nonfiscal?: Cell;
    /**
     * 收入支出总体与上年相比
     */
    trend?: AccountsLine;
}

/**
 * 财政拨款 (四), 政府性基金 (八) or 国有资本经营 (九): 收入总计 = 年初结转和结余 + 本年收入 =
 * 支出总计 = 年末结转和结余 + 本年支出; the 总计 against last year and against the 年初预算;
 * the spending by 科目 (八, 九).
 */
export interface Appropriation {
    carried_in?: Cell;
    carried_out?: Cell;
    income?: Cell;
    items?: AccountsLine[];
    spent?: Cell;
    /**
     * 收入总计 (amount), its change on last year and its 年初预算 (决算数 = 总计)
     */
    total?: AccountsLine;
    total_out?: Cell;
}

/**
 * 十二（三）国有资产：截至上年底的房屋、车辆（按用途）、办公家具与其他资产.
 */
export interface Assets {
    /**
     * 车辆（辆）
     */
    cars?: Cell;
    /**
     * 车辆价值
     */
    cars_value?: Cell;
    /**
     * 执法执勤用车（辆）
     */
    enforcement_cars?: Cell;
    enforcement_value?: Cell;
    /**
     * 单位价值 100 万元以上大型设备（台），是 50 万元以上的一部分
     */
    equipment_100?: Cell;
    /**
     * 单位价值 50 万元以上大型设备（台）
     */
    equipment_50?: Cell;
    /**
     * 办公家具价值
     */
    furniture?: Cell;
    /**
     * 房屋（平方米）
     */
    house_area?: Cell;
    /**
     * 房屋价值（万元）
     */
    house_value?: Cell;
    /**
     * 一般公务用车（辆）
     */
    official_cars?: Cell;
    official_value?: Cell;
    /**
     * 其他资产价值
     */
    other?: Cell;
    /**
     * 其他车辆（辆）
     */
    other_cars?: Cell;
    other_value?: Cell;
    /**
     * 本年预算安排的购置车辆经费（万元）；空白时取表10 公务用车购置费
     */
    planned_cars?: Cell;
    /**
     * 本年安排购置单位价值 100 万元以上大型设备（台）
     */
    planned_equipment_100?: Cell;
    /**
     * 本年安排购置 50 万元以上大型设备（台）
     */
    planned_equipment_50?: Cell;
}

/**
 * 基本支出 = 人员经费 + 公用经费, and its 执行率
 */
export interface Basic {
    budget?: Cell;
    executed?: Cell;
    /**
     * 基本支出的使用说明（数字之后的一段）
     */
    note?: Cell;
    personnel?: Cell;
    public?: Cell;
    rate?: Cell;
}

/**
 * 基本支出 = 人员经费 + 公用经费, with what each includes; by 经济分类 when the table is given.
 */
export interface BasicSpending {
    /**
     * 一般公共预算财政拨款基本支出决算表：经济分类 类/款 and amounts
     */
    economic?: AccountsLine[];
    personnel?: Cell;
    /**
     * 人员经费包括（留空时按经济分类各款写出）
     */
    personnel_items?: Cell;
    public?: Cell;
    /**
     * 公用经费包括
     */
    public_items?: Cell;
    total?: Cell;
}

export interface Block {
    /**
     * the button that carries a 绩效目标表 forward as next year's 自评表: on a fields block one
     * button, on a grid one per row (the row's index is the project's)
     */
    carry?: string | null;
    columns?: Column[];
    /**
     * inputs of the written explanation (上年数, 原因, 采购, 资产) beside published tables: not
     * printed as a table, the explanation they go into is
     */
    explain?: boolean;
    fields?: Field[];
    /**
     * rows every table has (年度资金总额)
     */
    fixed?: FixedRow[];
    label?: string | null;
    /**
     * the rows a user adds, moves and removes
     */
    list?: RowList | null;
    /**
     * the documents an import block takes, and where each goes
     */
    members?: Member[];
    /**
     * the document field a grid's rows or a report block belong to
     */
    path?: string | null;
    title?: string | null;
    type: BlockType;
}

export type BlockType =
    | "fields"
    | "texts"
    | "grid"
    | "import"
    | "report";

/**
 * 年初预算安排 and 预算调整
 */
export interface Budget {
    /**
     * 调整后全年预算数
     */
    adjusted?: Cell;
    /**
     * 年中调整数
     */
    adjustment?: Cell;
    /**
     * 预算调整率
     */
    adjustment_rate?: Cell;
    /**
     * 预算调整后的“综上所述”
     */
    adjustment_summary?: Cell;
    /**
     * 年初批复预算数
     */
    approved?: Cell;
    /**
     * 调增 / 调减
     */
    direction?: Cell;
    /**
     * 年初预算数 = 基本支出 + 项目支出
     */
    initial?: Cell;
    initial_basic?: Cell;
    initial_project?: Cell;
    /**
     * 年初预算安排后的“综上所述”
     */
    initial_summary?: Cell;
}

/**
 * A 部门预算公开: its eleven tables (表1 部门收支总体情况表 … 表11 上年结转结余情况明细表).
 */
export interface BudgetDoc {
    /**
     * 表6 一般公共预算基本支出情况表（经济分类）
     */
    basic?: Table;
    /**
     * 表9 国有资本经营预算支出情况表
     */
    capital?: Table;
    /**
     * 表11 上年结转结余情况明细表
     */
    carried?: Table;
    /**
     * 表3 部门支出总体情况表
     */
    expenditure?: Table;
    /**
     * 表4 财政拨款收支预算总体情况表
     */
    fiscal?: FiscalOverview;
    /**
     * 表8 政府性基金预算支出情况表
     */
    fund?: Table;
    /**
     * 表5 一般公共预算支出情况表
     */
    general?: Table;
    /**
     * 表2 部门收入总体情况表
     */
    income?: Table;
    /**
     * 第三部分 部门预算情况说明：表中没有的数（上年预算数、增减原因、其他重要事项）
     */
    notes?: Notes;
    /**
     * 表7 一般公共预算项目支出情况表
     */
    projects?: Table;
    /**
     * 表1 部门收支总体情况表
     */
    summary?: Overview;
    /**
     * 部门整体绩效目标表 and 项目支出绩效目标表
     */
    targets?: Targets;
    /**
     * 表10 财政拨款“三公”经费支出情况表
     */
    three?: ThreeCosts2;
    /**
     * 编制部门，如“乌鲁木齐市工业和信息化局”
     */
    unit?: Cell;
    /**
     * 格式版本 (1)
     */
    version?: Cell;
    /**
     * 预算年度，如 2025
     */
    year?: Cell;
}

/**
 * What the page needs to draw itself: the forms, their layouts, blank documents, profiles.
 */
export interface Catalog {
    forms: FormEntry[];
    profiles: Profile[];
    /**
     * 科目 offered as the user types one: "2060404 科技成果转化与扩散"
     */
    subjects: string[];
    version: string;
}

/**
 * 一个格子，按填写的原文保存；数字也可直接给数值（按其书写的数字读取，不经浮点）
 */
export type Cell = string | number | boolean | null;

/**
 * One arithmetic claim of the text. Positions count characters (Unicode code points) of the
 * text as given, from 0, end exclusive: `Array.from(text).slice(start, end)`.
 */
export interface Claim {
    /**
     * what the figures give, formatted as the stated one is
     */
    computed: string | null;
    /**
     * the stated figure the verdict is about
     */
    figure: number[];
    /**
     * the computation, in figures: `38,249.76 ÷ 38,350.62 × 100% = 99.737…%`
     */
    how: string;
    /**
     * the figures it is computed from, wherever they stand in the text
     */
    inputs: number[][];
    kind: ClaimKind;
    /**
     * the verdict in a sentence a 填报人 understands
     */
    message: string;
    /**
     * the claim as written (the reading text of `span`)
     */
    quote: string;
    /**
     * the characters of the claim: from the first figure it cites in its sentence to the stated one
     */
    span: number[];
    /**
     * the stated figure, as written
     */
    stated: string;
    verdict: Verdict;
}

/**
 * What a claim states.
 */
export type ClaimKind =
    | "sum"
    | "part"
    | "share"
    | "change"
    | "variance"
    | "rate"
    | "score"
    | "grade"
    | "equation";

/**
 * What kind of mistake a finding reports.
 */
export type Code =
    | "sum.mismatch"
    | "sum.tail"
    | "rate.mismatch"
    | "rate.tail"
    | "score.mismatch"
    | "score.tail"
    | "score.policy_differs"
    | "score.over_weight"
    | "score.out_of_band"
    | "weights.total"
    | "total.mismatch"
    | "total.over_100"
    | "total.missing"
    | "grade.mismatch"
    | "deviation.reason_missing"
    | "value.unparseable"
    | "value.missing"
    | "value.kind_mismatch"
    | "value.actual_has_comparator"
    | "unit.mismatch"
    | "cost.exceeds_executed"
    | "columns.swapped"
    | "qualitative.level_needed"
    | "weight.missing"
    | "level.nonstandard"
    | "funds.over_budget"
    | "exec_rate.low"
    | "exec_rate.no_budget"
    | "exec.score_missing"
    | "exec_rate.base"
    | "completion.mismatch"
    | "count.mismatch"
    | "figure.inconsistent"
    | "text.sum_mismatch"
    | "funds.total_unfilled"
    | "weights.group"
    | "weights.no_exec_block"
    | "total.tail"
    | "total.follows"
    | "grade.follows"
    | "form.incomplete"
    | "qualitative.reading"
    | "text.rate_mismatch"
    | "text.figure_mismatch"
    | "text.share_mismatch"
    | "text.change_mismatch"
    | "text.variance_mismatch"
    | "text.score_mismatch"
    | "text.grade_mismatch"
    | "text.tail"
    | "text.unresolved"
    | "text.reason_missing"
    | "text.rate_base"
    | "share.mismatch"
    | "growth.mismatch"
    | "three.below_basic"
    | "rule.mismatch"
    | "target.unmatched"
    | "target.carried"
    | "reason.missing";

export interface Column {
    /**
     * the column's names in other provinces' templates (调整后预算数, 权重, 原因): a header row
     * pasted with a table is mapped by them
     */
    aliases?: string[];
    amount?: boolean;
    computed?: boolean;
    derived?: boolean;
    /**
     * an input of the written explanation (上年数, 原因, 主要用于), not a column of the published
     * table: shown on screen, left out of the printed table and of a pasted published table
     */
    explain?: boolean;
    key: string;
    label: string;
    /**
     * 定性 levels offered beside the cell
     */
    levels?: string[];
    options?: string[];
    /**
     * shows the computed value as a placeholder while the cell is blank
     */
    placeholder_computed?: boolean;
    /**
     * offers the core's list of 科目 (功能分类, 经济分类 codes and names) as the user types
     */
    subjects?: boolean;
    text?: boolean;
    /**
     * only on the total row
     */
    total_only?: boolean;
    wide?: boolean;
}

/**
 * every computed cell, by the path of the field it belongs to, formatted for display
 */
export type Computed = Record<string, string>;

/**
 * Every document the core reads, by its `kind`.
 */
export type Document =
    | {
        kind: "project_self_evaluation";
    } & ProjectDoc
    | {
        kind: "department_self_evaluation";
    } & ProjectDoc
    | {
        kind: "department_report";
    } & ReportDoc
    | {
        kind: "department_package";
    } & PackageDoc
    | {
        kind: "final_accounts";
    } & FinalAccountsDoc
    | {
        kind: "budget_disclosure";
    } & BudgetDoc
    | {
        kind: "project_target";
    } & TargetDoc
    | {
        kind: "department_target";
    } & TargetDoc;

/**
 * What every surface returns for a document: the page, the ES module and the CLI.
 */
export interface Evaluation {
    /**
     * every computed cell, by the path of the field it belongs to, formatted for display
     */
    computed: Computed;
    /**
     * errors first, then warnings, then notes
     */
    findings: Finding[];
    /**
     * the document's `kind`
     */
    kind: string;
    summary: Summary;
}

/**
 * 全年预算执行情况
 */
export interface Execution {
    budget?: Cell;
    executed?: Cell;
    rate?: Cell;
    /**
     * 执行情况后的“综上所述”
     */
    summary?: Cell;
}

export interface Field {
    computed?: boolean;
    derived?: boolean;
    label: string;
    options?: string[];
    path: string;
    /**
     * width in characters
     */
    width?: number | null;
}

/**
 * What the 决算说明 says of the department's performance evaluation.
 */
export interface FinalAccounts {
    /**
     * 本年支出合计
     */
    expenditure_total?: Cell;
    /**
     * 收入总计
     */
    income_total?: Cell;
    /**
     * 项目全年预算数
     */
    project_budget?: Cell;
    /**
     * 预算绩效评价项目 N 个
     */
    project_count?: Cell;
    /**
     * 项目全年执行数
     */
    project_executed?: Cell;
}

/**
 * The figures a 部门决算 情况说明 cites, section by section.
 */
export interface FinalAccountsDoc {
    /**
     * 十（三）国有资产占用
     */
    assets?: StateAssets;
    /**
     * 六、一般公共预算财政拨款基本支出决算情况
     */
    basic?: BasicSpending;
    /**
     * 九、国有资本经营预算财政拨款收入支出决算情况
     */
    capital?: Appropriation;
    /**
     * 三、支出决算情况
     */
    expenditure?: AccountsExpenditure;
    /**
     * 四、财政拨款收入支出决算总体情况
     */
    fiscal?: Appropriation;
    /**
     * 八、政府性基金预算财政拨款收入支出决算情况
     */
    fund?: Appropriation;
    /**
     * 五、一般公共预算财政拨款支出决算情况
     */
    general?: GeneralBudget;
    /**
     * 二、收入决算情况
     */
    income?: AccountsIncome;
    /**
     * 十（一）机关运行经费
     */
    operation?: OperatingCosts;
    /**
     * 一、收入支出决算总体情况
     */
    overall?: AccountsOverall;
    /**
     * 十一、预算绩效
     */
    performance?: PerformanceManagement;
    /**
     * 十（二）政府采购
     */
    procurement?: Procurement;
    /**
     * 决算公开表 as pasted: their figures fill the blank cells and lists above
     */
    tables?: PublishedTables;
    /**
     * 七、财政拨款“三公”经费支出决算情况
     */
    three?: ThreeCosts;
    /**
     * 部门（单位）名称，如“乌鲁木齐市工业和信息化局（汇总）”
     */
    unit?: Cell;
    /**
     * 格式版本 (1)
     */
    version?: Cell;
    /**
     * 说明中的自称：我部门 / 我单位
     */
    we?: Cell;
    year?: Cell;
}

export interface Finding {
    code: Code;
    /**
     * the value the core computes, formatted
     */
    computed: string | null;
    /**
     * what is wrong, in Chinese
     */
    message: string;
    /**
     * the field it concerns, as the page names its cells: `indicators.3.score`
     */
    path: string;
    /**
     * the other cells of the relation (a total's parts), marked beside `path`
     */
    related?: string[];
    severity: Severity;
    /**
     * the value as written, formatted
     */
    stated: string | null;
}

/**
 * 表4 财政拨款收支预算总体情况表.
 */
export interface FiscalOverview {
    /**
     * 国有资本经营预算
     */
    capital?: Row;
    /**
     * 支出总计
     */
    expenditure_total?: Row;
    /**
     * 一、财政拨款（补助）
     */
    fiscal?: Row;
    /**
     * 政府性基金预算
     */
    fund?: Row;
    /**
     * 一般公共预算
     */
    general?: Row;
    /**
     * 收入总计
     */
    income_total?: Row;
    /**
     * 支出：按功能分类 类（合计、一般公共预算、政府性基金预算、国有资本经营预算）
     */
    rows?: Row[];
}

export interface FixedRow {
    /**
     * the columns of this row the core computes
     */
    computed: string[];
    label: string;
    /**
     * the column that shows the row's name when the table has no `label` column (总计 in the
     * 科目名称 column of a 预算公开表)
     */
    label_at?: string | null;
    /**
     * the columns this row does not have (shown as —)
     */
    omit?: string[];
    path: string;
}

export interface FormEntry {
    /**
     * an empty document of this kind, as the page starts one
     */
    blank: Document;
    kind: string;
    layout: Layout;
    title: string;
}

export interface FundRow {
    /**
     * 全年预算数 (调整后)
     */
    adjusted?: Cell;
    /**
     * 全年执行数
     */
    executed?: Cell;
    /**
     * 年初预算数
     */
    initial?: Cell;
    label?: Cell;
    /**
     * 执行率 (total row only)
     */
    rate?: Cell;
    /**
     * 得分 (total row only)
     */
    score?: Cell;
    /**
     * 分值 (total row only)
     */
    weight?: Cell;
}

export interface Funds {
    /**
     * 其中：当年财政拨款 / 上年结转资金 / 其他资金
     */
    rows?: FundRow[];
    /**
     * 年度资金总额
     */
    total?: FundRow;
}

/**
 * 一般公共预算财政拨款支出: the total with its share of 本年支出合计, by 类 with 占比, by 项.
 */
export interface GeneralBudget {
    classes?: AccountsLine[];
    items?: AccountsLine[];
    total?: AccountsLine;
}

export interface Goals {
    /**
     * 实际完成情况
     */
    actual?: Cell;
    /**
     * 预期目标
     */
    expected?: Cell;
}

/**
 * What a text may say of a rise from a previous year of 0.
 */
export type GrowthFromZero = "accept" | "omit";

/**
 * One row of the indicator table, every cell as typed.
 */
export interface IndicatorRow {
    /**
     * 实际完成值
     */
    actual?: Cell;
    /**
     * 指标值设定依据 (department and target tables)
     */
    basis?: Cell;
    /**
     * 定性 completion chosen by the user: 达成 / 部分达成 / 未达成
     */
    level?: Cell;
    /**
     * 一级指标; blank means "as the row above" (merged cells)
     */
    level1?: Cell;
    /**
     * 二级指标; blank means "as the row above"
     */
    level2?: Cell;
    /**
     * 三级指标
     */
    name?: Cell;
    /**
     * 指标性质 when the operator has its own column (≥ / ≤ / = / 正向 / 反向)
     */
    operator?: Cell;
    /**
     * 偏差原因分析及改进措施
     */
    reason?: Cell;
    /**
     * 赋分规则; blank: the default for the kind
     */
    rule?: Cell;
    /**
     * 得分
     */
    score?: Cell;
    /**
     * 年度指标值
     */
    target?: Cell;
    /**
     * 分值
     */
    weight?: Cell;
}

export interface Layout {
    blocks: Block[];
    kind: string;
    title: string;
}

/**
 * A document kind an import block takes, and the field it goes into.
 */
export interface Member {
    kind: string;
    /**
     * the field is a list: each file is added to it (else a file replaces the one there)
     */
    list?: boolean;
    path: string;
}

/**
 * A cell of the workbook that is not part of the form recognised, or could not be read.
 */
export interface Note {
    /**
     * `B7`
     */
    cell: string;
    message: string;
    sheet: string;
}

/**
 * What the 说明 states beside the tables. Each line's 本年数 comes from the tables (its
 * `amount` is left blank); its 上年预算数 (or 增减额) and reason are typed, 占比 and 增减率 are
 * computed.
 */
export interface Notes {
    /**
     * 十二（三）国有资产占用使用情况
     */
    assets?: Assets;
    /**
     * 三、支出：基本支出（表3）
     */
    basic?: AccountsLine;
    /**
     * 国有资本经营预算
     */
    capital?: AccountsLine;
    /**
     * 上级国有资本经营预算安排的转移支付资金
     */
    capital_transfer?: AccountsLine;
    /**
     * 财政拨款结转
     */
    carried_fiscal?: AccountsLine;
    /**
     * 非财政拨款结转结余
     */
    carried_nonfiscal?: AccountsLine;
    /**
     * 政府性基金预算
     */
    fund?: AccountsLine;
    /**
     * 上级政府性基金安排的转移支付资金
     */
    fund_transfer?: AccountsLine;
    /**
     * 二、收入：一般公共预算（一般财力）
     */
    general?: AccountsLine;
    /**
     * 五（一）一般公共预算当年拨款：基本支出（表5）
     */
    general_basic?: AccountsLine;
    /**
     * 项目支出（表5）
     */
    general_projects?: AccountsLine;
    /**
     * 上级一般公共预算安排的转移支付资金
     */
    general_transfer?: AccountsLine;
    /**
     * 十二（四）非财政拨款项目涉及预算金额（财政拨款项目的取自表7、表8、表9）
     */
    nonfiscal_projects?: Cell;
    /**
     * 十二（二）政府采购预算
     */
    procurement?: Procurement2;
    /**
     * 项目支出（表3）
     */
    projects?: AccountsLine;
    /**
     * 十二（一）机关运行经费财政拨款预算（本年数填在 amount）
     */
    running?: AccountsLine;
    /**
     * 财政专户管理资金
     */
    special?: AccountsLine;
    /**
     * 因公出国（境）费
     */
    three_abroad?: AccountsLine;
    /**
     * 公务用车购置费
     */
    three_car_purchase?: AccountsLine;
    /**
     * 公务用车运行费
     */
    three_car_running?: AccountsLine;
    /**
     * 公务接待费
     */
    three_reception?: AccountsLine;
    /**
     * 十、“三公”经费合计（表10）
     */
    three_total?: AccountsLine;
    /**
     * 单位资金
     */
    unit_funds?: AccountsLine;
}

/**
 * What a workbook gave: the documents it holds, and what could not be placed in them.
 */
export interface Opened {
    documents: Document[];
    notes: Note[];
}

/**
 * 机关运行经费 (行政单位和参照公务员法管理事业单位) and the 公用经费 of 事业单位, each
 * against last year.
 */
export interface OperatingCosts {
    admin?: AccountsLine;
    institution?: AccountsLine;
}

/**
 * The options of an evaluation: `{ policy: "urumqi-2023" }`, or
 * `{ policy: { base: "default", exec_weight: "20" } }`.
 */
export interface Options {
    /**
     * a profile's name, or settings laid over a profile
     */
    policy?: PolicyChoice;
}

/**
 * 表1 部门收支总体情况表: the income lines as printed (each line's amount in `sum`), the spending
 * by 功能分类 类.
 */
export interface Overview {
    /**
     * 附属单位上缴收入
     */
    affiliated?: Row;
    /**
     * 其中：事业收入
     */
    business?: Row;
    /**
     * 3.国有资本经营预算拨款
     */
    capital?: Row;
    /**
     * 其中：国有资本经营收入
     */
    capital_own?: Row;
    /**
     * 上级国有资本经营预算安排转移支付
     */
    capital_transfer?: Row;
    /**
     * 二、上年结转结余
     */
    carried?: Row;
    /**
     * 国有资本经营预算拨款
     */
    carried_capital?: Row;
    /**
     * 1.财政拨款结转
     */
    carried_fiscal?: Row;
    /**
     * 政府性基金预算拨款
     */
    carried_fund?: Row;
    /**
     * 其中：一般公共预算拨款
     */
    carried_general?: Row;
    /**
     * 2.非财政拨款结转结余
     */
    carried_nonfiscal?: Row;
    /**
     * 其中：财政专户核拨
     */
    carried_special?: Row;
    /**
     * 单位资金
     */
    carried_unit?: Row;
    /**
     * 支出总计
     */
    expenditure_total?: Row;
    /**
     * 2.政府性基金预算拨款
     */
    fund?: Row;
    /**
     * 其中：政府性基金收入
     */
    fund_own?: Row;
    /**
     * 上级政府性基金安排转移支付
     */
    fund_transfer?: Row;
    /**
     * 1.一般公共预算拨款
     */
    general?: Row;
    /**
     * 其中：一般财力
     */
    general_own?: Row;
    /**
     * 上级一般公共预算安排转移支付
     */
    general_transfer?: Row;
    /**
     * 一、本年收入
     */
    income?: Row;
    /**
     * 收入总计
     */
    income_total?: Row;
    /**
     * 事业单位经营收入
     */
    operating?: Row;
    /**
     * 其他收入
     */
    other?: Row;
    /**
     * 支出：按功能分类 类
     */
    rows?: Row[];
    /**
     * 4.财政专户核拨
     */
    special?: Row;
    /**
     * 上级补助收入
     */
    superior?: Row;
    /**
     * 5.单位资金
     */
    unit_funds?: Row;
}

/**
 * One department's 整体 table and project tables, with the totals its 决算说明 cites.
 */
export interface PackageDoc {
    /**
     * the 部门（单位）整体支出绩效自评表
     */
    department?: ProjectDoc | null;
    /**
     * the 部门决算情况说明 (form D), whose figures stand in for blank `final_accounts` cells
     */
    explanation?: FinalAccountsDoc | null;
    final_accounts?: FinalAccounts;
    /**
     * the 项目支出绩效自评表 of its projects
     */
    projects?: ProjectDoc[];
    unit?: Cell;
    /**
     * 格式版本 (1)
     */
    version?: Cell;
    year?: Cell;
}

/**
 * 绩效分析: the 执行率 the score is given on
 */
export interface Performance {
    budget?: Cell;
    executed?: Cell;
    rate?: Cell;
    score?: Cell;
    weight?: Cell;
}

/**
 * 预算绩效: the 整体 table(s) and the evaluated projects with their totals.
 */
export interface PerformanceManagement {
    /**
     * 预算绩效管理取得的成效
     */
    achievements?: Cell;
    /**
     * 全年预算总额
     */
    budget?: Cell;
    /**
     * 实际执行总额
     */
    executed?: Cell;
    /**
     * 下一步改进措施
     */
    improvements?: Cell;
    /**
     * 发现的问题及原因
     */
    problems?: Cell;
    /**
     * 项目全年预算数
     */
    project_budget?: Cell;
    /**
     * 项目全年执行数
     */
    project_executed?: Cell;
    /**
     * 预算绩效评价项目（个）
     */
    projects?: Cell;
    /**
     * 整体支出绩效自评表（个）
     */
    tables?: Cell;
}

/**
 * Which rules to score by: a profile's name, or settings laid over a profile.
 */
export type PolicyChoice = string | Settings;

/**
 * 政府采购支出总额 = 货物 + 工程 + 服务; 授予中小企业 / 小微企业合同金额 with 占比.
 */
export interface Procurement {
    goods?: Cell;
    services?: Cell;
    small?: Cell;
    small_share?: Cell;
    sme?: Cell;
    sme_share?: Cell;
    total?: Cell;
    works?: Cell;
}

/**
 * 十二（二）政府采购预算 = 货物 + 工程 + 服务.
 */
export interface Procurement2 {
    /**
     * 政府采购货物预算
     */
    goods?: Cell;
    /**
     * 政府采购服务预算
     */
    services?: Cell;
    /**
     * 其中：小微企业预留
     */
    small?: Cell;
    /**
     * 面向中小企业预留政府采购项目预算金额
     */
    sme?: Cell;
    /**
     * 政府采购预算
     */
    total?: Cell;
    /**
     * 政府采购工程预算
     */
    works?: Cell;
}

/**
 * A named set of scoring rules (评分口径).
 */
export interface Profile {
    name: string;
    title: string;
}

export interface ProjectDoc {
    /**
     * 主管部门
     */
    department?: Cell;
    funds?: Funds;
    goals?: Goals;
    /**
     * 等级 as stated
     */
    grade?: Cell;
    /**
     * 实施单位
     */
    implementer?: Cell;
    indicators?: IndicatorRow[];
    /**
     * 项目名称
     */
    project?: Cell;
    /**
     * 总分 as stated
     */
    total_score?: Cell;
    /**
     * 部门（单位）名称 — the department table (B) names its unit instead of a project
     */
    unit?: Cell;
    /**
     * 格式版本 (1)
     */
    version?: Cell;
    /**
     * 年度
     */
    year?: Cell;
}

export interface ProjectGroup {
    budget?: Cell;
    count?: Cell;
    executed?: Cell;
    name?: Cell;
}

export interface ProjectItem {
    /**
     * 效益 achieved
     */
    benefit?: Cell;
    budget?: Cell;
    executed?: Cell;
    /**
     * the group's name
     */
    group?: Cell;
    name?: Cell;
}

/**
 * 项目管理和使用情况: totals, groups and the project list
 */
export interface Projects {
    budget?: Cell;
    /**
     * 项目管理情况：（2）资金使用合规性和安全性
     */
    compliance?: Cell;
    count?: Cell;
    executed?: Cell;
    groups?: ProjectGroup[];
    items?: ProjectItem[];
    /**
     * 项目管理情况：（1）管理制度健全性
     */
    management?: Cell;
}

/**
 * The 部门决算公开表 pasted from Excel / WPS, one text each (表四 is not read yet).
 */
export interface PublishedTables {
    /**
     * 表六 一般公共预算财政拨款基本支出决算表
     */
    basic?: Cell;
    /**
     * 表九 国有资本经营预算财政拨款收入支出决算表
     */
    capital?: Cell;
    /**
     * 表三 支出决算表
     */
    expenditure?: Cell;
    /**
     * 表八 政府性基金预算财政拨款收入支出决算表
     */
    fund?: Cell;
    /**
     * 表五 一般公共预算财政拨款支出决算表
     */
    general?: Cell;
    /**
     * 表二 收入决算表
     */
    income?: Cell;
    /**
     * 表一 收入支出决算总表
     */
    summary?: Cell;
    /**
     * 表七 财政拨款“三公”经费支出决算表
     */
    three?: Cell;
}

/**
 * The figures and texts a report states, in its section order.
 */
export interface ReportDoc {
    basic?: Basic;
    budget?: Budget;
    /**
     * 部门主要职能
     */
    duties?: Cell;
    execution?: Execution;
    /**
     * 填报时间（如“2024年4月15日”）
     */
    filled?: Cell;
    grade?: Cell;
    /**
     * 改进措施（六、（一）；未填“建议”时即“改进措施和建议”全文）
     */
    improvements?: Cell;
    indicators?: ReportIndicator[];
    /**
     * 部门单位年度重点工作
     */
    key_work?: Cell;
    performance?: Performance;
    /**
     * 存在的主要问题及原因分析
     */
    problems?: Cell;
    projects?: Projects;
    /**
     * 标题中部门前的地区：“高新区部门单位整体支出绩效自评报告”中的“高新区”
     */
    region?: Cell;
    spending?: Spending;
    staffing?: Staffing;
    /**
     * 建议（六、（二））
     */
    suggestions?: Cell;
    total_score?: Cell;
    /**
     * 部门（单位）名称，即“部门单位名称（公章）”
     */
    unit?: Cell;
    /**
     * 格式版本 (1)
     */
    version?: Cell;
    year?: Cell;
}

/**
 * One paragraph per indicator: the indicator row plus what the report says of it.
 */
export interface ReportIndicator {
    actual?: Cell;
    /**
     * 完成率 as stated
     */
    completion?: Cell;
    level?: Cell;
    level1?: Cell;
    level2?: Cell;
    /**
     * 改进措施
     */
    measures?: Cell;
    /**
     * 年中监控实际完成值
     */
    monitor?: Cell;
    name?: Cell;
    /**
     * 年中监控值之后的补充说明（如“预算调增189.64万元”）
     */
    note?: Cell;
    operator?: Cell;
    /**
     * 偏差原因
     */
    reason?: Cell;
    rule?: Cell;
    score?: Cell;
    target?: Cell;
    weight?: Cell;
}

/**
 * How a 反向 indicator is scored, as a setting names it.
 */
export type ReverseFormulaName = "within_limit" | "linear" | "actual_over_target";

/**
 * One row of a table: its 科目 as printed in split columns (or the whole code in `class`), its
 * name, the project of 表7, and its amounts by column (万元). A table uses the columns it prints.
 */
export interface Row {
    /**
     * 说明用：表7 项目的资金分配情况
     */
    allocation?: Cell;
    /**
     * 基本支出
     */
    basic?: Cell;
    /**
     * 说明用：表7 项目的设立的政策依据
     */
    basis?: Cell;
    /**
     * 国有资本经营预算
     */
    capital?: Cell;
    /**
     * 资本性支出（基本建设）
     */
    capital_build?: Cell;
    /**
     * 资本性支出
     */
    capital_other?: Cell;
    /**
     * 上级国有资本经营预算安排的转移支付
     */
    capital_transfer?: Cell;
    /**
     * 财政拨款结转
     */
    carried_fiscal?: Cell;
    /**
     * 非财政拨款结转结余
     */
    carried_nonfiscal?: Cell;
    /**
     * 说明用：比上年增减额（减少为负数，也可写“减少30.44”；填了上年预算数时由此算出）
     */
    change?: Cell;
    /**
     * 科目编码：类（也可填完整编码，如 2150502）
     */
    class?: Cell;
    /**
     * 债务利息及费用支出
     */
    debt?: Cell;
    /**
     * 对企业补助
     */
    enterprise?: Cell;
    /**
     * 对企业补助（基本建设）
     */
    enterprise_build?: Cell;
    /**
     * 表2 财政拨款（补助）小计
     */
    fiscal?: Cell;
    /**
     * 表11 财政拨款：人员经费
     */
    fiscal_personnel?: Cell;
    /**
     * 财政拨款：项目支出
     */
    fiscal_projects?: Cell;
    /**
     * 财政拨款：公用经费
     */
    fiscal_public?: Cell;
    /**
     * 政府性基金预算
     */
    fund?: Cell;
    /**
     * 上级政府性基金安排的转移支付
     */
    fund_transfer?: Cell;
    /**
     * 一般公共预算
     */
    general?: Cell;
    /**
     * 上级一般公共预算安排的转移支付
     */
    general_transfer?: Cell;
    /**
     * 商品和服务支出
     */
    goods?: Cell;
    /**
     * 对个人和家庭的补助
     */
    households?: Cell;
    /**
     * 项
     */
    item?: Cell;
    /**
     * 科目名称（留空时按编码取得）；表7、表11 的单位名称；表11 的项目
     */
    name?: Cell;
    /**
     * 表11 非财政拨款小计
     */
    nonfiscal?: Cell;
    /**
     * 非财政拨款：人员经费
     */
    nonfiscal_personnel?: Cell;
    /**
     * 非财政拨款：项目支出
     */
    nonfiscal_projects?: Cell;
    /**
     * 非财政拨款：公用经费
     */
    nonfiscal_public?: Cell;
    /**
     * 其他支出
     */
    other?: Cell;
    /**
     * 说明用：表7 项目的资金执行时间
     */
    period?: Cell;
    /**
     * 人员经费
     */
    personnel?: Cell;
    /**
     * 说明用（不在公开表中）：表5 的 项 的上年预算数
     */
    previous?: Cell;
    /**
     * 表7 项目名称
     */
    project?: Cell;
    /**
     * 项目支出
     */
    projects?: Cell;
    /**
     * 公用经费
     */
    public?: Cell;
    /**
     * 说明用：增减率（%）
     */
    rate?: Cell;
    /**
     * 说明用：增减的主要原因
     */
    reason?: Cell;
    /**
     * 款
     */
    section?: Cell;
    /**
     * 对社会保障基金补助
     */
    social?: Cell;
    /**
     * 财政专户管理资金（教育收费）
     */
    special?: Cell;
    /**
     * 合计（总计、预算数）
     */
    sum?: Cell;
    /**
     * 单位资金
     */
    unit_funds?: Cell;
    /**
     * 说明用：主要用于（表5 的 类，表11 的项目）
     */
    uses?: Cell;
    /**
     * 表7 工资福利支出
     */
    wages?: Cell;
}

export interface RowList {
    /**
     * the add button's text
     */
    add: string;
    /**
     * a row whose 科目 code is typed moves to its place in code order, under its parent
     */
    by_code?: boolean;
    no_add?: boolean;
    path: string;
    /**
     * a published table pasted whole (its header rows, page headers and 总计 row with it)
     * replaces the rows, its columns taken in the printed order
     */
    published?: boolean;
    reorder?: boolean;
    /**
     * what a new row starts with
     */
    template: Record<string, string>;
}

/**
 * The settings a caller may lay over a profile: `{ base: "default", exec_weight: "20", … }`.
 * A misspelt setting is refused, never silently ignored.
 */
export interface Settings {
    /**
     * the profile the settings are laid over (default "default")
     */
    base?: string | null;
    /**
     * 执行率 below this percentage expects a reason
     */
    exec_rate_reason_below?: Cell | null;
    /**
     * 执行率 分值
     */
    exec_weight?: Cell | null;
    /**
     * 优, 良, 中 lower bounds
     */
    grade_cuts?: Cell[] | null;
    /**
     * "增长100%" from a previous year of 0: accept (default) or omit
     */
    growth_from_zero?: GrowthFromZero | null;
    /**
     * a name to show
     */
    name?: string | null;
    over_achievement_warn?: Cell | null;
    /**
     * lower bounds of 达成 and 部分达成, as fractions of the weight
     */
    qualitative_bands?: Cell[] | null;
    reverse_formula?: ReverseFormulaName | null;
    /**
     * {一级指标: 算法}
     */
    reverse_formula_by_level1?: Record<string, ReverseFormulaName> | null;
    rounding_tolerance?: Cell | null;
}

export type Severity = "error" | "warning" | "info";

/**
 * 资金使用主要内容及范围: 全年支出 = 基本支出 + 项目支出
 */
export interface Spending {
    basic?: Cell;
    basic_use?: Cell;
    project?: Cell;
    project_use?: Cell;
    total?: Cell;
}

/**
 * 编制 = 行政编制 + 事业编制; 实有人数
 */
export interface Staffing {
    actual?: Cell;
    administrative?: Cell;
    institutional?: Cell;
    total?: Cell;
}

/**
 * 国有资产占用: 车辆 by use sums to the 车辆 total.
 */
export interface StateAssets {
    /**
     * 房屋（平方米）
     */
    building_area?: Cell;
    building_value?: Cell;
    /**
     * 机要通信用车
     */
    confidential?: Cell;
    /**
     * 应急保障用车
     */
    emergency?: Cell;
    /**
     * 执法执勤用车
     */
    enforcement?: Cell;
    /**
     * 单价100万元（含）以上设备（不含车辆），台（套）
     */
    equipment?: Cell;
    /**
     * 主要负责人用车
     */
    head?: Cell;
    /**
     * 副部（省）级及以上领导用车
     */
    leader?: Cell;
    /**
     * 固定资产原值（万元）
     */
    original?: Cell;
    /**
     * 其他用车
     */
    other?: Cell;
    /**
     * 其他用车主要是
     */
    other_use?: Cell;
    /**
     * 离退休干部服务用车
     */
    retired?: Cell;
    /**
     * 特种专业技术用车
     */
    special?: Cell;
    /**
     * 车辆（辆）
     */
    vehicles?: Cell;
    vehicles_value?: Cell;
}

/**
 * The headline figures of one document.
 */
export interface Summary {
    errors: number;
    /**
     * 执行率, formatted (`78.59%`)
     */
    exec_rate: string | null;
    /**
     * 等级: 优 / 良 / 中 / 差
     */
    grade: string | null;
    infos: number;
    /**
     * what is still to be filled in; while not empty the document is 未完成填报 and not graded
     */
    missing: string[];
    /**
     * the policy's name (`default`, `urumqi-2023`, `…+自定义`)
     */
    policy: string;
    title: string;
    /**
     * 总分, formatted (`89.15`)
     */
    total_score: string | null;
    warnings: number;
}

/**
 * A table of 科目 rows with its 总计 row.
 */
export interface Table {
    /**
     * the rows in the printed order: a 类 before its 款, a 款 before its 项 (表7, 表11: a 单位
     * before its rows)
     */
    rows?: Row[];
    /**
     * 总计（合计）行
     */
    total?: Row;
}

/**
 * A 项目支出绩效目标表 or a 部门整体绩效目标表, every cell as typed.
 */
export interface TargetDoc {
    funds?: TargetFunds;
    /**
     * 项目总体目标（部门整体表：年度绩效目标）
     */
    goal?: Cell;
    indicators?: TargetRow[];
    /**
     * 项目负责人（部门整体表：部门联系人）
     */
    manager?: Cell;
    /**
     * 联系电话
     */
    phone?: Cell;
    /**
     * 项目名称（部门整体表没有）
     */
    project?: Cell;
    /**
     * 预算单位（部门整体表：部门名称）
     */
    unit?: Cell;
    /**
     * 格式版本 (1)
     */
    version?: Cell;
    /**
     * 预算年度
     */
    year?: Cell;
}

/**
 * 项目资金 / 年度预算 (万元).
 */
export interface TargetFunds {
    /**
     * 其中：财政拨款（财政资金）
     */
    fiscal?: Cell;
    /**
     * 财政资金：本级安排
     */
    local?: Cell;
    /**
     * 其他资金
     */
    other?: Cell;
    /**
     * 年度预算总额（资金总额）
     */
    total?: Cell;
    /**
     * 财政资金：上级安排
     */
    upper?: Cell;
}

/**
 * One indicator of a target table.
 */
export interface TargetRow {
    /**
     * 指标值设置依据
     */
    basis?: Cell;
    /**
     * 佐证资料
     */
    evidence?: Cell;
    /**
     * 一级指标; blank means "as the row above" (merged cells)
     */
    level1?: Cell;
    /**
     * 二级指标; blank means "as the row above"
     */
    level2?: Cell;
    /**
     * 三级指标
     */
    name?: Cell;
    /**
     * 上年完成值
     */
    previous?: Cell;
    /**
     * 指标赋分规则
     */
    rule?: Cell;
    /**
     * 指标值
     */
    target?: Cell;
    /**
     * 指标分值权重
     */
    weight?: Cell;
}

/**
 * The 绩效目标表 published with the tables (部门整体 one, 项目支出 each).
 */
export interface Targets {
    /**
     * 部门整体绩效目标表
     */
    department?: TargetDoc | null;
    /**
     * 项目支出绩效目标表（涉密项目不公开）
     */
    projects?: TargetDoc[];
}

/**
 * What `checkText` returns: the claims in the order they stand, and a finding for each that is
 * not verified (`path` is `claims.N`), errors first.
 */
export interface TextCheck {
    claims: Claim[];
    findings: Finding[];
    summary: TextSummary;
}

/**
 * The verdicts counted.
 */
export interface TextSummary {
    /**
     * characters of the text checked
     */
    characters: number;
    claims: number;
    errors: number;
    infos: number;
    tail: number;
    unresolved: number;
    verified: number;
    warnings: number;
    wrong: number;
}

/**
 * 三公: 合计 = 因公出国（境）+ 公务用车购置及运行维护 + 公务接待; 公务用车 = 购置 + 运行维护;
 * each with 占比, change, 全年预算 and 差异率; and the counts.
 */
export interface ThreeCosts {
    abroad?: AccountsLine;
    /**
     * 因公出国（境）费开支内容
     */
    abroad_content?: Cell;
    /**
     * 国有资产占用情况中固定资产车辆（辆；留空取“国有资产”中的车辆数）
     */
    asset_vehicles?: Cell;
    /**
     * 国内公务接待批次
     */
    batches?: Cell;
    car?: AccountsLine;
    /**
     * 公务用车运行维护费开支内容
     */
    car_content?: Cell;
    car_purchase?: AccountsLine;
    car_running?: AccountsLine;
    /**
     * 公务用车购置数（辆）
     */
    cars_bought?: Cell;
    /**
     * 公务用车保有量（辆）
     */
    fleet?: Cell;
    /**
     * 与公务用车保有量差异原因
     */
    fleet_reason?: Cell;
    /**
     * 因公出国（境）团组（个）
     */
    groups?: Cell;
    /**
     * 国内公务接待人次
     */
    guests?: Cell;
    reception?: AccountsLine;
    /**
     * 公务接待费开支内容
     */
    reception_content?: Cell;
    total?: AccountsLine;
    /**
     * 因公出国（境）人次
     */
    travellers?: Cell;
}

/**
 * 表10 财政拨款“三公”经费支出情况表 (合计、一般公共预算、政府性基金、国有资本经营预算 in
 * each line).
 */
export interface ThreeCosts2 {
    /**
     * 因公出国（境）费
     */
    abroad?: Row;
    /**
     * 公务用车购置及运行费（小计）
     */
    car?: Row;
    /**
     * 其中：公务用车购置费
     */
    car_purchase?: Row;
    /**
     * 公务用车运行费
     */
    car_running?: Row;
    /**
     * 公务接待费
     */
    reception?: Row;
    /**
     * 合计
     */
    total?: Row;
}

/**
 * How a claim stands.
 */
export type Verdict =
    | "wrong"
    | "unresolved"
    | "tail"
    | "verified";
