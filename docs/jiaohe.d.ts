// Generated from the Rust types by src/contract.rs: do not edit.

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

export interface Block {
    columns?: Column[];
    fields?: Field[];
    /**
     * rows every table has (年度资金总额)
     */
    fixed?: FixedRow[];
    /**
     * the document kinds an import block takes
     */
    kinds?: string[];
    label?: string | null;
    /**
     * the rows a user adds, moves and removes
     */
    list?: RowList | null;
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
 * What the page needs to draw itself: the forms, their layouts, blank documents, profiles.
 */
export interface Catalog {
    forms: FormEntry[];
    profiles: Profile[];
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
    | "text.rate_base";

export interface Column {
    /**
     * the column's names in other provinces' templates (调整后预算数, 权重, 原因): a header row
     * pasted with a table is mapped by them
     */
    aliases?: string[];
    amount?: boolean;
    computed?: boolean;
    derived?: boolean;
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
    } & PackageDoc;

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

export interface FixedRow {
    /**
     * the columns of this row the core computes
     */
    computed: string[];
    label: string;
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
 * One department's 整体 table and project tables, with the totals its 决算说明 cites.
 */
export interface PackageDoc {
    /**
     * the 部门（单位）整体支出绩效自评表
     */
    department?: ProjectDoc | null;
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
 * Which rules to score by: a profile's name, or settings laid over a profile.
 */
export type PolicyChoice = string | Settings;

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

export interface RowList {
    /**
     * the add button's text
     */
    add: string;
    no_add?: boolean;
    path: string;
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
 * How a claim stands.
 */
export type Verdict =
    | "wrong"
    | "unresolved"
    | "tail"
    | "verified";
