//! 校核 jiaohe — checks and completes the budget and performance documents Chinese public-sector
//! units publish: totals, 占比, 执行率, indicator scores, 总分 and 等级, with every inconsistency
//! reported as a [`Finding`]. Exact decimals only.
//!
//! One entry point, the same for the page, the ES module and the CLI:
//! [`evaluate`]`(document JSON, options JSON) → Evaluation { kind, summary, computed, findings }`.
//! It is pure: no I/O, no clock; a malformed document is an `Err` with a Chinese message.

pub mod finding;
pub mod forms;
pub mod indicator;
pub mod json;
pub mod number;
pub mod policy;
pub mod scoring;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use finding::{Finding, Severity};
pub use policy::Policy;

use json::Value;
use std::collections::BTreeMap;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The headline figures of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub title: String,
    pub policy: String,
    pub total_score: Option<String>,
    pub grade: Option<String>,
    pub exec_rate: Option<String>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub kind: String,
    pub summary: Summary,
    /// every computed cell, by the path of the field it belongs to, formatted for display
    pub computed: BTreeMap<String, String>,
    pub findings: Vec<Finding>,
}

impl Evaluation {
    pub(crate) fn new(kind: &str, mut summary: Summary, sheet: forms::Sheet) -> Evaluation {
        summary.policy = sheet.policy.name.clone();
        summary.errors = sheet.count(Severity::Error);
        summary.warnings = sheet.count(Severity::Warning);
        summary.infos = sheet.count(Severity::Info);
        let mut findings = sheet.findings;
        findings.sort_by_key(|f| f.severity);
        Evaluation { kind: kind.to_string(), summary, computed: sheet.computed, findings }
    }

    /// `{ kind, summary, computed, findings }`, the shape every surface returns.
    pub fn to_value(&self) -> Value {
        let s = &self.summary;
        let opt = |v: &Option<String>| v.as_ref().map_or(Value::Null, |v| Value::str(v.as_str()));
        let count = |n: usize| Value::Number(n.to_string());
        Value::object(vec![
            ("kind", Value::str(self.kind.as_str())),
            (
                "summary",
                Value::object(vec![
                    ("title", Value::str(s.title.as_str())),
                    ("policy", Value::str(s.policy.as_str())),
                    ("total_score", opt(&s.total_score)),
                    ("grade", opt(&s.grade)),
                    ("exec_rate", opt(&s.exec_rate)),
                    ("errors", count(s.errors)),
                    ("warnings", count(s.warnings)),
                    ("infos", count(s.infos)),
                ]),
            ),
            ("computed", Value::Object(self.computed.iter().map(|(k, v)| (k.clone(), Value::str(v.as_str()))).collect())),
            ("findings", Value::Array(self.findings.iter().map(Finding::to_value).collect())),
        ])
    }

    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }
}

/// Evaluates a document given as JSON text. `options` is JSON too (or empty):
/// `{"policy": "urumqi-2023"}`, or `{"policy": {"base": "default", "exec_weight": "20"}}`.
pub fn evaluate(document: &str, options: &str) -> Result<Evaluation, String> {
    let doc = json::parse(document.trim_start_matches('\u{feff}')).map_err(|e| format!("文件不是有效的 JSON：第 {} 行第 {} 列附近有误", e.line, e.column))?;
    let policy = policy_from_options(options)?;
    forms::evaluate(&doc, &policy)
}

/// Reads the `policy` of an options object: a profile name, or an object of settings laid over
/// a profile (`base`, default "default").
pub fn policy_from_options(options: &str) -> Result<Policy, String> {
    if options.trim().is_empty() {
        return Ok(Policy::default());
    }
    let opts = json::parse(options).map_err(|_| "选项不是有效的 JSON".to_string())?;
    match opts.get("policy") {
        None | Some(Value::Null) => Ok(Policy::default()),
        Some(Value::String(name)) => Policy::named(name).ok_or_else(|| unknown_policy(name)),
        Some(obj @ Value::Object(o)) => {
            let base = obj.get("base").and_then(Value::as_str).unwrap_or("default");
            let mut p = Policy::named(base).ok_or_else(|| unknown_policy(base))?;
            p.name = format!("{}+自定义", p.name);
            p.with_overrides(o)
        }
        Some(_) => Err("选项 policy 应为口径名称或设置对象".into()),
    }
}

fn unknown_policy(name: &str) -> String {
    let names: Vec<&str> = policy::PROFILES.iter().map(|p| p.0).collect();
    format!("没有名为“{name}”的评分口径；可选：{}", names.join("、"))
}

/// What the page needs to draw itself: the forms, their layouts, blank documents, profiles.
pub fn catalog() -> Value {
    let forms = forms::kinds()
        .into_iter()
        .map(|(kind, title)| {
            Value::object(vec![
                ("kind", Value::str(kind)),
                ("title", Value::str(title)),
                ("layout", forms::layout(kind).unwrap_or_default()),
                ("blank", forms::blank(kind).unwrap_or_default()),
            ])
        })
        .collect();
    let profiles = policy::PROFILES.iter().map(|(n, t)| Value::object(vec![("name", Value::str(*n)), ("title", Value::str(*t))])).collect();
    Value::object(vec![("version", Value::str(VERSION)), ("forms", Value::Array(forms)), ("profiles", Value::Array(profiles))])
}
