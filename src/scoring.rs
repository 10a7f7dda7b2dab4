//! The arithmetic of scores: the four 赋分规则 (SPEC §5.4), 执行率 and its score, 等级.
//! Inputs are already-parsed decimals; rounding to 2 decimals happens here, once per score.

use crate::indicator::{Kind, Level};
use crate::number::{hundred, percent, ratio, round2};
use crate::policy::{Policy, ReverseFormula};
use rust_decimal::Decimal;

/// 赋分规则
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// 按照完成比例赋分
    Proportional,
    /// 直接赋分
    Direct,
    /// 按评判等级赋分
    Grade,
    /// 满意度赋分
    Satisfaction,
}

impl Rule {
    pub const ALL: [Rule; 4] = [Rule::Proportional, Rule::Direct, Rule::Grade, Rule::Satisfaction];

    pub fn label(self) -> &'static str {
        match self {
            Rule::Proportional => "按照完成比例赋分",
            Rule::Direct => "直接赋分",
            Rule::Grade => "按评判等级赋分",
            Rule::Satisfaction => "满意度赋分",
        }
    }

    /// Blank means "the default for its kind" (SPEC §5.4).
    pub fn parse(text: &str) -> Result<Option<Rule>, String> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if t.is_empty() {
            return Ok(None);
        }
        Rule::ALL
            .into_iter()
            .find(|r| r.label() == t || r.label().replace("按照", "按") == t)
            .map(Some)
            .ok_or_else(|| format!("无法识别赋分规则“{}”，可选：按照完成比例赋分、直接赋分、按评判等级赋分、满意度赋分", text.trim()))
    }

    pub fn default_for(kind: Kind) -> Rule {
        if kind == Kind::Qualitative { Rule::Grade } else { Rule::Proportional }
    }
}

fn cap(c: Decimal) -> Decimal {
    c.clamp(Decimal::ZERO, Decimal::ONE)
}

/// A 反向 indicator's score under one reading of `reverse_formula`.
pub fn reverse_score(formula: ReverseFormula, weight: Decimal, target: Decimal, actual: Decimal) -> Decimal {
    round2(reverse_exact(formula, weight, target, actual))
}

/// The same before rounding to the cent.
pub fn reverse_exact(formula: ReverseFormula, weight: Decimal, target: Decimal, actual: Decimal) -> Decimal {
    let within = actual <= target;
    let fraction = match formula {
        ReverseFormula::WithinLimit if within => Decimal::ONE,
        // a limit at or below zero exceeded: nothing earned (ratio is None only for actual 0)
        ReverseFormula::WithinLimit => ratio(target, actual).unwrap_or(Decimal::ZERO),
        ReverseFormula::Linear if within => Decimal::ONE,
        ReverseFormula::Linear if target.is_zero() => Decimal::ZERO,
        ReverseFormula::Linear => ratio(actual - target, target).map_or(Decimal::ZERO, |over| Decimal::ONE - over.min(Decimal::ONE)),
        ReverseFormula::ActualOverTarget if target.is_zero() => {
            if actual.is_zero() { Decimal::ONE } else { Decimal::ZERO }
        }
        // seed 001 scored spending under the limit as actual / target; spending over it cannot
        // earn more than the limit allows, so it is scored as under the default
        ReverseFormula::ActualOverTarget if within => ratio(actual, target).unwrap_or(Decimal::ZERO),
        ReverseFormula::ActualOverTarget => ratio(target, actual).unwrap_or(Decimal::ZERO),
    };
    weight * cap(fraction)
}

/// The score of a quantitative (or date) indicator from its completion.
/// 满意度赋分 (full at or above target, else weight × actual / target) is the same figure as
/// 按照完成比例赋分 once the completion is known.
pub fn quantitative_score(rule: Rule, weight: Decimal, completion: Decimal) -> Decimal {
    round2(quantitative_exact(rule, weight, completion))
}

/// The same before rounding to the cent.
pub fn quantitative_exact(rule: Rule, weight: Decimal, completion: Decimal) -> Decimal {
    match rule {
        Rule::Direct if completion >= Decimal::ONE => weight,
        Rule::Direct => Decimal::ZERO,
        Rule::Proportional | Rule::Satisfaction | Rule::Grade => weight * cap(completion),
    }
}

/// The band a 定性 score must lie in, as (lowest, highest) of the weight (SPEC §5.4).
pub fn band(level: Level, weight: Decimal, policy: &Policy) -> (Decimal, Decimal) {
    let (achieved, partly) = policy.qualitative_bands;
    match level {
        Level::Achieved => (round2(weight * achieved), weight),
        Level::Partly => (round2(weight * partly), round2(weight * achieved)),
        Level::NotAchieved => (Decimal::ZERO, round2(weight * partly)),
    }
}

/// Whether a stated 定性 score lies in its band; the upper bound of 部分达成 and 未达成 is open.
pub fn in_band(level: Level, score: Decimal, weight: Decimal, policy: &Policy) -> bool {
    let (lo, hi) = band(level, weight, policy);
    match level {
        Level::Achieved => score >= lo && score <= hi,
        _ => score >= lo && score < hi,
    }
}

/// The score to fill in when a 定性 score is left blank: the top of 达成, the bottom otherwise.
pub fn default_qualitative_score(rule: Rule, level: Level, weight: Decimal, policy: &Policy) -> Decimal {
    match (rule, level) {
        (_, Level::Achieved) => weight,
        (Rule::Direct, _) => Decimal::ZERO,
        (_, l) => band(l, weight, policy).0,
    }
}

/// 执行率 = 全年执行数 / 全年预算数 × 100, rounded to 2 decimals as the form shows it.
pub fn exec_rate(adjusted_budget: Decimal, executed: Decimal) -> Option<Decimal> {
    percent(executed, adjusted_budget)
}

/// 执行率得分 = 分值 × min(执行率, 100%), from the rate as shown: seed 001 益民大厦 scores
/// 10 × 18.35% = 1.835 → 1.84, where the unrounded 18.348…% would give 1.83.
pub fn exec_score(weight: Decimal, rate_pct: Decimal) -> Decimal {
    round2(exec_exact(weight, rate_pct))
}

pub fn exec_exact(weight: Decimal, rate_pct: Decimal) -> Decimal {
    weight * rate_pct.clamp(Decimal::ZERO, hundred()) / hundred()
}

pub const GRADES: [&str; 4] = ["优", "良", "中", "差"];

/// 等级: 优 ≥ 90, 良 [80, 90), 中 [60, 80), 差 < 60 with the policy's cut points.
pub fn grade(total: Decimal, policy: &Policy) -> &'static str {
    let (a, b, c) = policy.grade_cuts;
    if total >= a {
        "优"
    } else if total >= b {
        "良"
    } else if total >= c {
        "中"
    } else {
        "差"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn exec_scores_from_seed_001() {
        let r = exec_rate(d("12.89"), d("10.13")).unwrap();
        assert_eq!(r, d("78.59"));
        assert_eq!(exec_score(d("10"), r), d("7.86"));
        let r = exec_rate(d("2180.00"), d("400.00")).unwrap();
        assert_eq!(r, d("18.35"));
        assert_eq!(exec_score(d("10"), r), d("1.84"));
        assert_eq!(exec_rate(d("20.50"), d("7.48")).unwrap(), d("36.49"));
        assert_eq!(exec_rate(d("9.00"), d("5.91")).unwrap(), d("65.67"));
        assert_eq!(exec_score(d("10"), d("65.67")), d("6.57"));
        assert_eq!(exec_rate(d("38544.43"), d("38349.81")).unwrap(), d("99.50"));
        assert_eq!(exec_score(d("10"), d("120")), d("10"));
        assert_eq!(exec_rate(d("0"), d("1")), None);
    }

    #[test]
    fn reverse_readings() {
        use ReverseFormula::*;
        // seed 001 原机电老干所: 4.55 against ≤5.6, weight 5
        assert_eq!(reverse_score(ActualOverTarget, d("5"), d("5.6"), d("4.55")), d("4.06"));
        assert_eq!(reverse_score(WithinLimit, d("5"), d("5.6"), d("4.55")), d("5"));
        assert_eq!(reverse_score(ActualOverTarget, d("5"), d("0.29"), d("0")), d("0"));
        assert_eq!(reverse_score(ActualOverTarget, d("12"), d("367.19"), d("554.23")), d("7.95"));
        // seed 003: 554.23 against ≤367.19, weight 12
        assert_eq!(reverse_score(WithinLimit, d("12"), d("367.19"), d("554.23")), d("7.95"));
        assert_eq!(reverse_score(Linear, d("12"), d("367.19"), d("554.23")), d("5.89"));
        assert_eq!(reverse_score(Linear, d("12"), d("100"), d("250")), d("0"));
    }

    #[test]
    fn proportional_and_bands() {
        // seed 001 安全生产: 37 against ≥40 with weight 5 → 4.63 (4.625 rounds up)
        assert_eq!(quantitative_score(Rule::Proportional, d("5"), d("37") / d("40")), d("4.63"));
        assert_eq!(quantitative_score(Rule::Direct, d("5"), d("0.99")), d("0"));
        let p = Policy::default();
        // seed 001 益民大厦: 14.61 of 15 lies in the 达成 band [12, 15]
        assert!(in_band(Level::Achieved, d("14.61"), d("15"), &p));
        assert!(!in_band(Level::Achieved, d("11.99"), d("15"), &p));
        assert!(in_band(Level::Partly, d("9"), d("15"), &p));
        assert!(!in_band(Level::Partly, d("12"), d("15"), &p));
    }

    #[test]
    fn grades() {
        let p = Policy::default();
        assert_eq!(grade(d("89.15"), &p), "良");
        assert_eq!(grade(d("90"), &p), "优");
        assert_eq!(grade(d("57.41"), &p), "差");
        assert_eq!(grade(d("60"), &p), "中");
    }

    #[test]
    fn rule_names() {
        assert_eq!(Rule::parse("按照完成比例赋分").unwrap(), Some(Rule::Proportional));
        assert_eq!(Rule::parse(" 满意度赋分 ").unwrap(), Some(Rule::Satisfaction));
        assert_eq!(Rule::parse("").unwrap(), None);
        assert!(Rule::parse("随便").is_err());
    }
}
