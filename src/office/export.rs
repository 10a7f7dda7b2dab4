//! A checked document laid out as the official workbook: the form's own layout (the rows,
//! columns and wording the page shows) cell by cell, the figures as numbers shown as they were
//! typed, the cells the core computes as live formulas where one reproduces the core's figure
//! exactly (totals, 执行率, 总分, 等级), and the findings on a sheet of their own.
//!
//! Run once per file opened or saved: every function is built for size in the wasm.


use super::book::{address, Book, CellOut, Part, Report, SheetOut, Style, Value};
use super::figure;
use crate::forms::layout::{Block, BlockType, Column, Layout};
use crate::forms::sheet::Shown;
use crate::policy::Policy;
use crate::{Document, Evaluation};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde_json::Value as Json;

/// The workbook of a document: its table (a 预算公开 one sheet per published table, a package
/// one sheet per member table) and the findings.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn workbook(doc: &Document, eval: &Evaluation, policy: &Policy) -> Result<Book, String> {
    let json = crate::document::json_tree(doc).map_err(|e| format!("无法导出：{e}"))?;
    let mut out = Out { sheets: Vec::new(), places: FxHashMap::default(), eval, policy };
    out.document(&json, doc.kind(), "")?;
    out.findings_sheet();
    Ok(Book { sheets: out.sheets })
}

struct Out<'a> {
    sheets: Vec<SheetOut>,
    /// where each path of the document was written: (sheet, row, col)
    places: FxHashMap<String, (usize, u32, u16)>,
    eval: &'a Evaluation,
    policy: &'a Policy,
}

/// A sheet being written: its cells, and the number each figure cell holds (for formulas).
struct Draft {
    sheet: SheetOut,
    row: u32,
    cols: u16,
    numbers: FxHashMap<(u32, u16), Decimal>,
    /// formulas to try once every cell is written: (row, col, path, candidates)
    pending: Vec<(u32, u16, String, Vec<Candidate>)>,
    /// the path of each cell written, for the formulas that refer to them
    at: FxHashMap<String, (u32, u16)>,
    /// typed cells the core finds wrong: kept as typed, never replaced by a formula
    fixed_cells: Vec<(u32, u16)>,
    /// the candidates for 总分, once the indicator rows are written
    total_candidates: Option<Vec<Candidate>>,
}

/// A formula the core's value might be: the cells are paths of the same sheet.
enum Candidate {
    Sum(Vec<String>),
    Ratio(String, String),
    /// 执行率得分: 分值 × the 执行率 as shown, capped at 100% (scoring::exec_score)
    ExecScore(String, String),
    Grade(String),
}

const MAX_NAME: usize = 31;

impl Out<'_> {
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn document(&mut self, json: &Json, kind: &str, prefix: &str) -> Result<(), String> {
        let layout = crate::forms::layout(kind).ok_or_else(|| format!("无法导出：未知的表单类型 {kind}"))?;
        let title = json_text(json, "title").filter(|t| !t.is_empty()).unwrap_or_else(|| layout.title.clone());
        let cols = width_of(&layout);
        let mut main = Draft::new(&sheet_name(&title, &self.sheets), cols);
        main.title(&title);
        let mut own_sheets = Vec::new();
        for block in &layout.blocks {
            if block.explain {
                continue;
            }
            match block.block_type {
                BlockType::Fields | BlockType::Texts => self.fields(&mut main, block, json, prefix),
                BlockType::Grid if block.list.as_ref().is_some_and(|l| l.published) => own_sheets.push(block),
                BlockType::Grid => self.grid(&mut main, block, json, prefix),
                BlockType::Report | BlockType::Import => {}
            }
        }
        self.finish(main);
        for block in own_sheets {
            let caption = block.title.clone().unwrap_or_default();
            let mut d = Draft::new(&sheet_name(&caption, &self.sheets), grid_width(block));
            d.title(&caption);
            self.grid(&mut d, block, json, prefix);
            self.finish(d);
        }
        // a package's members, each on sheets of its own
        for member in ["department", "projects"] {
            if kind != "department_package" {
                break;
            }
            let docs: Vec<&Json> = match json.get(member) {
                Some(Json::Array(a)) => a.iter().collect(),
                Some(v @ Json::Object(_)) => vec![v],
                _ => vec![],
            };
            let list = member == "projects";
            for (i, d) in docs.into_iter().enumerate() {
                let Some(k) = json_text(d, "kind") else { continue };
                let p = if list { format!("{prefix}{member}.{i}.") } else { format!("{prefix}{member}.") };
                self.document(d, &k, &p)?;
            }
        }
        Ok(())
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn fields(&mut self, d: &mut Draft, block: &Block, json: &Json, prefix: &str) {
        if let Some(t) = block.title.as_deref().or(block.label.as_deref()) {
            d.caption(t);
        }
        let texts = block.block_type == BlockType::Texts;
        // two fields a row where they fit, a long text alone across the sheet
        let per_row = if texts || d.cols < 4 { 1 } else { 2 };
        let span = d.cols / per_row as u16;
        for chunk in block.fields.chunks(per_row) {
            for (k, f) in chunk.iter().enumerate() {
                let c0 = k as u16 * span;
                let last = if k + 1 == chunk.len() { d.cols - 1 } else { c0 + span - 1 };
                d.put(c0, Value::Text { text: f.label.clone() }, Style::Header);
                let path = format!("{prefix}{}", f.path);
                let typed = json_path(json, &f.path);
                let kind = if texts { Kind::Text } else { Kind::Figure };
                self.value(d, c0 + 1, &path, &typed, kind, f.computed || f.derived);
                if last > c0 + 1 {
                    d.sheet.merges.push((d.row, c0 + 1, d.row, last));
                }
            }
            d.row += 1;
        }
        // a computed field that is the sum of the block's others (资金总额 = 财政 + 其他)
        for (i, f) in block.fields.iter().enumerate() {
            if !f.computed {
                continue;
            }
            let others = |fs: &mut dyn Iterator<Item = &crate::forms::layout::Field>| fs.map(|o| format!("{prefix}{}", o.path)).collect::<Vec<_>>();
            let before_plain = others(&mut block.fields[..i].iter().filter(|o| !o.computed && !o.derived));
            let all_plain = others(&mut block.fields.iter().filter(|o| !o.computed && !o.derived && o.path != f.path));
            let since = block.fields[..i].iter().rposition(|o| o.computed).map_or(0, |p| p);
            let run = others(&mut block.fields[since..i].iter().filter(|o| !o.derived));
            let path = format!("{prefix}{}", f.path);
            if let Some(&(r, c)) = d.at.get(&path) {
                let mut cands = vec![Candidate::Sum(run), Candidate::Sum(before_plain), Candidate::Sum(all_plain)];
                if f.path.ends_with("total_score") {
                    cands.clear();
                }
                if f.path.ends_with("grade") {
                    cands = vec![Candidate::Grade(path.replace("grade", "total_score"))];
                }
                d.pending.push((r, c, path, cands));
            }
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn grid(&mut self, d: &mut Draft, block: &Block, json: &Json, prefix: &str) {
        let cols: Vec<&Column> = block.columns.iter().filter(|c| !c.explain).collect();
        if let Some(t) = &block.title {
            d.caption(t);
        }
        let header = d.row;
        for (i, c) in cols.iter().enumerate() {
            d.put(i as u16, Value::Text { text: c.label.clone() }, Style::Header);
            d.widen(i as u16, width_for(c));
        }
        d.row += 1;
        if d.sheet.repeat_rows.is_none() && block.list.as_ref().is_some_and(|l| l.published) {
            d.sheet.repeat_rows = Some((header, header));
        }
        let list_rows = block.list.as_ref().map(|l| (l.path.clone(), json_path_value(json, &l.path).and_then(Json::as_array).cloned().unwrap_or_default()));
        for fx in &block.fixed {
            for (i, c) in cols.iter().enumerate() {
                let path = format!("{prefix}{}.{}", fx.path, c.key);
                if c.key == "label" || fx.label_at.as_deref() == Some(&c.key) {
                    d.put(i as u16, Value::Text { text: fx.label.clone() }, Style::Header);
                } else if fx.omit.contains(&c.key) {
                    d.put(i as u16, Value::Text { text: "—".into() }, Style::Void);
                } else {
                    let computed = fx.computed.contains(&c.key) || c.computed;
                    self.value(d, i as u16, &path, &json_path(json, &format!("{}.{}", fx.path, c.key)), kind_of(c), computed);
                    let Some((lp, rows)) = &list_rows else { continue };
                    let all: Vec<String> = (0..rows.len()).map(|r| format!("{prefix}{lp}.{r}.{}", c.key)).collect();
                    let top: Vec<String> = rows.iter().enumerate().filter(|(_, r)| top_level(r)).map(|(r, _)| format!("{prefix}{lp}.{r}.{}", c.key)).collect();
                    let mut cands = vec![Candidate::Sum(all), Candidate::Sum(top)];
                    if c.key == "rate" {
                        cands = vec![Candidate::Ratio(format!("{prefix}{}.executed", fx.path), format!("{prefix}{}.adjusted", fx.path))];
                    }
                    if c.key == "score" && lp == "funds.rows" {
                        cands.insert(0, Candidate::ExecScore(format!("{prefix}{}.rate", fx.path), format!("{prefix}{}.weight", fx.path)));
                    }
                    if computed {
                        d.pending.push((d.row, i as u16, path, cands));
                    }
                }
            }
            d.row += 1;
        }
        if let Some((lp, rows)) = &list_rows {
            let first = d.row;
            for r in 0..rows.len() {
                for (i, c) in cols.iter().enumerate() {
                    if c.total_only {
                        d.put(i as u16, Value::Text { text: "—".into() }, Style::Void);
                        continue;
                    }
                    let path = format!("{prefix}{lp}.{r}.{}", c.key);
                    self.value(d, i as u16, &path, &json_path(json, &format!("{lp}.{r}.{}", c.key)), kind_of(c), c.computed || c.derived);
                }
                d.row += 1;
            }
            // 一级/二级 merged down their runs, as the official table prints them
            for (i, c) in cols.iter().enumerate() {
                if c.key == "level1" || c.key == "level2" {
                    merge_runs(d, first, i as u16, rows, &c.key, if c.key == "level2" { Some("level1") } else { None });
                }
            }
            // 总分: the sum of the indicators' scores and the 执行率 得分
            if lp == "indicators" {
                let score_paths: Vec<String> = (0..rows.len()).map(|r| format!("{prefix}indicators.{r}.score")).collect();
                let with_exec: Vec<String> = score_paths.iter().cloned().chain([format!("{prefix}funds.total.score")]).collect();
                d.total_candidates = Some(vec![Candidate::Sum(with_exec), Candidate::Sum(score_paths)]);
            }
        }
    }

    /// A cell: what was typed, or else the core's value; a figure as a number where it shows as
    /// typed, red where the core finds the cell wrong.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn value(&mut self, d: &mut Draft, col: u16, path: &str, typed: &str, kind: Kind, computed: bool) {
        let wrong = self.eval.findings.iter().any(|f| f.severity == crate::finding::Severity::Error && f.path == path);
        let shown = if typed.trim().is_empty() { self.computed(path) } else { None };
        let style = if wrong {
            Style::Wrong
        } else if shown.is_some() || (computed && typed.trim().is_empty()) {
            Style::Computed
        } else {
            Style::Entry
        };
        let value = match shown {
            Some(s) => shown_value(s),
            None if kind == Kind::Text => Value::Text { text: typed.to_string() },
            None => match figure::number_of(typed) {
                Some((digits, format)) => Value::Number { digits, format },
                None => Value::Text { text: typed.to_string() },
            },
        };
        if let Some(n) = number_in(&value) {
            d.numbers.insert((d.row, col), n);
        }
        d.at.insert(path.to_string(), (d.row, col));
        self.places.insert(path.to_string(), (self.sheets.len(), d.row, col));
        if wrong && !typed.trim().is_empty() {
            d.fixed_cells.push((d.row, col));
        }
        d.put(col, value, style);
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn computed(&self, path: &str) -> Option<&Shown> {
        self.eval.computed.0.iter().find(|(p, _)| p.to_string() == path).map(|(_, v)| v)
    }

    /// Every pending formula whose value is the core's, on the sheet.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn finish(&mut self, mut d: Draft) {
        if let Some(cands) = d.total_candidates.take() {
            if let Some(&(r, c)) = d.at.iter().find(|(p, _)| p.ends_with("total_score") && !p.contains("indicators")).map(|(_, v)| v) {
                d.pending.push((r, c, String::new(), cands));
            }
        }
        for w in &mut d.sheet.widths {
            if *w == 0 {
                *w = DEFAULT_WIDTH;
            }
        }
        let pending = std::mem::take(&mut d.pending);
        for (r, c, _path, cands) in pending {
            if d.fixed_cells.contains(&(r, c)) {
                continue;
            }
            let Some(cell) = d.sheet.cells.iter().position(|x| x.row == r && x.col == c) else { continue };
            let (result, format) = match &d.sheet.cells[cell].value {
                Value::Number { digits, format } => (digits.clone(), format.clone()),
                Value::Text { text } if !text.is_empty() => (text.clone(), "General".into()),
                _ => continue,
            };
            for cand in &cands {
                if let Some(formula) = self.formula(&d, cand, &result) {
                    d.sheet.cells[cell].value = Value::Formula { formula, result: result.clone(), format: format.clone() };
                    break;
                }
            }
        }
        self.sheets.push(d.sheet);
    }

    /// The formula for a candidate, if evaluated on the sheet's numbers it gives `result`.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn formula(&self, d: &Draft, cand: &Candidate, result: &str) -> Option<String> {
        let want: Option<Decimal> = result.parse().ok();
        let num = |p: &String| d.at.get(p).and_then(|rc| d.numbers.get(rc).copied().map(|n| (*rc, n)));
        match cand {
            Candidate::Sum(paths) => {
                let terms: Vec<((u32, u16), Decimal)> = paths.iter().filter(|p| d.at.contains_key(*p)).filter_map(num).collect();
                if terms.is_empty() || terms.len() != paths.iter().filter(|p| d.at.contains_key(*p) && d.numbers.contains_key(&d.at[*p])).count() {
                    return None;
                }
                let mut sum = Decimal::ZERO;
                for (_, n) in &terms {
                    sum = sum.checked_add(*n)?;
                }
                (Some(sum) == want).then(|| format!("SUM({})", ranges(terms.iter().map(|t| t.0).collect())))
            }
            Candidate::Ratio(a, b) => {
                let ((ra, na), (rb, nb)) = (num(a)?, num(b)?);
                if nb.is_zero() {
                    return None;
                }
                let r = na.checked_div(nb)?.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
                (Some(r) == want).then(|| format!("ROUND({}/{},4)", address(ra.0, ra.1), address(rb.0, rb.1)))
            }
            Candidate::ExecScore(rate, weight) => {
                let ((rr, r), (rw, w)) = (num(rate)?, num(weight)?);
                let capped = r.clamp(Decimal::ZERO, Decimal::ONE);
                let score = w.checked_mul(capped)?.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
                (Some(score) == want).then(|| format!("ROUND({}*MAX(0,MIN({},1)),2)", address(rw.0, rw.1), address(rr.0, rr.1)))
            }
            Candidate::Grade(total) => {
                let (rt, t) = d.at.get(total).and_then(|rc| d.numbers.get(rc).map(|n| (*rc, *n)))?;
                let (a, b, c) = self.policy.grade_cuts;
                let word = if t >= a { "优" } else if t >= b { "良" } else if t >= c { "中" } else { "差" };
                let at = address(rt.0, rt.1);
                (word == result).then(|| format!("IF({at}>={a},\"优\",IF({at}>={b},\"良\",IF({at}>={c},\"中\",\"差\")))"))
            }
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn findings_sheet(&mut self) {
        let mut d = Draft::new(&sheet_name("审核意见", &self.sheets), 4);
        d.sheet.widths = vec![8, 18, 14, 90];
        d.title("审核意见");
        for (i, h) in ["级别", "表", "单元格", "说明"].into_iter().enumerate() {
            d.put(i as u16, Value::Text { text: h.into() }, Style::Header);
        }
        d.row += 1;
        for f in &self.eval.findings {
            let (sheet, cell) = match self.places.get(&f.path) {
                Some(&(s, r, c)) => (self.sheets[s].name.clone(), address(r, c)),
                None => (String::new(), String::new()),
            };
            let level = match f.severity {
                crate::finding::Severity::Error => "错误",
                crate::finding::Severity::Warning => "提示",
                crate::finding::Severity::Info => "说明",
            };
            for (i, t) in [level.to_string(), sheet, cell, f.message.clone()].into_iter().enumerate() {
                d.put(i as u16, Value::Text { text: t }, Style::Plain);
            }
            d.row += 1;
        }
        if self.eval.findings.is_empty() {
            d.put(0, Value::Text { text: "未发现问题。".into() }, Style::Plain);
        }
        d.sheet.landscape = true;
        self.sheets.push(d.sheet);
    }
}

impl Draft {
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn new(name: &str, cols: u16) -> Draft {
        Draft {
            // 0: no grid has asked for a width yet (finish gives those the default)
            sheet: SheetOut { name: name.to_string(), widths: vec![0; usize::from(cols)], cells: Vec::new(), merges: Vec::new(), repeat_rows: None, landscape: true },
            row: 0,
            cols: cols.max(2),
            numbers: FxHashMap::default(),
            pending: Vec::new(),
            at: FxHashMap::default(),
            fixed_cells: Vec::new(),
            total_candidates: None,
        }
    }

    /// A column at least `w` characters wide: the widest any of the sheet's grids needs there.
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn widen(&mut self, col: u16, w: u16) {
        let widths = &mut self.sheet.widths;
        if widths.len() <= usize::from(col) {
            widths.resize(usize::from(col) + 1, 0);
        }
        widths[usize::from(col)] = widths[usize::from(col)].max(w);
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn put(&mut self, col: u16, value: Value, style: Style) {
        self.sheet.cells.push(CellOut { row: self.row, col, value, style });
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn title(&mut self, text: &str) {
        self.put(0, Value::Text { text: text.to_string() }, Style::Title);
        self.sheet.merges.push((self.row, 0, self.row, self.cols - 1));
        self.row += 1;
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    fn caption(&mut self, text: &str) {
        self.put(0, Value::Text { text: text.to_string() }, Style::Caption);
        self.sheet.merges.push((self.row, 0, self.row, self.cols - 1));
        self.row += 1;
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Figure,
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn kind_of(c: &Column) -> Kind {
    if c.text || c.key == "label" || !c.options.is_empty() && !c.amount {
        Kind::Text
    } else {
        Kind::Figure
    }
}

/// A computed value as a sheet cell: amounts and scores with two decimals, rates as percentages.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn shown_value(s: &Shown) -> Value {
    match s {
        Shown::Amount(d) => Value::Number { digits: d.round_dp(2).to_string(), format: "#,##0.00".into() },
        Shown::Score(d) => Value::Number { digits: d.round_dp(2).to_string(), format: "0.00".into() },
        Shown::Rate(d) => Value::Number { digits: (d.round_dp(2) / Decimal::ONE_HUNDRED).normalize().to_string(), format: "0.00%".into() },
        Shown::Count(d) => Value::Number { digits: d.normalize().to_string(), format: "0".into() },
        Shown::Word(w) => Value::Text { text: w.to_string() },
        Shown::Text(t) => Value::Text { text: t.clone() },
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn number_in(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number { digits, .. } => digits.parse().ok(),
        _ => None,
    }
}

/// `C5:C9` for a run of cells down one column, else the cells one by one.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn ranges(mut cells: Vec<(u32, u16)>) -> String {
    cells.sort_by_key(|&(r, c)| (c, r));
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let mut j = i;
        while j + 1 < cells.len() && cells[j + 1].1 == cells[i].1 && cells[j + 1].0 == cells[j].0 + 1 {
            j += 1;
        }
        let (a, b) = (cells[i], cells[j]);
        parts.push(if i == j { address(a.0, a.1) } else { format!("{}:{}", address(a.0, a.1), address(b.0, b.1)) });
        i = j + 1;
    }
    parts.join(",")
}

/// A 科目 row at the top of its table (a 类, three digits), or a row with no code.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn top_level(row: &Json) -> bool {
    match row.get("code").and_then(Json::as_str).map(str::trim) {
        Some(code) if !code.is_empty() => code.chars().filter(char::is_ascii_digit).count() <= 3,
        _ => true,
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn merge_runs(d: &mut Draft, first: u32, col: u16, rows: &[Json], key: &str, within: Option<&str>) {
    let text = |r: &Json, k: &str| r.get(k).and_then(Json::as_str).unwrap_or("").trim().to_string();
    let mut start = 0;
    for i in 1..=rows.len() {
        let same = i < rows.len() && !text(&rows[i], key).is_empty() && text(&rows[i], key) == text(&rows[start], key) && within.is_none_or(|w| text(&rows[i], w) == text(&rows[start], w));
        if !same {
            if i - start > 1 && !text(&rows[start], key).is_empty() {
                d.sheet.merges.push((first + start as u32, col, first + i as u32 - 1, col));
                // the covered cells are left empty, as Excel keeps them
                let covered: Vec<u32> = (start + 1..i).map(|k| first + k as u32).collect();
                d.sheet.cells.retain(|c| !(c.col == col && covered.contains(&c.row)));
            }
            start = i;
        }
    }
}

/// Excel's default-ish column width, in characters of the default font (a Chinese character is two).
const DEFAULT_WIDTH: u16 = 12;

/// How wide a column of the official table prints: names and long texts wide enough that a row
/// does not grow tall, figures narrow.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn width_for(c: &Column) -> u16 {
    let label = c.label.chars().count() as u16 * 2;
    let by_kind = if c.wide {
        36
    } else if matches!(c.key.as_str(), "name" | "project" | "label" | "subject" | "item_name" | "group") {
        26
    } else if matches!(c.key.as_str(), "level1" | "level2") {
        14
    } else if c.text || !c.options.is_empty() && !c.amount {
        16
    } else {
        11
    };
    // a header wraps onto two lines rather than widen a figure's column beyond need
    by_kind.max(label.div_ceil(2)).clamp(8, 40)
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn width_of(layout: &Layout) -> u16 {
    layout.blocks.iter().filter(|b| b.block_type == BlockType::Grid && !b.list.as_ref().is_some_and(|l| l.published)).map(grid_width).max().unwrap_or(6).max(4)
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn grid_width(b: &Block) -> u16 {
    b.columns.iter().filter(|c| !c.explain).count() as u16
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the book.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn sheet_name(title: &str, taken: &[SheetOut]) -> String {
    let clean: String = title.chars().filter(|c| !"[]:*?/\\'".contains(*c)).collect();
    let base: String = clean.trim().chars().take(MAX_NAME - 3).collect();
    let base = if base.is_empty() { "表".to_string() } else { base };
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|s| s.name == name) {
        name = format!("{base}({n})");
        n += 1;
    }
    name
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn json_path_value<'a>(json: &'a Json, path: &str) -> Option<&'a Json> {
    path.split('.').try_fold(json, |v, k| match v {
        Json::Array(a) => a.get(k.parse::<usize>().ok()?),
        _ => v.get(k),
    })
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn json_path(json: &Json, path: &str) -> String {
    match json_path_value(json, path) {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn json_text(json: &Json, key: &str) -> Option<String> {
    json.get(key).and_then(Json::as_str).map(str::to_string)
}

/// The report as a Word document: the generated text (its title and year lines centred, the
/// numbered headings in 黑体), then the tables the text refers to.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
pub fn report(doc: &Document, eval: &Evaluation) -> Result<Report, String> {
    let layout = crate::forms::layout(doc.kind()).ok_or("无法导出：未知的表单类型")?;
    // the last report block is the full text (a 预算公开's first is the reviewer's summary)
    let block = layout.blocks.iter().rfind(|b| b.block_type == BlockType::Report).ok_or("这种表没有可导出为 Word 的报告正文；请导出为 Excel")?;
    let path = block.path.clone().unwrap_or_else(|| "report".into());
    let text = eval.computed.get(&path).filter(|t| !t.trim().is_empty()).ok_or("报告正文还未生成：请先填好报告的各项数字")?;
    let mut lines = text.lines().map(str::trim_end).filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap_or_default().trim().to_string();
    let mut parts = Vec::new();
    for (i, line) in lines.enumerate() {
        let t = line.trim_start_matches(['\u{3000}', ' ']).to_string();
        if i == 0 && !line.starts_with('\u{3000}') && t.chars().count() < 30 {
            parts.push(Part::Subtitle { text: t });
        } else if is_heading(&t) {
            parts.push(Part::Heading { text: t });
        } else {
            parts.push(Part::Paragraph { text: t });
        }
    }
    let json = crate::document::json_tree(doc).map_err(|e| format!("无法导出：{e}"))?;
    for b in layout.blocks.iter().filter(|b| b.block_type == BlockType::Grid) {
        let Some(list) = &b.list else { continue };
        let rows = json_path_value(&json, &list.path).and_then(Json::as_array).cloned().unwrap_or_default();
        if rows.is_empty() {
            continue;
        }
        let cols: Vec<&Column> = b.columns.iter().filter(|c| !c.explain).collect();
        let mut table = vec![cols.iter().map(|c| c.label.clone()).collect::<Vec<_>>()];
        for r in 0..rows.len() {
            table.push(
                cols.iter()
                    .map(|c| {
                        let p = format!("{}.{r}.{}", list.path, c.key);
                        let typed = json_path(&json, &p);
                        if typed.trim().is_empty() { eval.computed.get(&p).unwrap_or_default() } else { typed }
                    })
                    .collect(),
            );
        }
        parts.push(Part::Table { caption: b.title.clone().unwrap_or_default(), rows: table });
    }
    Ok(Report { title, parts })
}

/// 一、 二、 （一） as the report numbers its sections.
#[cfg_attr(target_arch = "wasm32", optimize(size))]
fn is_heading(t: &str) -> bool {
    let mut cs = t.chars();
    let first = cs.next();
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    match first {
        Some(c) if numeral(c) => t.chars().take_while(|c| numeral(*c)).count() < t.chars().count() && t.chars().nth(t.chars().take_while(|c| numeral(*c)).count()) == Some('、') && t.chars().count() < 40,
        Some('（') => cs.next().is_some_and(numeral) && t.chars().count() < 40,
        _ => false,
    }
}
