//! A workbook's sheets recognised as the forms they are, by their titles and headers rather than
//! by fixed cell positions: the form by its title (`2023年度项目支出绩效自评表`), each field by its
//! label (the value to its right, or below it, or after a `：` in the same cell), each table by
//! its header row (columns found by their names and the SPEC §9 synonyms the layouts carry), its
//! rows down to a blank row or the next part of the form, the 合计/总计 rows by their labels.
//! A formula's cell is read as it displays (the core checks it like a typed figure). Whatever
//! text is left over is listed with its cell address.
//!
//! Run once per file opened or saved: every function is built for size in the wasm.


use super::book::{address, Grid, GridCell, GridSheet};
use crate::forms::layout::{Block, BlockType, Column, Layout};
use crate::Document;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value as Json};

/// What a workbook gave: the documents it holds, and what could not be placed in them.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Opened {
    pub documents: Vec<Document>,
    pub notes: Vec<Note>,
}

/// A cell of the workbook that is not part of the form recognised, or could not be read.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Note {
    pub sheet: String,
    /// `B7`
    pub cell: String,
    pub message: String,
}

const MAX_NOTES: usize = 40;

#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn documents(grid: &Grid) -> Result<Opened, String> {
    let forms: Vec<Layout> = crate::document::KINDS.iter().filter_map(|(k, _)| crate::forms::layout(k)).collect();
    let mut notes = Vec::new();
    // (kind, document) in the order their sheets come
    let mut docs: Vec<(String, Json)> = Vec::new();
    for sheet in &grid.sheets {
        // the findings we wrote beside a table are not a table
        if is_findings(sheet) {
            continue;
        }
        let mut s = Sheet::new(sheet);
        let Some((layout, part)) = s.form(&forms) else {
            if s.has_text() {
                notes.push(Note { sheet: sheet.name.clone(), cell: String::new(), message: format!("工作表“{}”不是能认出的表单（没有找到表名），未读取", sheet.name) });
            }
            continue;
        };
        // a published table of a disclosure on a sheet of its own goes into the document before it
        let start_new = match part {
            Part::Whole => true,
            Part::Table(_) => docs.last().is_none_or(|(k, _)| *k != layout.kind),
        };
        if start_new {
            let blank = crate::forms::blank_json(&layout.kind).and_then(|t| serde_json::from_str(t).ok()).unwrap_or_else(|| Json::Object(Map::new()));
            docs.push((layout.kind.clone(), blank));
        }
        let Some((_, doc)) = docs.last_mut() else { continue };
        let blocks: Vec<&Block> = match part {
            Part::Whole => layout.blocks.iter().filter(|b| !b.explain && !b.list.as_ref().is_some_and(|l| l.published)).collect(),
            Part::Table(i) => vec![&layout.blocks[i]],
        };
        s.read(&blocks, doc, &mut notes);
        if matches!(part, Part::Whole) {
            if let Some(year) = s.title_year() {
                if doc.get("year").and_then(Json::as_str).is_some_and(str::is_empty) {
                    doc["year"] = Json::String(year);
                }
            }
        }
        s.leftovers(&mut notes);
    }
    if docs.is_empty() {
        return Err("没有在文件中认出任何表单：请确认它是项目/整体支出绩效自评表、自评报告、决算、预算公开或绩效目标表，且表名（如“项目支出绩效自评表”）写在表的上方".into());
    }
    let docs = nest_members(docs, &forms);
    let mut documents = Vec::new();
    for (kind, json) in docs {
        let text = serde_json::to_string(&json).map_err(|e| e.to_string())?;
        match Document::from_json(&text) {
            Ok(d) => documents.push(d),
            Err(e) => notes.push(Note { sheet: String::new(), cell: String::new(), message: format!("读出的{}无法成为表单：{e}", title_of(&forms, &kind)) }),
        }
    }
    if documents.is_empty() {
        return Err(notes.first().map_or_else(|| "没有在文件中认出任何表单".to_string(), |n| n.message.clone()));
    }
    notes.truncate(MAX_NOTES);
    Ok(Opened { documents, notes })
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn title_of<'a>(forms: &'a [Layout], kind: &str) -> &'a str {
    forms.iter().find(|l| l.kind == kind).map_or("表单", |l| l.title.as_str())
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn is_findings(sheet: &GridSheet) -> bool {
    sheet.name.starts_with("审核意见")
}

/// A package's member tables (the sheets after it) go into it, as its import block says.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn nest_members(docs: Vec<(String, Json)>, forms: &[Layout]) -> Vec<(String, Json)> {
    let mut out: Vec<(String, Json)> = Vec::new();
    for (kind, json) in docs {
        let host = out.iter_mut().rev().find_map(|(k, j)| {
            let layout = forms.iter().find(|l| &l.kind == k)?;
            let member = layout.blocks.iter().filter(|b| b.block_type == BlockType::Import).flat_map(|b| &b.members).find(|m| m.kind == kind)?;
            Some((j, member.path.clone(), member.list))
        });
        match host {
            Some((j, path, true)) => {
                if let Some(Json::Array(a)) = j.get_mut(&path) {
                    a.push(json);
                } else {
                    j[&path] = Json::Array(vec![json]);
                }
            }
            Some((j, path, false)) => j[&path] = json,
            None => out.push((kind, json)),
        }
    }
    out
}

enum Part {
    Whole,
    Table(usize),
}

struct Sheet<'a> {
    src: &'a GridSheet,
    used: Vec<Vec<bool>>,
    title_row: usize,
    title: String,
    /// every label and caption of the form: a cell holding one is never a value
    labels: Vec<String>,
}

/// A label or header as compared: no spaces (a PDF's `产出 指标`), no colon, no unit in brackets.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn norm(t: &str) -> String {
    let t: String = t.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect();
    let t = t.trim_end_matches(['：', ':']);
    let mut out = String::with_capacity(t.len());
    let mut depth = 0;
    for c in t.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    if out.is_empty() {
        t.to_string()
    } else {
        out
    }
}

impl<'a> Sheet<'a> {
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn new(src: &'a GridSheet) -> Sheet<'a> {
        let used = src.rows.iter().map(|r| r.iter().map(|c| c.merged).collect()).collect();
        Sheet { src, used, title_row: 0, title: String::new(), labels: Vec::new() }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn cell(&self, r: usize, c: usize) -> Option<&GridCell> {
        self.src.rows.get(r).and_then(|row| row.get(c))
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn text(&self, r: usize, c: usize) -> &str {
        self.cell(r, c).map_or("", |x| x.text.trim())
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn take(&mut self, r: usize, c: usize) {
        if let Some(u) = self.used.get_mut(r).and_then(|row| row.get_mut(c)) {
            *u = true;
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn width(&self, r: usize) -> usize {
        self.src.rows.get(r).map_or(0, Vec::len)
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn has_text(&self) -> bool {
        self.src.rows.iter().flatten().any(|c| !c.text.trim().is_empty())
    }

    /// The form and the part of it this sheet is, by the title in its first rows: the longest
    /// title of a form or of a published table found there.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn form<'f>(&mut self, forms: &'f [Layout]) -> Option<(&'f Layout, Part)> {
        let mut best: Option<(usize, &'f Layout, Part, usize)> = None;
        for r in 0..self.src.rows.len().min(8) {
            for c in 0..self.width(r) {
                let t = norm(self.text(r, c));
                if t.is_empty() {
                    continue;
                }
                for l in forms {
                    let mut consider = |name: &str, part: Part| {
                        let n = norm(name);
                        if n.chars().count() >= 4 && t.contains(&n) && best.as_ref().is_none_or(|b| n.len() > b.0) {
                            best = Some((n.len(), l, part, r));
                        }
                    };
                    consider(&l.title, Part::Whole);
                    for (i, b) in l.blocks.iter().enumerate() {
                        if b.list.as_ref().is_some_and(|x| x.published) {
                            if let Some(title) = &b.title {
                                consider(title, Part::Table(i));
                            }
                        }
                    }
                }
                if best.as_ref().is_some_and(|b| b.3 == r) {
                    self.title = self.text(r, c).to_string();
                    self.title_row = r;
                    self.take(r, c);
                }
            }
        }
        best.map(|(_, l, p, _)| (l, p))
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn title_year(&self) -> Option<String> {
        let chars: Vec<char> = self.title.chars().collect();
        chars.windows(5).find(|w| w[..4].iter().all(char::is_ascii_digit) && w[4] == '年').map(|w| w[..4].iter().collect())
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn read(&mut self, blocks: &[&Block], doc: &mut Json, notes: &mut Vec<Note>) {
        self.labels = blocks.iter().flat_map(|b| b.title.iter().map(|t| norm(t)).chain(b.fields.iter().map(|f| norm(&f.label))).chain(b.columns.iter().map(|c| norm(&c.label)))).filter(|n| !n.is_empty()).collect();
        // tables first: their headers and rows are not fields
        for b in blocks.iter().filter(|b| b.block_type == BlockType::Grid) {
            self.grid(b, blocks, doc, notes);
        }
        for b in blocks.iter().filter(|b| matches!(b.block_type, BlockType::Fields | BlockType::Texts)) {
            // a block's fields are looked for under its caption first: 基本支出 is also a row of 表三
            let from = b.title.as_deref().and_then(|t| self.find_unused(t)).map_or(0, |(r, c)| {
                self.take(r, c);
                r
            });
            for f in &b.fields {
                if let Some(v) = self.field(&f.label, b, from, notes) {
                    set(doc, &f.path, v);
                }
            }
        }
    }

    /// A field's value: after its label's `：` in the same cell, else the next cell to the
    /// right that is not another label, else the cell below.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn field(&mut self, label: &str, block: &Block, from: usize, notes: &mut Vec<Note>) -> Option<String> {
        let want = norm(label);
        let labels: Vec<String> = block.fields.iter().map(|f| norm(&f.label)).collect();
        let n = self.src.rows.len();
        for r in (from..n).chain(0..from.min(n)) {
            for c in 0..self.width(r) {
                if self.used[r][c] {
                    continue;
                }
                let raw = self.text(r, c).to_string();
                let n = norm(&raw);
                if n == want {
                    self.take(r, c);
                    let mut k = c + 1;
                    while k < self.width(r) {
                        let t = self.text(r, k);
                        if labels.contains(&norm(t)) && !t.is_empty() {
                            break;
                        }
                        if !t.is_empty() && !self.used[r][k] {
                            self.take(r, k);
                            return self.value_at(r, k, notes);
                        }
                        if self.cell(r, k).is_some_and(|x| x.formula || x.error.is_some()) && !self.used[r][k] {
                            self.take(r, k);
                            return self.value_at(r, k, notes);
                        }
                        k += 1;
                    }
                    // the value under its label (年度总体目标: 预期目标 above its text)
                    let row_of_labels = (0..self.width(r)).map(|k| norm(self.text(r, k))).filter(|t| !t.is_empty()).all(|t| self.labels.contains(&t));
                    let below = norm(self.text(r + 1, c));
                    if row_of_labels && !self.labels.contains(&below) && self.cell(r + 1, c).is_some() && !self.used.get(r + 1).is_some_and(|u| u.get(c).copied().unwrap_or(true)) {
                        self.take(r + 1, c);
                        return self.value_at(r + 1, c, notes);
                    }
                    return Some(String::new());
                }
                for sep in ['：', ':'] {
                    if let Some((head, rest)) = raw.split_once(sep) {
                        if norm(head) == want && !rest.trim().is_empty() {
                            self.take(r, c);
                            return Some(rest.trim().to_string());
                        }
                    }
                }
            }
        }
        None
    }

    /// A cell's text as the document takes it: what it displays (a formula's last result too;
    /// one never computed is left for the core), an error cell left blank with a note.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn value_at(&self, r: usize, c: usize, notes: &mut Vec<Note>) -> Option<String> {
        let cell = self.cell(r, c)?;
        if let Some(e) = &cell.error {
            notes.push(Note { sheet: self.src.name.clone(), cell: address(r as u32, c as u16), message: format!("单元格 {} 是错误值 {e}（公式出错），已留空，请填入正确的数", address(r as u32, c as u16)) });
            return Some(String::new());
        }
        // a .xls formula whose result is text (等级 by IF) comes through its reader as the number 0:
        // left for the core, which computes every formula's cell anyway
        if cell.formula && cell.unformatted && cell.text.trim() == "0" {
            return Some(String::new());
        }
        Some(cell.text.trim().to_string())
    }

    /// A rate column's cell (执行率, 完成率, 占比 …). A .xls or .ods keeps 78.59% as the number
    /// 0.7859 and its reader does not say the cell shows it as a percentage: a plain number of at
    /// most 10 there is a fraction shown as a percentage (nobody states 执行率 0.7859%).
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn rate_at(&self, r: usize, c: usize, notes: &mut Vec<Note>) -> Option<String> {
        let v = self.value_at(r, c, notes)?;
        if !self.cell(r, c).is_some_and(|x| x.unformatted) {
            return Some(v);
        }
        let Ok(n) = v.parse::<Decimal>() else { return Some(v) };
        if n.is_zero() || n.abs() > Decimal::TEN {
            return Some(v);
        }
        let Some(p) = n.checked_mul(Decimal::ONE_HUNDRED) else { return Some(v) };
        notes.push(Note { sheet: self.src.name.clone(), cell: address(r as u32, c as u16), message: format!("单元格 {} 的 {v} 按百分比读作 {}%（.xls/.ods 文件中的数字格式无法读取，请核对）", address(r as u32, c as u16), p.normalize()) });
        Some(format!("{}%", p.normalize()))
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn grid(&mut self, b: &Block, all: &[&Block], doc: &mut Json, notes: &mut Vec<Note>) {
        let cols: Vec<&Column> = b.columns.iter().filter(|c| !c.explain).collect();
        let names = |c: &Column| -> Vec<String> { std::iter::once(c.label.as_str()).chain(c.aliases.iter().map(String::as_str)).map(norm).filter(|n| !n.is_empty()).collect() };
        // the header row: the one naming most of the block's columns, below its caption if any
        let from = b.title.as_deref().and_then(|t| self.find_unused(t)).map_or(0, |(r, c)| {
            self.take(r, c);
            r
        });
        let mut best: Option<(usize, Vec<(usize, &Column)>)> = None;
        for r in from..self.src.rows.len() {
            let mut map: Vec<(usize, &Column)> = Vec::new();
            for c in 0..self.width(r) {
                if self.used[r][c] && !self.cell(r, c).is_some_and(|x| x.merged) {
                    continue;
                }
                let n = norm(self.text(r, c));
                if n.is_empty() {
                    continue;
                }
                if let Some(col) = cols.iter().find(|col| !map.iter().any(|m| m.1.key == col.key) && names(col).contains(&n)) {
                    map.push((c, col));
                }
            }
            let enough = map.len() >= 2.min(cols.len()) && map.len() * 2 >= cols.iter().filter(|c| !c.label.is_empty()).count().min(4);
            if enough && best.as_ref().is_none_or(|b| map.len() > b.1.len()) {
                best = Some((r, map));
            }
            if best.is_some() && r > best.as_ref().map_or(0, |b| b.0) + 2 {
                break;
            }
        }
        let Some((header, mut map)) = best else { return };
        for &(c, _) in &map {
            self.take(header, c);
        }
        // the label column: unnamed in the header, left of the first named one, varying by row
        if !map.iter().any(|m| m.1.key == "label") {
            if let Some(label) = cols.iter().copied().find(|c| c.key == "label") {
                let first = map.iter().map(|m| m.0).min().unwrap_or(0);
                let varying = (0..first).rev().find(|&c| {
                    let texts: Vec<&str> = (header + 1..(header + 6).min(self.src.rows.len())).map(|r| self.text(r, c)).filter(|t| !t.is_empty()).collect();
                    !texts.is_empty() && texts.iter().any(|t| *t != texts[0]) || texts.len() == 1
                });
                if let Some(c) = varying.or(first.checked_sub(1)) {
                    map.push((c, label));
                }
            }
        }
        let label_col = |fx_label_at: Option<&str>| map.iter().find(|m| m.1.key == "label" || Some(m.1.key.as_str()) == fx_label_at).map(|m| m.0);
        let stops: Vec<String> = all
            .iter()
            .filter(|o| !std::ptr::eq(**o, b))
            .flat_map(|o| o.title.iter().map(|t| norm(t)).chain(o.fields.iter().map(|f| norm(&f.label))))
            .filter(|n| n.chars().count() >= 2)
            // a row of this table named like a field elsewhere (本年收入合计) is still this table's
            .filter(|n| !b.fixed.iter().any(|fx| norm(&fx.label) == *n))
            .collect();
        let list = b.list.as_ref();
        let mut rows: Vec<Map<String, Json>> = Vec::new();
        let mut r = header + 1;
        // column numbers and a second header row (栏次 1 2 3 …)
        while r < self.src.rows.len() && self.is_header_noise(r, &map) {
            for c in 0..self.width(r) {
                self.take(r, c);
            }
            r += 1;
        }
        while r < self.src.rows.len() {
                        let blank = (0..self.width(r)).all(|c| self.text(r, c).is_empty() || self.cell(r, c).is_some_and(|x| x.merged) && !map.iter().any(|m| m.0 == c));
            if blank {
                if rows.is_empty() && r < header + 3 {
                    r += 1;
                    continue;
                }
                break;
            }
            let first_text = (0..self.width(r)).map(|c| self.text(r, c)).find(|t| !t.is_empty()).unwrap_or("");
            if stops.contains(&norm(first_text)) {
                break;
            }
            // a fixed row by its label
            let fixed = b.fixed.iter().find(|fx| {
                let at = label_col(fx.label_at.as_deref());
                at.is_some_and(|c| fixed_name(self.text(r, c)) == fixed_name(&fx.label))
            });
            let mut row = Map::new();
            // cells whose number came without its format (.xls/.ods), by key
            let mut bare: Vec<(String, usize)> = Vec::new();
            for &(c, col) in &map {
                if col.key == "label" && fixed.is_some() {
                    self.take(r, c);
                    continue;
                }
                let Some(v) = (if is_rate(col) { self.rate_at(r, c, notes) } else { self.value_at(r, c, notes) }) else { continue };
                if !is_rate(col) && self.cell(r, c).is_some_and(|x| x.unformatted) {
                    bare.push((col.key.clone(), c));
                }
                self.take(r, c);
                let void = v == "—" || v == "-" && col.key != "label";
                if !v.is_empty() && !void && !col.total_only || col.total_only && fixed.is_some() && !v.is_empty() && !void {
                    row.insert(col.key.clone(), Json::String(v));
                }
            }
            // an indicator's 指标值 and 实际完成值 are stated alike: one a percentage (95%), the other
            // a bare 0.98 from a .xls/.ods is the percentage 98% its format showed
            for (key, other) in [("actual", "target"), ("target", "actual")] {
                let pct = row.get(other).and_then(Json::as_str).is_some_and(|t| t.contains('%'));
                if let (true, Some(&(_, c))) = (pct, bare.iter().find(|(k, _)| k == key)) {
                    if let Some(p) = self.rate_at(r, c, notes) {
                        row.insert(key.to_string(), Json::String(p));
                    }
                }
            }
            if let Some(fx) = fixed {
                for (k, v) in row {
                    if fx.label_at.as_deref() != Some(k.as_str()) {
                        set(doc, &format!("{}.{k}", fx.path), v.as_str().unwrap_or_default().to_string());
                    }
                }
                if let Some(c) = label_col(fx.label_at.as_deref()) {
                    self.take(r, c);
                }
            } else if list.is_some() && !row.is_empty() {
                rows.push(row);
            }
            r += 1;
        }
        if let Some(l) = list {
            if !rows.is_empty() {
                set_value(doc, &l.path, Json::Array(rows.into_iter().map(Json::Object).collect()));
            }
        }
    }

    /// A row under the header that is part of it: column numbers, `栏次`, or the header again.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn is_header_noise(&self, r: usize, map: &[(usize, &Column)]) -> bool {
        let texts: Vec<&str> = map.iter().map(|&(c, _)| self.text(r, c)).filter(|t| !t.is_empty()).collect();
        !texts.is_empty()
            && texts.iter().all(|t| {
                let n = norm(t);
                n.chars().all(|c| c.is_ascii_digit() || "栏次行※=+-".contains(c)) && n.chars().count() <= 4 || map.iter().any(|m| norm(&m.1.label) == n && !n.is_empty())
            })
            && texts.iter().any(|t| !t.chars().all(|c| c.is_ascii_digit()) || texts.len() >= 3)
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn find_unused(&self, text: &str) -> Option<(usize, usize)> {
        let n = norm(text);
        (0..self.src.rows.len()).find_map(|r| (0..self.width(r)).find(|&c| !self.used[r][c] && norm(self.text(r, c)) == n).map(|c| (r, c)))
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn leftovers(&self, notes: &mut Vec<Note>) {
        for (r, row) in self.src.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let t = cell.text.trim();
                if t.is_empty() || self.used[r][c] || r == self.title_row && t == self.title || notes.len() >= MAX_NOTES {
                    continue;
                }
                let shown: String = t.chars().take(30).collect();
                notes.push(Note { sheet: self.src.name.clone(), cell: address(r as u32, c as u16), message: format!("单元格 {}（“{shown}”）不属于认出的表格，未读取", address(r as u32, c as u16)) });
            }
        }
    }
}

/// 合计 and 总计 name the same row in different templates.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
/// a column of rates or shares, as its label says
fn is_rate(c: &Column) -> bool {
    c.label.contains('率') || c.label.contains("占比") || c.key == "rate"
}

fn fixed_name(t: &str) -> String {
    let n = norm(t);
    match n.as_str() {
        "合计" | "总计" | "总额" => "合计".into(),
        _ => n,
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn set(doc: &mut Json, path: &str, value: String) {
    set_value(doc, path, Json::String(value));
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn set_value(doc: &mut Json, path: &str, value: Json) {
    let mut at = doc;
    let keys: Vec<&str> = path.split('.').collect();
    for (i, k) in keys.iter().enumerate() {
        let last = i + 1 == keys.len();
        if let Ok(n) = k.parse::<usize>() {
            let Json::Array(a) = at else { return };
            while a.len() <= n {
                a.push(Json::Object(Map::new()));
            }
            at = &mut a[n];
            if last {
                *at = value;
                return;
            }
            continue;
        }
        if !at.is_object() {
            *at = Json::Object(Map::new());
        }
        let Json::Object(m) = at else { return };
        if last {
            m.insert(k.to_string(), value);
            return;
        }
        at = m.entry(k.to_string()).or_insert_with(|| Json::Object(Map::new()));
    }
}
