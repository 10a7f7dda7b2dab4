//! 文字核对 against the seeds' texts, each claim in them counted by hand
//! (`tests/fixtures/text/*.claims.json`, see its README): recall (claims found / present),
//! verdicts that agree, and false errors (an error where the hand count has none).

use jiaohe::text::{check, Claim, Verdict};
use jiaohe::Policy;
use serde_json::Value;

struct Expected {
    kind: String,
    verdict: String,
    figure: [u32; 2],
    at: String,
}

fn expected(name: &str) -> (String, Vec<Expected>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/text/");
    let text = std::fs::read_to_string(format!("{dir}{name}.txt")).unwrap();
    let list: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(format!("{dir}{name}.claims.json")).unwrap()).unwrap();
    let out = list
        .iter()
        .map(|e| {
            let at = e["at"].as_str().unwrap();
            let nth = e.get("nth").and_then(Value::as_u64).unwrap_or(0) as usize;
            let byte = text.match_indices(at).nth(nth).unwrap_or_else(|| panic!("{name}: “{at}” not in the text")).0;
            let fig = e["figure"].as_str().unwrap();
            let fbyte = byte + at.find(fig).unwrap();
            let start = text[..fbyte].chars().count() as u32;
            Expected { kind: e["kind"].as_str().unwrap().into(), verdict: e["verdict"].as_str().unwrap().into(), figure: [start, start + fig.chars().count() as u32], at: at.into() }
        })
        .collect();
    (text, out)
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Verified => "verified",
        Verdict::Tail => "tail",
        Verdict::Wrong => "wrong",
        Verdict::Unresolved => "unresolved",
    }
}

fn overlaps(a: [u32; 2], b: [u32; 2]) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

struct Score {
    present: usize,
    found: usize,
    agree: usize,
    false_errors: Vec<String>,
    missed: Vec<String>,
    disagree: Vec<String>,
}

fn score(name: &str) -> Score {
    let (text, exp) = expected(name);
    let got = check(&text, &Policy::default());
    let matched = |e: &Expected| -> Option<&Claim> { got.claims.iter().find(|c| overlaps(c.figure, e.figure)) };
    let mut s = Score { present: exp.len(), found: 0, agree: 0, false_errors: vec![], missed: vec![], disagree: vec![] };
    for e in &exp {
        match matched(e) {
            Some(c) => {
                s.found += 1;
                if verdict(c.verdict) == e.verdict {
                    s.agree += 1;
                } else {
                    s.disagree.push(format!("{} {} “{}”: expected {}, got {} — {}", e.kind, verdict(c.verdict), e.at, e.verdict, verdict(c.verdict), c.message));
                }
            }
            None => s.missed.push(format!("{} ({}) “{}”", e.kind, e.verdict, e.at)),
        }
    }
    for c in got.claims.iter().filter(|c| c.verdict == Verdict::Wrong) {
        if !exp.iter().any(|e| e.verdict == "wrong" && overlaps(c.figure, e.figure)) {
            s.false_errors.push(format!("{:?} “{}”: {}", c.kind, c.quote, c.message));
        }
    }
    s
}

fn report(name: &str) -> Score {
    let s = score(name);
    println!("{name}: found {}/{} claims, {} verdicts agree, {} false errors", s.found, s.present, s.agree, s.false_errors.len());
    for m in &s.missed {
        println!("  missed: {m}");
    }
    for d in &s.disagree {
        println!("  verdict: {d}");
    }
    for f in &s.false_errors {
        println!("  false error: {f}");
    }
    s
}

#[test]
fn recall_and_false_errors_per_seed() {
    for name in ["seed001-juesuan", "seed002-juesuan", "seed004-shuoming", "seed000", "seed003", "seed001-anquan"] {
        report(name);
    }
}
