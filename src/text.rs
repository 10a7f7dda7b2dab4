//! Arithmetic claims in free Chinese text (SPEC §6 F), starting with the commonest and the one
//! the seeds get wrong: "共 X 条，其中 A 条、B 条" — a total followed by its parts.

use crate::number::{compare_total, parse_decimal, Agreement};
use rust_decimal::Decimal;

/// A total and parts stated in text that do not add up.
#[derive(Debug, Clone, PartialEq)]
pub struct SumClaim {
    /// the sentence, as written
    pub text: String,
    pub total: Decimal,
    pub parts: Vec<Decimal>,
    pub unit: String,
}

impl SumClaim {
    pub fn sum(&self) -> Decimal {
        self.parts.iter().copied().sum()
    }
}

/// Numbers with their unit in a piece of text: (value, unit, char offset).
fn numbers(s: &str) -> Vec<(Decimal, String, usize)> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.')) {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ',') {
                i += 1;
            }
            let num: String = chars[start..i].iter().collect();
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let unit: String = chars[j..].iter().take_while(|c| UNIT_CHARS.contains(**c)).collect();
            if let Some(f) = parse_decimal(num.trim_end_matches(['.', ','])) {
                if !unit.is_empty() {
                    out.push((f.value, unit, start));
                }
            }
        } else {
            i += 1;
        }
    }
    out
}

const UNIT_CHARS: &str = "条个家名人项次件万元亿台套份";

/// Finds "X<unit>…其中…A<unit>…B<unit>" in each sentence where the parts, all in the total's unit,
/// do not add up to the total. A sentence with one part, or parts in other units, makes no claim.
pub fn sum_claims(text: &str) -> Vec<SumClaim> {
    let mut out = Vec::new();
    for sentence in text.split_inclusive(['。', '；', ';', '\n']) {
        if let Some(k) = sentence.find("其中") {
            let (head, tail) = sentence.split_at(k);
            let head_nums = numbers(head);
            let parts: Vec<(Decimal, String, usize)> = numbers(tail);
            if let Some((total, unit, _)) = head_nums.last() {
                let same: Vec<Decimal> = parts.iter().filter(|p| &p.1 == unit).map(|p| p.0).collect();
                if same.len() >= 2 && same.len() == parts.len() {
                    // quote from the clause that states the total
                    let stem = head.trim_end_matches(['，', ',', '：', ':', ' ']);
                    let clause = stem.rfind(['，', '；', ',']).map_or(0, |p| p + stem[p..].chars().next().map_or(0, char::len_utf8));
                    let claim = SumClaim { text: sentence[clause..].trim().to_string(), total: *total, parts: same, unit: unit.clone() };
                    if compare_total(claim.total, claim.sum(), claim.parts.len(), Decimal::new(1, 2)) == Agreement::Mismatch {
                        out.push(claim);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed000_hidden_dangers_and_staffing() {
        let t = "检查工业企业 497 家次，发现一般问题隐患 1509 条，其中立查立改隐患 1007 条、限期整改 501条。统筹协调国家电网。";
        let c = sum_claims(t);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].total, c[0].sum(), c[0].unit.as_str()), (Decimal::from(1509), Decimal::from(1508), "条"));
        assert_eq!(c[0].text, "发现一般问题隐患 1509 条，其中立查立改隐患 1007 条、限期整改 501条。");
        let t = "工业和信息化局机关行政编制 4 名，其中：行政编制 4 名，事业编制 13名。实有人员 15人。";
        let c = sum_claims(t);
        assert_eq!((c[0].total, c[0].sum()), (Decimal::from(4), Decimal::from(17)));
        // consistent, or one part only: no claim
        assert!(sum_claims("编制 28 名，其中：行政编制 0 名，事业编制 28 名。").is_empty());
        assert!(sum_claims("企业 94家，其中新增 8 家。").is_empty());
    }
}
