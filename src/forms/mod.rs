//! The document families. Each form is one file: its document format, its layout (the one
//! description the page renders from) and its checks. This file holds what they share: the
//! evaluation sheet that collects computed cells and findings, and the dispatch by `kind`.

pub mod department;
pub mod indicators;
pub mod package;
pub mod project;
pub mod report;

use crate::finding::{Finding, Severity};
use crate::number::{self, Figure, NumberError};
use crate::policy::Policy;
use crate::Evaluation;
use crate::json::{self, Value};
use std::collections::BTreeMap;

/// A form's built-in JSON (its layout or blank document).
pub fn builtin(text: &str) -> Value {
    json::parse(text).unwrap_or(Value::Null)
}

/// The forms this build knows: (kind, 中文名, layout).
pub fn kinds() -> Vec<(&'static str, &'static str)> {
    vec![(project::KIND, project::TITLE), (department::KIND, department::TITLE), (report::KIND, report::TITLE), (package::KIND, package::TITLE)]
}

pub fn layout(kind: &str) -> Option<Value> {
    match kind {
        project::KIND => Some(project::layout()),
        department::KIND => Some(department::layout()),
        report::KIND => Some(report::layout()),
        package::KIND => Some(package::layout()),
        _ => None,
    }
}

/// An empty document of a kind, as the page starts one.
pub fn blank(kind: &str) -> Option<Value> {
    match kind {
        project::KIND => Some(project::blank()),
        department::KIND => Some(department::blank()),
        report::KIND => Some(report::blank()),
        package::KIND => Some(package::blank()),
        _ => None,
    }
}

pub fn evaluate(doc: &Value, policy: &Policy) -> Result<Evaluation, String> {
    if !doc.is_object() {
        return Err("文件内容不是一个表单（应为 JSON 对象）".into());
    }
    let kind = doc.get("kind").and_then(Value::as_str).ok_or("文件缺少表单类型（kind），不是校核的表单文件")?;
    let version = match doc.get("version") {
        Some(Value::Number(n)) => n.parse::<u64>().map_err(|_| format!("格式版本“{n}”无法识别"))?,
        _ => 1,
    };
    let (max, eval): (u64, fn(&Value, &Policy) -> Evaluation) = match kind {
        project::KIND => (project::VERSION, |d, p| project::evaluate(&project::ProjectDoc::read(d), p)),
        department::KIND => (department::VERSION, department::evaluate),
        report::KIND => (report::VERSION, report::evaluate),
        package::KIND => (package::VERSION, package::evaluate),
        other => return Err(format!("无法识别的表单类型“{other}”；支持：{}", kinds().iter().map(|k| k.1).collect::<Vec<_>>().join("、"))),
    };
    if version > max {
        return Err(format!("该文件由较新版本（格式版本 {version}）保存，本程序只支持到版本 {max}，请更新校核"));
    }
    Ok(eval(doc, policy))
}

/// A cell as typed: strings as they are, numbers by their JSON text (never through a float),
/// null or missing as blank.
pub fn cell(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// The rows of a list field; anything that is not an array reads as no rows.
pub fn rows<T>(v: &Value, key: &str, read: fn(&Value) -> T) -> Vec<T> {
    v.get(key).and_then(Value::as_array).map_or_else(Vec::new, |a| a.iter().map(read).collect())
}

/// What one evaluation writes: computed cells by path, and findings.
pub struct Sheet<'p> {
    pub policy: &'p Policy,
    pub computed: BTreeMap<String, String>,
    pub findings: Vec<Finding>,
}

impl<'p> Sheet<'p> {
    pub fn new(policy: &'p Policy) -> Self {
        Sheet { policy, computed: BTreeMap::new(), findings: Vec::new() }
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
                self.push(Finding::new("value.unparseable", Severity::Error, path, msg).values(Some(text.to_string()), None));
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
