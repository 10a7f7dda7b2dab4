//! The CLI for reviewers who check many files at once: the same core as the page.
//! `jiaohe check FILE|DIR… [--format text|json] [--policy NAME]`; exit 0 when no finding is an
//! error, 1 when one is, 2 when a file cannot be read or is not a document. `jiaohe text FILE…|-`
//! checks the arithmetic claims of plain text (UTF-8 or GB18030) with the same exit codes. Results stream out
//! in the order given, one file at a time, so memory stays flat however many files there are.

use jiaohe::forms::package::{assemble, FinalAccounts};
use jiaohe::{evaluate_document, Cell, Document, Evaluation, Options, Policy};
use serde::Serialize;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

const USAGE: &str = "用法：jiaohe check 文件或目录… [--format text|json] [--policy 口径名称]\n      jiaohe text 文本文件…|- [--format text|json] [--policy 口径名称]（文字核对：UTF-8 或 GB18030 文本，- 为标准输入）\n      jiaohe package 整体表.json 项目表.json… [--unit 名称] [--count N --budget 万元 --executed 万元 --income 万元 --expenditure 万元] [--format text|json] [--policy 口径名称]\n      jiaohe package 预算公开.json 绩效目标表.json…（预算公开与其绩效目标表一并核对）\n      jiaohe carry 绩效目标表.json [--project N | --department] [-o 自评表.json]（绩效目标表转为下一年的自评表；预算公开中第 N 张项目表或部门整体表）\n      jiaohe export 文件 [-o 输出.xlsx|输出.docx] [--policy 口径名称]（校核后导出为正式样式的 Excel 表，或把自评报告导出为 Word）\n文件：.json，或单位自己的 Excel/WPS 表（.xlsx、.xls、.ods），按表名和表头认出表单\n目录：校核其中（含子目录）所有 .json、.xlsx、.xls、.ods 文件\n口径：default（通用）、urumqi-2023（乌鲁木齐2023）\n退出码：0 无错误，1 有错误，2 文件无法读取或不是表单";

fn main() -> ExitCode {
    // a failure inside the core is reported per file in Chinese (see `render`), not as a backtrace
    std::panic::set_hook(Box::new(|_| {}));
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("package") => package(&args[1..]),
        Some("text") => text(&args[1..]),
        Some("carry") => carry(&args[1..]),
        Some("export") => export(&args[1..]),
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

/// The options both commands share.
struct Output {
    json: bool,
    policy: Policy,
}

impl Output {
    /// Takes `--format` and `--policy` out of `args`; returns what is left.
    fn parse(args: &[String]) -> Result<(Output, Vec<String>), String> {
        let mut json = false;
        let mut policy = String::from("default");
        let mut rest = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--format" => match it.next().map(String::as_str) {
                    Some("json") => json = true,
                    Some("text") => json = false,
                    _ => return Err("--format 只能是 text 或 json".into()),
                },
                "--policy" => match it.next() {
                    Some(p) => policy = p.clone(),
                    None => return Err("--policy 后应跟口径名称".into()),
                },
                _ => rest.push(a.clone()),
            }
        }
        let policy = Options { policy: jiaohe::policy::PolicyChoice::Named(policy) }.policy()?;
        Ok((Output { json, policy }, rest))
    }

    /// The options and the files of a command that takes files; a usage error otherwise.
    fn with_files(args: &[String], none: &str) -> Result<(Output, Vec<String>), ExitCode> {
        let (out, rest) = Output::parse(args).map_err(|e| usage_error(&e))?;
        if let Some(f) = rest.iter().find(|a| a.starts_with("--")) {
            return Err(usage_error(&format!("未知选项 {f}")));
        }
        if rest.is_empty() {
            return Err(usage_error(none));
        }
        Ok((out, rest))
    }
}

fn check(args: &[String]) -> ExitCode {
    let (out, rest) = match Output::with_files(args, "请给出要校核的文件") {
        Ok(x) => x,
        Err(code) => return code,
    };
    let mut files = Vec::new();
    for a in &rest {
        expand(Path::new(a), &mut files);
    }
    if files.is_empty() {
        return usage_error("所给的目录中没有 .json、.xlsx、.xls 或 .ods 文件");
    }
    run(&files, &out)
}

/// A directory stands for every `.json` file under it, in name order.
fn expand(p: &Path, files: &mut Vec<PathBuf>) {
    if !p.is_dir() {
        files.push(p.to_path_buf());
        return;
    }
    let Ok(dir) = std::fs::read_dir(p) else {
        files.push(p.to_path_buf());
        return;
    };
    let mut entries: Vec<PathBuf> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for e in entries {
        // hidden files (macOS `._x.json`), node_modules, and linked folders (a loop) are not the user's documents
        if e.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.') || n == "node_modules") {
            continue;
        }
        let linked = e.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
        if e.is_dir() {
            if !linked {
                expand(&e, files);
            }
        } else if e.extension().is_some_and(|x| x.eq_ignore_ascii_case("json")) || jiaohe::office::is_office_file(&e.to_string_lossy()) {
            files.push(e);
        }
    }
}

/// Reads a file as a document, with every failure in Chinese.
fn read(path: &Path) -> Result<Document, String> {
    let (mut docs, _) = read_all(path)?;
    if docs.len() > 1 {
        return Err(format!("这个文件里认出了 {} 张表；此处只能用一张，请用 jiaohe check 逐张校核", docs.len()));
    }
    docs.pop().ok_or_else(|| "没有在文件中认出表单".to_string())
}

/// Every document in a file (a workbook may hold several tables), and what in it could not be
/// read, with every failure in Chinese.
fn read_all(path: &Path) -> Result<(Vec<Document>, Vec<String>), String> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => "文件不存在".to_string(),
        io::ErrorKind::PermissionDenied => "没有读取该文件的权限".to_string(),
        _ if path.is_dir() => "这是一个目录，不是文件".to_string(),
        _ => format!("无法读取文件（系统错误 {}）", e.raw_os_error().unwrap_or(0)),
    })?;
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    if jiaohe::office::is_office_file(&name) {
        let opened = jiaohe::office::open_file(&bytes, &name)?;
        let notes = opened.notes.iter().map(|n| if n.sheet.is_empty() { n.message.clone() } else { format!("［{}］{}", n.sheet, n.message) }).collect();
        return Ok((opened.documents, notes));
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| "文件不是 UTF-8 编码的文本（可能是 Word 文件，或 GBK 编码）".to_string())?;
    Ok((vec![Document::from_json(text)?], Vec::new()))
}

/// One file's result, as the JSON output shows it.
#[derive(Serialize)]
struct FileResult<'a> {
    file: &'a str,
    #[serde(flatten)]
    evaluation: Option<&'a Evaluation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    /// what in an office file could not be placed in the form (`B7` …)
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

/// Checks the files on every core, each on its own (one that fails is reported and the rest go
/// on), and prints the results in the order given, a bounded batch at a time: memory stays flat
/// however many files there are, and one slow file holds back at most one batch.
fn run(files: &[PathBuf], out: &Output) -> ExitCode {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).max(1);
    let batch = threads * 32;
    let stdout = io::stdout();
    let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut worst = 0u8;
    if out.json {
        let _ = w.write_all(b"[");
    }
    for (b, chunk) in files.chunks(batch).enumerate() {
        let next = AtomicUsize::new(0);
        let mut results: Vec<(usize, Vec<u8>, u8)> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..threads.min(chunk.len()))
                .map(|_| {
                    let next = &next;
                    s.spawn(move || {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(path) = chunk.get(i) else { break };
                            let (text, code) = render(path, &out.policy, out.json, b == 0 && i == 0);
                            mine.push((i, text, code));
                        }
                        mine
                    })
                })
                .collect();
            workers.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
        });
        results.sort_unstable_by_key(|r| r.0);
        for (_, text, code) in results {
            worst = worst.max(code);
            let _ = w.write_all(&text);
        }
        let _ = w.flush();
    }
    if out.json {
        let _ = w.write_all(b"]\n");
    }
    let _ = w.flush();
    ExitCode::from(worst)
}

/// One file's output and its exit code (0, 1 or 2).
fn render(path: &Path, policy: &Policy, json: bool, first: bool) -> (Vec<u8>, u8) {
    let name = path.to_string_lossy();
    // each file on its own: should the core ever fail on one, the rest of the batch still runs
    let read = read_all(path);
    let (docs, notes) = match read {
        Ok((docs, notes)) => (docs.into_iter().map(Ok).collect::<Vec<_>>(), notes),
        Err(e) => (vec![Err(e)], Vec::new()),
    };
    let mut buf = Vec::with_capacity(4096);
    let mut worst = 0u8;
    let many = docs.len() > 1;
    for (k, doc) in docs.into_iter().enumerate() {
        let result = doc.and_then(|doc| {
            std::panic::catch_unwind(|| evaluate_document(&doc, policy)).map_err(|_| "校核此文件时程序内部出错（已跳过，其余文件照常校核）；请把该文件发给校核的维护者".to_string())
        });
        let code = match &result {
            Ok(ev) if ev.has_errors() => 1,
            Ok(_) => 0,
            Err(_) => 2,
        };
        worst = worst.max(code);
        let name = if many { format!("{name}（第 {} 张表）", k + 1) } else { name.to_string() };
        let notes: &[String] = if k == 0 { &notes } else { &[] };
        if json {
            if !(first && k == 0) {
                buf.push(b',');
            }
            let r = match &result {
                Ok(ev) => FileResult { file: &name, evaluation: Some(ev), error: None, notes },
                Err(e) => FileResult { file: &name, evaluation: None, error: Some(e), notes },
            };
            let _ = serde_json::to_writer(&mut buf, &r);
            buf.push(b'\n');
        } else {
            match &result {
                Ok(ev) => print_text(&mut buf, &name, ev),
                Err(e) => {
                    let _ = writeln!(buf, "{name}\n  无法校核：{e}\n");
                }
            }
            for n in notes {
                let _ = writeln!(buf, "  未读取：{n}");
            }
            if !notes.is_empty() {
                let _ = writeln!(buf);
            }
        }
    }
    (buf, worst)
}

/// Assembles one department's files into a package and checks them against each other and
/// against the totals its 决算 explanation cites.
fn package(args: &[String]) -> ExitCode {
    let (out, rest) = match Output::parse(args) {
        Ok(x) => x,
        Err(e) => return usage_error(&e),
    };
    let mut files = Vec::new();
    let mut unit = String::new();
    let mut fa = FinalAccounts::default();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let field: &mut Cell = match a.as_str() {
            "--count" => &mut fa.project_count,
            "--budget" => &mut fa.project_budget,
            "--executed" => &mut fa.project_executed,
            "--income" => &mut fa.income_total,
            "--expenditure" => &mut fa.expenditure_total,
            "--unit" => {
                unit = it.next().cloned().unwrap_or_default();
                continue;
            }
            f if f.starts_with("--") => return usage_error(&format!("未知选项 {f}")),
            f => {
                files.push(f.to_string());
                continue;
            }
        };
        match it.next() {
            Some(v) => *field = Cell::from(v.as_str()),
            None => return usage_error(&format!("{a} 后应跟数值")),
        }
    }
    let mut members = Vec::new();
    for f in &files {
        match read(Path::new(f)) {
            Ok(d) => members.push(d),
            Err(e) => {
                eprintln!("{f}：{e}");
                return ExitCode::from(2);
            }
        }
    }
    // a 预算公开 takes its 绩效目标表: the two are checked as one document
    if let Some(k) = members.iter().position(|d| matches!(d, Document::Budget(_))) {
        let Document::Budget(budget) = members.remove(k) else { return ExitCode::from(2) };
        let named = files.iter().enumerate().filter(|(i, _)| *i != k).map(|(_, f)| f.clone()).zip(members).collect();
        let doc = match jiaohe::forms::budget::assemble(budget, named) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        };
        let ev = evaluate_document(&Document::Budget(doc), &out.policy);
        return print_one(&out, &files[k], &ev);
    }
    let mut doc = assemble(&unit, members);
    doc.final_accounts = fa;
    let ev = evaluate_document(&Document::Package(doc), &out.policy);
    let name = if unit.is_empty() { "部门材料".to_string() } else { unit };
    print_one(&out, &name, &ev)
}

fn print_one(out: &Output, name: &str, ev: &Evaluation) -> ExitCode {
    let mut buf = Vec::new();
    if out.json {
        buf.push(b'[');
        let _ = serde_json::to_writer(&mut buf, &FileResult { file: name, evaluation: Some(ev), error: None, notes: &[] });
        buf.extend_from_slice(b"]\n");
    } else {
        print_text(&mut buf, name, ev);
    }
    let _ = io::stdout().write_all(&buf);
    ExitCode::from(u8::from(ev.has_errors()))
}

/// A 绩效目标表 carried forward as next year's 自评表, written as a document file.
fn carry(args: &[String]) -> ExitCode {
    let (mut file, mut project, mut target) = (None, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--project" => match it.next().and_then(|n| n.parse::<usize>().ok()).filter(|n| *n >= 1) {
                Some(n) => project = Some(n - 1),
                None => return usage_error("--project 后应跟项目表的序号（从 1 起）"),
            },
            "--department" => project = None,
            "-o" | "--output" => match it.next() {
                Some(o) => target = Some(o.clone()),
                None => return usage_error("-o 后应跟输出文件名"),
            },
            f if f.starts_with('-') => return usage_error(&format!("未知选项 {f}")),
            f if file.is_none() => file = Some(f.to_string()),
            f => return usage_error(&format!("只能转换一个文件，多出了 {f}")),
        }
    }
    let Some(file) = file else { return usage_error("请给出要转换的绩效目标表或预算公开文件") };
    let doc = match read(Path::new(&file)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{file}：{e}");
            return ExitCode::from(2);
        }
    };
    let next = match jiaohe::forms::carry_forward(&doc, project) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{file}：{e}");
            return ExitCode::from(2);
        }
    };
    let mut text = serde_json::to_string_pretty(&next).unwrap_or_default();
    text.push('\n');
    let written = match &target {
        Some(t) => std::fs::write(t, &text).map_err(|e| format!("{t}：无法写入（系统错误 {}）", e.raw_os_error().unwrap_or(0))),
        None => io::stdout().write_all(text.as_bytes()).map_err(|_| "无法写到标准输出".to_string()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

/// A file checked and written out as the official Excel table (findings on a second sheet), or a
/// report as Word.
fn export(args: &[String]) -> ExitCode {
    let (out, rest) = match Output::parse(args) {
        Ok(x) => x,
        Err(e) => return usage_error(&e),
    };
    let (mut file, mut target) = (None, None);
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => match it.next() {
                Some(o) => target = Some(o.clone()),
                None => return usage_error("-o 后应跟输出文件名（.xlsx 或 .docx）"),
            },
            f if f.starts_with('-') => return usage_error(&format!("未知选项 {f}")),
            f if file.is_none() => file = Some(f.to_string()),
            f => return usage_error(&format!("只能导出一个文件，多出了 {f}")),
        }
    }
    let Some(file) = file else { return usage_error("请给出要导出的文件") };
    let target = target.unwrap_or_else(|| Path::new(&file).with_extension("xlsx").to_string_lossy().to_string());
    let word = target.to_ascii_lowercase().ends_with(".docx");
    if !word && !target.to_ascii_lowercase().ends_with(".xlsx") {
        return usage_error("输出文件名应以 .xlsx（Excel 表）或 .docx（Word 报告）结尾");
    }
    if Path::new(&target) == Path::new(&file) {
        return usage_error("输出文件不能与输入文件相同");
    }
    let doc = match read(Path::new(&file)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{file}：{e}");
            return ExitCode::from(2);
        }
    };
    let bytes = if word { jiaohe::office::to_docx(&doc, &out.policy) } else { jiaohe::office::to_xlsx(&doc, &out.policy) };
    let written = bytes.and_then(|b| std::fs::write(&target, b).map_err(|e| format!("{target}：无法写入（系统错误 {}）", e.raw_os_error().unwrap_or(0))));
    match written {
        Ok(()) => {
            let ev = evaluate_document(&doc, &out.policy);
            eprintln!("已写出 {target}（错误 {}，警告 {}）", ev.summary.errors, ev.summary.warnings);
            ExitCode::from(u8::from(ev.has_errors()))
        }
        Err(e) => {
            eprintln!("{file}：{e}");
            ExitCode::from(2)
        }
    }
}

fn print_text(w: &mut Vec<u8>, file: &str, ev: &Evaluation) {
    let s = &ev.summary;
    let _ = writeln!(w, "{file}  {}", s.title);
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    let _ = writeln!(
        w,
        "  总分 {}  等级 {}  执行率 {}  （口径 {}；错误 {}，警告 {}，提示 {}）",
        opt(&s.total_score),
        opt(&s.grade),
        opt(&s.exec_rate),
        s.policy,
        s.errors,
        s.warnings,
        s.infos
    );
    if !s.missing.is_empty() {
        let _ = writeln!(w, "  未完成填报，不评定等级。尚缺：{}", s.missing.join("、"));
    }
    for f in &ev.findings {
        let _ = writeln!(w, "  [{}] {} {}  ({})", f.severity.label(), f.path, f.message, f.code.as_str());
    }
    let _ = writeln!(w);
}

/// 文字核对 of text files (or standard input, `-`): every arithmetic claim found and verified.
fn text(args: &[String]) -> ExitCode {
    let (out, rest) = match Output::with_files(args, "请给出要核对的文本文件，或用 - 从标准输入读取") {
        Ok(x) => x,
        Err(code) => return code,
    };
    let mut worst = 0u8;
    let mut buf = Vec::new();
    if out.json {
        buf.push(b'[');
    }
    for (k, name) in rest.iter().enumerate() {
        let bytes = if name == "-" {
            let mut b = Vec::new();
            io::Read::read_to_end(&mut io::stdin(), &mut b).map(|_| b).map_err(|_| "无法读取标准输入".to_string())
        } else {
            std::fs::read(name).map_err(|e| match e.kind() {
                io::ErrorKind::NotFound => "文件不存在".to_string(),
                io::ErrorKind::PermissionDenied => "没有读取该文件的权限".to_string(),
                _ if Path::new(name).is_dir() => "这是一个目录，不是文件".to_string(),
                _ => format!("无法读取文件（系统错误 {}）", e.raw_os_error().unwrap_or(0)),
            })
        };
        let result = bytes.and_then(|b| decode(&b)).and_then(|t| std::panic::catch_unwind(|| jiaohe::text::check(&t, &out.policy)).map_err(|_| "核对此文件时程序内部出错（已跳过）；请把该文件发给校核的维护者".to_string()));
        let code = match &result {
            Ok(c) if c.has_errors() => 1,
            Ok(_) => 0,
            Err(_) => 2,
        };
        worst = worst.max(code);
        let shown = if name == "-" { "标准输入" } else { name.as_str() };
        if out.json {
            if k > 0 {
                buf.push(b',');
            }
            let v = match &result {
                Ok(c) => serde_json::json!({ "file": shown, "summary": c.summary, "claims": c.claims, "findings": c.findings }),
                Err(e) => serde_json::json!({ "file": shown, "error": e }),
            };
            let _ = serde_json::to_writer(&mut buf, &v);
            buf.push(b'\n');
        } else {
            match &result {
                Ok(c) => print_claims(&mut buf, shown, c),
                Err(e) => {
                    let _ = writeln!(buf, "{shown}\n  无法核对：{e}\n");
                }
            }
        }
    }
    if out.json {
        buf.extend_from_slice(b"]\n");
    }
    let _ = io::stdout().write_all(&buf);
    ExitCode::from(worst)
}

/// Text as saved on Chinese Windows: UTF-8 (with or without a BOM), UTF-16 with a BOM, else
/// GB18030 (a superset of GBK and GB2312) when it decodes without a fault.
fn decode(bytes: &[u8]) -> Result<String, String> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (t, bad) = enc.decode_without_bom_handling(&bytes[bom..]);
        return if bad { Err(format!("文件按 {} 解码时有无法识别的字节", enc.name())) } else { Ok(t.into_owned()) };
    }
    if let Ok(t) = std::str::from_utf8(bytes) {
        return Ok(t.to_string());
    }
    let (t, bad) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if bad || bytes.contains(&0) {
        return Err("文件既不是 UTF-8 也不是 GB18030（GBK）编码的文本（可能是 Word/Excel 文件：请另存为 .txt）".into());
    }
    Ok(t.into_owned())
}

fn print_claims(w: &mut Vec<u8>, file: &str, c: &jiaohe::text::TextCheck) {
    let s = &c.summary;
    let _ = writeln!(w, "{file}  文字核对：{} 字，找到 {} 处计算：相符 {}，尾差 {}，有误 {}，无法核对 {}", s.characters, s.claims, s.verified, s.tail, s.wrong, s.unresolved);
    // each claim's findings, found once (a long text has thousands of each)
    let mut of_claim: Vec<Vec<&jiaohe::Finding>> = vec![Vec::new(); c.claims.len()];
    for f in &c.findings {
        if let Some(k) = f.path.strip_prefix("claims.").and_then(|k| k.parse::<usize>().ok()).filter(|&k| k < of_claim.len()) {
            of_claim[k].push(f);
        }
    }
    for (k, cl) in c.claims.iter().enumerate() {
        if cl.verdict == jiaohe::text::Verdict::Verified {
            continue;
        }
        let _ = writeln!(w, "  [{}] 第 {} 字起 {}：“{}” {}{}", cl.verdict.label(), cl.span[0] + 1, cl.kind.label(), cl.quote, cl.message, if cl.how.is_empty() { String::new() } else { format!("（{}）", cl.how) });
        for f in of_claim[k].iter().filter(|f| f.code != jiaohe::Code::TextTail && f.code.as_str() != "text.unresolved") {
            if !f.message.contains(&cl.quote) {
                let _ = writeln!(w, "      {}", f.message);
            }
        }
    }
    for f in c.findings.iter().filter(|f| matches!(f.code.as_str(), "text.reason_missing" | "text.rate_base")) {
        let _ = writeln!(w, "  [{}] {}  ({})", f.severity.label(), f.message, f.code.as_str());
    }
    let _ = writeln!(w);
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("{msg}\n{USAGE}");
    ExitCode::from(2)
}
