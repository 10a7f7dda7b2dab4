//! The wasm boundary, and the only file that knows wasm-bindgen: it converts in, calls the
//! core, converts out. Values cross with serde-wasm-bindgen as plain JS objects; a document may
//! also come as JSON text, read by the core's own reader (long numbers keep their digits).

use crate::document::{JsonText, ReadError, Source};
use crate::{Document, Options};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A JS object as a source of typed values, read by serde-wasm-bindgen. Only when that fails is
/// it read again as its JSON text, by the reader that tracks the path, to name the field: one
/// copy of each reader in the module.
struct JsObject(JsValue);

impl Source for JsObject {
    fn read<T: DeserializeOwned>(&self) -> Result<T, ReadError> {
        serde_wasm_bindgen::from_value(self.0.clone()).or_else(|first| {
            let text = js_sys::JSON::stringify(&self.0).ok().and_then(|t| t.as_string());
            match text {
                Some(t) => JsonText(&t).read(),
                None => Err(ReadError { path: String::new(), message: first.to_string() }),
            }
        })
    }
}

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

fn document(v: JsValue) -> Result<Document, String> {
    match v.as_string() {
        Some(text) => Document::from_json(&text),
        None if v.is_object() => Document::read(&JsObject(v)),
        None => Err("文件内容不是一个表单（应为 JSON 对象或其文本）".into()),
    }
}

fn options(v: JsValue) -> Result<Options, String> {
    if v.is_undefined() || v.is_null() {
        return Ok(Options::default());
    }
    match v.as_string() {
        Some(text) => Options::from_json(&text),
        None if v.is_object() => JsObject(v).read().map_err(|e| format!("选项有误：{e}")),
        None => Err("选项应为对象，例如 { policy: 'urumqi-2023' }".into()),
    }
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

/// The forms, their layouts and blank documents, and the policy profiles.
#[wasm_bindgen(unchecked_return_type = "Catalog")]
pub fn catalog() -> Result<JsValue, JsValue> {
    to_js(&crate::catalog())
}

#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
