//! Findings are data, not exceptions: what is wrong, how sure we are, which field, the stated and
//! the recomputed value, and a Chinese sentence a 填报人 understands. The page keys its red cells
//! by `path`, the same path the document uses for the input.

use crate::json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// certainly wrong
    Error,
    /// against policy or suspicious
    Warning,
    /// 尾差 and notes
    Info,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub path: String,
    pub stated: Option<String>,
    pub computed: Option<String>,
    pub message: String,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

fn opt(s: &Option<String>) -> Value {
    s.as_ref().map_or(Value::Null, |s| Value::str(s.as_str()))
}

impl Finding {
    pub fn to_value(&self) -> Value {
        Value::object(vec![
            ("code", Value::str(self.code)),
            ("severity", Value::str(self.severity.as_str())),
            ("path", Value::str(self.path.as_str())),
            ("stated", opt(&self.stated)),
            ("computed", opt(&self.computed)),
            ("message", Value::str(self.message.as_str())),
        ])
    }

    pub fn new(code: &'static str, severity: Severity, path: impl Into<String>, message: impl Into<String>) -> Self {
        Finding { code, severity, path: path.into(), stated: None, computed: None, message: message.into() }
    }

    pub fn values(mut self, stated: Option<String>, computed: Option<String>) -> Self {
        self.stated = stated;
        self.computed = computed;
        self
    }
}
