//! 分值 of an indicator table as templates print them: in a weight column, in the 一级/二级
//! labels only (`产出指标（30分）`, `数量指标 15分`), or both; optional indicators (可选项) that
//! count only when filled. From these, before any row is scored: which rows count, the weight a
//! row takes from its label when it has none, and what the table declares in all.

use super::indicators::IndicatorRow;
use crate::number::{is_not_applicable, normalize, parse_decimal, parse_score};
use rust_decimal::Decimal;

/// A 一级/二级 label split into its name, the weight printed in it, and whether it is optional.
#[derive(Debug, Clone, PartialEq)]
pub struct Label<'a> {
    pub name: &'a str,
    pub weight: Option<Decimal>,
    pub optional: bool,
}

/// `产出指标（30分）` → 产出指标, 30; `数量指标 15分` → 数量指标, 15; `质量指标(可选)` → optional.
pub fn label(text: &str) -> Label<'_> {
    let mut name = unnumbered(text.trim());
    let mut weight = None;
    let mut optional = false;
    // `（可选）成本指标`
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')] {
        if let Some((inner, rest)) = name.strip_prefix(open).and_then(|r| r.split_once(close)) {
            if is_optional_mark(inner.trim()) {
                optional = true;
                name = rest.trim_start();
            }
        }
    }
    // at most a weight and a 可选 mark, in either order
    for _ in 0..2 {
        if let Some((rest, inner)) = bracketed(name) {
            let inner_t = inner.trim();
            if is_optional_mark(inner_t) {
                optional = true;
                name = rest;
                continue;
            }
            if let Some(w) = weight_text(inner_t, false) {
                weight = Some(w);
                name = rest;
                continue;
            }
        } else if let Some((rest, w)) = trailing_weight(name) {
            weight = Some(w);
            name = rest;
            continue;
        } else if let Some(rest) = ["可选项", "可选"].iter().find_map(|m| name.strip_suffix(m)) {
            if !rest.trim().is_empty() {
                optional = true;
                name = rest.trim_end();
                continue;
            }
        }
        break;
    }
    Label { name: name.trim(), weight, optional }
}

/// `一、产出指标`, `（一）数量指标`, `1.满意度指标` → the name without its numbering.
fn unnumbered(t: &str) -> &str {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    if let Some(rest) = t.strip_prefix(['（', '(']) {
        if let Some((n, after)) = rest.split_once(['）', ')']) {
            if !n.is_empty() && n.chars().all(numeral) && !after.trim().is_empty() {
                return after.trim_start();
            }
        }
    }
    let digits = t.char_indices().take_while(|(_, c)| numeral(*c)).last().map(|(i, c)| i + c.len_utf8());
    if let Some(end) = digits {
        let after = &t[end..];
        if let Some(rest) = after.strip_prefix(['、', '.', '．', ')', '）']) {
            if !rest.trim().is_empty() && !rest.starts_with(|c: char| c.is_ascii_digit()) {
                return rest.trim_start();
            }
        }
    }
    t
}

fn is_optional_mark(t: &str) -> bool {
    matches!(t, "可选" | "可选项" | "可选指标" | "选填" | "选择性指标")
}

/// `name（inner）` or `name(inner)` → (name, inner)
fn bracketed(t: &str) -> Option<(&str, &str)> {
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')] {
        if let Some(body) = t.strip_suffix(close) {
            if let Some(at) = body.rfind(open) {
                let (name, inner) = (&body[..at], &body[at + open.len_utf8()..]);
                if !name.trim().is_empty() {
                    return Some((name.trim_end(), inner));
                }
            }
        }
    }
    None
}

/// `30分`, `分值30`, `权重：30%`, `30` (inside brackets only: `bare`)
fn weight_text(t: &str, need_unit: bool) -> Option<Decimal> {
    let n = normalize(t);
    let mut s = n.trim();
    for p in ["分值", "权重", "共"] {
        if let Some(r) = s.strip_prefix(p) {
            s = r.trim_start_matches([':', '：', ' ']);
        }
    }
    let (body, unit) = match s.strip_suffix('分').or_else(|| s.strip_suffix('%')) {
        Some(b) => (b.trim_end(), true),
        None => (s, false),
    };
    if need_unit && !unit {
        return None;
    }
    parse_decimal(body).map(|f| f.value).filter(|w| *w >= Decimal::ZERO && *w <= Decimal::ONE_HUNDRED)
}

/// `数量指标 15分`, `产出指标30分`: a number with 分 at the end, after a name that is not a number.
fn trailing_weight(t: &str) -> Option<(&str, Decimal)> {
    let body = t.strip_suffix('分')?;
    let start = body
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || c.is_whitespace() || ('０'..='９').contains(c) || *c == '．')
        .last()
        .map(|(i, _)| i)?;
    let (name, number) = (body[..start].trim_end(), &body[start..]);
    if name.is_empty() || name.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    weight_text(&format!("{}分", number.trim()), true).map(|w| (name, w))
}

/// A labelled group of rows: the rows under one 一级 or 二级 label that prints a weight.
#[derive(Debug, Clone)]
pub struct Group {
    /// 1 or 2
    pub level: u8,
    /// the row whose label cell prints the weight
    pub row: usize,
    pub name: String,
    pub weight: Decimal,
    /// counted rows directly under the label (not under a labelled 二级 inside it)
    pub rows: Vec<usize>,
    /// labelled 二级 groups inside a labelled 一级 group (indices into `Plan::groups`)
    pub inner: Vec<usize>,
    /// what the label's direct parts add up to (labelled 二级 inside it, rows with their own
    /// weights), when every part has a weight
    pub parts: Option<Decimal>,
    /// what the rows under it weigh, labels only where rows have none
    pub by_rows: Decimal,
}

impl Group {
    /// The label says one weight, the rows under it another.
    pub fn disagrees(&self) -> bool {
        self.parts.is_some_and(|p| p != self.weight)
    }
}

/// What the table declares before any row is scored.
#[derive(Debug, Default)]
pub struct Plan {
    /// per row: neither blank nor an optional row left empty
    pub counted: Vec<bool>,
    /// per row: the 一级 and 二级 names in force (labels without their weights), as indices into `names`
    levels: Vec<(u32, u32)>,
    names: Vec<String>,
    /// per row: the innermost labelled group it belongs to
    pub group_of: Vec<Option<usize>>,
    /// per row: its own weight, when it has one that can be read
    pub weights: Vec<Option<Decimal>>,
    pub groups: Vec<Group>,
    /// the table's weight: the rows' own weights, a label's where its rows have none
    pub weight: Decimal,
    /// the same with every printed label believed over its rows
    pub weight_by_labels: Decimal,
    /// a 满意度 一级 or 二级 has rows: the table was not cut off before its end
    pub has_satisfaction: bool,
}

impl Plan {
    /// The 一级 and 二级 names in force at a row.
    pub fn levels(&self, row: usize) -> (&str, &str) {
        let (a, b) = self.levels[row];
        (&self.names[a as usize], &self.names[b as usize])
    }

    /// A weight a row takes from its label: it has none, and it is its labelled group's only row.
    pub fn inherited(&self, row: usize) -> Option<Decimal> {
        let g = &self.groups[self.group_of[row]?];
        (g.rows.len() == 1 && g.inner.is_empty()).then_some(g.weight)
    }

    /// Whether a label covers the row's weight (a row without its own weight is then expected).
    pub fn labelled(&self, row: usize) -> bool {
        self.group_of.get(row).is_some_and(Option::is_some)
    }

    /// Whether the row's weight is in dispute with its label (its score is then not judged by it).
    pub fn disputed(&self, row: usize) -> bool {
        self.group_of.get(row).copied().flatten().is_some_and(|g| self.groups[g].disagrees() || self.groups.iter().any(|o| o.inner.contains(&g) && o.disagrees()))
    }
}

/// The row's own weight (from the 实际完成值 column when the two are swapped, as the checks read it).
fn own_weight(row: &IndicatorRow) -> Option<Decimal> {
    match parse_score(&row.weight) {
        Ok(w) => w.map(|f| f.value),
        Err(_) if super::indicators::columns_swapped(row) => parse_score(&row.actual).ok().flatten().map(|f| f.value),
        Err(_) => None,
    }
}

fn filled(row: &IndicatorRow) -> bool {
    [&row.actual, &row.score, &row.level].iter().any(|c| !is_not_applicable(c))
}

pub fn plan(rows: &[IndicatorRow]) -> Plan {
    let mut p = Plan { counted: Vec::with_capacity(rows.len()), levels: Vec::with_capacity(rows.len()), group_of: Vec::with_capacity(rows.len()), weights: Vec::with_capacity(rows.len()), names: vec![String::new()], ..Plan::default() };
    let (mut n1, mut n2) = (0u32, 0u32);
    let (mut g1, mut g2): (Option<usize>, Option<usize>) = (None, None);
    let (mut opt1, mut opt2) = (false, false);

    for (i, row) in rows.iter().enumerate() {
        if !row.level1.trim().is_empty() {
            let lab = label(&row.level1);
            p.names.push(lab.name.to_string());
            n1 = (p.names.len() - 1) as u32;
            opt1 = lab.optional;
            n2 = 0;
            opt2 = false;
            g2 = None;
            g1 = lab.weight.map(|w| {
                p.groups.push(Group { level: 1, row: i, name: lab.name.to_string(), weight: w, rows: Vec::new(), inner: Vec::new(), parts: None, by_rows: w });
                p.groups.len() - 1
            });
        }
        if !row.level2.trim().is_empty() {
            let lab = label(&row.level2);
            p.names.push(lab.name.to_string());
            n2 = (p.names.len() - 1) as u32;
            opt2 = lab.optional;
            g2 = lab.weight.map(|w| {
                p.groups.push(Group { level: 2, row: i, name: lab.name.to_string(), weight: w, rows: Vec::new(), inner: Vec::new(), parts: None, by_rows: w });
                let at = p.groups.len() - 1;
                if let Some(outer) = g1 {
                    p.groups[outer].inner.push(at);
                }
                at
            });
        }
        let optional = opt1 || opt2 || (row.name.contains('选') && label(&row.name).optional);
        let blank = [&row.name, &row.target, &row.actual, &row.weight, &row.score].iter().all(|s| s.trim().is_empty());
        let counted = !blank && !(optional && !filled(row));
        p.counted.push(counted);
        p.levels.push((n1, n2));
        if counted && !p.has_satisfaction {
            p.has_satisfaction = p.names[n1 as usize].contains("满意度") || p.names[n2 as usize].contains("满意度");
        }
        let g = if counted { g2.or(g1) } else { None };
        p.group_of.push(g);
        let w = if counted { own_weight(row) } else { None };
        p.weights.push(w);
        match g {
            Some(g) => p.groups[g].rows.push(i),
            None => {
                p.weight += w.unwrap_or_default();
                p.weight_by_labels += w.unwrap_or_default();
            }
        }
    }
    // inner groups first (they come after their 一级 in the list): what each group's rows add up to
    for k in (0..p.groups.len()).rev() {
        let g = &p.groups[k];
        let counted = !g.rows.is_empty() || g.inner.iter().any(|&j| !p.groups[j].rows.is_empty());
        let own: Option<Decimal> = g.rows.iter().map(|&r| p.weights[r]).sum();
        let inner: Decimal = g.inner.iter().map(|&j| p.groups[j].weight).sum();
        let inner_rows: Decimal = g.inner.iter().map(|&j| p.groups[j].by_rows).sum();
        let label = g.weight;
        p.groups[k].parts = own.filter(|_| counted).map(|o| o + inner);
        p.groups[k].by_rows = own.map_or(label, |o| o + inner_rows);
    }
    for (k, g) in p.groups.iter().enumerate() {
        let top = !p.groups.iter().any(|o| o.inner.contains(&k));
        let counted = !g.rows.is_empty() || g.inner.iter().any(|&j| !p.groups[j].rows.is_empty());
        if top && counted {
            p.weight += g.by_rows;
            p.weight_by_labels += g.weight;
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn labels_as_templates_print_them() {
        assert_eq!(label("产出指标（30分）"), Label { name: "产出指标", weight: Some(d("30")), optional: false });
        assert_eq!(label("数量指标 15分"), Label { name: "数量指标", weight: Some(d("15")), optional: false });
        assert_eq!(label("效益指标(22.5分)"), Label { name: "效益指标", weight: Some(d("22.5")), optional: false });
        assert_eq!(label("满意度指标（权重：10%）").weight, Some(d("10")));
        assert_eq!(label("质量指标（可选）"), Label { name: "质量指标", weight: None, optional: true });
        assert_eq!(label("社会效益指标（10分）（可选项）"), Label { name: "社会效益指标", weight: Some(d("10")), optional: true });
        assert_eq!(label("产出指标"), Label { name: "产出指标", weight: None, optional: false });
        // a name that ends in a number is a name
        assert_eq!(label("2023年培训").weight, None);
        assert_eq!(label("培训人数（人次）").weight, None);
        assert_eq!(label("（30分）").weight, None);
        assert_eq!(label("一、产出指标（50分）"), Label { name: "产出指标", weight: Some(d("50")), optional: false });
        assert_eq!(label("（一）数量指标（20分）").name, "数量指标");
        assert_eq!(label("1.满意度指标").name, "满意度指标");
        assert_eq!(label("（可选）成本指标"), Label { name: "成本指标", weight: None, optional: true });
        assert_eq!(label("2023年培训").name, "2023年培训");
    }
}
