//! Findings are data, not exceptions: what is wrong, how sure we are, which field, the stated and
//! the recomputed value, and a Chinese sentence a 填报人 understands. The page keys its red cells
//! by `path`, the same path the document uses for the input.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// certainly wrong
    Error,
    /// against policy or suspicious
    Warning,
    /// 尾差 and notes
    Info,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub path: String,
    pub stated: Option<String>,
    pub computed: Option<String>,
    pub message: String,
}

impl Finding {
    pub fn new(code: &'static str, severity: Severity, path: impl Into<String>, message: impl Into<String>) -> Self {
        Finding { code, severity, path: path.into(), stated: None, computed: None, message: message.into() }
    }

    pub fn values(mut self, stated: Option<String>, computed: Option<String>) -> Self {
        self.stated = stated;
        self.computed = computed;
        self
    }
}
