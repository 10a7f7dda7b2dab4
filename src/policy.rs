//! Regional scoring rules (SPEC §5.5) as data. The code never branches on a region's name: a
//! named profile is only a set of values, and a caller may override any of them.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How a 反向 (≤) indicator is scored under 按照完成比例赋分.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReverseFormula {
    /// full weight within the limit, else weight × target / actual
    WithinLimit,
    /// full within the limit, else weight × (1 − (actual − target) / target), 0 at twice the target
    Linear,
    /// weight × actual / target — what seed 001 did for its 成本指标
    ActualOverTarget,
}

impl ReverseFormula {
    pub fn describe(self) -> &'static str {
        match self {
            ReverseFormula::WithinLimit => "限额内得满分，超出按 目标值/实际值 计分",
            ReverseFormula::Linear => "限额内得满分，超出按超出比例线性扣分",
            ReverseFormula::ActualOverTarget => "按 实际值/目标值 计分",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Policy {
    /// a name to show; "custom" once overridden
    pub name: String,
    /// 执行率 分值
    pub exec_weight: Decimal,
    pub reverse_formula: ReverseFormula,
    /// per 一级指标 overrides of `reverse_formula`, e.g. ("成本指标", ActualOverTarget)
    pub reverse_formula_by_level1: Vec<(String, ReverseFormula)>,
    /// lower bounds of 达成 and 部分达成, as fractions of the weight
    pub qualitative_bands: (Decimal, Decimal),
    /// 优, 良, 中 lower bounds (inclusive)
    pub grade_cuts: (Decimal, Decimal, Decimal),
    /// over-achievement beyond this fraction expects a deviation reason
    pub over_achievement_warn: Decimal,
    /// 执行率 below this percentage expects a reason; None: no such rule
    pub exec_rate_reason_below: Option<Decimal>,
    /// tolerance each rounded term may contribute to a total (尾差)
    pub rounding_tolerance: Decimal,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            name: "default".into(),
            exec_weight: Decimal::TEN,
            reverse_formula: ReverseFormula::WithinLimit,
            reverse_formula_by_level1: Vec::new(),
            qualitative_bands: (Decimal::new(8, 1), Decimal::new(6, 1)),
            grade_cuts: (Decimal::from(90), Decimal::from(80), Decimal::from(60)),
            over_achievement_warn: Decimal::new(2, 1),
            exec_rate_reason_below: None,
            rounding_tolerance: Decimal::new(1, 2),
        }
    }
}

/// The profiles a user can pick by name: (name, 中文说明).
pub const PROFILES: &[(&str, &str)] = &[
    ("default", "通用口径（财预〔2020〕10号）"),
    ("urumqi-2023", "乌鲁木齐2023口径（成本指标按 实际/目标 计分）"),
];

impl Policy {
    pub fn named(name: &str) -> Option<Policy> {
        match name {
            "default" | "" => Some(Policy::default()),
            "urumqi-2023" => Some(Policy {
                name: "urumqi-2023".into(),
                reverse_formula_by_level1: vec![("成本指标".into(), ReverseFormula::ActualOverTarget)],
                ..Policy::default()
            }),
            _ => None,
        }
    }

    pub fn reverse_formula_for(&self, level1: &str) -> ReverseFormula {
        self.reverse_formula_by_level1
            .iter()
            .find(|(l, _)| l.trim() == level1.trim())
            .map_or(self.reverse_formula, |(_, f)| *f)
    }
}
