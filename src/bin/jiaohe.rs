//! The CLI for reviewers who check many files at once: the same core as the page.
//! `jiaohe check FILE… [--format text|json] [--policy NAME]`; exit 0 when no finding is an
//! error, 1 when one is, 2 when a file cannot be read or is not a document.

use jiaohe::json::Value;
use jiaohe::{evaluate, Severity};
use std::process::ExitCode;

const USAGE: &str = "用法：jiaohe check 文件… [--format text|json] [--policy 口径名称]\n      jiaohe package 整体表.json 项目表.json… [--unit 名称] [--count N --budget 万元 --executed 万元 --income 万元 --expenditure 万元] [--format text|json] [--policy 口径名称]\n口径：default（通用）、urumqi-2023（乌鲁木齐2023）\n退出码：0 无错误，1 有错误，2 文件无法读取或不是表单";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("package") => package(&args[1..]),
        Some("--version" | "-V") => {
            println!("jiaohe {}", jiaohe::VERSION);
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn check(args: &[String]) -> ExitCode {
    let mut files = Vec::new();
    let mut json = false;
    let mut policy = String::from("default");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => match it.next().map(String::as_str) {
                Some("json") => json = true,
                Some("text") => json = false,
                _ => return usage_error("--format 只能是 text 或 json"),
            },
            "--policy" => match it.next() {
                Some(p) => policy = p.clone(),
                None => return usage_error("--policy 后应跟口径名称"),
            },
            f if f.starts_with("--") => return usage_error(&format!("未知选项 {f}")),
            f => files.push(f.to_string()),
        }
    }
    if files.is_empty() {
        return usage_error("请给出要校核的文件");
    }
    let options = Value::object(vec![("policy", Value::str(policy))]).to_string();
    if let Err(e) = jiaohe::policy_from_options(&options) {
        return usage_error(&e);
    }
    let mut worst = 0u8;
    let mut out = Vec::new();
    for file in &files {
        let result = std::fs::read_to_string(file)
            .map_err(|e| format!("无法读取文件：{e}"))
            .and_then(|text| evaluate(text.trim_start_matches('\u{feff}'), &options));
        match result {
            Ok(ev) => {
                if ev.has_errors() {
                    worst = worst.max(1);
                }
                if json {
                    let mut v = Value::object(vec![("file", Value::str(file.as_str()))]);
                    if let Value::Object(members) = ev.to_value() {
                        for (k, x) in members {
                            v.set(&k, x);
                        }
                    }
                    out.push(v);
                } else {
                    print_text(file, &ev);
                }
            }
            Err(e) => {
                worst = 2;
                if json {
                    out.push(Value::object(vec![("file", Value::str(file.as_str())), ("error", Value::str(e))]));
                } else {
                    println!("{file}\n  无法校核：{e}\n");
                }
            }
        }
    }
    if json {
        println!("{}", Value::Array(out));
    }
    ExitCode::from(worst)
}

/// Assembles one department's files into a package and checks them against each other and
/// against the totals its 决算 explanation cites.
fn package(args: &[String]) -> ExitCode {
    let mut files = Vec::new();
    let mut rest = Vec::new();
    let mut unit = String::new();
    let mut fa = Value::Object(Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let key = match a.as_str() {
            "--count" => "project_count",
            "--budget" => "project_budget",
            "--executed" => "project_executed",
            "--income" => "income_total",
            "--expenditure" => "expenditure_total",
            "--unit" => {
                unit = it.next().cloned().unwrap_or_default();
                continue;
            }
            "--format" | "--policy" => {
                rest.push(a.clone());
                rest.extend(it.next().cloned());
                continue;
            }
            f if f.starts_with("--") => return usage_error(&format!("未知选项 {f}")),
            f => {
                files.push(f.to_string());
                continue;
            }
        };
        match it.next() {
            Some(v) => fa.set(key, Value::str(v.as_str())),
            None => return usage_error(&format!("{a} 后应跟数值")),
        }
    }
    let mut members = Vec::new();
    for f in &files {
        let parsed = std::fs::read_to_string(f).ok().and_then(|t| jiaohe::json::parse(t.trim_start_matches('\u{feff}')).ok());
        match parsed {
            Some(v) => members.push(v),
            None => {
                eprintln!("{f}: 无法读取或不是 JSON");
                return ExitCode::from(2);
            }
        }
    }
    let mut doc = jiaohe::forms::package::assemble(&unit, members);
    doc.set("final_accounts", fa);
    let dir = std::env::temp_dir().join(format!("jiaohe-package-{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        return usage_error("无法创建临时目录");
    }
    let path = dir.join("package.json");
    if std::fs::write(&path, doc.to_string()).is_err() {
        return usage_error("无法写入临时文件");
    }
    let mut args = vec![path.to_string_lossy().into_owned()];
    args.extend(rest);
    let code = check(&args);
    let _ = std::fs::remove_dir_all(&dir);
    code
}

fn print_text(file: &str, ev: &jiaohe::Evaluation) {
    let s = &ev.summary;
    println!("{file}  {}", s.title);
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    println!(
        "  总分 {}  等级 {}  执行率 {}  （口径 {}；错误 {}，警告 {}，提示 {}）",
        opt(&s.total_score),
        opt(&s.grade),
        opt(&s.exec_rate),
        s.policy,
        s.errors,
        s.warnings,
        s.infos
    );
    for f in &ev.findings {
        let tag = match f.severity {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        };
        println!("  [{tag}] {} {}  ({})", f.path, f.message, f.code);
    }
    println!();
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("{msg}\n{USAGE}");
    ExitCode::from(2)
}
