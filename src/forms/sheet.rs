//! What one evaluation writes: the computed cells and the findings. A cell's place is a typed
//! [`Path`] (no text is built while the checks run) and its value a typed [`Shown`] decimal;
//! both become text once, when the result is written out.

use crate::finding::{Code, Finding, Severity};
use crate::number::{self, fmt_amount, fmt_rate, fmt_score, Figure, NumberError};
use crate::policy::Policy;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;
use std::fmt;

/// Where a value belongs in the document, as the page names its cells: `indicators.12.score`,
/// `funds.total.rate`, `projects.3.indicators.0.score` inside a package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Path {
    /// the member document of a package: `projects.3` or `department`
    member: Option<(&'static str, Option<u32>)>,
    /// a row of a list: `indicators.12`
    row: Option<(&'static str, u32)>,
    /// the field, dotted when nested: `score`, `funds.total.rate`
    field: &'static str,
}

impl Path {
    pub const fn field(field: &'static str) -> Path {
        Path { member: None, row: None, field }
    }

    pub const fn row(list: &'static str, index: usize, field: &'static str) -> Path {
        Path { member: None, row: Some((list, index as u32)), field }
    }

    /// A field of a fixed line: `nested("summary.general", "sum")` is `summary.general.sum`.
    pub const fn nested(line: &'static str, field: &'static str) -> Path {
        Path { member: Some((line, None)), row: None, field }
    }

    /// The same place inside a package's member document.
    pub fn under(self, member: &'static str, index: Option<usize>) -> Path {
        Path { member: Some((member, index.map(|i| i as u32))), ..self }
    }
}

/// Hashes the indices and the names' lengths and last bytes, not the names' text: a sheet
/// indexes every computed cell (2,000 on a 500-row table), and hashing the words byte by byte
/// was most of the time `set` took. Equal paths hash alike; Eq sorts out the rare collision.
impl std::hash::Hash for Path {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let word = |s: &str| s.len() << 8 | usize::from(s.as_bytes().last().copied().unwrap_or(0));
        let (m, mi) = self.member.map_or((0, 0), |(m, i)| (word(m), i.map_or(0, |i| i as usize + 1)));
        let (l, li) = self.row.map_or((0, 0), |(l, i)| (word(l), i as usize + 1));
        h.write_usize(m ^ mi << 20);
        h.write_usize(l ^ li << 20);
        h.write_usize(word(self.field));
    }
}

impl Path {
    /// Appends the path as the page names the cell.
    pub fn write_to(&self, out: &mut String) {
        let index = |out: &mut String, i: u32| number::push_digits(out, u128::from(i), false);
        if let Some((m, i)) = self.member {
            out.push_str(m);
            if let Some(i) = i {
                out.push('.');
                index(out, i);
            }
            out.push('.');
        }
        if let Some((list, i)) = self.row {
            out.push_str(list);
            out.push('.');
            index(out, i);
            if !self.field.is_empty() {
                out.push('.');
            }
        }
        out.push_str(self.field);
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(32);
        self.write_to(&mut s);
        f.write_str(&s)
    }
}

impl From<Path> for String {
    fn from(p: Path) -> String {
        p.to_string()
    }
}

/// A row of a list, to name its cells: `RowAt("indicators", 3).cell("score")`.
#[derive(Debug, Clone, Copy)]
pub struct RowAt(pub &'static str, pub usize);

impl RowAt {
    pub const fn cell(self, field: &'static str) -> Path {
        Path::row(self.0, self.1, field)
    }
}

/// A computed value, kept as a number until it is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    /// 万元 with thousands separators: `38,544.43`
    Amount(Decimal),
    /// a percentage: `99.74%`
    Rate(Decimal),
    /// a score or weight: `89.15`
    Score(Decimal),
    /// a count as written: `14`
    Count(Decimal),
    /// a fixed word: 优, 正向, 达成, 逾期
    Word(&'static str),
    /// generated text (the report)
    Text(String),
}

impl Shown {
    /// The number behind an amount, rate, score or count.
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Shown::Amount(d) | Shown::Rate(d) | Shown::Score(d) | Shown::Count(d) => Some(*d),
            _ => None,
        }
    }
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shown::Amount(d) => f.write_str(&fmt_amount(*d)),
            Shown::Rate(d) => f.write_str(&fmt_rate(*d)),
            Shown::Score(d) => f.write_str(&fmt_score(*d)),
            Shown::Count(d) => write!(f, "{}", d.normalize()),
            Shown::Word(w) => f.write_str(w),
            Shown::Text(t) => f.write_str(t),
        }
    }
}

/// Every computed cell of a result, in the document's order; written out as `{ "path": "text", … }`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Computed(pub Vec<(Path, Shown)>);

impl Computed {
    /// The cell at a path given as text, as shown (`"funds.total.rate"` → `"99.50%"`).
    pub fn get(&self, path: &str) -> Option<String> {
        self.0.iter().find(|(p, _)| p.to_string() == path).map(|(_, v)| v.to_string())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Computed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (p, v) in &self.0 {
            m.serialize_entry(&Key(p), v)?;
        }
        m.end()
    }
}

struct Key<'a>(&'a Path);

impl Serialize for Key<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut k = String::with_capacity(32);
        self.0.write_to(&mut k);
        s.serialize_str(&k)
    }
}

impl Serialize for Shown {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Shown::Amount(d) | Shown::Score(d) => s.serialize_str(&fmt_amount(*d)),
            Shown::Rate(d) => s.serialize_str(&fmt_rate(*d)),
            Shown::Count(d) => s.collect_str(&d.normalize()),
            Shown::Word(w) => s.serialize_str(w),
            Shown::Text(t) => s.serialize_str(t),
        }
    }
}

impl JsonSchema for Computed {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Computed".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "every computed cell, by the path of the field it belongs to, formatted for display",
            "type": "object",
            "additionalProperties": { "type": "string" }
        })
    }
}

pub struct Sheet<'p> {
    pub policy: &'p Policy,
    /// in the order the checks wrote them, which is the document's order
    computed: Vec<(Path, Shown)>,
    /// where each path is in `computed` (a path written twice keeps its place, the last value)
    index: FxHashMap<Path, usize>,
    pub findings: Vec<Finding>,
    /// what the document still lacks to be graded (未完成填报), in Chinese
    pub missing: Vec<String>,
}

impl<'p> Sheet<'p> {
    pub fn new(policy: &'p Policy) -> Self {
        Sheet { policy, computed: Vec::new(), index: FxHashMap::default(), findings: Vec::new(), missing: Vec::new() }
    }

    /// Room for `n` more cells (a table's rows times its computed columns).
    pub fn reserve(&mut self, n: usize) {
        self.computed.reserve(n);
        self.index.reserve(n);
    }

    pub fn set(&mut self, path: Path, value: Shown) {
        match self.index.entry(path) {
            Entry::Occupied(e) => self.computed[*e.get()].1 = value,
            Entry::Vacant(e) => {
                e.insert(self.computed.len());
                self.computed.push((path, value));
            }
        }
    }

    pub fn get(&self, path: Path) -> Option<&Shown> {
        self.index.get(&path).map(|&i| &self.computed[i].1)
    }

    pub fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }

    fn parsed(&mut self, path: Path, text: &str, r: Result<Option<Figure>, NumberError>) -> Option<Figure> {
        match r {
            Ok(v) => v,
            Err(NumberError(msg)) => {
                self.push(Finding::new(Code::ValueUnparseable, Severity::Error, path, msg).values(Some(text.to_string()), None));
                None
            }
        }
    }

    pub fn amount(&mut self, path: Path, text: &str) -> Option<Figure> {
        self.parsed(path, text, number::parse_amount(text))
    }

    pub fn rate(&mut self, path: Path, text: &str) -> Option<Figure> {
        self.parsed(path, text, number::parse_rate(text))
    }

    pub fn score(&mut self, path: Path, text: &str) -> Option<Figure> {
        self.parsed(path, text, number::parse_score(text))
    }

    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// The latest finding of `code` on `path`, for a later check to say more about it.
    pub fn finding_mut(&mut self, path: Path, code: Code) -> Option<&mut Finding> {
        let key = path.to_string();
        self.findings.iter_mut().rev().find(|f| f.path == key && f.code == code)
    }

    /// Adds to the unreadable value on `root` what cannot be checked because of it, so one
    /// mistake is one finding: `…；改正前无法核对年度资金总额的全年执行数`.
    pub fn consequence(&mut self, root: Path, what: &str) {
        const UNCHECKED: &str = "；改正前无法核对";
        if let Some(f) = self.finding_mut(root, Code::ValueUnparseable) {
            if !f.message.contains(what) {
                f.message.push_str(if f.message.contains(UNCHECKED) { "、" } else { UNCHECKED });
                f.message.push_str(what);
            }
        }
    }

    /// Names the cell in the message of an unreadable value on it (`指标“培训人数”的实际完成值：…`),
    /// which on its own only quotes the text.
    pub fn name_cell(&mut self, path: Path, name: &str) {
        if let Some(f) = self.finding_mut(path, Code::ValueUnparseable) {
            if !f.message.starts_with(name) {
                f.message = format!("{name}：{}", f.message);
            }
        }
    }

    /// Takes in a member document's cells and findings under `projects.3` or `department`, so
    /// every path (a finding's related cells too) still names its field.
    pub fn adopt(&mut self, member: &'static str, index: Option<usize>, ev: crate::Evaluation) {
        for (p, v) in ev.computed.0 {
            self.set(p.under(member, index), v);
        }
        let prefix = Path::field("").under(member, index).to_string();
        for mut f in ev.findings {
            f.path.insert_str(0, &prefix);
            for r in &mut f.related {
                r.insert_str(0, &prefix);
            }
            self.push(f);
        }
    }

    pub fn into_parts(self) -> (Computed, Vec<Finding>, Vec<String>) {
        (Computed(self.computed), self.findings, self.missing)
    }
}
