//! A [`Report`] written as a .docx in the official typography (GB/T 9704 公文格式): A4 portrait
//! with its margins, the title in 方正小标宋简体 二号 centred (Word falls back to 黑体/宋体 where
//! the font is missing), headings in 黑体 三号, the body in 仿宋_GB2312 三号 justified with a
//! two-character first-line indent and a fixed 28-point line, Latin figures in Times New Roman,
//! the tables as real Word tables in 仿宋 小四. The WordprocessingML is written here and packed
//! with the zip crate the workbook libraries already bring (see Cargo.toml for why not docx-rs).

use super::book::{Part, Report};
use std::io::Write;
use zip::write::SimpleFileOptions;

const TITLE: &str = "方正小标宋简体";
const HEADING: &str = "黑体";
const BODY: &str = "仿宋_GB2312";

pub fn write(report: &Report) -> Result<Vec<u8>, String> {
    let mut body = String::with_capacity(64 * 1024);
    paragraph(&mut body, &report.title, TITLE, 44, "center", false);
    for part in &report.parts {
        match part {
            Part::Subtitle { text } => paragraph(&mut body, text, BODY, 32, "center", false),
            Part::Heading { text } => paragraph(&mut body, text, HEADING, 32, "left", true),
            Part::Paragraph { text } => paragraph(&mut body, text, BODY, 32, "both", true),
            Part::Table { caption, rows } => table(&mut body, caption, rows),
        }
    }
    let document = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{}"#,
            r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>"#,
            r#"</w:body></w:document>"#
        ),
        body
    );
    let parts: [(&str, &str); 4] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        ),
        (
            "word/_rels/document.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#,
        ),
        (
            "word/styles.xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#,
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let fail = |e: &dyn std::fmt::Display| format!("无法写出 Word 文件：{e}");
    for (name, xml) in parts.iter().copied().chain([("word/document.xml", document.as_str())]) {
        zip.start_file(name, opts).map_err(|e| fail(&e))?;
        zip.write_all(xml.as_bytes()).map_err(|e| fail(&e))?;
    }
    Ok(zip.finish().map_err(|e| fail(&e))?.into_inner())
}

/// Text as XML character data: the five escapes, and no control character Word refuses.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push(' '),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
}

fn run(out: &mut String, text: &str, font: &str, half_points: u32) {
    out.push_str(&format!(r#"<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{font}" w:hint="eastAsia"/><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr><w:t xml:space="preserve">"#));
    escape(out, text);
    out.push_str("</w:t></w:r>");
}

fn paragraph(out: &mut String, text: &str, font: &str, half_points: u32, align: &str, indent: bool) {
    out.push_str("<w:p><w:pPr>");
    if indent {
        out.push_str(r#"<w:ind w:firstLineChars="200" w:firstLine="640"/>"#);
    }
    out.push_str(&format!(r#"<w:jc w:val="{align}"/></w:pPr>"#));
    run(out, text, font, half_points);
    out.push_str("</w:p>");
}

fn table(out: &mut String, caption: &str, rows: &[Vec<String>]) {
    paragraph(out, caption, HEADING, 28, "center", false);
    let cols = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    // the 15.6 cm type area shared evenly
    let width = 8844 / cols;
    out.push_str(r#"<w:tbl><w:tblPr><w:tblW w:w="8844" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>"#);
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        out.push_str(&format!(r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#));
    }
    out.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
    for _ in 0..cols {
        out.push_str(&format!(r#"<w:gridCol w:w="{width}"/>"#));
    }
    out.push_str("</w:tblGrid>");
    for (i, row) in rows.iter().enumerate() {
        out.push_str(if i == 0 { "<w:tr><w:trPr><w:tblHeader/></w:trPr>" } else { "<w:tr>" });
        for k in 0..cols {
            out.push_str(&format!(r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:spacing w:line="360" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>"#));
            run(out, row.get(k).map_or("", String::as_str), if i == 0 { HEADING } else { BODY }, 24);
            out.push_str("</w:p></w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}
