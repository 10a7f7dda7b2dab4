//! What passes between the core and the office module: a workbook or report to write, laid out
//! cell by cell by the core, and a workbook read, as the texts its cells display. The office
//! module knows file formats and nothing of the forms; the core knows the forms and no format.

use serde::{Deserialize, Serialize};

/// A workbook to write: one sheet per table, the findings on the last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Book {
    pub sheets: Vec<SheetOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetOut {
    pub name: String,
    /// column widths in characters
    pub widths: Vec<u16>,
    pub cells: Vec<CellOut>,
    /// `(first row, first col, last row, last col)`, zero-based
    pub merges: Vec<(u32, u16, u32, u16)>,
    /// the rows repeated at the top of every printed page, zero-based and inclusive
    pub repeat_rows: Option<(u32, u32)>,
    pub landscape: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellOut {
    pub row: u32,
    pub col: u16,
    pub value: Value,
    pub style: Style,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Value {
    Text { text: String },
    /// a figure as its decimal digits, and the number format that shows it as typed
    Number { digits: String, format: String },
    /// a live formula with the core's value cached, shown with `format`
    Formula { formula: String, result: String, format: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Style {
    /// the form's title, large and centred
    Title,
    /// a block's caption
    Caption,
    /// a column header or a row's label
    Header,
    /// a cell the unit fills in
    Entry,
    /// a cell the core computes
    Computed,
    /// a cell the core finds wrong: red, with the reason on the findings sheet
    Wrong,
    /// a cell that does not apply (—)
    Void,
    /// a line of the findings sheet
    Plain,
}

/// A report to write as Word: the title, then paragraphs and tables in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub title: String,
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Part {
    /// a centred line under the title (the unit, the year)
    Subtitle { text: String },
    /// a heading (一、…) in 黑体
    Heading { text: String },
    /// body text with a two-character first-line indent
    Paragraph { text: String },
    /// a table with its caption; the first row is the header
    Table { caption: String, rows: Vec<Vec<String>> },
}

/// A workbook read from a file: every sheet, as the texts its cells display.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    pub sheets: Vec<GridSheet>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GridSheet {
    pub name: String,
    /// the rows from A1, each cell as Excel displays it; merged cells hold their text in the
    /// top-left cell only, as in the file
    pub rows: Vec<Vec<GridCell>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GridCell {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// the cell holds a formula: the sheet computes it, so the core does too
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub formula: bool,
    /// the text is a merged cell's, repeated into a cell it covers
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub merged: bool,
    /// a formula error (`#DIV/0!`) or a value that could not be read
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// a number whose display format the file's reader does not give (.xls, .ods): its plain
    /// digits, so a 78.59% stored as 0.7859 reads as 0.7859
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unformatted: bool,
}

/// `B7` from zero-based row 6, column 1.
pub fn address(row: u32, col: u16) -> String {
    let mut letters = Vec::new();
    let mut c = u32::from(col) + 1;
    while c > 0 {
        let d = (c - 1) % 26;
        letters.push(b'A' + d as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    let mut s = String::from_utf8(letters).unwrap_or_default();
    s.push_str(&(row + 1).to_string());
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn addresses_read_as_excel_writes_them() {
        assert_eq!(super::address(6, 1), "B7");
        assert_eq!(super::address(0, 25), "Z1");
        assert_eq!(super::address(0, 26), "AA1");
        assert_eq!(super::address(9, 701), "ZZ10");
        assert_eq!(super::address(0, 702), "AAA1");
    }
}
