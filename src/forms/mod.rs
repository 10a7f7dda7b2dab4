//! The document families. Each form is one file: its document format, its layout (the one
//! description the page renders from) and its checks. This file holds what they share: the
//! evaluation sheet that collects computed cells and findings, and the dispatch by `kind`.

pub mod indicators;
pub mod layout;
pub mod package;
pub mod project;
pub mod report;

use crate::document::{Document, JsonText, Source};
use crate::finding::{Code, Finding, Severity};
use crate::number::{self, Figure, NumberError};
use crate::policy::Policy;
use crate::Evaluation;
use std::collections::HashMap;

/// A field of a document and its path, from the same tokens: `at!(d.budget.adjusted)` is
/// `(&d.budget.adjusted, "budget.adjusted")`, so a finding can only name a field that exists.
macro_rules! at {
    ($root:ident . $first:ident $(. $rest:ident)*) => {
        (&$root.$first $(.$rest)*, concat!(stringify!($first) $(, ".", stringify!($rest))*))
    };
}
pub(crate) use at;

/// (kind, layout, blank document) of every form; both are data beside the form's code.
const BUILTIN: &[(&str, &str, &str)] = &[
    ("project_self_evaluation", include_str!("project.layout.json"), include_str!("project.blank.json")),
    ("department_self_evaluation", include_str!("department.layout.json"), include_str!("department.blank.json")),
    ("department_report", include_str!("report.layout.json"), include_str!("report.blank.json")),
    ("department_package", include_str!("package.layout.json"), include_str!("package.blank.json")),
];

fn builtin(kind: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    BUILTIN.iter().find(|b| b.0 == kind)
}

/// The one description of a form the page renders (a test reads every one).
pub fn layout(kind: &str) -> Option<layout::Layout> {
    JsonText(builtin(kind)?.1).read().ok()
}

/// An empty document of a kind, as the page starts one.
pub fn blank(kind: &str) -> Option<Document> {
    Document::from_json(builtin(kind)?.2).ok()
}

pub fn evaluate(doc: &Document, policy: &Policy) -> Evaluation {
    match doc {
        Document::Project(d) => project::evaluate_as(doc.kind(), d, policy),
        Document::Department(d) => project::evaluate_as(doc.kind(), d, policy),
        Document::Report(d) => report::evaluate(d, policy),
        Document::Package(d) => package::evaluate(d, policy),
    }
}

/// What one evaluation writes: computed cells by path, and findings.
pub struct Sheet<'p> {
    pub policy: &'p Policy,
    /// hashed while the checks run (set and looked up often); sorted once for the result
    pub computed: HashMap<String, String>,
    pub findings: Vec<Finding>,
}

impl<'p> Sheet<'p> {
    pub fn new(policy: &'p Policy) -> Self {
        Sheet { policy, computed: HashMap::with_capacity(64), findings: Vec::new() }
    }

    pub fn set(&mut self, path: &str, value: String) {
        self.computed.insert(path.to_string(), value);
    }

    pub fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }

    fn parsed(&mut self, path: &str, text: &str, r: Result<Option<Figure>, NumberError>) -> Option<Figure> {
        match r {
            Ok(v) => v,
            Err(NumberError(msg)) => {
                self.push(Finding::new(Code::ValueUnparseable, Severity::Error, path, msg).values(Some(text.to_string()), None));
                None
            }
        }
    }

    pub fn amount(&mut self, path: &str, text: &str) -> Option<Figure> {
        self.parsed(path, text, number::parse_amount(text))
    }

    pub fn rate(&mut self, path: &str, text: &str) -> Option<Figure> {
        self.parsed(path, text, number::parse_rate(text))
    }

    pub fn score(&mut self, path: &str, text: &str) -> Option<Figure> {
        self.parsed(path, text, number::parse_score(text))
    }

    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }
}
