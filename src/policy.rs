//! Regional scoring rules (SPEC §5.5) as data. The code never branches on a region's name: a
//! named profile is only a set of values, and a caller may override any of them.

use rust_decimal::Decimal;
use crate::json::Value;
use std::str::FromStr;

/// How a 反向 (≤) indicator is scored under 按照完成比例赋分.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReverseFormula {
    /// full weight within the limit, else weight × target / actual
    WithinLimit,
    /// full within the limit, else weight × (1 − (actual − target) / target), 0 at twice the target
    Linear,
    /// weight × actual / target — what seed 001 did for its 成本指标
    ActualOverTarget,
}

impl ReverseFormula {
    pub fn parse(name: &str) -> Option<ReverseFormula> {
        match name {
            "within_limit" => Some(ReverseFormula::WithinLimit),
            "linear" => Some(ReverseFormula::Linear),
            "actual_over_target" => Some(ReverseFormula::ActualOverTarget),
            _ => None,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            ReverseFormula::WithinLimit => "限额内得满分，超出按 目标值/实际值 计分",
            ReverseFormula::Linear => "限额内得满分，超出按超出比例线性扣分",
            ReverseFormula::ActualOverTarget => "按 实际值/目标值 计分",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
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

fn decimal(v: &Value, key: &str) -> Result<Decimal, String> {
    let text = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.clone(),
        _ => String::new(),
    };
    Decimal::from_str(&text).map_err(|_| format!("评分口径设置 {key} 应为数字，收到 {v}"))
}

fn decimals<const N: usize>(v: &Value, key: &str) -> Result<[Decimal; N], String> {
    let items = v.as_array().filter(|a| a.len() == N).ok_or_else(|| format!("评分口径设置 {key} 应为 {N} 个数字的列表"))?;
    let mut out = [Decimal::ZERO; N];
    for (o, item) in out.iter_mut().zip(items) {
        *o = decimal(item, key)?;
    }
    Ok(out)
}

fn formula(v: &Value, key: &str) -> Result<ReverseFormula, String> {
    v.as_str()
        .and_then(ReverseFormula::parse)
        .ok_or_else(|| format!("评分口径设置 {key} 应为 within_limit、linear 或 actual_over_target，收到 {v}"))
}

impl Policy {
    /// Lays the settings of a JSON object over this policy; unknown keys are an error, so a
    /// misspelt setting is never silently ignored.
    pub fn with_overrides(mut self, settings: &[(String, Value)]) -> Result<Policy, String> {
        for (key, v) in settings {
            match key.as_str() {
                "base" => {}
                "name" => self.name = v.as_str().unwrap_or_default().to_string(),
                "exec_weight" => self.exec_weight = decimal(v, key)?,
                "reverse_formula" => self.reverse_formula = formula(v, key)?,
                "reverse_formula_by_level1" => {
                    let m = v.as_object().ok_or("评分口径设置 reverse_formula_by_level1 应为 {一级指标: 算法} 对象")?;
                    self.reverse_formula_by_level1 = m.iter().map(|(l, f)| Ok((l.clone(), formula(f, key)?))).collect::<Result<_, String>>()?;
                }
                "qualitative_bands" => {
                    let [a, b] = decimals(v, key)?;
                    self.qualitative_bands = (a, b);
                }
                "grade_cuts" => {
                    let [a, b, c] = decimals(v, key)?;
                    self.grade_cuts = (a, b, c);
                }
                "over_achievement_warn" => self.over_achievement_warn = decimal(v, key)?,
                "exec_rate_reason_below" => self.exec_rate_reason_below = if *v == Value::Null { None } else { Some(decimal(v, key)?) },
                "rounding_tolerance" => self.rounding_tolerance = decimal(v, key)?,
                other => return Err(format!("没有名为 {other} 的评分口径设置")),
            }
        }
        Ok(self)
    }
}
