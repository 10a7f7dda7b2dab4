//! The wasm boundary, and the only file that knows wasm-bindgen: it converts in, calls the
//! core, converts out. Results go out as plain JS objects built by serde-wasm-bindgen.
//! Documents and options come in as JS objects or JSON text; an object is read as its JSON text
//! (`JSON.stringify`, native) by the same serde reader the CLI uses. Measured on a 500-row table
//! that is 2.5× faster than walking the object with serde-wasm-bindgen (0.65 + 0.35 ms against
//! 1.6 ms: serde-wasm-bindgen probes each cell's JS type across the boundary), keeps one copy of
//! the readers in the module, and gives one reader — one set of messages, duplicate keys refused
//! alike — for files, drafts and objects.

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

/// Maps as plain objects and `None` as `null`, as the `.d.ts` and the CLI's JSON say.
fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true).serialize_missing_as_null(true)).map_err(|e| error(&format!("无法转换结果：{e}")))
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

fn options(v: JsValue) -> Result<Options, String> {
    if v.is_undefined() || v.is_null() {
        return Ok(Options::default());
    }
    Options::from_json(&text_of(&v, "选项")?)
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
