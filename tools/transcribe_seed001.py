#!/usr/bin/env python3
"""Transcribes the fourteen 项目支出绩效自评表 of seed 001 into fixture documents.

Seed 001 is a Word export: a table row is a block of lines, each cell a line starting with a tab.
Every stated value is kept exactly as printed (including "7.86分" and "=4.55万元"); merged
一级/二级 cells are left blank as in the table, which the document format reads as "as above".
Run once; the fixtures it wrote are committed and reviewed by hand.
"""
import json, re, sys, pathlib

seed = next(pathlib.Path(sys.argv[1]).glob('001_*.txt'))
blocks = [[c[1:] if c.startswith('\t') else c for c in b.split('\n')] for b in re.split(r'\n\n+', seed.read_text())]
out = pathlib.Path('tests/fixtures/seed001')
out.mkdir(parents=True, exist_ok=True)

def clean(s):
    return re.sub(r'\[bookmark: [^\]]*\]', '', s).strip()

i = 0
n = 0
while i < len(blocks):
    b = [clean(c) for c in blocks[i]]
    if b and b[0] == '项目名称':
        doc = {"kind": "project_self_evaluation", "version": 1, "year": "2023", "project": b[1]}
        hdr = [clean(c) for c in blocks[i + 1]]
        doc["department"], doc["implementer"] = hdr[1], hdr[3]
        j = i + 3
        fund_rows = []
        while True:
            r = [clean(c) for c in blocks[j]]
            if r[0] == '年度总体目标':
                break
            fund_rows.append(r[1:])
            j += 1
        total = fund_rows[0]
        doc["funds"] = {
            "total": dict(zip(["label", "initial", "adjusted", "executed", "weight", "rate", "score"], total)),
            "rows": [dict(zip(["label", "initial", "adjusted", "executed"], [r[0].strip()] + r[1:4])) for r in fund_rows[1:]],
        }
        goals = [clean(c) for c in blocks[j + 1]][1:]
        doc["goals"] = {"expected": goals[0] if goals else "", "actual": "\n".join(goals[1:])}
        j += 2
        while [clean(c) for c in blocks[j]][1:2] != ['一级指标']:
            j += 1
        j += 2  # header row and its blank continuation row
        inds = []
        while True:
            r = [clean(c) for c in blocks[j]]
            if r[0] == '总分':
                doc["total_score"] = r[2]
                doc["grade"] = ""
                break
            r = (r + [''] * 9)[:9]
            inds.append(dict(zip(["level1", "level2", "name", "target", "actual", "weight", "score", "reason"], r[1:9])))
            j += 1
        doc["indicators"] = inds
        n += 1
        (out / f"{n:02d}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
        i = j
    i += 1
print(n, "tables")
