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
    // calamine gives number formats for .xlsx only; an .ods keeps the text its number cells show
    let formats_known = matches!(book, Sheets::Xlsx(_));
    let ods = if matches!(book, Sheets::Ods(_)) { ods_shown(bytes) } else { Shown::new() };
    for sheet in book.sheet_names() {
        let values = book.worksheet_range(&sheet).map_err(|e| refused(name, &e.to_string()))?;
        let (h, w) = values.get_size();
        if h.saturating_mul(w) > MAX_CELLS {
            return Err(format!("文件“{name}”的工作表“{sheet}”有 {h} 行 × {w} 列，太大，不像一张表单"));
        }
        let formulas = book.worksheet_formula(&sheet).ok();
        let styles = book.worksheet_style(&sheet).ok();
        let merges = merged(&mut book, &sheet);
        let shown = ods.get(&sheet);
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
                    Data::Int(_) | Data::Float(_) if shown.is_some_and(|s| s.contains_key(&at)) => cell.text = shown.and_then(|s| s.get(&at)).cloned().unwrap_or_default(),
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

/// What the number cells of an .ods show, by sheet and (row, column).
type Shown = std::collections::HashMap<String, std::collections::HashMap<Corner, String>>;

/// An .ods keeps, beside each number cell's value, the text the cell shows: `78.59%` beside
/// 0.7859, `40家` beside 40, `1,234.50` beside 1234.5. calamine gives the value only; this is
/// that text, as .xlsx cells are read with their number formats. Rows and columns are counted as
/// the file repeats them; a file that cannot be read this way gives none (calamine's values
/// stand, and rate columns read their fractions as percentages).
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn ods_shown(bytes: &[u8]) -> Shown {
    use quick_xml::events::{BytesStart, Event};
    use std::io::Read;
    let mut out = Shown::new();
    let mut budget = MAX_CELLS;
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else { return out };
    let mut xml = String::new();
    let Ok(mut content) = zip.by_name("content.xml") else { return out };
    if content.size() > MAX_BYTES as u64 * 8 || content.read_to_string(&mut xml).is_err() {
        return out;
    }
    let number = |e: &BytesStart, key: &str| -> u32 { e.try_get_attribute(key).ok().flatten().and_then(|a| a.value.parse().ok()).unwrap_or(1).max(1) };
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut sheet, mut depth, mut row, mut rows, mut col) = (String::new(), 0u32, 0u32, 1u32, 0u32);
    // the number cell being read: its columns and the text of its paragraphs
    let mut open: Option<(u32, String)> = None;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        let started = matches!(event, Event::Start(_));
        match event {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "table:table" => {
                depth += 1;
                if depth == 1 {
                    sheet = e.try_get_attribute("table:name").ok().flatten().and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned())).unwrap_or_default();
                    row = 0;
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table" => depth = depth.saturating_sub(1),
            Event::Start(e) if depth == 1 && e.name().as_ref() == "table:table-row" => {
                rows = number(&e, "table:number-rows-repeated");
                col = 0;
            }
            Event::Empty(e) if depth == 1 && e.name().as_ref() == "table:table-row" => row = row.saturating_add(number(&e, "table:number-rows-repeated")),
            Event::End(e) if depth == 1 && e.name().as_ref() == "table:table-row" => row = row.saturating_add(rows),
            Event::Start(e) | Event::Empty(e) if depth == 1 && matches!(e.name().as_ref(), "table:table-cell" | "table:covered-table-cell") => {
                let repeat = number(&e, "table:number-columns-repeated");
                let number_cell = e.try_get_attribute("office:value-type").ok().flatten().is_some_and(|a| matches!(a.value.as_ref(), "float" | "percentage" | "currency"));
                if number_cell && started {
                    open = Some((repeat, String::new()));
                } else {
                    col = col.saturating_add(repeat);
                }
            }
            Event::Text(t) if open.is_some() => {
                if let Some((_, text)) = open.as_mut() {
                    text.push_str(t.as_ref());
                }
            }
            Event::End(e) if depth == 1 && e.name().as_ref() == "table:table-cell" => {
                if let Some((repeat, text)) = open.take() {
                    let text = text.trim();
                    // a shown figure has a digit (not `###`, not an empty paragraph)
                    if text.chars().any(|c| c.is_ascii_digit()) {
                        let cells = out.entry(sheet.clone()).or_default();
                        for r in row..row.saturating_add(rows.min(1000)) {
                            for c in col..col.saturating_add(repeat.min(1000)) {
                                // a file repeating cells without end is not a form: what is read stands
                                if budget == 0 {
                                    return out;
                                }
                                budget -= 1;
                                cells.insert((r, c), text.to_string());
                            }
                        }
                    }
                    col = col.saturating_add(repeat);
                }
            }
            _ => {}
        }
    }
    out
}

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
    /// The cells an .ods repeats and covers are counted as the file lays them out; only number
    /// cells give their shown text, and a damaged content.xml gives what was read before the damage.
    #[test]
    fn an_ods_number_cell_reads_as_the_text_it_shows() {
        use std::io::Write;
        let content = r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="表 &amp; 1">
<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
<table:table-header-rows><table:table-row><table:table-cell table:number-columns-repeated="2"/><table:covered-table-cell/><table:table-cell office:value-type="percentage" office:value="0.7859"><text:p>78.59%</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="40"><text:p>40家</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>12</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="currency" office:value="1234.5" table:number-columns-repeated="2"><text:p>1,234.50</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1"><text:p>###</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
        let zip_of = |xml: &str| {
            let mut out = std::io::Cursor::new(Vec::new());
            let mut z = zip::ZipWriter::new(&mut out);
            z.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
            z.write_all(xml.as_bytes()).unwrap();
            z.finish().unwrap();
            out.into_inner()
        };
        let shown = super::ods_shown(&zip_of(content));
        let sheet = &shown["表 & 1"];
        let mut got: Vec<_> = sheet.iter().map(|(k, v)| (*k, v.as_str())).collect();
        got.sort();
        assert_eq!(got, vec![((2, 3), "78.59%"), ((2, 4), "40家"), ((3, 0), "1,234.50"), ((3, 1), "1,234.50"), ((4, 0), "1,234.50"), ((4, 1), "1,234.50")]);
        let cut = &content[..content.find("<table:table-row table:number-rows-repeated=\"2\"><table:table-cell office").unwrap() + 60];
        assert_eq!(super::ods_shown(&zip_of(cut))["表 & 1"].len(), 2);
        assert!(super::ods_shown(b"not a zip").is_empty());
    }

    #[test]
    fn excel_serials_are_the_dates_excel_shows() {
        assert_eq!(super::date(45291.0, false), "2023-12-31");
        assert_eq!(super::date(1.0, false), "1900-01-01");
        assert_eq!(super::date(61.0, false), "1900-03-01");
        assert_eq!(super::date(45291.5, true), "2023-12-31 12:00");
    }
}
