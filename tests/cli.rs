//! The reviewer's CLI: the same evaluation as the page, text and JSON output, exit codes 0/1/2.

use std::process::Command;

fn jiaohe(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jiaohe")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn checks_seed_tables_as_text() {
    let (code, out) = jiaohe(&["check", "tests/fixtures/seed001/03.json", "--policy", "urumqi-2023"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("总分 89.15  等级 良  执行率 78.59%"), "{out}");
    // under the default policy the stated 总分 no longer follows; the reason is named
    let (code, out) = jiaohe(&["check", "tests/fixtures/seed001/03.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("总分 97.86") && out.contains("score.policy_differs"), "{out}");
}

#[test]
fn json_output_has_one_object_per_file() {
    let (code, out) = jiaohe(&["check", "tests/fixtures/seed002/01.json", "tests/fixtures/seed002/02.json", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let files = v.as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["file"], "tests/fixtures/seed002/01.json");
    assert_eq!(files[0]["kind"], "project_self_evaluation");
    assert_eq!(files[0]["summary"]["total_score"], "100.00");
    assert_eq!(files[0]["findings"][0]["code"], "cost.exceeds_executed");
}

#[test]
fn exit_codes() {
    let dir = std::env::temp_dir().join(format!("jiaohe-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("wrong.json");
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed001/03.json")).unwrap();
    std::fs::write(&bad, doc.replace("\"executed\": \"10.13\"", "\"executed\": \"11.13\"")).unwrap();
    let (code, out) = jiaohe(&["check", bad.to_str().unwrap(), "--policy", "urumqi-2023"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("年度资金总额的全年执行数应为 10.13（当年财政拨款 7.84 + 其他资金 2.29），填写为 11.13"), "{out}");
    assert!(out.contains("错误 1，"), "one slip, one error: {out}");
    let junk = dir.join("junk.json");
    std::fs::write(&junk, "这不是表单").unwrap();
    let (code, out) = jiaohe(&["check", junk.to_str().unwrap(), "tests/fixtures/seed002/01.json"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("无法校核：文件不是有效的 JSON"), "{out}");
    assert_eq!(jiaohe(&["check", "nope.json"]).0, 2);
    assert_eq!(jiaohe(&["check", "tests/fixtures/seed002/01.json", "--policy", "mars"]).0, 2);
    assert_eq!(jiaohe(&["frobnicate"]).0, 2);
}

#[test]
fn package_command_checks_a_department_across_its_files() {
    let mut args = vec!["package", "tests/fixtures/department/seed001.json"];
    let projects: Vec<String> = (1..=14).map(|i| format!("tests/fixtures/seed001/{i:02}.json")).collect();
    args.extend(projects.iter().map(String::as_str));
    args.extend(["--count", "14", "--budget", "4,046.97", "--executed", "2,248.10", "--income", "38,544.43", "--expenditure", "38,349.81", "--policy", "urumqi-2023"]);
    let (code, out) = jiaohe(&args);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("（14 张项目表）") && out.contains("错误 0"), "{out}");
    let last = args.len() - 3;
    args[last] = "38,349.18";
    let (code, out) = jiaohe(&args);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("决算本年支出合计 38,349.18 与整体支出绩效自评表的年度总资金全年执行数 38,349.81 不一致"), "{out}");
}

#[test]
fn every_regression_document_in_one_batch_exits_0_1_or_2_with_chinese_and_the_batch_goes_on() {
    let mut files: Vec<String> = std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions"))
        .unwrap()
        .map(|f| f.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert!(files.len() >= 13);
    // a good file after the bad ones is still checked and printed
    files.push("tests/fixtures/seed001/03.json".into());
    let mut args = vec!["check", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let out = Command::new(env!("CARGO_BIN_EXE_jiaohe")).args(&args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    let code = out.status.code().unwrap_or(-1);
    assert_eq!(code, 2, "some regression files are not documents");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = v.as_array().unwrap();
    assert_eq!(results.len(), files.len());
    for r in results {
        match r.get("error").and_then(|e| e.as_str()) {
            Some(e) => assert!(!e.is_ascii(), "{}: {e}", r["file"]),
            None => assert!(r["summary"].is_object(), "{r}"),
        }
    }
    assert_eq!(results.last().unwrap()["summary"]["title"], "原机电老干所运行维护费（2023年度）");
    // and one by one, as text
    for f in &files {
        let out = Command::new(env!("CARGO_BIN_EXE_jiaohe")).args(["check", f]).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
        assert!(matches!(out.status.code(), Some(0..=2)), "{f}: {:?}", out.status);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{f}: {text}");
    }
}

#[test]
fn os_errors_are_in_chinese() {
    let (code, out) = jiaohe(&["check", "tests/no-such-file.json", "tests/fixtures/report"]);
    assert_eq!(code, 2);
    assert!(out.contains("文件不存在"), "{out}");
    // a directory stands for its documents
    assert!(out.contains("seed000.json") && out.contains("seed003.json"), "{out}");
}

#[test]
fn text_checks_utf8_gb18030_and_stdin() {
    // seed 001's 决算说明: no error, the one 尾差 listed with its computation
    let (code, out) = jiaohe(&["text", "tests/fixtures/text/seed001-juesuan.txt"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("尾差 1，有误 0") && out.contains("[尾差]") && out.contains("38,349.80"), "{out}");
    // the 安全生产 row: one wrong claim, exit 1; the same text saved as GB18030 (GBK) reads alike
    let (code, out) = jiaohe(&["text", "tests/fixtures/text/seed001-anquan.txt", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["summary"]["wrong"], 1);
    assert_eq!(v[0]["claims"][0]["computed"], "24.94%");
    let dir = std::env::temp_dir().join(format!("jiaohe-text-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/text/seed001-anquan.txt")).unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    let file = dir.join("gbk.txt");
    std::fs::write(&file, &gbk).unwrap();
    let (code, out2) = jiaohe(&["text", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1);
    let w: serde_json::Value = serde_json::from_str(&out2).unwrap();
    assert_eq!(w[0]["claims"], v[0]["claims"]);
    // standard input; a binary file is a Chinese message and exit 2
    let mut child = Command::new(env!("CARGO_BIN_EXE_jiaohe")).args(["text", "-"]).stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).spawn().unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), "编制 4 名，其中：行政编制 4 名，事业编制 13 名。".as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("17名"));
    let bin = dir.join("x.docx");
    std::fs::write(&bin, [0x50u8, 0x4b, 3, 4, 0, 0, 0xff, 0xfe, 0x00, 0x81]).unwrap();
    let (code, out) = jiaohe(&["text", bin.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.contains("无法核对"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn package_command_takes_the_final_accounts_explanation_as_a_member() {
    let mut args = vec!["package", "tests/fixtures/department/seed001.json", "tests/fixtures/final_accounts/seed001.json"];
    let projects: Vec<String> = (1..=14).map(|i| format!("tests/fixtures/seed001/{i:02}.json")).collect();
    args.extend(projects.iter().map(String::as_str));
    args.extend(["--policy", "urumqi-2023"]);
    let (code, out) = jiaohe(&args);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("（14 张项目表）") && out.contains("错误 0"), "{out}");
    // the explanation on its own: checked, its two 尾差 noted
    let (code, out) = jiaohe(&["check", "tests/fixtures/final_accounts/seed002.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("克拉玛依市乌尔禾区工业和信息化局（2023年度决算）") && out.contains("错误 0，警告 0，提示 2"), "{out}");
}

#[test]
fn package_command_puts_target_tables_into_the_budget_disclosure_and_carry_makes_a_self_evaluation() {
    let dir = std::env::temp_dir().join(format!("jiaohe-carry-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let seed: serde_json::Value = serde_json::from_str(&std::fs::read_to_string("tests/fixtures/budget/seed004.json").unwrap()).unwrap();
    // the tables alone, and two of the target tables as the unit keeps them: one file each
    let mut tables = seed.clone();
    tables["targets"] = serde_json::json!({});
    let write = |name: &str, v: &serde_json::Value| {
        let p = dir.join(name);
        std::fs::write(&p, v.to_string()).unwrap();
        p.to_string_lossy().into_owned()
    };
    let budget = write("budget.json", &tables);
    let mut t = seed["targets"]["projects"][1].clone();
    t["kind"] = "project_target".into();
    let safety = write("safety.json", &t);
    let mut t = seed["targets"]["projects"][0].clone();
    t["kind"] = "project_target".into();
    t["funds"]["total"] = "450.00".into();
    t["funds"]["fiscal"] = "450.00".into();
    let wrong = write("wrong.json", &t);
    let (code, out) = jiaohe(&["package", &budget, &safety]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("targets.projects.0.funds.total") && out.contains("target.carried"), "{out}");
    let (code, out) = jiaohe(&["package", &budget, &safety, &wrong, "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("targets.projects.1.funds.total") && out.contains("figure.inconsistent"), "{out}");
    // a file of another kind is refused by name, nothing is checked
    let (code, out) = jiaohe(&["package", &budget, "tests/fixtures/seed002/01.json"]);
    assert_eq!((code, out.as_str()), (2, ""));
    // carry: the project table becomes a 自评表 file that the CLI then checks
    let next = dir.join("next.json").to_string_lossy().into_owned();
    let (code, _) = jiaohe(&["carry", "tests/fixtures/budget/seed004.json", "--project", "2", "-o", &next]);
    assert_eq!(code, 0);
    let (code, out) = jiaohe(&["check", &next]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("安全生产和节能审查工作经费（2025年度）") && out.contains("7 项指标的实际完成值"), "{out}");
    let (code, out) = jiaohe(&["carry", &safety]);
    assert_eq!(code, 0);
    assert!(out.contains("\"kind\": \"project_self_evaluation\""), "{out}");
    for bad in [&["carry", "tests/fixtures/budget/seed004.json", "--project", "0"][..], &["carry", "tests/fixtures/seed002/01.json"], &["carry"]] {
        assert_eq!(jiaohe(bad).0, 2, "{bad:?}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_unit_goes_from_json_to_xlsx_and_docx_and_checks_the_xlsx() {
    let dir = std::env::temp_dir().join(format!("jiaohe-cli-office-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("原机电.xlsx");
    let x = xlsx.to_str().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jiaohe")).args(["export", "tests/fixtures/seed001/03.json", "-o", x, "--policy", "urumqi-2023"]).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("已写出"));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    // the workbook checks as the JSON does
    let (code, text) = jiaohe(&["check", x, "--policy", "urumqi-2023"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("总分 89.15  等级 良  执行率 78.59%"), "{text}");
    // a directory's workbooks are checked too, each table of a workbook on its own
    let (_, json) = jiaohe(&["check", dir.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1, "{json}");
    // the report as Word; a table has no report text
    let docx = dir.join("报告.docx");
    let (code, _) = jiaohe(&["export", "tests/fixtures/report/seed003.json", "-o", docx.to_str().unwrap()]);
    assert_eq!(code, 1, "seed 003 has errors: exit 1, the file is still written");
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"));
    let out = Command::new(env!("CARGO_BIN_EXE_jiaohe")).args(["export", "tests/fixtures/seed001/03.json", "-o", dir.join("x.docx").to_str().unwrap()]).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有可导出为 Word 的报告正文"));
    // a web page named .xlsx is refused in Chinese
    let fake = dir.join("假.xlsx");
    std::fs::write(&fake, "<html><table><tr><td>1</td></tr></table></html>").unwrap();
    let (code, text) = jiaohe(&["check", fake.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(text.contains("其实是网页"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}
