//! What the text checker returns: each claim it found, where it is, its verdict and the
//! computation behind it; one finding for each claim that is not verified; the counts.

use crate::finding::{Code, Finding, Severity};
use schemars::JsonSchema;
use serde::Serialize;

/// What a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// 合计与其中各项：“X万元，其中：A万元、B万元”
    Sum,
    /// 其中只列一项：它不大于合计
    Part,
    /// 占比：“A万元，占B%”
    Share,
    /// 增减：“比上年增加A万元，增长B%”，“提高2.3个百分点”
    Change,
    /// 预决算差异率
    Variance,
    /// 执行率、完成率、调整率
    Rate,
    /// 得分不超过权重（分值），执行率得分
    Score,
    /// 综合得分与评价等级
    Grade,
    /// 等式：“A = B + C”
    Equation,
}

impl ClaimKind {
    /// 合计 / 占比 / …, as the page and the CLI name the kind
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn label(self) -> &'static str {
        match self {
            ClaimKind::Sum => "合计",
            ClaimKind::Part => "其中",
            ClaimKind::Share => "占比",
            ClaimKind::Change => "增减",
            ClaimKind::Variance => "差异率",
            ClaimKind::Rate => "比率",
            ClaimKind::Score => "得分",
            ClaimKind::Grade => "等级",
            ClaimKind::Equation => "等式",
        }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub(crate) fn wrong_code(self) -> Code {
        match self {
            ClaimKind::Sum | ClaimKind::Part | ClaimKind::Equation => Code::TextSumMismatch,
            ClaimKind::Share => Code::TextShareMismatch,
            ClaimKind::Change => Code::TextChangeMismatch,
            ClaimKind::Variance => Code::TextVarianceMismatch,
            ClaimKind::Rate => Code::TextRateMismatch,
            ClaimKind::Score => Code::TextScoreMismatch,
            ClaimKind::Grade => Code::TextGradeMismatch,
        }
    }
}

/// How a claim stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// 有误：recomputed from the figures it cites, it is something else
    Wrong,
    /// 无法核对：it reads like a claim, but what it is computed from was not found
    Unresolved,
    /// 尾差：differs only as much as the rounding of the printed figures explains
    Tail,
    /// 相符
    Verified,
}

impl Verdict {
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Wrong => "有误",
            Verdict::Unresolved => "无法核对",
            Verdict::Tail => "尾差",
            Verdict::Verified => "相符",
        }
    }
}

/// One arithmetic claim of the text. Positions count characters (Unicode code points) of the
/// text as given, from 0, end exclusive: `Array.from(text).slice(start, end)`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Claim {
    pub kind: ClaimKind,
    pub verdict: Verdict,
    /// the characters of the claim: from the first figure it cites in its sentence to the stated one
    pub span: [u32; 2],
    /// the stated figure the verdict is about
    pub figure: [u32; 2],
    /// the figures it is computed from, wherever they stand in the text
    pub inputs: Vec<[u32; 2]>,
    /// the claim as written (the reading text of `span`)
    pub quote: String,
    /// the stated figure, as written
    pub stated: String,
    /// what the figures give, formatted as the stated one is
    pub computed: Option<String>,
    /// the computation, in figures: `38,249.76 ÷ 38,350.62 × 100% = 99.737…%`
    pub how: String,
    /// the verdict in a sentence a 填报人 understands
    pub message: String,
}

/// The verdicts counted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct TextSummary {
    /// characters of the text checked
    pub characters: usize,
    pub claims: usize,
    pub verified: usize,
    pub tail: usize,
    pub wrong: usize,
    pub unresolved: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// What `checkText` returns: the claims in the order they stand, and a finding for each that is
/// not verified (`path` is `claims.N`), errors first.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TextCheck {
    pub summary: TextSummary,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
}

impl TextCheck {
    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn new(characters: usize, claims: Vec<Claim>, extra: Vec<Finding>) -> TextCheck {
        let all: Vec<Finding> = claims
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let (code, severity) = match c.verdict {
                    Verdict::Verified => return None,
                    Verdict::Wrong => (c.kind.wrong_code(), Severity::Error),
                    Verdict::Tail => (Code::TextTail, Severity::Info),
                    Verdict::Unresolved => (Code::TextUnresolved, Severity::Warning),
                };
                Some(Finding::new(code, severity, format!("claims.{i}"), format!("“{}”：{}", c.quote, c.message)).values(Some(c.stated.clone()), c.computed.clone()))
            })
            .chain(extra)
            .collect();
        // errors first, then warnings, then notes, each in text order (no sort to ship in the wasm)
        let mut findings = Vec::with_capacity(all.len());
        for s in [Severity::Error, Severity::Warning, Severity::Info] {
            findings.extend(all.iter().filter(|f| f.severity == s).cloned());
        }
        let count = |v: Verdict| claims.iter().filter(|c| c.verdict == v).count();
        let sev = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        let summary = TextSummary {
            characters,
            claims: claims.len(),
            verified: count(Verdict::Verified),
            tail: count(Verdict::Tail),
            wrong: count(Verdict::Wrong),
            unresolved: count(Verdict::Unresolved),
            errors: sev(Severity::Error),
            warnings: sev(Severity::Warning),
            infos: sev(Severity::Info),
        };
        TextCheck { summary, claims, findings }
    }

    #[cfg_attr(target_arch = "wasm32", optimize(size))]
    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }
}
