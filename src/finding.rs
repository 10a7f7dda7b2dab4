//! Findings are data, not exceptions: what is wrong ([`Code`]), how sure we are, which field, the
//! stated and the recomputed value, and a Chinese sentence a 填报人 understands. The page keys its
//! red cells by `path`, the same path the document uses for the input.

use schemars::JsonSchema;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// certainly wrong
    Error,
    /// against policy or suspicious
    Warning,
    /// 尾差 and notes
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// 错误 / 警告 / 提示
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// Declares every finding code once: its name in the contract, its usual severity and what it
/// means. The enum, its serde name, the `.d.ts` union and the README's list all come from here.
macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $describe:literal;)+) => {
        /// What kind of mistake a finding reports.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
        pub enum Code {
            $(#[doc = $describe] #[serde(rename = $name)] $variant,)+
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)+ }
            }

            /// The severity a finding of this code has unless the check says otherwise (a
            /// difference explained by policy is a warning, one within rounding is info).
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)+ }
            }

            pub fn describe(self) -> &'static str {
                match self { $(Code::$variant => $describe,)+ }
            }
        }
    };
}

codes! {
    SumMismatch = "sum.mismatch", Error, "合计与各项之和不符";
    SumTail = "sum.tail", Info, "合计与各项之和相差在尾差范围内";
    RateMismatch = "rate.mismatch", Error, "比率（执行率、调整率等）与按数字计算的不符";
    RateTail = "rate.tail", Info, "比率与计算值的差别可由四舍五入解释";
    ScoreMismatch = "score.mismatch", Error, "得分与按赋分规则计算的不符";
    ScoreTail = "score.tail", Info, "得分与计算值相差在尾差范围内";
    ScorePolicyDiffers = "score.policy_differs", Warning, "得分符合另一种评分口径（如成本指标按 实际/目标 计分）";
    ScoreOverWeight = "score.over_weight", Error, "得分超过该指标的分值";
    ScoreOutOfBand = "score.out_of_band", Error, "定性指标得分不在其评判等级的区间内";
    WeightsTotal = "weights.total", Error, "指标分值合计加执行率分值不等于 100";
    TotalMismatch = "total.mismatch", Error, "总分与执行率得分加指标得分之和不符";
    TotalOver100 = "total.over_100", Error, "总分超过 100";
    TotalMissing = "total.missing", Warning, "未填写总分";
    GradeMismatch = "grade.mismatch", Error, "等级与总分不符，或不是 优/良/中/差";
    DeviationReasonMissing = "deviation.reason_missing", Warning, "未完成或大幅超额完成的指标缺少偏差原因";
    ValueUnparseable = "value.unparseable", Error, "格子里的内容无法识别为数字、指标值或规则";
    ValueMissing = "value.missing", Warning, "指标缺少指标值或实际完成值";
    ValueKindMismatch = "value.kind_mismatch", Warning, "指标值与实际完成值类型不一致（如一个是数量、一个是日期）";
    ValueActualHasComparator = "value.actual_has_comparator", Warning, "实际完成值带有 ≥、≤ 等符号";
    UnitMismatch = "unit.mismatch", Warning, "指标值与实际完成值的单位不同且无法换算";
    CostExceedsExecuted = "cost.exceeds_executed", Warning, "成本指标的实际值超过项目全年执行数";
    ColumnsSwapped = "columns.swapped", Warning, "实际完成值与分值两列像是填反了";
    QualitativeLevelNeeded = "qualitative.level_needed", Warning, "定性指标需要选择 达成 / 部分达成 / 未达成";
    WeightMissing = "weight.missing", Warning, "指标未填写分值";
    LevelNonstandard = "level.nonstandard", Warning, "一级指标不是规定的四类之一，或二级指标不是常见的名称";
    FundsOverBudget = "funds.over_budget", Warning, "全年执行数超过全年预算数";
    ExecRateLow = "exec_rate.low", Warning, "执行率低于口径规定，需要说明原因";
    ExecRateNoBudget = "exec_rate.no_budget", Warning, "全年预算数为 0，无法计算执行率";
    ExecScoreMissing = "exec.score_missing", Warning, "未填写执行率得分";
    ExecRateBase = "exec_rate.base", Error, "执行率前后按不同的预算数计算";
    CompletionMismatch = "completion.mismatch", Error, "所填完成率与按指标值计算的不符";
    CountMismatch = "count.mismatch", Error, "所述个数与所列项目数不符";
    FigureInconsistent = "figure.inconsistent", Error, "同一数字在两处不一致";
    TextSumMismatch = "text.sum_mismatch", Error, "正文中“共…其中…”的各项之和与所述合计不符";
    FundsTotalUnfilled = "funds.total_unfilled", Warning, "年度资金总额一行填为 0，而其中各项有金额：按各项之和计算";
    WeightsGroup = "weights.group", Error, "一级或二级指标标注的分值与其下各指标分值之和不符";
    WeightsNoExecBlock = "weights.no_exec_block", Info, "指标分值已合计 100，按不设执行率分值的模板计分";
    TotalTail = "total.tail", Info, "总分与各项得分之和的差别可由四舍五入解释";
    TotalFollows = "total.follows", Warning, "总分随已指出的得分错误需一并改正";
    GradeFollows = "grade.follows", Warning, "等级随总分的改正需一并改正";
    FormIncomplete = "form.incomplete", Warning, "表格尚未填完，暂不评定总分和等级";
    QualitativeReading = "qualitative.reading", Info, "定性指标按实际完成值的文字判定了完成程度";
    TextRateMismatch = "text.rate_mismatch", Error, "正文中所述的比率与它所依据的数字算出的不符";
    TextFigureMismatch = "text.figure_mismatch", Error, "正文中所述的综合得分或评价结果与校核结果不符";
    TextShareMismatch = "text.share_mismatch", Error, "正文中所述的占比与按其数额和合计算出的不符";
    TextChangeMismatch = "text.change_mismatch", Error, "正文中所述的增长率、下降率或百分点与按本年数和增减额算出的不符";
    TextVarianceMismatch = "text.variance_mismatch", Error, "正文中所述的预决算差异率与按预算数和决算数算出的不符";
    TextScoreMismatch = "text.score_mismatch", Error, "正文中所述的得分超过其权重，或与按执行率算出的不符";
    TextGradeMismatch = "text.grade_mismatch", Error, "正文中所述的评价等级与综合得分不符或未填写";
    TextTail = "text.tail", Info, "正文中所述的数与计算值的差别可由四舍五入（尾差）解释";
    TextUnresolved = "text.unresolved", Warning, "正文中像是计算结果的数，但找不到它所依据的数额，无法核对";
    TextReasonMissing = "text.reason_missing", Warning, "预决算差异率不为 0，但没有说明原因";
    TextRateBase = "text.rate_base", Error, "正文中同一执行数的执行率前后按不同的预算数计算";
    ShareMismatch = "share.mismatch", Error, "占比、预决算差异率或完成预算的比例与按数额算出的不符";
    GrowthMismatch = "growth.mismatch", Error, "比上年的增减额或增长率、下降率与按本年数和上年数算出的不符，或增减的说法与符号相反";
    ThreeBelowBasic = "three.below_basic", Error, "“三公”经费的某项少于一般公共预算基本支出中对应经济分类科目的金额";
    RuleMismatch = "rule.mismatch", Warning, "赋分规则与指标值的类型不符（如可计量的指标按评判等级赋分）";
    TargetUnmatched = "target.unmatched", Warning, "项目支出绩效目标表的项目在表7、表11 中找不到";
    TargetCarried = "target.carried", Info, "绩效目标表的资金含表11 中名称不同的上年结转项目";
    ReasonMissing = "reason.missing", Warning, "数字有增减或预决算有差异，但没有填写主要原因";
}

/// A code compares with its name, as callers and tests write it: `f.code == "sum.mismatch"`.
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// the field it concerns, as the page names its cells: `indicators.3.score`
    pub path: String,
    /// the value as written, formatted
    pub stated: Option<String>,
    /// the value the core computes, formatted
    pub computed: Option<String>,
    /// what is wrong, in Chinese
    pub message: String,
    /// the other cells of the relation (a total's parts), marked beside `path`
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
}

impl Finding {
    pub fn new(code: Code, severity: Severity, path: impl Into<String>, message: impl Into<String>) -> Self {
        Finding { code, severity, path: path.into(), stated: None, computed: None, message: message.into(), related: Vec::new() }
    }

    pub fn values(mut self, stated: Option<String>, computed: Option<String>) -> Self {
        self.stated = stated;
        self.computed = computed;
        self
    }

    pub fn related(mut self, cells: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.related = cells.into_iter().map(Into::into).collect();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn codes_are_unique_and_described() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
        for c in Code::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), serde_json::Value::String(c.as_str().into()));
            assert!(!c.describe().is_empty());
        }
    }
}
