//! The edge: a document as it arrives (JSON text from a file, or a JS object in the page) becomes
//! a typed [`Document`] here, once. Wrong shapes are refused with a Chinese message naming the
//! field (`indicators 应为列表，实为对象`) and nothing else changes; missing fields are blank;
//! whether a cell's text is a figure is left to the checks, so a bad figure is a finding on its
//! cell, never a whole-document error.

use crate::cell::Cell;
use crate::forms::project::ProjectDoc;
#[cfg(feature = "full")]
use crate::forms::{budget::BudgetDoc, final_accounts::FinalAccountsDoc, package::PackageDoc, report::ReportDoc, target::TargetDoc};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Every document the core reads, by its `kind`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "kind")]
pub enum Document {
    /// 项目支出绩效自评表 (SPEC §6 A)
    #[serde(rename = "project_self_evaluation")]
    Project(ProjectDoc),
    /// 部门（单位）整体支出绩效自评表 (§6 B): a project table whose header names a unit
    #[serde(rename = "department_self_evaluation")]
    Department(ProjectDoc),
    /// 部门整体支出绩效自评报告 (§6 C)
    #[cfg(feature = "full")]
    #[serde(rename = "department_report")]
    Report(ReportDoc),
    /// 部门绩效材料汇总核对 (§8.4)
    #[cfg(feature = "full")]
    #[serde(rename = "department_package")]
    Package(PackageDoc),
    /// 部门决算情况说明 (§6 D)
    #[cfg(feature = "full")]
    #[serde(rename = "final_accounts")]
    FinalAccounts(FinalAccountsDoc),
    /// 部门预算公开 (§6 E)
    #[cfg(feature = "full")]
    #[serde(rename = "budget_disclosure")]
    Budget(BudgetDoc),
    /// 项目支出绩效目标表 (§6 E, §5)
    #[cfg(feature = "full")]
    #[serde(rename = "project_target")]
    ProjectTarget(TargetDoc),
    /// 部门整体绩效目标表 (§6 E)
    #[cfg(feature = "full")]
    #[serde(rename = "department_target")]
    DepartmentTarget(TargetDoc),
}

/// The newest format version of every kind this build writes; older versions keep opening.
pub const VERSION: u64 = 1;

/// (kind, 中文名) of every form, in the order the page offers them.
pub const KINDS: &[(&str, &str)] = &[
    ("project_self_evaluation", "项目支出绩效自评表"),
    ("department_self_evaluation", "部门（单位）整体支出绩效自评表"),
    ("department_report", "部门整体支出绩效自评报告"),
    ("department_package", "部门绩效材料汇总核对"),
    ("final_accounts", "部门决算情况说明"),
    ("budget_disclosure", "部门预算公开"),
    ("project_target", "项目支出绩效目标表"),
    ("department_target", "部门整体绩效目标表"),
];

impl Document {
    pub fn kind(&self) -> &'static str {
        KINDS[self.index()].0
    }

    pub fn title(&self) -> &'static str {
        KINDS[self.index()].1
    }

    fn index(&self) -> usize {
        match self {
            Document::Project(_) => 0,
            Document::Department(_) => 1,
            #[cfg(feature = "full")]
            Document::Report(_) => 2,
            #[cfg(feature = "full")]
            Document::Package(_) => 3,
            #[cfg(feature = "full")]
            Document::FinalAccounts(_) => 4,
            #[cfg(feature = "full")]
            Document::Budget(_) => 5,
            #[cfg(feature = "full")]
            Document::ProjectTarget(_) => 6,
            #[cfg(feature = "full")]
            Document::DepartmentTarget(_) => 7,
        }
    }

    fn version(&self) -> &Cell {
        match self {
            Document::Project(d) | Document::Department(d) => &d.version,
            #[cfg(feature = "full")]
            Document::Report(d) => &d.version,
            #[cfg(feature = "full")]
            Document::Package(d) => &d.version,
            #[cfg(feature = "full")]
            Document::FinalAccounts(d) => &d.version,
            #[cfg(feature = "full")]
            Document::Budget(d) => &d.version,
            #[cfg(feature = "full")]
            Document::ProjectTarget(d) | Document::DepartmentTarget(d) => &d.version,
        }
    }

    /// Reads a document in one pass when `kind` is its first member, as in every file jiaohe
    /// writes and every document the page builds; otherwise, and to word any error, its `kind`
    /// first and then the body as that kind's type.
    fn read(text: &str) -> Result<Document, String> {
        // untracked: the fast path names no field; any error is worded by the tracked reader
        match serde_json::from_str::<OnePass>(text) {
            Ok(OnePass(doc)) => doc.check_version().map(|()| doc),
            Err(_) => Document::read_in_two(text),
        }
    }

    fn read_in_two(text: &str) -> Result<Document, String> {
        let head: Head = read_json(text).map_err(|e| match e.path.as_str() {
            "" | "." if e.message.starts_with("invalid type") => "文件内容不是一个表单（应为 JSON 对象）".to_string(),
            _ => e.to_string(),
        })?;
        let kind = head.kind.trim();
        let doc = match kind {
            "project_self_evaluation" => Document::Project(read_json(text)?),
            "department_self_evaluation" => Document::Department(read_json(text)?),
            #[cfg(feature = "full")]
            "department_report" => Document::Report(read_json(text)?),
            #[cfg(feature = "full")]
            "department_package" => Document::Package(read_json(text)?),
            #[cfg(feature = "full")]
            "final_accounts" => Document::FinalAccounts(read_json(text)?),
            #[cfg(feature = "full")]
            "budget_disclosure" => Document::Budget(read_json(text)?),
            #[cfg(feature = "full")]
            "project_target" => Document::ProjectTarget(read_json(text)?),
            #[cfg(feature = "full")]
            "department_target" => Document::DepartmentTarget(read_json(text)?),
            "" => return Err("文件缺少表单类型（kind），不是校核的表单文件".into()),
            other => {
                let names: Vec<&str> = KINDS.iter().map(|k| k.1).collect();
                return Err(format!("无法识别的表单类型“{other}”；支持：{}", names.join("、")));
            }
        };
        doc.check_version()?;
        Ok(doc)
    }

    /// Reads a document from JSON text (a file's contents; a leading BOM is allowed).
    pub fn from_json(text: &str) -> Result<Document, String> {
        let text = text.trim_start_matches('\u{feff}');
        Document::read(text).map_err(|e| {
            // a cut-off file (`[`) is first of all not JSON, whatever its first token says
            match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                Err(j) if j.is_syntax() || j.is_eof() => syntax(&j).message,
                _ => e,
            }
        })
    }

    fn check_version(&self) -> Result<(), String> {
        let v = self.version().trim();
        if v.is_empty() {
            return Ok(());
        }
        // "1", 1 and "1.0" alike
        let n = v.parse::<rust_decimal::Decimal>().ok().filter(|d| d.fract().is_zero() && !d.is_sign_negative()).and_then(|d| u64::try_from(d).ok());
        match n.ok_or(()) {
            Ok(n) if n <= VERSION => Ok(()),
            Ok(n) => Err(format!("该文件由较新版本（格式版本 {n}）保存，本程序只支持到版本 {VERSION}，请更新校核")),
            Err(_) => Err(format!("格式版本“{v}”无法识别，应为 1 到 {VERSION} 的整数")),
        }
    }
}

/// Only the `kind`, read before the rest so the body can be read as its own type. Only an
/// object is a document (serde would otherwise take a list as a struct's fields in order).
struct Head {
    kind: Cell,
}

impl<'de> Deserialize<'de> for Head {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Head, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Head;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Head, A::Error> {
                let mut kind: Option<Cell> = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == "kind" {
                        if kind.is_some() {
                            return Err(serde::de::Error::duplicate_field("kind"));
                        }
                        kind = Some(map.next_value()?);
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(Head { kind: kind.unwrap_or_default() })
            }
        }
        d.deserialize_map(V)
    }
}

/// A document whose first member is a known `kind`, read in one pass: the rest of the members
/// go straight to the kind's type, and a second `kind` is refused.
struct OnePass(Document);

impl<'de> Deserialize<'de> for OnePass {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<OnePass, D::Error> {
        use serde::de::value::MapAccessDeserializer;
        use serde::de::Error;
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = OnePass;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map whose first member is kind")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<OnePass, A::Error> {
                if map.next_key::<Key<'de>>()?.is_none_or(|k| k.0 != "kind") {
                    return Err(A::Error::custom("kind is not the first member"));
                }
                let kind: Cell = map.next_value()?;
                let rest = MapAccessDeserializer::new(NoSecondKind(map));
                Ok(OnePass(match kind.trim() {
                    "project_self_evaluation" => Document::Project(body(rest)?),
                    "department_self_evaluation" => Document::Department(body(rest)?),
                    #[cfg(feature = "full")]
                    "department_report" => Document::Report(body(rest)?),
                    // 决算情况说明 and packages (which may hold one) are read by the tracked reader
                    // only: a second copy of its ~130 fields' readers would add more to the page
                    // than the one pass saves on documents this small
                    _ => return Err(A::Error::custom("unknown kind")),
                }))
            }
        }
        d.deserialize_map(V)
    }
}

/// One function per kind, not inlined into the reader: the page compiles only the kind it reads.
#[inline(never)]
fn body<'de, T: Deserialize<'de>, D: serde::Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    T::deserialize(d)
}

/// A member's name, borrowed from the text when it has no escapes.
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Key<'de>, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(v.into()))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(v.to_string().into()))
            }
        }
        d.deserialize_str(V)
    }
}

/// The members after `kind`, refusing a second `kind`.
struct NoSecondKind<A>(A);

impl<'de, A: serde::de::MapAccess<'de>> serde::de::MapAccess<'de> for NoSecondKind<A> {
    type Error = A::Error;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
        match self.0.next_key::<Key<'de>>()?.map(|k| k.0) {
            None => Ok(None),
            Some(k) if k == "kind" => Err(serde::de::Error::duplicate_field("kind")),
            Some(std::borrow::Cow::Borrowed(k)) => seed.deserialize(BorrowedStrDeserializer::new(k)).map(Some),
            Some(std::borrow::Cow::Owned(k)) => seed.deserialize(StringDeserializer::new(k)).map(Some),
        }
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.0.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// Why a value could not be read: where, and serde's description of what was wrong.
#[derive(Debug)]
pub struct ReadError {
    /// `indicators[3].target`, or `.` for the whole value
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&explain(&self.path, &self.message))
    }
}

impl From<ReadError> for String {
    fn from(e: ReadError) -> String {
        e.to_string()
    }
}

/// Reads JSON text as `T` with serde_json (numbers keep their digits). Natively it reads
/// untracked first (the CLI's speed) and only on failure again with the path tracked, to name
/// the field; the wasm keeps one copy of the readers for its size, the tracked one.
pub fn read_json<T: DeserializeOwned>(text: &str) -> Result<T, ReadError> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Ok(v) = serde_json::from_str(text) {
        return Ok(v);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let v = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let inner = e.inner();
        if inner.is_syntax() || inner.is_eof() {
            syntax(inner)
        } else {
            ReadError { path: e.path().to_string(), message: strip_position(&inner.to_string()) }
        }
    })?;
    de.end().map_err(|e| syntax(&e))?;
    Ok(v)
}

/// Reads `T` from any serde deserializer with the path tracked, for the messages `read_json`
/// gives: the wasm boundary reads an options object straight from its JS value with it.
#[cfg(target_arch = "wasm32")]
pub fn read_value<'de, T: serde::Deserialize<'de>, D: serde::Deserializer<'de>>(d: D) -> Result<T, ReadError>
where
    D::Error: std::fmt::Display,
{
    serde_path_to_error::deserialize(d).map_err(|e| {
        let message = e.inner().to_string();
        // a JS Error's text is `Error: …`
        let message = message.strip_prefix("Error: ").unwrap_or(&message).to_string();
        ReadError { path: e.path().to_string(), message }
    })
}

fn syntax(e: &serde_json::Error) -> ReadError {
    let message = if e.to_string().starts_with("recursion limit exceeded") {
        "文件嵌套超过 128 层，无法读取".to_string()
    } else if e.is_eof() {
        format!("文件不是有效的 JSON：在第 {} 行第 {} 列意外结束（文件可能不完整）", e.line(), e.column())
    } else {
        format!("文件不是有效的 JSON：第 {} 行第 {} 列附近有误", e.line(), e.column())
    };
    ReadError { path: String::new(), message }
}

/// serde_json ends its messages with ` at line L column C`; the path says where instead.
fn strip_position(m: &str) -> String {
    m.rfind(" at line ").map_or(m, |i| &m[..i]).to_string()
}

/// The Chinese for serde's messages, which are English and shaped by serde itself:
/// `invalid type: map, expected a sequence`, `duplicate field `x``, `unknown field `x`, …`.
pub fn explain(path: &str, message: &str) -> String {
    if message.starts_with("文件") {
        return message.to_string();
    }
    let at = if path.is_empty() || path == "." { String::new() } else { format!("{path} ") };
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!("{at}应为{}，实为{}", expected_zh(expected), found_zh(found));
        }
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!("{at}应为{}，实为{}", expected_zh(expected), found_zh(found));
        }
    }
    if let Some(name) = quoted(message, "duplicate field `") {
        return format!("{at}字段 {name} 出现了两次；请只保留一个");
    }
    if let Some(name) = quoted(message, "unknown field `") {
        return format!("{at}没有名为 {name} 的设置");
    }
    if message.starts_with("invalid length") {
        // `invalid length 2, expected an array of length 3` / `… expected tuple struct … with 3 elements`
        let rest = message.trim_start_matches("invalid length ");
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let wanted = expected.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()).last();
        return match wanted {
            Some(n) => format!("{at}应为 {n} 项，实为 {found} 项"),
            None => format!("{at}列表的项数不对（实为 {found} 项）"),
        };
    }
    format!("{at}无法读取：{message}")
}

fn quoted<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message.strip_prefix(prefix).and_then(|r| r.split('`').next())
}

fn found_zh(found: &str) -> String {
    let (what, value) = found.split_once(' ').unwrap_or((found, ""));
    let value = value.trim_matches(|c| c == '`' || c == '"');
    match what {
        "map" => "对象".into(),
        "sequence" => "列表".into(),
        "string" => format!("文字“{value}”"),
        "integer" | "floating" => format!("数字 {}", value.trim_start_matches("point ").trim_matches('`')),
        "boolean" => format!("真假值 {value}"),
        "null" | "unit" => "空值（null）".into(),
        _ => found.to_string(),
    }
}

fn expected_zh(expected: &str) -> &str {
    let e = expected.trim();
    if e.starts_with("a sequence") || e.starts_with("a list") || e.contains("of length") {
        "列表"
    } else if e.starts_with("struct") || e.starts_with("a map") {
        "对象"
    } else if e == "a string" || e == "a borrowed string" {
        "文字"
    } else if e == "u64" || e == "u32" || e == "usize" || e.starts_with("an integer") {
        "整数"
    } else if e.starts_with("a boolean") {
        "真假值"
    } else {
        e
    }
}

#[cfg(test)]
mod tests {
    use super::Document;

    #[test]
    fn wrong_shapes_name_the_field_in_chinese() {
        let e = Document::from_json(r#"{"kind":"project_self_evaluation","indicators":{"a":1}}"#).unwrap_err();
        assert_eq!(e, "indicators 应为列表，实为对象");
        let e = Document::from_json(r#"{"kind":"project_self_evaluation","indicators":[{"target":[1]}]}"#).unwrap_err();
        assert_eq!(e, "indicators[0].target 应为文字或数字，实为列表");
        let e = Document::from_json(r#"{"kind":"department_package","projects":{}}"#).unwrap_err();
        assert_eq!(e, "projects 应为列表，实为对象");
        let e = Document::from_json(r#"{"kind":"project_self_evaluation","year":"1","year":"2"}"#).unwrap_err();
        assert!(e.contains("字段 year 出现了两次"), "{e}");
        let e = Document::from_json(r#"{"kind":"project_self_evaluation","version":"2"}"#).unwrap_err();
        assert!(e.contains("格式版本 2"), "{e}");
        let e = Document::from_json(r#"{"kind":"project_self_evaluation","kind":"department_report"}"#).unwrap_err();
        assert!(e.contains("字段 kind 出现了两次"), "{e}");
        assert!(Document::from_json(r#"{"kind":"project_self_evaluation","version":"1.0"}"#).is_ok());
        assert!(Document::from_json(r#"{"kind":"project_self_evaluation","funds":null,"indicators":[null,{"name":"x"}],"goals":null}"#).is_ok());
        let e = Document::from_json(r#"{"kind":"project_self_evaluation","version":"x"}"#).unwrap_err();
        assert!(e.contains("格式版本“x”无法识别"), "{e}");
        assert!(Document::from_json("[1]").unwrap_err().contains("不是一个表单"));
        assert!(Document::from_json("{").unwrap_err().contains("意外结束"));
        // nesting in a field the form does not have is skipped without recursion, however deep
        let deep = format!(r#"{{"kind":"project_self_evaluation","x":{}{}}}"#, "[".repeat(1_000_000), "]".repeat(1_000_000));
        assert!(Document::from_json(&deep).is_ok());
        let deep = format!(r#"{{"kind":"project_self_evaluation","x":{}"#, "[{\"a\":".repeat(100_000));
        assert!(Document::from_json(&deep).is_err());
    }

    #[test]
    fn a_list_of_the_wrong_length_says_how_many_in_chinese() {
        let e = crate::Options::from_json(r#"{"policy":{"grade_cuts":["90","80"]}}"#).unwrap_err();
        assert_eq!(e, "选项有误：policy.grade_cuts 应为 3 项，实为 2 项");
    }
}

/// A value as JSON text with every non-ASCII character escaped (`\u6267`): the one writer of
/// documents and results, so the code that writes each type is in the wasm once. Across the
/// boundary the text then crosses into JS as one-byte characters, which for a result with
/// Chinese messages is faster than UTF-8 decoding.
pub fn ascii_json<T: serde::Serialize + ?Sized>(v: &T) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::with_capacity(1 << 16);
    v.serialize(&mut serde_json::Serializer::with_formatter(&mut out, AsciiJson))?;
    Ok(out)
}

/// A document as a JSON tree (the office layouts walk it by path), through the one writer.
pub fn json_tree<T: serde::Serialize + ?Sized>(v: &T) -> Result<serde_json::Value, String> {
    let text = ascii_json(v).map_err(|e| e.to_string())?;
    serde_json::from_slice(&text).map_err(|e| e.to_string())
}

struct AsciiJson;

impl serde_json::ser::Formatter for AsciiJson {
    // Most fragments are ASCII (paths, figures) and go out as they are; the others are escaped
    // through one buffer in one pass, decoding the UTF-8 by hand: written through `chars()` and
    // a `write_all` per character, this was a tenth of an evaluation's instructions
    fn write_string_fragment<W: ?Sized + std::io::Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        if fragment.is_ascii() {
            return w.write_all(fragment.as_bytes());
        }
        let bytes = fragment.as_bytes();
        let at = |i: usize| u32::from(bytes.get(i).copied().unwrap_or(0) & 0x3f);
        let mut buf = [0u8; 480];
        let mut n = 0;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if n + 12 > buf.len() {
                w.write_all(&buf[..n])?;
                n = 0;
            }
            if b < 0x80 {
                buf[n] = b;
                n += 1;
                i += 1;
                continue;
            }
            let (c, len) = match b {
                0xc0..=0xdf => (u32::from(b & 0x1f) << 6 | at(i + 1), 2),
                0xe0..=0xef => (u32::from(b & 0x0f) << 12 | at(i + 1) << 6 | at(i + 2), 3),
                _ => (u32::from(b & 0x07) << 18 | at(i + 1) << 12 | at(i + 2) << 6 | at(i + 3), 4),
            };
            let mut unit = |u: u32| {
                let u = u as usize;
                buf[n..n + 6].copy_from_slice(&[b'\\', b'u', HEX[u >> 12 & 0xf], HEX[u >> 8 & 0xf], HEX[u >> 4 & 0xf], HEX[u & 0xf]]);
                n += 6;
            };
            if c >= 0x10000 {
                unit(0xd800 | (c - 0x10000) >> 10);
                unit(0xdc00 | (c - 0x10000) & 0x3ff);
            } else {
                unit(c);
            }
            i += len;
        }
        w.write_all(&buf[..n])
    }
}
