//! The wasm boundary, and the only file that knows wasm-bindgen: it converts in, calls the
//! core, converts out. Documents cross as JSON text (JSON.stringify keeps the digits a JS number
//! prints), read by the core's own JSON reader: no float holds a figure.

use wasm_bindgen::prelude::*;

fn text_of(v: &JsValue) -> Result<String, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(String::new());
    }
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    js_sys::JSON::stringify(v)
        .map(String::from)
        .map_err(|_| js_sys::Error::new("无法读取传入的对象（含有无法转为 JSON 的内容）").into())
}

fn to_js(v: &crate::json::Value) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&v.to_string())
}

/// `evaluate(document, options?) → { kind, summary, computed, findings }`; throws an Error with
/// a Chinese message when the document is not a form.
#[wasm_bindgen]
pub fn evaluate(document: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let doc = text_of(&document)?;
    let opts = text_of(&options)?;
    match crate::evaluate(&doc, &opts) {
        Ok(ev) => to_js(&ev.to_value()),
        Err(msg) => Err(js_sys::Error::new(&msg).into()),
    }
}

/// The forms, their layouts and blank documents, and the policy profiles.
#[wasm_bindgen]
pub fn catalog() -> Result<JsValue, JsValue> {
    to_js(&crate::catalog())
}

#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
