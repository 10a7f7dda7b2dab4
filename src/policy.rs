//! Regional scoring rules (SPEC §5.5) as data. The code never branches on a region's name: a
//! named profile is only a set of values, and a caller may override any of them.

use crate::cell::Cell;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;
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
    /// a rise from 0 written "增长100%" is accepted (the seeds do it); else the rate is to be omitted
    pub growth_from_zero: GrowthFromZero,
}

/// What a text may say of a rise from a previous year of 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GrowthFromZero {
    /// "增长100%" is accepted
    #[default]
    Accept,
    /// no rate can be computed: a stated one is wrong
    Omit,
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
            growth_from_zero: GrowthFromZero::Accept,
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

    pub fn growth_from_zero_accepted(&self) -> bool {
        self.growth_from_zero == GrowthFromZero::Accept
    }

    pub fn reverse_formula_for(&self, level1: &str) -> ReverseFormula {
        self.reverse_formula_by_level1
            .iter()
            .find(|(l, _)| l.trim() == level1.trim())
            .map_or(self.reverse_formula, |(_, f)| *f)
    }
}

/// The settings a caller may lay over a profile: `{ base: "default", exec_weight: "20", … }`.
/// A misspelt setting is refused, never silently ignored.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// the profile the settings are laid over (default "default")
    pub base: Option<String>,
    /// a name to show
    pub name: Option<String>,
    /// 执行率 分值
    pub exec_weight: Option<Cell>,
    pub reverse_formula: Option<ReverseFormulaName>,
    /// {一级指标: 算法}
    pub reverse_formula_by_level1: Option<BTreeMap<String, ReverseFormulaName>>,
    /// lower bounds of 达成 and 部分达成, as fractions of the weight
    pub qualitative_bands: Option<[Cell; 2]>,
    /// 优, 良, 中 lower bounds
    pub grade_cuts: Option<[Cell; 3]>,
    pub over_achievement_warn: Option<Cell>,
    /// 执行率 below this percentage expects a reason
    pub exec_rate_reason_below: Option<Cell>,
    pub rounding_tolerance: Option<Cell>,
    /// "增长100%" from a previous year of 0: accept (default) or omit
    pub growth_from_zero: Option<GrowthFromZero>,
}

/// How a 反向 indicator is scored, as a setting names it.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReverseFormulaName {
    WithinLimit,
    Linear,
    ActualOverTarget,
}

impl From<ReverseFormulaName> for ReverseFormula {
    fn from(n: ReverseFormulaName) -> ReverseFormula {
        match n {
            ReverseFormulaName::WithinLimit => ReverseFormula::WithinLimit,
            ReverseFormulaName::Linear => ReverseFormula::Linear,
            ReverseFormulaName::ActualOverTarget => ReverseFormula::ActualOverTarget,
        }
    }
}

/// Which rules to score by: a profile's name, or settings laid over a profile.
#[derive(Debug, Clone, Default, JsonSchema)]
#[serde(untagged)]
pub enum PolicyChoice {
    #[default]
    #[schemars(skip)]
    Default,
    Named(String),
    Custom(Settings),
}

impl<'de> Deserialize<'de> for PolicyChoice {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = PolicyChoice;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("口径名称或设置对象")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PolicyChoice, E> {
                Ok(PolicyChoice::Named(v.to_string()))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<PolicyChoice, E> {
                Ok(PolicyChoice::Default)
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<PolicyChoice, E> {
                Ok(PolicyChoice::Default)
            }
            fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<PolicyChoice, D::Error> {
                d.deserialize_any(V)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<PolicyChoice, A::Error> {
                Settings::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(PolicyChoice::Custom)
            }
        }
        d.deserialize_any(V)
    }
}

fn decimal(c: &Cell, key: &str) -> Result<Decimal, String> {
    Decimal::from_str(c.trim()).map_err(|_| format!("评分口径设置 {key} 应为数字，收到“{}”", c.as_str()))
}

impl PolicyChoice {
    pub fn resolve(&self) -> Result<Policy, String> {
        match self {
            PolicyChoice::Default => Ok(Policy::default()),
            PolicyChoice::Named(name) => Policy::named(name).ok_or_else(|| unknown_policy(name)),
            PolicyChoice::Custom(s) => {
                let base = s.base.as_deref().unwrap_or("default");
                let mut p = Policy::named(base).ok_or_else(|| unknown_policy(base))?;
                p.name = format!("{}+自定义", p.name);
                p.with_settings(s)
            }
        }
    }
}

fn unknown_policy(name: &str) -> String {
    let names: Vec<&str> = PROFILES.iter().map(|p| p.0).collect();
    format!("没有名为“{name}”的评分口径；可选：{}", names.join("、"))
}

impl Policy {
    /// Lays settings over this policy.
    pub fn with_settings(mut self, s: &Settings) -> Result<Policy, String> {
        if let Some(n) = &s.name {
            self.name = n.clone();
        }
        if let Some(v) = &s.exec_weight {
            self.exec_weight = decimal(v, "exec_weight")?;
        }
        if let Some(f) = s.reverse_formula {
            self.reverse_formula = f.into();
        }
        if let Some(m) = &s.reverse_formula_by_level1 {
            self.reverse_formula_by_level1 = m.iter().map(|(l, f)| (l.clone(), (*f).into())).collect();
        }
        if let Some([a, b]) = &s.qualitative_bands {
            self.qualitative_bands = (decimal(a, "qualitative_bands")?, decimal(b, "qualitative_bands")?);
        }
        if let Some([a, b, c]) = &s.grade_cuts {
            self.grade_cuts = (decimal(a, "grade_cuts")?, decimal(b, "grade_cuts")?, decimal(c, "grade_cuts")?);
        }
        if let Some(v) = &s.over_achievement_warn {
            self.over_achievement_warn = decimal(v, "over_achievement_warn")?;
        }
        if let Some(v) = &s.exec_rate_reason_below {
            self.exec_rate_reason_below = if v.is_blank() { None } else { Some(decimal(v, "exec_rate_reason_below")?) };
        }
        if let Some(v) = &s.rounding_tolerance {
            self.rounding_tolerance = decimal(v, "rounding_tolerance")?;
        }
        if let Some(g) = s.growth_from_zero {
            self.growth_from_zero = g;
        }
        self.validate()?;
        Ok(self)
    }

    /// Settings in their meaningful ranges: a negative weight or grade cuts out of order would
    /// grade nonsense (57.41 as 优), and huge values would overflow the arithmetic.
    fn validate(&self) -> Result<(), String> {
        let (zero, one, hundred) = (Decimal::ZERO, Decimal::ONE, Decimal::ONE_HUNDRED);
        let within = |v: Decimal, lo: Decimal, hi: Decimal, what: &str| {
            if v < lo || v > hi {
                Err(format!("评分口径设置 {what} 应在 {lo} 到 {hi} 之间，收到 {}", v.normalize()))
            } else {
                Ok(())
            }
        };
        within(self.exec_weight, zero, hundred, "exec_weight")?;
        let (a, b) = self.qualitative_bands;
        within(a, zero, one, "qualitative_bands")?;
        within(b, zero, one, "qualitative_bands")?;
        if b > a {
            return Err("评分口径设置 qualitative_bands 应先写“达成”的下限，再写较低的“部分达成”下限".into());
        }
        let (g1, g2, g3) = self.grade_cuts;
        for g in [g1, g2, g3] {
            within(g, zero, hundred, "grade_cuts")?;
        }
        if !(g1 >= g2 && g2 >= g3) {
            return Err("评分口径设置 grade_cuts 应按 优、良、中 的下限从高到低排列，例如 [\"90\", \"80\", \"60\"]".into());
        }
        within(self.over_achievement_warn, zero, Decimal::from(1000), "over_achievement_warn")?;
        if let Some(r) = self.exec_rate_reason_below {
            within(r, zero, hundred, "exec_rate_reason_below")?;
        }
        within(self.rounding_tolerance, zero, one, "rounding_tolerance")?;
        Ok(())
    }
}
