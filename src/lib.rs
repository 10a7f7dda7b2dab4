//! 校核 jiaohe — checks and completes the budget and performance documents Chinese public-sector
//! units publish: totals, 占比, 执行率, indicator scores, 总分 and 等级, with every inconsistency
//! reported as a [`Finding`]. Exact decimals only.
//!
//! Data flows one way: text or a JS object → a typed [`Document`] at the edge ([`document`]) →
//! the checks of its form ([`forms`]) → an [`Evaluation`] { kind, summary, computed, findings },
//! the same for the page, the ES module and the CLI. Evaluation is pure: no I/O, no clock; a
//! malformed document is refused at the edge with a Chinese message.

// Once-per-document code (totals, messages, the report's text) is built for size in the wasm,
// which the page downloads; the per-row paths keep the speed of opt-level 3. Debian's rustc-web
// is built with RUSTC_BOOTSTRAP for the std rebuild, so the attribute is available there.
#![cfg_attr(target_arch = "wasm32", feature(optimize_attribute))]

pub mod cell;
#[cfg(not(target_arch = "wasm32"))]
pub mod contract;
pub mod document;
pub mod finding;
pub mod forms;
pub mod indicator;
pub mod number;
pub mod office;
pub mod policy;
pub mod scoring;
#[cfg(feature = "full")]
pub mod text;

#[cfg(all(target_arch = "wasm32", not(feature = "office")))]
mod wasm;
#[cfg(all(target_arch = "wasm32", feature = "office"))]
mod wasm_office;

pub use cell::Cell;
pub use document::Document;
pub use finding::{Code, Finding, Severity};
pub use policy::Policy;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The headline figures of one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Summary {
    pub title: String,
    /// the policy's name (`default`, `urumqi-2023`, `…+自定义`)
    pub policy: String,
    /// 总分, formatted (`89.15`)
    pub total_score: Option<String>,
    /// 等级: 优 / 良 / 中 / 差
    pub grade: Option<String>,
    /// 执行率, formatted (`78.59%`)
    pub exec_rate: Option<String>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// what is still to be filled in; while not empty the document is 未完成填报 and not graded
    pub missing: Vec<String>,
}

/// What every surface returns for a document: the page, the ES module and the CLI.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Evaluation {
    /// the document's `kind`
    pub kind: String,
    pub summary: Summary,
    /// every computed cell, by the path of the field it belongs to, formatted for display
    pub computed: forms::sheet::Computed,
    /// errors first, then warnings, then notes
    pub findings: Vec<Finding>,
}

impl Evaluation {
    pub(crate) fn new(kind: &str, mut summary: Summary, sheet: forms::Sheet) -> Evaluation {
        summary.policy = sheet.policy.name.clone();
        summary.errors = sheet.count(Severity::Error);
        summary.warnings = sheet.count(Severity::Warning);
        summary.infos = sheet.count(Severity::Info);
        let (computed, mut findings, missing) = sheet.into_parts();
        summary.missing = missing;
        findings.sort_by_key(|f| f.severity);
        Evaluation { kind: kind.to_string(), summary, computed, findings }
    }

    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }
}

/// The options of an evaluation: `{ policy: "urumqi-2023" }`, or
/// `{ policy: { base: "default", exec_weight: "20" } }`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Options {
    /// a profile's name, or settings laid over a profile
    pub policy: policy::PolicyChoice,
}

impl Options {
    pub fn from_json(text: &str) -> Result<Options, String> {
        if text.trim().is_empty() {
            return Ok(Options::default());
        }
        document::read_json(text).map_err(|e| format!("选项有误：{e}"))
    }

    pub fn policy(&self) -> Result<Policy, String> {
        self.policy.resolve()
    }
}

/// Evaluates a typed document: pure, no I/O; every mistake is a finding.
pub fn evaluate_document(doc: &Document, policy: &Policy) -> Evaluation {
    forms::evaluate(doc, policy)
}

/// Evaluates a document given as JSON text, with options as JSON text (or empty).
pub fn evaluate(document: &str, options: &str) -> Result<Evaluation, String> {
    let doc = Document::from_json(document)?;
    let policy = Options::from_json(options)?.policy()?;
    Ok(evaluate_document(&doc, &policy))
}

/// What the page needs to draw itself: the forms, their layouts, blank documents, profiles.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Catalog {
    pub version: String,
    pub forms: Vec<FormEntry>,
    pub profiles: Vec<Profile>,
    /// 科目 offered as the user types one: "2060404 科技成果转化与扩散"
    pub subjects: Vec<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FormEntry {
    pub kind: String,
    pub title: String,
    pub layout: forms::layout::Layout,
    /// an empty document of this kind, as the page starts one
    pub blank: Document,
}

/// A named set of scoring rules (评分口径).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Profile {
    pub name: String,
    pub title: String,
}

pub fn catalog() -> Catalog {
    Catalog {
        version: VERSION.to_string(),
        forms: document::KINDS
            .iter()
            .filter_map(|(kind, title)| Some(FormEntry { kind: kind.to_string(), title: title.to_string(), layout: forms::layout(kind)?, blank: forms::blank(kind)? }))
            .collect(),
        profiles: policy::PROFILES.iter().map(|(n, t)| Profile { name: n.to_string(), title: t.to_string() }).collect(),
        subjects: forms::subjects::offered(),
    }
}
