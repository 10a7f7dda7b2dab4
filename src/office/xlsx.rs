//! A [`Book`] written as an .xlsx (rust_xlsxwriter): 宋体 cells with thin borders, the title in
//! 黑体, computed cells tinted as on the page, wrong ones red; A4 landscape, the header rows of a
//! long table repeated on every printed page.

use super::book::{Book, Style, Value};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Formula, Workbook};

pub fn write(book: &Book) -> Result<Vec<u8>, String> {
    let fail = |e: rust_xlsxwriter::XlsxError| format!("无法写出 Excel 文件：{e}");
    let mut wb = Workbook::new();
    for s in &book.sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&s.name).map_err(fail)?;
        ws.set_paper_size(9);
        if s.landscape {
            ws.set_landscape();
        }
        ws.set_print_fit_to_pages(1, 0);
        ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
        if let Some((a, b)) = s.repeat_rows {
            ws.set_repeat_rows(a, b).map_err(fail)?;
        }
        for (c, w) in s.widths.iter().enumerate() {
            ws.set_column_width(c as u16, f64::from(*w)).map_err(fail)?;
        }
        let style_at = |r: u32, c: u16| s.cells.iter().find(|x| x.row == r && x.col == c).map_or((Style::Entry, "General".to_string()), |x| (x.style, number_format(&x.value)));
        for &(r0, c0, r1, c1) in &s.merges {
            let (st, nf) = style_at(r0, c0);
            ws.merge_range(r0, c0, r1, c1, "", &format(st, &nf)).map_err(fail)?;
        }
        for cell in &s.cells {
            let f = format(cell.style, &number_format(&cell.value));
            match &cell.value {
                Value::Text { text } => ws.write_string_with_format(cell.row, cell.col, text, &f).map(|_| ()),
                // the file format stores numbers as binary doubles: `number_of` only hands over
                // figures of at most 15 significant digits, whose shortest double prints back as
                // the very digits typed, so the file holds the decimal exactly as shown
                Value::Number { digits, .. } => match digits.parse::<f64>() {
                    Ok(n) => ws.write_number_with_format(cell.row, cell.col, n, &f).map(|_| ()),
                    Err(_) => ws.write_string_with_format(cell.row, cell.col, digits, &f).map(|_| ()),
                },
                Value::Formula { formula, result, .. } => {
                    ws.write_formula_with_format(cell.row, cell.col, Formula::new(formula).set_result(result), &f).map(|_| ())
                }
            }
            .map_err(fail)?;
        }
        // long texts (目标, 情况说明) wrap in tall rows: each row as tall as its longest text needs
        let mut lines_of: std::collections::BTreeMap<u32, f64> = std::collections::BTreeMap::new();
        for cell in &s.cells {
            if let Value::Text { text } = &cell.value {
                if cell.style == Style::Title {
                    continue;
                }
                let chars = text.chars().count();
                let span: u16 = s.merges.iter().find(|m| m.0 == cell.row && m.1 == cell.col).map_or(s.widths.get(usize::from(cell.col)).copied().unwrap_or(14), |m| (m.1..=m.3).map(|c| s.widths.get(usize::from(c)).copied().unwrap_or(14)).sum());
                let lines = (chars as f64 * 2.0 / f64::from(span.max(4))).ceil().max(1.0);
                let most = lines_of.entry(cell.row).or_insert(1.0);
                *most = most.max(lines);
            }
        }
        for (row, lines) in lines_of {
            if lines > 1.0 {
                ws.set_row_height(row, (lines * 15.0).min(400.0)).map_err(fail)?;
            }
        }
    }
    wb.save_to_buffer().map_err(fail)
}

fn number_format(v: &Value) -> String {
    match v {
        Value::Number { format, .. } | Value::Formula { format, .. } => format.clone(),
        Value::Text { .. } => "General".into(),
    }
}

fn format(style: Style, number: &str) -> Format {
    let base = Format::new().set_font_name("宋体").set_font_size(11).set_text_wrap().set_align(FormatAlign::VerticalCenter);
    let boxed = base.clone().set_border(FormatBorder::Thin).set_num_format(number);
    match style {
        Style::Title => base.set_font_name("黑体").set_font_size(16).set_bold().set_align(FormatAlign::Center),
        Style::Caption => base.set_bold().set_align(FormatAlign::Left),
        Style::Header => boxed.set_bold().set_align(FormatAlign::Center),
        Style::Entry => boxed,
        Style::Computed => boxed.set_background_color(Color::RGB(0xE8F0FB)),
        Style::Wrong => boxed.set_background_color(Color::RGB(0xFDE2E1)).set_font_color(Color::RGB(0xC00000)),
        Style::Void => boxed.set_align(FormatAlign::Center),
        Style::Plain => base.set_border(FormatBorder::Thin),
    }
}
