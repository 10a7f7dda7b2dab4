//! The wasm boundary, and the only file that knows wasm-bindgen: it converts in, calls the
//! core, converts out. Values cross as JSON text, read and written by the same serde types the
//! CLI uses: an object coming in is its `JSON.stringify` text, a result going out is parsed by
//! the browser's `JSON.parse`. Both are native and run at memory speed, where
//! serde-wasm-bindgen crosses the boundary once per value: on a 500-row table its walk of the
//! document took 1.6 ms against 0.65 + 0.35 ms, and building the result (2,006 cells, 176
//! findings) 1.4 ms against 0.5 ms. It also keeps one copy of the readers in the module and one
//! reader — one set of messages, duplicate keys refused alike — for files, drafts and objects.
//! Options, a handful of settings where one crossing per value costs nothing, are read from the
//! JS object itself with serde-wasm-bindgen.

use crate::{Document, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The types the functions below take and return, generated from the Rust types
/// (`src/contract.rs`, checked by `tests/contract.rs`).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../docs/jiaohe.d.ts");

fn error(msg: &str) -> JsValue {
    js_sys::Error::new(msg).into()
}

/// A result as a plain JS object: written as JSON text, parsed by the browser.
fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    let out = crate::document::ascii_json(v).map_err(|e| error(&format!("无法转换结果：{e}")))?;
    js_sys::JSON::parse(std::str::from_utf8(&out).map_err(|_| error("无法转换结果"))?)
}

/// The JSON text of a document or options object.
fn text_of(v: &JsValue, what: &str) -> Result<String, String> {
    if let Some(text) = v.as_string() {
        return Ok(text);
    }
    if !v.is_object() {
        return Err(format!("{what}应为对象或其 JSON 文本"));
    }
    match js_sys::JSON::stringify(v).ok().and_then(|t| t.as_string()) {
        Some(text) => Ok(text),
        None => Err(format!("{what}无法转为 JSON（含有循环引用或无法表示的值）")),
    }
}

fn document(v: JsValue) -> Result<Document, String> {
    Document::from_json(&text_of(&v, "表单内容")?)
}

/// Options are a handful of settings: an object is read straight from its JS value by
/// serde-wasm-bindgen (no JSON text in between), with the same types, the same refusal of
/// unknown settings and the same Chinese messages as the JSON text the CLI reads.
fn options(v: JsValue) -> Result<Options, String> {
    if v.is_undefined() || v.is_null() {
        return Ok(Options::default());
    }
    if let Some(text) = v.as_string() {
        return Options::from_json(&text);
    }
    if !v.is_object() || v.is_function() {
        return Err("选项应为对象或其 JSON 文本".to_string());
    }
    crate::document::read_value(serde_wasm_bindgen::Deserializer::from(v)).map_err(|e| format!("选项有误：{e}"))
}

/// `evaluate(document, options?) → { kind, summary, computed, findings }`; throws an Error with
/// a Chinese message when the document is not a form.
#[wasm_bindgen(unchecked_return_type = "Evaluation")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Document | string")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | string | null")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let doc = self::document(document).map_err(|m| error(&m))?;
    let policy = self::options(options).and_then(|o| o.policy()).map_err(|m| error(&m))?;
    to_js(&crate::evaluate_document(&doc, &policy))
}

/// `checkText(text, options?) → { summary, claims, findings }`: every arithmetic claim of a
/// pasted text (决算说明, 预算公开说明, 自评报告 …) found and verified (文字核对).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = checkText, unchecked_return_type = "TextCheck")]
pub fn check_text(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "Options | string | null")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let policy = self::options(options).and_then(|o| o.policy()).map_err(|m| error(&m))?;
    to_js(&crate::text::check(text, &policy))
}

/// `carryForward(document, project?) → Document`: a 绩效目标表 (or, in a 预算公开, project
/// `project`'s, or the 部门整体 one when it is absent) as next year's 自评表, actuals blank.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = carryForward, unchecked_return_type = "Document")]
pub fn carry_forward(
    #[wasm_bindgen(unchecked_param_type = "Document | string")] document: JsValue,
    project: Option<u32>,
) -> Result<JsValue, JsValue> {
    let doc = self::document(document).map_err(|m| error(&m))?;
    to_js(&crate::forms::carry_forward(&doc, project.map(|p| p as usize)).map_err(|m| error(&m))?)
}

/// `toWorkbook(document, options?) → string`: the document checked and laid out as the
/// official workbook (a `Book` as JSON text), for the office module's `writeXlsx`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = toWorkbook)]
pub fn to_workbook(
    #[wasm_bindgen(unchecked_param_type = "Document | string")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | string | null")] options: JsValue,
) -> Result<String, JsValue> {
    laid_out(document, options, |doc, eval, policy| crate::office::export::workbook(doc, eval, policy))
}

/// The document read, checked under its options, laid out by `lay` and given as JSON text.
#[cfg(feature = "full")]
fn laid_out<T: serde::Serialize>(
    document: JsValue,
    options: JsValue,
    lay: impl Fn(&crate::Document, &crate::Evaluation, &crate::policy::Policy) -> Result<T, String>,
) -> Result<String, JsValue> {
    let doc = self::document(document).map_err(|m| error(&m))?;
    let policy = self::options(options).and_then(|o| o.policy()).map_err(|m| error(&m))?;
    let eval = crate::evaluate_document(&doc, &policy);
    let out = lay(&doc, &eval, &policy).map_err(|m| error(&m))?;
    serde_json::to_string(&out).map_err(|e| error(&e.to_string()))
}

/// `toReport(document, options?) → string`: the generated report text and its tables (a
/// `Report` as JSON text), for the office module's `writeDocx`; throws for a form without one.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = toReport)]
pub fn to_report(
    #[wasm_bindgen(unchecked_param_type = "Document | string")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | string | null")] options: JsValue,
) -> Result<String, JsValue> {
    laid_out(document, options, |doc, eval, _| crate::office::export::report(doc, eval))
}

/// `fromWorkbook(grid) → { documents, notes }`: the forms recognised in a workbook the office
/// module read (`readWorkbook`'s JSON text), and the cells that could not be placed.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = fromWorkbook, unchecked_return_type = "Opened")]
pub fn from_workbook(grid: &str) -> Result<JsValue, JsValue> {
    let grid: crate::office::book::Grid = serde_json::from_str(grid).map_err(|e| error(&format!("工作簿内容有误：{e}")))?;
    to_js(&crate::office::recognise::documents(&grid).map_err(|m| error(&m))?)
}

/// Reads a document from JSON text with the core's reader (the one the CLI uses), so the page
/// never takes a figure through `JSON.parse`; throws a Chinese message naming what is wrong.
#[wasm_bindgen(js_name = readDocument, unchecked_return_type = "Document")]
pub fn read_document(text: &str) -> Result<JsValue, JsValue> {
    to_js(&Document::from_json(text).map_err(|m| error(&m))?)
}

/// The forms, their layouts and blank documents, and the policy profiles: the typed catalog
/// written out at build time (`tests/contract.rs` keeps it equal to `crate::catalog()`), so the
/// page's first call compiles no reader of layouts.
#[wasm_bindgen(unchecked_return_type = "Catalog")]
pub fn catalog() -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(include_str!("forms/catalog.json"))
}

#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
