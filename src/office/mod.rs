//! Office files in and out. The core lays a checked document out as the official workbook or
//! report ([`export`]) and recognises the forms in a workbook read from a file ([`recognise`]);
//! the file formats themselves ([`xlsx`], [`docx`], [`open`]) are a separate build, the page's
//! second wasm module, compiled only when the user first opens or saves an office file.

pub mod book;
#[cfg(feature = "full")]
pub mod export;
pub mod figure;
#[cfg(feature = "full")]
pub mod recognise;

#[cfg(feature = "office")]
pub mod docx;
#[cfg(feature = "office")]
pub mod open;
#[cfg(feature = "office")]
pub mod xlsx;

/// The office file formats the page and the CLI open, by name.
pub fn is_office_file(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"].iter().any(|e| n.ends_with(e))
}

/// A document, checked, as an .xlsx (the native build: the CLI and the tests).
#[cfg(all(feature = "office", feature = "full"))]
pub fn to_xlsx(doc: &crate::Document, policy: &crate::policy::Policy) -> Result<Vec<u8>, String> {
    let eval = crate::evaluate_document(doc, policy);
    xlsx::write(&export::workbook(doc, &eval, policy)?)
}

/// A report, checked, as a .docx.
#[cfg(all(feature = "office", feature = "full"))]
pub fn to_docx(doc: &crate::Document, policy: &crate::policy::Policy) -> Result<Vec<u8>, String> {
    let eval = crate::evaluate_document(doc, policy);
    docx::write(&export::report(doc, &eval)?)
}

/// The documents in an office file.
#[cfg(all(feature = "office", feature = "full"))]
pub fn open_file(bytes: &[u8], name: &str) -> Result<recognise::Opened, String> {
    recognise::documents(&open::read(bytes, name)?)
}
