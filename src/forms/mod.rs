//! The document families. Each form is one file: its document format, its layout (the one
//! description the page renders from) and its checks. This file holds what they share: the
//! evaluation sheet that collects computed cells and findings, and the dispatch by `kind`.

#[cfg(feature = "full")]
pub mod budget;
#[cfg(feature = "full")]
pub mod final_accounts;
pub mod indicators;
pub mod layout;
#[cfg(feature = "full")]
pub mod package;
pub mod project;
#[cfg(feature = "full")]
pub(crate) mod prose;
#[cfg(feature = "full")]
pub mod report;
pub mod sheet;
pub mod subjects;
#[cfg(feature = "full")]
pub mod target;
pub mod weights;

pub use sheet::{Path, RowAt, Sheet, Shown};

use crate::document::{read_json, Document};
use crate::policy::Policy;
use crate::Evaluation;

/// A field of a document and its path, from the same tokens: `at!(d.budget.adjusted)` is
/// `(&d.budget.adjusted, Path::field("budget.adjusted"))`, so a finding can only name a field
/// that exists.
// used by the forms the start core leaves out (report, 决算情况说明)
#[cfg_attr(not(feature = "full"), allow(unused_macros))]
macro_rules! at {
    ($root:ident . $first:ident $(. $rest:ident)*) => {
        (&$root.$first $(.$rest)*, $crate::forms::Path::field(concat!(stringify!($first) $(, ".", stringify!($rest))*)))
    };
}
#[cfg_attr(not(feature = "full"), allow(unused_imports))]
pub(crate) use at;

/// (kind, layout, blank document) of every form; both are data beside the form's code.
const BUILTIN: &[(&str, &str, &str)] = &[
    ("project_self_evaluation", include_str!("project.layout.json"), include_str!("project.blank.json")),
    ("department_self_evaluation", include_str!("department.layout.json"), include_str!("department.blank.json")),
    ("department_report", include_str!("report.layout.json"), include_str!("report.blank.json")),
    ("department_package", include_str!("package.layout.json"), include_str!("package.blank.json")),
    ("final_accounts", include_str!("final_accounts/layout.json"), include_str!("final_accounts/blank.json")),
    ("budget_disclosure", include_str!("budget/layout.json"), include_str!("budget/blank.json")),
    ("project_target", include_str!("project_target.layout.json"), include_str!("project_target.blank.json")),
    ("department_target", include_str!("department_target.layout.json"), include_str!("department_target.blank.json")),
];

fn builtin(kind: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    BUILTIN.iter().find(|b| b.0 == kind)
}

/// The one description of a form the page renders (a test reads every one).
pub fn layout(kind: &str) -> Option<layout::Layout> {
    read_json(builtin(kind)?.1).ok()
}

/// The JSON text of a kind's empty document.
pub fn blank_json(kind: &str) -> Option<&'static str> {
    Some(builtin(kind)?.2)
}

/// An empty document of a kind, as the page starts one.
pub fn blank(kind: &str) -> Option<Document> {
    Document::from_json(builtin(kind)?.2).ok()
}

/// A 绩效目标表 carried forward as the 自评表 filled in after the year (its indicators become
/// the 自评表's rows, actuals blank); in a 预算公开, the project's (`Some(i)`) or the 部门整体 one.
#[cfg(feature = "full")]
pub fn carry_forward(doc: &Document, project: Option<usize>) -> Result<Document, String> {
    match doc {
        Document::ProjectTarget(d) => target::self_evaluation(target::PROJECT, d, "", None),
        Document::DepartmentTarget(d) => target::self_evaluation(target::DEPARTMENT, d, "", None),
        Document::Budget(d) => return budget::self_evaluation(d, project),
        _ => None,
    }
    .ok_or_else(|| format!("{}不是绩效目标表，无法转为自评表", doc.title()))
}

pub fn evaluate(doc: &Document, policy: &Policy) -> Evaluation {
    match doc {
        Document::Project(d) => project::evaluate_as(doc.kind(), d, policy),
        Document::Department(d) => project::evaluate_as(doc.kind(), d, policy),
        #[cfg(feature = "full")]
        Document::Report(d) => report::evaluate(d, policy),
        #[cfg(feature = "full")]
        Document::Package(d) => package::evaluate(d, policy),
        #[cfg(feature = "full")]
        Document::FinalAccounts(d) => final_accounts::evaluate(d, policy),
        #[cfg(feature = "full")]
        Document::Budget(d) => budget::evaluate(d, policy),
        #[cfg(feature = "full")]
        Document::ProjectTarget(d) => target::evaluate_as(doc.kind(), d, policy),
        #[cfg(feature = "full")]
        Document::DepartmentTarget(d) => target::evaluate_as(doc.kind(), d, policy),
    }
}
