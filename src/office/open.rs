//! An .xlsx, .xls or .ods read (calamine) into a [`Grid`]: every sheet, each cell as the
//! spreadsheet displays it. Files that are not workbooks — a web page saved as .xls, a
//! password-protected or damaged file — are refused with a message saying which.

use super::book::{Grid, GridCell, GridSheet};
use super::figure::show_float;
use calamine::{open_workbook_auto_from_rs, Data, Reader, Sheets};
use std::io::Cursor;

/// The largest file and sheet read: a form is a few hundred rows; a 50 MB workbook is not one.
pub const MAX_BYTES: usize = 20 << 20;
const MAX_CELLS: usize = 2_000_000;

pub fn read(bytes: &[u8], name: &str) -> Result<Grid, String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!("文件“{name}”有 {} MB，超过了可打开的 {} MB：表单文件通常不到 1 MB，请确认选对了文件", bytes.len() >> 20, MAX_BYTES >> 20));
    }
    let head: String = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') && (trimmed.contains("<html") || trimmed.contains("<!doctype") || trimmed.contains("<table") || trimmed.contains("<?xml")) {
        return Err(format!("文件“{name}”其实是网页（HTML）而不是 Excel 工作簿：请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再打开"));
    }
    if bytes.is_empty() {
        return Err(format!("文件“{name}”是空的"));
    }
    if encrypted(bytes) {
        return Err(password(name));
    }
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| refused(name, &e.to_string()))?;
    let mut grid = Grid::default();
    // calamine gives number formats for .xlsx only
    let formats_known = matches!(book, Sheets::Xlsx(_));
    for sheet in book.sheet_names() {
        let values = book.worksheet_range(&sheet).map_err(|e| refused(name, &e.to_string()))?;
        let (h, w) = values.get_size();
        if h.saturating_mul(w) > MAX_CELLS {
            return Err(format!("文件“{name}”的工作表“{sheet}”有 {h} 行 × {w} 列，太大，不像一张表单"));
        }
        let formulas = book.worksheet_formula(&sheet).ok();
        let styles = book.worksheet_style(&sheet).ok();
        let merges = merged(&mut book, &sheet);
        let (r0, c0) = values.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<GridCell>> = Vec::new();
        for (r, row) in values.rows().enumerate() {
            let at_r = r0 + r as u32;
            let mut out = Vec::new();
            for (c, v) in row.iter().enumerate() {
                let at = (at_r, c0 + c as u32);
                let fmt = styles.as_ref().and_then(|s| s.get(at)).and_then(|s| s.number_format.as_ref()).map_or("General".to_string(), |n| n.format_code.clone());
                let mut cell = GridCell { formula: formulas.as_ref().and_then(|f| f.get_value(at)).is_some_and(|f| !f.is_empty()), ..GridCell::default() };
                match v {
                    Data::Empty => {}
                    Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => cell.text = s.trim_end().to_string(),
                    Data::Int(i) => {
                        cell.text = i.to_string();
                        cell.unformatted = !formats_known;
                    }
                    Data::Float(f) => match show_float(*f, &fmt) {
                        Some(t) => {
                            cell.text = t;
                            cell.unformatted = !formats_known;
                        }
                        None => cell.error = Some("无法读取的数字".into()),
                    },
                    Data::Bool(b) => cell.text = if *b { "是" } else { "否" }.into(),
                    Data::DateTime(d) => cell.text = date(d.as_f64(), d.is_datetime()),
                    Data::Error(e) => cell.error = Some(e.to_string()),
                }
                if out.len() < at.1 as usize {
                    out.resize(at.1 as usize, GridCell::default());
                }
                out.push(cell);
            }
            while rows.len() < at_r as usize {
                rows.push(Vec::new());
            }
            rows.push(out);
        }
        // a merged cell's text stands for every cell it covers
        for (a, b) in merges {
            let Some(text) = rows.get(a.0 as usize).and_then(|r| r.get(a.1 as usize)).map(|c| c.text.clone()) else { continue };
            for r in a.0..=b.0.min(a.0 + 500) {
                for c in a.1..=b.1.min(a.1 + 100) {
                    if (r, c) == a {
                        continue;
                    }
                    if let Some(cell) = rows.get_mut(r as usize).map(|row| {
                        if row.len() <= c as usize {
                            row.resize(c as usize + 1, GridCell::default());
                        }
                        &mut row[c as usize]
                    }) {
                        if cell.text.is_empty() {
                            cell.text = text.clone();
                            cell.merged = true;
                        }
                    }
                }
            }
        }
        grid.sheets.push(GridSheet { name: sheet, rows });
    }
    Ok(grid)
}

type Corner = (u32, u32);

fn merged(book: &mut Sheets<Cursor<&[u8]>>, sheet: &str) -> Vec<(Corner, Corner)> {
    let dims = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        _ => Vec::new(),
    };
    dims.into_iter().map(|d| (d.start, d.end)).collect()
}

/// An .xlsx with an open password is not a zip but an OLE compound file holding the encrypted
/// package (ECMA-376 §2.3.4.x: the streams EncryptionInfo and EncryptedPackage); calamine calls it
/// an unknown format.
fn encrypted(bytes: &[u8]) -> bool {
    const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.starts_with(&OLE) && bytes.windows(name.len()).any(|w| w == name.as_slice())
}

fn password(name: &str) -> String {
    format!("文件“{name}”设有打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码后另存一份再打开")
}

fn refused(name: &str, why: &str) -> String {
    let w = why.to_ascii_lowercase();
    if w.contains("password") || w.contains("encrypt") {
        password(name)
    } else if w.contains("zip") || w.contains("detect") || w.contains("cfb") || w.contains("invalid") || w.contains("eof") || w.contains("unrecognized") || w.contains("signature") {
        format!("文件“{name}”不是可读取的 Excel（.xlsx/.xls）或 WPS/LibreOffice（.ods）工作簿，或者已经损坏")
    } else {
        format!("文件“{name}”无法读取：{why}")
    }
}

/// A date cell as the indicator reader takes dates: `2023-12-31` (with the time when it has one).
fn date(serial: f64, with_time: bool) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return String::new();
    }
    // Excel's day 60 is the 1900-02-29 that never was
    let days = serial.floor() as i64;
    let days = if days >= 60 { days - 1 } else { days };
    let (y, m, d) = civil(days - 25_568);
    let mut s = format!("{y:04}-{m:02}-{d:02}");
    let secs = ((serial - serial.floor()) * 86_400.0).round() as i64;
    if with_time && secs > 0 {
        s.push_str(&format!(" {:02}:{:02}", secs / 3600, secs / 60 % 60));
    }
    s
}

/// (year, month, day) of a count of days from 1970-01-01 (Howard Hinnant's civil_from_days).
fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn excel_serials_are_the_dates_excel_shows() {
        assert_eq!(super::date(45291.0, false), "2023-12-31");
        assert_eq!(super::date(1.0, false), "1900-01-01");
        assert_eq!(super::date(61.0, false), "1900-03-01");
        assert_eq!(super::date(45291.5, true), "2023-12-31 12:00");
    }
}
