// `make bench`: how fast and how big jiaohe is, printed as a table and written to target/bench.json.
// Not a test and not part of `make test`. In one Chromium run over file:// it times `evaluate` on
// the largest seed table and on a generated 500-row table beside two JavaScript peers doing the
// same arithmetic (plain floats; big.js decimals), the page's start-up, then the sizes of the
// single file and the wasm, and the CLI's throughput and peak memory on 10,000 and 1,000 files.
import { readFileSync, writeFileSync, statSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedTables, largestSeed, bigTable, manyDocs, writeDocs } from './generate.mjs';
import { openDoc, timeKeystrokes } from './keystroke.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const e2e = path.join(root, 'tests/e2e');
const require = createRequire(path.join(e2e, 'package.json'));
const { launch, pageUrl } = await import(path.join(e2e, 'helpers.mjs'));

const HTML = path.join(root, 'dist/jiaohe.html');
const WASM = path.join(root, 'dist/pkg/jiaohe_bg.wasm');
const CLI = path.join(root, 'target/release/jiaohe');
const OUT = path.join(root, 'target/bench.json');
const DOCS = path.join(root, 'target/bench/docs');

const TARGETS = {
  core_vs_bigjs_500: 2, // core at least 2× faster than big.js
  core_vs_float_500: 1.5, // core at most 1.5× the time of plain floats
  startup_ms: 100,
  keystroke_over_floor_ms: 8, // keystroke to painted 总分 at most the page's own floor + 8 ms
  // what the page needs at start: the file less the full core's data block, compiled once drawn
  start_bytes: 460800,
  // the whole file (issue #15: with the office module, ≤ 2 MB)
  html_bytes: 2 * 1024 * 1024,
  cli_docs_per_s: 10000,
  text_100k_ms: 100, // 文字核对 of a 100,000-character explanation, in the page
};
const ROUNDS = 31; // timed batches per implementation and table, interleaved
const BATCH_MS = 40; // each batch runs about this long
const WARM_MS = 500; // warm-up per implementation and table
const NAVIGATIONS = 15;
const CLI_RUNS = 3;

for (const f of [HTML, WASM, CLI]) {
  if (!existsSync(f)) {
    console.error(`bench: ${path.relative(root, f)} is missing; run \`make bench\` (it builds first)`);
    process.exit(2);
  }
}

const loadBefore = os.loadavg();
const warnings = [];
const warn = (msg) => {
  warnings.push(msg);
  console.log(`WARNING: ${msg}`);
};

// ---------------------------------------------------------------- documents
const tables = seedTables(root);
const seed = largestSeed(tables);
const big = bigTable(tables, 500);
const cliDocs = manyDocs(tables, 10000);
const tableNames = { seed: `${seed.name} (${seed.doc.indicators.length} rows)`, big: `generated (${big.indicators.length} rows)` };

// ---------------------------------------------------------------- in the page
/** Runs in the page: times core / big.js / float on one table, interleaving their batches. */
function timeTable({ table, rounds, batchMs, warmMs }) {
  const B = window.__jhBench;
  const doc = B.docs[table];
  const options = { policy: 'default' };
  // what the JS side of the wasm boundary costs at least: the document to JSON text, the result
  // from JSON text (the core's own reading and writing of JSON is inside `core`)
  const resultText = JSON.stringify(window.jiaohe.evaluate(doc, options));
  const impls = [
    ['core', (d) => window.jiaohe.evaluate(d, options)],
    ['bigjs', B.exact],
    ['float', B.float],
    ['json_boundary', (d) => (JSON.stringify(d).length ? JSON.parse(resultText) : null)],
  ];
  let sink = 0;
  const run = (fn, n) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink += fn(doc).findings.length;
    return performance.now() - t0;
  };
  const out = {};
  for (const [name, fn] of impls) {
    let spent = 0;
    for (let calls = 0; spent < warmMs || calls < 20; calls++) spent += run(fn, 1);
    let n = 1;
    let t;
    while ((t = run(fn, n)) < batchMs / 4) n *= 2;
    out[name] = { batch: Math.max(1, Math.ceil((n * batchMs) / t)), samples: [] };
  }
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of impls) out[name].samples.push(run(fn, out[name].batch) / out[name].batch);
  }
  for (const name of Object.keys(out)) {
    const s = out[name].samples.slice().sort((a, b) => a - b);
    out[name] = { median_ms: s[s.length >> 1], min_ms: s[0], max_ms: s[s.length - 1], batch: out[name].batch, batches: s.length };
  }
  return { results: out, sink };
}

/** Runs in the page: what each peer computes against what the core computes, cell by cell. */
function compareTable(table) {
  const B = window.__jhBench;
  const doc = B.docs[table];
  const core = window.jiaohe.evaluate(doc, { policy: 'default' });
  const tally = (ev) => {
    const m = new Map();
    for (const f of ev.findings) m.set(`${f.code} ${f.path}`, (m.get(`${f.code} ${f.path}`) || 0) + 1);
    return m;
  };
  const coreFindings = tally(core);
  const out = { core: { total_score: core.summary.total_score, grade: core.summary.grade, cells: Object.keys(core.computed).length, findings: core.findings.length } };
  for (const name of ['bigjs', 'float']) {
    const ev = (name === 'bigjs' ? B.exact : B.float)(doc);
    const keys = Object.keys(ev.computed);
    const differ = keys.filter((k) => k in core.computed && core.computed[k] !== ev.computed[k]);
    const peerFindings = tally(ev);
    let onlyCore = 0;
    let onlyPeer = 0;
    const unmatched = [];
    for (const [k, n] of coreFindings) {
      const d = Math.max(0, n - (peerFindings.get(k) || 0));
      onlyCore += d;
      if (d) unmatched.push(`core: ${k}`);
    }
    for (const [k, n] of peerFindings) {
      const d = Math.max(0, n - (coreFindings.get(k) || 0));
      onlyPeer += d;
      if (d) unmatched.push(`peer: ${k}`);
    }
    out[name] = {
      total_score: ev.summary.total_score,
      grade: ev.summary.grade,
      cells: keys.length,
      cells_not_in_core: keys.filter((k) => !(k in core.computed)).length,
      cells_differing: differ.length,
      examples: differ.slice(0, 3).map((k) => ({ path: k, core: core.computed[k], peer: ev.computed[k] })),
      findings: ev.findings.length,
      findings_only_core: onlyCore,
      findings_only_peer: onlyPeer,
      findings_unmatched: unmatched.slice(0, 6),
    };
  }
  return out;
}

/** Runs in the page: on how many documents each peer's result (总分, 等级, every computed cell,
 *  every finding's code, path, stated and computed value) is the core's. */
function compareMany(docs) {
  const B = window.__jhBench;
  const key = (f) => `${f.code} ${f.path} ${f.stated} ${f.computed}`;
  const same = (core, ev) => {
    if (core.summary.total_score !== ev.summary.total_score || core.summary.grade !== ev.summary.grade) return false;
    for (const k of Object.keys(ev.computed)) if (core.computed[k] !== ev.computed[k]) return false;
    const a = core.findings.map(key).sort();
    const b = ev.findings.map(key).sort();
    return a.length === b.length && a.every((x, i) => x === b[i]);
  };
  const out = { documents: docs.length, bigjs: 0, float: 0 };
  for (const doc of docs) {
    const core = window.jiaohe.evaluate(doc, { policy: 'default' });
    if (same(core, B.exact(doc))) out.bigjs++;
    if (same(core, B.float(doc))) out.float++;
  }
  return out;
}

/** Added before any page script: notes performance.now() (time since navigation start) when
 *  html[data-ready="true"] appears with window.jiaohe usable. */
const READY_PROBE = `(() => {
  const check = () => {
    if (window.__jhReadyAt !== undefined) return true;
    const el = document.documentElement;
    if (el && el.getAttribute('data-ready') === 'true' && window.jiaohe && typeof window.jiaohe.evaluate === 'function') {
      window.__jhReadyAt = performance.now();
      return true;
    }
    return false;
  };
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
})();`;

const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

const browser = await launch();
const chromiumVersion = browser.version();
let evaluateResults;
let textCheck;
// 文字核对 input: the seeds' explanations (tests/fixtures/text) end to end, repeated to 100,000 characters
const TEXT_100K = (() => {
  const dir = path.join(root, 'tests/fixtures/text');
  const all = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
  let t = '';
  while ([...t].length < 100000) t += all + '\n';
  return [...t].slice(0, 100000).join('');
})();
let agreement;
let startup;
const keystroke = {};
try {
  // evaluate speed: the single file, the peers injected through the DevTools protocol (the page's
  // Content-Security-Policy admits only its own scripts), the same document objects for all three
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(pageUrl);
  await page.waitForSelector('html[data-ready="true"]');
  const cdp = await context.newCDPSession(page);
  const inject = async (label, source) => {
    const r = await cdp.send('Runtime.evaluate', { expression: source });
    if (r.exceptionDetails) throw new Error(`bench: injecting ${label} failed: ${r.exceptionDetails.exception?.description || r.exceptionDetails.text}`);
  };
  const peer = readFileSync(path.join(here, 'peer.js'), 'utf8');
  await inject('big.js', readFileSync(require.resolve('big.js'), 'utf8'));
  await inject('arith.js', `window.__jhBench = { arith: (${readFileSync(path.join(here, 'arith.js'), 'utf8')})(window.Big) };`);
  // one copy of the peer per backend, each its own script, so each is optimised for its numbers
  await inject('the big.js peer', `/* peer: big.js */ window.__jhBench.exact = (${peer})(window.__jhBench.arith.exact).evaluate;`);
  await inject('the float peer', `/* peer: float */ window.__jhBench.float = (${peer})(window.__jhBench.arith.float).evaluate;`);
  await page.evaluate((docs) => { window.__jhBench.docs = docs; }, { seed: seed.doc, big });

  agreement = {};
  for (const table of ['seed', 'big']) agreement[table] = await page.evaluate(compareTable, table);
  agreement.documents = await page.evaluate(compareMany, cliDocs.slice(0, 1000));
  evaluateResults = {};
  for (const table of ['seed', 'big']) {
    process.stdout.write(`timing evaluate on ${tableNames[table]}…\n`);
    evaluateResults[table] = (await page.evaluate(timeTable, { table, rounds: ROUNDS, batchMs: BATCH_MS, warmMs: WARM_MS })).results;
  }
  process.stdout.write('timing checkText on 100,000 characters…\n');
  textCheck = await page.evaluate((text) => {
    const runs = [];
    let claims = 0;
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const r = window.jiaohe.checkText(text, null);
      runs.push(performance.now() - t0);
      claims = r.summary.claims;
    }
    runs.sort((a, b) => a - b);
    return { characters: [...text].length, claims, runs: runs.length, median_ms: runs[runs.length >> 1], max_ms: runs[runs.length - 1] };
  }, TEXT_100K);
  if (pageErrors.length) warn(`page errors during the evaluate timing: ${pageErrors.join('; ')}`);
  await context.close();

  // typing: keystroke to painted 总分 beside the floor, at the county screen size
  for (const table of ['seed', 'big']) {
    process.stdout.write(`timing keystrokes on ${tableNames[table]}…\n`);
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const p = await ctx.newPage();
    await p.goto(pageUrl);
    await p.waitForSelector('html[data-ready="true"]');
    await openDoc(p, table === 'seed' ? seed.doc : big);
    keystroke[table] = await timeKeystrokes(p);
    await ctx.close();
  }

  // start-up: a fresh context and page per navigation
  process.stdout.write(`timing start-up over ${NAVIGATIONS} navigations…\n`);
  const ready = [];
  const dcl = [];
  const response = [];
  for (let i = 0; i < NAVIGATIONS; i++) {
    const ctx = await browser.newContext();
    await ctx.addInitScript(READY_PROBE);
    const p = await ctx.newPage();
    const errs = [];
    p.on('pageerror', (e) => errs.push(String(e)));
    await p.goto(pageUrl);
    await p.waitForFunction(() => window.__jhReadyAt !== undefined, null, { timeout: 30000 });
    const t = await p.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { ready: window.__jhReadyAt, dcl: nav.domContentLoadedEventEnd, response: nav.responseEnd };
    });
    ready.push(t.ready);
    dcl.push(t.dcl);
    response.push(t.response);
    if (errs.length) warn(`page errors on start-up ${i + 1}: ${errs.join('; ')}`);
    await ctx.close();
  }
  startup = { navigations: NAVIGATIONS, median_ms: median(ready), min_ms: Math.min(...ready), max_ms: Math.max(...ready), response_end_median_ms: median(response), dom_content_loaded_median_ms: median(dcl), samples_ms: ready };
} finally {
  await browser.close();
}

// ---------------------------------------------------------------- sizes
const fullBlock = /<script type="application\/octet-stream" id="jiaohe-wasm-full">([^<]*)<\/script>/.exec(readFileSync(HTML, 'utf8'));
const officeBlock = /<script type="application\/octet-stream" id="jiaohe-wasm-office">([^<]*)<\/script>/.exec(readFileSync(HTML, 'utf8'));
const sizes = {
  html_bytes: statSync(HTML).size,
  start_bytes: statSync(HTML).size - (fullBlock ? fullBlock[1].length : 0) - (officeBlock ? officeBlock[1].length : 0),
  office_wasm_bytes: statSync('target/glue-office/jiaohe_bg.wasm').size,
  wasm_bytes: statSync(WASM).size,
  start_wasm_bytes: statSync('target/glue-start/jiaohe_bg.wasm').size,
};

// ---------------------------------------------------------------- the CLI
const PEAK_RSS = `import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
s = time.perf_counter() - t
print(json.dumps({"code": p.returncode, "seconds": s, "peak_rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "stderr": p.stderr.decode("utf-8", "replace")[-400:]}))`;
const hasPython = spawnSync('python3', ['-c', 'import resource'], { stdio: 'ignore' }).status === 0;

/** One run of `jiaohe check --format json FILES` with stdout to /dev/null: seconds, exit code and
 *  peak RSS — the kernel's figure for the waited-for child (python3's getrusage), or, without
 *  python3, VmHWM polled from /proc (may miss a peak in the last milliseconds). */
async function cliRun(files) {
  const args = ['check', '--format', 'json', ...files];
  if (hasPython) {
    const r = spawnSync('python3', ['-c', PEAK_RSS, DOCS, CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`bench: measuring the CLI failed: ${r.stderr}`);
    const m = JSON.parse(r.stdout);
    return { seconds: m.seconds, code: m.code, peak_rss_kb: m.peak_rss_kb, stderr: m.stderr, rss_method: 'getrusage' };
  }
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(CLI, args, { cwd: DOCS, stdio: ['ignore', 'ignore', 'pipe'] });
    let hwm = 0;
    let stderr = '';
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-400); });
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwm = Math.max(hwm, Number(m[1]));
      } catch { /* exited */ }
    }, 1);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ seconds: Number(process.hrtime.bigint() - t0) / 1e9, code, peak_rss_kb: hwm, stderr, rss_method: '/proc polling' });
    });
  });
}

process.stdout.write('writing 10,000 documents to target/bench/docs…\n');
const files = writeDocs(DOCS, cliDocs);
const cli = {};
for (const count of [10000, 1000]) {
  process.stdout.write(`timing the CLI on ${count.toLocaleString('en')} files…\n`);
  const runs = [];
  for (let i = 0; i < CLI_RUNS; i++) runs.push(await cliRun(files.slice(0, count)));
  const codes = [...new Set(runs.map((r) => r.code))];
  if (codes.some((c) => c !== 0 && c !== 1)) warn(`the CLI exited ${codes.join('/')} on ${count} files: ${runs.find((r) => r.code > 1)?.stderr.trim()}`);
  const seconds = median(runs.map((r) => r.seconds));
  cli[count] = { files: count, runs: CLI_RUNS, median_seconds: seconds, docs_per_s: count / seconds, peak_rss_kb: Math.max(...runs.map((r) => r.peak_rss_kb)), exit_codes: codes, rss_method: runs[0].rss_method };
}
// untimed: the CLI answered for every file
{
  const r = spawnSync(CLI, ['check', '--format', 'json', ...files.slice(0, 1000)], { cwd: DOCS, encoding: 'utf8', maxBuffer: 1 << 30 });
  const text = r.stdout.trim();
  let results = [];
  try {
    results = text.startsWith('[') ? JSON.parse(text) : text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  } catch (e) {
    warn(`the CLI's JSON output could not be read: ${e.message}`);
  }
  cli.answered_of_1000 = results.filter((x) => x && x.summary).length;
  if (cli.answered_of_1000 !== 1000) warn(`the CLI answered ${cli.answered_of_1000} of 1,000 files with a result`);
}

// ---------------------------------------------------------------- report
const ev = evaluateResults;
const ratios = {};
for (const t of ['seed', 'big']) {
  ratios[t] = { bigjs_over_core: ev[t].bigjs.median_ms / ev[t].core.median_ms, core_over_float: ev[t].core.median_ms / ev[t].float.median_ms };
}
const met = {
  core_vs_bigjs_500: ratios.big.bigjs_over_core >= TARGETS.core_vs_bigjs_500,
  core_vs_float_500: ratios.big.core_over_float <= TARGETS.core_vs_float_500,
  startup_ms: startup.median_ms <= TARGETS.startup_ms,
  keystroke: ['seed', 'big'].every((t) => keystroke[t].core.median_ms <= keystroke[t].floor.median_ms + TARGETS.keystroke_over_floor_ms),
  html_bytes: sizes.html_bytes <= TARGETS.html_bytes,
  start_bytes: sizes.start_bytes <= TARGETS.start_bytes,
  cli_docs_per_s: cli[10000].docs_per_s >= TARGETS.cli_docs_per_s,
  text_100k_ms: textCheck.median_ms <= TARGETS.text_100k_ms,
};

const seedAgree = agreement.seed;
if (agreement.documents.bigjs !== agreement.documents.documents) {
  warn(`the big.js peer differs from the core on ${agreement.documents.documents - agreement.documents.bigjs} of ${agreement.documents.documents} generated documents`);
}
if (seedAgree.bigjs.total_score !== seedAgree.core.total_score) {
  warn(`on ${tableNames.seed} the big.js peer's 总分 is ${seedAgree.bigjs.total_score}, the core's is ${seedAgree.core.total_score}: the peers' arithmetic no longer matches the core's`);
}

const ms = (x) => (x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const pad = (s, n) => String(s).padStart(n);
const ok = (b) => (b ? 'met' : 'NOT MET');
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
const L = [];
L.push('');
L.push(`jiaohe bench — Chromium ${chromiumVersion}, node ${process.version}, ${os.cpus().length} CPUs, load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')} at the start, ${new Date().toISOString()}`);
L.push('');
L.push('evaluate (median ms per call, policy default)        core    big.js     float   big.js/core  core/float');
for (const t of ['seed', 'big']) {
  L.push(`  ${tableNames[t].padEnd(48)}${pad(ms(ev[t].core.median_ms), 7)}${pad(ms(ev[t].bigjs.median_ms), 10)}${pad(ms(ev[t].float.median_ms), 10)}${pad(ratios[t].bigjs_over_core.toFixed(2) + '×', 13)}${pad(ratios[t].core_over_float.toFixed(2) + '×', 12)}`);
}
L.push(`  of the core's time, JSON.stringify(document) + JSON.parse(result) in JS: ${ms(ev.seed.json_boundary.median_ms)} and ${ms(ev.big.json_boundary.median_ms)} ms`);
L.push(`  target on 500 rows: core ≥ ${TARGETS.core_vs_bigjs_500}× faster than big.js (big.js/core ≥ ${TARGETS.core_vs_bigjs_500}): ${ok(met.core_vs_bigjs_500)}`);
L.push(`  target on 500 rows: core within ${TARGETS.core_vs_float_500}× of plain float (core/float ≤ ${TARGETS.core_vs_float_500}): ${ok(met.core_vs_float_500)}`);
L.push('');
L.push('the peers against the core (computed cells that differ; findings by code and path)');
for (const t of ['seed', 'big']) {
  const a = agreement[t];
  L.push(`  ${tableNames[t]}: core 总分 ${a.core.total_score} ${a.core.grade}, ${a.core.cells} cells, ${a.core.findings} findings`);
  for (const p of ['bigjs', 'float']) {
    const x = a[p];
    const ex = x.examples.map((e) => `${e.path} ${e.core}≠${e.peer}`).join('; ');
    L.push(`    ${p.padEnd(6)} 总分 ${x.total_score} ${x.grade}; ${x.cells_differing} of ${x.cells} cells differ${ex ? ` (${ex})` : ''}; findings only in core ${x.findings_only_core}, only in peer ${x.findings_only_peer}`);
    if (x.findings_unmatched.length) L.push(`           e.g. ${x.findings_unmatched.slice(0, 4).join('; ')}`);
  }
}
const ad = agreement.documents;
L.push(`  the first ${ad.documents.toLocaleString('en')} generated CLI documents: the big.js peer gives the core's whole result on ${ad.bigjs.toLocaleString('en')}, the float peer on ${ad.float.toLocaleString('en')}`);
L.push('');
L.push('keystroke to painted 总分 (median of 41 keys, a 0 added to and taken from the 年度指标值 of a 正向 indicator, 1366×768), beside the floor (a key into an input nothing listens to):');
for (const t of ['seed', 'big']) L.push(`  ${tableNames[t].padEnd(36)} ${ms(keystroke[t].core.median_ms)} ms (floor ${ms(keystroke[t].floor.median_ms)} ms; min ${ms(keystroke[t].core.min_ms)}, max ${ms(keystroke[t].core.max_ms)})`);
L.push(`  target: ≤ floor + ${TARGETS.keystroke_over_floor_ms} ms on both: ${ok(met.keystroke)}`);
L.push('');
L.push(`start-up over file:// (navigation start → html[data-ready] with window.jiaohe), ${startup.navigations} fresh pages:`);
L.push(`  median ${ms(startup.median_ms)} ms (min ${ms(startup.min_ms)}, max ${ms(startup.max_ms)}; medians: file read by ${ms(startup.response_end_median_ms)} ms, DOMContentLoaded ${ms(startup.dom_content_loaded_median_ms)} ms) — target ≤ ${TARGETS.startup_ms} ms: ${ok(met.startup_ms)}`);
L.push('');
L.push('sizes:');
L.push(`  needed at start             ${pad(sizes.start_bytes.toLocaleString('en'), 9)} B (${kb(sizes.start_bytes)}) — target ≤ ${TARGETS.start_bytes.toLocaleString('en')} B: ${ok(met.start_bytes)}`);
L.push(`  dist/jiaohe.html (whole)    ${pad(sizes.html_bytes.toLocaleString('en'), 9)} B (${kb(sizes.html_bytes)}) — target ≤ ${TARGETS.html_bytes.toLocaleString('en')} B: ${ok(met.html_bytes)}`);
L.push(`  start core .wasm            ${pad(sizes.start_wasm_bytes.toLocaleString('en'), 9)} B (${kb(sizes.start_wasm_bytes)}), forms A and B`);
L.push(`  dist/pkg/jiaohe_bg.wasm     ${pad(sizes.wasm_bytes.toLocaleString('en'), 9)} B (${kb(sizes.wasm_bytes)})`);
L.push('');
L.push(`CLI: jiaohe check --format json FILES, stdout to /dev/null, median of ${CLI_RUNS} runs, peak RSS by ${cli[10000].rss_method}:`);
for (const n of [10000, 1000]) {
  const c = cli[n];
  L.push(`  ${pad(n.toLocaleString('en'), 6)} files: ${c.median_seconds.toFixed(3)} s = ${Math.round(c.docs_per_s).toLocaleString('en')} documents/s, peak RSS ${(c.peak_rss_kb / 1024).toFixed(1)} MiB (exit ${c.exit_codes.join('/')})`);
}
L.push(`  target ≥ ${TARGETS.cli_docs_per_s.toLocaleString('en')} documents/s on 10,000 files: ${ok(met.cli_docs_per_s)}; peak RSS 10,000 vs 1,000 files: ${(cli[10000].peak_rss_kb / cli[1000].peak_rss_kb).toFixed(2)}× (flat ≈ 1×)`);
L.push('');
L.push(`文字核对: checkText on ${textCheck.characters.toLocaleString('en')} characters (${textCheck.claims.toLocaleString('en')} claims), median of ${textCheck.runs}: ${ms(textCheck.median_ms)} ms (max ${ms(textCheck.max_ms)}) — target ≤ ${TARGETS.text_100k_ms} ms: ${ok(met.text_100k_ms)}`);
L.push('');
for (const w of warnings) L.push(`WARNING: ${w}`);
console.log(L.join('\n'));

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify({
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, chromium: chromiumVersion, load_average_at_start: loadBefore },
  tables: tableNames,
  evaluate: evaluateResults,
  ratios,
  agreement,
  startup,
  keystroke,
  sizes,
  cli,
  text_check: textCheck,
  targets: TARGETS,
  met,
  warnings,
}, (k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v), 1) + '\n');
console.log(`figures written to ${path.relative(root, OUT)}`);
