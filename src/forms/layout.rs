//! The one description of each form the page renders from: the same blocks, rows, columns and
//! wording as the official table, kept as data beside each form (`*.layout.json`) and typed
//! here so the page's `.d.ts` and the tests know its shape. `computed` cells are filled by the
//! core when left blank; `derived` cells are the core's alone.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

fn no(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    pub kind: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum BlockType {
    /// labelled single cells in a row
    Fields,
    /// long text fields
    Texts,
    /// a table of rows with columns
    Grid,
    /// the member files of a package
    Import,
    /// the generated report text
    Report,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Block {
    #[serde(rename = "type")]
    pub block_type: BlockType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// the document field a grid's rows or a report block belong to
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// inputs of the written explanation (上年数, 原因, 采购, 资产) beside published tables: not
    /// printed as a table, the explanation they go into is
    #[serde(default, skip_serializing_if = "no")]
    pub explain: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Column>,
    /// rows every table has (年度资金总额)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixed: Vec<FixedRow>,
    /// the rows a user adds, moves and removes
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<RowList>,
    /// the documents an import block takes, and where each goes
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    /// the button that carries a 绩效目标表 forward as next year's 自评表: on a fields block one
    /// button, on a grid one per row (the row's index is the project's)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carry: Option<String>,
}

/// A document kind an import block takes, and the field it goes into.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub kind: String,
    pub path: String,
    /// the field is a list: each file is added to it (else a file replaces the one there)
    #[serde(default, skip_serializing_if = "no")]
    pub list: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub path: String,
    pub label: String,
    /// width in characters
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "no")]
    pub computed: bool,
    #[serde(default, skip_serializing_if = "no")]
    pub derived: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub key: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "no")]
    pub text: bool,
    #[serde(default, skip_serializing_if = "no")]
    pub wide: bool,
    #[serde(default, skip_serializing_if = "no")]
    pub amount: bool,
    #[serde(default, skip_serializing_if = "no")]
    pub computed: bool,
    #[serde(default, skip_serializing_if = "no")]
    pub derived: bool,
    /// only on the total row
    #[serde(default, skip_serializing_if = "no")]
    pub total_only: bool,
    /// an input of the written explanation (上年数, 原因, 主要用于), not a column of the published
    /// table: shown on screen, left out of the printed table and of a pasted published table
    #[serde(default, skip_serializing_if = "no")]
    pub explain: bool,
    /// shows the computed value as a placeholder while the cell is blank
    #[serde(default, skip_serializing_if = "no")]
    pub placeholder_computed: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// 定性 levels offered beside the cell
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<String>,
    /// offers the core's list of 科目 (功能分类, 经济分类 codes and names) as the user types
    #[serde(default, skip_serializing_if = "no")]
    pub subjects: bool,
    /// the column's names in other provinces' templates (调整后预算数, 权重, 原因): a header row
    /// pasted with a table is mapped by them
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FixedRow {
    pub path: String,
    pub label: String,
    /// the columns of this row the core computes
    #[serde(default)]
    pub computed: Vec<String>,
    /// the columns this row does not have (shown as —)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub omit: Vec<String>,
    /// the column that shows the row's name when the table has no `label` column (总计 in the
    /// 科目名称 column of a 预算公开表)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_at: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RowList {
    pub path: String,
    /// the add button's text
    #[serde(default)]
    pub add: String,
    /// what a new row starts with
    #[serde(default)]
    pub template: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "no")]
    pub reorder: bool,
    #[serde(default, skip_serializing_if = "no")]
    pub no_add: bool,
    /// a published table pasted whole (its header rows, page headers and 总计 row with it)
    /// replaces the rows, its columns taken in the printed order
    #[serde(default, skip_serializing_if = "no")]
    pub published: bool,
    /// a row whose 科目 code is typed moves to its place in code order, under its parent
    #[serde(default, skip_serializing_if = "no")]
    pub by_code: bool,
}
