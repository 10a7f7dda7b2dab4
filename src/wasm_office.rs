//! The boundary of the office module, the page's third wasm build (`--features office`): file
//! formats only. The full core lays the workbook or report out and recognises the forms in a
//! workbook read (`toWorkbook`, `toReport`, `fromWorkbook`); this module turns those layouts
//! into .xlsx/.docx bytes and a file's bytes into the cells it displays. It is compiled only
//! when the user first opens or saves an office file, so its libraries never slow the start.

use crate::office::book::{Book, Report};
use crate::office::{docx, open, xlsx};
use wasm_bindgen::prelude::*;

fn error(msg: &str) -> JsValue {
    js_sys::Error::new(msg).into()
}

fn read<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, JsValue> {
    serde_json::from_str(json).map_err(|e| error(&format!("导出内容有误：{e}")))
}

/// `writeXlsx(bookJson) → Uint8Array`: the workbook `toWorkbook` laid out, as an .xlsx file.
#[wasm_bindgen(js_name = writeXlsx)]
pub fn write_xlsx(book: &str) -> Result<Vec<u8>, JsValue> {
    xlsx::write(&read::<Book>(book)?).map_err(|e| error(&e))
}

/// `writeDocx(reportJson) → Uint8Array`: the report `toReport` laid out, as a .docx file.
#[wasm_bindgen(js_name = writeDocx)]
pub fn write_docx(report: &str) -> Result<Vec<u8>, JsValue> {
    docx::write(&read::<Report>(report)?).map_err(|e| error(&e))
}

/// `readWorkbook(bytes, name) → string`: the JSON text of every sheet's cells as displayed
/// (a `Grid`), for the full core's `fromWorkbook`; throws a Chinese message for a file that is
/// not a readable workbook.
#[wasm_bindgen(js_name = readWorkbook)]
pub fn read_workbook(bytes: &[u8], name: &str) -> Result<String, JsValue> {
    let grid = open::read(bytes, name).map_err(|e| error(&e))?;
    serde_json::to_string(&grid).map_err(|e| error(&e.to_string()))
}
